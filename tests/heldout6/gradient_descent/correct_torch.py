"""Gradient descent assignment in torch float64; the loss gradient is written out by hand.

A correct solution (torch style).
"""

import numpy as np
import torch

F64 = torch.float64


def numerical_gradient(f, x, h=1e-5):
    base = np.array(x, dtype=np.float64)  # private copy
    g = np.zeros_like(base)
    it = np.nditer(base, flags=["multi_index"])
    for _ in it:
        idx = it.multi_index
        keep = base[idx]
        base[idx] = keep + h
        up = float(f(base))
        base[idx] = keep - h
        down = float(f(base))
        base[idx] = keep
        g[idx] = (up - down) / (2 * h)
    return g


def squared_loss_grad(w, X, y):
    X = torch.as_tensor(X, dtype=F64)
    w = torch.as_tensor(w, dtype=F64)
    y = torch.as_tensor(y, dtype=F64)
    r = X @ w - y
    return X.T @ r / X.shape[0]


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    rng = np.random.default_rng(seed)
    Xt = torch.as_tensor(X, dtype=F64)
    yt = torch.as_tensor(y, dtype=F64)
    w = torch.as_tensor(w0, dtype=F64).clone()
    n = Xt.shape[0]
    batches = []
    for _ in range(epochs):
        perm = rng.permutation(n)
        for b in np.array_split(perm, range(batch_size, n, batch_size)):
            bt = torch.as_tensor(b)
            w = w - lr * squared_loss_grad(w, Xt[bt], yt[bt])
            batches.append(b)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    v = mu * torch.as_tensor(v, dtype=F64) + torch.as_tensor(g, dtype=F64)
    return torch.as_tensor(w, dtype=F64) - lr * v, v


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    g = torch.as_tensor(g, dtype=F64)
    m = torch.lerp(torch.as_tensor(m, dtype=F64), g, 1 - beta1)
    v = beta2 * torch.as_tensor(v, dtype=F64) + (1 - beta2) * g * g
    step = lr / (1 - beta1 ** t)
    denom = (v.sqrt() / (1 - beta2 ** t) ** 0.5) + eps
    return torch.as_tensor(w, dtype=F64) - step * m / denom, m, v

