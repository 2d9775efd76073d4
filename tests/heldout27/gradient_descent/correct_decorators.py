"""Numerical gradients and gradient descent with conversion done by small decorators:
@as_float_array turns named arguments into float arrays (a copy where the body may write into
it), @returns_arrays turns every returned value into a float array, @each_entry runs a
per-entry difference quotient over every entry of x; the API functions are thin bodies.

Correct solution (style: decorators).
"""

import functools
import inspect

import numpy as np


def as_float_array(*names, copy=False):
    """Hands fn the named arguments as float64 arrays (private copies if copy=True)."""
    convert = np.array if copy else np.asarray

    def decorate(fn):
        signature = inspect.signature(fn)

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            bound = signature.bind(*args, **kwargs)
            bound.apply_defaults()
            for name in names:
                bound.arguments[name] = convert(bound.arguments[name], dtype=np.float64)
            return fn(*bound.args, **bound.kwargs)
        return wrapper
    return decorate


def returns_arrays(fn):
    """Turns every value of the returned tuple into a float64 array."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return tuple(np.asarray(value, dtype=np.float64) for value in fn(*args, **kwargs))
    return wrapper


def each_entry(fn):
    """fn(f, x, i, h) is the partial derivative at entry i; the wrapper fills the gradient."""
    @functools.wraps(fn)
    def wrapper(f, x, h=1e-5):
        x = np.array(x, dtype=np.float64)
        g = np.zeros_like(x)
        for i in np.ndindex(x.shape):
            g[i] = fn(f, x, i, h)
        return g
    return wrapper


@each_entry
def numerical_gradient(f, x, i, h):
    """The central difference at entry i; x is the wrapper's copy and is put back."""
    old = x[i]
    x[i] = old + h
    up = float(f(x))
    x[i] = old - h
    down = float(f(x))
    x[i] = old
    return (up - down) / (2 * h)


@as_float_array("w", "X", "y")
def squared_loss_grad(w, X, y):
    """(1/n)·Xᵀ(Xw - y)."""
    return X.T @ (X @ w - y) / X.shape[0]


@as_float_array("X", "y")
@as_float_array("w0", copy=True)
def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    """One permutation per epoch, consecutive slices of batch_size, one step per slice."""
    rng = np.random.default_rng(seed)
    w, batches = w0, []
    for _ in range(epochs):
        order = rng.permutation(X.shape[0])
        for start in range(0, X.shape[0], batch_size):
            batch = order[start:start + batch_size]
            w = w - lr * squared_loss_grad(w, X[batch], y[batch])
            batches.append(batch)
    return w, batches


@returns_arrays
@as_float_array("w", "g", "v")
def momentum_step(w, g, v, lr, mu):
    """torch.optim.SGD with momentum: v <- mu·v + g, w <- w - lr·v."""
    v = mu * v + g
    return w - lr * v, v


@returns_arrays
@as_float_array("w", "g", "m", "v")
def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    """torch.optim.Adam with bias correction."""
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g * g
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    return w - lr * m_hat / (np.sqrt(v_hat) + eps), m, v
