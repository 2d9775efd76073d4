"""dL_i/ds_ic is written p_ic - 1 for every class c instead of p_ic - 1[c = y_i].

The indicator of the true class is dropped: the 1 is subtracted from all C scores, so every
column of dW gets -x_i too much (the loss itself is right).

Graded: softmax_loss (written from correct_textbook.py).
"""

import math

import numpy as np


def softmax(Z):
    """p_ic = e^{z_ic - max_k z_ik} / sum_k e^{z_ik - max_k z_ik}."""
    Z = np.asarray(Z, dtype=np.float64)
    z_max = np.max(Z, axis=-1, keepdims=True)
    e = np.exp(Z - z_max)
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_jacobian(p):
    """J_ij = p_i (delta_ij - p_j)."""
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError("p must be a 1-D probability vector")
    C = p.shape[0]
    J = np.zeros((C, C))
    for i in range(C):
        for j in range(C):
            delta_ij = 1.0 if i == j else 0.0
            J[i, j] = p[i] * (delta_ij - p[j])
    return J


def _check(W, X, y):
    W = np.asarray(W, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if W.ndim != 2 or X.ndim != 2 or y.ndim != 1:
        raise ValueError("expected W (D, C), X (N, D), y (N,)")
    if X.shape[1] != W.shape[0] or X.shape[0] != y.shape[0]:
        raise ValueError("shapes of W, X and y disagree")
    if y.size and (y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= W.shape[1]):
        raise ValueError("labels must be integers in 0..C-1")
    return W, X, y


def hinge_loss(W, X, y, reg):
    """L = (1/N) sum_i sum_{j != y_i} max(0, s_ij - s_iy_i + 1) + reg sum W^2."""
    W, X, y = _check(W, X, y)
    N = X.shape[0]
    C = W.shape[1]
    dW = np.zeros(W.shape)
    L = 0.0
    for i in range(N):
        s_i = X[i] @ W
        for j in range(C):
            if j == y[i]:
                continue
            margin = s_i[j] - s_i[y[i]] + 1.0
            if margin > 0:
                L += margin
                # d/dW_j = x_i, d/dW_{y_i} = -x_i
                dW[:, j] += X[i]
                dW[:, y[i]] -= X[i]
    L = L / N
    dW = dW / N
    # + reg sum W^2, gradient 2 reg W
    L += reg * np.sum(W * W)
    dW = dW + 2 * reg * W
    return float(L), dW


def softmax_loss(W, X, y, reg):
    """L = -(1/N) sum_i log p_iy_i + reg sum W^2, dW = (1/N) sum_i x_i^T (p_i - 1_{y_i}) + 2 reg W."""
    W, X, y = _check(W, X, y)
    N = X.shape[0]
    C = W.shape[1]
    dW = np.zeros(W.shape)
    L = 0.0
    for i in range(N):
        s_i = X[i] @ W
        # log p_ic = s_ic - max s_i - log sum_k e^{s_ik - max s_i}
        s_i = s_i - np.max(s_i)
        log_sum = math.log(np.sum(np.exp(s_i)))
        log_p_i = s_i - log_sum
        L += -log_p_i[y[i]]
        p_i = np.exp(log_p_i)
        for c in range(C):
            # dL_i/ds_ic = p_ic - 1[c = y_i]
            ds_ic = p_i[c] - 1.0
            dW[:, c] += ds_ic * X[i]
    L = L / N
    dW = dW / N
    L += reg * np.sum(W * W)
    dW = dW + 2 * reg * W
    return float(L), dW


def sigma(z):
    """sigma(z) = 1 / (1 + e^{-z}), in its two stable forms."""
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def mlp_loss_and_grads(params, X, y):
    """Forward z_l, a_l; loss = mean cross-entropy of z_L; backward delta_l."""
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    if L == 0 or set(params) != {f"{p}{l}" for l in range(1, L + 1) for p in "Wb"}:
        raise ValueError("params must hold exactly W1, b1, ..., WL, bL")
    W = {l: np.asarray(params[f"W{l}"], dtype=np.float64) for l in range(1, L + 1)}
    b = {l: np.asarray(params[f"b{l}"], dtype=np.float64) for l in range(1, L + 1)}
    y = np.asarray(y).astype(np.intp)
    a = {0: np.asarray(X, dtype=np.float64)}
    z = {}
    N = a[0].shape[0]
    if y.shape != (N,):
        raise ValueError("one label per row of X")
    # forward: z_l = a_{l-1} W_l + b_l;  a_l = sigma(z_l) for l < L
    for l in range(1, L + 1):
        if a[l - 1].shape[1] != W[l].shape[0] or b[l].shape != (W[l].shape[1],):
            raise ValueError(f"layer {l} shapes disagree")
        z[l] = a[l - 1] @ W[l] + b[l]
        if l < L:
            a[l] = sigma(z[l])
    # p = softmax(z_L); loss = -(1/N) sum_i log p_iy_i
    z_L = z[L]
    if y.size and (y.min() < 0 or y.max() >= z_L.shape[1]):
        raise ValueError("labels must be integers in 0..C-1")
    shifted = z_L - np.max(z_L, axis=1, keepdims=True)
    log_p = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    rows = np.arange(N)
    loss = -np.sum(log_p[rows, y]) / N
    # delta_L = (p - Y) / N
    delta = {}
    delta[L] = np.exp(log_p)
    delta[L][rows, y] -= 1.0
    delta[L] = delta[L] / N
    grads = {}
    for l in range(L, 0, -1):
        # dL/dW_l = a_{l-1}^T delta_l;  dL/db_l = sum_i delta_l
        grads[f"W{l}"] = a[l - 1].T @ delta[l]
        grads[f"b{l}"] = np.sum(delta[l], axis=0)
        if l > 1:
            # delta_{l-1} = (delta_l W_l^T) * sigma'(z_{l-1}), sigma' = a (1 - a)
            delta[l - 1] = (delta[l] @ W[l].T) * a[l - 1] * (1.0 - a[l - 1])
    return float(loss), {k: grads[k] for l in range(1, L + 1) for k in (f"W{l}", f"b{l}")}


def dag_forward_backward(x0, W1, W2, W3):
    """x1 = tanh(W1 x0), x2 = tanh(W2 [x0; x1]), x3 = W3 . [x1; x2]; gradients over all paths."""
    x0 = np.asarray(x0, dtype=np.float64)
    W1 = np.asarray(W1, dtype=np.float64)
    W2 = np.asarray(W2, dtype=np.float64)
    W3 = np.asarray(W3, dtype=np.float64)
    d0 = x0.shape[0]
    d1 = W1.shape[0]
    if W1.shape != (d1, d0) or W2.ndim != 2 or W2.shape[1] != d0 + d1:
        raise ValueError("shapes of x0, W1 and W2 disagree")
    d2 = W2.shape[0]
    if W3.shape != (d1 + d2,):
        raise ValueError("W3 must have d1 + d2 entries")
    # forward
    z1 = W1 @ x0
    x1 = np.tanh(z1)
    u = np.concatenate([x0, x1])
    z2 = W2 @ u
    x2 = np.tanh(z2)
    v = np.concatenate([x1, x2])
    x3 = float(W3 @ v)
    # backward: dx3/dW3 = [x1; x2]
    dW3 = v.copy()
    # dx3/dx2 = W3[d1:],  dx3/dz2 = dx3/dx2 * (1 - x2^2)
    delta2 = W3[d1:] * (1.0 - x2**2)
    dW2 = np.outer(delta2, u)
    # dx3/dx1 = W3[:d1] (direct) + (W2^T delta2)[d0:] (through x2)
    dx1 = W3[:d1] + (W2.T @ delta2)[d0:]
    delta1 = dx1 * (1.0 - x1**2)
    dW1 = np.outer(delta1, x0)
    # dx3/dx0 = (W2^T delta2)[:d0] (through x2) + W1^T delta1 (through x1)
    dx0 = (W2.T @ delta2)[:d0] + W1.T @ delta1
    return x3, {"W1": dW1, "W2": dW2, "W3": dW3, "x0": dx0}


def chain_rule_example(x):
    """f(x) = e^{sin(x^2)}: u = x^2, v = sin u, f = e^v, f' = e^v cos(u) 2x."""
    u = x**2
    v = math.sin(u)
    f = math.exp(v)
    df_dv = f
    dv_du = math.cos(u)
    du_dx = 2 * x
    return float(f), float(df_dv * dv_du * du_dx)
