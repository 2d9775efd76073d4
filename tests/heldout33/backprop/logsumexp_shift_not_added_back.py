"""The row-wise log-sum-exp subtracts the row max but does not add it back.

logsumexp(Z) is returned as log sum exp(Z - max): the log-softmax is off by the row max, so the
probabilities are multiplied by e^{max} (no longer summing to 1, overflowing for logits of 1e3),
and so are the losses and gradients built on them.

Graded: softmax, softmax_loss, mlp_loss_and_grads. Written from correct_logdomain.py.
"""

import numpy as np


def _logsumexp_rows(Z):
    top = Z.max(axis=-1, keepdims=True)
    return np.log(np.exp(Z - top).sum(axis=-1, keepdims=True))


def log_softmax(Z):
    Z = np.asarray(Z, dtype=np.float64)
    return Z - _logsumexp_rows(Z)


def softmax(Z):
    return np.exp(log_softmax(Z))


def softmax_jacobian(p):
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError("p must be 1-D")
    with np.errstate(divide="ignore"):
        log_p = np.log(p)
    return np.diag(p) - np.exp(log_p[:, None] + log_p[None, :])


def _check(W, X, y):
    W = np.asarray(W, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if W.ndim != 2 or X.ndim != 2 or y.ndim != 1:
        raise ValueError("expected W (D, C), X (N, D), y (N,)")
    if X.shape[1] != W.shape[0] or X.shape[0] != y.shape[0]:
        raise ValueError("shapes disagree")
    if y.size and (y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= W.shape[1]):
        raise ValueError("bad labels")
    return W, X, y.astype(np.intp)


def hinge_loss(W, X, y, reg):
    W, X, y = _check(W, X, y)
    N = X.shape[0]
    rows = np.arange(N)
    s = X @ W
    margins = s - s[rows, y][:, None] + 1.0
    margins[rows, y] = 0.0
    loss = np.maximum(margins, 0.0).sum() / N + reg * np.sum(W * W)
    ds = (margins > 0).astype(np.float64)
    ds[rows, y] = -ds.sum(axis=1)
    dW = X.T @ ds / N + 2.0 * reg * W
    return float(loss), dW


def _cross_entropy(s, y):
    """Mean -log p_{y_i} from the log-softmax, and dL/ds = (p - onehot) / N."""
    N = s.shape[0]
    rows = np.arange(N)
    log_p = log_softmax(s)
    loss = -log_p[rows, y].sum() / N
    ds = np.exp(log_p)
    ds[rows, y] -= 1.0
    return float(loss), ds / N


def softmax_loss(W, X, y, reg):
    W, X, y = _check(W, X, y)
    loss, ds = _cross_entropy(X @ W, y)
    return loss + reg * float(np.sum(W * W)), X.T @ ds + 2.0 * reg * W


def _sigmoid(s):
    return np.exp(-np.logaddexp(0.0, -s))


def mlp_loss_and_grads(params, X, y):
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    if L == 0 or set(params) != {f"{p}{l}" for l in range(1, L + 1) for p in "Wb"}:
        raise ValueError("params must be W1, b1, ..., WL, bL")
    y = np.asarray(y).astype(np.intp)
    acts = [np.asarray(X, dtype=np.float64)]
    for l in range(1, L + 1):
        s = acts[-1] @ np.asarray(params[f"W{l}"], dtype=np.float64) + params[f"b{l}"]
        acts.append(_sigmoid(s) if l < L else s)
    scores = acts[-1]
    if y.shape != (scores.shape[0],) or (y.size and (y.min() < 0 or y.max() >= scores.shape[1])):
        raise ValueError("bad labels")
    loss, delta = _cross_entropy(scores, y)
    grads = {}
    for l in range(L, 0, -1):
        grads[f"W{l}"] = acts[l - 1].T @ delta
        grads[f"b{l}"] = delta.sum(axis=0)
        if l > 1:
            x = acts[l - 1]
            delta = (delta @ np.asarray(params[f"W{l}"], dtype=np.float64).T) * x * (1.0 - x)
    return loss, {k: grads[k] for l in range(1, L + 1) for k in (f"W{l}", f"b{l}")}


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
    x1 = np.tanh(W1 @ x0)
    z2 = np.concatenate([x0, x1])
    x2 = np.tanh(W2 @ z2)
    z3 = np.concatenate([x1, x2])
    x3 = float(W3 @ z3)
    g2 = W3[d1:] * (1.0 - x2 * x2)
    dz2 = W2.T @ g2
    g1 = (W3[:d1] + dz2[d0:]) * (1.0 - x1 * x1)
    dx0 = dz2[:d0] + W1.T @ g1
    return x3, {"W1": np.outer(g1, x0), "W2": np.outer(g2, z2), "W3": z3.copy(), "x0": dx0}


def chain_rule_example(x):
    """f = e^{sin(x^2)}: log f = sin(x^2), so f' = f * d(log f)/dx = f * cos(x^2) * 2x."""
    x = float(x)
    log_f = np.sin(x * x)
    dlog_f = np.cos(x * x) * 2.0 * x
    f = float(np.exp(log_f))
    return f, float(f * dlog_f)
