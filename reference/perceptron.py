"""Perceptron learning and its convergence (assignment 2, `perceptron`).

Labels are ±1 and the bias is a weight like any other: a column of ones is appended to X as the
LAST column, so the decision rule is ŷ = sign(w·x) with w = (w_1, ..., w_d, b). The lecture's
learning rule sweeps the data in order and, on every mistake (y_i·(w·x_i) <= 0, a point on the
boundary counts as a mistake),

    w ← w + y_i·x_i.

Novikoff's theorem: if some w* separates the data with margin γ = minᵢ yᵢ(w*·xᵢ)/‖w*‖ > 0 and
R = maxᵢ‖xᵢ‖, the perceptron started at w = 0 makes at most (R/γ)² updates in total.

XOR is not linearly separable, so the perceptron never stops on it; in the feature space
φ(x_u, x_v) = (x_u, x_v, x_u·x_v) it is.

Beyond the student API this module has the lecture's convergence experiment (two Gaussians,
means 0 and 3, sd 1, 100 points each, bias column, early stop) with the Novikoff bound checked
against a max-margin separator found by linear programming (`max_margin_separator`,
`convergence_experiment`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

STUDENT_API: tuple[str, ...] = (
    "add_bias", "train_perceptron", "predict", "novikoff_bound", "xor_features",
)
PROVIDED: tuple[str, ...] = ("two_gaussians",)

# --------------------------------------------------------------------------- provided


def two_gaussians(n_per_class, seed):
    """The lecture's data set: two Gaussian clouds in the plane, bias column already appended.

    Class +1 ~ N((0, 0), I₂), class −1 ~ N((3, 3), I₂), n_per_class points each, drawn with
    np.random.default_rng(seed). Rows are interleaved: X[0::2] are class +1, X[1::2] class −1.
    Returns X (2·n_per_class, 3) with a column of ones LAST, and y (2·n_per_class,) of ±1 ints.
    """
    rng = np.random.default_rng(seed)
    positive = rng.normal(0.0, 1.0, size=(n_per_class, 2))
    negative = rng.normal(3.0, 1.0, size=(n_per_class, 2))
    points = np.empty((2 * n_per_class, 2))
    points[0::2] = positive
    points[1::2] = negative
    y = np.empty(2 * n_per_class, dtype=int)
    y[0::2] = 1
    y[1::2] = -1
    X = np.hstack([points, np.ones((2 * n_per_class, 1))])
    return X, y


# --------------------------------------------------------------------------- student API


def add_bias(X):
    """Append the bias input: a column of ones as the LAST column.

    X: (n, d) array. Returns a new (n, d + 1) float array [X | 1]; X is not modified.
    """
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be a 2-D array (n, d), got shape {X.shape}")
    return np.hstack([X, np.ones((X.shape[0], 1))])


def train_perceptron(X, y, w, epochs):
    """Train a perceptron with the lecture's rule; returns (w, changes).

    X: (n, d) inputs, bias column already included. y: (n,) labels, each −1 or +1.
    w: (d,) initial weights (not modified: work on a copy). epochs: the maximum number of epochs.

    One epoch sweeps i = 0, 1, ..., n−1 in this order; whenever y_i·(w·x_i) <= 0 (a mistake, or
    a point on the boundary) it updates  w ← w + y_i·x_i.  `changes` is a list with the number of
    updates in each epoch that ran. Training stops after the first epoch with 0 updates (so the
    list then ends with 0) or after `epochs` epochs, whichever comes first.

    Returns (w, changes): the final weights (d,) float and a list of ints.
    Raises ValueError if a label is not −1 or +1, or if the shapes of X, y and w disagree.
    """
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError(f"X must be a 2-D array (n, d), got shape {X.shape}")
    n, d = X.shape
    if y.shape != (n,):
        raise ValueError(f"y must have shape ({n},) to match X {X.shape}, got {y.shape}")
    if not np.all((y == 1) | (y == -1)):
        raise ValueError("labels must be -1 or +1 (the perceptron rule needs ±1 labels)")
    w = np.array(w, dtype=np.float64)  # a copy: the caller's w is left alone
    if w.shape != (d,):
        raise ValueError(f"w must have shape ({d},) to match X {X.shape}, got {w.shape}")
    changes: list[int] = []
    for _ in range(epochs):
        updates = 0
        for x_i, y_i in zip(X, y, strict=True):
            if y_i * (w @ x_i) <= 0:
                w = w + y_i * x_i
                updates += 1
        changes.append(updates)
        if updates == 0:
            break
    return w, changes


def predict(w, X):
    """The perceptron's decision: +1 where w·x > 0, else −1 (a point on the boundary is −1).

    w: (d,) weights, X: (n, d) inputs (bias column included). Returns an int array (n,) of ±1.
    """
    s = np.asarray(X, dtype=np.float64) @ np.asarray(w, dtype=np.float64)
    return np.where(s > 0, 1, -1)


def novikoff_bound(X, y, w_star):
    """Novikoff's bound (R/γ)² on the number of perceptron updates (started at w = 0).

    X: (n, d) inputs (bias column included), y: (n,) ±1 labels, w_star: (d,) a separating
    weight vector. R = maxᵢ ‖xᵢ‖ and γ = minᵢ yᵢ(w*·xᵢ)/‖w*‖ (the margin of w*, normalised).
    Returns (R/γ)² as a float. Raises ValueError if w_star does not separate the data (γ <= 0).
    """
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    norm = np.linalg.norm(w_star)
    if norm == 0:
        raise ValueError("w_star is zero: it does not separate the data")
    R = np.max(np.linalg.norm(X, axis=1))
    gamma = np.min(y * (X @ w_star)) / norm
    if gamma <= 0:
        raise ValueError(f"w_star does not separate the data: margin γ = {gamma:.3g} <= 0")
    return float((R / gamma) ** 2)


def xor_features(X):
    """The feature map that makes XOR linearly separable: φ(x_u, x_v) = (x_u, x_v, x_u·x_v).

    X: (n, 2). Returns a new (n, 3) float array, row-wise φ; X is not modified.
    """
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X must have shape (n, 2), got {X.shape}")
    return np.column_stack([X[:, 0], X[:, 1], X[:, 0] * X[:, 1]])


# --------------------------------------------------------------------------- lecture helpers


def max_margin_separator(X: np.ndarray, y: np.ndarray) -> np.ndarray | None:
    """A separating w* with the largest margin under ‖w‖∞ <= 1, by linear programming.

    maximise t  subject to  yᵢ(w·xᵢ) >= t for all i,  −1 <= w_j <= 1.
    Any separating w* gives a valid Novikoff bound; this one has a large margin, so the bound is
    reasonably tight. Returns w* (d,), or None if the data are not linearly separable (t <= 0).
    """
    from scipy.optimize import linprog  # only the lecture helpers need scipy

    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n, d = X.shape
    c = np.zeros(d + 1)
    c[-1] = -1.0  # minimise −t
    A_ub = np.hstack([-(y[:, None] * X), np.ones((n, 1))])  # t − yᵢ(w·xᵢ) <= 0
    bounds = [(-1.0, 1.0)] * d + [(None, None)]
    res = linprog(c, A_ub=A_ub, b_ub=np.zeros(n), bounds=bounds, method="highs")
    if res.status != 0:
        raise RuntimeError(f"linprog failed: {res.message}")
    w_star = res.x[:d]
    if np.min(y * (X @ w_star)) <= 1e-9:
        return None
    return np.asarray(w_star)


def margin(X: np.ndarray, y: np.ndarray, w: np.ndarray) -> float:
    """γ = minᵢ yᵢ(w·xᵢ)/‖w‖: positive iff w separates the data."""
    return float(np.min(np.asarray(y) * (np.asarray(X) @ w)) / np.linalg.norm(w))


@dataclass(frozen=True)
class ConvergenceRun:
    """One run of the lecture's convergence experiment."""

    X: np.ndarray
    """(2·n_per_class, 3) data, bias column last."""
    y: np.ndarray
    """(2·n_per_class,) ±1 labels."""
    w: np.ndarray
    """The perceptron's final weights (started at 0)."""
    changes: list[int]
    """Updates per epoch (ends with 0 iff it converged)."""
    converged: bool
    """An epoch without updates was reached."""
    w_star: np.ndarray | None
    """The max-margin separator, or None if the data are not separable."""
    bound: float | None
    """Novikoff's (R/γ)² for w_star, or None if not separable."""

    @property
    def updates(self) -> int:
        """The total number of updates, the quantity Novikoff's theorem bounds."""
        return sum(self.changes)


def convergence_experiment(
    n_per_class: int = 100, seed: int = 1, epochs: int = 1000
) -> ConvergenceRun:
    """The lecture's experiment: perceptron from w = 0 on two Gaussians, early stop.

    When the sample is separable the run must stop after at most (R/γ)² updates. The means are
    3√2 ≈ 4.2 sd apart, so with 100 points per class a few points often land on the wrong side
    (seed 0 does, seed 1 does not); then the data are not separable and the perceptron runs all
    `epochs` epochs without converging.
    """
    X, y = two_gaussians(n_per_class, seed)
    w, changes = train_perceptron(X, y, np.zeros(X.shape[1]), epochs)
    w_star = max_margin_separator(X, y)
    bound = None if w_star is None else novikoff_bound(X, y, w_star)
    return ConvergenceRun(X, y, w, changes, changes[-1] == 0, w_star, bound)
