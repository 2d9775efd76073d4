"""The number of batches is computed with true division, (n + B - 1) / B, a float.

range(K) of a float raises TypeError, so minibatch_sgd fails for every call with at least one
epoch.

Graded: minibatch_sgd (written from correct_textbook.py).
"""

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    """g_i = (f(x + h e_i) - f(x - h e_i)) / (2h) for every entry i of x."""
    x = np.asarray(x, dtype=np.float64)
    g = np.zeros(x.shape)
    for i in np.ndindex(x.shape):
        # e_i: the unit array at entry i
        e_i = np.zeros(x.shape)
        e_i[i] = 1.0
        f_plus = float(f(x + h * e_i))
        f_minus = float(f(x - h * e_i))
        g[i] = (f_plus - f_minus) / (2 * h)
    return g


def squared_loss_grad(w, X, y):
    """grad L(w) = (1/n) X^T (X w - y) for L(w) = (1/2n) ||X w - y||^2."""
    X = np.asarray(X, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = X.shape[0]
    # r = X w - y
    r = X @ w - y
    # g = (1/n) X^T r
    g = (X.T @ r) / n
    return g


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    """Each epoch: pi = permutation(n), B_k = pi[kB:(k+1)B], w <- w - eta grad L_{B_k}(w)."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    n = X.shape[0]
    B = batch_size
    eta = lr
    rng = np.random.default_rng(seed)
    batches = []
    # K = ceil(n / B) batches per epoch
    K = (n + B - 1) / B
    for _epoch in range(epochs):
        pi = rng.permutation(n)
        for k in range(K):
            B_k = pi[k * B:(k + 1) * B]
            # w <- w - eta grad L_{B_k}(w)
            w = w - eta * squared_loss_grad(w, X[B_k], y[B_k])
            batches.append(B_k)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    """v_t = mu v_{t-1} + g_t;  w_t = w_{t-1} - eta v_t."""
    g_t = np.asarray(g, dtype=np.float64)
    v_prev = np.asarray(v, dtype=np.float64)
    w_prev = np.asarray(w, dtype=np.float64)
    eta = lr
    v_t = mu * v_prev + g_t
    w_t = w_prev - eta * v_t
    return w_t, v_t


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    """m_t, v_t, their bias corrections m_hat, v_hat and w_t = w_{t-1} - eta m_hat/(sqrt(v_hat) + eps)."""
    g_t = np.asarray(g, dtype=np.float64)
    m_prev = np.asarray(m, dtype=np.float64)
    v_prev = np.asarray(v, dtype=np.float64)
    w_prev = np.asarray(w, dtype=np.float64)
    eta = lr
    # m_t = beta1 m_{t-1} + (1 - beta1) g_t
    m_t = beta1 * m_prev + (1 - beta1) * g_t
    # v_t = beta2 v_{t-1} + (1 - beta2) g_t^2
    v_t = beta2 * v_prev + (1 - beta2) * g_t**2
    # m_hat = m_t / (1 - beta1^t)
    m_hat = m_t / (1 - beta1**t)
    # v_hat = v_t / (1 - beta2^t)
    v_hat = v_t / (1 - beta2**t)
    # w_t = w_{t-1} - eta m_hat / (sqrt(v_hat) + eps)
    w_t = w_prev - eta * m_hat / (np.sqrt(v_hat) + eps)
    return w_t, m_t, v_t
