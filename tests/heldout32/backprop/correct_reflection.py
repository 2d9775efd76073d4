"""Losses, softmax and backpropagation written by dispatch on names: the two linear-classifier
losses share one function that looks up the loss by name, the MLP's layers are looked up by
their kind ("sigmoid" or "linear") in a dict of (forward, backward) pairs, the row reductions
are operator.methodcaller objects, and the chain rule walks its links through getattr.

Correct solution (style: reflection).
"""

import math
import operator

import numpy as np

_REDUCE = {
    "shift": operator.methodcaller("max", axis=-1, keepdims=True),
    "total": operator.methodcaller("sum", axis=-1, keepdims=True),
}


def softmax(Z):
    """Row-wise softmax, shifted by the row max."""
    Z = np.asarray(Z, dtype=np.float64)
    e = np.exp(Z - _REDUCE["shift"](Z))
    return e / _REDUCE["total"](e)


def softmax_jacobian(p):
    """diag(p) - p p^T."""
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError("p must be 1-D")
    return getattr(np, _NUMPY["diagonal"])(p) - getattr(np, _NUMPY["outer"])(p, p)


def _check(W, X, y):
    W = np.asarray(W, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if W.ndim != 2 or X.ndim != 2 or y.ndim != 1:
        raise ValueError("expected W (D, C), X (N, D), y (N,)")
    if X.shape[1] != W.shape[0] or X.shape[0] != y.shape[0]:
        raise ValueError("shapes disagree")
    if y.size and (y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= W.shape[1]):
        raise ValueError("labels must be integers in 0..C-1")
    return W, X, y.astype(np.intp)


def _hinge(s, y):
    N = s.shape[0]
    rows = np.arange(N)
    margins = s - s[rows, y][:, None] + 1.0
    margins[rows, y] = 0.0
    ds = (margins > 0).astype(np.float64)
    ds[rows, y] = -ds.sum(axis=1)
    return np.maximum(0.0, margins).sum() / N, ds / N


def _cross_entropy(s, y):
    s = np.asarray(s, dtype=np.float64)
    if s.ndim != 2 or y.shape != (s.shape[0],):
        raise ValueError("scores (N, C) and labels (N,) expected")
    if y.size and (y.min() < 0 or y.max() >= s.shape[1]):
        raise ValueError("labels must be in 0..C-1")
    N = s.shape[0]
    rows = np.arange(N)
    shifted = s - _REDUCE["shift"](s)
    log_p = shifted - np.log(_REDUCE["total"](np.exp(shifted)))
    ds = np.exp(log_p)
    ds[rows, y] -= 1.0
    return -log_p[rows, y].sum() / N, ds / N


_LOSSES = {"hinge": _hinge, "softmax": _cross_entropy}
_NUMPY = {"diagonal": "diag", "outer": "outer", "stack": "concatenate"}


def _linear_loss(kind, W, X, y, reg):
    W, X, y = _check(W, X, y)
    loss, ds = _LOSSES[kind](X @ W, y)
    return float(loss + reg * np.sum(W * W)), X.T @ ds + 2.0 * reg * W


def hinge_loss(W, X, y, reg):
    """Multiclass SVM loss and gradient, through the loss named "hinge"."""
    return _linear_loss("hinge", W, X, y, reg)


def softmax_loss(W, X, y, reg):
    """Cross-entropy loss and gradient, through the loss named "softmax"."""
    return _linear_loss("softmax", W, X, y, reg)


def _sigmoid(s):
    e = np.exp(-np.abs(s))
    return np.where(s >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


_LAYERS = {
    "sigmoid": (_sigmoid, lambda dout, out: dout * out * (1.0 - out)),
    "linear": (lambda s: s, lambda dout, out: dout),
}


def mlp_loss_and_grads(params, X, y):
    """Forward and backward through layers looked up by kind; returns (loss, grads)."""
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    if L == 0 or set(params) != {f"{p}{l}" for l in range(1, L + 1) for p in "Wb"}:
        raise ValueError("params must hold W1, b1, ..., WL, bL")
    x = np.asarray(X, dtype=np.float64)
    cache = []
    for l in range(1, L + 1):
        kind = "sigmoid" if l < L else "linear"
        forward, _ = _LAYERS[kind]
        W = np.asarray(params[f"W{l}"], dtype=np.float64)
        b = np.asarray(params[f"b{l}"], dtype=np.float64)
        if x.ndim != 2 or W.ndim != 2 or x.shape[1] != W.shape[0] or b.shape != (W.shape[1],):
            raise ValueError(f"layer {l} does not fit")
        out = forward(x @ W + b)
        cache.append((kind, x, W, out))
        x = out
    loss, delta = _cross_entropy(x, np.asarray(y).astype(np.intp))
    grads = {}
    for l in range(L, 0, -1):
        kind, x_in, W, out = cache[l - 1]
        _, backward = _LAYERS[kind]
        delta = backward(delta, out)
        grads[f"W{l}"] = x_in.T @ delta
        grads[f"b{l}"] = delta.sum(axis=0)
        delta = delta @ W.T
    return float(loss), {k: grads[k] for l in range(1, L + 1) for k in (f"W{l}", f"b{l}")}


_NONLIN = {"tanh": (np.tanh, lambda out: 1.0 - out**2)}


def dag_forward_backward(x0, W1, W2, W3):
    """x3 and the gradients of x3, the nonlinearity and the stacking looked up by name."""
    x0 = np.asarray(x0, dtype=np.float64)
    W1 = np.asarray(W1, dtype=np.float64)
    W2 = np.asarray(W2, dtype=np.float64)
    W3 = np.asarray(W3, dtype=np.float64)
    d0, d1 = x0.shape[0], W1.shape[0]
    if W1.shape != (d1, d0) or W2.ndim != 2 or W2.shape[1] != d0 + d1:
        raise ValueError("shapes disagree")
    if W3.shape != (d1 + W2.shape[0],):
        raise ValueError("W3 has the wrong length")
    act, slope = _NONLIN["tanh"]
    stack = getattr(np, _NUMPY["stack"])
    x1 = act(W1 @ x0)
    z2 = stack([x0, x1])
    x2 = act(W2 @ z2)
    z3 = stack([x1, x2])
    x3 = float(W3 @ z3)
    ds2 = W3[d1:] * slope(x2)
    dz2 = W2.T @ ds2
    ds1 = (W3[:d1] + dz2[d0:]) * slope(x1)
    dx0 = dz2[:d0] + W1.T @ ds1
    return x3, {"W1": np.outer(ds1, x0), "W2": np.outer(ds2, z2), "W3": z3, "x0": dx0}


class _Links:
    """Each link of the chain returns (its value, its local derivative) at u."""

    @staticmethod
    def square(u):
        return u * u, 2.0 * u

    @staticmethod
    def sin(u):
        return math.sin(u), math.cos(u)

    @staticmethod
    def exp(u):
        e = math.exp(u)
        return e, e


def chain_rule_example(x):
    """e^{sin(x^2)} and its derivative, the links called by name."""
    value, derivative = float(x), 1.0
    for name in ("square", "sin", "exp"):
        value, local = getattr(_Links, name)(value)
        derivative = derivative * local
    return value, derivative
