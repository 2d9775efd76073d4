"""The mask that keeps the first part of a stacked vector hides positions > first instead of >= first.

The head keeps one entry too many (the first entry of the second part): the pieces of W3 and of
W2^T ds2 have the wrong lengths, so dag_forward_backward fails with a shape error.

Mistake in `dag_forward_backward`; written from correct_maskedarray.py.
"""

import numpy as np
import numpy.ma as ma


def softmax(Z):
    """Row-wise softmax, shifted by the row max."""
    Z = np.asarray(Z, dtype=np.float64)
    e = np.exp(Z - Z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def softmax_jacobian(p):
    """diag(p) - p p^T."""
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError("p must be 1-D")
    return np.diag(p) - np.outer(p, p)


def check(W, X, y):
    W = np.asarray(W, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if W.ndim != 2 or X.ndim != 2 or y.ndim != 1:
        raise ValueError("expected W (D, C), X (N, D), y (N,)")
    if X.shape[1] != W.shape[0] or X.shape[0] != y.shape[0]:
        raise ValueError("shapes disagree")
    if y.size and (y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= W.shape[1]):
        raise ValueError("labels out of range")
    return W, X, y.astype(np.intp)


def true_class_mask(y, C):
    """(N, C) boolean: True at each sample's true class."""
    return np.arange(C)[None, :] == y[:, None]


def hinge_loss(W, X, y, reg):
    """Multiclass SVM loss and gradient; the true class is masked out of the margins."""
    W, X, y = check(W, X, y)
    N, C = X.shape[0], W.shape[1]
    truth = true_class_mask(y, C)
    s = X @ W
    s_true = s[np.arange(N), y][:, None]
    margins = ma.masked_array(s - s_true + 1.0, mask=truth)
    loss = ma.maximum(margins, 0.0).filled(0.0).sum() / N + reg * np.sum(W * W)
    active = margins > 0                                 # masked at the true class too
    n_active = active.sum(axis=1).filled(0)
    ds = (active.filled(False) - truth * n_active[:, None]) / N
    return float(loss), X.T @ ds + 2.0 * reg * W


def cross_entropy(s, y):
    """Mean cross-entropy of the scores and its gradient (P - Y) / N."""
    s = np.asarray(s, dtype=np.float64)
    N, C = s.shape
    if y.size and (y.min() < 0 or y.max() >= C):
        raise ValueError("labels out of range")
    shifted = s - s.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    truth = true_class_mask(y, C)
    log_p_true = ma.masked_array(log_p, mask=~truth)       # only the true class is visible
    loss = -float(log_p_true.sum()) / N
    return loss, (np.exp(log_p) - truth) / N


def softmax_loss(W, X, y, reg):
    """Softmax cross-entropy loss and gradient."""
    W, X, y = check(W, X, y)
    loss, ds = cross_entropy(X @ W, y)
    return float(loss + reg * np.sum(W * W)), X.T @ ds + 2.0 * reg * W


def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def mlp_loss_and_grads(params, X, y):
    """Sigmoid MLP with linear output scores and a softmax cross-entropy loss."""
    L = len(params) // 2
    activations = [np.asarray(X, dtype=np.float64)]
    for l in range(1, L + 1):
        s = activations[-1] @ np.asarray(params[f"W{l}"], dtype=np.float64) \
            + np.asarray(params[f"b{l}"], dtype=np.float64)
        activations.append(sigmoid(s) if l < L else s)
    loss, delta = cross_entropy(activations[-1], np.asarray(y).astype(np.intp))
    grads = {}
    for l in range(L, 0, -1):
        if l < L:
            out = activations[l]
            delta = delta * out * (1.0 - out)
        grads[f"W{l}"] = activations[l - 1].T @ delta
        grads[f"b{l}"] = delta.sum(axis=0)
        delta = delta @ np.asarray(params[f"W{l}"], dtype=np.float64).T
    return loss, {key: grads[key] for key in params}


def split(stacked, first):
    """[a; b] -> (a, b), the first `first` entries and the rest, through two masks."""
    position = np.arange(stacked.shape[0])
    head = ma.masked_array(stacked, mask=position > first)
    tail = ma.masked_array(stacked, mask=position < first)
    return head.compressed(), tail.compressed()


def dag_forward_backward(x0, W1, W2, W3):
    """x3 = W3 . [x1; x2] with x1 = tanh(W1 x0), x2 = tanh(W2 [x0; x1]); grads over all paths."""
    x0 = np.asarray(x0, dtype=np.float64)
    W1 = np.asarray(W1, dtype=np.float64)
    W2 = np.asarray(W2, dtype=np.float64)
    W3 = np.asarray(W3, dtype=np.float64)
    d0, d1 = x0.shape[0], W1.shape[0]
    if W1.shape != (d1, d0) or W2.ndim != 2 or W2.shape[1] != d0 + d1:
        raise ValueError("shapes disagree")
    if W3.shape != (d1 + W2.shape[0],):
        raise ValueError("W3 has the wrong length")
    x1 = np.tanh(W1 @ x0)
    z2 = np.concatenate([x0, x1])
    x2 = np.tanh(W2 @ z2)
    z3 = np.concatenate([x1, x2])
    x3 = float(W3 @ z3)
    w3_x1, w3_x2 = split(W3, d1)
    ds2 = w3_x2 * (1.0 - x2**2)
    dz2_x0, dz2_x1 = split(W2.T @ ds2, d0)
    ds1 = (w3_x1 + dz2_x1) * (1.0 - x1**2)
    dx0 = dz2_x0 + W1.T @ ds1
    return x3, {"W1": np.outer(ds1, x0), "W2": np.outer(ds2, z2), "W3": z3, "x0": dx0}


def chain_rule_example(x):
    """(e^{sin(x^2)}, its derivative 2x cos(x^2) e^{sin(x^2)})."""
    u = x**2
    value = np.exp(np.sin(u))
    return float(value), float(value * np.cos(u) * 2 * x)
