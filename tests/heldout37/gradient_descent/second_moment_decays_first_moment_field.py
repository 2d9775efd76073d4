"""The second-moment update reads state["m"] for its decay term: v = beta2 * m + (1 - beta2) g^2.

A copy-paste slip from the line above: the new v is built from the new first moment instead of the old v.

Mistake in adam_step (written from correct_structured.py).
"""

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    """Central differences, the two evaluations of each entry kept in a (plus, minus) record."""
    x = np.array(x, dtype=np.float64)
    evals = np.zeros(x.shape, dtype=[("plus", np.float64), ("minus", np.float64)])
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        evals["plus"][i] = float(f(x))
        x[i] = old - h
        evals["minus"][i] = float(f(x))
        x[i] = old
    return (evals["plus"] - evals["minus"]) / (2 * h)


def _samples(X, y):
    """The data as records with the fields x (a row of X) and label (y's entry or row)."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    sample = np.dtype([("x", np.float64, X.shape[1:]), ("label", np.float64, y.shape[1:])])
    data = np.zeros(X.shape[0], dtype=sample)
    data["x"] = X
    data["label"] = y
    return data


def _grad(w, data):
    residual = data["x"] @ w - data["label"]
    return data["x"].T @ residual / data.shape[0]


def squared_loss_grad(w, X, y):
    """(1/n) X^T (X w - y), read from the records."""
    return _grad(np.asarray(w, dtype=np.float64), _samples(X, y))


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    """Mini-batch SGD over the records: one permutation per epoch, consecutive batches."""
    data = _samples(X, y)
    w = np.array(w0, dtype=np.float64)
    n = data.shape[0]
    rng = np.random.default_rng(seed)
    batches = []
    for _ in range(epochs):
        perm = rng.permutation(n)
        for start in range(0, n, batch_size):
            idx = perm[start:start + batch_size]
            w = w - lr * _grad(w, data[idx])
            batches.append(idx)
    return w, batches


def _state(fields, *values):
    """A 0-d record with one field per name, each of the shape of the first value."""
    arrays = [np.asarray(value, dtype=np.float64) for value in values]
    state = np.zeros((), dtype=[(name, np.float64, arrays[0].shape) for name in fields])
    for name, array in zip(fields, arrays, strict=True):
        state[name] = array
    return state


def momentum_step(w, g, v, lr, mu):
    """v = mu v + g; w = w - lr v on a (w, v) state record (torch.optim.SGD)."""
    state = _state(("w", "v"), w, v)
    state["v"] = mu * state["v"] + np.asarray(g, dtype=np.float64)
    state["w"] = state["w"] - lr * state["v"]
    return state["w"].copy(), state["v"].copy()


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    """One Adam step with bias correction on a (w, m, v) state record (torch.optim.Adam)."""
    g = np.asarray(g, dtype=np.float64)
    state = _state(("w", "m", "v"), w, m, v)
    state["m"] = beta1 * state["m"] + (1 - beta1) * g
    state["v"] = beta2 * state["m"] + (1 - beta2) * g * g
    m_hat = state["m"] / (1 - beta1 ** t)
    v_hat = state["v"] / (1 - beta2 ** t)
    state["w"] = state["w"] - lr * m_hat / (np.sqrt(v_hat) + eps)
    return state["w"].copy(), state["m"].copy(), state["v"].copy()
