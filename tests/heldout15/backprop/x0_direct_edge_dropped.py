"""The gradient of x0 keeps only the paths through x1 and drops the direct edge x0 -> x2 (the x0
part of W2^T ds2): grads['x0'] is not summed over every path.

Single mistake in `dag_forward_backward`; written in the style of correct_scipy.
"""

import numpy as np
from scipy.linalg import norm
from scipy.special import expit, log_softmax, logsumexp
from scipy.special import softmax as sp_softmax


def softmax(Z):
    return sp_softmax(np.asarray(Z, dtype=np.float64), axis=1)


def softmax_jacobian(p):
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError("p must be a 1-D probability vector")
    return np.diag(p) - np.outer(p, p)


def _checked(W, X, y):
    W = np.asarray(W, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if W.ndim != 2 or X.ndim != 2 or y.shape != (X.shape[0],) or X.shape[1] != W.shape[0]:
        raise ValueError(f"shapes disagree: W {W.shape}, X {X.shape}, y {y.shape}")
    if y.size and (y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= W.shape[1]):
        raise ValueError("labels must be integers in 0..C-1")
    return W, X, y.astype(np.intp)


def hinge_loss(W, X, y, reg):
    W, X, y = _checked(W, X, y)
    N = X.shape[0]
    rows = np.arange(N)
    s = X @ W
    margins = np.maximum(0.0, s - s[rows, y][:, None] + 1.0)
    margins[rows, y] = 0.0
    loss = margins.sum() / N + reg * norm(W) ** 2
    active = (margins > 0).astype(np.float64)
    active[rows, y] = -active.sum(axis=1)
    dW = X.T @ active / N + 2 * reg * W
    return float(loss), dW


def softmax_loss(W, X, y, reg):
    W, X, y = _checked(W, X, y)
    N = X.shape[0]
    rows = np.arange(N)
    s = X @ W
    log_p = s - logsumexp(s, axis=1, keepdims=True)
    loss = -log_p[rows, y].mean() + reg * norm(W) ** 2
    ds = np.exp(log_p)
    ds[rows, y] -= 1.0
    dW = X.T @ ds / N + 2 * reg * W
    return float(loss), dW


def mlp_loss_and_grads(params, X, y):
    L = len(params) // 2
    if set(params) != {f"{k}{l}" for l in range(1, L + 1) for k in "Wb"}:
        raise ValueError("params must hold W1, b1, ..., WL, bL")
    y = np.asarray(y).astype(np.intp)
    a = [np.asarray(X, dtype=np.float64)]
    for l in range(1, L):
        a.append(expit(a[-1] @ params[f"W{l}"] + params[f"b{l}"]))
    s = a[-1] @ params[f"W{L}"] + params[f"b{L}"]
    N = s.shape[0]
    rows = np.arange(N)
    loss = -log_softmax(s, axis=1)[rows, y].mean()
    delta = sp_softmax(s, axis=1)
    delta[rows, y] -= 1.0
    delta /= N
    grads = {}
    for l in range(L, 0, -1):
        grads[f"W{l}"] = a[l - 1].T @ delta
        grads[f"b{l}"] = delta.sum(axis=0)
        if l > 1:
            delta = (delta @ np.asarray(params[f"W{l}"]).T) * a[l - 1] * (1 - a[l - 1])
    return float(loss), {k: grads[k] for k in params}


def dag_forward_backward(x0, W1, W2, W3):
    x0, W1, W2, W3 = (np.asarray(a, dtype=np.float64) for a in (x0, W1, W2, W3))
    d0, d1 = x0.shape[0], W1.shape[0]
    if W1.shape != (d1, d0) or W2.ndim != 2 or W2.shape[1] != d0 + d1 \
            or W3.shape != (d1 + W2.shape[0],):
        raise ValueError("shapes disagree")
    x1 = np.tanh(W1 @ x0)
    z2 = np.concatenate([x0, x1])
    x2 = np.tanh(W2 @ z2)
    z3 = np.concatenate([x1, x2])
    x3 = float(W3 @ z3)
    ds2 = W3[d1:] * (1 - x2**2)
    dz2 = W2.T @ ds2
    ds1 = (W3[:d1] + dz2[d0:]) * (1 - x1**2)
    dx0 = W1.T @ ds1
    return x3, {"W1": np.outer(ds1, x0), "W2": np.outer(ds2, z2), "W3": z3, "x0": dx0}


def chain_rule_example(x):
    u = x * x
    value = np.exp(np.sin(u))
    return float(value), float(value * np.cos(u) * 2 * x)
