"""The squared weights are summed with np.add.reduce(W * W) without the .ravel(): a ufunc's reduce
only reduces axis 0, so the 'sum of squares' is a vector of C column sums, the loss becomes a
vector and float(loss) raises TypeError for every W with more than one class column.

Mistake in `hinge_loss`; written in the style of correct_cumulative.py.
"""

import numpy as np


def _check(W, X, y):
    W = np.asarray(W, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if W.ndim != 2 or X.ndim != 2 or y.ndim != 1:
        raise ValueError("expected W (D, C), X (N, D), y (N,)")
    if X.shape[1] != W.shape[0] or X.shape[0] != y.shape[0]:
        raise ValueError(f"shapes disagree: W {W.shape}, X {X.shape}, y {y.shape}")
    if y.size and (y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= W.shape[1]):
        raise ValueError("labels must be integers in 0..C-1")
    return W, X, y.astype(np.intp)


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0, e) / (1.0 + e)


def softmax(Z):
    Z = np.asarray(Z, dtype=np.float64)
    shifted = Z - np.maximum.reduce(Z, axis=-1, keepdims=True)    # minus the row max
    e = np.exp(shifted)
    return e / np.add.reduce(e, axis=-1, keepdims=True)


def softmax_jacobian(p):
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError(f"p must be 1-D, got shape {p.shape}")
    return np.diagflat(p) - np.multiply.outer(p, p)


def hinge_loss(W, X, y, reg):
    W, X, y = _check(W, X, y)
    N = X.shape[0]
    rows = np.arange(N)
    s = X @ W
    margins = s - s[rows, y][:, np.newaxis] + 1.0
    margins[rows, y] = 0.0
    active = margins > 0
    data = np.add.reduce(np.maximum(margins, 0.0).ravel()) / N
    loss = data + reg * np.add.reduce(W * W)
    ds = active.astype(np.float64)
    ds[rows, y] = -np.add.reduce(active, axis=1)
    dW = X.T @ ds / N + 2.0 * reg * W
    return float(loss), dW


def softmax_loss(W, X, y, reg):
    W, X, y = _check(W, X, y)
    N = X.shape[0]
    rows = np.arange(N)
    s = X @ W
    log_p = s - np.logaddexp.reduce(s, axis=1, keepdims=True)
    loss = -np.add.reduce(log_p[rows, y]) / N + reg * np.add.reduce((W * W).ravel())
    ds = np.exp(log_p)
    ds[rows, y] -= 1.0
    dW = X.T @ ds / N + 2.0 * reg * W
    return float(loss), dW


def mlp_loss_and_grads(params, X, y):
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    if L == 0 or set(params) != {f"{p}{l}" for l in range(1, L + 1) for p in "Wb"}:
        raise ValueError("params must hold W1, b1, ..., WL, bL")
    y = np.asarray(y).astype(np.intp)
    acts = [np.asarray(X, dtype=np.float64)]
    for l in range(1, L + 1):
        s = acts[-1] @ np.asarray(params[f"W{l}"], dtype=np.float64) + params[f"b{l}"]
        if l < L:
            acts.append(_sigmoid(s))
    N = s.shape[0]
    rows = np.arange(N)
    log_p = s - np.logaddexp.reduce(s, axis=-1, keepdims=True)
    loss = -np.add.reduce(log_p[rows, y]) / N
    delta = np.exp(log_p)
    delta[rows, y] -= 1.0
    delta /= N
    grads = {}
    for l in range(L, 0, -1):
        a = acts[l - 1]
        grads[f"W{l}"] = a.T @ delta
        grads[f"b{l}"] = np.add.reduce(delta, axis=0)
        if l > 1:
            delta = (delta @ np.asarray(params[f"W{l}"], dtype=np.float64).T) * a * (1.0 - a)
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
    x1 = np.tanh(W1 @ x0)
    z2 = np.concatenate([x0, x1])
    x2 = np.tanh(W2 @ z2)
    z3 = np.concatenate([x1, x2])
    x3 = float(np.add.reduce(W3 * z3))
    ds2 = W3[d1:] * (1.0 - x2 * x2)
    dz2 = W2.T @ ds2
    dx1 = np.add.reduce([W3[:d1], dz2[d0:]])         # x1 -> x3 and x1 -> x2 -> x3
    ds1 = dx1 * (1.0 - x1 * x1)
    dx0 = np.add.reduce([dz2[:d0], W1.T @ ds1])       # x0 -> x2 and x0 -> x1
    grads = {"W1": np.multiply.outer(ds1, x0), "W2": np.multiply.outer(ds2, z2),
             "W3": z3.copy(), "x0": dx0}
    return x3, grads


def chain_rule_example(x):
    x = float(x)
    u = x * x
    v = np.sin(u)
    f = np.exp(v)
    links = np.array([f, np.cos(u), 2.0 * x])          # df/dv, dv/du, du/dx
    return float(f), float(np.multiply.reduce(links))
