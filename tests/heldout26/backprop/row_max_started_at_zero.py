"""The row maximum in softmax starts from 0 instead of the row's first entry.

For rows whose logits are all very negative (e.g. -1e3) the shift is 0, every exp underflows to
0 and the division fails (ZeroDivisionError).

Single mistake in softmax; written from correct_scalar.
"""

import math

import numpy as np


def softmax(Z):
    """Row-wise, shifted by the row max."""
    A = np.asarray(Z, dtype=np.float64)
    out = np.empty(A.shape, dtype=np.float64)
    for i in range(A.shape[0]):
        top = 0.0
        for c in range(1, A.shape[1]):
            top = max(top, float(A[i, c]))
        exps = [math.exp(float(A[i, c]) - top) for c in range(A.shape[1])]
        total = sum(exps)
        for c in range(A.shape[1]):
            out[i, c] = exps[c] / total
    return out


def softmax_jacobian(p):
    """diag(p) - p p^T."""
    q = np.asarray(p, dtype=np.float64)
    if q.ndim != 1:
        raise ValueError("p must be 1-D")
    C = q.shape[0]
    J = np.empty((C, C), dtype=np.float64)
    for i in range(C):
        for j in range(C):
            J[i, j] = (float(q[i]) if i == j else 0.0) - float(q[i]) * float(q[j])
    return J


