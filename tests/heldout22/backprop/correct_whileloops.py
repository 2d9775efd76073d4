"""Losses, softmax and backpropagation written with explicit while loops and manual index
counters: softmax and the softmax loss walk the rows with a row counter, the Jacobian starts from
-p p^T and adds p_i to its diagonal entry by entry, the hinge loss is CS231n's double loop over
samples and classes (its counters declared up front and the class counter reset per sample),
the MLP runs its forward pass with a layer counter going up and its backward pass with one going
down, and the chain rule folds the chain's links with a link counter.

Correct solution (style: whileloops).
"""

import numpy as np


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


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def softmax(Z):
    Z = np.asarray(Z, dtype=np.float64)
    if Z.ndim == 1:
        return softmax(Z[None, :])[0]
    P = np.zeros_like(Z)
    i = 0
    while i < Z.shape[0]:
        e = np.exp(Z[i] - Z[i].max())
        P[i] = e / e.sum()
        i += 1
    return P


def softmax_jacobian(p):
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError(f"p must be a 1-D probability vector, got shape {p.shape}")
    J = -np.outer(p, p)
    i = 0
    while i < p.shape[0]:
        J[i, i] += p[i]
        i += 1
    return J


def hinge_loss(W, X, y, reg):
    W, X, y = _check(W, X, y)
    N, C = X.shape[0], W.shape[1]
    dW = np.zeros_like(W)
    loss = 0.0
    i, j = 0, 0
    while i < N:
        s = X[i] @ W
        j = 0
        while j < C:
            if j != y[i]:
                margin = s[j] - s[y[i]] + 1.0
                if margin > 0:
                    loss += margin
                    dW[:, y[i]] -= X[i]
                    dW[:, j] += X[i]
            j += 1
        i += 1
    loss = loss / N + reg * np.sum(W * W)
    dW = dW / N + 2.0 * reg * W
    return float(loss), dW


def softmax_loss(W, X, y, reg):
    W, X, y = _check(W, X, y)
    N = X.shape[0]
    s = X @ W
    ds = np.zeros_like(s)
    loss = 0.0
    i = 0
    while i < N:
        row = s[i] - s[i].max()
        log_z = np.log(np.exp(row).sum())
        loss += log_z - row[y[i]]
        ds[i] = np.exp(row - log_z)
        ds[i, y[i]] -= 1.0
        i += 1
    loss = loss / N + reg * np.sum(W * W)
    dW = X.T @ ds / N + 2.0 * reg * W
    return float(loss), dW


def mlp_loss_and_grads(params, X, y):
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    if L == 0 or set(params) != {f"{p}{l}" for l in range(1, L + 1) for p in "Wb"}:
        raise ValueError(f"params must hold W1, b1, ..., WL, bL; got {sorted(params)}")
    W = {l: np.asarray(params[f"W{l}"], dtype=np.float64) for l in range(1, L + 1)}
    b = {l: np.asarray(params[f"b{l}"], dtype=np.float64) for l in range(1, L + 1)}
    acts = [np.asarray(X, dtype=np.float64)]
    l = 1
    while l <= L:
        if acts[-1].ndim != 2 or W[l].ndim != 2 or acts[-1].shape[1] != W[l].shape[0] \
                or b[l].shape != (W[l].shape[1],):
            raise ValueError(f"layer {l}: shapes disagree")
        s = acts[-1] @ W[l] + b[l]
        if l < L:
            acts.append(_sigmoid(s))
        l += 1
    N = s.shape[0]
    y = np.asarray(y).astype(np.intp)
    if y.shape != (N,) or (y.size and (y.min() < 0 or y.max() >= s.shape[1])):
        raise ValueError("labels must be integers in 0..C-1, one per sample")
    shifted = s - s.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    rows = np.arange(N)
    loss = -log_p[rows, y].sum() / N
    delta = np.exp(log_p)
    delta[rows, y] -= 1.0
    delta /= N
    grads = {}
    l = L
    while l >= 1:
        a = acts[l - 1]
        grads[f"W{l}"] = a.T @ delta
        grads[f"b{l}"] = delta.sum(axis=0)
        if l > 1:
            delta = (delta @ W[l].T) * a * (1.0 - a)
        l -= 1
    return float(loss), {key: grads[key] for key in params}


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
    z2 = np.concatenate([x0, x1])
    x2 = np.tanh(W2 @ z2)
    z3 = np.concatenate([x1, x2])
    x3 = float(W3 @ z3)
    g_x2 = W3[d1:]
    g_s2 = g_x2 * (1.0 - x2 * x2)
    g_z2 = W2.T @ g_s2
    g_x1 = W3[:d1] + g_z2[d0:]                         # x1 -> x3 and x1 -> x2 -> x3
    g_s1 = g_x1 * (1.0 - x1 * x1)
    g_x0 = g_z2[:d0] + W1.T @ g_s1                     # x0 -> x2 and x0 -> x1
    return x3, {"W1": np.outer(g_s1, x0), "W2": np.outer(g_s2, z2), "W3": z3, "x0": g_x0}


def chain_rule_example(x):
    links = ((np.square, lambda t: 2.0 * t), (np.sin, np.cos), (np.exp, np.exp))
    value = np.asarray(x, dtype=np.float64)
    derivative = np.ones_like(value)
    k = 0
    while k < len(links):
        function, local = links[k]
        derivative = derivative * local(value)
        value = function(value)
        k += 1
    if np.ndim(value) == 0:
        return float(value), float(derivative)
    return value, derivative
