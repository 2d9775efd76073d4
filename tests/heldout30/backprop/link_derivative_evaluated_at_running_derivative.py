"""Each link's derivative is evaluated at the running derivative acc[1] instead of the running value acc[0].

The value is right, but the derivative no longer depends on x: it is 2 cos(2) exp(2 cos(2)) for
every x.

Single mistake in chain_rule_example; written from correct_mapapply.
"""

import operator
from functools import reduce

import numpy as np


def _softmax_row(z):
    e = np.exp(z - z.max())
    return e / e.sum()


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def softmax(Z):
    """Row-wise softmax, shifted by the row maximum."""
    Z = np.asarray(Z, dtype=np.float64)
    return np.apply_along_axis(_softmax_row, -1, Z)


def softmax_jacobian(p):
    """diag(p) - p p^T, row by row: J[i] = p_i (e_i - p)."""
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError("p must be a 1-D probability vector")
    eye = np.eye(p.shape[0])
    return np.array(list(map(lambda e_i, p_i: p_i * (e_i - p), eye, p))).reshape(p.size, p.size)


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


def _hinge_sample(x_i, y_i, W):
    s = x_i @ W
    margins = s - s[y_i] + 1.0
    margins[y_i] = 0.0
    active = (margins > 0).astype(np.float64)
    active[y_i] = -active.sum()
    return np.maximum(0.0, margins).sum(), np.outer(x_i, active)


def hinge_loss(W, X, y, reg):
    """Multiclass SVM loss and its gradient, summed sample by sample."""
    W, X, y = _check(W, X, y)
    N = X.shape[0]
    losses, grads = zip(*map(lambda x_i, y_i: _hinge_sample(x_i, y_i, W), X, y))
    loss = sum(losses) / N + reg * np.sum(W * W)
    dW = sum(grads) / N + 2.0 * reg * W
    return float(loss), dW


def _softmax_sample(x_i, y_i, W):
    p = _softmax_row(x_i @ W)
    ds = p.copy()
    ds[y_i] -= 1.0
    s = x_i @ W
    log_p_true = (s[y_i] - s.max()) - np.log(np.exp(s - s.max()).sum())
    return -log_p_true, np.outer(x_i, ds)


def softmax_loss(W, X, y, reg):
    """Mean cross-entropy of a linear classifier plus reg * sum W^2, and its gradient."""
    W, X, y = _check(W, X, y)
    N = X.shape[0]
    losses, grads = zip(*map(lambda x_i, y_i: _softmax_sample(x_i, y_i, W), X, y))
    loss = sum(losses) / N + reg * np.sum(W * W)
    dW = sum(grads) / N + 2.0 * reg * W
    return float(loss), dW


def mlp_loss_and_grads(params, X, y):
    """Sigmoid MLP with linear output scores and softmax cross-entropy; loss and grads."""
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    keys = [f"{p}{l}" for l in range(1, L + 1) for p in "Wb"]
    if L == 0 or set(params) != set(keys):
        raise ValueError("params must hold exactly W1, b1, ..., WL, bL")
    Ws = list(map(lambda l: np.asarray(params[f"W{l}"], dtype=np.float64), range(1, L + 1)))
    bs = list(map(lambda l: np.asarray(params[f"b{l}"], dtype=np.float64), range(1, L + 1)))
    y = np.asarray(y).astype(np.intp)
    activations = [np.asarray(X, dtype=np.float64)]
    for W, b in zip(Ws[:-1], bs[:-1]):
        activations.append(_sigmoid(activations[-1] @ W + b))
    scores = activations[-1] @ Ws[-1] + bs[-1]
    N, C = scores.shape
    if y.shape != (N,) or (y.size and (y.min() < 0 or y.max() >= C)):
        raise ValueError("labels out of range")
    P = np.apply_along_axis(_softmax_row, 1, scores)
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_norm = np.log(np.exp(shifted).sum(axis=1))
    loss = -np.mean(np.fromiter(map(operator.getitem, shifted, y), dtype=np.float64, count=N)
                    - log_norm)
    delta = (P - np.eye(C)[y]) / N
    grads = {}
    for l, W, a in zip(range(L, 0, -1), reversed(Ws), reversed(activations)):
        grads[f"W{l}"] = a.T @ delta
        grads[f"b{l}"] = delta.sum(axis=0)
        delta = (delta @ W.T) * a * (1.0 - a)
    return float(loss), dict(map(lambda key: (key, grads[key]), keys))


def dag_forward_backward(x0, W1, W2, W3):
    """x1 = tanh(W1 x0), x2 = tanh(W2 [x0; x1]), x3 = W3 . [x1; x2]; gradients of x3."""
    x0, W1, W2, W3 = map(lambda a: np.asarray(a, dtype=np.float64), (x0, W1, W2, W3))
    d0, d1 = x0.shape[0], W1.shape[0]
    if W1.shape != (d1, d0) or W2.ndim != 2 or W2.shape[1] != d0 + d1 \
            or W3.shape != (d1 + W2.shape[0],):
        raise ValueError("the shapes of x0, W1, W2 and W3 disagree")
    x1 = np.fromiter(map(lambda row: np.tanh(row @ x0), W1), dtype=np.float64, count=d1)
    z2 = np.concatenate([x0, x1])
    x2 = np.fromiter(map(lambda row: np.tanh(row @ z2), W2), dtype=np.float64,
                     count=W2.shape[0])
    z3 = np.concatenate([x1, x2])
    x3 = float(sum(map(operator.mul, W3, z3)))
    ds2 = np.fromiter(map(lambda w, t: w * (1.0 - t * t), W3[d1:], x2), dtype=np.float64,
                      count=x2.size)
    dz2 = sum(map(operator.mul, ds2, W2), np.zeros(d0 + d1))
    dx1 = W3[:d1] + dz2[d0:]
    ds1 = np.fromiter(map(lambda g, t: g * (1.0 - t * t), dx1, x1), dtype=np.float64, count=d1)
    dx0 = dz2[:d0] + sum(map(operator.mul, ds1, W1), np.zeros(d0))
    dW1 = np.array(list(map(lambda s: s * x0, ds1))).reshape(d1, d0)
    dW2 = np.array(list(map(lambda s: s * z2, ds2))).reshape(W2.shape)
    return x3, {"W1": dW1, "W2": dW2, "W3": z3.copy(), "x0": dx0}


LINKS = (
    (np.square, lambda t: 2.0 * t),
    (np.sin, np.cos),
    (np.exp, np.exp),
)


def chain_rule_example(x):
    """e^{sin(x^2)} and its derivative, by the chain rule as a reduce over the links."""
    start = (np.asarray(x, dtype=np.float64), 1.0)
    value, derivative = reduce(lambda acc, link: (link[0](acc[0]), acc[1] * link[1](acc[1])),
                               LINKS, start)
    if np.ndim(value) == 0:
        return float(value), float(derivative)
    return value, derivative
