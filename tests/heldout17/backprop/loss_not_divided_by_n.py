"""The data loss is the SUM of the cross-entropies over the samples instead of their mean (the / N
is forgotten in the loss but kept in the gradient): the loss is N times too large in its data
part, and loss and gradient no longer match.

Mistake in `softmax_loss`, written in the style of correct_vectorize.py (vectorize).
"""

import math

import numpy as np


def _softmax_row(z):
    e = np.exp(z - z.max())
    return e / e.sum()


def _log_softmax_row(s):
    shifted = s - s.max()
    return shifted - math.log(np.exp(shifted).sum())


def _sigma(t):
    if t >= 0:
        return 1.0 / (1.0 + math.exp(-t))
    e = math.exp(t)
    return e / (1.0 + e)


def _chain(x):
    u = x * x
    f = math.exp(math.sin(u))
    return f, f * math.cos(u) * 2 * x


hinge = np.vectorize(lambda margin: max(0, margin), otypes=[float])
active = np.vectorize(lambda margin: 1.0 if margin > 0 else 0.0, otypes=[float])
sigmoid = np.vectorize(_sigma, otypes=[float])
tanh = np.vectorize(math.tanh, otypes=[float])
chain = np.vectorize(_chain, otypes=[float, float])


def softmax(Z):
    return np.apply_along_axis(_softmax_row, -1, np.asarray(Z, dtype=np.float64))


def softmax_jacobian(p):
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError(f"p must be 1-D, got shape {p.shape}")
    C = p.shape[0]
    return np.fromfunction(lambda i, j: p[i] * ((i == j) - p[j]), (C, C), dtype=int)


def _check(W, X, y):
    W = np.asarray(W, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if W.ndim != 2 or X.ndim != 2 or y.ndim != 1:
        raise ValueError(f"expected W (D, C), X (N, D), y (N,); got {W.shape}, {X.shape}, {y.shape}")
    if X.shape[1] != W.shape[0] or X.shape[0] != y.shape[0]:
        raise ValueError(f"shapes disagree: W {W.shape}, X {X.shape}, y {y.shape}")
    if y.size and (y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= W.shape[1]):
        raise ValueError("labels must be integers in 0..C-1")
    return W, X, y.astype(np.intp)


def hinge_loss(W, X, y, reg):
    W, X, y = _check(W, X, y)
    N = X.shape[0]
    rows = np.arange(N)
    s = X @ W
    margins = s - s[rows, y][:, None] + 1.0
    margins[rows, y] = 0.0
    loss = hinge(margins).sum() / N + reg * np.sum(W * W)
    ds = active(margins)
    ds[rows, y] = -ds.sum(axis=1)
    dW = X.T @ (ds / N) + 2.0 * reg * W
    return float(loss), dW


def softmax_loss(W, X, y, reg):
    W, X, y = _check(W, X, y)
    N = X.shape[0]
    rows = np.arange(N)
    log_p = np.apply_along_axis(_log_softmax_row, 1, X @ W)
    loss = -log_p[rows, y].sum() + reg * np.sum(W * W)
    ds = np.exp(log_p)
    ds[rows, y] -= 1.0
    dW = X.T @ (ds / N) + 2.0 * reg * W
    return float(loss), dW


def _n_layers(params):
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    if L == 0 or set(params) != {f"{p}{l}" for l in range(1, L + 1) for p in "Wb"}:
        raise ValueError(f"params must hold W1, b1, ..., WL, bL; got {sorted(params)}")
    return L


def mlp_loss_and_grads(params, X, y):
    L = _n_layers(params)
    W = {l: np.asarray(params[f"W{l}"], dtype=np.float64) for l in range(1, L + 1)}
    b = {l: np.asarray(params[f"b{l}"], dtype=np.float64) for l in range(1, L + 1)}
    acts = [np.asarray(X, dtype=np.float64)]
    for l in range(1, L + 1):
        if acts[-1].ndim != 2 or W[l].ndim != 2 or acts[-1].shape[1] != W[l].shape[0] \
                or b[l].shape != (W[l].shape[1],):
            raise ValueError(f"layer {l}: shapes disagree")
        s = acts[-1] @ W[l] + b[l]
        if l < L:
            acts.append(sigmoid(s))
    y = np.asarray(y)
    N, C = s.shape
    if y.shape != (N,) or (y.size and (y.min() < 0 or y.max() >= C)):
        raise ValueError("labels must be (N,) integers in 0..C-1")
    y = y.astype(np.intp)
    rows = np.arange(N)
    log_p = np.apply_along_axis(_log_softmax_row, 1, s)
    loss = -log_p[rows, y].sum() / N
    delta = np.exp(log_p)
    delta[rows, y] -= 1.0
    delta /= N
    grads = {}
    for l in range(L, 0, -1):
        grads[f"W{l}"] = acts[l - 1].T @ delta
        grads[f"b{l}"] = delta.sum(axis=0)
        if l > 1:
            delta = (delta @ W[l].T) * acts[l - 1] * (1.0 - acts[l - 1])
    return float(loss), {k: grads[k] for l in range(1, L + 1) for k in (f"W{l}", f"b{l}")}


def dag_forward_backward(x0, W1, W2, W3):
    x0, W1, W2, W3 = (np.asarray(a, dtype=np.float64) for a in (x0, W1, W2, W3))
    d0, d1 = x0.shape[0], W1.shape[0]
    if W1.shape != (d1, d0) or W2.ndim != 2 or W2.shape[1] != d0 + d1:
        raise ValueError(f"shapes disagree: x0 {x0.shape}, W1 {W1.shape}, W2 {W2.shape}")
    if W3.shape != (d1 + W2.shape[0],):
        raise ValueError(f"W3 has shape {W3.shape}")
    x1 = tanh(W1 @ x0)
    z2 = np.concatenate([x0, x1])
    x2 = tanh(W2 @ z2)
    z3 = np.concatenate([x1, x2])
    x3 = float(W3 @ z3)
    ds2 = W3[d1:] * (1.0 - x2 ** 2)
    dz2 = W2.T @ ds2
    dx1 = W3[:d1] + dz2[d0:]
    ds1 = dx1 * (1.0 - x1 ** 2)
    dx0 = dz2[:d0] + W1.T @ ds1
    return x3, {"W1": np.outer(ds1, x0), "W2": np.outer(ds2, z2), "W3": z3.copy(), "x0": dx0}


def chain_rule_example(x):
    f, df = chain(x)
    if np.ndim(f) == 0:
        return float(f), float(df)
    return f, df
