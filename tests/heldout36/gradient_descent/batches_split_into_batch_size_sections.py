"""The epoch's permutation is cut with np.array_split(perm, batch_size), which makes batch_size SECTIONS, not sections of batch_size.

array_split's second argument is the number of pieces: every epoch has batch_size batches of
about n / batch_size samples, so SGD (batch_size 1) becomes batch GD, batch GD (batch_size n)
becomes SGD, and the batches and weights are wrong unless batch_size * batch_size is n.

Mistake in `minibatch_sgd`; written from correct_immutable.py.
"""

from collections import namedtuple

import numpy as np

AdamState = namedtuple("AdamState", ["w", "m", "v"])


def frozen(values):
    """A read-only float copy of values."""
    out = np.array(values, dtype=np.float64)
    out.setflags(write=False)
    return out


def unit(shape, index):
    """A new array of the given shape: 1 at index, 0 elsewhere."""
    positions = np.arange(int(np.prod(shape))).reshape(shape)
    return frozen(np.where(positions == np.ravel_multi_index(index, shape), 1.0, 0.0))


def numerical_gradient(f, x, h=1e-5):
    """Central differences, one entry at a time; x is never written."""
    x = frozen(x)
    slopes = tuple(
        (float(f(x + h * unit(x.shape, i))) - float(f(x - h * unit(x.shape, i)))) / (2 * h)
        for i in np.ndindex(x.shape)
    )
    return np.array(slopes, dtype=np.float64).reshape(x.shape)


def squared_loss_grad(w, X, y):
    """(1/n) X^T (X w - y), the shape of w."""
    X = frozen(X)
    residual = frozen(X @ frozen(w) - frozen(y))
    return X.T @ residual / X.shape[0]


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    """One permutation per epoch, consecutive slices of batch_size, one step per slice."""
    X = frozen(X)
    y = frozen(y)
    w = frozen(w0)
    n = X.shape[0]
    rng = np.random.default_rng(seed)
    batches = ()
    for _ in range(epochs):
        perm = rng.permutation(n)
        for batch in np.array_split(perm, batch_size):
            w = frozen(w - lr * squared_loss_grad(w, X[batch], y[batch]))
            batches = (*batches, batch)
    return np.array(w), list(batches)


def momentum_step(w, g, v, lr, mu):
    """v <- mu v + g, w <- w - lr v (torch.optim.SGD)."""
    v_new = frozen(mu * frozen(v) + frozen(g))
    w_new = frozen(w) - lr * v_new
    return w_new, np.array(v_new)


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    """One Adam step with bias correction (torch.optim.Adam)."""
    g = frozen(g)
    state = AdamState(frozen(w), frozen(m), frozen(v))
    m_new = beta1 * state.m + (1 - beta1) * g
    v_new = beta2 * state.v + (1 - beta2) * g * g
    m_hat = m_new / (1 - beta1**t)
    v_hat = v_new / (1 - beta2**t)
    new = AdamState(state.w - lr * m_hat / (np.sqrt(v_hat) + eps), m_new, v_new)
    return new.w, new.m, new.v
