"""The bias-corrected first moment is read from the table of PREVIOUS moments instead of the new ones.

The step uses the old m (zero at t = 1, so the first step does not move w) with the new v; the
returned m and v are right.

Graded: adam_step; written from correct_tables.py.
"""

import numpy as np

# central differences: g = sum(weight * f(x + shift*h)) / h
STENCIL = ((1.0, 0.5), (-1.0, -0.5))


def numerical_gradient(f, x, h=1e-5):
    """Central-difference gradient of f at x; x is left unchanged."""
    point = np.array(x, dtype=np.float64)
    g = np.zeros_like(point)
    for i in np.ndindex(point.shape):
        old = point[i]
        total = 0.0
        for shift, weight in STENCIL:
            point[i] = old + shift * h
            total += weight * float(f(point))
        point[i] = old
        g[i] = total / h
    return g


def squared_loss_grad(w, X, y):
    """(1/n) X^T (Xw - y), the gradient of (1/2n)||Xw - y||^2."""
    X = np.asarray(X, dtype=np.float64)
    residual = X @ np.asarray(w, dtype=np.float64) - np.asarray(y, dtype=np.float64)
    return X.T @ residual / X.shape[0]


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    """Mini-batch SGD on least squares, one permutation per epoch; returns (w, batches)."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    n = X.shape[0]
    bounds = [(start, min(start + batch_size, n)) for start in range(0, n, batch_size)]
    rng = np.random.default_rng(seed)
    batches = []
    for _ in range(epochs):
        perm = rng.permutation(n)
        for start, stop in bounds:
            idx = perm[start:stop]
            w = w - lr * squared_loss_grad(w, X[idx], y[idx])
            batches.append(idx)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    """v <- mu v + g; w <- w - lr v."""
    v = mu * np.asarray(v, dtype=np.float64) + np.asarray(g, dtype=np.float64)
    return np.asarray(w, dtype=np.float64) - lr * v, v


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    """One Adam step with bias correction (torch.optim.Adam); returns (w, m, v)."""
    g = np.asarray(g, dtype=np.float64)
    coefficients = {"m": (beta1, 1.0 - beta1), "v": (beta2, 1.0 - beta2)}
    sources = {"m": g, "v": g * g}
    previous = {"m": np.asarray(m, dtype=np.float64), "v": np.asarray(v, dtype=np.float64)}
    corrections = {"m": 1.0 - beta1**t, "v": 1.0 - beta2**t}
    new = {}
    for key, (keep, mix) in coefficients.items():
        new[key] = keep * previous[key] + mix * sources[key]
    m_hat = previous["m"] / corrections["m"]
    v_hat = new["v"] / corrections["v"]
    w = np.asarray(w, dtype=np.float64) - lr * m_hat / (np.sqrt(v_hat) + eps)
    return w, new["m"], new["v"]
