"""The comprehension for dW1 has its two loops the wrong way round (rows over x0, columns over the
deltas): the gradient is x0 g1^T, of shape (d0, d1), the transpose of W1's shape.

Mistake in `dag_forward_backward`; written in the style of correct_comprehension.py.
"""

import math

import numpy as np


def _rows(A):
    return np.asarray(A, dtype=float).tolist()


def _mm(A, B):
    cols = list(zip(*B))
    return [[sum(a * b for a, b in zip(row, col)) for col in cols] for row in A]


def _t(A):
    return [list(c) for c in zip(*A)]


def _sig(v):
    if v >= 0:
        return 1.0 / (1.0 + math.exp(-v))
    e = math.exp(v)
    return e / (1.0 + e)


def _softmax_row(row):
    m = max(row)
    e = [math.exp(v - m) for v in row]
    s = sum(e)
    return [v / s for v in e]


def _check(W, X, y):
    Wa, Xa, ya = np.asarray(W), np.asarray(X), np.asarray(y)
    if Wa.ndim != 2 or Xa.ndim != 2 or ya.ndim != 1 or Xa.shape[1] != Wa.shape[0] \
            or Xa.shape[0] != ya.shape[0]:
        raise ValueError("shapes disagree")
    if ya.size and (ya.dtype.kind not in "iu" or ya.min() < 0 or ya.max() >= Wa.shape[1]):
        raise ValueError("labels out of range")
    return _rows(W), _rows(X), [int(v) for v in ya.tolist()]


def softmax(Z):
    return np.array([_softmax_row(row) for row in _rows(Z)], dtype=float).reshape(np.shape(Z))


def softmax_jacobian(p):
    if np.ndim(p) != 1:
        raise ValueError("p must be 1-D")
    q = _rows(p)
    return np.array([[q[i] * ((1.0 if i == j else 0.0) - q[j]) for j in range(len(q))]
                     for i in range(len(q))], dtype=float).reshape(len(q), len(q))


def hinge_loss(W, X, y, reg):
    Wl, Xl, yl = _check(W, X, y)
    N, D, C = len(Xl), len(Wl), len(Wl[0])
    S = _mm(Xl, Wl)
    loss = 0.0
    dS = [[0.0] * C for _ in range(N)]
    for i in range(N):
        for j in range(C):
            if j == yl[i]:
                continue
            margin = S[i][j] - S[i][yl[i]] + 1.0
            if margin > 0:
                loss += margin
                dS[i][j] += 1.0 / N
                dS[i][yl[i]] -= 1.0 / N
    loss = loss / N + reg * sum(v * v for row in Wl for v in row)
    dW = _mm(_t(Xl), dS)
    dW = [[dW[d][c] + 2 * reg * Wl[d][c] for c in range(C)] for d in range(D)]
    return float(loss), np.array(dW, dtype=float).reshape(D, C)


def _xent(S, yl):
    N = len(S)
    loss = 0.0
    dS = []
    for i, row in enumerate(S):
        m = max(row)
        lse = m + math.log(sum(math.exp(v - m) for v in row))
        loss -= row[yl[i]] - lse
        probs = [math.exp(v - lse) for v in row]
        dS.append([(pc - (1.0 if c == yl[i] else 0.0)) / N for c, pc in enumerate(probs)])
    return loss / N, dS


def softmax_loss(W, X, y, reg):
    Wl, Xl, yl = _check(W, X, y)
    D, C = len(Wl), len(Wl[0])
    loss, dS = _xent(_mm(Xl, Wl), yl)
    loss += reg * sum(v * v for row in Wl for v in row)
    dW = _mm(_t(Xl), dS)
    dW = [[dW[d][c] + 2 * reg * Wl[d][c] for c in range(C)] for d in range(D)]
    return float(loss), np.array(dW, dtype=float).reshape(D, C)


def mlp_loss_and_grads(params, X, y):
    L = sum(1 for k in params if k.startswith("W"))
    Ws = [_rows(params[f"W{l}"]) for l in range(1, L + 1)]
    bs = [_rows(params[f"b{l}"]) for l in range(1, L + 1)]
    acts = [_rows(X)]
    S = None
    for l in range(L):
        S = [[v + b for v, b in zip(row, bs[l])] for row in _mm(acts[-1], Ws[l])]
        if l < L - 1:
            acts.append([[_sig(v) for v in row] for row in S])
    loss, delta = _xent(S, [int(v) for v in np.asarray(y).tolist()])
    grads = {}
    for l in range(L - 1, -1, -1):
        a_prev = acts[l]
        grads[f"W{l + 1}"] = np.array(_mm(_t(a_prev), delta), dtype=float).reshape(
            np.shape(params[f"W{l + 1}"]))
        grads[f"b{l + 1}"] = np.array([sum(col) for col in zip(*delta)], dtype=float)
        if l > 0:
            back = _mm(delta, _t(Ws[l]))
            delta = [[g * a * (1 - a) for g, a in zip(grow, arow)]
                     for grow, arow in zip(back, a_prev)]
    return float(loss), {k: grads[k] for k in params}


def dag_forward_backward(x0, W1, W2, W3):
    v0, M1, M2, w3 = _rows(x0), _rows(W1), _rows(W2), _rows(W3)
    d0, d1 = len(v0), len(M1)
    if np.ndim(W1) != 2 or np.shape(W1)[1] != d0 or np.ndim(W2) != 2 \
            or np.shape(W2)[1] != d0 + d1 or np.shape(W3) != (d1 + len(M2),):
        raise ValueError("shapes disagree")
    x1 = [math.tanh(sum(a * b for a, b in zip(row, v0))) for row in M1]
    z2 = v0 + x1
    x2 = [math.tanh(sum(a * b for a, b in zip(row, z2))) for row in M2]
    z3 = x1 + x2
    x3 = sum(a * b for a, b in zip(w3, z3))
    g2 = [w3[d1 + k] * (1 - x2[k] ** 2) for k in range(len(x2))]
    dz2 = [sum(M2[k][j] * g2[k] for k in range(len(g2))) for j in range(d0 + d1)]
    g1 = [(w3[k] + dz2[d0 + k]) * (1 - x1[k] ** 2) for k in range(d1)]
    dx0 = [dz2[j] + sum(M1[k][j] * g1[k] for k in range(d1)) for j in range(d0)]
    grads = {
        "W1": np.array([[gk * xj for gk in g1] for xj in v0], dtype=float),
        "W2": np.array([[gk * zj for zj in z2] for gk in g2], dtype=float).reshape(len(M2), d0 + d1),
        "W3": np.array(z3, dtype=float),
        "x0": np.array(dx0, dtype=float),
    }
    return float(x3), grads


def chain_rule_example(x):
    u = x * x
    value = math.exp(math.sin(u))
    return float(value), float(value * math.cos(u) * 2 * x)
