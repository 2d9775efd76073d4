"""(defensive) The check on y demands a 1-D vector: the column-vector form the contract allows (w
(d, 1) with y (n, 1)) is rejected with ValueError; 1-D w and y are right.

One mistake in `squared_loss_grad`, written from correct_defensive.py.
"""

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    if not h > 0:
        raise ValueError(f"the step h must be positive, got {h!r}")
    x = np.array(x, dtype=np.float64)                    # a private copy
    g = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        original = x[idx]
        x[idx] = original + h
        f_plus = float(f(x))
        x[idx] = original - h
        f_minus = float(f(x))
        x[idx] = original
        assert x[idx] == original, "the entry was not restored"
        g[idx] = (f_plus - f_minus) / (2 * h)
    return g


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be a 2-D array (n, d), got shape {X.shape}")
    if y.ndim != 1:
        raise ValueError(f"y must be (n,) or (n, 1), got {y.shape}")
    n = X.shape[0]
    residuals = X @ w - y
    if residuals.shape != y.shape:
        raise ValueError(f"w {w.shape} and y {y.shape} do not fit together")
    grad = X.T @ residuals / n
    assert np.all(np.isfinite(grad)), "the gradient is not finite"
    assert grad.shape == w.shape
    return grad


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    w = np.array(w0, dtype=np.float64)                   # w0 is left alone
    n = X.shape[0]
    rng = np.random.default_rng(seed)
    batches = []
    for _epoch in range(epochs):
        perm = rng.permutation(n)
        for start in range(0, n, batch_size):
            idx = perm[start:start + batch_size]
            assert 1 <= len(idx) <= batch_size
            w = w - lr * squared_loss_grad(w, X[idx], y[idx])
            batches.append(idx)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    w = np.asarray(w, dtype=np.float64)
    g = np.asarray(g, dtype=np.float64)
    v = np.asarray(v, dtype=np.float64)
    if w.shape != g.shape or v.shape != g.shape:
        raise ValueError(f"w {w.shape}, g {g.shape} and v {v.shape} must have the same shape")
    v_new = mu * v + g
    w_new = w - lr * v_new
    return w_new, v_new


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    if t < 1:
        raise ValueError(f"t counts the steps from 1, got {t}")
    w = np.asarray(w, dtype=np.float64)
    g = np.asarray(g, dtype=np.float64)
    m_new = beta1 * np.asarray(m, dtype=np.float64) + (1 - beta1) * g
    v_new = beta2 * np.asarray(v, dtype=np.float64) + (1 - beta2) * g * g
    bias1 = 1 - beta1**t
    bias2 = 1 - beta2**t
    assert bias1 > 0 and bias2 > 0
    m_hat = m_new / bias1
    v_hat = v_new / bias2
    w_new = w - lr * m_hat / (np.sqrt(v_hat) + eps)
    return w_new, m_new, v_new
