"""The output is computed with W3 as a column against z3 (the new-axis habit from the weight
gradients): that is the outer product of W3 and [x1; x2], so its sum is (sum of W3) times (sum
of z3) instead of their dot product W3 . z3; x3 is wrong, the gradients are right.

Mistake in `dag_forward_backward`; written in the style of correct_broadcast.py.
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
    e = np.exp(Z - Z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def softmax_jacobian(p):
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError(f"p must be 1-D, got shape {p.shape}")
    C = p.shape[0]
    return p[:, np.newaxis] * (np.eye(C) - p[np.newaxis, :])


def hinge_loss(W, X, y, reg):
    W, X, y = _check(W, X, y)
    N, C = X.shape[0], W.shape[1]
    s = X @ W
    is_true = np.arange(C)[np.newaxis, :] == y[:, np.newaxis]      # (N, C)
    true = np.take_along_axis(s, y[:, np.newaxis], axis=1)         # (N, 1)
    margins = np.where(is_true, 0.0, s - true + 1.0)
    active = (margins > 0).astype(np.float64)
    loss = np.maximum(margins, 0.0).sum() / N + reg * (W * W).sum()
    ds = (active - is_true * active.sum(axis=1, keepdims=True)) / N
    dW = X.T @ ds + 2.0 * reg * W
    return float(loss), dW


def softmax_loss(W, X, y, reg):
    W, X, y = _check(W, X, y)
    N, C = X.shape[0], W.shape[1]
    s = X @ W
    shifted = s - s.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    picked = np.take_along_axis(log_p, y[:, np.newaxis], axis=1)   # (N, 1)
    loss = -picked.mean() + reg * (W * W).sum()
    Y = np.arange(C)[np.newaxis, :] == y[:, np.newaxis]
    ds = (np.exp(log_p) - Y) / N
    dW = X.T @ ds + 2.0 * reg * W
    return float(loss), dW


def mlp_loss_and_grads(params, X, y):
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    if L == 0 or set(params) != {f"{p}{l}" for l in range(1, L + 1) for p in "Wb"}:
        raise ValueError("params must hold W1, b1, ..., WL, bL")
    y = np.asarray(y).astype(np.intp)
    Ws = [np.asarray(params[f"W{l}"], dtype=np.float64) for l in range(1, L + 1)]
    bs = [np.asarray(params[f"b{l}"], dtype=np.float64) for l in range(1, L + 1)]
    acts = [np.asarray(X, dtype=np.float64)]
    for l in range(L):
        s = acts[-1] @ Ws[l] + bs[l][np.newaxis, :]
        if l < L - 1:
            acts.append(_sigmoid(s))
    N, C = s.shape
    shifted = s - s.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    Y = np.arange(C)[np.newaxis, :] == y[:, np.newaxis]
    loss = -(log_p * Y).sum() / N
    delta = (np.exp(log_p) - Y) / N
    grads = {}
    for l in range(L - 1, -1, -1):
        a = acts[l]
        grads[f"W{l + 1}"] = a.T @ delta
        grads[f"b{l + 1}"] = delta.sum(axis=0)
        if l > 0:
            delta = (delta @ Ws[l].T) * a * (1.0 - a)
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
    x1 = np.tanh((W1 * x0[np.newaxis, :]).sum(axis=1))
    z2 = np.concatenate([x0, x1])
    x2 = np.tanh((W2 * z2[np.newaxis, :]).sum(axis=1))
    z3 = np.concatenate([x1, x2])
    x3 = float((W3[:, np.newaxis] * z3).sum())
    ds2 = W3[d1:] * (1.0 - x2**2)
    dW2 = ds2[:, np.newaxis] * z2[np.newaxis, :]
    dz2 = (W2 * ds2[:, np.newaxis]).sum(axis=0)
    dx1 = W3[:d1] + dz2[d0:]
    ds1 = dx1 * (1.0 - x1**2)
    dW1 = ds1[:, np.newaxis] * x0[np.newaxis, :]
    dx0 = dz2[:d0] + (W1 * ds1[:, np.newaxis]).sum(axis=0)
    return x3, {"W1": dW1, "W2": dW2, "W3": z3.copy(), "x0": dx0}


def chain_rule_example(x):
    x = float(x)
    u = x**2
    f = np.exp(np.sin(u))
    return float(f), float(f * np.cos(u) * 2.0 * x)
