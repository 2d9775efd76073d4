"""The class loop skips j == yi with the 1-based class j instead of j - 1 == yi.

The true class y_i is not skipped (it adds a margin of 1 per sample to the loss) and the class y_i + 1 is skipped instead, so the loss and dW are wrong.

Mistake in hinge_loss (written from correct_matlab.py).
"""

import numpy as np


def softmax(Z):
    """Row-wise softmax, each row shifted by its own maximum."""
    Z = np.asarray(Z, dtype=np.float64)
    Z2 = Z.reshape(1, -1) if Z.ndim == 1 else Z
    rows = Z2.shape[0]
    P = np.zeros(Z2.shape)
    for i in range(1, rows + 1):
        z = Z2[i - 1, :]
        e = np.exp(z - np.max(z))
        P[i - 1, :] = np.divide(e, np.sum(e))
    return P.reshape(Z.shape)


def softmax_jacobian(p):
    """diag(p) - p p' for one probability vector p."""
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError("p must be a vector")
    pc = p.reshape(-1, 1)
    return np.diag(p) - pc @ pc.T


def _check(W, X, y):
    W = np.asarray(W, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if W.ndim != 2 or X.ndim != 2 or y.ndim != 1:
        raise ValueError("expected W (D, C), X (N, D), y (N,)")
    if X.shape[1] != W.shape[0] or X.shape[0] != y.shape[0]:
        raise ValueError("shapes of W, X and y disagree")
    if y.shape[0] > 0 and (y.dtype.kind not in "iu" or np.min(y) < 0 or np.max(y) >= W.shape[1]):
        raise ValueError("labels must be integers in 0..C-1")
    return W, X, y


def hinge_loss(W, X, y, reg):
    """Multiclass SVM loss and gradient, one sample and one class at a time."""
    W, X, y = _check(W, X, y)
    N = X.shape[0]
    C = W.shape[1]
    loss = 0.0
    dW = np.zeros(W.shape)
    for i in range(1, N + 1):
        xi = X[i - 1, :]
        s = xi @ W
        yi = int(y[i - 1])
        for j in range(1, C + 1):
            if j == yi:
                continue
            margin = s[j - 1] - s[yi] + 1
            if margin > 0:
                loss = loss + margin
                dW[:, j - 1] = dW[:, j - 1] + xi.T
                dW[:, yi] = dW[:, yi] - xi.T
    loss = np.divide(loss, N) + reg * np.sum(np.multiply(W, W))
    dW = np.divide(dW, N) + 2 * reg * W
    return float(loss), dW


def softmax_loss(W, X, y, reg):
    """Mean cross-entropy of a linear classifier and its gradient, one sample at a time."""
    W, X, y = _check(W, X, y)
    N = X.shape[0]
    loss = 0.0
    dW = np.zeros(W.shape)
    for i in range(1, N + 1):
        xi = X[i - 1, :]
        s = xi @ W
        s = s - np.max(s)
        e = np.exp(s)
        p = np.divide(e, np.sum(e))
        yi = int(y[i - 1])
        loss = loss - (s[yi] - np.log(np.sum(e)))
        dscores = p.copy()
        dscores[yi] = dscores[yi] - 1
        dW = dW + xi.reshape(-1, 1) @ dscores.reshape(1, -1)
    loss = np.divide(loss, N) + reg * np.sum(np.multiply(W, W))
    dW = np.divide(dW, N) + 2 * reg * W
    return float(loss), dW


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def mlp_loss_and_grads(params, X, y):
    """Forward pass with a cell array of activations A{1} = X, ..., then the delta recursion."""
    L = 0
    while "W" + str(L + 1) in params:
        L = L + 1
    expected = set()
    for l in range(1, L + 1):
        expected.add("W" + str(l))
        expected.add("b" + str(l))
    if L == 0 or set(params) != expected:
        raise ValueError("params must hold W1, b1, ..., WL, bL")
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y).astype(int)
    N = X.shape[0]
    C = np.asarray(params["W" + str(L)]).shape[1]
    if y.ndim != 1 or y.shape[0] != N:
        raise ValueError("y must have one label per row of X")
    if N > 0 and (np.min(y) < 0 or np.max(y) >= C):
        raise ValueError("labels must be in 0..C-1")
    A = [None] * (L + 1)
    A[1 - 1] = X
    for l in range(1, L + 1):
        W = np.asarray(params["W" + str(l)], dtype=np.float64)
        b = np.asarray(params["b" + str(l)], dtype=np.float64)
        S = A[l - 1] @ W + b.reshape(1, -1)
        if l < L:
            A[l] = _sigmoid(S)
        else:
            A[l] = S
    scores = A[L]
    P = np.zeros(scores.shape)
    loss = 0.0
    for i in range(1, N + 1):
        s = scores[i - 1, :] - np.max(scores[i - 1, :])
        e = np.exp(s)
        P[i - 1, :] = np.divide(e, np.sum(e))
        loss = loss - (s[y[i - 1]] - np.log(np.sum(e)))
    loss = np.divide(loss, N)
    delta = P.copy()
    for i in range(1, N + 1):
        delta[i - 1, y[i - 1]] = delta[i - 1, y[i - 1]] - 1
    delta = np.divide(delta, N)
    grads = {}
    for l in range(L, 0, -1):
        W = np.asarray(params["W" + str(l)], dtype=np.float64)
        grads["W" + str(l)] = A[l - 1].T @ delta
        grads["b" + str(l)] = np.sum(delta, axis=0)
        if l > 1:
            delta = np.multiply(delta @ W.T, np.multiply(A[l - 1], 1 - A[l - 1]))
    return float(loss), grads


