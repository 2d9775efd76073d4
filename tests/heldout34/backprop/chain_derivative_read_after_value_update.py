"""In the loop over the chain's links the value is advanced before the link's derivative is taken.

Each derivative is evaluated at the link's OUTPUT instead of its input: 2x^2 for the square,
cos(sin(x^2)) for the sine and e^{e^{sin(x^2)}} for the exponential. The value is right, the
derivative wrong.

Graded: chain_rule_example; written from correct_tables.py.
"""

import numpy as np


def _sigmoid(s):
    e = np.exp(-np.abs(s))
    return np.where(s >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


# name -> (activation, derivative as a function of the activation's OUTPUT a)
ACTIVATIONS = {
    "sigmoid": (_sigmoid, lambda a: a * (1.0 - a)),
    "tanh": (np.tanh, lambda a: 1.0 - a * a),
}
# e^{sin(x^2)} as links applied in order: (function, derivative at the link's input)
CHAIN_LINKS = (
    (lambda u: u * u, lambda u: 2.0 * u),
    (np.sin, np.cos),
    (np.exp, np.exp),
)


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
    C = p.shape[0]
    J = np.empty((C, C))
    for i in range(C):
        for j in range(C):
            J[i, j] = p[i] * ((1.0 if i == j else 0.0) - p[j])
    return J


def _checked(W, X, y):
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


def _one_hot(y, C):
    return np.eye(C)[y]


def hinge_loss(W, X, y, reg):
    """Multiclass SVM loss and gradient."""
    W, X, y = _checked(W, X, y)
    N, C = X.shape[0], W.shape[1]
    Y = _one_hot(y, C)
    s = X @ W
    correct = (s * Y).sum(axis=1, keepdims=True)
    margins = (s - correct + 1.0) * (1.0 - Y)
    active = (margins > 0).astype(np.float64)
    loss = np.maximum(margins, 0.0).sum() / N + reg * np.sum(W * W)
    ds = (active - Y * active.sum(axis=1, keepdims=True)) / N
    return float(loss), X.T @ ds + 2.0 * reg * W


def _cross_entropy(s, y):
    N, C = s.shape
    shifted = s - s.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    Y = _one_hot(y, C)
    loss = -(log_p * Y).sum() / N
    return float(loss), (np.exp(log_p) - Y) / N


def softmax_loss(W, X, y, reg):
    """Mean cross-entropy plus reg * sum(W^2), and its gradient."""
    W, X, y = _checked(W, X, y)
    loss, ds = _cross_entropy(X @ W, y)
    return loss + reg * float(np.sum(W * W)), X.T @ ds + 2.0 * reg * W


def mlp_loss_and_grads(params, X, y):
    """Sigmoid MLP with a linear output and softmax cross-entropy; returns (loss, grads)."""
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    if L == 0 or set(params) != {f"{p}{l}" for l in range(1, L + 1) for p in "Wb"}:
        raise ValueError("params must hold W1, b1, ..., WL, bL")
    act, dact = ACTIVATIONS["sigmoid"]
    outputs = [np.asarray(X, dtype=np.float64)]
    for l in range(1, L + 1):
        s = outputs[-1] @ np.asarray(params[f"W{l}"], dtype=np.float64) \
            + np.asarray(params[f"b{l}"], dtype=np.float64)
        outputs.append(act(s) if l < L else s)
    loss, delta = _cross_entropy(outputs[-1], np.asarray(y).astype(np.intp))
    grads = {}
    for l in range(L, 0, -1):
        grads[f"W{l}"] = outputs[l - 1].T @ delta
        grads[f"b{l}"] = delta.sum(axis=0)
        if l > 1:
            delta = (delta @ np.asarray(params[f"W{l}"], dtype=np.float64).T) \
                * dact(outputs[l - 1])
    return loss, {k: grads[k] for l in range(1, L + 1) for k in (f"W{l}", f"b{l}")}


def dag_forward_backward(x0, W1, W2, W3):
    """x1 = tanh(W1 x0), x2 = tanh(W2 [x0; x1]), x3 = W3 . [x1; x2]; gradients of x3."""
    x0, W1, W2, W3 = (np.asarray(a, dtype=np.float64) for a in (x0, W1, W2, W3))
    act, dact = ACTIVATIONS["tanh"]
    d0, d1, d2 = x0.shape[0], W1.shape[0], W2.shape[0]
    x1 = act(W1 @ x0)
    z2 = np.concatenate([x0, x1])
    x2 = act(W2 @ z2)
    z3 = np.concatenate([x1, x2])
    x3 = float(W3 @ z3)
    g_x2 = W3[d1:d1 + d2]
    g_s2 = g_x2 * dact(x2)
    g_z2 = W2.T @ g_s2
    g_x1 = W3[:d1] + g_z2[d0:]
    g_s1 = g_x1 * dact(x1)
    g_x0 = g_z2[:d0] + W1.T @ g_s1
    return x3, {"W1": np.outer(g_s1, x0), "W2": np.outer(g_s2, z2), "W3": z3.copy(),
                "x0": g_x0}


def chain_rule_example(x):
    """(e^{sin(x^2)}, its derivative)."""
    value = np.asarray(x, dtype=np.float64)
    derivative = np.ones_like(value)
    for fn, dfn in CHAIN_LINKS:
        value = fn(value)
        derivative = derivative * dfn(value)
    if np.ndim(value) == 0:
        return float(value), float(derivative)
    return value, derivative
