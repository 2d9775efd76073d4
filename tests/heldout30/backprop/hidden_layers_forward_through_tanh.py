"""The hidden layers use tanh in the forward pass instead of the sigmoid.

The backward pass still uses the sigmoid's derivative a (1 - a), so both the loss and every
gradient are wrong.

Single mistake in mlp_loss_and_grads; written from correct_eafp.
"""

import math

import numpy as np


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def softmax(Z):
    """Row-wise softmax, shifted by the row maximum."""
    Z = np.asarray(Z, dtype=np.float64)
    try:
        shifted = Z - Z.max(axis=-1, keepdims=True)
    except ValueError as err:
        raise ValueError("softmax needs at least one class") from err
    e = np.exp(shifted)
    return e / e.sum(axis=-1, keepdims=True)


def softmax_jacobian(p):
    """diag(p) - p p^T."""
    p = np.asarray(p, dtype=np.float64)
    try:
        (_,) = p.shape
    except ValueError as err:
        raise ValueError("p must be a 1-D probability vector") from err
    return np.diag(p) - np.outer(p, p)


def _labels(y, n, classes):
    y = np.asarray(y)
    try:
        (count,) = y.shape
    except ValueError as err:
        raise ValueError("y must be 1-D") from err
    if count != n:
        raise ValueError("X and y disagree")
    if y.size and (y.dtype.kind not in "iu" or y.min() < 0):
        raise ValueError("labels must be non-negative integers")
    try:
        np.eye(classes)[y]
    except IndexError as err:
        raise ValueError(f"labels must be below {classes}") from err
    return y.astype(np.intp)


def _linear(W, X, y):
    W = np.asarray(W, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    try:
        D, C = W.shape
        N, D_x = X.shape
    except ValueError as err:
        raise ValueError("expected W (D, C) and X (N, D)") from err
    if D_x != D:
        raise ValueError("W and X disagree")
    return W, X, _labels(y, N, C)


def hinge_loss(W, X, y, reg):
    """Multiclass SVM loss and its gradient."""
    W, X, y = _linear(W, X, y)
    N = X.shape[0]
    rows = np.arange(N)
    s = X @ W
    margins = s - s[rows, y][:, None] + 1.0
    margins[rows, y] = 0.0
    loss = np.maximum(0.0, margins).sum() / N + reg * np.sum(W * W)
    ds = (margins > 0).astype(np.float64)
    ds[rows, y] = -ds.sum(axis=1)
    dW = X.T @ (ds / N) + 2.0 * reg * W
    return float(loss), dW


def _cross_entropy(s, y):
    N = s.shape[0]
    rows = np.arange(N)
    shifted = s - s.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -log_p[rows, y].sum() / N
    ds = np.exp(log_p)
    ds[rows, y] -= 1.0
    return float(loss), ds / N


def softmax_loss(W, X, y, reg):
    """Mean cross-entropy of a linear classifier plus reg * sum W^2, and its gradient."""
    W, X, y = _linear(W, X, y)
    loss, ds = _cross_entropy(X @ W, y)
    return loss + reg * float(np.sum(W * W)), X.T @ ds + 2.0 * reg * W


def mlp_loss_and_grads(params, X, y):
    """Sigmoid MLP with linear output scores and softmax cross-entropy; loss and grads."""
    layers = []
    while True:
        l = len(layers) + 1
        try:
            layers.append((np.asarray(params[f"W{l}"], dtype=np.float64),
                           np.asarray(params[f"b{l}"], dtype=np.float64)))
        except KeyError:
            break
    if not layers or len(params) != 2 * len(layers):
        raise ValueError("params must hold exactly W1, b1, ..., WL, bL")
    activations = [np.asarray(X, dtype=np.float64)]
    scores = None
    for l, (W, b) in enumerate(layers, start=1):
        try:
            s = activations[-1] @ W + b
        except ValueError as err:
            raise ValueError(f"layer {l} does not fit its input") from err
        if l < len(layers):
            activations.append(np.tanh(s))
        else:
            scores = s
    y = _labels(y, scores.shape[0], scores.shape[1])
    loss, delta = _cross_entropy(scores, y)
    grads = {}
    for l in range(len(layers), 0, -1):
        a = activations[l - 1]
        grads[f"W{l}"] = a.T @ delta
        grads[f"b{l}"] = delta.sum(axis=0)
        if l > 1:
            delta = (delta @ layers[l - 1][0].T) * a * (1.0 - a)
    return loss, {key: grads[key] for key in params}


def dag_forward_backward(x0, W1, W2, W3):
    """x1 = tanh(W1 x0), x2 = tanh(W2 [x0; x1]), x3 = W3 . [x1; x2]; gradients of x3."""
    x0, W1, W2, W3 = (np.asarray(a, dtype=np.float64) for a in (x0, W1, W2, W3))
    try:
        (d0,) = x0.shape
        d1, d0_w = W1.shape
        d2, width2 = W2.shape
        (width3,) = W3.shape
    except ValueError as err:
        raise ValueError("x0 and W3 must be 1-D, W1 and W2 2-D") from err
    if d0_w != d0 or width2 != d0 + d1 or width3 != d1 + d2:
        raise ValueError("the shapes of x0, W1, W2 and W3 disagree")
    x1 = np.tanh(W1 @ x0)
    z2 = np.concatenate([x0, x1])
    x2 = np.tanh(W2 @ z2)
    z3 = np.concatenate([x1, x2])
    x3 = float(W3 @ z3)
    ds2 = W3[d1:] * (1.0 - x2 * x2)
    dz2 = W2.T @ ds2
    dx1 = W3[:d1] + dz2[d0:]
    ds1 = dx1 * (1.0 - x1 * x1)
    dx0 = dz2[:d0] + W1.T @ ds1
    return x3, {"W1": np.outer(ds1, x0), "W2": np.outer(ds2, z2), "W3": z3, "x0": dx0}


def chain_rule_example(x):
    """e^{sin(x^2)} and its derivative 2x cos(x^2) e^{sin(x^2)}."""
    try:
        t = float(x)
    except TypeError:
        x = np.asarray(x, dtype=np.float64)
        f = np.exp(np.sin(x * x))
        return f, f * np.cos(x * x) * 2.0 * x
    u = t * t
    f = math.exp(math.sin(u))
    return f, f * math.cos(u) * 2.0 * t
