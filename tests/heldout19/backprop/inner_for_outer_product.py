"""The p p^T term is written np.inner(p, p), the scalar ||p||^2, instead of np.outer(p, p), the
matrix of products p_i p_j: the same number is subtracted from every entry, so the Jacobian is
diag(p) - ||p||^2 (wrong off the diagonal and on it, except for C = 1).

Graded function: `softmax_jacobian`. Written in the style of correct_linalg.py.
"""

import numpy as np


def softmax(Z):
    Z = np.asarray(Z, dtype=np.float64)
    e = np.exp(Z - Z.max(axis=-1, keepdims=True))
    return e / np.linalg.norm(e, ord=1, axis=-1, keepdims=True)


def softmax_jacobian(p):
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError(f"p must be 1-D, got shape {p.shape}")
    return np.diag(p) - np.inner(p, p)


def _check(W, X, y):
    W = np.asarray(W, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if W.ndim != 2 or X.ndim != 2 or y.ndim != 1:
        raise ValueError(f"expected W (D, C), X (N, D), y (N,); got {W.shape}, {X.shape}, {y.shape}")
    if X.shape[1] != W.shape[0] or X.shape[0] != y.shape[0]:
        raise ValueError(f"shapes disagree: W {W.shape}, X {X.shape}, y {y.shape}")
    if y.size and (y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= W.shape[1]):
        raise ValueError(f"labels must be integers in 0..{W.shape[1] - 1}")
    return W, X, y.astype(np.intp)


def hinge_loss(W, X, y, reg):
    W, X, y = _check(W, X, y)
    N, C = X.shape[0], W.shape[1]
    Y = np.eye(C)[y]                                       # one-hot rows
    S = np.dot(X, W)
    true = np.diag(np.dot(S, Y.T))[:, None]                # s_{i, y_i}, as a column
    margins = S - true + 1.0 - Y                  # the j = y_i term is 0
    active = (margins > 0).astype(np.float64)
    loss = np.sum(np.maximum(margins, 0.0)) / N + reg * np.linalg.norm(W) ** 2
    dS = active - Y * np.dot(active, np.ones(C))[:, None]
    dW = np.dot(X.T, dS) / N + 2.0 * reg * W
    return float(loss), dW


def softmax_loss(W, X, y, reg):
    W, X, y = _check(W, X, y)
    N, C = X.shape[0], W.shape[1]
    Y = np.eye(C)[y]
    S = np.dot(X, W)
    shifted = S - S.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.dot(np.exp(shifted), np.ones(C)))[:, None]
    loss = -np.sum(Y * log_p) / N + reg * np.linalg.norm(W) ** 2
    dW = np.dot(X.T, (np.exp(log_p) - Y) / N) + 2.0 * reg * W
    return float(loss), dW


def _sigmoid(s):
    e = np.exp(-np.abs(s))
    return np.where(s >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _layers(params):
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    if L == 0 or set(params) != {f"{p}{l}" for l in range(1, L + 1) for p in "Wb"}:
        raise ValueError(f"params must hold W1, b1, ..., WL, bL; got {sorted(params)}")
    return L


def mlp_loss_and_grads(params, X, y):
    L = _layers(params)
    W = {l: np.asarray(params[f"W{l}"], dtype=np.float64) for l in range(1, L + 1)}
    b = {l: np.asarray(params[f"b{l}"], dtype=np.float64) for l in range(1, L + 1)}
    A = [np.asarray(X, dtype=np.float64)]
    for l in range(1, L):
        A.append(_sigmoid(np.dot(A[-1], W[l]) + b[l]))
    S = np.dot(A[-1], W[L]) + b[L]
    y = np.asarray(y).astype(np.intp)
    N, C = S.shape
    if y.shape != (N,) or (y.size and (y.min() < 0 or y.max() >= C)):
        raise ValueError(f"y must hold N = {N} labels in 0..{C - 1}")
    Y = np.eye(C)[y]
    shifted = S - S.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.dot(np.exp(shifted), np.ones(C)))[:, None]
    loss = -np.sum(Y * log_p) / N
    delta = (np.exp(log_p) - Y) / N
    grads = {}
    for l in range(L, 0, -1):
        grads[f"W{l}"] = np.dot(A[l - 1].T, delta)
        grads[f"b{l}"] = np.dot(np.ones(N), delta)
        if l > 1:
            delta = np.dot(delta, W[l].T) * A[l - 1] * (1.0 - A[l - 1])
    return float(loss), {k: grads[k] for l in range(1, L + 1) for k in (f"W{l}", f"b{l}")}


def dag_forward_backward(x0, W1, W2, W3):
    x0 = np.asarray(x0, dtype=np.float64)
    W1 = np.asarray(W1, dtype=np.float64)
    W2 = np.asarray(W2, dtype=np.float64)
    W3 = np.asarray(W3, dtype=np.float64)
    d0, d1 = x0.shape[0], W1.shape[0]
    if W1.shape != (d1, d0) or W2.ndim != 2 or W2.shape[1] != d0 + d1:
        raise ValueError(f"shapes disagree: x0 {x0.shape}, W1 {W1.shape}, W2 {W2.shape}")
    if W3.shape != (d1 + W2.shape[0],):
        raise ValueError(f"W3 must have shape ({d1 + W2.shape[0]},), got {W3.shape}")
    x1 = np.tanh(np.dot(W1, x0))
    z2 = np.concatenate([x0, x1])
    x2 = np.tanh(np.dot(W2, z2))
    z3 = np.concatenate([x1, x2])
    x3 = float(np.inner(W3, z3))
    ds2 = np.dot(np.diag(1.0 - x2**2), W3[d1:])           # J_tanh(s2)ᵀ ∂x3/∂x2
    dz2 = np.dot(W2.T, ds2)
    dx1 = W3[:d1] + dz2[d0:]                               # x1 → x3 and x1 → x2 → x3
    ds1 = np.dot(np.diag(1.0 - x1**2), dx1)
    dx0 = dz2[:d0] + np.dot(W1.T, ds1)                     # x0 → x2 and x0 → x1
    grads = {"W1": np.outer(ds1, x0), "W2": np.outer(ds2, z2), "W3": z3.copy(), "x0": dx0}
    return x3, grads


def chain_rule_example(x):
    u = x * x
    v = np.sin(u)
    value = np.exp(v)
    derivative = np.prod([value, np.cos(u), 2.0 * x])     # df/dv · dv/du · du/dx
    return float(value), float(derivative)
