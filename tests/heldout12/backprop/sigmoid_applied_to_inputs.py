"""The input layer is 'activated' too: x0 = sigmoid(X) instead of X, so the first layer sees
squashed inputs (forward and backward agree, but for another network).

Mistake in `mlp_loss_and_grads`; written in the style of correct_ufunc.py.
"""

import numpy as np


def softmax(Z):
    Z = np.asarray(Z, dtype=np.float64)
    m = np.maximum.reduce(Z, axis=-1, keepdims=True)
    e = np.exp(np.subtract(Z, m))
    return np.divide(e, np.add.reduce(e, axis=-1, keepdims=True))


def softmax_jacobian(p):
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError("p must be 1-D")
    return np.subtract(np.diag(p), np.multiply.outer(p, p))


def _inputs(W, X, y):
    W = np.asarray(W, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if W.ndim != 2 or X.ndim != 2 or y.ndim != 1:
        raise ValueError("expected W (D, C), X (N, D), y (N,)")
    if X.shape[1] != W.shape[0] or X.shape[0] != y.shape[0]:
        raise ValueError("shapes disagree")
    return W, X, y.astype(np.intp)


def hinge_loss(W, X, y, reg):
    W, X, y = _inputs(W, X, y)
    N, C = X.shape[0], W.shape[1]
    s = np.matmul(X, W)
    correct = np.take_along_axis(s, y[:, None], axis=1)
    is_true = np.equal.outer(y, np.arange(C))
    margins = np.where(is_true, 0.0, np.add(np.subtract(s, correct), 1.0))
    data = np.add.reduce(np.maximum(margins, 0.0), axis=None) / N
    loss = data + reg * np.add.reduce(np.square(W), axis=None)
    active = np.greater(margins, 0).astype(np.float64)
    counts = np.add.reduce(active, axis=1, keepdims=True)
    ds = np.divide(np.subtract(active, np.multiply(is_true, counts)), N)
    dW = np.add(np.matmul(X.T, ds), np.multiply(2.0 * reg, W))
    return float(loss), dW


def _log_softmax(s):
    shifted = np.subtract(s, np.maximum.reduce(s, axis=1, keepdims=True))
    return np.subtract(shifted, np.log(np.add.reduce(np.exp(shifted), axis=1, keepdims=True)))


def softmax_loss(W, X, y, reg):
    W, X, y = _inputs(W, X, y)
    N, C = X.shape[0], W.shape[1]
    log_p = _log_softmax(np.matmul(X, W))
    picked = np.take_along_axis(log_p, y[:, None], axis=1)
    loss = -np.add.reduce(picked, axis=None) / N + reg * np.add.reduce(np.square(W), axis=None)
    ds = np.divide(np.subtract(np.exp(log_p), np.equal.outer(y, np.arange(C))), N)
    dW = np.add(np.matmul(X.T, ds), np.multiply(2.0 * reg, W))
    return float(loss), dW


def _sigmoid(s):
    e = np.exp(np.negative(np.abs(s)))
    return np.where(np.greater_equal(s, 0), np.divide(1.0, np.add(1.0, e)),
                    np.divide(e, np.add(1.0, e)))


def mlp_loss_and_grads(params, X, y):
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    W = [None] + [np.asarray(params[f"W{l}"], dtype=np.float64) for l in range(1, L + 1)]
    b = [None] + [np.asarray(params[f"b{l}"], dtype=np.float64) for l in range(1, L + 1)]
    acts = [_sigmoid(np.asarray(X, dtype=np.float64))]
    for l in range(1, L + 1):
        s = np.add(np.matmul(acts[-1], W[l]), b[l])
        acts.append(_sigmoid(s) if l < L else s)
    y = np.asarray(y).astype(np.intp)
    N, C = acts[-1].shape
    log_p = _log_softmax(acts[-1])
    loss = -np.add.reduce(np.take_along_axis(log_p, y[:, None], axis=1), axis=None) / N
    delta = np.divide(np.subtract(np.exp(log_p), np.equal.outer(y, np.arange(C))), N)
    grads = {}
    for l in range(L, 0, -1):
        grads[f"W{l}"] = np.matmul(acts[l - 1].T, delta)
        grads[f"b{l}"] = np.add.reduce(delta, axis=0)
        if l > 1:
            x = acts[l - 1]
            delta = np.multiply(np.matmul(delta, W[l].T), np.multiply(x, np.subtract(1.0, x)))
    return float(loss), {k: grads[k] for l in range(1, L + 1) for k in (f"W{l}", f"b{l}")}


def dag_forward_backward(x0, W1, W2, W3):
    x0 = np.asarray(x0, dtype=np.float64)
    W1 = np.asarray(W1, dtype=np.float64)
    W2 = np.asarray(W2, dtype=np.float64)
    W3 = np.asarray(W3, dtype=np.float64)
    d0, d1 = x0.shape[0], W1.shape[0]
    if W1.shape != (d1, d0) or W2.ndim != 2 or W2.shape[1] != d0 + d1:
        raise ValueError("shapes disagree")
    if W3.shape != (d1 + W2.shape[0],):
        raise ValueError("W3 has the wrong shape")
    x1 = np.tanh(np.matmul(W1, x0))
    z2 = np.concatenate([x0, x1])
    x2 = np.tanh(np.matmul(W2, z2))
    z3 = np.concatenate([x1, x2])
    x3 = float(np.matmul(W3, z3))
    ds2 = np.multiply(W3[d1:], np.subtract(1.0, np.square(x2)))
    dz2 = np.matmul(W2.T, ds2)
    ds1 = np.multiply(np.add(W3[:d1], dz2[d0:]), np.subtract(1.0, np.square(x1)))
    dx0 = np.add(dz2[:d0], np.matmul(W1.T, ds1))
    grads = {"W1": np.multiply.outer(ds1, x0), "W2": np.multiply.outer(ds2, z2),
             "W3": z3.copy(), "x0": dx0}
    return x3, grads


def chain_rule_example(x):
    x = float(x)
    u = np.square(x)
    value = np.exp(np.sin(u))
    derivative = np.multiply(np.multiply(value, np.cos(u)), np.multiply(2.0, x))
    return float(value), float(derivative)