def dag_forward_backward(x0, W1, W2, W3):
    """The graph with column vectors: x1 = tanh(W1 x0), x2 = tanh(W2 [x0; x1]), x3 = W3' [x1; x2]."""
    x0 = np.asarray(x0, dtype=np.float64)
    W1 = np.asarray(W1, dtype=np.float64)
    W2 = np.asarray(W2, dtype=np.float64)
    W3 = np.asarray(W3, dtype=np.float64)
    d0 = x0.shape[0]
    d1 = W1.shape[0]
    if W1.ndim != 2 or W1.shape[1] != d0 or W2.ndim != 2 or W2.shape[1] != d0 + d1:
        raise ValueError("shapes of x0, W1 and W2 disagree")
    if W3.shape != (d1 + W2.shape[0],):
        raise ValueError("W3 has the wrong length")
    x0c = x0.reshape(-1, 1)
    x1 = np.tanh(W1 @ x0c)
    z2 = np.vstack((x0c, x1))
    x2 = np.tanh(W2 @ z2)
    z3 = np.vstack((x1, x2))
    w3c = W3.reshape(-1, 1)
    x3 = float((w3c.T @ z3)[0, 0])
    dW3 = z3.copy()
    dx1 = w3c[0:d1, :].copy()
    dx2 = w3c[d1:, :].copy()
    ds2 = np.multiply(dx2, 1 - np.multiply(x2, x2))
    dW2 = ds2 @ z2.T
    dz2 = W2.T @ ds2
    dx0 = dz2[0:d0, :]
    dx1 = dx1 + dz2[d0:, :]
    ds1 = np.multiply(dx1, 1 - np.multiply(x1, x1))
    dW1 = ds1 @ x0c.T
    dx0 = dx0 + W1.T @ ds1
    return x3, {"W1": dW1, "W2": dW2, "W3": dW3.reshape(-1), "x0": dx0.reshape(-1)}


def chain_rule_example(x):
    """f(x) = exp(sin(x^2)) and f'(x) = exp(sin(x^2)) cos(x^2) 2x."""
    x = np.asarray(x, dtype=np.float64)
    u = np.multiply(x, x)
    f = np.exp(np.sin(u))
    df = np.multiply(np.multiply(f, np.cos(u)), 2 * x)
    if np.ndim(f) == 0:
        return float(f), float(df)
    return f, df
