"""train_perceptron appends the bias column again (X = add_bias(X)) although the X it is given
already includes it: X gets d + 1 columns and the caller's w of shape (d,) is rejected with
ValueError.

Edited from correct_torch.py.
"""

import numpy as np
import torch


def _t(a):
    return torch.tensor(np.asarray(a, dtype=np.float64), dtype=torch.float64)


def add_bias(X):
    Xt = _t(X)
    if Xt.dim() != 2:
        raise ValueError(f"X must be (n, d), got shape {tuple(Xt.shape)}")
    return torch.cat([Xt, torch.ones(Xt.shape[0], 1, dtype=torch.float64)], dim=1).numpy()


def train_perceptron(X, y, w, epochs):
    Xt = _t(X)
    if Xt.dim() != 2:
        raise ValueError(f"X must be (n, d), got shape {tuple(Xt.shape)}")
    Xt = _t(add_bias(Xt.numpy()))
    n, d = Xt.shape
    yt = _t(y)
    if tuple(yt.shape) != (n,):
        raise ValueError(f"y must have shape ({n},), got {tuple(yt.shape)}")
    if not bool(((yt == 1) | (yt == -1)).all()):
        raise ValueError("labels must be -1 or +1")
    wt = _t(w).clone()
    if tuple(wt.shape) != (d,):
        raise ValueError(f"w must have shape ({d},), got {tuple(wt.shape)}")
    changes = []
    for _ in range(epochs):
        count = 0
        for i in range(n):
            if yt[i] * torch.dot(wt, Xt[i]) <= 0:
                wt = wt + yt[i] * Xt[i]
                count += 1
        changes.append(count)
        if count == 0:
            break
    return wt.numpy(), changes


def predict(w, X):
    scores = _t(X) @ _t(w)
    return torch.where(scores > 0, 1, -1).numpy().astype(int)


def novikoff_bound(X, y, w_star):
    Xt, yt, wt = _t(X), _t(y), _t(w_star)
    norm = torch.linalg.vector_norm(wt)
    if norm == 0:
        raise ValueError("w_star is zero")
    R = torch.linalg.vector_norm(Xt, dim=1).max()
    gamma = (yt * (Xt @ wt)).min() / norm
    if gamma <= 0:
        raise ValueError(f"w_star does not separate the data: margin {float(gamma):.3g}")
    return float((R / gamma) ** 2)


def xor_features(X):
    Xt = _t(X)
    if Xt.dim() != 2 or Xt.shape[1] != 2:
        raise ValueError(f"X must have shape (n, 2), got {tuple(Xt.shape)}")
    return torch.stack([Xt[:, 0], Xt[:, 1], Xt[:, 0] * Xt[:, 1]], dim=1).numpy()
