"""The new velocity is assigned to a Greek ν (nu), not to the Latin v that is used and returned.

ν = μ·v + g looks like v = μ·v + g, but Python keeps them as two names: the step uses the OLD
velocity, w ← w − η·v, and momentum_step returns the old velocity unchanged.

Single mistake in momentum_step; written from correct_greek.
"""

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    """∂f/∂x_i ≈ (f(x + h·e_i) - f(x - h·e_i)) / 2h for every entry i."""
    x = np.asarray(x, dtype=np.float64)
    g = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        e_i = np.zeros_like(x)
        e_i[i] = 1.0
        g[i] = (float(f(x + h * e_i)) - float(f(x - h * e_i))) / (2 * h)
    return g


def squared_loss_grad(w, X, y):
    """∇L(w) = (1/n)·Xᵀ(Xw - y)."""
    X = np.asarray(X, dtype=np.float64)
    n = X.shape[0]
    r = X @ np.asarray(w, dtype=np.float64) - np.asarray(y, dtype=np.float64)
    return (1 / n) * (X.T @ r)


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    """w ← w - η·∇L_B(w) for the batches B of a fresh permutation every epoch."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    η = lr
    n = X.shape[0]
    rng = np.random.default_rng(seed)
    batches = []
    for _ in range(epochs):
        π = rng.permutation(n)
        for k in range(0, n, batch_size):
            B = π[k:k + batch_size]
            w = w - η * squared_loss_grad(w, X[B], y[B])
            batches.append(B)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    """v ← μ·v + g;  w ← w - η·v."""
    η, μ = lr, mu
    ν = μ * np.asarray(v, dtype=np.float64) + np.asarray(g, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64) - η * v
    return w, v


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    """m ← β1·m + (1 - β1)·g;  v ← β2·v + (1 - β2)·g²;  m̂ = m/(1 - β1ᵗ);  v̂ = v/(1 - β2ᵗ);
    w ← w - η·m̂/(√v̂ + ε)."""
    η, β1, β2, ε = lr, beta1, beta2, eps
    g = np.asarray(g, dtype=np.float64)
    m = β1 * np.asarray(m, dtype=np.float64) + (1 - β1) * g
    v = β2 * np.asarray(v, dtype=np.float64) + (1 - β2) * g**2
    m̂ = m / (1 - β1**t)
    v̂ = v / (1 - β2**t)
    w = np.asarray(w, dtype=np.float64) - η * m̂ / (np.sqrt(v̂) + ε)
    return w, m, v
