"""Numerical gradients and GD variants with in-place numpy: central differences perturb a flat
view of a private copy of x with += and -=, the gradient is computed into buffers with out= and
/=, minibatch SGD copies each permutation into one preallocated index buffer (np.copyto) and
records copies of its slices, and the optimisers update private copies of their state with
*= and +=.

Correct solution (style: inplace).
"""

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    xx = np.array(x, dtype=np.float64)
    g = np.empty_like(xx)
    flat = xx.reshape(-1)
    g_flat = g.reshape(-1)
    for i in range(flat.size):
        old = flat[i]
        flat[i] += h
        f_plus = float(f(xx))
        flat[i] = old - h
        f_minus = float(f(xx))
        flat[i] = old
        g_flat[i] = f_plus - f_minus
    g /= 2 * h
    return g


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    r = X @ np.asarray(w, dtype=np.float64)
    np.subtract(r, y, out=r)
    g = X.T @ r
    g /= X.shape[0]
    return g


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    n = X.shape[0]
    rng = np.random.default_rng(seed)
    perm = np.empty(n, dtype=np.intp)
    batches = []
    for _ in range(epochs):
        np.copyto(perm, rng.permutation(n))
        for start in range(0, n, batch_size):
            b = perm[start : start + batch_size].copy()
            w -= lr * squared_loss_grad(w, X[b], y[b])
            batches.append(b)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    v_new = np.array(v, dtype=np.float64)
    v_new *= mu
    v_new += g
    w_new = np.array(w, dtype=np.float64)
    w_new -= lr * v_new
    return w_new, v_new


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.asarray(g, dtype=np.float64)
    g2 = np.multiply(g, g)
    m_new = np.array(m, dtype=np.float64)
    m_new *= beta1
    m_new += (1 - beta1) * g
    v_new = np.array(v, dtype=np.float64)
    v_new *= beta2
    v_new += (1 - beta2) * g2
    denom = np.sqrt(v_new / (1 - beta2**t))
    denom += eps
    w_new = np.array(w, dtype=np.float64)
    w_new -= lr * (m_new / (1 - beta1**t)) / denom
    return w_new, m_new, v_new
