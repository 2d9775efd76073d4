"""Losses, softmax and backpropagation (assignment 6, `backprop`).

Notation follows the lecture. A layer l computes the pre-activations

    s^l_j = Σ_k w^l_jk x^{l−1}_k + b^l_j,        x^l = σ(s^l)   (hidden layers)

and backpropagation carries δ^l = ∂L/∂s^l backwards:

    δ^L = ∂L/∂s^L,   δ^{l−1} = (Σ_j w^l_jk δ^l_j) · σ′(s^{l−1}_k),
    ∂L/∂w^l_jk = δ^l_j x^{l−1}_k,   ∂L/∂b^l_j = δ^l_j.

In code, a batch of N samples is stored row-wise (X is (N, D)), so W^l is kept as an array of
shape (fan_in, fan_out) with W[l][k, j] = w^l_jk and the batch formula reads s = x @ W + b.

Layers come as forward/backward pairs with an explicit cache (as in cs231n): the forward pass
returns `(out, cache)`, the backward pass takes the upstream gradient `dout` and the cache and
returns gradients named after the variables (`dx, dW, db`).
"""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np

STUDENT_API: tuple[str, ...] = (
    "softmax",
    "softmax_jacobian",
    "hinge_loss",
    "softmax_loss",
    "mlp_loss_and_grads",
    "dag_forward_backward",
    "chain_rule_example",
)
PROVIDED: tuple[str, ...] = ()

# --------------------------------------------------------------------------- student API


def softmax(Z):
    """Row-wise softmax: P[i, c] = exp(Z[i, c]) / Σ_k exp(Z[i, k]).

    Z: (N, C) logits (float). Returns P of shape (N, C); every row is a probability vector
    (entries in [0, 1], summing to 1). Must stay finite and exact for logits as large as 1e3
    (or as negative as −1e3): softmax is unchanged when a constant is subtracted from a row.
    Z is not modified.
    """
    Z = np.asarray(Z, dtype=np.float64)
    shifted = Z - Z.max(axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=-1, keepdims=True)


def softmax_jacobian(p):
    """Jacobian of the softmax at one point, given its output p.

    p: (C,) a probability vector p = softmax(z). Returns J of shape (C, C) with
    J[i, j] = ∂p_i/∂z_j = p_i (1[i = j] − p_j), i.e. J = diag(p) − p pᵀ.
    p is not modified.
    """
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError(f"p must be a 1-D probability vector, got shape {p.shape}")
    return np.diag(p) - np.outer(p, p)


