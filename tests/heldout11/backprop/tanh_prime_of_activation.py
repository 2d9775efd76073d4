"""tanh' at the second node is taken of the activation: 1 - tanh(x2)^2 where x2 = tanh(s2) already,
so the local derivative is 1 - tanh(tanh(s2))^2 instead of 1 - x2^2.

Mistake in `dag_forward_backward`; written in the style of correct_einsum.py.
"""

import numpy as np


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _check(W, X, y):
    W = np.asarray(W, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if W.ndim != 2 or X.ndim != 2 or y.ndim != 1 or X.shape[1] != W.shape[0] \
            or X.shape[0] != y.shape[0]:
        raise ValueError("shapes of W, X and y disagree")
    if y.size and (y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= W.shape[1]):
        raise ValueError("labels out of range")
    return W, X, y.astype(np.intp)


def softmax(Z):
    Z = np.asarray(Z, dtype=np.float64)
    E = np.exp(Z - Z.max(axis=-1, keepdims=True))
    return E / np.einsum("...c->...", E)[..., None]


def softmax_jacobian(p):
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError("p must be 1-D")
    return np.einsum("i,ij->ij", p, np.eye(p.shape[0])) - np.einsum("i,j->ij", p, p)


def hinge_loss(W, X, y, reg):
    W, X, y = _check(W, X, y)
    N = X.shape[0]
    rows = np.arange(N)
    s = np.einsum("nd,dc->nc", X, W)
    margins = s - s[rows, y][:, None] + 1.0
    margins[rows, y] = 0.0
    loss = np.maximum(margins, 0.0).sum() / N + reg * np.einsum("dc,dc->", W, W)
    ds = (margins > 0).astype(np.float64)
    ds[rows, y] = -ds.sum(axis=1)
    dW = np.einsum("nd,nc->dc", X, ds) / N + 2.0 * reg * W
    return float(loss), dW


def _xent(s, y):
    N = s.shape[0]
    rows = np.arange(N)
    shifted = s - s.max(axis=1, keepdims=True)
    logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -logp[rows, y].sum() / N
    Y = np.eye(s.shape[1])[y]
    return float(loss), (np.exp(logp) - Y) / N


def softmax_loss(W, X, y, reg):
    W, X, y = _check(W, X, y)
    loss, ds = _xent(np.einsum("nd,dc->nc", X, W), y)
    loss += reg * np.einsum("dc,dc->", W, W)
    dW = np.einsum("nd,nc->dc", X, ds) + 2.0 * reg * W
    return float(loss), dW


def mlp_loss_and_grads(params, X, y):
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    acts = [np.asarray(X, dtype=np.float64)]
    for l in range(1, L + 1):
        s = np.einsum("ni,ij->nj", acts[-1], np.asarray(params[f"W{l}"], dtype=np.float64)) \
            + np.asarray(params[f"b{l}"], dtype=np.float64)
        if l < L:
            acts.append(_sigmoid(s))
    loss, delta = _xent(s, np.asarray(y).astype(np.intp))
    grads = {}
    for l in range(L, 0, -1):
        a_prev = acts[l - 1]
        grads[f"W{l}"] = np.einsum("ni,nj->ij", a_prev, delta)
        grads[f"b{l}"] = np.einsum("nj->j", delta)
        if l > 1:
            W = np.asarray(params[f"W{l}"], dtype=np.float64)
            delta = np.einsum("nj,ij->ni", delta, W) * a_prev * (1.0 - a_prev)
    return float(loss), {k: grads[k] for k in params}


def dag_forward_backward(x0, W1, W2, W3):
    x0, W1, W2, W3 = (np.asarray(a, dtype=np.float64) for a in (x0, W1, W2, W3))
    d0, d1 = x0.shape[0], W1.shape[0]
    if W1.shape != (d1, d0) or W2.ndim != 2 or W2.shape[1] != d0 + d1 \
            or W3.shape != (d1 + W2.shape[0],):
        raise ValueError("shapes disagree")
    x1 = np.tanh(np.einsum("ij,j->i", W1, x0))
    z2 = np.concatenate([x0, x1])
    x2 = np.tanh(np.einsum("ij,j->i", W2, z2))
    z3 = np.concatenate([x1, x2])
    x3 = float(np.einsum("i,i->", W3, z3))
    g2 = W3[d1:] * (1.0 - np.tanh(x2) ** 2)
    dz2 = np.einsum("ij,i->j", W2, g2)
    g1 = (W3[:d1] + dz2[d0:]) * (1.0 - x1 ** 2)
    dx0 = dz2[:d0] + np.einsum("ij,i->j", W1, g1)
    return x3, {"W1": np.einsum("i,j->ij", g1, x0), "W2": np.einsum("i,j->ij", g2, z2),
                "W3": z3, "x0": dx0}


def chain_rule_example(x):
    u = float(x) ** 2
    value = float(np.exp(np.sin(u)))
    return value, float(value * np.cos(u) * 2.0 * float(x))
