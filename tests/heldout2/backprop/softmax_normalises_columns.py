"""softmax: Normalises over the columns (sum over axis 0) instead of over each row.

Held-out batch 2 (H4): correct_numpy.py with this one mistake.
"""

import numpy as np


def softmax(Z):
    Z = np.asarray(Z, dtype=float)
    shifted = Z - Z.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=0, keepdims=True)


def softmax_jacobian(p):
    p = np.asarray(p, dtype=float)
    return np.diag(p) - np.outer(p, p)


def hinge_loss(W, X, y, reg):
    W = np.asarray(W, dtype=float)
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=int)
    N = X.shape[0]
    scores = X @ W
    correct = scores[np.arange(N), y][:, None]
    margins = np.maximum(0.0, scores - correct + 1.0)
    margins[np.arange(N), y] = 0.0
    loss = margins.sum() / N + reg * np.sum(W * W)
    indicator = (margins > 0).astype(float)
    indicator[np.arange(N), y] = -indicator.sum(axis=1)
    dW = X.T @ indicator / N + 2 * reg * W
    return float(loss), dW


def softmax_loss(W, X, y, reg):
    W = np.asarray(W, dtype=float)
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=int)
    N = X.shape[0]
    scores = X @ W
    scores = scores - scores.max(axis=1, keepdims=True)
    log_probs = scores - np.log(np.exp(scores).sum(axis=1, keepdims=True))
    loss = -log_probs[np.arange(N), y].mean() + reg * np.sum(W * W)
    dscores = np.exp(log_probs)
    dscores[np.arange(N), y] -= 1.0
    dW = X.T @ dscores / N + 2 * reg * W
    return float(loss), dW


def _sigmoid(s):
    return 0.5 * (1.0 + np.tanh(0.5 * s))


def mlp_loss_and_grads(params, X, y):
    L = len(params) // 2
    x = [np.asarray(X, dtype=float)]
    for layer in range(1, L + 1):
        s = x[-1] @ params[f"W{layer}"] + params[f"b{layer}"]
        x.append(_sigmoid(s) if layer < L else s)
    N = len(y)
    y = np.asarray(y, dtype=int)
    probs = softmax(x[-1])
    loss = -np.log(probs[np.arange(N), y]).mean()
    delta = probs.copy()
    delta[np.arange(N), y] -= 1.0
    delta /= N
    grads = {}
    for layer in range(L, 0, -1):
        grads[f"W{layer}"] = x[layer - 1].T @ delta
        grads[f"b{layer}"] = delta.sum(axis=0)
        if layer > 1:
            a = x[layer - 1]
            delta = (delta @ params[f"W{layer}"].T) * a * (1.0 - a)
    return float(loss), grads


def dag_forward_backward(x0, W1, W2, W3):
    x0 = np.asarray(x0, dtype=float)
    d1 = W1.shape[0]
    d0 = x0.shape[0]
    x1 = np.tanh(W1 @ x0)
    z = np.concatenate([x0, x1])
    x2 = np.tanh(W2 @ z)
    x3 = float(W3 @ np.concatenate([x1, x2]))
    gx1 = W3[:d1].copy()
    gx2 = W3[d1:]
    ga2 = gx2 * (1.0 - x2**2)
    dW2 = np.outer(ga2, z)
    gz = W2.T @ ga2
    gx0 = gz[:d0].copy()
    gx1 = gx1 + gz[d0:]
    ga1 = gx1 * (1.0 - x1**2)
    dW1 = np.outer(ga1, x0)
    gx0 = gx0 + W1.T @ ga1
    grads = {"W1": dW1, "W2": dW2, "W3": np.concatenate([x1, x2]), "x0": gx0}
    return x3, grads


def chain_rule_example(x):
    u = x * x
    v = np.sin(u)
    f = np.exp(v)
    return float(f), float(f * np.cos(u) * 2 * x)
