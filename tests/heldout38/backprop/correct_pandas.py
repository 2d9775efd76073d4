"""Backpropagation written with pandas: scores are DataFrames with one column per class, the
labels a one-hot DataFrame from `pd.get_dummies` over all C classes, the linear classifiers'
gradients are assembled column by column (one class at a time), and the MLP keeps its layers'
activations in a dict; numpy arrays at the API boundary.

Correct solution (style: pandas).
"""

import numpy as np
import pandas as pd


def softmax(Z):
    """Row-wise softmax of a DataFrame, shifted by the row max."""
    Z = np.asarray(Z, dtype=np.float64)
    if Z.ndim != 2:
        shifted = Z - Z.max(axis=-1, keepdims=True)
        return np.exp(shifted) / np.exp(shifted).sum(axis=-1, keepdims=True)
    frame = pd.DataFrame(Z)
    shifted = frame.sub(frame.max(axis=1), axis=0)
    e = np.exp(shifted)
    return e.div(e.sum(axis=1), axis=0).to_numpy(dtype=np.float64)


def softmax_jacobian(p):
    """diag(p) - p p^T, as a labelled DataFrame."""
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError("p must be 1-D")
    probs = pd.Series(p)
    J = pd.DataFrame(np.diag(p)) - np.outer(probs, probs)
    return J.to_numpy(dtype=np.float64)


def _checked(W, X, y):
    W, X, y = np.asarray(W, dtype=np.float64), np.asarray(X, dtype=np.float64), np.asarray(y)
    if W.ndim != 2 or X.ndim != 2 or y.ndim != 1:
        raise ValueError("expected W (D, C), X (N, D), y (N,)")
    if X.shape[1] != W.shape[0] or X.shape[0] != y.shape[0]:
        raise ValueError("shapes disagree")
    if y.size and (y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= W.shape[1]):
        raise ValueError("labels must be ints in 0..C-1")
    return W, X, y.astype(np.intp)


def _one_hot(y, C):
    labels = pd.Categorical(y, categories=range(C))
    return pd.get_dummies(labels).astype(np.float64)


def _grad_columns(X, dscores, W, reg):
    dW = pd.DataFrame(index=range(W.shape[0]))
    for c in dscores.columns:
        dW[c] = X.T @ dscores[c].to_numpy() + 2.0 * reg * W[:, c]
    return dW.to_numpy(dtype=np.float64).reshape(W.shape)


def hinge_loss(W, X, y, reg):
    """Margins as a DataFrame, the true class's column zeroed, then dW column by column."""
    W, X, y = _checked(W, X, y)
    N, C = X.shape[0], W.shape[1]
    scores = pd.DataFrame(X @ W, columns=range(C))
    onehot = _one_hot(y, C)
    onehot.columns = range(C)
    true_score = (scores * onehot).sum(axis=1)
    margins = scores.sub(true_score, axis=0) + 1.0
    margins = margins.mask(onehot == 1.0, 0.0)
    loss = margins.clip(lower=0.0).to_numpy().sum() / N + reg * np.sum(W * W)
    active = (margins > 0).astype(np.float64)
    dscores = active - onehot.mul(active.sum(axis=1), axis=0)
    return float(loss), _grad_columns(X, dscores / N, W, reg)


def _cross_entropy(scores, y, C):
    frame = pd.DataFrame(scores, columns=range(C))
    shifted = frame.sub(frame.max(axis=1), axis=0)
    log_p = shifted.sub(np.log(np.exp(shifted).sum(axis=1)), axis=0)
    onehot = _one_hot(y, C)
    onehot.columns = range(C)
    N = len(frame)
    loss = -(log_p * onehot).to_numpy().sum() / N
    dscores = (np.exp(log_p) - onehot) / N
    return float(loss), dscores


