"""Each step is divided by the batch size again (lr / len(b)), although squared_loss_grad already
averages over the batch: the steps are B times too small (right only for batch_size = 1).

Edited from correct_torch.py.
"""

import numpy as np
import torch


def _t(a):
    return torch.tensor(np.asarray(a, dtype=np.float64))


def numerical_gradient(f, x, h=1e-5):
    base = np.array(x, dtype=np.float64)
    g = np.zeros_like(base)
    for idx in np.ndindex(base.shape):
        step = np.zeros_like(base)
        step[idx] = h
        g[idx] = (float(f(base + step)) - float(f(base - step))) / (2 * h)
    return g


def squared_loss_grad(w, X, y):
    Xt = _t(X)
    r = Xt @ _t(w) - _t(y)
    return (Xt.T @ r / Xt.shape[0]).numpy()


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    Xn, yn = np.asarray(X, dtype=np.float64), np.asarray(y, dtype=np.float64)
    w = _t(w0).clone()
    n = Xn.shape[0]
    rng = np.random.default_rng(seed)
    batches = []
    for _ in range(epochs):
        perm = rng.permutation(n)
        for chunk in np.array_split(perm, range(batch_size, n, batch_size)):
            w = w - lr / len(chunk) * _t(squared_loss_grad(w.numpy(), Xn[chunk], yn[chunk]))
            batches.append(chunk)
    return w.numpy(), batches


def momentum_step(w, g, v, lr, mu):
    v_new = mu * _t(v) + _t(g)
    return (_t(w) - lr * v_new).numpy(), v_new.numpy()


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    gt = _t(g)
    m_new = beta1 * _t(m) + (1 - beta1) * gt
    v_new = beta2 * _t(v) + (1 - beta2) * gt * gt
    m_hat = m_new / (1 - beta1**t)
    v_hat = v_new / (1 - beta2**t)
    w_new = _t(w) - lr * m_hat / (v_hat.sqrt() + eps)
    return w_new.numpy(), m_new.numpy(), v_new.numpy()
