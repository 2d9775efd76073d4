"""(defensive) The outer derivative d e^v / dv is taken by the power rule, v e^(v - 1), instead of
e^v: the value is right but the derivative is v e^(v - 1) cos(x^2) 2x instead of e^v cos(x^2) 2x
(0 wherever sin(x^2) = 0).

One mistake in `chain_rule_example`, written from correct_defensive.py.
"""

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


def softmax(Z):
    Z = np.asarray(Z, dtype=np.float64)
    if Z.ndim == 0:
        raise ValueError("softmax needs at least one axis of logits")
    row_max = Z.max(axis=-1, keepdims=True)
    shifted = Z - row_max
    assert not np.any(shifted > 0), "the shifted logits must be <= 0"
    e = np.exp(shifted)
    totals = e.sum(axis=-1, keepdims=True)
    assert not np.any(totals < 1), "each row holds an exp(0) = 1"
    return e / totals


def softmax_jacobian(p):
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError(f"p must be a 1-D probability vector, got shape {p.shape}")
    diagonal = np.diag(p)
    outer = np.outer(p, p)
    J = diagonal - outer
    assert J.shape == (p.shape[0], p.shape[0])
    return J


def hinge_loss(W, X, y, reg):
    W, X, y = _check(W, X, y)
    N = X.shape[0]
    rows = np.arange(N)
    scores = X @ W
    true_scores = scores[rows, y][:, None]
    margins = scores - true_scores + 1.0
    margins[rows, y] = 0.0                               # j = y_i is not a term
    terms = np.maximum(0.0, margins)
    data_loss = terms.sum() / N
    loss = data_loss + reg * np.sum(W * W)
    active = (margins > 0).astype(np.float64)
    active[rows, y] = -active.sum(axis=1)
    dscores = active / N
    dW = X.T @ dscores + 2.0 * reg * W
    assert dW.shape == W.shape
    return float(loss), dW


def softmax_loss(W, X, y, reg):
    W, X, y = _check(W, X, y)
    N, C = X.shape[0], W.shape[1]
    present = np.unique(y)
    assert present.size <= C, "more labels than classes"
    rows = np.arange(N)
    scores = X @ W
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_totals = np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    log_p = shifted - log_totals
    data_loss = -log_p[rows, y].sum() / N
    loss = data_loss + reg * np.sum(W * W)
    dscores = np.exp(log_p)
    dscores[rows, y] -= 1.0
    dscores /= N
    dW = X.T @ dscores + 2.0 * reg * W
    return float(loss), dW


def mlp_loss_and_grads(params, X, y):
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    if L < 1:
        raise ValueError("params must hold W1, b1, ... for at least one layer")
    expected = {f"{kind}{l}" for l in range(1, L + 1) for kind in "Wb"}
    if set(params) != expected:
        raise ValueError(f"params must hold exactly W1, b1, ..., W{L}, b{L}; got {sorted(params)}")
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2 or y.shape != (X.shape[0],):
        raise ValueError(f"X (N, D) and y (N,) expected, got {X.shape}, {y.shape}")
    y = y.astype(np.intp)
    activations = [X]
    x = X
    for l in range(1, L + 1):
        W = np.asarray(params[f"W{l}"], dtype=np.float64)
        b = np.asarray(params[f"b{l}"], dtype=np.float64)
        if W.ndim != 2 or W.shape[0] != x.shape[1] or b.shape != (W.shape[1],):
            raise ValueError(f"layer {l}: W {W.shape}, b {b.shape} do not fit x {x.shape}")
        s = x @ W + b
        if l < L:
            x = _sigmoid(s)
            activations.append(x)
    scores = s
    N, C = scores.shape
    if y.size and (y.min() < 0 or y.max() >= C):
        raise ValueError(f"labels must be integers in 0..{C - 1}")
    rows = np.arange(N)
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -log_p[rows, y].sum() / N
    delta = np.exp(log_p)
    delta[rows, y] -= 1.0
    delta /= N
    grads = {}
    for l in range(L, 0, -1):
        a_prev = activations[l - 1]
        W = np.asarray(params[f"W{l}"], dtype=np.float64)
        grads[f"W{l}"] = a_prev.T @ delta
        grads[f"b{l}"] = delta.sum(axis=0)
        if l > 1:
            delta = (delta @ W.T) * a_prev * (1.0 - a_prev)
    assert all(grads[key].shape == np.shape(params[key]) for key in params)
    return float(loss), {f"{kind}{l}": grads[f"{kind}{l}"] for l in range(1, L + 1) for kind in "Wb"}


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
    s1 = W1 @ x0
    x1 = np.tanh(s1)
    z2 = np.concatenate([x0, x1])
    s2 = W2 @ z2
    x2 = np.tanh(s2)
    z3 = np.concatenate([x1, x2])
    x3 = float(W3 @ z3)
    dW3 = z3.copy()
    dx1_direct = W3[:d1].copy()                          # x1 -> x3
    dx2 = W3[d1:].copy()
    ds2 = dx2 * (1.0 - x2 * x2)
    dW2 = np.outer(ds2, z2)
    dz2 = W2.T @ ds2
    dx0_direct = dz2[:d0]                                # x0 -> x2
    dx1 = dx1_direct + dz2[d0:]                          # x1 -> x3 and x1 -> x2
    ds1 = dx1 * (1.0 - x1 * x1)
    dW1 = np.outer(ds1, x0)
    dx0 = dx0_direct + W1.T @ ds1                        # x0 -> x2 and x0 -> x1
    assert dW1.shape == W1.shape and dW2.shape == W2.shape and dx0.shape == x0.shape
    return x3, {"W1": dW1, "W2": dW2, "W3": dW3, "x0": dx0}


def chain_rule_example(x):
    x = np.asarray(x, dtype=np.float64)
    u = x * x                                            # u = x^2
    v = np.sin(u)                                        # v = sin u
    f = np.exp(v)                                        # f = e^v
    assert np.all(np.abs(v) <= 1)
    df_dv = v * np.exp(v - 1)                            # d e^v / dv
    dv_du = np.cos(u)
    du_dx = 2.0 * x
    derivative = df_dv * dv_du * du_dx
    if np.ndim(f) == 0:
        return float(f), float(derivative)
    return f, derivative
