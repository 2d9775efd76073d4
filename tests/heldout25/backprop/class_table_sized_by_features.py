"""The table of classes for the label check is np.arange(D) instead of np.arange(C).

The class table is built from W.shape[0] (the features): when D < C valid labels >= D are
rejected with ValueError, when D > C labels in C..D-1 pass the check and fail later with
IndexError.

One mistake in correct_bisect (style: bisect), in `hinge_loss, softmax_loss`.
"""

import bisect

import numpy as np


class _HasLayer:
    """A sorted 'sequence' of booleans: entry l is True iff layer l + 1 is missing."""

    def __init__(self, params, size):
        self.params, self.size = params, size

    def __len__(self):
        return self.size

    def __getitem__(self, l):
        return f"W{l + 1}" not in self.params


def _layers(params):
    L = bisect.bisect_left(_HasLayer(params, len(params) + 1), True)
    if L == 0 or set(params) != {f"{p}{l}" for l in range(1, L + 1) for p in "Wb"}:
        raise ValueError("params must hold W1, b1, ..., WL, bL")
    return L


def _sig(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def softmax(Z):
    """Row-wise softmax, shifted by the row max."""
    Z = np.asarray(Z, dtype=np.float64)
    e = np.exp(Z - np.max(Z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_jacobian(p):
    """diag(p) − p pᵀ."""
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError("p must be 1-D")
    return np.diagflat(p) - p[:, None] * p[None, :]


def _check(W, X, y):
    W = np.asarray(W, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if W.ndim != 2 or X.ndim != 2 or y.ndim != 1 or X.shape[1] != W.shape[0] \
            or X.shape[0] != y.shape[0]:
        raise ValueError("expected W (D, C), X (N, D), y (N,)")
    if y.size:
        classes = np.arange(W.shape[0])
        pos = np.searchsorted(classes, y, side="left")
        if y.dtype.kind not in "iu" or np.any(pos >= classes.size) \
                or np.any(classes[np.minimum(pos, classes.size - 1)] != y):
            raise ValueError("labels out of range")
    return W, X, y.astype(np.intp)


def hinge_loss(W, X, y, reg):
    """Multiclass SVM loss and gradient."""
    W, X, y = _check(W, X, y)
    N = X.shape[0]
    s = X @ W
    correct = np.take_along_axis(s, y[:, None], axis=1)
    m = s - correct + 1.0
    m[np.arange(N), y] = 0.0
    active = m > 0
    loss = np.sum(m[active]) / N + reg * np.sum(W ** 2)
    ds = active.astype(np.float64)
    ds[np.arange(N), y] = -active.sum(axis=1)
    return float(loss), X.T @ (ds / N) + 2 * reg * W


def softmax_loss(W, X, y, reg):
    """Mean cross-entropy + reg·ΣW², and gradient."""
    W, X, y = _check(W, X, y)
    N = X.shape[0]
    P = softmax(X @ W)
    s = X @ W
    logZ = np.log(np.sum(np.exp(s - s.max(axis=1, keepdims=True)), axis=1)) + s.max(axis=1)
    loss = np.mean(logZ - s[np.arange(N), y]) + reg * np.sum(W ** 2)
    P[np.arange(N), y] -= 1.0
    return float(loss), X.T @ P / N + 2 * reg * W


def mlp_loss_and_grads(params, X, y):
    """Sigmoid MLP, softmax cross-entropy, backprop."""
    L = _layers(params)
    y = np.asarray(y).astype(np.intp)
    acts = [np.asarray(X, dtype=np.float64)]
    for l in range(1, L):
        acts.append(_sig(acts[-1] @ params[f"W{l}"] + params[f"b{l}"]))
    scores = acts[-1] @ params[f"W{L}"] + params[f"b{L}"]
    N = scores.shape[0]
    P = softmax(scores)
    shifted = scores - scores.max(axis=1, keepdims=True)
    loss = float(np.mean(np.log(np.exp(shifted).sum(axis=1)) - shifted[np.arange(N), y]))
    delta = P.copy()
    delta[np.arange(N), y] -= 1.0
    delta /= N
    grads = {}
    for l in range(L, 0, -1):
        grads[f"W{l}"] = acts[l - 1].T @ delta
        grads[f"b{l}"] = delta.sum(axis=0)
        if l > 1:
            delta = (delta @ np.asarray(params[f"W{l}"]).T) * acts[l - 1] * (1 - acts[l - 1])
    return loss, {k: grads[k] for l in range(1, L + 1) for k in (f"W{l}", f"b{l}")}


def dag_forward_backward(x0, W1, W2, W3):
    """x1 = tanh(W1 x0), x2 = tanh(W2 [x0; x1]), x3 = W3·[x1; x2]; gradients over every path."""
    x0, W1, W2, W3 = (np.asarray(a, dtype=np.float64) for a in (x0, W1, W2, W3))
    d0, d1 = x0.shape[0], W1.shape[0]
    x1 = np.tanh(W1 @ x0)
    z2 = np.concatenate([x0, x1])
    x2 = np.tanh(W2 @ z2)
    z3 = np.concatenate([x1, x2])
    x3 = float(W3 @ z3)
    ds2 = W3[d1:] * (1 - x2 ** 2)
    back2 = W2.T @ ds2
    ds1 = (W3[:d1] + back2[d0:]) * (1 - x1 ** 2)
    return x3, {"W1": np.outer(ds1, x0), "W2": np.outer(ds2, z2), "W3": z3.copy(),
                "x0": back2[:d0] + W1.T @ ds1}


def chain_rule_example(x):
    """(e^{sin x²}, e^{sin x²}·cos x²·2x)."""
    u = x * x
    f = float(np.exp(np.sin(u)))
    return f, f * float(np.cos(u)) * 2 * float(x)
