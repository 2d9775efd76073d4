"""The returned gradient dict is keyed dW1, db1, ... instead of the params' keys W1, b1, ....

Every gradient is right but filed under a name params does not have, so grads['W1'] is a
KeyError.

Single mistake in mlp_loss_and_grads; written from correct_typed.
"""

from __future__ import annotations

from typing import Final, Protocol, TypedDict, cast

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.intp]

MARGIN: Final[float] = 1.0
REG_GRAD_FACTOR: Final[float] = 2.0


class DagGrads(TypedDict):
    W1: FloatArray
    W2: FloatArray
    W3: FloatArray
    x0: FloatArray


class LayerCache(TypedDict):
    x_in: FloatArray
    out: FloatArray
    hidden: bool


class LossFn(Protocol):
    def __call__(
        self, W: FloatArray, X: FloatArray, y: IntArray, reg: float
    ) -> tuple[float, FloatArray]: ...


def softmax(Z: FloatArray) -> FloatArray:
    """Row-wise softmax, shifted by the row max."""
    Zf: FloatArray = np.asarray(Z, dtype=np.float64)
    e: FloatArray = np.exp(Zf - Zf.max(axis=-1, keepdims=True))
    return cast(FloatArray, e / e.sum(axis=-1, keepdims=True))


def softmax_jacobian(p: FloatArray) -> FloatArray:
    """diag(p) - p p^T."""
    pf: FloatArray = np.asarray(p, dtype=np.float64)
    if pf.ndim != 1:
        raise ValueError("p must be 1-D")
    return cast(FloatArray, np.diag(pf) - np.outer(pf, pf))


def _checked(
    W: FloatArray, X: FloatArray, y: IntArray
) -> tuple[FloatArray, FloatArray, IntArray]:
    Wf: FloatArray = np.asarray(W, dtype=np.float64)
    Xf: FloatArray = np.asarray(X, dtype=np.float64)
    yi: npt.NDArray[np.generic] = np.asarray(y)
    if Wf.ndim != 2 or Xf.ndim != 2 or yi.ndim != 1:
        raise ValueError("expected W (D, C), X (N, D), y (N,)")
    if Xf.shape[1] != Wf.shape[0] or Xf.shape[0] != yi.shape[0]:
        raise ValueError("shapes disagree")
    if yi.size and (yi.dtype.kind not in "iu" or yi.min() < 0 or yi.max() >= Wf.shape[1]):
        raise ValueError("labels out of range")
    return Wf, Xf, yi.astype(np.intp)


def _penalty(W: FloatArray, reg: float) -> float:
    return float(reg * np.sum(W * W))


def hinge_loss(W: FloatArray, X: FloatArray, y: IntArray, reg: float) -> tuple[float, FloatArray]:
    """Multiclass SVM loss and gradient."""
    Wf, Xf, yi = _checked(W, X, y)
    N: int = int(Xf.shape[0])
    rows: IntArray = np.arange(N)
    s: FloatArray = Xf @ Wf
    margins: FloatArray = s - s[rows, yi][:, None] + MARGIN
    margins[rows, yi] = 0.0
    loss: float = float(np.maximum(0.0, margins).sum() / N) + _penalty(Wf, reg)
    active: FloatArray = (margins > 0.0).astype(np.float64)
    active[rows, yi] = -active.sum(axis=1)
    dW: FloatArray = Xf.T @ (active / N) + REG_GRAD_FACTOR * reg * Wf
    return loss, dW


def _cross_entropy(s: FloatArray, y: IntArray) -> tuple[float, FloatArray]:
    N: int = int(s.shape[0])
    rows: IntArray = np.arange(N)
    shifted: FloatArray = s - s.max(axis=1, keepdims=True)
    log_p: FloatArray = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss: float = float(-log_p[rows, y].sum() / N)
    ds: FloatArray = np.exp(log_p)
    ds[rows, y] -= 1.0
    return loss, ds / N


def softmax_loss(W: FloatArray, X: FloatArray, y: IntArray, reg: float) -> tuple[float, FloatArray]:
    """Mean cross-entropy plus reg * sum W^2, and its gradient."""
    Wf, Xf, yi = _checked(W, X, y)
    loss, ds = _cross_entropy(Xf @ Wf, yi)
    dW: FloatArray = Xf.T @ ds + REG_GRAD_FACTOR * reg * Wf
    return loss + _penalty(Wf, reg), dW


