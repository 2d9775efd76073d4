"""The guard of softmax_jacobian is inverted: it raises for a 1-D p.

Every valid probability vector raises ValueError, and a 2-D p gets through.

Single mistake in softmax_jacobian; written from correct_asserts.
"""

import numpy as np


def softmax(Z):
    """Row-wise softmax, shifted by the row max."""
    Z = np.asarray(Z, dtype=float)
    e = np.exp(Z - np.max(Z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_jacobian(p):
    """diag(p) - p p^T."""
    p = np.asarray(p, dtype=float)
    if p.ndim == 1:
        raise ValueError("p must be 1-D")
    return np.diag(p) - np.outer(p, p)


def _linear_inputs(W, X, y):
    W = np.asarray(W, dtype=float)
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if not (W.ndim == 2 and X.ndim == 2 and y.ndim == 1):
        raise ValueError("expected W (D, C), X (N, D), y (N,)")
    if not (X.shape[1] == W.shape[0] and X.shape[0] == y.shape[0]):
        raise ValueError("shapes of W, X and y disagree")
    if not (y.size == 0 or (y.dtype.kind in "iu" and y.min() >= 0 and y.max() < W.shape[1])):
        raise ValueError("labels must be ints in 0..C-1")
    return W, X, y.astype(int)


def hinge_loss(W, X, y, reg):
    """Multiclass SVM loss and its gradient, with reg * sum(W^2)."""
    W, X, y = _linear_inputs(W, X, y)
    N = X.shape[0]
    rows = np.arange(N)
    scores = X @ W
    margins = np.maximum(0.0, scores - scores[rows, y][:, None] + 1.0)
    margins[rows, y] = 0.0
    loss = margins.sum() / N + reg * np.sum(W ** 2)
    active = (margins > 0).astype(float)
    active[rows, y] = -active.sum(axis=1)
    dW = X.T @ active / N + 2 * reg * W
    return float(loss), dW


def _cross_entropy(scores, y):
    N = scores.shape[0]
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -log_probs[np.arange(N), y].mean()
    dscores = np.exp(log_probs)
    dscores[np.arange(N), y] -= 1.0
    return float(loss), dscores / N


def softmax_loss(W, X, y, reg):
    """Mean cross-entropy of a linear classifier, with reg * sum(W^2)."""
    W, X, y = _linear_inputs(W, X, y)
    loss, dscores = _cross_entropy(X @ W, y)
    return loss + reg * float(np.sum(W ** 2)), X.T @ dscores + 2 * reg * W


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def mlp_loss_and_grads(params, X, y):
    """Sigmoid hidden layers, linear scores, mean softmax cross-entropy; backprop."""
    L = len(params) // 2
    if not (L >= 1 and set(params) == {f"{p}{l}" for l in range(1, L + 1) for p in "Wb"}):
        raise ValueError("params must hold W1, b1, ..., WL, bL")
    y = np.asarray(y)
    a = np.asarray(X, dtype=float)
    inputs = []
    for l in range(1, L + 1):
        W = np.asarray(params[f"W{l}"], dtype=float)
        b = np.asarray(params[f"b{l}"], dtype=float)
        if not (a.ndim == 2 and W.ndim == 2 and a.shape[1] == W.shape[0] and b.shape == (W.shape[1],)):
            raise ValueError(f"layer {l} does not fit")
        inputs.append(a)
        s = a @ W + b
        a = _sigmoid(s) if l < L else s
    if not (y.shape == (a.shape[0],) and (y.size == 0 or (y.min() >= 0 and y.max() < a.shape[1]))):
        raise ValueError("labels must be ints in 0..C-1, one per row")
    loss, delta = _cross_entropy(a, y.astype(int))
    grads = {}
    for l in range(L, 0, -1):
        W = np.asarray(params[f"W{l}"], dtype=float)
        grads[f"W{l}"] = inputs[l - 1].T @ delta
        grads[f"b{l}"] = delta.sum(axis=0)
        if l > 1:
            below = inputs[l - 1]
            delta = (delta @ W.T) * below * (1.0 - below)
    return loss, {k: grads[k] for l in range(1, L + 1) for k in (f"W{l}", f"b{l}")}


def dag_forward_backward(x0, W1, W2, W3):
    """x1 = tanh(W1 x0), x2 = tanh(W2 [x0; x1]), x3 = W3 . [x1; x2]; gradients over all paths."""
    x0 = np.asarray(x0, dtype=float)
    W1 = np.asarray(W1, dtype=float)
    W2 = np.asarray(W2, dtype=float)
    W3 = np.asarray(W3, dtype=float)
    d0, d1 = x0.shape[0], W1.shape[0]
    if not (W1.shape == (d1, d0) and W2.ndim == 2 and W2.shape[1] == d0 + d1):
        raise ValueError("shapes of x0, W1 and W2 disagree")
    if not W3.shape == (d1 + W2.shape[0],):
        raise ValueError("W3 must have d1 + d2 entries")
    x1 = np.tanh(W1 @ x0)
    u = np.concatenate([x0, x1])
    x2 = np.tanh(W2 @ u)
    top = np.concatenate([x1, x2])
    x3 = float(W3 @ top)
    g_x2 = W3[d1:]
    g_s2 = g_x2 * (1 - x2 ** 2)
    g_u = W2.T @ g_s2
    g_x1 = W3[:d1] + g_u[d0:]
    g_s1 = g_x1 * (1 - x1 ** 2)
    g_x0 = g_u[:d0] + W1.T @ g_s1
    return x3, {"W1": np.outer(g_s1, x0), "W2": np.outer(g_s2, u), "W3": top, "x0": g_x0}


def chain_rule_example(x):
    """e^{sin(x^2)} and its derivative e^{sin(x^2)} cos(x^2) 2x."""
    x = np.asarray(x, dtype=float)
    u = x ** 2
    value = np.exp(np.sin(u))
    derivative = value * np.cos(u) * 2 * x
    if value.ndim == 0:
        return float(value), float(derivative)
    return value, derivative
