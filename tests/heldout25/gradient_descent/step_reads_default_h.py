"""The probe step is read from DEFAULTS["h"] while the quotient divides by the argument h.

x[i] = keep + DEFAULTS["h"] (and - DEFAULTS["h"]) instead of the argument h: with the default h
the result is right, but for any other h the difference quotient is scaled by 1e-5 / h.

One mistake in correct_config (style: config), in `numerical_gradient`.
"""

import numpy as np

DTYPE = np.float64
DEFAULTS = {"h": 1e-5, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "seed": 0}  # seed: notebooks
RNG_FACTORY = np.random.default_rng

UPDATES = {
    "velocity": lambda v, g, mu: mu * v + g,
    "first_moment": lambda m, g, beta1: beta1 * m + (1 - beta1) * g,
    "second_moment": lambda v, g, beta2: beta2 * v + (1 - beta2) * g * g,
    "correct": lambda a, beta, t: a / (1 - beta ** t),
}


def numerical_gradient(f, x, h=DEFAULTS["h"]):
    """Central differences, one entry at a time, on a private copy of x."""
    x = np.array(x, dtype=DTYPE)
    g = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        keep = x[i]
        x[i] = keep + DEFAULTS["h"]
        up = float(f(x))
        x[i] = keep - DEFAULTS["h"]
        down = float(f(x))
        x[i] = keep
        g[i] = (up - down) / (2 * h)
    return g


def squared_loss_grad(w, X, y):
    """(1/n)·Xᵀ(Xw − y)."""
    X = np.asarray(X, dtype=DTYPE)
    r = X @ np.asarray(w, dtype=DTYPE) - np.asarray(y, dtype=DTYPE)
    return X.T @ r / X.shape[0]


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    """One permutation per epoch, consecutive slices of batch_size, one step per slice."""
    X = np.asarray(X, dtype=DTYPE)
    y = np.asarray(y, dtype=DTYPE)
    w = np.array(w0, dtype=DTYPE)
    n = X.shape[0]
    rng = RNG_FACTORY(seed)
    batches = []
    for _ in range(epochs):
        order = rng.permutation(n)
        for start in range(0, n, batch_size):
            idx = order[start:start + batch_size]
            w = w - lr * squared_loss_grad(w, X[idx], y[idx])
            batches.append(idx)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    """v ← mu·v + g; w ← w − lr·v."""
    v = UPDATES["velocity"](np.asarray(v, dtype=DTYPE), np.asarray(g, dtype=DTYPE), mu)
    return np.asarray(w, dtype=DTYPE) - lr * v, v


def adam_step(w, g, m, v, t, lr, beta1=DEFAULTS["beta1"], beta2=DEFAULTS["beta2"],
              eps=DEFAULTS["eps"]):
    """Adam with bias correction (torch.optim.Adam)."""
    g = np.asarray(g, dtype=DTYPE)
    m = UPDATES["first_moment"](np.asarray(m, dtype=DTYPE), g, beta1)
    v = UPDATES["second_moment"](np.asarray(v, dtype=DTYPE), g, beta2)
    m_hat = UPDATES["correct"](m, beta1, t)
    v_hat = UPDATES["correct"](v, beta2, t)
    w = np.asarray(w, dtype=DTYPE) - lr * m_hat / (np.sqrt(v_hat) + eps)
    return w, m, v
