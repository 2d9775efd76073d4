"""add_bias appends a column of ZEROS (torch.zeros where torch.ones is meant): the shape is right
but the bias input is 0, so the bias weight can never do anything.

Edited from correct_torch.py.
"""

import torch


def _t(a):
    return torch.as_tensor(a, dtype=torch.float64)


def add_bias(X):
    X = _t(X)
    if X.dim() != 2:
        raise ValueError(f"X must be 2-D (n, d), got {tuple(X.shape)}")
    ones = torch.zeros(X.shape[0], 1, dtype=torch.float64)
    return torch.cat([X, ones], dim=1)


def train_perceptron(X, y, w, epochs):
    X = _t(X)
    y = _t(y)
    if X.dim() != 2 or y.shape != (X.shape[0],):
        raise ValueError(f"X {tuple(X.shape)} and y {tuple(y.shape)} do not fit")
    if not bool(((y == 1) | (y == -1)).all()):
        raise ValueError("labels must be +1 or -1")
    w = _t(w).clone()
    if w.shape != (X.shape[1],):
        raise ValueError(f"w {tuple(w.shape)} does not fit X {tuple(X.shape)}")
    changes = []
    for _ in range(epochs):
        count = 0
        for i in range(X.shape[0]):
            if y[i] * torch.dot(w, X[i]) <= 0:
                w = w + y[i] * X[i]
                count += 1
        changes.append(count)
        if count == 0:
            break
    return w, changes


def predict(w, X):
    scores = _t(X) @ _t(w)
    return torch.where(scores > 0, 1, -1)


def novikoff_bound(X, y, w_star):
    X, y, w_star = _t(X), _t(y), _t(w_star)
    R = torch.linalg.vector_norm(X, dim=1).max()
    gamma = (y * (X @ w_star)).min() / torch.linalg.vector_norm(w_star)
    if not bool(gamma > 0):
        raise ValueError(f"w_star does not separate the data (margin {float(gamma):.3g})")
    return float((R / gamma) ** 2)


def xor_features(X):
    X = _t(X)
    return torch.stack([X[:, 0], X[:, 1], X[:, 0] * X[:, 1]], dim=1)
