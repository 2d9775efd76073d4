"""The cross-entropy exponentiates the raw scores: the shift by the row maximum is left out.

shifted = s instead of s − max: for scores of order 1e3 exp overflows to inf and the loss and
gradients are NaN (with an overflow warning).

Single mistake in softmax_loss, mlp_loss_and_grads; written from correct_decorators.
"""

import functools
import inspect

import numpy as np


def as_float_array(*names):
    """Hands fn the named arguments as float64 numpy arrays."""
    def decorate(fn):
        signature = inspect.signature(fn)

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            bound = signature.bind(*args, **kwargs)
            for name in names:
                bound.arguments[name] = np.asarray(bound.arguments[name], dtype=np.float64)
            return fn(*bound.args, **bound.kwargs)
        return wrapper
    return decorate


def checks_shapes(fn):
    """W (D, C), X (N, D), y (N,) of ints in 0..C-1; hands fn y as intp."""
    @functools.wraps(fn)
    def wrapper(W, X, y, reg):
        y = np.asarray(y)
        if np.ndim(W) != 2 or np.ndim(X) != 2 or y.ndim != 1:
            raise ValueError("expected W (D, C), X (N, D), y (N,)")
        if np.shape(X)[1] != np.shape(W)[0] or np.shape(X)[0] != y.shape[0]:
            raise ValueError("shapes disagree")
        if y.size and (y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= np.shape(W)[1]):
            raise ValueError("labels must be ints in 0..C-1")
        return fn(W, X, y.astype(np.intp), reg)
    return wrapper


def regularised(fn):
    """fn gives the data loss and its gradient; the wrapper adds reg·ΣW² and 2·reg·W."""
    @functools.wraps(fn)
    def wrapper(W, X, y, reg):
        loss, dW = fn(W, X, y, reg)
        return float(loss + reg * np.sum(W * W)), dW + 2 * reg * W
    return wrapper


def returns_float(fn):
    """Turns the first returned value into a Python float."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        first, *rest = fn(*args, **kwargs)
        return (float(first), *rest)
    return wrapper


def scalar_pair(fn):
    """Gives a pair of Python floats back for a number, a pair of arrays otherwise."""
    @functools.wraps(fn)
    def wrapper(x):
        value, derivative = fn(np.asarray(x, dtype=np.float64))
        if np.ndim(value) == 0:
            return float(value), float(derivative)
        return value, derivative
    return wrapper


def checks_params(fn):
    """Raises ValueError unless params are exactly W1, b1, ..., WL, bL; hands fn L."""
    @functools.wraps(fn)
    def wrapper(params, X, y):
        L = 0
        while f"W{L + 1}" in params:
            L += 1
        if L == 0 or set(params) != {f"{k}{l}" for l in range(1, L + 1) for k in "Wb"}:
            raise ValueError("params must be W1, b1, ..., WL, bL")
        arrays = {k: np.asarray(v, dtype=np.float64) for k, v in params.items()}
        return fn(arrays, np.asarray(X, dtype=np.float64), np.asarray(y).astype(np.intp), L)
    return wrapper


def cross_entropy(s, y):
    """Mean cross-entropy of the scores s against y, and its gradient (P - Y)/N."""
    if s.ndim != 2 or y.shape != (s.shape[0],):
        raise ValueError("scores (N, C) and labels (N,) expected")
    if y.size and (y.min() < 0 or y.max() >= s.shape[1]):
        raise ValueError("labels must be ints in 0..C-1")
    rows = np.arange(s.shape[0])
    shifted = s
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    ds = np.exp(log_p)
    ds[rows, y] -= 1.0
    return -log_p[rows, y].sum() / s.shape[0], ds / s.shape[0]


def logistic(s):
    """σ(s) through e^{-|s|}."""
    e = np.exp(-np.abs(s))
    return np.where(s >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


@as_float_array("Z")
def softmax(Z):
    """Row-wise softmax, shifted by the row maximum."""
    e = np.exp(Z - Z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


@as_float_array("p")
def softmax_jacobian(p):
    """diag(p) - p pᵀ."""
    if p.ndim != 1:
        raise ValueError("p must be 1-D")
    return np.diag(p) - np.outer(p, p)


@as_float_array("W", "X")
@checks_shapes
@regularised
def hinge_loss(W, X, y, reg):
    """The multiclass SVM data loss and its gradient."""
    rows = np.arange(X.shape[0])
    s = X @ W
    margins = s - s[rows, y][:, None] + 1.0
    margins[rows, y] = 0.0
    ds = (margins > 0).astype(np.float64)
    ds[rows, y] = -ds.sum(axis=1)
    return np.maximum(0.0, margins).sum() / X.shape[0], X.T @ ds / X.shape[0]


@as_float_array("W", "X")
@checks_shapes
@regularised
def softmax_loss(W, X, y, reg):
    """The mean cross-entropy data loss and its gradient."""
    loss, ds = cross_entropy(X @ W, y)
    return loss, X.T @ ds


@returns_float
@checks_params
def mlp_loss_and_grads(params, X, y, L):
    """Forward through sigmoid hidden layers and a linear output, then the δ recursion back."""
    xs = [X]
    for l in range(1, L + 1):
        W, b = params[f"W{l}"], params[f"b{l}"]
        if xs[-1].ndim != 2 or W.ndim != 2 or xs[-1].shape[1] != W.shape[0] \
                or b.shape != (W.shape[1],):
            raise ValueError(f"layer {l} shapes disagree")
        s = xs[-1] @ W + b
        xs.append(logistic(s) if l < L else s)
    loss, delta = cross_entropy(xs[-1], y)
    grads = {}
    for l in range(L, 0, -1):
        grads[f"W{l}"] = xs[l - 1].T @ delta
        grads[f"b{l}"] = delta.sum(axis=0)
        delta = (delta @ params[f"W{l}"].T) * xs[l - 1] * (1.0 - xs[l - 1])
    return loss, {k: grads[k] for l in range(1, L + 1) for k in (f"W{l}", f"b{l}")}


@returns_float
@as_float_array("x0", "W1", "W2", "W3")
def dag_forward_backward(x0, W1, W2, W3):
    """Forward through the graph, then each node sums the gradients of its outgoing edges."""
    d0, d1 = x0.shape[0], W1.shape[0]
    if W1.shape != (d1, d0) or W2.ndim != 2 or W2.shape[1] != d0 + d1 \
            or W3.shape != (d1 + W2.shape[0],):
        raise ValueError("shapes disagree")
    x1 = np.tanh(W1 @ x0)
    z2 = np.concatenate([x0, x1])
    x2 = np.tanh(W2 @ z2)
    z3 = np.concatenate([x1, x2])
    ds2 = W3[d1:] * (1.0 - x2**2)
    dz2 = W2.T @ ds2
    ds1 = (W3[:d1] + dz2[d0:]) * (1.0 - x1**2)
    grads = {"W1": np.outer(ds1, x0), "W2": np.outer(ds2, z2), "W3": z3.copy(),
             "x0": dz2[:d0] + W1.T @ ds1}
    return W3 @ z3, grads


@scalar_pair
def chain_rule_example(x):
    """u = x², v = sin u, f = e^v; f' = f·cos u·2x."""
    u = x * x
    f = np.exp(np.sin(u))
    return f, f * np.cos(u) * 2.0 * x
