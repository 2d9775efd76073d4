"""(deque) The layer gradients are collected with append instead of appendleft while the backward
pass runs from the last layer down, so they are numbered in reverse: grads['W1'] and grads['b1']
hold the output layer's gradients, grads['WL'] the first layer's (right for one layer; the
shapes are wrong unless the layers have equal sizes).

One mistake in `mlp_loss_and_grads`, written from correct_deque.py.
"""

from collections import deque

import numpy as np


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


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


def _log_softmax(scores):
    shifted = scores - scores.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


def softmax(Z):
    Z = np.asarray(Z, dtype=np.float64)
    rows = deque(Z.reshape(-1, Z.shape[-1]))
    results = deque()
    while rows:
        row = rows.popleft()
        e = np.exp(row - row.max())
        results.append(e / e.sum())
    return np.array(results, dtype=np.float64).reshape(Z.shape)


def softmax_jacobian(p):
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError(f"p must be a 1-D probability vector, got shape {p.shape}")
    C = p.shape[0]
    one_hot = deque([1.0] + [0.0] * (C - 1)) if C else deque()
    rows = deque()
    for i in range(C):
        rows.append(p[i] * (np.array(one_hot) - p))
        one_hot.rotate(1)                                # e_i -> e_(i+1)
    return np.array(rows, dtype=np.float64).reshape(C, C)


def hinge_loss(W, X, y, reg):
    W, X, y = _check(W, X, y)
    N, C = X.shape[0], W.shape[1]
    loss = 0.0
    dW = np.zeros_like(W)
    samples = deque(range(N))
    while samples:
        i = samples.popleft()
        scores = X[i] @ W
        active = deque(maxlen=max(C - 1, 0))
        for j in range(C):
            if j == y[i]:
                continue
            margin = scores[j] - scores[y[i]] + 1.0
            if margin > 0:
                active.append((j, margin))
        for j, margin in active:
            loss += margin
            dW[:, j] += X[i]
            dW[:, y[i]] -= X[i]
    if N:
        loss /= N
        dW /= N
    loss += reg * np.sum(W * W)
    dW += 2.0 * reg * W
    return float(loss), dW


def softmax_loss(W, X, y, reg):
    W, X, y = _check(W, X, y)
    N = X.shape[0]
    log_p = _log_softmax(X @ W)
    rows = np.arange(N)
    loss = -log_p[rows, y].sum() / N + reg * np.sum(W * W)
    dscores = np.exp(log_p)
    dscores[rows, y] -= 1.0
    dW = X.T @ (dscores / N) + 2.0 * reg * W
    return float(loss), dW


def mlp_loss_and_grads(params, X, y):
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    expected = {f"{kind}{l}" for l in range(1, L + 1) for kind in "Wb"}
    if L == 0 or set(params) != expected:
        raise ValueError(f"params must hold exactly W1, b1, ..., WL, bL; got {sorted(params)}")
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y).astype(np.intp)
    stack = deque()                                      # (input of the layer, W) per layer
    x = X
    for l in range(1, L + 1):
        W = np.asarray(params[f"W{l}"], dtype=np.float64)
        b = np.asarray(params[f"b{l}"], dtype=np.float64)
        if x.ndim != 2 or W.ndim != 2 or W.shape[0] != x.shape[1] or b.shape != (W.shape[1],):
            raise ValueError(f"layer {l}: W {W.shape}, b {b.shape} do not fit x {x.shape}")
        stack.append((x, W))
        s = x @ W + b
        x = _sigmoid(s) if l < L else s
    N, C = x.shape
    if y.shape != (N,) or (y.size and (y.min() < 0 or y.max() >= C)):
        raise ValueError(f"labels (N,) with values in 0..{C - 1} expected")
    log_p = _log_softmax(x)
    rows = np.arange(N)
    loss = -log_p[rows, y].sum() / N
    delta = np.exp(log_p)
    delta[rows, y] -= 1.0
    delta /= N
    collected = deque()
    while stack:
        a_prev, W = stack.pop()
        collected.append((a_prev.T @ delta, delta.sum(axis=0)))
        if stack:
            delta = (delta @ W.T) * a_prev * (1.0 - a_prev)
    grads = {}
    for l, (dW, db) in enumerate(collected, start=1):
        grads[f"W{l}"] = dW
        grads[f"b{l}"] = db
    return float(loss), grads


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
    x1 = np.tanh(W1 @ x0)
    stacked = deque(x1.tolist())
    stacked.extendleft(reversed(x0.tolist()))            # [x0; x1]
    z2 = np.array(stacked, dtype=np.float64)
    x2 = np.tanh(W2 @ z2)
    stacked = deque(x1.tolist())
    stacked.extend(x2.tolist())                          # [x1; x2]
    z3 = np.array(stacked, dtype=np.float64)
    x3 = float(W3 @ z3)
    ds2 = W3[d1:] * (1.0 - x2**2)
    dz2 = W2.T @ ds2
    ds1 = (W3[:d1] + dz2[d0:]) * (1.0 - x1**2)
    dx0 = dz2[:d0] + W1.T @ ds1
    return x3, {"W1": np.outer(ds1, x0), "W2": np.outer(ds2, z2), "W3": z3, "x0": dx0}


def chain_rule_example(x):
    x = np.asarray(x, dtype=np.float64)
    links = deque([
        (lambda t: t**2, lambda t: 2.0 * t),
        (np.sin, np.cos),
        (np.exp, np.exp),
    ])
    value, derivative = x, np.ones_like(x)
    while links:
        fn, dfn = links.popleft()
        derivative = derivative * dfn(value)
        value = fn(value)
    if np.ndim(value) == 0:
        return float(value), float(derivative)
    return value, derivative
