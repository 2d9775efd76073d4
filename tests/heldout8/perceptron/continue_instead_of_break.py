"""`continue` where `break` is meant after a clean epoch: training never stops early, it runs all epochs and changes gets a 0 for every remaining one.

Graded function: train_perceptron. Edited from correct_torch64.py.
"""

import numpy as np
import torch


def _t(a):
    return torch.as_tensor(np.asarray(a, dtype=np.float64), dtype=torch.float64)


def add_bias(X):
    X = _t(X)
    return torch.cat([X, torch.ones(X.shape[0], 1, dtype=torch.float64)], dim=1).numpy()


def train_perceptron(X, y, w, epochs):
    X = _t(X)
    y = _t(y)
    if X.dim() != 2 or y.shape != (X.shape[0],):
        raise ValueError("X must be (n, d) and y (n,)")
    if not bool(((y == 1) | (y == -1)).all()):
        raise ValueError("labels must be +1 or -1")
    w = _t(w).clone()
    if w.shape != (X.shape[1],):
        raise ValueError("w must have shape (d,)")
    changes = []
    for _ in range(epochs):
        updates = 0
        for i in range(X.shape[0]):
            if y[i] * torch.dot(w, X[i]) <= 0:
                w = w + y[i] * X[i]
                updates += 1
        changes.append(updates)
        if updates == 0:
            continue
    return w.numpy(), changes


def predict(w, X):
    s = _t(X) @ _t(w)
    return torch.where(s > 0, 1, -1).numpy().astype(int)


def novikoff_bound(X, y, w_star):
    X, y, w_star = _t(X), _t(y), _t(w_star)
    nrm = torch.linalg.norm(w_star)
    if nrm == 0:
        raise ValueError("w_star is zero")
    R = torch.linalg.norm(X, dim=1).max()
    gamma = (y * (X @ w_star)).min() / nrm
    if gamma <= 0:
        raise ValueError("w_star does not separate the data")
    return float((R / gamma) ** 2)


def xor_features(X):
    X = _t(X)
    if X.dim() != 2 or X.shape[1] != 2:
        raise ValueError("X must be (n, 2)")
    return torch.cat([X, (X[:, 0] * X[:, 1]).unsqueeze(1)], dim=1).numpy()
