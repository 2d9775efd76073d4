"""The regulariser is put inside the mean, (sum of the losses + reg*sum W^2)/N instead of mean +
reg*sum W^2: the loss's penalty is N times too small (the gradient's 2*reg*W is right), wrong
whenever reg != 0 and N > 1.

Graded function: `softmax_loss`. Written in the style of correct_matchcase.py.
"""

import numpy as np


def _softmax_row(z):
    e = np.exp(z - z.max())
    return e / e.sum()


def softmax(Z):
    Z = np.asarray(Z, dtype=np.float64)
    match Z.shape:
        case (_,):
            return _softmax_row(Z)
        case (n, c):
            return np.array([_softmax_row(row) for row in Z], dtype=np.float64).reshape(n, c)
        case shape:
            raise ValueError(f"Z must be (N, C), got shape {shape}")


def softmax_jacobian(p):
    p = np.asarray(p, dtype=np.float64)
    match p.shape:
        case (c,):
            rows = [[p_i * ((i == j) - p_j) for j, p_j in enumerate(p.tolist())]
                    for i, p_i in enumerate(p.tolist())]
            return np.array(rows, dtype=np.float64).reshape(c, c)
        case shape:
            raise ValueError(f"p must be a 1-D probability vector, got shape {shape}")


def _check(W, X, y):
    W = np.asarray(W, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    match (W.shape, X.shape, y.shape):
        case ((D, C), (N, D_x), (N_y,)) if D == D_x and N == N_y:
            pass
        case shapes:
            raise ValueError(f"expected W (D, C), X (N, D), y (N,); got {shapes}")
    if y.size and (y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= C):
        raise ValueError(f"labels must be integers in 0..{C - 1}")
    return W, X, y.astype(np.intp).tolist(), N


def hinge_loss(W, X, y, reg):
    W, X, y, N = _check(W, X, y)
    loss = 0.0
    dW = np.zeros_like(W)
    for x_i, y_i in zip(X, y, strict=True):
        s = x_i @ W
        for j, s_j in enumerate(s.tolist()):
            if j == y_i:
                continue
            if (margin := s_j - s[y_i] + 1.0) > 0:
                loss += margin
                dW[:, j] += x_i
                dW[:, y_i] -= x_i
    return float(loss / N + reg * np.sum(W * W)), dW / N + 2.0 * reg * W


def softmax_loss(W, X, y, reg):
    W, X, y, N = _check(W, X, y)
    loss = 0.0
    dW = np.zeros_like(W)
    for x_i, y_i in zip(X, y, strict=True):
        s = x_i @ W
        lse = (top := s.max()) + np.log(np.exp(s - top).sum())
        loss += lse - s[y_i]
        ds = np.exp(s - lse)
        ds[y_i] -= 1.0
        dW += np.outer(x_i, ds)
    return float((loss + reg * np.sum(W * W)) / N), dW / N + 2.0 * reg * W


def _sigmoid(s):
    e = np.exp(-np.abs(s))
    return np.where(s >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _n_layers(params):
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    if L == 0 or set(params) != {f"{p}{l}" for l in range(1, L + 1) for p in "Wb"}:
        raise ValueError(f"params must hold W1, b1, ..., WL, bL; got {sorted(params)}")
    return L


def mlp_loss_and_grads(params, X, y):
    L = _n_layers(params)
    acts = [np.asarray(X, dtype=np.float64)]
    for l in range(1, L + 1):
        s = acts[-1] @ np.asarray(params[f"W{l}"], dtype=np.float64) + params[f"b{l}"]
        match l:
            case _ if l < L:
                acts.append(_sigmoid(s))
            case _:
                scores = s
    y = np.asarray(y).astype(np.intp)
    match scores.shape:
        case (N, C) if y.shape == (N,) and (N == 0 or 0 <= y.min() <= y.max() < C):
            pass
        case shape:
            raise ValueError(f"scores {shape} and labels {y.shape} do not fit")
    rows = np.arange(N)
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -log_p[rows, y].sum() / N
    delta = np.exp(log_p)
    delta[rows, y] -= 1.0
    delta /= N
    grads = {}
    for l in range(L, 0, -1):
        a_prev = acts[l - 1]
        grads[f"W{l}"] = a_prev.T @ delta
        grads[f"b{l}"] = delta.sum(axis=0)
        if l > 1:
            delta = (delta @ np.asarray(params[f"W{l}"], dtype=np.float64).T) * a_prev * (1.0 - a_prev)
    return float(loss), {k: grads[k] for l in range(1, L + 1) for k in (f"W{l}", f"b{l}")}


def dag_forward_backward(x0, W1, W2, W3):
    x0, W1, W2, W3 = (np.asarray(a, dtype=np.float64) for a in (x0, W1, W2, W3))
    match (x0.shape, W1.shape, W2.shape, W3.shape):
        case ((d0,), (d1, d0_), (d2, cols), (d3,)) if d0_ == d0 and cols == d0 + d1 and d3 == d1 + d2:
            pass
        case shapes:
            raise ValueError(f"shapes disagree: x0, W1, W2, W3 = {shapes}")
    x1 = np.tanh(W1 @ x0)
    x2 = np.tanh(W2 @ (z2 := np.concatenate([x0, x1])))
    x3 = float(W3 @ (z3 := np.concatenate([x1, x2])))
    ds2 = W3[d1:] * (1.0 - x2**2)
    dz2 = W2.T @ ds2
    ds1 = (W3[:d1] + dz2[d0:]) * (1.0 - x1**2)
    return x3, {"W1": np.outer(ds1, x0), "W2": np.outer(ds2, z2), "W3": z3.copy(),
                "x0": dz2[:d0] + W1.T @ ds1}


FUNCTION = {"square": lambda u: u * u, "sin": np.sin, "exp": np.exp}
DERIVATIVE = {"square": lambda u: 2.0 * u, "sin": np.cos, "exp": np.exp}
CHAIN = ("square", "sin", "exp")                           # x ↦ x² ↦ sin ↦ exp


def chain_rule_example(x):
    value, derivative = float(x), 1.0
    for link in CHAIN:
        derivative *= DERIVATIVE[link](value)
        value = FUNCTION[link](value)
    return float(value), float(derivative)
