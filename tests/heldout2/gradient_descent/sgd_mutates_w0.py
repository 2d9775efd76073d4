"""minibatch_sgd: Updates the start vector in place (w = np.asarray(w0); w -= ...): the caller's w0
is modified.

Held-out batch 2 (H4): correct_torch.py with this one mistake.
"""

import numpy as np
import torch


def numerical_gradient(f, x, h=1e-5):
    g = np.zeros_like(x, dtype=float)
    for idx in np.ndindex(*x.shape):
        original = float(x[idx])
        x[idx] = original + h
        fp = float(f(x))
        x[idx] = original - h
        fm = float(f(x))
        x[idx] = original
        g[idx] = (fp - fm) / (2 * h)
    return g


def squared_loss_grad(w, X, y):
    wt = torch.tensor(np.asarray(w, dtype=float), requires_grad=True)
    Xt = torch.as_tensor(np.asarray(X, dtype=float))
    yt = torch.as_tensor(np.asarray(y, dtype=float))
    loss = ((Xt @ wt - yt) ** 2).sum() / (2 * Xt.shape[0])
    loss.backward()
    return wt.grad.numpy()


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    rng = np.random.default_rng(seed)
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    w = np.asarray(w0, dtype=float)
    n = len(X)
    batches = []
    for _ in range(epochs):
        perm = rng.permutation(n)
        for part in np.array_split(perm, range(batch_size, n, batch_size)):
            w -= lr * squared_loss_grad(w, X[part], y[part])
            batches.append(part)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    wt = torch.as_tensor(np.asarray(w, dtype=float)).clone()
    buf = torch.as_tensor(np.asarray(v, dtype=float)).clone()
    buf.mul_(mu).add_(torch.as_tensor(np.asarray(g, dtype=float)))
    wt.add_(buf, alpha=-lr)
    return wt.numpy(), buf.numpy()


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    gt = torch.as_tensor(np.asarray(g, dtype=float))
    m2 = torch.as_tensor(np.asarray(m, dtype=float)) * beta1 + (1 - beta1) * gt
    v2 = torch.as_tensor(np.asarray(v, dtype=float)) * beta2 + (1 - beta2) * gt * gt
    denom = (v2 / (1 - beta2**t)).sqrt() + eps
    w2 = torch.as_tensor(np.asarray(w, dtype=float)) - lr * (m2 / (1 - beta1**t)) / denom
    return w2.numpy(), m2.numpy(), v2.numpy()
