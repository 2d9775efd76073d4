"""Numerical gradients and gradient-descent variants (assignment 5, `gradient_descent`).

The lecture's loss for this assignment is linear least squares,

    L(w) = (1/2n)·‖Xw − y‖²,        ∇L(w) = (1/n)·Xᵀ(Xw − y),

and the gradient of any scalar f can be checked by central differences,

    ∂f/∂x_i ≈ (f(x + h·e_i) − f(x − h·e_i)) / 2h        (error O(h²); forward: O(h)).

A step of plain gradient descent is w ← w − η·g. The variants keep a state per parameter:

    momentum (heavy ball)  v ← μ·v + g;            w ← w − η·v
    Nesterov               v ← μ·v + g;            w ← w − η·(g + μ·v)
    Adagrad                G ← G + g²;             w ← w − η·g / (√G + ε)
    RMSProp                s ← α·s + (1 − α)·g²;   w ← w − η·g / (√s + ε)
    Adam                   m ← β1·m + (1 − β1)·g;  v ← β2·v + (1 − β2)·g²;
                           m̂ = m/(1 − β1ᵗ), v̂ = v/(1 − β2ᵗ);   w ← w − η·m̂ / (√v̂ + ε)

written exactly as torch.optim writes them (SGD with momentum / nesterov, Adagrad, RMSprop,
Adam with default options), so that a run here and a run of torch.optim agree to rounding.
Mini-batch SGD reshuffles once per epoch with the Generator made from the given seed; batch GD
and SGD are its two extremes (batch_size = n and 1).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

STUDENT_API: tuple[str, ...] = (
    "numerical_gradient",
    "squared_loss_grad",
    "minibatch_sgd",
    "momentum_step",
    "adam_step",
)
PROVIDED: tuple[str, ...] = ()

# --------------------------------------------------------------------------- student API


def numerical_gradient(f, x, h=1e-5):
    """Central-difference gradient of a scalar function f at x.

    f: takes an array shaped like x and returns a number. x: a float array of any shape.
    Returns g with the shape of x, g[i] = (f(x + h·e_i) − f(x − h·e_i)) / (2h) for every
    entry i (e_i the unit array at entry i): 2 evaluations of f per entry, error O(h²).
    x must hold its original values afterwards (the function must not modify it).
    """
    x = np.array(x, dtype=np.float64)  # a private copy: the caller's x is never touched
    g = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        f_plus = float(f(x))
        x[i] = old - h
        f_minus = float(f(x))
        x[i] = old
        g[i] = (f_plus - f_minus) / (2 * h)
    return g


def squared_loss_grad(w, X, y):
    """Gradient of the least-squares loss L(w) = (1/2n)·‖Xw − y‖² with respect to w.

    X: (n, d), y: (n,), w: (d,). Returns ∇L(w) with the shape of w, (d,): (1/n)·Xᵀ(Xw − y).
    (Column vectors work too: w (d, 1), y (n, 1) give a (d, 1) gradient.) Nothing is modified.
    """
    X = np.asarray(X, dtype=np.float64)
    r = X @ np.asarray(w, dtype=np.float64) - np.asarray(y, dtype=np.float64)  # residuals
    return X.T @ r / X.shape[0]


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    """Mini-batch stochastic gradient descent on the least-squares loss.

    X: (n, d), y: (n,), w0: (d,) the start (not modified), lr the step size η, epochs >= 0,
    batch_size >= 1, seed an int. Use rng = np.random.default_rng(seed) and, at the start of
    EVERY epoch, exactly one call perm = rng.permutation(n); the epoch's batches are the
    consecutive slices perm[0:B], perm[B:2B], … (the last one may be shorter). For each batch
    b, in order, take one step w ← w − η·squared_loss_grad(w, X[b], y[b]).
    batch_size = n is batch gradient descent, batch_size = 1 is SGD.
    Returns (w, batches): the final weights (d,) and the list of the index arrays (int) of
    all batches in the order they were used (epochs·⌈n/B⌉ of them).
    """
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    n = X.shape[0]
    rng = np.random.default_rng(seed)
    batches = []
    for _epoch in range(epochs):
        perm = rng.permutation(n)
        for start in range(0, n, batch_size):
            b = perm[start : start + batch_size]
            w = w - lr * squared_loss_grad(w, X[b], y[b])
            batches.append(b)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    """One step of gradient descent with momentum (torch.optim.SGD convention).

    w: parameters, g: the gradient at w, v: the velocity (all the same shape; v starts at 0),
    lr the step size η, mu the momentum μ. Computes
        v ← μ·v + g,     w ← w − η·v
    and returns (w, v), the new parameters and the new velocity. Inputs are not modified.
    """
    v = mu * np.asarray(v, dtype=np.float64) + np.asarray(g, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64) - lr * v
    return w, v


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    """One Adam step (torch.optim.Adam semantics, with bias correction).

    w: parameters, g: the gradient at w, m and v: the first and second moment estimates (same
    shape; both start at 0), t: the number of this step, counting from 1. Computes
        m ← β1·m + (1 − β1)·g,       v ← β2·v + (1 − β2)·g²      (g² elementwise)
        m̂ = m / (1 − β1ᵗ),           v̂ = v / (1 − β2ᵗ)
        w ← w − lr·m̂ / (√v̂ + eps)
    and returns (w, m, v) with the NEW m and v (not the corrected ones). Inputs are not modified.
    """
    g = np.asarray(g, dtype=np.float64)
    m = beta1 * np.asarray(m, dtype=np.float64) + (1 - beta1) * g
    v = beta2 * np.asarray(v, dtype=np.float64) + (1 - beta2) * g * g
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    w = np.asarray(w, dtype=np.float64) - lr * m_hat / (np.sqrt(v_hat) + eps)
    return w, m, v


# --------------------------------------------------------------------------- beyond the API


def squared_loss(w: np.ndarray, X: np.ndarray, y: np.ndarray) -> float:
    """L(w) = (1/2n)·‖Xw − y‖², the loss whose gradient squared_loss_grad computes."""
    r = np.asarray(X) @ np.asarray(w) - np.asarray(y)
    return float(np.sum(r * r) / (2 * np.asarray(X).shape[0]))


def forward_difference_gradient(
    f: Callable[[np.ndarray], float], x: np.ndarray, h: float = 1e-5
) -> np.ndarray:
    """One-sided differences (f(x + h·e_i) − f(x))/h: the O(h) scheme, for comparison only."""
    x = np.array(x, dtype=np.float64)
    f0 = float(f(x))
    g = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        g[i] = (float(f(x)) - f0) / h
        x[i] = old
    return g


def relative_error(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """|a − b| / max(|a|, |b|, tiny) elementwise: zero-safe (0 where both are 0)."""
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    scale = np.maximum(np.maximum(np.abs(a), np.abs(b)), np.finfo(np.float64).tiny)
    return np.abs(a - b) / scale


def difference_error_table(
    f: Callable[[np.ndarray], float],
    grad: Callable[[np.ndarray], np.ndarray],
    x: np.ndarray,
    hs: tuple[float, ...] = (1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8),
) -> list[tuple[float, float, float]]:
    """Numerical vs analytic gradients: (h, max |central − ∇f|, max |forward − ∇f|) per h.

    The lecture's table: the central error falls like h² and the forward one like h until
    round-off (≈ machine-ε·|f|/h) takes over for small h.
    """
    exact = np.asarray(grad(x), dtype=np.float64)
    rows = []
    for h in hs:
        central = numerical_gradient(f, x, h)
        forward = forward_difference_gradient(f, x, h)
        rows.append(
            (h, float(np.max(np.abs(central - exact))), float(np.max(np.abs(forward - exact))))
        )
    return rows


def batch_gd(X: np.ndarray, y: np.ndarray, w0: np.ndarray, lr: float, steps: int) -> np.ndarray:
    """Batch gradient descent: `steps` steps w ← w − η·∇L(w) on all n samples."""
    w = np.array(w0, dtype=np.float64)
    for _ in range(steps):
        w = w - lr * squared_loss_grad(w, X, y)
    return w


def sgd(
    X: np.ndarray, y: np.ndarray, w0: np.ndarray, lr: float, epochs: int, seed: int
) -> tuple[np.ndarray, list[np.ndarray]]:
    """Stochastic gradient descent: one sample per step, reshuffled every epoch."""
    return minibatch_sgd(X, y, w0, lr, epochs, 1, seed)


def sgd_step(w: np.ndarray, g: np.ndarray, lr: float) -> np.ndarray:
    """Plain gradient descent: w ← w − η·g."""
    return np.asarray(w, dtype=np.float64) - lr * np.asarray(g, dtype=np.float64)


def nesterov_step(
    w: np.ndarray, g: np.ndarray, v: np.ndarray, lr: float, mu: float
) -> tuple[np.ndarray, np.ndarray]:
    """Nesterov momentum in torch's form (SGD(nesterov=True)): v ← μ·v + g; w ← w − η·(g + μ·v).

    This is the look-ahead step of the lecture rewritten in terms of the current parameters."""
    g = np.asarray(g, dtype=np.float64)
    v = mu * np.asarray(v, dtype=np.float64) + g
    return np.asarray(w, dtype=np.float64) - lr * (g + mu * v), v


def adagrad_step(
    w: np.ndarray, g: np.ndarray, G: np.ndarray, lr: float, eps: float = 1e-10
) -> tuple[np.ndarray, np.ndarray]:
    """Adagrad: G ← G + g²; w ← w − η·g/(√G + ε). Returns (w, G). (torch.optim.Adagrad)"""
    g = np.asarray(g, dtype=np.float64)
    G = np.asarray(G, dtype=np.float64) + g * g
    return np.asarray(w, dtype=np.float64) - lr * g / (np.sqrt(G) + eps), G


def rmsprop_step(
    w: np.ndarray, g: np.ndarray, s: np.ndarray, lr: float, alpha: float = 0.99, eps: float = 1e-8
) -> tuple[np.ndarray, np.ndarray]:
    """RMSProp: s ← α·s + (1 − α)·g²; w ← w − η·g/(√s + ε). Returns (w, s). (torch.optim.RMSprop)"""
    g = np.asarray(g, dtype=np.float64)
    s = alpha * np.asarray(s, dtype=np.float64) + (1 - alpha) * g * g
    return np.asarray(w, dtype=np.float64) - lr * g / (np.sqrt(s) + eps), s


OPTIMIZERS = ("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam")


def optimize(
    name: str,
    grad: Callable[[np.ndarray], np.ndarray],
    w0: np.ndarray,
    steps: int,
    lr: float,
    **hyper: Any,
) -> np.ndarray:
    """Run `steps` steps of optimizer `name` (one of OPTIMIZERS) from w0 on the gradient `grad`.

    hyper: mu for momentum/nesterov; eps for adagrad; alpha, eps for rmsprop; beta1, beta2,
    eps for adam. Returns the trajectory, shape (steps + 1, *w0.shape), row 0 = w0.
    """
    if name not in OPTIMIZERS:
        raise ValueError(f"unknown optimizer {name!r}; choose one of {', '.join(OPTIMIZERS)}")
    w = np.array(w0, dtype=np.float64)
    state = np.zeros_like(w)  # v, G or s
    m = np.zeros_like(w)  # Adam's first moment
    path = [w]
    for t in range(1, steps + 1):
        g = np.asarray(grad(w), dtype=np.float64)
        if name == "sgd":
            w = sgd_step(w, g, lr)
        elif name == "momentum":
            w, state = momentum_step(w, g, state, lr, hyper["mu"])
        elif name == "nesterov":
            w, state = nesterov_step(w, g, state, lr, hyper["mu"])
        elif name == "adagrad":
            w, state = adagrad_step(w, g, state, lr, **hyper)
        elif name == "rmsprop":
            w, state = rmsprop_step(w, g, state, lr, **hyper)
        else:
            w, m, state = adam_step(w, g, m, state, t, lr, **hyper)
        path.append(w)
    return np.stack(path)
