"""The backward pass hands the Activation's slope the activation's value of the output, slope(value(out)), instead of the output itself.

The slope is written in terms of the layer's output already; applying value once more gives
sigma(a)(1 - sigma(a)) with a = sigma(s) at every hidden layer (the identity output layer is
unaffected), so the hidden gradients are wrong.

Graded: mlp_loss_and_grads; written from correct_protocols.py.
"""

from typing import Protocol

import numpy as np


class Activation(Protocol):
    def value(self, s: np.ndarray) -> np.ndarray: ...

    def slope(self, out: np.ndarray) -> np.ndarray: ...


class Loss(Protocol):
    def evaluate(self, scores: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray]: ...


class Link(Protocol):
    def value(self, u: float) -> float: ...

    def slope(self, u: float) -> float: ...


class Sigmoid:
    def value(self, s):
        e = np.exp(-np.abs(s))
        return np.where(s >= 0, 1.0 / (1.0 + e), e / (1.0 + e))

    def slope(self, out):
        return out * (1.0 - out)


class Tanh:
    def value(self, s):
        return np.tanh(s)

    def slope(self, out):
        return 1.0 - out * out


class Identity(Activation):
    def value(self, s):
        return s

    def slope(self, out):
        return np.ones_like(out)


def _softmax_rows(scores):
    shifted = scores - scores.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=1, keepdims=True)


class Hinge:
    def evaluate(self, scores, y):
        N = scores.shape[0]
        rows = np.arange(N)
        margins = scores - scores[rows, y][:, None] + 1.0
        margins[rows, y] = 0.0
        loss = np.maximum(margins, 0.0).sum() / N
        ds = (margins > 0).astype(np.float64)
        ds[rows, y] = -ds.sum(axis=1)
        return float(loss), ds / N


class CrossEntropy:
    def evaluate(self, scores, y):
        N = scores.shape[0]
        rows = np.arange(N)
        shifted = scores - scores.max(axis=1, keepdims=True)
        log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        ds = np.exp(log_p)
        ds[rows, y] -= 1.0
        return float(-log_p[rows, y].sum() / N), ds / N


class Square:
    def value(self, u):
        return u * u

    def slope(self, u):
        return 2.0 * u


class Sine:
    def value(self, u):
        return np.sin(u)

    def slope(self, u):
        return np.cos(u)


class Exp:
    def value(self, u):
        return np.exp(u)

    def slope(self, u):
        return np.exp(u)


def softmax(Z):
    """Row-wise softmax, shifted by the row max."""
    Z = np.asarray(Z, dtype=np.float64)
    shifted = Z - Z.max(axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=-1, keepdims=True)


def softmax_jacobian(p):
    """diag(p) - p p^T."""
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError("p must be 1-D")
    return np.diag(p) - np.outer(p, p)


def _checked(W, X, y):
    W, X, y = np.asarray(W, dtype=np.float64), np.asarray(X, dtype=np.float64), np.asarray(y)
    if W.ndim != 2 or X.ndim != 2 or y.ndim != 1:
        raise ValueError("expected W (D, C), X (N, D), y (N,)")
    if X.shape[1] != W.shape[0] or X.shape[0] != y.shape[0]:
        raise ValueError("shapes disagree")
    if y.size and (y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= W.shape[1]):
        raise ValueError("labels must be ints in 0..C-1")
    return W, X, y.astype(np.intp)


def _linear(loss: Loss, W, X, y, reg):
    W, X, y = _checked(W, X, y)
    value, ds = loss.evaluate(X @ W, y)
    return float(value + reg * np.sum(W * W)), X.T @ ds + 2.0 * reg * W


def hinge_loss(W, X, y, reg):
    """Multiclass SVM loss and gradient through the Loss protocol."""
    return _linear(Hinge(), W, X, y, reg)


def softmax_loss(W, X, y, reg):
    """Softmax cross-entropy loss and gradient through the Loss protocol."""
    return _linear(CrossEntropy(), W, X, y, reg)


def _depth(params):
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    if L == 0 or set(params) != {f"{p}{l}" for l in range(1, L + 1) for p in "Wb"}:
        raise ValueError("params must be W1, b1, ..., WL, bL")
    return L


def mlp_loss_and_grads(params, X, y):
    """Sigmoid hidden layers, identity output, cross-entropy; backprop through the protocols."""
    L = _depth(params)
    acts: list[Activation] = [Sigmoid() for _ in range(L - 1)] + [Identity()]
    inputs, outputs = [], []
    x = np.asarray(X, dtype=np.float64)
    for l in range(1, L + 1):
        W = np.asarray(params[f"W{l}"], dtype=np.float64)
        b = np.asarray(params[f"b{l}"], dtype=np.float64)
        if x.ndim != 2 or W.ndim != 2 or x.shape[1] != W.shape[0] or b.shape != (W.shape[1],):
            raise ValueError(f"layer {l} shapes disagree")
        inputs.append(x)
        x = acts[l - 1].value(x @ W + b)
        outputs.append(x)
    y = np.asarray(y)
    if y.shape != (x.shape[0],) or (y.size and (y.min() < 0 or y.max() >= x.shape[1])):
        raise ValueError("labels must be ints in 0..C-1, one per row")
    loss, dout = CrossEntropy().evaluate(x, y.astype(np.intp))
    grads = {}
    for l in range(L, 0, -1):
        delta = dout * acts[l - 1].slope(acts[l - 1].value(outputs[l - 1]))
        grads[f"W{l}"] = inputs[l - 1].T @ delta
        grads[f"b{l}"] = delta.sum(axis=0)
        dout = delta @ np.asarray(params[f"W{l}"], dtype=np.float64).T
    return float(loss), {k: grads[k] for l in range(1, L + 1) for k in (f"W{l}", f"b{l}")}


def dag_forward_backward(x0, W1, W2, W3):
    """x1 = tanh(W1 x0), x2 = tanh(W2 [x0; x1]), x3 = W3 . [x1; x2]; gradients over all paths."""
    x0, W1, W2, W3 = (np.asarray(a, dtype=np.float64) for a in (x0, W1, W2, W3))
    d0, d1 = x0.shape[0], W1.shape[0]
    if W1.shape != (d1, d0) or W2.ndim != 2 or W2.shape[1] != d0 + d1 \
            or W3.shape != (d1 + W2.shape[0],):
        raise ValueError("shapes disagree")
    act: Activation = Tanh()
    x1 = act.value(W1 @ x0)
    z2 = np.concatenate([x0, x1])
    x2 = act.value(W2 @ z2)
    z3 = np.concatenate([x1, x2])
    x3 = float(W3 @ z3)
    d_x2 = W3[d1:]
    ds2 = d_x2 * act.slope(x2)
    dz2 = W2.T @ ds2
    d_x1 = W3[:d1] + dz2[d0:]
    ds1 = d_x1 * act.slope(x1)
    dx0 = dz2[:d0] + W1.T @ ds1
    return x3, {"W1": np.outer(ds1, x0), "W2": np.outer(ds2, z2), "W3": z3.copy(), "x0": dx0}


def chain_rule_example(x):
    """e^{sin(x^2)} and its derivative, link by link through the Link protocol."""
    links: list[Link] = [Square(), Sine(), Exp()]
    value = np.asarray(x, dtype=np.float64)
    derivative = np.ones_like(value)
    for link in links:
        derivative = derivative * link.slope(value)
        value = link.value(value)
    if np.ndim(value) == 0:
        return float(value), float(derivative)
    return value, derivative