def softmax_loss(W, X, y, reg):
    """Cross-entropy of the scores DataFrame against the one-hot labels; dW column by column."""
    W, X, y = _checked(W, X, y)
    loss, dscores = _cross_entropy(X @ W, y, W.shape[1])
    return float(loss + reg * np.sum(W * W)), _grad_columns(X, dscores, W, reg)


def _sigmoid(s):
    e = np.exp(-np.abs(s))
    return np.where(s >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def mlp_loss_and_grads(params, X, y):
    """Forward pass keeping every layer's input, cross-entropy of the last scores, backprop."""
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    if L == 0 or set(params) != {f"{p}{l}" for l in range(1, L + 1) for p in "Wb"}:
        raise ValueError("params must be W1, b1, ..., WL, bL")
    seen = {0: np.asarray(X, dtype=np.float64)}
    for l in range(1, L + 1):
        W = np.asarray(params[f"W{l}"], dtype=np.float64)
        b = np.asarray(params[f"b{l}"], dtype=np.float64)
        x = seen[l - 1]
        if x.ndim != 2 or W.ndim != 2 or x.shape[1] != W.shape[0] or b.shape != (W.shape[1],):
            raise ValueError(f"layer {l} shapes disagree")
        s = x @ W + b
        seen[l] = _sigmoid(s) if l < L else s
    scores = seen[L]
    y = np.asarray(y)
    if y.shape != (scores.shape[0],) or (y.size and (y.min() < 0 or y.max() >= scores.shape[1])):
        raise ValueError("labels must be ints in 0..C-1, one per row")
    loss, dscores = _cross_entropy(scores, y.astype(np.intp), scores.shape[1])
    delta = dscores.to_numpy(dtype=np.float64)
    grads = {}
    for l in range(L, 0, -1):
        grads[f"W{l}"] = seen[l - 1].T @ delta
        grads[f"b{l}"] = delta.sum(axis=0)
        if l > 1:
            back = delta @ np.asarray(params[f"W{l}"], dtype=np.float64).T
            delta = back * seen[l - 1] * (1.0 - seen[l - 1])
    return float(loss), {k: grads[k] for l in range(1, L + 1) for k in (f"W{l}", f"b{l}")}


def dag_forward_backward(x0, W1, W2, W3):
    """x1 = tanh(W1 x0), x2 = tanh(W2 [x0; x1]), x3 = W3 . [x1; x2]; gradients over all paths."""
    x0, W1, W2, W3 = (np.asarray(a, dtype=np.float64) for a in (x0, W1, W2, W3))
    d0, d1 = x0.shape[0], W1.shape[0]
    if W1.shape != (d1, d0) or W2.ndim != 2 or W2.shape[1] != d0 + d1 \
            or W3.shape != (d1 + W2.shape[0],):
        raise ValueError("shapes disagree")
    x1 = np.tanh(W1 @ x0)
    z2 = pd.concat([pd.Series(x0), pd.Series(x1)], ignore_index=True).to_numpy()
    x2 = np.tanh(W2 @ z2)
    z3 = pd.concat([pd.Series(x1), pd.Series(x2)], ignore_index=True).to_numpy()
    x3 = float(W3 @ z3)
    ds2 = W3[d1:] * (1.0 - x2 ** 2)
    dz2 = W2.T @ ds2
    ds1 = (W3[:d1] + dz2[d0:]) * (1.0 - x1 ** 2)
    dx0 = dz2[:d0] + W1.T @ ds1
    return x3, {"W1": np.outer(ds1, x0), "W2": np.outer(ds2, z2), "W3": z3, "x0": dx0}


def chain_rule_example(x):
    """u = x^2, v = sin u, f = e^v; f' = e^v cos(u) 2x."""
    x = np.asarray(x, dtype=np.float64)
    u = x ** 2
    v = np.sin(u)
    f = np.exp(v)
    df = f * np.cos(u) * 2.0 * x
    if np.ndim(f) == 0:
        return float(f), float(df)
    return f, df
