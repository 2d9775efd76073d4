"""The last factor of the chain rule is 2u instead of 2x (du/dx read from the wrong entry of the data).

The derivative is e^{sin x^2} cos(x^2) 2x^2: wrong for every x other than 0 and 1.

Single mistake in chain_rule_example; written from correct_pipeline.
"""

import numpy as np


def _run(steps, data):
    for step in steps:
        data = step(data)
    return data


def _shift(data):
    Z = np.asarray(data["Z"], dtype=np.float64)
    return {**data, "Z": Z - Z.max(axis=-1, keepdims=True)}


def _exponentiate(data):
    return {**data, "E": np.exp(data["Z"])}


def _normalise(data):
    E = data["E"]
    return E / E.sum(axis=-1, keepdims=True)


def softmax(Z):
    """Row-wise, shifted by the row max."""
    return _run([_shift, _exponentiate, _normalise], {"Z": Z})


def softmax_jacobian(p):
    """diag(p) - p p^T."""
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError("p must be 1-D")
    return np.diag(p) - np.outer(p, p)


def _validate_linear(data):
    W = np.asarray(data["W"], dtype=np.float64)
    X = np.asarray(data["X"], dtype=np.float64)
    y = np.asarray(data["y"])
    if W.ndim != 2 or X.ndim != 2 or y.ndim != 1:
        raise ValueError("expected W (D, C), X (N, D), y (N,)")
    if X.shape[1] != W.shape[0] or X.shape[0] != y.shape[0]:
        raise ValueError("shapes disagree")
    if y.size and (y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= W.shape[1]):
        raise ValueError("labels out of range")
    return {**data, "W": W, "X": X, "y": y.astype(np.intp)}


def _scores(data):
    return {**data, "s": data["X"] @ data["W"], "rows": np.arange(data["X"].shape[0])}


def _hinge(data):
    s, y, rows = data["s"], data["y"], data["rows"]
    N = s.shape[0]
    margins = s - s[rows, y][:, None] + 1.0
    margins[rows, y] = 0.0
    ds = (margins > 0).astype(np.float64)
    ds[rows, y] = -ds.sum(axis=1)
    return {**data, "loss": np.maximum(0.0, margins).sum() / N, "ds": ds / N}


def _cross_entropy(data):
    s, y, rows = data["s"], data["y"], data["rows"]
    N = s.shape[0]
    shifted = s - s.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    ds = np.exp(log_p)
    ds[rows, y] -= 1.0
    return {**data, "loss": -log_p[rows, y].sum() / N, "ds": ds / N}


def _regularise(data):
    W, reg = data["W"], data["reg"]
    return {**data, "loss": data["loss"] + reg * np.sum(W * W),
            "dW": data["X"].T @ data["ds"] + 2.0 * reg * W}


def _finish_loss(data):
    return float(data["loss"]), data["dW"]


def hinge_loss(W, X, y, reg):
    """Multiclass SVM loss and gradient."""
    return _run([_validate_linear, _scores, _hinge, _regularise, _finish_loss],
                {"W": W, "X": X, "y": y, "reg": reg})


def softmax_loss(W, X, y, reg):
    """Cross-entropy loss and gradient."""
    return _run([_validate_linear, _scores, _cross_entropy, _regularise, _finish_loss],
                {"W": W, "X": X, "y": y, "reg": reg})


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _prepare_mlp(data):
    params = data["params"]
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    if L == 0 or set(params) != {f"{p}{l}" for l in range(1, L + 1) for p in "Wb"}:
        raise ValueError("params must hold W1, b1, ..., WL, bL")
    return {**data, "L": L, "x": np.asarray(data["X"], dtype=np.float64), "inputs": [],
            "outs": []}


def _forward(data):
    x, params = data["x"], data["params"]
    inputs, outs = [], []
    for l in range(1, data["L"] + 1):
        inputs.append(x)
        s = x @ np.asarray(params[f"W{l}"], dtype=np.float64) \
            + np.asarray(params[f"b{l}"], dtype=np.float64)
        x = _sigmoid(s) if l < data["L"] else s
        outs.append(x)
    return {**data, "s": x, "inputs": inputs, "outs": outs,
            "y": np.asarray(data["y"]).astype(np.intp), "rows": np.arange(x.shape[0])}


def _validate_labels(data):
    s, y = data["s"], data["y"]
    if y.shape != (s.shape[0],) or (y.size and (y.min() < 0 or y.max() >= s.shape[1])):
        raise ValueError("labels must be integers in 0..C-1, one per row")
    return data


def _backward(data):
    params, grads = data["params"], {}
    delta = data["ds"]
    for l in range(data["L"], 0, -1):
        if l < data["L"]:
            out = data["outs"][l - 1]
            delta = delta * out * (1.0 - out)
        grads[f"W{l}"] = data["inputs"][l - 1].T @ delta
        grads[f"b{l}"] = delta.sum(axis=0)
        delta = delta @ np.asarray(params[f"W{l}"], dtype=np.float64).T
    return {**data, "grads": {k: grads[k] for l in range(1, data["L"] + 1)
                              for k in (f"W{l}", f"b{l}")}}


def _finish_mlp(data):
    return float(data["loss"]), data["grads"]


def mlp_loss_and_grads(params, X, y):
    """Sigmoid MLP with a softmax cross-entropy output."""
    return _run([_prepare_mlp, _forward, _validate_labels, _cross_entropy, _backward,
                 _finish_mlp],
                {"params": params, "X": X, "y": y})


def _dag_forward(data):
    x0, W1, W2, W3 = (np.asarray(data[k], dtype=np.float64) for k in ("x0", "W1", "W2", "W3"))
    d0, d1 = x0.shape[0], W1.shape[0]
    if W1.shape != (d1, d0) or W2.ndim != 2 or W2.shape[1] != d0 + d1 \
            or W3.shape != (d1 + W2.shape[0],):
        raise ValueError("shapes disagree")
    x1 = np.tanh(W1 @ x0)
    z2 = np.concatenate([x0, x1])
    x2 = np.tanh(W2 @ z2)
    z3 = np.concatenate([x1, x2])
    return {**data, "x0": x0, "W1": W1, "W2": W2, "W3": W3, "x1": x1, "z2": z2, "x2": x2,
            "z3": z3, "x3": float(W3 @ z3)}


def _dag_backward(data):
    x0, x1, x2, W1, W2, W3 = (data[k] for k in ("x0", "x1", "x2", "W1", "W2", "W3"))
    d0, d1 = x0.shape[0], x1.shape[0]
    ds2 = W3[d1:] * (1.0 - x2**2)
    dz2 = W2.T @ ds2
    dx1 = W3[:d1] + dz2[d0:]
    ds1 = dx1 * (1.0 - x1**2)
    grads = {"W1": np.outer(ds1, x0), "W2": np.outer(ds2, data["z2"]),
             "W3": data["z3"].copy(), "x0": dz2[:d0] + W1.T @ ds1}
    return data["x3"], grads


def dag_forward_backward(x0, W1, W2, W3):
    """x3 = W3 . [x1; x2] and its gradients summed over every path."""
    return _run([_dag_forward, _dag_backward], {"x0": x0, "W1": W1, "W2": W2, "W3": W3})


def _chain_forward(data):
    x = float(data["x"])
    u = x * x
    return {**data, "x": x, "u": u, "f": float(np.exp(np.sin(u)))}


def _chain_backward(data):
    return data["f"], data["f"] * float(np.cos(data["u"])) * 2.0 * data["u"]


def chain_rule_example(x):
    """(e^{sin x^2}, its derivative)."""
    return _run([_chain_forward, _chain_backward], {"x": x})
