"""A correct solution in another style: torch tensors in and out, changes as a numpy array."""

import numpy as np
import torch


def add_bias(X):
    X = torch.as_tensor(np.asarray(X, dtype=np.float64))
    return torch.cat([X, torch.ones(X.shape[0], 1, dtype=X.dtype)], dim=1)


def train_perceptron(X, y, w, epochs):
    X = torch.as_tensor(np.asarray(X, dtype=np.float64))
    y = torch.as_tensor(np.asarray(y, dtype=np.float64))
    w = torch.as_tensor(np.asarray(w, dtype=np.float64)).clone()
    if X.ndim != 2 or y.shape != (X.shape[0],) or w.shape != (X.shape[1],):
        raise ValueError("shapes of X, y and w disagree")
    if not bool(torch.all(y.abs() == 1)):
        raise ValueError("labels must be -1 or +1")
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
    return w, np.array(changes)


def predict(w, X):
    s = torch.as_tensor(np.asarray(X, dtype=np.float64)) @ torch.as_tensor(
        np.asarray(w, dtype=np.float64))
    return torch.where(s > 0, 1, -1)


def novikoff_bound(X, y, w_star):
    X = torch.as_tensor(np.asarray(X, dtype=np.float64))
    y = torch.as_tensor(np.asarray(y, dtype=np.float64))
    w = torch.as_tensor(np.asarray(w_star, dtype=np.float64))
    gamma = torch.min(y * (X @ w)) / torch.linalg.norm(w)
    if not bool(gamma > 0):
        raise ValueError("w_star does not separate the data")
    R = torch.max(torch.linalg.norm(X, dim=1))
    return (R / gamma) ** 2


def xor_features(X):
    X = torch.as_tensor(np.asarray(X, dtype=np.float64))
    return torch.stack([X[:, 0], X[:, 1], X[:, 0] * X[:, 1]], dim=1)


def two_gaussians(n_per_class, seed):
    from reference.perceptron import two_gaussians as provided

    return provided(n_per_class, seed)
