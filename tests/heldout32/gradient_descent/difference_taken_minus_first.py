"""The central difference subtracts the values looked up as "plus" from "minus" (f(x - h) - f(x + h)).

The numerical gradient has the opposite sign on every entry.

Single mistake in numerical_gradient; written from correct_reflection.
"""

import operator

import numpy as np

_SIDES = {"plus": 1.0, "minus": -1.0}
_NAMES = {"transpose": "T", "shuffle": "permutation"}


def numerical_gradient(f, x, h=1e-5):
    """Central differences, the two sides looked up by name."""
    x = np.array(x, dtype=np.float64)
    g = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        values = {}
        for side, sign in _SIDES.items():
            x[i] = old + sign * h
            values[side] = float(f(x))
        x[i] = old
        g[i] = operator.sub(values["minus"], values["plus"]) / (2 * h)
    return g


def squared_loss_grad(w, X, y):
    """(1/n) X^T (Xw - y), with w's shape."""
    X = np.asarray(X, dtype=np.float64)
    residual = X @ np.asarray(w, dtype=np.float64) - np.asarray(y, dtype=np.float64)
    return getattr(X, _NAMES["transpose"]) @ residual / X.shape[0]


def _sgd_step(w, X, y, lr):
    return w - lr * globals()["squared_loss_grad"](w, X, y)


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    """Mini-batch SGD; the step and the shuffle are found by name."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    n = X.shape[0]
    shuffle = getattr(np.random.default_rng(seed), _NAMES["shuffle"])
    step = globals()["_sgd_step"]
    batches = []
    for _ in range(epochs):
        perm = shuffle(n)
        for start in range(0, n, batch_size):
            b = perm[start:start + batch_size]
            w = step(w, X[b], y[b], lr)
            batches.append(b)
    return w, batches


_MOMENTUM = {
    "v": lambda s: s["mu"] * s["v"] + s["g"],
    "w": lambda s: s["w"] - s["lr"] * s["v"],
}


def momentum_step(w, g, v, lr, mu):
    """v <- mu v + g, then w <- w - lr v, each update looked up by the name it writes."""
    state = {"w": np.asarray(w, dtype=np.float64), "g": np.asarray(g, dtype=np.float64),
             "v": np.asarray(v, dtype=np.float64), "lr": lr, "mu": mu}
    for name in ("v", "w"):
        state[name] = _MOMENTUM[name](state)
    return state["w"], state["v"]


_MOMENTS = {
    "m": ("beta1", lambda g: g),
    "v": ("beta2", lambda g: g * g),
}


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    """One Adam step, the two moments updated and corrected by name."""
    g = np.asarray(g, dtype=np.float64)
    betas = {"beta1": beta1, "beta2": beta2}
    old = {"m": np.asarray(m, dtype=np.float64), "v": np.asarray(v, dtype=np.float64)}
    new, hat = {}, {}
    for name, (beta_name, power) in _MOMENTS.items():
        beta = betas[beta_name]
        new[name] = beta * old[name] + (1 - beta) * power(g)
        hat[name] = new[name] / (1 - beta**t)
    w = np.asarray(w, dtype=np.float64) - lr * hat["m"] / (np.sqrt(hat["v"]) + eps)
    return w, new["m"], new["v"]
