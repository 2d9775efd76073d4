"""l <= L where l < L is meant when choosing the activation: the output scores go through the
sigmoid too, so the softmax sees sigma(s^L) instead of the linear scores (the loss is wrong) and
the backward pass, which treats the output as linear, gives wrong gradients.

Mistake in `mlp_loss_and_grads`, written in the style of correct_masks.py.
"""

import numpy as np


def _row_max(Z):
    return np.take_along_axis(Z, Z.argmax(axis=-1)[..., None], axis=-1)


def softmax(Z):
    Z = np.asarray(Z, dtype=np.float64)
    e = np.exp(Z - _row_max(Z))
    return e / e.sum(axis=-1, keepdims=True)


def softmax_jacobian(p):
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError(f"p must be a 1-D probability vector, got shape {p.shape}")
    diagonal = np.eye(p.shape[0], dtype=bool)
    return np.where(diagonal, p * (1.0 - p), -np.outer(p, p))


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
    s = X @ W
    true_class = np.arange(C) == y[:, None]  # (N, C)
    s_true = np.take_along_axis(s, y[:, None], axis=1)
    margins = s - s_true + 1.0
    active = (margins > 0) & ~true_class
    loss = np.sum(np.where(active, margins, 0.0)) / N + reg * np.sum(W * W)
    ds = active - true_class * active.sum(axis=1, keepdims=True)
    dW = X.T @ ds / N + 2.0 * reg * W
    return float(loss), dW


def _cross_entropy(s, y):
    if s.ndim != 2 or y.shape != (s.shape[0],):
        raise ValueError(f"scores (N, C) and labels (N,) expected, got {s.shape}, {y.shape}")
    N, C = s.shape
    if y.size and (y.min() < 0 or y.max() >= C):
        raise ValueError(f"labels must be integers in 0..{C - 1}")
    shifted = s - _row_max(s)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -np.mean(np.take_along_axis(log_p, y[:, None], axis=1))
    onehot = np.arange(C) == y[:, None]
    return float(loss), (np.exp(log_p) - onehot) / N


def softmax_loss(W, X, y, reg):
    W, X, y = _check(W, X, y)
    loss, ds = _cross_entropy(X @ W, y)
    loss += reg * np.sum(W * W)
    dW = X.T @ ds + 2.0 * reg * W
    return float(loss), dW


def _sigmoid(z):
    negative = z < 0
    e = np.exp(np.where(negative, z, -z))
    return np.where(negative, e, 1.0) / (1.0 + e)


def _n_layers(params):
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    if L == 0 or set(params) != {f"{p}{l}" for l in range(1, L + 1) for p in "Wb"}:
        raise ValueError(f"params must hold W1, b1, ..., WL, bL; got {sorted(params)}")
    return L


def mlp_loss_and_grads(params, X, y):
    L = _n_layers(params)
    x = np.asarray(X, dtype=np.float64)
    y = np.asarray(y).astype(np.intp)
    inputs = []
    for l in range(1, L + 1):
        inputs.append(x)
        s = x @ np.asarray(params[f"W{l}"], dtype=np.float64) + np.asarray(params[f"b{l}"])
        x = _sigmoid(s) if l <= L else s
    loss, delta = _cross_entropy(x, y)
    grads = {}
    for l in range(L, 0, -1):
        x_prev = inputs[l - 1]
        grads[f"W{l}"] = x_prev.T @ delta
        grads[f"b{l}"] = np.sum(delta, axis=0)
        delta = (delta @ np.asarray(params[f"W{l}"], dtype=np.float64).T) * x_prev * (1.0 - x_prev)
    return loss, {k: grads[k] for l in range(1, L + 1) for k in (f"W{l}", f"b{l}")}


def dag_forward_backward(x0, W1, W2, W3):
    x0, W1, W2, W3 = (np.asarray(a, dtype=np.float64) for a in (x0, W1, W2, W3))
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
    from_x0 = np.arange(d0 + d1) < d0  # which entries of z2 are x0
    from_x1 = np.arange(d1 + d2) < d1  # which entries of z3 are x1
    ds2 = W3[~from_x1] * (1.0 - x2**2)
    dz2 = W2.T @ ds2
    dx1 = W3[from_x1] + dz2[~from_x0]
    ds1 = dx1 * (1.0 - x1**2)
    dx0 = dz2[from_x0] + W1.T @ ds1
    grads = {"W1": np.outer(ds1, x0), "W2": np.outer(ds2, z2), "W3": z3, "x0": dx0}
    return x3, grads


def chain_rule_example(x):
    x = float(x)
    u = x * x
    value = np.exp(np.sin(u))
    derivative = value * np.cos(u) * 2.0 * x
    return float(value), float(derivative)
