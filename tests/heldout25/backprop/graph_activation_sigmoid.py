"""The CONFIG entry for the graph's nonlinearity is "sigmoid" instead of "tanh".

CONFIG["graph"] = "sigmoid": the graph is computed with σ (and its derivative) at both nodes, so
x3 and every gradient belong to another graph.

One mistake in correct_config (style: config), in `dag_forward_backward`.
"""

import numpy as np

DTYPE = np.float64
DELTA = 1.0                    # SVM margin
REG_GRAD = 2.0                 # d/dW of reg·ΣW² is REG_GRAD·reg·W
CONFIG = {"hidden": "sigmoid", "graph": "sigmoid"}


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


ACTIVATIONS = {                # name -> (f, f' written with the output a = f(z))
    "sigmoid": (_sigmoid, lambda a: a * (1.0 - a)),
    "tanh": (np.tanh, lambda a: 1.0 - a * a),
}


def softmax(Z):
    """Row-wise softmax, shifted by the row max."""
    Z = np.asarray(Z, dtype=DTYPE)
    e = np.exp(Z - Z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def softmax_jacobian(p):
    """diag(p) − p pᵀ."""
    p = np.asarray(p, dtype=DTYPE)
    if p.ndim != 1:
        raise ValueError("p must be 1-D")
    return np.diag(p) - np.outer(p, p)


def _check(W, X, y):
    W = np.asarray(W, dtype=DTYPE)
    X = np.asarray(X, dtype=DTYPE)
    y = np.asarray(y)
    if W.ndim != 2 or X.ndim != 2 or y.ndim != 1 or X.shape[1] != W.shape[0] \
            or X.shape[0] != y.shape[0]:
        raise ValueError("expected W (D, C), X (N, D), y (N,)")
    if y.size and (y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= W.shape[1]):
        raise ValueError("labels out of range")
    return W, X, y.astype(np.intp)


def hinge_loss(W, X, y, reg):
    """Multiclass SVM loss with margin DELTA, and its gradient."""
    W, X, y = _check(W, X, y)
    N = X.shape[0]
    rows = np.arange(N)
    s = X @ W
    margins = np.maximum(0.0, s - s[rows, y][:, None] + DELTA)
    margins[rows, y] = 0.0
    loss = margins.sum() / N + reg * np.sum(W * W)
    ds = (margins > 0).astype(DTYPE)
    ds[rows, y] = -ds.sum(axis=1)
    dW = X.T @ ds / N + REG_GRAD * reg * W
    return float(loss), dW


def _xent(s, y):
    N = s.shape[0]
    rows = np.arange(N)
    shifted = s - s.max(axis=1, keepdims=True)
    logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    ds = np.exp(logp)
    ds[rows, y] -= 1.0
    return float(-logp[rows, y].mean()), ds / N


def softmax_loss(W, X, y, reg):
    """Mean cross-entropy + reg·ΣW², and its gradient."""
    W, X, y = _check(W, X, y)
    loss, ds = _xent(X @ W, y)
    return loss + reg * float(np.sum(W * W)), X.T @ ds + REG_GRAD * reg * W


def mlp_loss_and_grads(params, X, y):
    """Sigmoid MLP (activation from CONFIG), softmax cross-entropy, backprop."""
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    if L == 0 or set(params) != {f"{p}{l}" for l in range(1, L + 1) for p in "Wb"}:
        raise ValueError("params must hold W1, b1, ..., WL, bL")
    f, fprime = ACTIVATIONS[CONFIG["hidden"]]
    y = np.asarray(y).astype(np.intp)
    xs = [np.asarray(X, dtype=DTYPE)]
    for l in range(1, L + 1):
        s = xs[-1] @ np.asarray(params[f"W{l}"], dtype=DTYPE) + np.asarray(params[f"b{l}"])
        xs.append(f(s) if l < L else s)
    loss, delta = _xent(xs[-1], y)
    grads = {}
    for l in range(L, 0, -1):
        grads[f"W{l}"] = xs[l - 1].T @ delta
        grads[f"b{l}"] = delta.sum(axis=0)
        if l > 1:
            delta = (delta @ np.asarray(params[f"W{l}"], dtype=DTYPE).T) * fprime(xs[l - 1])
    return loss, {k: grads[k] for k in params}


def dag_forward_backward(x0, W1, W2, W3):
    """x1 = g(W1 x0), x2 = g(W2 [x0; x1]), x3 = W3·[x1; x2], g from CONFIG; all paths summed."""
    g, gprime = ACTIVATIONS[CONFIG["graph"]]
    x0, W1, W2, W3 = (np.asarray(a, dtype=DTYPE) for a in (x0, W1, W2, W3))
    d0, d1 = x0.size, W1.shape[0]
    x1 = g(W1 @ x0)
    z2 = np.concatenate([x0, x1])
    x2 = g(W2 @ z2)
    z3 = np.concatenate([x1, x2])
    x3 = float(W3 @ z3)
    ds2 = W3[d1:] * gprime(x2)
    dz2 = W2.T @ ds2
    ds1 = (W3[:d1] + dz2[d0:]) * gprime(x1)
    dx0 = dz2[:d0] + W1.T @ ds1
    return x3, {"W1": np.outer(ds1, x0), "W2": np.outer(ds2, z2), "W3": z3, "x0": dx0}


def chain_rule_example(x):
    """(e^{sin x²}, e^{sin x²}·cos x²·2x)."""
    u = float(x) ** 2
    value = float(np.exp(np.sin(u)))
    return value, value * float(np.cos(u)) * 2.0 * float(x)
