"""numerical_gradient returns the flat gradient of length x.size instead of reshaping it to the
shape of x, so a matrix x gets a 1-D gradient.

Edited from correct_torch.py.
"""

import torch


def _t(a):
    return torch.as_tensor(a, dtype=torch.float64)


def numerical_gradient(f, x, h=1e-5):
    base = torch.tensor(x, dtype=torch.float64).numpy().copy()
    flat = base.reshape(-1)
    grad = torch.zeros(flat.shape[0], dtype=torch.float64)
    for i in range(flat.shape[0]):
        keep = flat[i]
        flat[i] = keep + h
        fp = float(f(base))
        flat[i] = keep - h
        fm = float(f(base))
        flat[i] = keep
        grad[i] = (fp - fm) / (2 * h)
    return grad


def squared_loss_grad(w, X, y):
    w, X, y = _t(w), _t(X), _t(y)
    r = X @ w - y
    return X.T @ r / X.shape[0]


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    import numpy as np

    rng = np.random.default_rng(seed)
    X, y = _t(X), _t(y)
    w = _t(w0).clone()
    n = X.shape[0]
    batches = []
    for _ in range(epochs):
        perm = rng.permutation(n)
        for s in range(0, n, batch_size):
            b = perm[s:s + batch_size]
            bt = torch.as_tensor(b)
            w = w - lr * squared_loss_grad(w, X[bt], y[bt])
            batches.append(b)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    v = mu * _t(v) + _t(g)
    return _t(w) - lr * v, v


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    g = _t(g)
    m = beta1 * _t(m) + (1 - beta1) * g
    v = beta2 * _t(v) + (1 - beta2) * g * g
    step = lr * (m / (1 - beta1 ** t)) / (torch.sqrt(v / (1 - beta2 ** t)) + eps)
    return _t(w) - step, m, v
