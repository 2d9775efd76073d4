"""(memo) The cached identity matrix is used without a copy and then scaled by p and shifted by -p
p^T in place: the first Jacobian of each size is right, but the cache now holds it instead of
the identity, so the next call of the same size starts from that matrix and returns garbage.

Mistake in `softmax_jacobian`, written from correct_memo.py.
"""

from functools import cache

import numpy as np

_TRUE = {}          # (labels, C) -> mask of the true classes
_SCORES = {}        # (W, X) -> X W
_FORWARD = {}       # (params, X) -> (scores, inputs of each layer)
_CHAIN = {}         # x -> (value, derivative)


def _key(a):
    return (a.shape, a.dtype.str, a.tobytes())


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def softmax(Z):
    Z = np.asarray(Z, dtype=np.float64)
    e = np.exp(Z - Z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


@cache
def _eye(C):
    return np.eye(C)


def softmax_jacobian(p):
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError(f"p must be 1-D, got shape {p.shape}")
    J = _eye(p.shape[0])
    J *= p                                          # diag(p)
    return J - np.outer(p, p)


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


def _true_mask(y, C):
    key = (_key(y), C)
    if key not in _TRUE:
        mask = np.zeros((y.shape[0], C), dtype=bool)
        mask[np.arange(y.shape[0]), y] = True
        _TRUE[key] = mask
    return _TRUE[key]


def hinge_loss(W, X, y, reg):
    W, X, y = _check(W, X, y)
    N = X.shape[0]
    s = X @ W
    true = _true_mask(y, W.shape[1])
    correct = s[true][:, None]                      # one true class per row, in row order
    margins = np.where(true, 0.0, s - correct + 1.0)
    loss = np.maximum(0.0, margins).sum() / N + reg * np.sum(W * W)
    ds = (margins > 0).astype(np.float64)
    ds[true] = -ds.sum(axis=1)
    ds /= N
    return float(loss), X.T @ ds + 2.0 * reg * W


def _cross_entropy(s, y):
    N = s.shape[0]
    shifted = s - s.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -log_p[np.arange(N), y].sum() / N
    ds = np.exp(log_p)
    ds[np.arange(N), y] -= 1.0
    return float(loss), ds / N


def softmax_loss(W, X, y, reg):
    W, X, y = _check(W, X, y)
    key = (_key(W), _key(X))
    if key not in _SCORES:
        _SCORES[key] = X @ W
    loss, ds = _cross_entropy(_SCORES[key], y)
    return loss + reg * float(np.sum(W * W)), X.T @ ds + 2.0 * reg * W


def _layers(params):
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    if L == 0 or set(params) != {f"{p}{l}" for l in range(1, L + 1) for p in "Wb"}:
        raise ValueError(f"params must hold W1, b1, ..., WL, bL; got {sorted(params)}")
    return L


def _forward(params, X, L):
    x = X
    inputs = []
    for l in range(1, L + 1):
        inputs.append(x)
        s = x @ np.asarray(params[f"W{l}"], dtype=np.float64) \
            + np.asarray(params[f"b{l}"], dtype=np.float64)
        x = _sigmoid(s) if l < L else s
    return x, inputs


def mlp_loss_and_grads(params, X, y):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    L = _layers(params)
    key = (tuple(sorted((k, _key(np.asarray(v, dtype=np.float64))) for k, v in params.items())),
           _key(X))
    if key not in _FORWARD:
        _FORWARD[key] = _forward(params, X, L)
    scores, inputs = _FORWARD[key]
    if y.shape != (scores.shape[0],) or (y.size and (y.min() < 0 or y.max() >= scores.shape[1])):
        raise ValueError("labels must be integers in 0..C-1, one per sample")
    loss, delta = _cross_entropy(scores, y.astype(np.intp))
    grads = {}
    for l in range(L, 0, -1):
        x_in = inputs[l - 1]
        grads[f"W{l}"] = x_in.T @ delta
        grads[f"b{l}"] = delta.sum(axis=0)
        if l > 1:
            W = np.asarray(params[f"W{l}"], dtype=np.float64)
            delta = (delta @ W.T) * x_in * (1.0 - x_in)   # sigma' from the cached activation
    return loss, {k: grads[k] for l in range(1, L + 1) for k in (f"W{l}", f"b{l}")}


def dag_forward_backward(x0, W1, W2, W3):
    x0, W1, W2, W3 = (np.asarray(a, dtype=np.float64) for a in (x0, W1, W2, W3))
    d0, d1 = x0.shape[0], W1.shape[0]
    if W1.shape != (d1, d0) or W2.ndim != 2 or W2.shape[1] != d0 + d1 \
            or W3.shape != (d1 + W2.shape[0],):
        raise ValueError("shapes disagree")
    cache = {"x0": x0}
    cache["x1"] = np.tanh(W1 @ x0)
    cache["z2"] = np.concatenate([x0, cache["x1"]])
    cache["x2"] = np.tanh(W2 @ cache["z2"])
    cache["z3"] = np.concatenate([cache["x1"], cache["x2"]])
    x3 = float(W3 @ cache["z3"])
    ds2 = W3[d1:] * (1.0 - cache["x2"] ** 2)
    dz2 = W2.T @ ds2
    dx1 = W3[:d1] + dz2[d0:]
    ds1 = dx1 * (1.0 - cache["x1"] ** 2)
    grads = {"W1": np.outer(ds1, x0), "W2": np.outer(ds2, cache["z2"]),
             "W3": cache["z3"].copy(), "x0": dz2[:d0] + W1.T @ ds1}
    return x3, grads


def chain_rule_example(x):
    if np.ndim(x) != 0:
        x = np.asarray(x, dtype=np.float64)
        f = np.exp(np.sin(x * x))
        return f, f * np.cos(x * x) * 2.0 * x
    key = float(x)
    if key not in _CHAIN:
        u = float(x) * float(x)
        f = float(np.exp(np.sin(u)))
        _CHAIN[key] = (f, f * float(np.cos(u)) * 2.0 * float(x))
    return _CHAIN[key]
