"""(fractions) x is simplified with limit_denominator(10) before the exact squaring: any x that is
not a fraction with a denominator up to 10 (0.25, 1.234, -0.77, pi) is replaced by a nearby one
(1/4 stays, 1.234 becomes 37/30... 11/9), so value and derivative are computed at the wrong
point.

Mistake in `chain_rule_example`, written from correct_fractions.py.
"""

from fractions import Fraction

import numpy as np


def _exact(v):
    return Fraction(float(v))


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def softmax(Z):
    Z = np.asarray(Z, dtype=np.float64)
    e = np.exp(Z - Z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def softmax_jacobian(p):
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError(f"p must be 1-D, got shape {p.shape}")
    return np.diag(p) - np.outer(p, p)


def _check(W, X, y):
    W = np.asarray(W, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if W.ndim != 2 or X.ndim != 2 or y.ndim != 1 or X.shape[1] != W.shape[0] \
            or X.shape[0] != y.shape[0]:
        raise ValueError(f"shapes disagree: W {W.shape}, X {X.shape}, y {y.shape}")
    if y.size and (y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= W.shape[1]):
        raise ValueError("labels must be integers in 0..C-1")
    return W, X, y.astype(np.intp)


def hinge_loss(W, X, y, reg):
    W, X, y = _check(W, X, y)
    N = X.shape[0]
    rows = np.arange(N)
    s = X @ W
    margins = s - s[rows, y][:, None] + 1.0
    margins[rows, y] = 0.0
    total = _exact(np.maximum(0.0, margins).sum())
    loss = float(total / N) + reg * float(np.sum(W * W))
    ds = (margins > 0).astype(np.float64)
    ds[rows, y] = -ds.sum(axis=1)
    return loss, X.T @ (ds * float(Fraction(1, N))) + 2.0 * reg * W


def _mean_cross_entropy(s, y, scale):
    N = s.shape[0]
    shifted = s - s.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = float(_exact(-log_p[np.arange(N), y].sum()) * scale)
    ds = np.exp(log_p)
    ds[np.arange(N), y] -= 1.0
    return loss, ds * float(scale)


def softmax_loss(W, X, y, reg):
    W, X, y = _check(W, X, y)
    scale = Fraction(1, X.shape[0])
    loss, ds = _mean_cross_entropy(X @ W, y, scale)
    return loss + reg * float(np.sum(W * W)), X.T @ ds + 2.0 * reg * W


def mlp_loss_and_grads(params, X, y):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    if L == 0 or set(params) != {f"{p}{l}" for l in range(1, L + 1) for p in "Wb"}:
        raise ValueError(f"params must hold W1, b1, ..., WL, bL; got {sorted(params)}")
    Ws = [np.asarray(params[f"W{l}"], dtype=np.float64) for l in range(1, L + 1)]
    bs = [np.asarray(params[f"b{l}"], dtype=np.float64) for l in range(1, L + 1)]
    acts = [X]
    for l in range(L):
        s = acts[-1] @ Ws[l] + bs[l]
        acts.append(_sigmoid(s) if l < L - 1 else s)
    scores = acts[-1]
    if y.shape != (scores.shape[0],) or (y.size and (y.min() < 0 or y.max() >= scores.shape[1])):
        raise ValueError("labels must be integers in 0..C-1, one per sample")
    scale = Fraction(1, scores.shape[0])
    loss, delta = _mean_cross_entropy(scores, y.astype(np.intp), scale)
    grads = {}
    for l in range(L - 1, -1, -1):
        grads[f"W{l + 1}"] = acts[l].T @ delta
        grads[f"b{l + 1}"] = delta.sum(axis=0)
        if l > 0:
            delta = (delta @ Ws[l].T) * acts[l] * (1.0 - acts[l])
    return loss, {k: grads[k] for l in range(1, L + 1) for k in (f"W{l}", f"b{l}")}


def dag_forward_backward(x0, W1, W2, W3):
    x0, W1, W2, W3 = (np.asarray(a, dtype=np.float64) for a in (x0, W1, W2, W3))
    d0, d1 = x0.shape[0], W1.shape[0]
    if W1.shape != (d1, d0) or W2.ndim != 2 or W2.shape[1] != d0 + d1 \
            or W3.shape != (d1 + W2.shape[0],):
        raise ValueError("shapes disagree")
    x1 = np.tanh(W1 @ x0)
    z2 = np.concatenate([x0, x1])
    x2 = np.tanh(W2 @ z2)
    z3 = np.concatenate([x1, x2])
    ds2 = W3[d1:] * (1.0 - x2 ** 2)
    dz2 = W2.T @ ds2
    ds1 = (W3[:d1] + dz2[d0:]) * (1.0 - x1 ** 2)
    grads = {"W1": np.outer(ds1, x0), "W2": np.outer(ds2, z2), "W3": z3.copy(),
             "x0": dz2[:d0] + W1.T @ ds1}
    return float(W3 @ z3), grads


def chain_rule_example(x):
    if np.ndim(x) != 0:
        x = np.asarray(x, dtype=np.float64)
        f = np.exp(np.sin(x * x))
        return f, f * np.cos(x * x) * 2.0 * x
    xe = _exact(x).limit_denominator(10)
    u = float(xe * xe)                              # x^2, exactly rounded
    f = float(np.exp(np.sin(u)))
    return f, f * float(np.cos(u)) * float(2 * xe)
