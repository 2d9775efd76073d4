"""The Forward record is built positionally in the order the values are computed, Forward(x1, x2, z2, z3, x3), for fields (x1, z2, x2, z3, x3).

fwd.x2 holds [x0; x1] and fwd.z2 holds x2: the backward pass multiplies vectors of different
lengths and raises ValueError (when d2 = d0 + d1 it returns wrong gradients instead).

Single mistake in dag_forward_backward; written from correct_records.
"""

from typing import NamedTuple

import numpy as np


class Shifted(NamedTuple):
    values: np.ndarray
    row_max: np.ndarray


class LossGrad(NamedTuple):
    loss: float
    dW: np.ndarray


class Cache(NamedTuple):
    x_in: np.ndarray
    out: np.ndarray


class Forward(NamedTuple):
    x1: np.ndarray
    z2: np.ndarray
    x2: np.ndarray
    z3: np.ndarray
    x3: float


class Chain(NamedTuple):
    u: float
    v: float
    f: float


def _shift(Z):
    Z = np.asarray(Z, dtype=np.float64)
    row_max = Z.max(axis=-1, keepdims=True)
    return Shifted(values=Z - row_max, row_max=row_max)


def softmax(Z):
    """Row-wise softmax, shifted by the row max."""
    e = np.exp(_shift(Z).values)
    return e / e.sum(axis=-1, keepdims=True)


def softmax_jacobian(p):
    """diag(p) - p p^T."""
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError("p must be 1-D")
    return np.diag(p) - np.outer(p, p)


def _check(W, X, y):
    W = np.asarray(W, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if W.ndim != 2 or X.ndim != 2 or y.ndim != 1:
        raise ValueError("expected W (D, C), X (N, D), y (N,)")
    if X.shape[1] != W.shape[0] or X.shape[0] != y.shape[0]:
        raise ValueError("shapes disagree")
    if y.size and (y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= W.shape[1]):
        raise ValueError("labels out of range")
    return W, X, y.astype(np.intp)


def _regularise(result, W, reg):
    return result._replace(loss=result.loss + reg * float(np.sum(W * W)),
                           dW=result.dW + 2.0 * reg * W)


def hinge_loss(W, X, y, reg):
    """Multiclass SVM loss and gradient."""
    W, X, y = _check(W, X, y)
    N = X.shape[0]
    rows = np.arange(N)
    s = X @ W
    margins = s - s[rows, y][:, None] + 1.0
    margins[rows, y] = 0.0
    ds = (margins > 0).astype(np.float64)
    ds[rows, y] = -ds.sum(axis=1)
    result = LossGrad(loss=float(np.maximum(0.0, margins).sum() / N), dW=X.T @ (ds / N))
    result = _regularise(result, W, reg)
    return float(result.loss), result.dW


def _cross_entropy(s, y):
    N = s.shape[0]
    rows = np.arange(N)
    shifted = _shift(s)
    log_p = shifted.values - np.log(np.exp(shifted.values).sum(axis=1, keepdims=True))
    ds = np.exp(log_p)
    ds[rows, y] -= 1.0
    return LossGrad(loss=float(-log_p[rows, y].sum() / N), dW=ds / N)


def softmax_loss(W, X, y, reg):
    """Mean cross-entropy of a linear classifier plus reg * sum W^2, and its gradient."""
    W, X, y = _check(W, X, y)
    scores = _cross_entropy(X @ W, y)
    result = LossGrad(loss=scores.loss, dW=X.T @ scores.dW)
    result = _regularise(result, W, reg)
    return float(result.loss), result.dW


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def mlp_loss_and_grads(params, X, y):
    """Sigmoid MLP with linear scores and mean softmax cross-entropy; returns (loss, grads)."""
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    if L == 0 or set(params) != {f"{p}{l}" for l in range(1, L + 1) for p in "Wb"}:
        raise ValueError("params must hold W1, b1, ..., WL, bL")
    x = np.asarray(X, dtype=np.float64)
    y = np.asarray(y).astype(np.intp)
    caches = []
    for l in range(1, L + 1):
        s = x @ np.asarray(params[f"W{l}"], dtype=np.float64) + np.asarray(params[f"b{l}"])
        out = _sigmoid(s) if l < L else s
        caches.append(Cache(x_in=x, out=out))
        x = out
    result = _cross_entropy(x, y)
    delta = result.dW
    grads = {}
    for l in range(L, 0, -1):
        cache = caches[l - 1]
        grads[f"W{l}"] = cache.x_in.T @ delta
        grads[f"b{l}"] = delta.sum(axis=0)
        if l > 1:
            below = caches[l - 2]
            delta = (delta @ np.asarray(params[f"W{l}"], dtype=np.float64).T) \
                * below.out * (1.0 - below.out)
    return float(result.loss), {k: grads[k] for l in range(1, L + 1) for k in (f"W{l}", f"b{l}")}


def _forward(x0, W1, W2, W3):
    x1 = np.tanh(W1 @ x0)
    z2 = np.concatenate([x0, x1])
    x2 = np.tanh(W2 @ z2)
    z3 = np.concatenate([x1, x2])
    return Forward(x1, x2, z2, z3, float(W3 @ z3))


def dag_forward_backward(x0, W1, W2, W3):
    """x3 = W3 . [x1; x2] and its gradients, summed over every path."""
    x0 = np.asarray(x0, dtype=np.float64)
    W1 = np.asarray(W1, dtype=np.float64)
    W2 = np.asarray(W2, dtype=np.float64)
    W3 = np.asarray(W3, dtype=np.float64)
    d0, d1 = x0.shape[0], W1.shape[0]
    if W1.shape != (d1, d0) or W2.ndim != 2 or W2.shape[1] != d0 + d1:
        raise ValueError("shapes disagree")
    if W3.shape != (d1 + W2.shape[0],):
        raise ValueError("W3 has the wrong length")
    fwd = _forward(x0, W1, W2, W3)
    ds2 = W3[d1:] * (1.0 - fwd.x2 ** 2)
    dz2 = W2.T @ ds2
    dx1 = W3[:d1] + dz2[d0:]
    ds1 = dx1 * (1.0 - fwd.x1 ** 2)
    grads = {"W1": np.outer(ds1, x0), "W2": np.outer(ds2, fwd.z2), "W3": fwd.z3.copy(),
             "x0": dz2[:d0] + W1.T @ ds1}
    return fwd.x3, grads


def chain_rule_example(x):
    """(e^{sin(x^2)}, its derivative)."""
    x = np.asarray(x, dtype=np.float64)
    u = x * x
    c = Chain(u=u, v=np.sin(u), f=np.exp(np.sin(u)))
    derivative = c.f * np.cos(c.u) * 2.0 * x
    if np.ndim(c.f) == 0:
        return float(c.f), float(derivative)
    return c.f, derivative
