"""Losses, softmax and backpropagation with the intermediate values kept in dicts: softmax keeps
its row statistics in a dict, the Jacobian is a dict (i, j) -> entry, the two linear classifiers
keep their loss and gradient as dicts of named terms ("data", "reg") and the hinge loss its
margins per sample as a dict class -> margin, the MLP keeps its pre-activations and activations
in dicts keyed by layer number, the graph keeps its nodes and their adjoints in dicts keyed by
node name, and the chain rule keeps its nodes and local derivatives in dicts.

Correct solution (style: dicts).
"""

import numpy as np


def _check(W, X, y):
    W = np.asarray(W, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if W.ndim != 2 or X.ndim != 2 or y.ndim != 1:
        raise ValueError(f"expected W (D, C), X (N, D), y (N,); got {W.shape}, {X.shape}, {y.shape}")
    if X.shape[1] != W.shape[0] or X.shape[0] != y.shape[0]:
        raise ValueError(f"shapes disagree: W {W.shape}, X {X.shape}, y {y.shape}")
    if y.size and (y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= W.shape[1]):
        raise ValueError(f"labels must be integers in 0..{W.shape[1] - 1}")
    return W, X, y.astype(np.intp)


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _log_softmax(s):
    shifted = s - s.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


def softmax(Z):
    Z = np.asarray(Z, dtype=np.float64)
    stats = {"max": Z.max(axis=-1, keepdims=True)}
    stats["exp"] = np.exp(Z - stats["max"])
    stats["sum"] = stats["exp"].sum(axis=-1, keepdims=True)
    return stats["exp"] / stats["sum"]


def softmax_jacobian(p):
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError(f"p must be a 1-D probability vector, got shape {p.shape}")
    C = p.shape[0]
    entries = {(i, j): p[i] * ((1.0 if i == j else 0.0) - p[j]) for i in range(C) for j in range(C)}
    return np.array(list(entries.values()), dtype=np.float64).reshape(C, C)


def hinge_loss(W, X, y, reg):
    W, X, y = _check(W, X, y)
    N, C = X.shape[0], W.shape[1]
    s = X @ W
    ds = np.zeros_like(s)
    data = 0.0
    for i in range(N):
        margins = {j: s[i, j] - s[i, y[i]] + 1.0 for j in range(C) if j != y[i]}
        active = {j: margin for j, margin in margins.items() if margin > 0}
        data += sum(active.values())
        for j in active:
            ds[i, j] += 1.0
        ds[i, y[i]] -= len(active)
    terms = {"data": data / N, "reg": reg * np.sum(W * W)}
    grads = {"data": X.T @ ds / N, "reg": 2.0 * reg * W}
    return float(terms["data"] + terms["reg"]), grads["data"] + grads["reg"]


def softmax_loss(W, X, y, reg):
    W, X, y = _check(W, X, y)
    N = X.shape[0]
    rows = np.arange(N)
    log_p = _log_softmax(X @ W)
    ds = np.exp(log_p)
    ds[rows, y] -= 1.0
    terms = {"data": -log_p[rows, y].sum() / N, "reg": reg * np.sum(W * W)}
    grads = {"data": X.T @ ds / N, "reg": 2.0 * reg * W}
    return float(terms["data"] + terms["reg"]), grads["data"] + grads["reg"]


def mlp_loss_and_grads(params, X, y):
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    if L == 0 or set(params) != {f"{p}{l}" for l in range(1, L + 1) for p in "Wb"}:
        raise ValueError(f"params must hold W1, b1, ..., WL, bL; got {sorted(params)}")
    y = np.asarray(y)
    acts = {0: np.asarray(X, dtype=np.float64)}
    pre = {}
    for l in range(1, L + 1):
        W = np.asarray(params[f"W{l}"], dtype=np.float64)
        b = np.asarray(params[f"b{l}"], dtype=np.float64)
        if acts[l - 1].ndim != 2 or W.ndim != 2 or acts[l - 1].shape[1] != W.shape[0] \
                or b.shape != (W.shape[1],):
            raise ValueError(f"layer {l}: shapes disagree")
        pre[l] = acts[l - 1] @ W + params[f"b{l}"]
        if l < L:
            acts[l] = _sigmoid(pre[l])
    scores = pre[L]
    N = scores.shape[0]
    y = y.astype(np.intp)
    if y.shape != (N,) or (y.size and (y.min() < 0 or y.max() >= scores.shape[1])):
        raise ValueError("labels must be integers in 0..C-1, one per sample")
    rows = np.arange(N)
    log_p = _log_softmax(scores)
    delta = np.exp(log_p)
    delta[rows, y] -= 1.0
    delta /= N
    grads = {}
    for l in range(L, 0, -1):
        grads[f"W{l}"] = acts[l - 1].T @ delta
        grads[f"b{l}"] = delta.sum(axis=0)
        if l > 1:
            delta = (delta @ np.asarray(params[f"W{l}"], dtype=np.float64).T) \
                * acts[l - 1] * (1.0 - acts[l - 1])
    return float(-log_p[rows, y].sum() / N), {key: grads[key] for key in params}


def dag_forward_backward(x0, W1, W2, W3):
    x0 = np.asarray(x0, dtype=np.float64)
    W1 = np.asarray(W1, dtype=np.float64)
    W2 = np.asarray(W2, dtype=np.float64)
    W3 = np.asarray(W3, dtype=np.float64)
    d0, d1 = x0.shape[0], W1.shape[0]
    if W1.shape != (d1, d0) or W2.ndim != 2 or W2.shape[1] != d0 + d1:
        raise ValueError(f"shapes disagree: x0 {x0.shape}, W1 {W1.shape}, W2 {W2.shape}")
    if W3.shape != (d1 + W2.shape[0],):
        raise ValueError(f"W3 must have shape ({d1 + W2.shape[0]},), got {W3.shape}")
    nodes = {"x0": x0}
    nodes["x1"] = np.tanh(W1 @ nodes["x0"])
    nodes["z2"] = np.concatenate([nodes["x0"], nodes["x1"]])
    nodes["x2"] = np.tanh(W2 @ nodes["z2"])
    nodes["z3"] = np.concatenate([nodes["x1"], nodes["x2"]])
    x3 = float(W3 @ nodes["z3"])
    slope = {name: 1.0 - nodes[name] ** 2 for name in ("x1", "x2")}     # tanh' at each node
    adj = {"z3": W3}
    adj["x1"] = adj["z3"][:d1]
    adj["x2"] = adj["z3"][d1:]
    adj["s2"] = adj["x2"] * slope["x2"]
    adj["z2"] = W2.T @ adj["s2"]
    adj["x0"] = adj["z2"][:d0]
    adj["x1"] = adj["x1"] + adj["z2"][d0:]
    adj["s1"] = adj["x1"] * slope["x1"]
    adj["x0"] = adj["x0"] + W1.T @ adj["s1"]
    grads = {"W1": np.outer(adj["s1"], nodes["x0"]), "W2": np.outer(adj["s2"], nodes["z2"]),
             "W3": nodes["z3"].copy(), "x0": adj["x0"]}
    return x3, grads


def chain_rule_example(x):
    nodes = {"x": np.asarray(x, dtype=np.float64)}
    nodes["u"] = nodes["x"] ** 2
    nodes["v"] = np.sin(nodes["u"])
    nodes["f"] = np.exp(nodes["v"])
    local = {"df/dv": nodes["f"], "dv/du": np.cos(nodes["u"]), "du/dx": 2.0 * nodes["x"]}
    derivative = local["df/dv"] * local["dv/du"] * local["du/dx"]
    value = nodes["f"]
    if np.ndim(value) == 0:
        return float(value), float(derivative)
    return value, derivative