def _check(W, X, y):
    W = np.asarray(W, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if W.ndim != 2 or X.ndim != 2 or y.ndim != 1:
        raise ValueError("expected W (D, C), X (N, D), y (N,)")
    if X.shape[1] != W.shape[0] or X.shape[0] != y.shape[0]:
        raise ValueError("shapes disagree")
    if y.size and (y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= W.shape[1]):
        raise ValueError("labels out of range")
    return W, X, [int(v) for v in y]


def _score_rows(W, X):
    N, D = X.shape
    C = W.shape[1]
    S = []
    for i in range(N):
        row = []
        for c in range(C):
            total = 0.0
            for k in range(D):
                total += float(X[i, k]) * float(W[k, c])
            row.append(total)
        S.append(row)
    return S


def _reg_and_grad(W, X, ds, reg):
    D, C = W.shape
    N = X.shape[0]
    dW = np.empty((D, C), dtype=np.float64)
    penalty = 0.0
    for k in range(D):
        for c in range(C):
            total = 0.0
            for i in range(N):
                total += float(X[i, k]) * ds[i][c]
            dW[k, c] = total + 2.0 * reg * float(W[k, c])
            penalty += float(W[k, c]) ** 2
    return reg * penalty, dW


def hinge_loss(W, X, y, reg):
    """Multiclass SVM loss and gradient."""
    W, X, y = _check(W, X, y)
    N, C = X.shape[0], W.shape[1]
    S = _score_rows(W, X)
    loss = 0.0
    ds = [[0.0] * C for _ in range(N)]
    for i in range(N):
        for j in range(C):
            if j == y[i]:
                continue
            margin = S[i][j] - S[i][y[i]] + 1.0
            if margin > 0:
                loss += margin
                ds[i][j] += 1.0 / N
                ds[i][y[i]] -= 1.0 / N
    penalty, dW = _reg_and_grad(W, X, ds, reg)
    return float(loss / N + penalty), dW


def _log_softmax_row(row):
    top = row[0]
    for v in row[1:]:
        top = max(top, v)
    total = 0.0
    for v in row:
        total += math.exp(v - top)
    return [v - top - math.log(total) for v in row]


def _ce(S, y):
    N = len(S)
    loss = 0.0
    ds = []
    for i in range(N):
        logp = _log_softmax_row(S[i])
        loss -= logp[y[i]]
        grad = [math.exp(v) / N for v in logp]
        grad[y[i]] -= 1.0 / N
        ds.append(grad)
    return loss / N, ds


def softmax_loss(W, X, y, reg):
    """Cross-entropy loss and gradient."""
    W, X, y = _check(W, X, y)
    loss, ds = _ce(_score_rows(W, X), y)
    penalty, dW = _reg_and_grad(W, X, ds, reg)
    return float(loss + penalty), dW


def _sig(t):
    if t >= 0:
        return 1.0 / (1.0 + math.exp(-t))
    e = math.exp(t)
    return e / (1.0 + e)


def mlp_loss_and_grads(params, X, y):
    """Sigmoid MLP with a softmax cross-entropy output."""
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    if L == 0 or set(params) != {f"{p}{l}" for l in range(1, L + 1) for p in "Wb"}:
        raise ValueError("params must hold W1, b1, ..., WL, bL")
    Ws = [np.asarray(params[f"W{l}"], dtype=np.float64) for l in range(1, L + 1)]
    bs = [np.asarray(params[f"b{l}"], dtype=np.float64) for l in range(1, L + 1)]
    A = np.asarray(X, dtype=np.float64)
    labels = np.asarray(y)
    N = A.shape[0]
    if A.ndim != 2 or A.shape[1] != Ws[0].shape[0]:
        raise ValueError("X must have one column per row of W1")
    xs = [[[float(v) for v in A[i]] for i in range(N)]]
    for l in range(L):
        W, b = Ws[l], bs[l]
        rows = []
        for i in range(N):
            row = []
            for j in range(W.shape[1]):
                total = float(b[j])
                for k in range(W.shape[0]):
                    total += xs[l][i][k] * float(W[k, j])
                row.append(_sig(total) if l < L - 1 else total)
            rows.append(row)
        xs.append(rows)
    C = Ws[-1].shape[1]
    if labels.shape != (N,) or (labels.size and (labels.min() < 0 or labels.max() >= C)):
        raise ValueError("labels must be integers in 0..C-1, one per row")
    loss, delta = _ce(xs[L], [int(v) for v in labels])
    grads = {}
    for l in range(L - 1, -1, -1):
        W = Ws[l]
        dW = np.zeros(W.shape, dtype=np.float64)
        db = np.zeros(W.shape[1], dtype=np.float64)
        back = [[0.0] * W.shape[0] for _ in range(N)]
        for i in range(N):
            for j in range(W.shape[1]):
                db[j] += delta[i][j]
                for k in range(W.shape[0]):
                    dW[k, j] += xs[l][i][k] * delta[i][j]
                    back[i][k] += float(W[k, j]) * delta[i][j]
        grads[f"W{l + 1}"] = dW
        grads[f"b{l + 1}"] = db
        if l > 0:
            delta = [[back[i][k] * xs[l][i][k] * (1.0 - xs[l][i][k])
                      for k in range(W.shape[0])] for i in range(N)]
    return float(loss), {k: grads[k] for l in range(1, L + 1) for k in (f"W{l}", f"b{l}")}


def dag_forward_backward(x0, W1, W2, W3):
    """x3 = W3 . [x1; x2] and its gradients summed over every path."""
    x0 = np.asarray(x0, dtype=np.float64)
    W1 = np.asarray(W1, dtype=np.float64)
    W2 = np.asarray(W2, dtype=np.float64)
    W3 = np.asarray(W3, dtype=np.float64)
    d0, d1 = x0.shape[0], W1.shape[0]
    if W1.shape != (d1, d0) or W2.ndim != 2 or W2.shape[1] != d0 + d1 \
            or W3.shape != (d1 + W2.shape[0],):
        raise ValueError("shapes disagree")
    d2 = W2.shape[0]
    a = [float(v) for v in x0]
    x1 = []
    for r in range(d1):
        total = 0.0
        for k in range(d0):
            total += float(W1[r, k]) * a[k]
        x1.append(math.tanh(total))
    z2 = a + x1
    x2 = []
    for r in range(d2):
        total = 0.0
        for k in range(d0 + d1):
            total += float(W2[r, k]) * z2[k]
        x2.append(math.tanh(total))
    z3 = x1 + x2
    x3 = 0.0
    for k in range(d1 + d2):
        x3 += float(W3[k]) * z3[k]
    ds2 = [float(W3[d1 + r]) * (1.0 - x2[r] ** 2) for r in range(d2)]
    dz2 = [0.0] * (d0 + d1)
    for r in range(d2):
        for k in range(d0 + d1):
            dz2[k] += float(W2[r, k]) * ds2[r]
    ds1 = [(float(W3[r]) + dz2[d0 + r]) * (1.0 - x1[r] ** 2) for r in range(d1)]
    dx0 = dz2[:d0]
    for r in range(d1):
        for k in range(d0):
            dx0[k] += float(W1[r, k]) * ds1[r]
    dW1 = np.array([[ds1[r] * a[k] for k in range(d0)] for r in range(d1)]).reshape(d1, d0)
    dW2 = np.array([[ds2[r] * z2[k] for k in range(d0 + d1)] for r in range(d2)]) \
        .reshape(d2, d0 + d1)
    return float(x3), {"W1": dW1, "W2": dW2, "W3": np.array(z3, dtype=np.float64),
                       "x0": np.array(dx0, dtype=np.float64)}


def chain_rule_example(x):
    """(e^{sin x^2}, its derivative)."""
    x = float(x)
    u = x * x
    f = math.exp(math.sin(u))
    return f, f * math.cos(u) * 2.0 * x
