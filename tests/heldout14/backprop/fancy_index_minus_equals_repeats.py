"""Fancy-index -= instead of np.add.at: with repeated labels in y, dW.T[y] -= ... is buffered and
only ONE of the samples of each class is subtracted (the last write wins), so the true-class
columns of dW are wrong whenever two samples share a label.

One mistake, in `hinge_loss`; written in the style of correct_inplace.py.
"""

import numpy as np


def softmax(Z):
    P = np.array(Z, dtype=np.float64)
    P -= P.max(axis=1, keepdims=True)
    np.exp(P, out=P)
    P /= P.sum(axis=1, keepdims=True)
    return P


def softmax_jacobian(p):
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError(f"p must be 1-D, got shape {p.shape}")
    C = p.shape[0]
    J = np.outer(p, p)
    np.negative(J, out=J)
    J.flat[:: C + 1] += p
    return J


def _checked(W, X, y):
    W = np.asarray(W, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if W.ndim != 2 or X.ndim != 2 or y.ndim != 1:
        raise ValueError(f"expected W (D, C), X (N, D), y (N,); got {W.shape}, {X.shape}, {y.shape}")
    if X.shape[1] != W.shape[0] or X.shape[0] != y.shape[0]:
        raise ValueError(f"shapes disagree: W {W.shape}, X {X.shape}, y {y.shape}")
    if y.size and (y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= W.shape[1]):
        raise ValueError("labels out of range")
    return W, X, y.astype(np.intp)


def hinge_loss(W, X, y, reg):
    W, X, y = _checked(W, X, y)
    N = X.shape[0]
    rows = np.arange(N)
    S = X @ W
    S -= S[rows, y].copy()[:, None]
    S += 1.0
    S[rows, y] = 0.0
    np.maximum(S, 0.0, out=S)
    loss = S.sum() / N + reg * np.sum(W * W)
    active = (S > 0).astype(np.float64)
    dW = X.T @ active
    counts = active.sum(axis=1)
    dW.T[y] -= counts[:, None] * X
    dW /= N
    dW += 2.0 * reg * W
    return float(loss), dW


def _log_softmax_inplace(S):
    S -= S.max(axis=1, keepdims=True)
    S -= np.log(np.exp(S).sum(axis=1, keepdims=True))
    return S


def softmax_loss(W, X, y, reg):
    W, X, y = _checked(W, X, y)
    N = X.shape[0]
    rows = np.arange(N)
    log_p = _log_softmax_inplace(X @ W)
    ds = np.exp(log_p)
    loss = -log_p[rows, y].sum() / N + reg * np.sum(W * W)
    ds[rows, y] -= 1.0
    ds /= N
    dW = X.T @ ds
    dW += 2.0 * reg * W
    return float(loss), dW


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def mlp_loss_and_grads(params, X, y):
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    if L == 0 or set(params) != {f"{p}{l}" for l in range(1, L + 1) for p in "Wb"}:
        raise ValueError(f"params must hold W1, b1, ..., WL, bL; got {sorted(params)}")
    y = np.asarray(y).astype(np.intp)
    acts = [np.asarray(X, dtype=np.float64)]
    for l in range(1, L + 1):
        s = acts[-1] @ np.asarray(params[f"W{l}"], dtype=np.float64)
        s += params[f"b{l}"]
        acts.append(_sigmoid(s) if l < L else s)
    N = acts[0].shape[0]
    rows = np.arange(N)
    log_p = _log_softmax_inplace(acts[-1].copy())
    loss = -log_p[rows, y].sum() / N
    delta = np.exp(log_p)
    delta[rows, y] -= 1.0
    delta /= N
    grads = {}
    for l in range(L, 0, -1):
        a = acts[l - 1]
        grads[f"W{l}"] = a.T @ delta
        grads[f"b{l}"] = delta.sum(axis=0)
        if l > 1:
            delta = delta @ np.asarray(params[f"W{l}"], dtype=np.float64).T
            delta *= a * (1.0 - a)
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
    z2 = np.empty(d0 + d1)
    z2[:d0] = x0
    np.tanh(W1 @ x0, out=z2[d0:])
    x1 = z2[d0:]
    z3 = np.empty(d1 + W2.shape[0])
    z3[:d1] = x1
    np.tanh(W2 @ z2, out=z3[d1:])
    x2 = z3[d1:]
    x3 = float(W3 @ z3)
    ds2 = W3[d1:] * (1.0 - x2 * x2)
    dz2 = W2.T @ ds2
    dx1 = dz2[d0:].copy()
    dx1 += W3[:d1]
    ds1 = dx1
    ds1 *= 1.0 - x1 * x1
    dx0 = dz2[:d0].copy()
    dx0 += W1.T @ ds1
    return x3, {"W1": np.outer(ds1, x0), "W2": np.outer(ds2, z2), "W3": z3.copy(), "x0": dx0}


def chain_rule_example(x):
    x = float(x)
    u = x * x
    value = np.exp(np.sin(u))
    d = np.empty(3)
    d[0] = value
    d[1] = np.cos(u)
    d[2] = 2.0 * x
    return float(value), float(np.multiply.reduce(d))
