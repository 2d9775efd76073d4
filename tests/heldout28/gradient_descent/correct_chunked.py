"""Gradient descent written in chunks: the central differences run over the flat entries in
blocks of CHUNK, the least-squares gradient sums X_b^T r_b over blocks of ROWS rows, mini-batches
are the consecutive slices of the permutation, and the optimiser steps update the flattened
parameters CHUNK entries at a time into preallocated buffers.

Correct solution (style: chunked).
"""

import numpy as np

CHUNK = 4
ROWS = 4


def numerical_gradient(f, x, h=1e-5):
    """Central differences of f at x, CHUNK flat entries at a time; x is left unchanged."""
    x = np.array(x, dtype=np.float64)
    g = np.zeros_like(x)
    size = x.size
    for start in range(0, size, CHUNK):
        for flat in range(start, min(start + CHUNK, size)):
            i = np.unravel_index(flat, x.shape)
            old = x[i]
            x[i] = old + h
            f_plus = float(f(x))
            x[i] = old - h
            f_minus = float(f(x))
            x[i] = old
            g[i] = (f_plus - f_minus) / (2 * h)
    return g


def squared_loss_grad(w, X, y):
    """(1/n) X^T (Xw - y), summed over blocks of ROWS rows."""
    X = np.asarray(X, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = X.shape[0]
    parts = [np.zeros_like(X[:0].T @ (X[:0] @ w))]
    for start in range(0, n, ROWS):
        X_b = X[start:start + ROWS]
        parts.append(X_b.T @ (X_b @ w - y[start:start + ROWS]))
    return sum(parts) / n


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    """Mini-batch SGD on least squares over consecutive slices of each permutation."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    n = X.shape[0]
    rng = np.random.default_rng(seed)
    batches = []
    for _ in range(epochs):
        perm = rng.permutation(n)
        for start in range(0, n, batch_size):
            b = perm[start:start + batch_size]
            w = w - lr * squared_loss_grad(w, X[b], y[b])
            batches.append(b)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    """v <- mu v + g; w <- w - lr v, CHUNK entries at a time."""
    w = np.asarray(w, dtype=np.float64)
    shape = w.shape
    w_flat = w.ravel()
    g_flat = np.asarray(g, dtype=np.float64).ravel()
    v_flat = np.asarray(v, dtype=np.float64).ravel()
    w_new = np.empty_like(w_flat)
    v_new = np.empty_like(v_flat)
    for start in range(0, w_flat.size, CHUNK):
        stop = start + CHUNK
        v_new[start:stop] = mu * v_flat[start:stop] + g_flat[start:stop]
        w_new[start:stop] = w_flat[start:stop] - lr * v_new[start:stop]
    return w_new.reshape(shape), v_new.reshape(shape)


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    """One Adam step with bias correction, CHUNK entries at a time; returns (w, m, v)."""
    w = np.asarray(w, dtype=np.float64)
    shape = w.shape
    w_flat = w.ravel()
    g_flat = np.asarray(g, dtype=np.float64).ravel()
    m_flat = np.asarray(m, dtype=np.float64).ravel()
    v_flat = np.asarray(v, dtype=np.float64).ravel()
    w_new = np.empty_like(w_flat)
    m_new = np.empty_like(m_flat)
    v_new = np.empty_like(v_flat)
    for start in range(0, w_flat.size, CHUNK):
        stop = start + CHUNK
        g_b = g_flat[start:stop]
        m_new[start:stop] = beta1 * m_flat[start:stop] + (1 - beta1) * g_b
        v_new[start:stop] = beta2 * v_flat[start:stop] + (1 - beta2) * g_b * g_b
        m_hat = m_new[start:stop] / (1 - beta1 ** t)
        v_hat = v_new[start:stop] / (1 - beta2 ** t)
        w_new[start:stop] = w_flat[start:stop] - lr * m_hat / (np.sqrt(v_hat) + eps)
    return w_new.reshape(shape), m_new.reshape(shape), v_new.reshape(shape)
