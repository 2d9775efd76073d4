"""minibatch_sgd returns np.concatenate(used), one flat index array, instead of the list of batches.

The weights are right, but the batches come back as one array of all indices (and epochs = 0
fails: nothing to concatenate).

Single mistake in minibatch_sgd; written from correct_typed.
"""

from __future__ import annotations

from typing import Final, Protocol, TypedDict, cast

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IndexArray = npt.NDArray[np.intp]

DEFAULT_H: Final[float] = 1e-5
TWO: Final[float] = 2.0


class ScalarFn(Protocol):
    def __call__(self, x: FloatArray) -> float: ...


class AdamConfig(TypedDict):
    lr: float
    beta1: float
    beta2: float
    eps: float


def _central(f: ScalarFn, x: FloatArray, idx: tuple[int, ...], h: float) -> float:
    old: float = float(x[idx])
    x[idx] = old + h
    plus: float = float(f(x))
    x[idx] = old - h
    minus: float = float(f(x))
    x[idx] = old
    return (plus - minus) / (TWO * h)


def numerical_gradient(f: ScalarFn, x: FloatArray, h: float = DEFAULT_H) -> FloatArray:
    """Central differences, one entry at a time, on a private copy of x."""
    work: FloatArray = np.array(x, dtype=np.float64)
    g: FloatArray = np.zeros_like(work)
    for idx in np.ndindex(work.shape):
        g[idx] = _central(f, work, cast(tuple[int, ...], idx), h)
    return g


def _residuals(w: FloatArray, X: FloatArray, y: FloatArray) -> FloatArray:
    return cast(FloatArray, X @ w - y)


def squared_loss_grad(w: FloatArray, X: FloatArray, y: FloatArray) -> FloatArray:
    """(1/n) X^T (X w - y), shaped like w."""
    Xf: FloatArray = np.asarray(X, dtype=np.float64)
    wf: FloatArray = np.asarray(w, dtype=np.float64)
    yf: FloatArray = np.asarray(y, dtype=np.float64)
    n: int = int(Xf.shape[0])
    return cast(FloatArray, Xf.T @ _residuals(wf, Xf, yf) / n)


def _batches(perm: IndexArray, size: int) -> list[IndexArray]:
    return [perm[s : s + size] for s in range(0, perm.shape[0], size)]


def minibatch_sgd(
    X: FloatArray, y: FloatArray, w0: FloatArray, lr: float, epochs: int, batch_size: int,
    seed: int,
) -> tuple[FloatArray, list[IndexArray]]:
    """Mini-batch SGD on least squares with one permutation per epoch."""
    Xf: FloatArray = np.asarray(X, dtype=np.float64)
    yf: FloatArray = np.asarray(y, dtype=np.float64)
    w: FloatArray = np.array(w0, dtype=np.float64)
    n: int = int(Xf.shape[0])
    rng: np.random.Generator = np.random.default_rng(seed)
    used: list[IndexArray] = []
    for _ in range(int(epochs)):
        perm: IndexArray = rng.permutation(n)
        for b in _batches(perm, int(batch_size)):
            w = w - lr * squared_loss_grad(w, Xf[b], yf[b])
            used.append(b)
    return w, np.concatenate(used)


def momentum_step(
    w: FloatArray, g: FloatArray, v: FloatArray, lr: float, mu: float
) -> tuple[FloatArray, FloatArray]:
    """v <- mu v + g; w <- w - lr v."""
    new_v: FloatArray = mu * np.asarray(v, dtype=np.float64) + np.asarray(g, dtype=np.float64)
    new_w: FloatArray = np.asarray(w, dtype=np.float64) - lr * new_v
    return new_w, new_v


def _moment(old: FloatArray, new: FloatArray, beta: float) -> FloatArray:
    return beta * old + (1.0 - beta) * new


def _corrected(moment: FloatArray, beta: float, t: int) -> FloatArray:
    return moment / (1.0 - beta**t)


def adam_step(
    w: FloatArray, g: FloatArray, m: FloatArray, v: FloatArray, t: int, lr: float,
    beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8,
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """One Adam step with bias correction; returns (w, m, v) with the new raw moments."""
    cfg: AdamConfig = {"lr": lr, "beta1": beta1, "beta2": beta2, "eps": eps}
    gf: FloatArray = np.asarray(g, dtype=np.float64)
    new_m: FloatArray = _moment(np.asarray(m, dtype=np.float64), gf, cfg["beta1"])
    new_v: FloatArray = _moment(np.asarray(v, dtype=np.float64), gf * gf, cfg["beta2"])
    m_hat: FloatArray = _corrected(new_m, cfg["beta1"], t)
    v_hat: FloatArray = _corrected(new_v, cfg["beta2"], t)
    step: FloatArray = cfg["lr"] * m_hat / (np.sqrt(v_hat) + cfg["eps"])
    return np.asarray(w, dtype=np.float64) - step, new_m, new_v
