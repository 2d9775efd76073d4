"""The MomentumState record is built positionally as MomentumState(v, w) for fields (w, v).

The velocity is updated from the weights (v_new = mu*w + g) and the new weights start from the
old velocity (w_new = v - lr*v_new): both returned arrays are wrong.

Single mistake in momentum_step; written from correct_records.
"""

from typing import NamedTuple

import numpy as np


class Probe(NamedTuple):
    index: tuple
    f_plus: float
    f_minus: float


class Fit(NamedTuple):
    X: np.ndarray
    r: np.ndarray
    n: int


class Batch(NamedTuple):
    idx: np.ndarray
    X: np.ndarray
    y: np.ndarray


class Run(NamedTuple):
    w: np.ndarray
    batches: list


class MomentumState(NamedTuple):
    w: np.ndarray
    v: np.ndarray


class AdamState(NamedTuple):
    w: np.ndarray
    m: np.ndarray
    v: np.ndarray


class Corrected(NamedTuple):
    m_hat: np.ndarray
    v_hat: np.ndarray


def _probe(f, x, i, h):
    old = x[i]
    x[i] = old + h
    f_plus = float(f(x))
    x[i] = old - h
    f_minus = float(f(x))
    x[i] = old
    return Probe(index=i, f_plus=f_plus, f_minus=f_minus)


def numerical_gradient(f, x, h=1e-5):
    """Central differences of f at x, entry by entry; x is left unchanged."""
    x = np.array(x, dtype=np.float64)
    g = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        probe = _probe(f, x, i, h)
        g[probe.index] = (probe.f_plus - probe.f_minus) / (2 * h)
    return g


def _fit(w, X, y):
    X = np.asarray(X, dtype=np.float64)
    r = X @ np.asarray(w, dtype=np.float64) - np.asarray(y, dtype=np.float64)
    return Fit(X=X, r=r, n=X.shape[0])


def squared_loss_grad(w, X, y):
    """(1/n) X^T (Xw - y), with w's shape."""
    fit = _fit(w, X, y)
    return fit.X.T @ fit.r / fit.n


def _batches(perm, X, y, batch_size):
    for start in range(0, len(perm), batch_size):
        idx = perm[start:start + batch_size]
        yield Batch(idx=idx, X=X[idx], y=y[idx])


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    """Mini-batch SGD on least squares; returns (w, batches)."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    rng = np.random.default_rng(seed)
    run = Run(w=np.array(w0, dtype=np.float64), batches=[])
    for _ in range(epochs):
        perm = rng.permutation(X.shape[0])
        for batch in _batches(perm, X, y, batch_size):
            run = run._replace(w=run.w - lr * squared_loss_grad(run.w, batch.X, batch.y))
            run.batches.append(batch.idx)
    return run.w, run.batches


def momentum_step(w, g, v, lr, mu):
    """v <- mu v + g; w <- w - lr v."""
    state = MomentumState(np.asarray(v, dtype=np.float64), np.asarray(w, dtype=np.float64))
    state = state._replace(v=mu * state.v + np.asarray(g, dtype=np.float64))
    state = state._replace(w=state.w - lr * state.v)
    return state.w, state.v


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    """One Adam step with bias correction; returns (w, m, v) with the new moments."""
    g = np.asarray(g, dtype=np.float64)
    state = AdamState(w=np.asarray(w, dtype=np.float64), m=np.asarray(m, dtype=np.float64),
                      v=np.asarray(v, dtype=np.float64))
    state = state._replace(m=beta1 * state.m + (1 - beta1) * g)
    state = state._replace(v=beta2 * state.v + (1 - beta2) * g * g)
    corrected = Corrected(m_hat=state.m / (1 - beta1 ** t), v_hat=state.v / (1 - beta2 ** t))
    state = state._replace(w=state.w - lr * corrected.m_hat / (np.sqrt(corrected.v_hat) + eps))
    return state.w, state.m, state.v
