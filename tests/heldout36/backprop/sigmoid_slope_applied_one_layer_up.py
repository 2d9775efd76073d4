"""The backward pass applies the sigmoid's slope at layers L, ..., 2 instead of L - 1, ..., 1.

With l > 1 the output layer's delta is multiplied by s(1 - s) of its LINEAR scores and the first
hidden layer gets no slope at all: for L >= 2 every gradient is wrong (a one-layer network is
right).

Mistake in `mlp_loss_and_grads`; written from correct_immutable.py.
"""

from typing import NamedTuple

import numpy as np


def frozen(values):
    """A read-only float copy of values."""
    out = np.array(values, dtype=np.float64)
    out.setflags(write=False)
    return out


class Layer(NamedTuple):
    inputs: np.ndarray
    W: np.ndarray
    output: np.ndarray


def softmax(Z):
    """Row-wise softmax, shifted by the row max."""
    Z = frozen(Z)
    e = np.exp(Z - np.max(Z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_jacobian(p):
    """diag(p) - p p^T."""
    p = frozen(p)
    if p.ndim != 1:
        raise ValueError("p must be 1-D")
    return np.diag(p) - np.outer(p, p)


def check(W, X, y):
    W, X = frozen(W), frozen(X)
    y = np.asarray(y)
    if W.ndim != 2 or X.ndim != 2 or y.ndim != 1:
        raise ValueError("expected W (D, C), X (N, D), y (N,)")
    if X.shape[1] != W.shape[0] or X.shape[0] != y.shape[0]:
        raise ValueError("shapes disagree")
    if y.size and (y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= W.shape[1]):
        raise ValueError("labels out of range")
    return W, X, y.astype(np.intp)


def one_hot(y, C):
    """A read-only (N, C) indicator of the labels."""
    out = np.asarray(y)[:, None] == np.arange(C)[None, :]
    out.setflags(write=False)
    return out


def hinge_loss(W, X, y, reg):
    """Multiclass SVM loss and gradient."""
    W, X, y = check(W, X, y)
    N, C = X.shape[0], W.shape[1]
    truth = one_hot(y, C)
    s = frozen(X @ W)
    correct = np.sum(np.where(truth, s, 0.0), axis=1, keepdims=True)
    margins = frozen(np.where(truth, 0.0, s - correct + 1.0))
    loss = np.sum(np.maximum(margins, 0.0)) / N + reg * np.sum(W * W)
    active = frozen(margins > 0)
    ds = np.where(truth, -np.sum(active, axis=1, keepdims=True), active) / N
    return float(loss), X.T @ ds + 2.0 * reg * W


def cross_entropy(s, y):
    """Mean cross-entropy of the scores and its gradient (P - Y) / N."""
    s = frozen(s)
    N, C = s.shape
    if y.size and (y.min() < 0 or y.max() >= C):
        raise ValueError("labels out of range")
    shifted = s - np.max(s, axis=1, keepdims=True)
    log_p = frozen(shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True)))
    truth = one_hot(y, C)
    loss = -np.sum(np.where(truth, log_p, 0.0)) / N
    return float(loss), (np.exp(log_p) - truth) / N


def softmax_loss(W, X, y, reg):
    """Softmax cross-entropy loss and gradient."""
    W, X, y = check(W, X, y)
    loss, ds = cross_entropy(X @ W, y)
    return loss + reg * float(np.sum(W * W)), X.T @ ds + 2.0 * reg * W


def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def mlp_loss_and_grads(params, X, y):
    """Sigmoid MLP with linear output scores and a softmax cross-entropy loss."""
    L = len(params) // 2
    x = frozen(X)
    cache = ()
    for l in range(1, L + 1):
        W, b = frozen(params[f"W{l}"]), frozen(params[f"b{l}"])
        s = frozen(x @ W + b)
        out = frozen(sigmoid(s)) if l < L else s
        cache = (*cache, Layer(x, W, out))
        x = out
    loss, delta = cross_entropy(x, np.asarray(y).astype(np.intp))
    grads = ()
    for l in range(L, 0, -1):
        layer = cache[l - 1]
        if l > 1:
            delta = delta * layer.output * (1.0 - layer.output)
        grads = ((f"W{l}", layer.inputs.T @ delta), (f"b{l}", np.sum(delta, axis=0)), *grads)
        delta = delta @ layer.W.T
    return loss, dict(grads)


def dag_forward_backward(x0, W1, W2, W3):
    """x3 = W3 . [x1; x2] with x1 = tanh(W1 x0), x2 = tanh(W2 [x0; x1]); grads over all paths."""
    x0, W1, W2, W3 = frozen(x0), frozen(W1), frozen(W2), frozen(W3)
    d0, d1 = x0.shape[0], W1.shape[0]
    if W1.shape != (d1, d0) or W2.ndim != 2 or W2.shape[1] != d0 + d1:
        raise ValueError("shapes disagree")
    if W3.shape != (d1 + W2.shape[0],):
        raise ValueError("W3 has the wrong length")
    x1 = frozen(np.tanh(W1 @ x0))
    z2 = frozen(np.concatenate([x0, x1]))
    x2 = frozen(np.tanh(W2 @ z2))
    z3 = frozen(np.concatenate([x1, x2]))
    x3 = float(W3 @ z3)
    ds2 = W3[d1:] * (1.0 - x2 * x2)
    dz2 = W2.T @ ds2
    dx1 = W3[:d1] + dz2[d0:]
    ds1 = dx1 * (1.0 - x1 * x1)
    dx0 = dz2[:d0] + W1.T @ ds1
    grads = {"W1": np.outer(ds1, x0), "W2": np.outer(ds2, z2), "W3": np.array(z3), "x0": dx0}
    return x3, grads


def chain_rule_example(x):
    """(e^{sin(x^2)}, its derivative 2x cos(x^2) e^{sin(x^2)})."""
    u = x * x
    value = float(np.exp(np.sin(u)))
    return value, float(value * np.cos(u) * 2.0 * x)
