"""σ′ in the δ recursion is taken from x^l (this layer's output) instead of x^{l−1}.

δ^{l−1} = δ^l W_lᵀ ⊙ x^l(1 − x^l): an index slip; when the widths differ it is a shape error,
when they agree the factor belongs to another layer (for the output layer, to the scores, which
are not sigmoids).

Single mistake in mlp_loss_and_grads; written from correct_greek.
"""

import numpy as np


def softmax(Z):
    """P_ic = e^{Z_ic - max_k Z_ik} / Σ_k e^{Z_ik - max_k Z_ik}."""
    Z = np.asarray(Z, dtype=np.float64)
    ε = np.exp(Z - Z.max(axis=-1, keepdims=True))
    return ε / ε.sum(axis=-1, keepdims=True)


def softmax_jacobian(p):
    """J = diag(p) - p pᵀ."""
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError("p must be 1-D")
    return np.diag(p) - np.outer(p, p)


def _checked(W, X, y):
    W = np.asarray(W, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if W.ndim != 2 or X.ndim != 2 or y.ndim != 1:
        raise ValueError("expected W (D, C), X (N, D), y (N,)")
    if X.shape[1] != W.shape[0] or X.shape[0] != y.shape[0]:
        raise ValueError("shapes disagree")
    if y.size and (y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= W.shape[1]):
        raise ValueError("labels must be ints in 0..C-1")
    return W, X, y.astype(np.intp)


def hinge_loss(W, X, y, reg):
    """L = (1/N) Σ_i Σ_{j≠yᵢ} max(0, s_ij - s_iyᵢ + 1) + λ ΣW²;  ∂L/∂W = Xᵀ ∂L/∂s + 2λW."""
    W, X, y = _checked(W, X, y)
    λ = reg
    N = X.shape[0]
    i = np.arange(N)
    s = X @ W
    Δ = s - s[i, y][:, None] + 1.0
    Δ[i, y] = 0.0
    L = np.maximum(0.0, Δ).sum() / N + λ * np.sum(W**2)
    ds = (Δ > 0).astype(np.float64)
    ds[i, y] = -ds.sum(axis=1)
    dW = X.T @ (ds / N) + 2 * λ * W
    return float(L), dW


def _cross_entropy(s, y):
    """L = -(1/N) Σ_i log P_iyᵢ and δ = ∂L/∂s = (P - Y)/N."""
    N = s.shape[0]
    i = np.arange(N)
    z = s - s.max(axis=1, keepdims=True)
    log_P = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    L = -log_P[i, y].sum() / N
    δ = np.exp(log_P)
    δ[i, y] -= 1.0
    return float(L), δ / N


def softmax_loss(W, X, y, reg):
    """L = -(1/N) Σ_i log softmax(x_i W)_{yᵢ} + λ ΣW²;  ∂L/∂W = Xᵀδ + 2λW."""
    W, X, y = _checked(W, X, y)
    λ = reg
    L, δ = _cross_entropy(X @ W, y)
    return float(L + λ * np.sum(W**2)), X.T @ δ + 2 * λ * W


def σ(s):
    """σ(s) = 1/(1 + e^{-s}), through e^{-|s|}."""
    ε = np.exp(-np.abs(s))
    return np.where(s >= 0, 1.0 / (1.0 + ε), ε / (1.0 + ε))


def mlp_loss_and_grads(params, X, y):
    """s^l = x^{l-1}W_l + b_l, x^l = σ(s^l) (l < L);  δ^L = (P - Y)/N;
    ∂L/∂W_l = (x^{l-1})ᵀδ^l,  ∂L/∂b_l = Σ_n δ^l,  δ^{l-1} = δ^l W_lᵀ ⊙ σ'(s^{l-1})."""
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    if L == 0 or set(params) != {f"{k}{l}" for l in range(1, L + 1) for k in "Wb"}:
        raise ValueError("params must be W1, b1, ..., WL, bL")
    x = [np.asarray(X, dtype=np.float64)]
    for l in range(1, L + 1):
        W = np.asarray(params[f"W{l}"], dtype=np.float64)
        b = np.asarray(params[f"b{l}"], dtype=np.float64)
        if x[-1].ndim != 2 or W.ndim != 2 or x[-1].shape[1] != W.shape[0] \
                or b.shape != (W.shape[1],):
            raise ValueError(f"layer {l} shapes disagree")
        s = x[-1] @ W + b
        x.append(σ(s) if l < L else s)
    y = np.asarray(y).astype(np.intp)
    if y.shape != (x[-1].shape[0],) or (y.size and (y.min() < 0 or y.max() >= x[-1].shape[1])):
        raise ValueError("labels must be ints in 0..C-1, one per row")
    loss, δ = _cross_entropy(x[-1], y)
    grads = {}
    for l in range(L, 0, -1):
        grads[f"W{l}"] = x[l - 1].T @ δ
        grads[f"b{l}"] = δ.sum(axis=0)
        if l > 1:
            W = np.asarray(params[f"W{l}"], dtype=np.float64)
            δ = (δ @ W.T) * x[l] * (1.0 - x[l])
    return loss, {k: grads[k] for l in range(1, L + 1) for k in (f"W{l}", f"b{l}")}


def dag_forward_backward(x0, W1, W2, W3):
    """x1 = tanh(W1 x0), x2 = tanh(W2 [x0; x1]), x3 = W3·[x1; x2]; gradients summed over paths."""
    x0 = np.asarray(x0, dtype=np.float64)
    W1 = np.asarray(W1, dtype=np.float64)
    W2 = np.asarray(W2, dtype=np.float64)
    W3 = np.asarray(W3, dtype=np.float64)
    d0, d1 = x0.shape[0], W1.shape[0]
    if W1.shape != (d1, d0) or W2.ndim != 2 or W2.shape[1] != d0 + d1 \
            or W3.shape != (d1 + W2.shape[0],):
        raise ValueError("shapes disagree")
    x1 = np.tanh(W1 @ x0)
    ζ2 = np.concatenate([x0, x1])
    x2 = np.tanh(W2 @ ζ2)
    ζ3 = np.concatenate([x1, x2])
    x3 = float(W3 @ ζ3)
    δ2 = W3[d1:] * (1 - x2**2)                       # ∂x3/∂s2, tanh' = 1 - tanh²
    g_ζ2 = W2.T @ δ2
    δ1 = (W3[:d1] + g_ζ2[d0:]) * (1 - x1**2)         # x1 → x3 and x1 → x2 → x3
    g_x0 = g_ζ2[:d0] + W1.T @ δ1                     # x0 → x2 and x0 → x1
    return x3, {"W1": np.outer(δ1, x0), "W2": np.outer(δ2, ζ2), "W3": ζ3.copy(), "x0": g_x0}


def chain_rule_example(x):
    """f = e^{sin(x²)};  f' = eᵛ · cos u · 2x."""
    x = np.asarray(x, dtype=np.float64)
    u = x**2
    v = np.sin(u)
    f = np.exp(v)
    f_prime = f * np.cos(u) * 2 * x
    if np.ndim(f) == 0:
        return float(f), float(f_prime)
    return f, f_prime
