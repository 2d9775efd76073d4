"""The true class's -x_i is subtracted for every other class j, not only for the active margins.

The line dW[:, y_i] -= x_i sits outside the if margin > 0 block: the true class column gets -(C -
1) x_i from every sample (the loss is right).

Single mistake in hinge_loss; written from correct_online.
"""

import math

import numpy as np


def _online_normaliser(row):
    """One pass over a row: (running max m, sum of exp(z - m))."""
    m = -math.inf
    d = 0.0
    for z in row:
        z = float(z)
        new_m = max(m, z)
        d = d * math.exp(m - new_m) + math.exp(z - new_m)
        m = new_m
    return m, d


def softmax(Z):
    """Row-wise softmax, each row normalised in one pass."""
    Z = np.asarray(Z, dtype=np.float64)
    P = np.empty(Z.shape)
    for index in np.ndindex(Z.shape[:-1]):
        m, d = _online_normaliser(Z[index])
        P[index] = np.exp(Z[index] - m) / d
    return P


def softmax_jacobian(p):
    """diag(p) - p p^T, one row at a time."""
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError("p must be 1-D")
    J = np.empty((p.shape[0], p.shape[0]))
    for i in range(p.shape[0]):
        J[i] = -p[i] * p
        J[i, i] += p[i]
    return J


def _check(W, X, y):
    W = np.asarray(W, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if W.ndim != 2 or X.ndim != 2 or y.ndim != 1:
        raise ValueError("expected W (D, C), X (N, D), y (N,)")
    if X.shape[1] != W.shape[0] or X.shape[0] != y.shape[0]:
        raise ValueError("shapes disagree")
    if y.size and (y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= W.shape[1]):
        raise ValueError("labels must be integers in 0..C-1")
    return W, X, y.astype(np.intp)


def hinge_loss(W, X, y, reg):
    """Multiclass SVM loss: running totals over the samples, divided by N at the end."""
    W, X, y = _check(W, X, y)
    N, C = X.shape[0], W.shape[1]
    total = 0.0
    dW = np.zeros(W.shape)
    for i in range(N):
        s = X[i] @ W
        for j in range(C):
            if j == y[i]:
                continue
            margin = s[j] - s[y[i]] + 1.0
            if margin > 0:
                total += margin
                dW[:, j] += X[i]
            dW[:, y[i]] -= X[i]
    return float(total / N + reg * np.sum(W * W)), dW / N + 2.0 * reg * W


def softmax_loss(W, X, y, reg):
    """Cross-entropy loss: one sample at a time, each through the one-pass normaliser."""
    W, X, y = _check(W, X, y)
    N = X.shape[0]
    total = 0.0
    dW = np.zeros(W.shape)
    for i in range(N):
        s = X[i] @ W
        m, d = _online_normaliser(s)
        total -= s[y[i]] - m - math.log(d)
        p = np.exp(s - m) / d
        p[y[i]] -= 1.0
        dW += np.outer(X[i], p)
    return float(total / N + reg * np.sum(W * W)), dW / N + 2.0 * reg * W


def _sigmoid(s):
    e = np.exp(-np.abs(s))
    return np.where(s >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _sample(layers, x, label):
    """Loss and gradients of one sample: [(dW1, db1), ..., (dWL, dbL)]."""
    inputs, outputs = [], []
    for l, (W, b) in enumerate(layers, start=1):
        inputs.append(x)
        s = x @ W + b
        x = _sigmoid(s) if l < len(layers) else s
        outputs.append(x)
    m, d = _online_normaliser(x)
    loss = -(x[label] - m - math.log(d))
    delta = np.exp(x - m) / d
    delta[label] -= 1.0
    grads = [None] * len(layers)
    for l in range(len(layers), 0, -1):
        if l < len(layers):
            out = outputs[l - 1]
            delta = delta * out * (1.0 - out)
        grads[l - 1] = (np.outer(inputs[l - 1], delta), delta)
        delta = layers[l - 1][0] @ delta
    return loss, grads


def mlp_loss_and_grads(params, X, y):
    """Loss and gradients as running means over the samples, one sample at a time."""
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    if L == 0 or set(params) != {f"{p}{l}" for l in range(1, L + 1) for p in "Wb"}:
        raise ValueError("params must hold W1, b1, ..., WL, bL")
    layers = []
    for l in range(1, L + 1):
        layers.append((np.asarray(params[f"W{l}"], dtype=np.float64),
                       np.asarray(params[f"b{l}"], dtype=np.float64)))
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    width = X.shape[1] if X.ndim == 2 else -1
    for W, b in layers:
        if W.ndim != 2 or W.shape[0] != width or b.shape != (W.shape[1],):
            raise ValueError("the layers do not fit X")
        width = W.shape[1]
    if y.shape != (X.shape[0],) or (y.size and (y.min() < 0 or y.max() >= width)):
        raise ValueError("labels must be in 0..C-1, one per row")
    loss = 0.0
    means = [(np.zeros(W.shape), np.zeros(b.shape)) for W, b in layers]
    for i in range(X.shape[0]):
        loss_i, grads_i = _sample(layers, X[i], int(y[i]))
        loss += (loss_i - loss) / (i + 1)
        for l in range(L):
            dW, db = means[l]
            gW, gb = grads_i[l]
            means[l] = (dW + (gW - dW) / (i + 1), db + (gb - db) / (i + 1))
    grads = {}
    for l in range(1, L + 1):
        grads[f"W{l}"], grads[f"b{l}"] = means[l - 1]
    return float(loss), grads


def dag_forward_backward(x0, W1, W2, W3):
    """x3 and its gradients; the paths through x2 are accumulated one unit of x2 at a time."""
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
    dW2 = np.zeros(W2.shape)
    dx0 = np.zeros(d0)
    dx1 = W3[:d1].copy()                     # the direct path x1 -> x3
    for k in range(W2.shape[0]):
        ds2_k = W3[d1 + k] * (1.0 - x2[k] ** 2)
        dW2[k] = ds2_k * z2
        dx0 += ds2_k * W2[k, :d0]
        dx1 += ds2_k * W2[k, d0:]
    ds1 = dx1 * (1.0 - x1**2)
    dx0 += W1.T @ ds1
    return x3, {"W1": np.outer(ds1, x0), "W2": dW2, "W3": z3, "x0": dx0}


def chain_rule_example(x):
    """e^{sin(x^2)} and its derivative, with a running product of the local derivatives."""
    x = float(x)
    derivative = 1.0
    u = x * x
    derivative *= 2.0 * x
    v = math.sin(u)
    derivative *= math.cos(u)
    f = math.exp(v)
    derivative *= f
    return f, derivative