def _check_linear_classifier(W, X, y):
    W = np.asarray(W, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if W.ndim != 2 or X.ndim != 2 or y.ndim != 1:
        raise ValueError(
            f"expected W (D, C), X (N, D), y (N,); got {W.shape}, {X.shape}, {y.shape}"
        )
    if X.shape[1] != W.shape[0] or X.shape[0] != y.shape[0]:
        raise ValueError(f"shapes disagree: W {W.shape}, X {X.shape}, y {y.shape}")
    if y.size and (y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= W.shape[1]):
        raise ValueError(f"labels must be integers in 0..{W.shape[1] - 1}")
    return W, X, y.astype(np.intp)


def hinge_loss(W, X, y, reg):
    """Multiclass SVM (hinge) loss of a linear classifier, and its gradient.

    W: (D, C) weights, X: (N, D) samples (one per row), y: (N,) integer labels in 0..C−1,
    reg: float. With scores s = X W (so s_i = x_i W is a row of C class scores):

        L = (1/N) Σ_i Σ_{j ≠ y_i} max(0, s_ij − s_{i,y_i} + 1)  +  reg · Σ W²

    Returns (loss, dW): loss a float, dW = ∂L/∂W of shape (D, C), including the regulariser's
    2·reg·W. At a kink (a margin exactly 0) any subgradient is accepted.
    Inputs are not modified.
    """
    W, X, y = _check_linear_classifier(W, X, y)
    N = X.shape[0]
    rows = np.arange(N)
    s = X @ W                                                   # (N, C)
    margins = s - s[rows, y][:, None] + 1.0
    margins[rows, y] = 0.0                                      # j = y_i is not a term
    loss = np.maximum(0.0, margins).sum() / N + reg * np.sum(W * W)
    # ∂L/∂s: +1 for every active margin, −(number of active margins) at the true class
    ds = (margins > 0).astype(np.float64)
    ds[rows, y] = -ds.sum(axis=1)
    ds /= N
    dW = X.T @ ds + 2.0 * reg * W
    return float(loss), dW


def softmax_loss(W, X, y, reg):
    """Softmax (cross-entropy) loss of a linear classifier, and its gradient.

    W: (D, C) weights, X: (N, D) samples, y: (N,) integer labels in 0..C−1, reg: float.
    With scores s = X W and p_i = softmax(s_i):

        L = −(1/N) Σ_i log p_{i, y_i}  +  reg · Σ W²

    Returns (loss, dW): loss a float, dW = ∂L/∂W of shape (D, C), including 2·reg·W.
    Must stay finite and exact when all scores are of order ±1e3 (e.g. s = 1000 + O(1)).
    Inputs are not modified.
    """
    W, X, y = _check_linear_classifier(W, X, y)
    s = X @ W
    loss, ds = _cross_entropy(s, y)
    loss += reg * np.sum(W * W)
    dW = X.T @ ds + 2.0 * reg * W
    return float(loss), dW


def mlp_loss_and_grads(params, X, y):
    """Loss and gradients of an L-layer sigmoid MLP with a softmax cross-entropy output.

    params: {"W1": (D, H1), "b1": (H1,), "W2": (H1, H2), "b2": (H2,), ..., "WL": (H_{L−1}, C),
    "bL": (C,)} for any L >= 1. X: (N, D), y: (N,) integer labels in 0..C−1. Forward pass:

        x⁰ = X,   s^l = x^{l−1} W_l + b_l,   x^l = σ(s^l) for l < L   (σ(z) = 1/(1 + e^{−z})),
        the output scores s^L are linear (no σ), loss = −(1/N) Σ_i log softmax(s^L_i)_{y_i}.

    Returns (loss, grads): loss a float, grads a dict with the same keys and shapes as params
    holding ∂loss/∂W_l and ∂loss/∂b_l (backpropagation with the δ recursion). No
    regularisation. Inputs are not modified.
    """
    y = np.asarray(y)
    scores, cache = mlp_forward(params, X)
    loss, dscores = _cross_entropy(scores, y.astype(np.intp))
    return float(loss), mlp_backward(dscores, cache)


def dag_forward_backward(x0, W1, W2, W3):
    """Forward and backward pass through a small computation graph that is not a chain.

    x0: (d0,), W1: (d1, d0), W2: (d2, d0 + d1), W3: (d1 + d2,). The graph:

        x1 = tanh(W1 x0)                 (d1,)
        x2 = tanh(W2 [x0; x1])           (d2,)   ([a; b] stacks two vectors)
        x3 = W3 · [x1; x2]               a scalar

    x0 reaches x3 along several paths (x0→x1→x3, x0→x1→x2→x3, x0→x2→x3); a gradient is the sum
    over every path. Returns (x3, grads): x3 a float, grads = {"W1": ∂x3/∂W1, "W2": ∂x3/∂W2,
    "W3": ∂x3/∂W3, "x0": ∂x3/∂x0}, each of the shape of that variable. Inputs are not modified.
    """
    x0 = np.asarray(x0, dtype=np.float64)
    W1 = np.asarray(W1, dtype=np.float64)
    W2 = np.asarray(W2, dtype=np.float64)
    W3 = np.asarray(W3, dtype=np.float64)
    d0, d1 = x0.shape[0], W1.shape[0]
    if W1.shape != (d1, d0) or W2.ndim != 2 or W2.shape[1] != d0 + d1:
        raise ValueError(f"shapes disagree: x0 {x0.shape}, W1 {W1.shape}, W2 {W2.shape}")
    if W3.shape != (d1 + W2.shape[0],):
        raise ValueError(f"W3 must have shape ({d1 + W2.shape[0]},), got {W3.shape}")
    # forward: φ1, φ2, φ3, keeping what the backward pass needs
    x1 = np.tanh(W1 @ x0)
    z2 = np.concatenate([x0, x1])
    x2 = np.tanh(W2 @ z2)
    z3 = np.concatenate([x1, x2])
    x3 = float(W3 @ z3)
    # backward: dx3 = 1; each node collects the sum over its outgoing edges
    dW3 = z3.copy()
    dz3 = W3
    dx1 = dz3[:d1].copy()                       # path x1 → x3
    dx2 = dz3[d1:]
    ds2 = dx2 * (1.0 - x2**2)                   # tanh′ = 1 − tanh²
    dW2 = np.outer(ds2, z2)
    dz2 = W2.T @ ds2
    dx0 = dz2[:d0].copy()                       # path x0 → x2
    dx1 += dz2[d0:]                             # path x1 → x2
    ds1 = dx1 * (1.0 - x1**2)
    dW1 = np.outer(ds1, x0)
    dx0 += W1.T @ ds1                           # path x0 → x1
    return x3, {"W1": dW1, "W2": dW2, "W3": dW3, "x0": dx0}


def chain_rule_example(x):
    """The chain rule on f(x) = e^{sin(x²)}.

    x: a float. Returns (value, derivative) = (f(x), f′(x)), both floats. f is a chain
    x ↦ u = x² ↦ v = sin u ↦ f = e^v, so f′(x) = df/dv · dv/du · du/dx.
    """
    u = np.asarray(x, dtype=np.float64) ** 2    # u = x²
    v = np.sin(u)                               # v = sin u
    f = np.exp(v)                               # f = e^v
    df = f * np.cos(u) * 2.0 * np.asarray(x, dtype=np.float64)
    if np.ndim(f) == 0:
        return float(f), float(df)
    return f, df


# --------------------------------------------------------------------------- layers


def sigmoid(z):
    """σ(z) = 1/(1 + e^{−z}) elementwise, without overflow for large |z|."""
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))                      # in (0, 1], never overflows
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def affine_forward(x, W, b):
    """s = x W + b. x: (N, fan_in), W: (fan_in, fan_out), b: (fan_out,) -> (s, cache)."""
    x = np.asarray(x, dtype=np.float64)
    W = np.asarray(W, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if (x.ndim, W.ndim, b.ndim) != (2, 2, 1) or x.shape[1] != W.shape[0] \
            or W.shape[1] != b.shape[0]:
        raise ValueError(f"affine layer shapes disagree: x {x.shape}, W {W.shape}, b {b.shape}")
    return x @ W + b, (x, W)


def affine_backward(ds, cache):
    """Given ds = ∂L/∂s (N, fan_out): dx = ds Wᵀ, dW = xᵀ ds, db = Σ_n ds -> (dx, dW, db)."""
    x, W = cache
    return ds @ W.T, x.T @ ds, ds.sum(axis=0)


def sigmoid_forward(s):
    """x = σ(s) -> (x, cache)."""
    x = sigmoid(s)
    return x, x


def sigmoid_backward(dx, cache):
    """ds = dx · σ′(s), with σ′(s) = σ(s)(1 − σ(s)) read from the cached output."""
    x = cache
    return dx * x * (1.0 - x)


def _cross_entropy(s, y):
    """Mean cross-entropy of scores s (N, C) against labels y, and ds = (P − Y)/N."""
    s = np.asarray(s, dtype=np.float64)
    if s.ndim != 2 or y.shape != (s.shape[0],):
        raise ValueError(f"scores (N, C) and labels (N,) expected, got {s.shape}, {y.shape}")
    if y.size and (y.min() < 0 or y.max() >= s.shape[1]):
        raise ValueError(f"labels must be integers in 0..{s.shape[1] - 1}")
    N = s.shape[0]
    rows = np.arange(N)
    shifted = s - s.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -log_p[rows, y].sum() / N
    ds = np.exp(log_p)
    ds[rows, y] -= 1.0
    return float(loss), ds / N


def n_layers(params) -> int:
    """L, the number of layers of an MLP parameter dict {"W1", "b1", ..., "WL", "bL"}."""
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    expected = {f"{p}{l}" for l in range(1, L + 1) for p in "Wb"}
    if L == 0 or set(params) != expected:
        raise ValueError(
            f"params must hold exactly W1, b1, ..., WL, bL for some L >= 1; got {sorted(params)}"
        )
    return L


def mlp_forward(params, X):
    """Forward pass of the sigmoid MLP; returns the output scores s^L (N, C) and the cache."""
    L = n_layers(params)
    x = np.asarray(X, dtype=np.float64)
    cache: list[tuple[Any, Any]] = []
    for l in range(1, L + 1):
        s, affine_cache = affine_forward(x, params[f"W{l}"], params[f"b{l}"])
        if l < L:
            x, sigmoid_cache = sigmoid_forward(s)
        else:
            sigmoid_cache = None                # the output scores stay linear
        cache.append((affine_cache, sigmoid_cache))
    return s, cache


def mlp_backward(dscores, cache):
    """Backward pass: δ^L = dscores, then δ^{l−1} = (δ^l W_lᵀ) · σ′(s^{l−1}); returns grads."""
    grads = {}
    delta = np.asarray(dscores, dtype=np.float64)
    for l in range(len(cache), 0, -1):
        affine_cache, sigmoid_cache = cache[l - 1]
        if sigmoid_cache is not None:
            delta = sigmoid_backward(delta, sigmoid_cache)
        dx, grads[f"W{l}"], grads[f"b{l}"] = affine_backward(delta, affine_cache)
        delta = dx                              # ∂L/∂x^{l−1}; σ′ is applied at the next step
    return {k: grads[k] for l in range(1, len(cache) + 1) for k in (f"W{l}", f"b{l}")}


def init_mlp(sizes, rng, scale=0.5):
    """Random parameters for layer sizes [D, H1, ..., C].

    W_l ~ scale·N(0, 1/fan_in) of shape (fan_in, fan_out), b_l ~ scale·N(0, 1) of shape (fan_out,).
    """
    params = {}
    for l, (fan_in, fan_out) in enumerate(itertools.pairwise(sizes), start=1):
        params[f"W{l}"] = scale * rng.normal(size=(fan_in, fan_out)) / np.sqrt(fan_in)
        params[f"b{l}"] = scale * rng.normal(size=fan_out)
    return params


def hinge_margins(W, X, y):
    """The margins s_ij − s_{i,y_i} + 1 for j ≠ y_i (N, C), with NaN at j = y_i.

    The hinge loss has a kink where a margin is 0; gradient checks stay away from it.
    """
    W, X, y = _check_linear_classifier(W, X, y)
    s = X @ W
    margins = s - s[np.arange(len(y)), y][:, None] + 1.0
    margins[np.arange(len(y)), y] = np.nan
    return margins
