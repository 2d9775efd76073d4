"""np.log1p is used for the log of the row sums ('the stable log'): log1p(s) is log(1 + s), not
log(s), so every row is divided by 1 + sum exp(z - max) instead of the sum, and the rows of P
add up to S/(1 + S) < 1 instead of 1.

Mistake in `softmax`, written in the style of correct_sliding.py.
"""

from itertools import pairwise

import numpy as np
from numpy.lib.stride_tricks import as_strided


def _sigmoid(z):
    return np.exp(-np.logaddexp(0.0, -z))


def softmax(Z):
    Z = np.asarray(Z, dtype=np.float64)
    m = Z.max(axis=-1, keepdims=True)
    lse = m + np.log1p(np.exp(Z - m).sum(axis=-1, keepdims=True))
    return np.exp(Z - lse)


def softmax_jacobian(p):
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError(f"p must be a 1-D probability vector, got shape {p.shape}")
    C = p.shape[0]
    J = -np.outer(p, p)
    diagonal = as_strided(J, shape=(C,), strides=((C + 1) * J.itemsize,))   # J[0,0], J[1,1], ...
    diagonal += p
    return J


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
    loss = np.float64(0.0)
    dW = np.zeros_like(W)
    for i in range(N):
        s = X[i] @ W
        margins = np.maximum(0.0, s - s[y[i]] + 1.0)
        margins[y[i]] = 0.0
        active = (margins > 0).astype(np.float64)
        active[y[i]] = -active.sum()
        loss += margins.sum()
        dW += np.outer(X[i], active)
    loss = loss / N + reg * np.sum(W * W)
    dW = dW / N + 2.0 * reg * W
    return float(loss), dW


def _log_softmax(S):
    m = S.max(axis=1, keepdims=True)
    return S - m - np.log(np.exp(S - m).sum(axis=1, keepdims=True))


def softmax_loss(W, X, y, reg):
    W, X, y = _check(W, X, y)
    N = X.shape[0]
    log_p = _log_softmax(X @ W)
    loss = -np.take_along_axis(log_p, y[:, np.newaxis], axis=1).sum() / N
    loss += reg * np.sum(W * W)
    dS = np.exp(log_p)
    np.put_along_axis(dS, y[:, np.newaxis], np.take_along_axis(dS, y[:, np.newaxis], 1) - 1.0, 1)
    dW = X.T @ dS / N + 2.0 * reg * W
    return float(loss), dW


def mlp_loss_and_grads(params, X, y):
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    if L == 0 or set(params) != {f"{p}{l}" for l in range(1, L + 1) for p in "Wb"}:
        raise ValueError(f"params must hold W1, b1, ..., WL, bL; got {sorted(params)}")
    acts = [np.asarray(X, dtype=np.float64)]
    for l in range(1, L + 1):
        s = acts[-1] @ np.asarray(params[f"W{l}"], dtype=np.float64) + np.asarray(params[f"b{l}"])
        acts.append(_sigmoid(s) if l < L else s)
    N = acts[0].shape[0]
    y = np.asarray(y)
    if y.shape != (N,) or (y.size and (y.min() < 0 or y.max() >= acts[-1].shape[1])):
        raise ValueError(f"labels must be N integers in 0..C-1, got shape {y.shape}")
    y = y.astype(np.intp)
    log_p = _log_softmax(acts[-1])
    loss = -log_p[np.arange(N), y].sum() / N
    delta = np.exp(log_p)
    delta[np.arange(N), y] -= 1.0
    delta /= N
    grads = {}
    for l, (a_in, _a_out) in reversed(list(enumerate(pairwise(acts), start=1))):
        W = np.asarray(params[f"W{l}"], dtype=np.float64)
        grads[f"W{l}"] = a_in.T @ delta
        grads[f"b{l}"] = delta.sum(axis=0)
        if l > 1:
            delta = (delta @ W.T) * a_in * (1.0 - a_in)
    return float(loss), {k: grads[k] for l in range(1, L + 1) for k in (f"W{l}", f"b{l}")}


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
    ds2 = W3[d1:] * (1.0 - x2 * x2)
    dz2 = W2.T @ ds2
    ds1 = (W3[:d1] + dz2[d0:]) * (1.0 - x1 * x1)
    dx0 = dz2[:d0] + W1.T @ ds1
    return x3, {"W1": np.outer(ds1, x0), "W2": np.outer(ds2, z2), "W3": z3, "x0": dx0}


LINKS = ((np.square, lambda t: 2.0 * t), (np.sin, np.cos), (np.exp, np.exp))


def chain_rule_example(x):
    values = [np.asarray(x, dtype=np.float64)]
    for link, _ in LINKS:
        values.append(link(values[-1]))
    derivative = np.float64(1.0)
    for (_, local), (inside, outside) in zip(LINKS, pairwise(values), strict=True):
        derivative = derivative * local(inside)
    if values[-1].ndim == 0:
        return float(values[-1]), float(derivative)
    return values[-1], derivative
