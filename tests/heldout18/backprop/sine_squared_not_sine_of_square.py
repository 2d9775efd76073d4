"""sin(x^2) is read as sin(x)^2: the value is e^(sin^2 x) instead of e^(sin(x^2)), and the
derivative multiplies that wrong value by the chain factors of sin(x^2), cos(x^2)*2x, so both
are wrong for almost every x (x = 0 excepted).

In `chain_rule_example`; written in the style of correct_mathlib.
"""

import math
import operator

import numpy as np


def _log_softmax_row(row):
    m = max(row)
    lse = m + math.log(math.fsum(math.exp(v - m) for v in row))
    return [v - lse for v in row]


def _softmax_row(row):
    m = max(row)
    exps = [math.exp(v - m) for v in row]
    total = math.fsum(exps)
    return [e / total for e in exps]


def softmax(Z):
    Z = np.asarray(Z, dtype=np.float64)
    rows = Z.reshape(-1, Z.shape[-1]).tolist()
    return np.array([_softmax_row(row) for row in rows], dtype=np.float64).reshape(Z.shape)


def softmax_jacobian(p):
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError(f"p must be 1-D, got shape {p.shape}")
    ps = p.tolist()
    J = [[p_i * (1.0 - p_j) if i == j else -p_i * p_j for j, p_j in enumerate(ps)]
         for i, p_i in enumerate(ps)]
    return np.array(J, dtype=np.float64).reshape(len(ps), len(ps))


def _check(W, X, y):
    W = np.asarray(W, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if W.ndim != 2 or X.ndim != 2 or y.ndim != 1:
        raise ValueError(f"expected W (D, C), X (N, D), y (N,); got {W.shape}, {X.shape}, {y.shape}")
    if X.shape[1] != W.shape[0] or X.shape[0] != y.shape[0]:
        raise ValueError(f"shapes disagree: W {W.shape}, X {X.shape}, y {y.shape}")
    labels = y.tolist()
    if y.size and (y.dtype.kind not in "iu" or not all(0 <= c < W.shape[1] for c in labels)):
        raise ValueError(f"labels must be integers in 0..{W.shape[1] - 1}")
    return W, X, labels


def _scores(W, X):
    columns = W.T.tolist()
    return [[math.fsum(map(operator.mul, row, col)) for col in columns] for row in X.tolist()]


def _reg(W):
    return math.fsum(v * v for v in W.ravel().tolist())


def hinge_loss(W, X, y, reg):
    W, X, labels = _check(W, X, y)
    N, C = X.shape[0], W.shape[1]
    terms, ds = [], []
    for s, label in zip(_scores(W, X), labels):
        margins = [s[j] - s[label] + 1.0 for j in range(C)]
        active = [j != label and mg > 0 for j, mg in enumerate(margins)]
        terms += [mg for mg, on in zip(margins, active) if on]
        d = [1.0 if on else 0.0 for on in active]
        d[label] = -float(sum(active))
        ds.append(d)
    loss = math.fsum(terms) / N + reg * _reg(W)
    dW = X.T @ (np.array(ds, dtype=np.float64).reshape(N, C) / N) + 2.0 * reg * W
    return loss, dW


def softmax_loss(W, X, y, reg):
    W, X, labels = _check(W, X, y)
    N, C = X.shape[0], W.shape[1]
    losses, ds = [], []
    for s, label in zip(_scores(W, X), labels):
        m = max(s)
        lse = m + math.log(math.fsum(math.exp(v - m) for v in s))
        losses.append(lse - s[label])
        p = [math.exp(v - lse) for v in s]
        p[label] -= 1.0
        ds.append(p)
    loss = math.fsum(losses) / N + reg * _reg(W)
    dW = X.T @ (np.array(ds, dtype=np.float64).reshape(N, C) / N) + 2.0 * reg * W
    return loss, dW


def _sig(t):
    e = math.exp(-abs(t))
    return 1.0 / (1.0 + e) if t >= 0 else e / (1.0 + e)


def _map(fn, A):
    return np.array([fn(t) for t in A.ravel().tolist()], dtype=np.float64).reshape(A.shape)


def mlp_loss_and_grads(params, X, y):
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    if L == 0 or set(params) != {f"{p}{l}" for l in range(1, L + 1) for p in "Wb"}:
        raise ValueError(f"params must hold W1, b1, ..., WL, bL; got {sorted(params)}")
    P = {k: np.asarray(v, dtype=np.float64) for k, v in params.items()}
    acts = [np.asarray(X, dtype=np.float64)]
    for l in range(1, L + 1):
        s = acts[-1] @ P[f"W{l}"] + P[f"b{l}"]
        acts.append(_map(_sig, s) if l < L else s)
    scores = acts[-1].tolist()
    labels = np.asarray(y).tolist()
    N, C = len(scores), len(scores[0]) if scores else 0
    if len(labels) != N or not all(0 <= c < C for c in labels):
        raise ValueError("labels must be integers in 0..C-1, one per row")
    loss, rows = [], []
    for s, label in zip(scores, labels):
        lp = _log_softmax_row(s)
        loss.append(-lp[label])
        rows.append([math.exp(v) - (j == label) for j, v in enumerate(lp)])
    delta = np.array(rows, dtype=np.float64).reshape(N, C) / N
    grads = {}
    for l in range(L, 0, -1):
        grads[f"W{l}"] = acts[l - 1].T @ delta
        grads[f"b{l}"] = delta.sum(axis=0)
        if l > 1:
            a = acts[l - 1]
            delta = (delta @ P[f"W{l}"].T) * a * (1.0 - a)
    return math.fsum(loss) / N, {k: grads[k] for l in range(1, L + 1) for k in (f"W{l}", f"b{l}")}


def _matvec(M, v):
    return [math.fsum(map(operator.mul, row, v)) for row in M]


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
    w3 = W3.tolist()
    x1 = [math.tanh(t) for t in _matvec(W1.tolist(), x0.tolist())]
    z2 = x0.tolist() + x1
    x2 = [math.tanh(t) for t in _matvec(W2.tolist(), z2)]
    z3 = x1 + x2
    x3 = math.fsum(map(operator.mul, w3, z3))
    ds2 = [g * (1.0 - a * a) for g, a in zip(w3[d1:], x2)]
    dz2 = _matvec(W2.T.tolist(), ds2)
    dx1 = list(map(operator.add, w3[:d1], dz2[d0:]))
    ds1 = [g * (1.0 - a * a) for g, a in zip(dx1, x1)]
    dx0 = list(map(operator.add, dz2[:d0], _matvec(W1.T.tolist(), ds1)))
    return x3, {"W1": np.outer(ds1, x0), "W2": np.outer(ds2, z2),
                "W3": np.array(z3, dtype=np.float64), "x0": np.array(dx0, dtype=np.float64)}


def chain_rule_example(x):
    u = x * x
    v = math.sin(x) ** 2
    f = math.exp(v)
    return f, f * math.cos(u) * 2 * x
