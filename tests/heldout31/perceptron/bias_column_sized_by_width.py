"""The column of ones is allocated with arr.shape[1] rows (the number of features) instead of arr.shape[0].

np.hstack then fails for every X whose number of rows differs from its number of columns; only
square X gets a result.

Single mistake in add_bias; written from correct_typed.
"""

from __future__ import annotations

from typing import Final, Protocol, TypedDict, cast

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

POSITIVE: Final[int] = 1
NEGATIVE: Final[int] = -1
BIAS_VALUE: Final[float] = 1.0


class TrainState(TypedDict):
    w: FloatArray
    changes: list[int]


class UpdateRule(Protocol):
    def __call__(self, w: FloatArray, x: FloatArray, y: int) -> FloatArray: ...


def two_gaussians(n_per_class: int, seed: int) -> tuple[FloatArray, IntArray]:
    """Provided: two Gaussian clouds, rows interleaved, bias column last."""
    rng = np.random.default_rng(seed)
    positive: FloatArray = rng.normal(0.0, 1.0, size=(n_per_class, 2))
    negative: FloatArray = rng.normal(3.0, 1.0, size=(n_per_class, 2))
    points: FloatArray = np.empty((2 * n_per_class, 2))
    points[0::2] = positive
    points[1::2] = negative
    y: IntArray = np.empty(2 * n_per_class, dtype=np.int64)
    y[0::2] = POSITIVE
    y[1::2] = NEGATIVE
    return np.hstack([points, np.ones((2 * n_per_class, 1))]), y


def _as_matrix(X: object) -> FloatArray:
    arr: FloatArray = np.asarray(X, dtype=np.float64)
    if arr.ndim != 2:
        raise ValueError("X must be 2-D")
    return arr


def add_bias(X: FloatArray) -> FloatArray:
    """[X | 1]: a column of ones appended last."""
    arr: FloatArray = _as_matrix(X)
    ones: FloatArray = np.full((arr.shape[1], 1), BIAS_VALUE)
    return cast(FloatArray, np.hstack([arr, ones]))


def _is_mistake(w: FloatArray, x: FloatArray, y: int) -> bool:
    return bool(y * float(w @ x) <= 0.0)


def _perceptron_update(w: FloatArray, x: FloatArray, y: int) -> FloatArray:
    return w + y * x


def _epoch(state: TrainState, X: FloatArray, y: IntArray, rule: UpdateRule) -> int:
    updates: int = 0
    for i in range(X.shape[0]):
        label: int = int(y[i])
        if _is_mistake(state["w"], X[i], label):
            state["w"] = rule(state["w"], X[i], label)
            updates += 1
    return updates


def train_perceptron(
    X: FloatArray, y: IntArray, w: FloatArray, epochs: int
) -> tuple[FloatArray, list[int]]:
    """The lecture's perceptron rule; returns (w, updates per epoch)."""
    data: FloatArray = _as_matrix(X)
    labels: IntArray = np.asarray(y)
    n: int = data.shape[0]
    d: int = data.shape[1]
    if labels.shape != (n,):
        raise ValueError("y must have one label per row of X")
    if not bool(np.all((labels == POSITIVE) | (labels == NEGATIVE))):
        raise ValueError("labels must be -1 or +1")
    start: FloatArray = np.array(w, dtype=np.float64)
    if start.shape != (d,):
        raise ValueError("w must have one weight per column of X")
    state: TrainState = {"w": start, "changes": []}
    for _ in range(int(epochs)):
        count: int = _epoch(state, data, labels, _perceptron_update)
        state["changes"].append(count)
        if count == 0:
            break
    return state["w"], state["changes"]


def predict(w: FloatArray, X: FloatArray) -> IntArray:
    """+1 where w.x > 0, else -1."""
    scores: FloatArray = np.asarray(X, dtype=np.float64) @ np.asarray(w, dtype=np.float64)
    return cast(IntArray, np.where(scores > 0.0, POSITIVE, NEGATIVE).astype(np.int64))


def _radius(X: FloatArray) -> float:
    return float(np.max(np.linalg.norm(X, axis=1)))


def _gamma(X: FloatArray, y: FloatArray, w_star: FloatArray) -> float:
    norm: float = float(np.linalg.norm(w_star))
    if norm == 0.0:
        raise ValueError("w_star is zero")
    return float(np.min(y * (X @ w_star))) / norm


def novikoff_bound(X: FloatArray, y: IntArray, w_star: FloatArray) -> float:
    """(R / gamma)^2; ValueError if w_star does not separate the data."""
    data: FloatArray = np.asarray(X, dtype=np.float64)
    labels: FloatArray = np.asarray(y, dtype=np.float64)
    ws: FloatArray = np.asarray(w_star, dtype=np.float64)
    gamma: float = _gamma(data, labels, ws)
    if gamma <= 0.0:
        raise ValueError("w_star does not separate the data")
    R: float = _radius(data)
    return (R / gamma) ** 2


def xor_features(X: FloatArray) -> FloatArray:
    """phi(u, v) = (u, v, u*v) row-wise."""
    arr: FloatArray = np.asarray(X, dtype=np.float64)
    if arr.ndim != 2 or arr.shape[1] != 2:
        raise ValueError("X must have shape (n, 2)")
    u: FloatArray = arr[:, 0]
    v: FloatArray = arr[:, 1]
    return cast(FloatArray, np.column_stack([u, v, u * v]))
