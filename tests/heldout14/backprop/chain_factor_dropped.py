"""Each link returns only its own local derivative instead of multiplying it with the derivative
coming in: the result is exp(sin(x^2)), the last factor alone, instead of exp(sin(x^2)) cos(x^2)
2x.

One mistake, in `chain_rule_example`; written in the style of correct_closures.py.
"""

import numpy as np


def _row_shift(Z):
    return Z - Z.max(axis=1, keepdims=True)


def softmax(Z):
    Z = np.asarray(Z, dtype=np.float64)
    e = np.exp(_row_shift(Z))
    return e / e.sum(axis=1, keepdims=True)


def softmax_jacobian(p):
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError(f"p must be 1-D, got shape {p.shape}")

    def entry(i, j):
        return p[i] * ((1.0 if i == j else 0.0) - p[j])

    C = p.shape[0]
    return np.array([[entry(i, j) for j in range(C)] for i in range(C)]).reshape(C, C)


def _checked(W, X, y):
    W = np.asarray(W, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if W.ndim != 2 or X.ndim != 2 or y.ndim != 1:
        raise ValueError(f"expected W (D, C), X (N, D), y (N,); got {W.shape}, {X.shape}, {y.shape}")
    if X.shape[1] != W.shape[0] or X.shape[0] != y.shape[0]:
        raise ValueError(f"shapes disagree: W {W.shape}, X {X.shape}, y {y.shape}")
    if y.size and (y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= W.shape[1]):
        raise ValueError("labels out of range")
    return W, X, y.astype(np.intp)


def _hinge_sample(delta):
    def loss_and_grad(s, label):
        margins = s - s[label] + delta
        margins[label] = 0.0
        active = (margins > 0).astype(np.float64)
        ds = active.copy()
        ds[label] = -active.sum()
        return np.maximum(0.0, margins).sum(), ds

    return loss_and_grad


def hinge_loss(W, X, y, reg):
    W, X, y = _checked(W, X, y)
    N = X.shape[0]
    sample = _hinge_sample(1.0)
    S = X @ W
    loss = 0.0
    dS = np.zeros_like(S)
    for i in range(N):
        li, dS[i] = sample(S[i], y[i])
        loss += li
    loss = loss / N + reg * np.sum(W * W)
    dW = X.T @ dS / N + 2.0 * reg * W
    return float(loss), dW


def _cross_entropy(S, y):
    N = S.shape[0]
    shifted = _row_shift(S)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -log_p[np.arange(N), y].sum() / N
    dS = np.exp(log_p)
    dS[np.arange(N), y] -= 1.0
    return loss, dS / N


def softmax_loss(W, X, y, reg):
    W, X, y = _checked(W, X, y)
    loss, dS = _cross_entropy(X @ W, y)
    dW = X.T @ dS + 2.0 * reg * W
    return float(loss + reg * np.sum(W * W)), dW


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _affine(W, b):
    def forward(x):
        def backward(ds):
            return ds @ W.T, x.T @ ds, ds.sum(axis=0)

        return x @ W + b, backward

    return forward


def _sigmoid_layer():
    def forward(s):
        a = _sigmoid(s)

        def backward(da):
            return da * a * (1.0 - a)

        return a, backward

    return forward


def mlp_loss_and_grads(params, X, y):
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    if L == 0 or set(params) != {f"{p}{l}" for l in range(1, L + 1) for p in "Wb"}:
        raise ValueError(f"params must hold W1, b1, ..., WL, bL; got {sorted(params)}")
    x = np.asarray(X, dtype=np.float64)
    y = np.asarray(y).astype(np.intp)
    backs = []
    for l in range(1, L + 1):
        W = np.asarray(params[f"W{l}"], dtype=np.float64)
        b = np.asarray(params[f"b{l}"], dtype=np.float64)
        x, back = _affine(W, b)(x)
        backs.append(back)
        if l < L:
            x, back = _sigmoid_layer()(x)
            backs.append(back)
    loss, d = _cross_entropy(x, y)
    grads = {}
    l = L
    for back in reversed(backs):
        out = back(d)
        if isinstance(out, tuple):
            d, grads[f"W{l}"], grads[f"b{l}"] = out
            l -= 1
        else:
            d = out
    return float(loss), {k: grads[k] for l in range(1, L + 1) for k in (f"W{l}", f"b{l}")}


def _tanh_node(W):
    def forward(z):
        out = np.tanh(W @ z)

        def backward(dout):
            ds = dout * (1.0 - out**2)
            return W.T @ ds, np.outer(ds, z)

        return out, backward

    return forward


def dag_forward_backward(x0, W1, W2, W3):
    x0 = np.asarray(x0, dtype=np.float64)
    W1 = np.asarray(W1, dtype=np.float64)
    W2 = np.asarray(W2, dtype=np.float64)
    W3 = np.asarray(W3, dtype=np.float64)
    d0, d1 = x0.shape[0], W1.shape[0]
    if W1.shape != (d1, d0) or W2.ndim != 2 or W2.shape[1] != d0 + d1:
        raise ValueError("shapes disagree")
    if W3.shape != (d1 + W2.shape[0],):
        raise ValueError("W3 has the wrong shape")
    x1, back1 = _tanh_node(W1)(x0)
    z2 = np.concatenate([x0, x1])
    x2, back2 = _tanh_node(W2)(z2)
    z3 = np.concatenate([x1, x2])
    x3 = float(W3 @ z3)
    dz2, dW2 = back2(W3[d1:])
    dx1 = W3[:d1] + dz2[d0:]
    dx0_via_x1, dW1 = back1(dx1)
    dx0 = dz2[:d0] + dx0_via_x1
    return x3, {"W1": dW1, "W2": dW2, "W3": z3.copy(), "x0": dx0}


def _link(f, df):
    def apply(pair):
        u, du = pair
        return f(u), df(u)

    return apply


CHAIN = [
    _link(lambda u: u * u, lambda u: 2.0 * u),
    _link(np.sin, np.cos),
    _link(np.exp, np.exp),
]


def chain_rule_example(x):
    pair = (float(x), 1.0)
    for link in CHAIN:
        pair = link(pair)
    return float(pair[0]), float(pair[1])
