"""Losses, softmax and backpropagation with the samples stored as COLUMNS (Nielsen's layout):
scores are computed as St = W^T X^T, (classes x samples), softmax normalises down axis 0, the
true class of sample i is St[y_i, i], the weight gradients are (dSt X)^T, and the MLP runs on
activations A = X^T with s = W^T A + b (the bias a column) and db = sum of delta over axis 1.
Everything is transposed back to the contract's (samples x classes) / (D, C) layout on return;
the DAG's vectors are (d, 1) columns, flattened back at the end.

Correct solution (style: colmajor).
"""

import numpy as np


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0, e) / (1.0 + e)


def _softmax_columns(St):
    shifted = St - St.max(axis=0, keepdims=True)
    E = np.exp(shifted)
    return E / E.sum(axis=0, keepdims=True)


def softmax(Z):
    Zt = np.asarray(Z, dtype=np.float64).T                # (C, N): one column per sample
    return _softmax_columns(Zt).T


def softmax_jacobian(p):
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError(f"p must be a 1-D probability vector, got shape {p.shape}")
    pc = p.reshape(-1, 1)                                 # (C, 1)
    return np.diagflat(pc) - pc @ pc.T


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
    N = X.shape[0]
    cols = np.arange(N)
    St = W.T @ X.T                                        # (C, N)
    margins = St - St[y, cols] + 1.0                      # the true score of each column
    margins[y, cols] = 0.0
    loss = np.maximum(margins, 0.0).sum() / N + reg * np.sum(W * W)
    dSt = (margins > 0).astype(np.float64)
    dSt[y, cols] = -dSt.sum(axis=0)
    dW = (dSt @ X).T / N + 2.0 * reg * W
    return float(loss), dW


def softmax_loss(W, X, y, reg):
    W, X, y = _check(W, X, y)
    N = X.shape[0]
    cols = np.arange(N)
    St = W.T @ X.T                                        # (C, N)
    shifted = St - St.max(axis=0, keepdims=True)
    log_P = shifted - np.log(np.exp(shifted).sum(axis=0, keepdims=True))
    loss = -log_P[y, cols].sum() / N + reg * np.sum(W * W)
    dSt = np.exp(log_P)
    dSt[y, cols] -= 1.0
    dW = (dSt @ X).T / N + 2.0 * reg * W
    return float(loss), dW


def mlp_loss_and_grads(params, X, y):
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    if L == 0 or set(params) != {f"{p}{l}" for l in range(1, L + 1) for p in "Wb"}:
        raise ValueError(f"params must hold W1, b1, ..., WL, bL; got {sorted(params)}")
    A = np.asarray(X, dtype=np.float64).T                 # (D, N): one column per sample
    N = A.shape[1]
    y = np.asarray(y)
    if y.shape != (N,) or (y.size and (y.min() < 0 or y.max() >= np.shape(params[f"b{L}"])[0])):
        raise ValueError(f"labels must be N integers in 0..C-1, got shape {y.shape}")
    y = y.astype(np.intp)
    acts = [A]
    for l in range(1, L + 1):
        W = np.asarray(params[f"W{l}"], dtype=np.float64)
        b = np.asarray(params[f"b{l}"], dtype=np.float64)
        S = W.T @ A + b[:, np.newaxis]                    # (units, N)
        A = _sigmoid(S) if l < L else S
        acts.append(A)
    cols = np.arange(N)
    shifted = A - A.max(axis=0, keepdims=True)
    log_P = shifted - np.log(np.exp(shifted).sum(axis=0, keepdims=True))
    loss = -log_P[y, cols].sum() / N
    delta = np.exp(log_P)
    delta[y, cols] -= 1.0
    delta /= N                                            # dL/ds^L, (C, N)
    grads = {}
    for l in range(L, 0, -1):
        W = np.asarray(params[f"W{l}"], dtype=np.float64)
        grads[f"W{l}"] = acts[l - 1] @ delta.T            # (fan_in, fan_out)
        grads[f"b{l}"] = delta.sum(axis=1)
        if l > 1:
            below = acts[l - 1]
            delta = (W @ delta) * below * (1.0 - below)
    return float(loss), {k: grads[k] for l in range(1, L + 1) for k in (f"W{l}", f"b{l}")}


def dag_forward_backward(x0, W1, W2, W3):
    x0 = np.asarray(x0, dtype=np.float64).reshape(-1, 1)  # (d0, 1)
    W1 = np.asarray(W1, dtype=np.float64)
    W2 = np.asarray(W2, dtype=np.float64)
    W3 = np.asarray(W3, dtype=np.float64)
    d0, d1 = x0.shape[0], W1.shape[0]
    if W1.shape != (d1, d0) or W2.ndim != 2 or W2.shape[1] != d0 + d1:
        raise ValueError(f"shapes disagree: x0 {x0.shape}, W1 {W1.shape}, W2 {W2.shape}")
    if W3.shape != (d1 + W2.shape[0],):
        raise ValueError(f"W3 must have shape ({d1 + W2.shape[0]},), got {W3.shape}")
    w3 = W3.reshape(-1, 1)                                # (d1 + d2, 1)
    x1 = np.tanh(W1 @ x0)                                 # (d1, 1)
    z2 = np.vstack([x0, x1])
    x2 = np.tanh(W2 @ z2)                                 # (d2, 1)
    z3 = np.vstack([x1, x2])
    x3 = float((w3.T @ z3)[0, 0])
    ds2 = w3[d1:] * (1.0 - x2**2)
    dz2 = W2.T @ ds2
    ds1 = (w3[:d1] + dz2[d0:]) * (1.0 - x1**2)
    dx0 = dz2[:d0] + W1.T @ ds1
    grads = {"W1": ds1 @ x0.T, "W2": ds2 @ z2.T, "W3": z3.ravel(), "x0": dx0.ravel()}
    return x3, grads


def chain_rule_example(x):
    x = np.asarray(x, dtype=np.float64)
    u = x * x
    value = np.exp(np.sin(u))
    derivative = value * np.cos(u) * 2.0 * x
    if value.ndim == 0:
        return float(value), float(derivative)
    return value, derivative
