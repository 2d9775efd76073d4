"""The true-class entries are zeroed with margins[np.ix_(rows, y)] instead of margins[rows, y]:
np.ix_ builds the outer product of the two index lists, so in EVERY row the columns of all
labels that occur anywhere in y are set to 0, not just the row's own label; the margins of other
samples' classes drop out of the loss and the gradient.

In `hinge_loss`; written in the style of correct_indexing.
"""

import numpy as np


def _rows_softmax_log(s):
    rows = np.arange(s.shape[0])
    shifted = s - s[rows, np.argmax(s, axis=1)][:, None]
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


def softmax(Z):
    Z = np.asarray(Z, dtype=np.float64)
    Z2 = Z.reshape(-1, Z.shape[-1])
    rows = np.arange(Z2.shape[0])
    shifted = Z2 - Z2[rows, np.argmax(Z2, axis=1)][:, None]
    e = np.exp(shifted)
    return (e / e.sum(axis=1, keepdims=True)).reshape(Z.shape)


def softmax_jacobian(p):
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError(f"p must be 1-D, got shape {p.shape}")
    J = -np.outer(p, p)
    J[np.diag_indices(p.shape[0])] += p
    return J


def _check(W, X, y):
    W = np.asarray(W, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if W.ndim != 2 or X.ndim != 2 or y.ndim != 1:
        raise ValueError(f"expected W (D, C), X (N, D), y (N,); got {W.shape}, {X.shape}, {y.shape}")
    if X.shape[1] != W.shape[0] or X.shape[0] != y.shape[0]:
        raise ValueError(f"shapes disagree: W {W.shape}, X {X.shape}, y {y.shape}")
    if y.size and (y.dtype.kind not in "iu" or np.flatnonzero((y < 0) | (y >= W.shape[1])).size):
        raise ValueError(f"labels must be integers in 0..{W.shape[1] - 1}")
    return W, X, y.astype(np.intp)


def hinge_loss(W, X, y, reg):
    W, X, y = _check(W, X, y)
    N = X.shape[0]
    rows = np.arange(N)
    s = X @ W
    margins = s - s[rows, y][:, None] + 1.0
    margins[np.ix_(rows, y)] = 0.0
    active = np.nonzero(margins > 0)
    loss = margins[active].sum() / N + reg * np.sum(W * W)
    ds = np.zeros_like(s)
    ds[active] = 1.0
    ds[rows, y] -= np.count_nonzero(margins > 0, axis=1)
    dW = X.T @ ds / N + 2.0 * reg * W
    return float(loss), dW


def softmax_loss(W, X, y, reg):
    W, X, y = _check(W, X, y)
    N = X.shape[0]
    log_p = _rows_softmax_log(X @ W)
    loss = -log_p[np.arange(N), y].sum() / N + reg * np.sum(W * W)
    dW = X.T @ np.exp(log_p) / N + 2.0 * reg * W
    np.add.at(dW.T, y, -X / N)                          # column y_i of dW gets -x_i / N
    return float(loss), dW


def _sigmoid(z):
    out = np.empty_like(z)
    pos, neg = np.nonzero(z >= 0), np.nonzero(z < 0)
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    e = np.exp(z[neg])
    out[neg] = e / (1.0 + e)
    return out


def mlp_loss_and_grads(params, X, y):
    L = len(params) // 2
    if L == 0 or set(params) != {f"{p}{l}" for l in range(1, L + 1) for p in "Wb"}:
        raise ValueError(f"params must hold W1, b1, ..., WL, bL; got {sorted(params)}")
    P = {k: np.asarray(v, dtype=np.float64) for k, v in params.items()}
    acts = [np.asarray(X, dtype=np.float64)]
    for l in range(1, L + 1):
        s = acts[-1] @ P[f"W{l}"] + P[f"b{l}"]
        acts.append(_sigmoid(s) if l < L else s)
    scores = acts[L]
    y = np.asarray(y)
    N = scores.shape[0]
    if y.shape != (N,) or np.flatnonzero((y < 0) | (y >= scores.shape[1])).size:
        raise ValueError("labels must be integers in 0..C-1, one per row")
    rows, y = np.arange(N), y.astype(np.intp)
    log_p = _rows_softmax_log(scores)
    loss = -log_p[rows, y].mean()
    delta = np.exp(log_p)
    delta[rows, y] -= 1.0
    delta /= N
    grads = {}
    for l in range(L, 0, -1):
        grads[f"W{l}"] = acts[l - 1].T @ delta
        grads[f"b{l}"] = delta.sum(axis=0)
        if l > 1:
            a = acts[l - 1]
            delta = (delta @ P[f"W{l}"].T) * a * (1.0 - a)
    return float(loss), dict(sorted(grads.items()))


def dag_forward_backward(x0, W1, W2, W3):
    x0 = np.asarray(x0, dtype=np.float64)
    W1 = np.asarray(W1, dtype=np.float64)
    W2 = np.asarray(W2, dtype=np.float64)
    W3 = np.asarray(W3, dtype=np.float64)
    d0, d1 = x0.shape[0], W1.shape[0]
    if W1.shape != (d1, d0) or W2.ndim != 2 or W2.shape[1] != d0 + d1:
        raise ValueError(f"shapes disagree: x0 {x0.shape}, W1 {W1.shape}, W2 {W2.shape}")
    d2 = W2.shape[0]
    if W3.shape != (d1 + d2,):
        raise ValueError(f"W3 must have shape ({d1 + d2},), got {W3.shape}")
    x1 = np.tanh(W1 @ x0)
    z2 = np.concatenate([x0, x1])
    x2 = np.tanh(W2 @ z2)
    z3 = np.concatenate([x1, x2])
    x3 = float(W3 @ z3)
    i1, i2 = np.arange(d1), d1 + np.arange(d2)          # x1 and x2 inside z3
    j0, j1 = np.arange(d0), d0 + np.arange(d1)          # x0 and x1 inside z2
    ds2 = W3[i2] * (1.0 - x2**2)
    dz2 = W2.T @ ds2
    dx1 = W3[i1] + dz2[j1]
    ds1 = dx1 * (1.0 - x1**2)
    dx0 = dz2[j0] + W1.T @ ds1
    return x3, {"W1": np.outer(ds1, x0), "W2": np.outer(ds2, z2), "W3": z3, "x0": dx0}


def chain_rule_example(x):
    x = float(x)
    value = float(np.exp(np.sin(x**2)))
    return value, value * float(np.cos(x**2)) * 2.0 * x