def _sigmoid(z: FloatArray) -> FloatArray:
    e: FloatArray = np.exp(-np.abs(z))
    return cast(FloatArray, np.where(z >= 0.0, 1.0 / (1.0 + e), e / (1.0 + e)))


def _depth(params: dict[str, FloatArray]) -> int:
    L: int = 0
    while f"W{L + 1}" in params:
        L += 1
    expected: set[str] = {f"{k}{l}" for l in range(1, L + 1) for k in "Wb"}
    if L == 0 or set(params) != expected:
        raise ValueError("params must hold W1, b1, ..., WL, bL")
    return L


def mlp_loss_and_grads(
    params: dict[str, FloatArray], X: FloatArray, y: IntArray
) -> tuple[float, dict[str, FloatArray]]:
    """Sigmoid MLP, linear output scores, mean softmax cross-entropy; backprop grads."""
    L: int = _depth(params)
    x: FloatArray = np.asarray(X, dtype=np.float64)
    labels: IntArray = np.asarray(y).astype(np.intp)
    caches: list[LayerCache] = []
    for l in range(1, L + 1):
        W: FloatArray = np.asarray(params[f"W{l}"], dtype=np.float64)
        b: FloatArray = np.asarray(params[f"b{l}"], dtype=np.float64)
        if x.ndim != 2 or W.ndim != 2 or x.shape[1] != W.shape[0] or b.shape != (W.shape[1],):
            raise ValueError(f"layer {l} shapes disagree")
        s: FloatArray = x @ W + b
        hidden: bool = l < L
        out: FloatArray = _sigmoid(s) if hidden else s
        caches.append({"x_in": x, "out": out, "hidden": hidden})
        x = out
    if labels.shape != (x.shape[0],) or (labels.size and (labels.min() < 0 or labels.max() >= x.shape[1])):
        raise ValueError("labels do not fit the scores")
    loss, delta = _cross_entropy(x, labels)
    grads: dict[str, FloatArray] = {}
    for l in range(L, 0, -1):
        cache: LayerCache = caches[l - 1]
        if cache["hidden"]:
            delta = delta * cache["out"] * (1.0 - cache["out"])
        W_l: FloatArray = np.asarray(params[f"W{l}"], dtype=np.float64)
        grads[f"W{l}"] = cache["x_in"].T @ delta
        grads[f"b{l}"] = delta.sum(axis=0)
        delta = delta @ W_l.T
    return loss, {f"d{k}": grads[k] for l in range(1, L + 1) for k in (f"W{l}", f"b{l}")}


def dag_forward_backward(
    x0: FloatArray, W1: FloatArray, W2: FloatArray, W3: FloatArray
) -> tuple[float, DagGrads]:
    """x1 = tanh(W1 x0), x2 = tanh(W2 [x0; x1]), x3 = W3 . [x1; x2]; grads over every path."""
    a0: FloatArray = np.asarray(x0, dtype=np.float64)
    A1: FloatArray = np.asarray(W1, dtype=np.float64)
    A2: FloatArray = np.asarray(W2, dtype=np.float64)
    a3: FloatArray = np.asarray(W3, dtype=np.float64)
    d0: int = int(a0.shape[0])
    d1: int = int(A1.shape[0])
    if A1.shape != (d1, d0) or A2.ndim != 2 or A2.shape[1] != d0 + d1:
        raise ValueError("shapes disagree")
    if a3.shape != (d1 + A2.shape[0],):
        raise ValueError("W3 has the wrong length")
    x1: FloatArray = np.tanh(A1 @ a0)
    z2: FloatArray = np.concatenate([a0, x1])
    x2: FloatArray = np.tanh(A2 @ z2)
    z3: FloatArray = np.concatenate([x1, x2])
    x3: float = float(a3 @ z3)
    ds2: FloatArray = a3[d1:] * (1.0 - x2 * x2)
    dz2: FloatArray = A2.T @ ds2
    dx1: FloatArray = a3[:d1] + dz2[d0:]
    ds1: FloatArray = dx1 * (1.0 - x1 * x1)
    grads: DagGrads = {
        "W1": np.outer(ds1, a0),
        "W2": np.outer(ds2, z2),
        "W3": z3.copy(),
        "x0": dz2[:d0] + A1.T @ ds1,
    }
    return x3, grads


def chain_rule_example(x: float) -> tuple[float, float]:
    """(e^{sin(x^2)}, its derivative)."""
    xf: float = float(x)
    u: float = xf * xf
    value: float = float(np.exp(np.sin(u)))
    return value, value * float(np.cos(u)) * 2.0 * xf
