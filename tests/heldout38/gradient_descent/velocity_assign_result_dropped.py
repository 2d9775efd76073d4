"""momentum_step updates the velocity with state.assign(v=...) without keeping the DataFrame it returns.

DataFrame.assign returns a new frame, so the v column keeps the old velocity: w is stepped with
lr times the OLD v and the old v is returned as the new velocity.

Graded: momentum_step; written from correct_pandas.py.
"""

import numpy as np
import pandas as pd


def numerical_gradient(f, x, h=1e-5):
    """Central differences, one entry at a time, collected in a Series over the flat index."""
    point = np.array(x, dtype=np.float64)
    flat = point.reshape(-1)
    partials = pd.Series(0.0, index=range(flat.size))
    for i in range(flat.size):
        old = flat[i]
        flat[i] = old + h
        up = float(f(point))
        flat[i] = old - h
        down = float(f(point))
        flat[i] = old
        partials[i] = (up - down) / (2 * h)
    return partials.to_numpy(dtype=np.float64).reshape(point.shape)


def squared_loss_grad(w, X, y):
    """(1/n) X^T (Xw - y), one feature column at a time."""
    w = np.asarray(w, dtype=np.float64)
    features = pd.DataFrame(np.asarray(X, dtype=np.float64))
    residual = features.dot(w.reshape(-1)) - np.asarray(y, dtype=np.float64).reshape(-1)
    grad = pd.Series(
        {col: float((features[col] * residual).sum()) / len(features) for col in features.columns}
    )
    return grad.to_numpy(dtype=np.float64).reshape(w.shape)


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    """Rows of the samples DataFrame in permuted order, in consecutive slices."""
    samples = pd.DataFrame(np.asarray(X, dtype=np.float64))
    features = list(samples.columns)
    samples["target"] = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    rng = np.random.default_rng(seed)
    n = len(samples)
    batches = []
    for _ in range(epochs):
        perm = rng.permutation(n)
        for start in range(0, n, batch_size):
            idx = perm[start:start + batch_size]
            batch = samples.iloc[idx]
            w = w - lr * squared_loss_grad(w, batch[features].to_numpy(), batch["target"].to_numpy())
            batches.append(idx)
    return w, batches


def _state(**arrays):
    shape = np.shape(arrays["w"])
    frame = pd.DataFrame({k: np.asarray(a, dtype=np.float64).reshape(-1) for k, a in arrays.items()})
    return frame, shape


def momentum_step(w, g, v, lr, mu):
    """v <- mu v + g; w <- w - lr v, column by column of the state DataFrame."""
    state, shape = _state(w=w, g=g, v=v)
    state.assign(v=mu * state["v"] + state["g"])
    state["w"] = state["w"] - lr * state["v"]
    return state["w"].to_numpy().reshape(shape), state["v"].to_numpy().reshape(shape)


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    """Adam with bias correction, column by column of the state DataFrame."""
    state, shape = _state(w=w, g=g, m=m, v=v)
    state["m"] = beta1 * state["m"] + (1 - beta1) * state["g"]
    state["v"] = beta2 * state["v"] + (1 - beta2) * state["g"] ** 2
    state["m_hat"] = state["m"] / (1 - beta1 ** t)
    state["v_hat"] = state["v"] / (1 - beta2 ** t)
    state["w"] = state["w"] - lr * state["m_hat"] / (np.sqrt(state["v_hat"]) + eps)
    return (state["w"].to_numpy().reshape(shape), state["m"].to_numpy().reshape(shape),
            state["v"].to_numpy().reshape(shape))
