"""In the forward pass the column of ones is put FIRST, np.c_[1, x], while b was stacked as the
LAST row of W: the bias multiplies the last input and the first weight row multiplies the
constant 1, so every score, the loss and all gradients are wrong (the backward pass builds [x,
1] in the right order).

Mistake in `mlp_loss_and_grads`, written in the style of correct_stacking.py (stacking).
"""

import numpy as np


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _log_softmax(s):
    shifted = s - s.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


def softmax(Z):
    Z = np.asarray(Z, dtype=np.float64)
    e = np.exp(Z - Z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def softmax_jacobian(p):
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError(f"p must be 1-D, got shape {p.shape}")
    C = p.shape[0]
    eye = np.eye(C)
    return np.vstack([p[i] * (eye[i] - p) for i in range(C)]).reshape(C, C)


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
    s = X @ W
    N, C = s.shape
    rows = np.arange(N)
    true = np.repeat(s[rows, y], C).reshape(N, C)         # s_(i, y_i) in every column of row i
    margins = s - true + 1.0
    margins[rows, y] = 0.0
    loss = np.maximum(0.0, margins).sum() / N + reg * np.sum(W * W)
    ds = (margins > 0).astype(np.float64)
    ds[rows, y] = -ds.sum(axis=1)
    dW = X.T @ (ds / N) + 2.0 * reg * W
    return float(loss), dW


def softmax_loss(W, X, y, reg):
    W, X, y = _check(W, X, y)
    s = X @ W
    N, C = s.shape
    onehot = np.eye(C)[y]
    log_p = _log_softmax(s)
    loss = -(log_p * onehot).sum() / N + reg * np.sum(W * W)
    dW = X.T @ ((np.exp(log_p) - onehot) / N) + 2.0 * reg * W
    return float(loss), dW


def mlp_loss_and_grads(params, X, y):
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    if L == 0 or set(params) != {f"{p}{l}" for l in range(1, L + 1) for p in "Wb"}:
        raise ValueError(f"params must hold W1, b1, ..., WL, bL; got {sorted(params)}")
    Wb = {}
    acts = [np.asarray(X, dtype=np.float64)]
    N = acts[0].shape[0]
    for l in range(1, L + 1):
        W = np.asarray(params[f"W{l}"], dtype=np.float64)
        b = np.asarray(params[f"b{l}"], dtype=np.float64)
        if acts[-1].ndim != 2 or W.ndim != 2 or acts[-1].shape[1] != W.shape[0] \
                or b.shape != (W.shape[1],):
            raise ValueError(f"layer {l}: shapes disagree")
        Wb[l] = np.vstack([W, b])                          # b as one more row of W
        xa = np.c_[np.ones(N), acts[-1]]                  # ... and a column of ones in x
        s = xa @ Wb[l]
        if l < L:
            acts.append(_sigmoid(s))
    y = np.asarray(y)
    C = s.shape[1]
    if y.shape != (N,) or (y.size and (y.min() < 0 or y.max() >= C)):
        raise ValueError("labels must be (N,) integers in 0..C-1")
    onehot = np.eye(C)[y.astype(np.intp)]
    log_p = _log_softmax(s)
    loss = -(log_p * onehot).sum() / N
    delta = (np.exp(log_p) - onehot) / N
    grads = {}
    for l in range(L, 0, -1):
        dWb = np.c_[acts[l - 1], np.ones(N)].T @ delta
        grads[f"W{l}"], grads[f"b{l}"] = dWb[:-1], dWb[-1]
        if l > 1:
            delta = (delta @ Wb[l][:-1].T) * acts[l - 1] * (1.0 - acts[l - 1])
    return float(loss), {k: grads[k] for l in range(1, L + 1) for k in (f"W{l}", f"b{l}")}


def dag_forward_backward(x0, W1, W2, W3):
    x0, W1, W2, W3 = (np.asarray(a, dtype=np.float64) for a in (x0, W1, W2, W3))
    d0, d1 = x0.shape[0], W1.shape[0]
    if W1.shape != (d1, d0) or W2.ndim != 2 or W2.shape[1] != d0 + d1:
        raise ValueError(f"shapes disagree: x0 {x0.shape}, W1 {W1.shape}, W2 {W2.shape}")
    if W3.shape != (d1 + W2.shape[0],):
        raise ValueError(f"W3 has shape {W3.shape}")
    x1 = np.tanh(W1 @ x0)
    z2 = np.r_[x0, x1]
    x2 = np.tanh(W2 @ z2)
    z3 = np.r_[x1, x2]
    x3 = float(W3 @ z3)
    ds2 = W3[d1:] * (1.0 - x2 ** 2)
    dz2 = W2.T @ ds2
    ds1 = (W3[:d1] + dz2[d0:]) * (1.0 - x1 ** 2)
    dx0 = np.stack([dz2[:d0], W1.T @ ds1]).sum(axis=0)    # the direct path and the path via x1
    return x3, {"W1": np.outer(ds1, x0), "W2": np.outer(ds2, z2), "W3": z3, "x0": dx0}


def chain_rule_example(x):
    x = np.asarray(x, dtype=np.float64)
    u = x ** 2
    f = np.exp(np.sin(u))
    df = np.prod(np.stack([f, np.cos(u), 2.0 * x]), axis=0)
    if np.ndim(f) == 0:
        return float(f), float(df)
    return f, df
