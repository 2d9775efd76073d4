"""Losses, softmax and backpropagation written with numpy structured arrays: the samples are
records with the fields x and label, every MLP layer is a record with the fields W and b (its
gradient a record of the same dtype), and the graph's forward values are a record with the
fields x1, x2, z2, z3; every value is read by its field name.

Correct solution (style: structured).
"""

import numpy as np


def softmax(Z):
    """Row-wise softmax, each row shifted by its own maximum."""
    Z = np.asarray(Z, dtype=np.float64)
    e = np.exp(Z - Z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def softmax_jacobian(p):
    """diag(p) - p p^T for one probability vector p."""
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError("p must be 1-D")
    return np.diag(p) - np.outer(p, p)


def _samples(W, X, y):
    """The data as records with the fields x and label, checked against W."""
    W = np.asarray(W, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if W.ndim != 2 or X.ndim != 2 or y.ndim != 1:
        raise ValueError("expected W (D, C), X (N, D), y (N,)")
    if X.shape[1] != W.shape[0] or X.shape[0] != y.shape[0]:
        raise ValueError("shapes of W, X and y disagree")
    if y.size and (y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= W.shape[1]):
        raise ValueError("labels must be integers in 0..C-1")
    data = np.zeros(X.shape[0], dtype=[("x", np.float64, (X.shape[1],)), ("label", np.intp)])
    data["x"] = X
    data["label"] = y
    return W, data


def hinge_loss(W, X, y, reg):
    """Multiclass SVM loss and gradient over the sample records."""
    W, data = _samples(W, X, y)
    N = data.shape[0]
    rows = np.arange(N)
    scores = data["x"] @ W
    margins = scores - scores[rows, data["label"]][:, None] + 1.0
    margins[rows, data["label"]] = 0.0
    loss = np.maximum(margins, 0.0).sum() / N + reg * np.sum(W * W)
    active = (margins > 0).astype(np.float64)
    active[rows, data["label"]] = -active.sum(axis=1)
    dW = data["x"].T @ active / N + 2 * reg * W
    return float(loss), dW


def _cross_entropy(scores, labels):
    """Mean cross-entropy of the scores against the labels, and d loss / d scores."""
    N = scores.shape[0]
    rows = np.arange(N)
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -log_p[rows, labels].sum() / N
    dscores = np.exp(log_p)
    dscores[rows, labels] -= 1.0
    return float(loss), dscores / N


def softmax_loss(W, X, y, reg):
    """Mean cross-entropy of a linear classifier over the sample records, and its gradient."""
    W, data = _samples(W, X, y)
    loss, dscores = _cross_entropy(data["x"] @ W, data["label"])
    return loss + reg * float(np.sum(W * W)), data["x"].T @ dscores + 2 * reg * W


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _layers(params):
    """The parameters as a list of 0-d records with the fields W and b, layer 1 first."""
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    if L == 0 or set(params) != {f"{p}{l}" for l in range(1, L + 1) for p in "Wb"}:
        raise ValueError("params must hold W1, b1, ..., WL, bL")
    layers = []
    for l in range(1, L + 1):
        W = np.asarray(params[f"W{l}"], dtype=np.float64)
        b = np.asarray(params[f"b{l}"], dtype=np.float64)
        layer = np.zeros((), dtype=[("W", np.float64, W.shape), ("b", np.float64, b.shape)])
        layer["W"] = W
        layer["b"] = b
        layers.append(layer)
    return layers


def mlp_loss_and_grads(params, X, y):
    """Forward through the layer records, cross-entropy, then the delta recursion."""
    layers = _layers(params)
    activations = [np.asarray(X, dtype=np.float64)]
    for l, layer in enumerate(layers, start=1):
        s = activations[-1] @ layer["W"] + layer["b"]
        activations.append(_sigmoid(s) if l < len(layers) else s)
    labels = np.asarray(y).astype(np.intp)
    scores = activations[-1]
    if labels.shape != (scores.shape[0],):
        raise ValueError("y must have one label per row of X")
    if labels.size and (labels.min() < 0 or labels.max() >= scores.shape[1]):
        raise ValueError("labels must be in 0..C-1")
    loss, delta = _cross_entropy(scores, labels)
    grads = {}
    for l in range(len(layers), 0, -1):
        layer = layers[l - 1]
        grad = np.zeros_like(layer)
        grad["W"] = activations[l - 1].T @ delta
        grad["b"] = delta.sum(axis=0)
        grads[f"W{l}"] = grad["W"].copy()
        grads[f"b{l}"] = grad["b"].copy()
        if l > 1:
            x = activations[l - 1]
            delta = (delta @ layer["W"].T) * x * (1.0 - x)
    return loss, {k: grads[k] for l in range(1, len(layers) + 1) for k in (f"W{l}", f"b{l}")}


def dag_forward_backward(x0, W1, W2, W3):
    """The graph's forward values kept in one record (x1, x2, z2, z3), then the backward pass."""
    x0 = np.asarray(x0, dtype=np.float64)
    W1 = np.asarray(W1, dtype=np.float64)
    W2 = np.asarray(W2, dtype=np.float64)
    W3 = np.asarray(W3, dtype=np.float64)
    d0, d1 = x0.shape[0], W1.shape[0]
    if W1.shape != (d1, d0) or W2.ndim != 2 or W2.shape[1] != d0 + d1:
        raise ValueError("shapes of x0, W1 and W2 disagree")
    d2 = W2.shape[0]
    if W3.shape != (d1 + d2,):
        raise ValueError("W3 has the wrong length")
    node = np.zeros((), dtype=[("x1", np.float64, (d1,)), ("x2", np.float64, (d2,)),
                               ("z2", np.float64, (d0 + d1,)), ("z3", np.float64, (d1 + d2,))])
    node["x1"] = np.tanh(W1 @ x0)
    node["z2"] = np.concatenate([x0, node["x1"]])
    node["x2"] = np.tanh(W2 @ node["z2"])
    node["z3"] = np.concatenate([node["x1"], node["x2"]])
    x3 = float(W3 @ node["z3"])
    ds2 = W3[d1:] * (1.0 - node["x2"] ** 2)
    dz2 = W2.T @ ds2
    ds1 = (W3[:d1] + dz2[d0:]) * (1.0 - node["x1"] ** 2)
    grads = {
        "W1": np.outer(ds1, x0),
        "W2": np.outer(ds2, node["z2"]),
        "W3": node["z3"].copy(),
        "x0": dz2[:d0] + W1.T @ ds1,
    }
    return x3, grads


def chain_rule_example(x):
    """f(x) = exp(sin(x^2)) and its derivative, the chain's values kept in a (u, v, f) record."""
    x = np.asarray(x, dtype=np.float64)
    chain = np.zeros(x.shape, dtype=[("u", np.float64), ("v", np.float64), ("f", np.float64)])
    chain["u"] = x * x
    chain["v"] = np.sin(chain["u"])
    chain["f"] = np.exp(chain["v"])
    df = chain["f"] * np.cos(chain["u"]) * 2.0 * x
    if x.ndim == 0:
        return float(chain["f"]), float(df)
    return chain["f"].copy(), df
