"""The activation-slope dispatch tests Activation.LINEAR where SIGMOID is meant.

The output layer's linear scores get s(1 - s) as their derivative and the sigmoid hidden layers
get 1, so every MLP gradient is wrong (the loss is right).

Single mistake in mlp_loss_and_grads; written from correct_enums.
"""

import enum

import numpy as np

MARGIN = 1.0
REG_GRAD_FACTOR = 2.0
CLASS_AXIS = -1


class Loss(enum.Enum):
    HINGE = "hinge"
    SOFTMAX = "softmax"


class Activation(enum.Enum):
    SIGMOID = "sigmoid"
    LINEAR = "linear"


class Role(enum.IntEnum):
    HIDDEN = 0
    OUTPUT = 1


class Node(enum.IntEnum):
    X0 = 0
    X1 = 1
    X2 = 2


ACTIVATION_OF = {Role.HIDDEN: Activation.SIGMOID, Role.OUTPUT: Activation.LINEAR}


def softmax(Z):
    """Row-wise softmax, shifted by the row max."""
    Z = np.asarray(Z, dtype=float)
    e = np.exp(Z - Z.max(axis=CLASS_AXIS, keepdims=True))
    return e / e.sum(axis=CLASS_AXIS, keepdims=True)


def softmax_jacobian(p):
    """diag(p) - p p^T."""
    p = np.asarray(p, dtype=float)
    if p.ndim != 1:
        raise ValueError("p must be 1-D")
    return np.diag(p) - np.outer(p, p)


def _activate(kind, s):
    if kind is Activation.SIGMOID:
        e = np.exp(-np.abs(s))
        return np.where(s >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    if kind is Activation.LINEAR:
        return s
    raise ValueError(f"unknown activation {kind}")


def _activation_slope(kind, out):
    """The derivative of the activation, read from its output."""
    if kind is Activation.LINEAR:
        return out * (1.0 - out)
    return np.ones_like(out)


def _check_labels(y, n_rows, n_classes):
    y = np.asarray(y)
    if y.shape != (n_rows,):
        raise ValueError("one label per row")
    if y.size and (y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= n_classes):
        raise ValueError("labels must be ints in 0..C-1")
    return y.astype(int)


def _scores_loss(kind, s, y):
    """(mean loss, dL/ds) of the scores s (N, C) for the given loss kind."""
    N = s.shape[0]
    rows = np.arange(N)
    if kind is Loss.HINGE:
        margins = s - s[rows, y][:, None] + MARGIN
        margins[rows, y] = 0.0
        ds = (margins > 0).astype(float)
        ds[rows, y] = -ds.sum(axis=1)
        return float(np.maximum(0.0, margins).sum() / N), ds / N
    if kind is Loss.SOFTMAX:
        shifted = s - s.max(axis=1, keepdims=True)
        log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        ds = np.exp(log_p)
        ds[rows, y] -= 1.0
        return float(-log_p[rows, y].sum() / N), ds / N
    raise ValueError(f"unknown loss {kind}")


def _linear_classifier(kind, W, X, y, reg):
    W = np.asarray(W, dtype=float)
    X = np.asarray(X, dtype=float)
    if W.ndim != 2 or X.ndim != 2 or X.shape[1] != W.shape[0]:
        raise ValueError("expected W (D, C) and X (N, D)")
    y = _check_labels(y, X.shape[0], W.shape[1])
    loss, ds = _scores_loss(kind, X @ W, y)
    return loss + reg * float(np.sum(W * W)), X.T @ ds + REG_GRAD_FACTOR * reg * W


def hinge_loss(W, X, y, reg):
    """Multiclass SVM loss and gradient."""
    return _linear_classifier(Loss.HINGE, W, X, y, reg)


def softmax_loss(W, X, y, reg):
    """Softmax cross-entropy loss and gradient."""
    return _linear_classifier(Loss.SOFTMAX, W, X, y, reg)


def mlp_loss_and_grads(params, X, y):
    """Sigmoid hidden layers, linear output scores, mean softmax cross-entropy."""
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    if L == 0 or set(params) != {f"{p}{l}" for l in range(1, L + 1) for p in "Wb"}:
        raise ValueError("params must hold W1, b1, ..., WL, bL")
    a = np.asarray(X, dtype=float)
    layers = []
    for l in range(1, L + 1):
        role = Role.OUTPUT if l == L else Role.HIDDEN
        W = np.asarray(params[f"W{l}"], dtype=float)
        b = np.asarray(params[f"b{l}"], dtype=float)
        if a.ndim != 2 or W.ndim != 2 or a.shape[1] != W.shape[0] or b.shape != (W.shape[1],):
            raise ValueError(f"layer {l} does not fit")
        out = _activate(ACTIVATION_OF[role], a @ W + b)
        layers.append((a, W, ACTIVATION_OF[role], out))
        a = out
    loss, d_out = _scores_loss(Loss.SOFTMAX, a, _check_labels(np.asarray(y).astype(int), a.shape[0], a.shape[1]))
    grads = {}
    for l in range(L, 0, -1):
        a_in, W, kind, out = layers[l - 1]
        ds = d_out * _activation_slope(kind, out)
        grads[f"W{l}"] = a_in.T @ ds
        grads[f"b{l}"] = ds.sum(axis=0)
        d_out = ds @ W.T
    return loss, {k: grads[k] for l in range(1, L + 1) for k in (f"W{l}", f"b{l}")}


def dag_forward_backward(x0, W1, W2, W3):
    """x1 = tanh(W1 x0), x2 = tanh(W2 [x0; x1]), x3 = W3 . [x1; x2]; gradients over all paths."""
    x0 = np.asarray(x0, dtype=float)
    W1 = np.asarray(W1, dtype=float)
    W2 = np.asarray(W2, dtype=float)
    W3 = np.asarray(W3, dtype=float)
    d0, d1 = x0.shape[0], W1.shape[0]
    if W1.shape != (d1, d0) or W2.ndim != 2 or W2.shape[1] != d0 + d1:
        raise ValueError("shapes of x0, W1 and W2 disagree")
    d2 = W2.shape[0]
    if W3.shape != (d1 + d2,):
        raise ValueError("W3 must have d1 + d2 entries")
    x = {Node.X0: x0}
    x[Node.X1] = np.tanh(W1 @ x[Node.X0])
    into_x2 = np.concatenate([x[Node.X0], x[Node.X1]])
    x[Node.X2] = np.tanh(W2 @ into_x2)
    into_x3 = np.concatenate([x[Node.X1], x[Node.X2]])
    x3 = float(W3 @ into_x3)
    grad = {Node.X1: W3[:d1].copy(), Node.X2: W3[d1:].copy()}
    ds2 = grad[Node.X2] * (1.0 - x[Node.X2] ** 2)
    d_into_x2 = W2.T @ ds2
    grad[Node.X0] = d_into_x2[:d0].copy()
    grad[Node.X1] = grad[Node.X1] + d_into_x2[d0:]
    ds1 = grad[Node.X1] * (1.0 - x[Node.X1] ** 2)
    grad[Node.X0] = grad[Node.X0] + W1.T @ ds1
    return x3, {"W1": np.outer(ds1, x0), "W2": np.outer(ds2, into_x2), "W3": into_x3,
                "x0": grad[Node.X0]}


def chain_rule_example(x):
    """e^{sin(x^2)} and its derivative by the chain rule."""
    x = np.asarray(x, dtype=float)
    u = x ** 2
    value = np.exp(np.sin(u))
    derivative = value * np.cos(u) * 2.0 * x
    if value.ndim == 0:
        return float(value), float(derivative)
    return value, derivative
