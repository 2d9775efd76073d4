"""momentum_step keeps the velocity with the opposite sign (v <- mu v - g; w <- w + lr v): w is
right but the returned v is the negative of torch's.

One edit of correct_torch.py (held-out batch 4).
"""

import numpy as np
import torch


def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=np.float64)
    g = np.zeros_like(x)
    for i in np.ndindex(*x.shape):
        keep = x[i]
        x[i] = keep + h
        plus = float(f(x))
        x[i] = keep - h
        minus = float(f(x))
        x[i] = keep
        g[i] = (plus - minus) / (2 * h)
    return g


def squared_loss_grad(w, X, y):
    wt = torch.tensor(np.asarray(w, dtype=np.float64), requires_grad=True)
    Xt = torch.as_tensor(np.asarray(X, dtype=np.float64))
    yt = torch.as_tensor(np.asarray(y, dtype=np.float64))
    loss = ((Xt @ wt - yt) ** 2).sum() / (2 * Xt.shape[0])
    loss.backward()
    return wt.grad.detach()


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    rng = np.random.default_rng(seed)
    n = np.asarray(X).shape[0]
    w = torch.tensor(np.asarray(w0, dtype=np.float64))
    batches = []
    for _ in range(epochs):
        perm = rng.permutation(n)
        for s in range(0, n, batch_size):
            b = perm[s:s + batch_size]
            w = w - lr * squared_loss_grad(w.numpy(), np.asarray(X)[b], np.asarray(y)[b])
            batches.append(b)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    w = torch.as_tensor(np.asarray(w, dtype=np.float64))
    g = torch.as_tensor(np.asarray(g, dtype=np.float64))
    v = torch.as_tensor(np.asarray(v, dtype=np.float64))
    v = mu * v - g
    return w + lr * v, v


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    w = torch.as_tensor(np.asarray(w, dtype=np.float64))
    g = torch.as_tensor(np.asarray(g, dtype=np.float64))
    m = beta1 * torch.as_tensor(np.asarray(m, dtype=np.float64)) + (1 - beta1) * g
    v = beta2 * torch.as_tensor(np.asarray(v, dtype=np.float64)) + (1 - beta2) * g * g
    m_hat = m / (1 - beta1 ** t)
    v_hat = v / (1 - beta2 ** t)
    return w - lr * m_hat / (v_hat.sqrt() + eps), m, v
