"""The sample blocks run over range(0, N - ROWS + 1, ROWS): the last, shorter block is skipped.

The samples of the last partial block add nothing to the loss or the gradient, yet both are
divided by all N (with fewer than four samples only the regulariser is left).

Single mistake in hinge_loss; written from correct_chunked.
"""

import numpy as np

ROWS = 4
JROWS = 2
UNITS = 2


def softmax(Z):
    """Row-wise softmax, shifted by the row max, ROWS rows at a time."""
    Z = np.asarray(Z, dtype=np.float64)
    if Z.ndim < 2:
        shifted = Z - Z.max(axis=-1, keepdims=True)
        e = np.exp(shifted)
        return e / e.sum(axis=-1, keepdims=True)
    P = np.empty_like(Z)
    for start in range(0, Z.shape[0], ROWS):
        block = Z[start:start + ROWS]
        e = np.exp(block - block.max(axis=-1, keepdims=True))
        P[start:start + ROWS] = e / e.sum(axis=-1, keepdims=True)
    return P


def softmax_jacobian(p):
    """diag(p) - p p^T, JROWS rows at a time."""
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError("p must be 1-D")
    C = p.shape[0]
    J = np.empty((C, C))
    diag = np.diag(p)
    for start in range(0, C, JROWS):
        stop = min(start + JROWS, C)
        J[start:stop] = diag[start:stop] - np.outer(p[start:stop], p)
    return J


def _check(W, X, y):
    W = np.asarray(W, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if W.ndim != 2 or X.ndim != 2 or y.ndim != 1:
        raise ValueError("expected W (D, C), X (N, D), y (N,)")
    if X.shape[1] != W.shape[0] or X.shape[0] != y.shape[0]:
        raise ValueError("shapes disagree")
    if y.size and (y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= W.shape[1]):
        raise ValueError("labels out of range")
    return W, X, y.astype(np.intp)


def hinge_loss(W, X, y, reg):
    """Multiclass SVM loss and gradient, summed over blocks of ROWS samples."""
    W, X, y = _check(W, X, y)
    N = X.shape[0]
    total = 0.0
    dW = np.zeros_like(W)
    for start in range(0, N - ROWS + 1, ROWS):
        X_b, y_b = X[start:start + ROWS], y[start:start + ROWS]
        rows = np.arange(X_b.shape[0])
        s = X_b @ W
        margins = s - s[rows, y_b][:, None] + 1.0
        margins[rows, y_b] = 0.0
        total += float(np.maximum(0.0, margins).sum())
        ds = (margins > 0).astype(np.float64)
        ds[rows, y_b] = -ds.sum(axis=1)
        dW += X_b.T @ ds
    return total / N + reg * float(np.sum(W * W)), dW / N + 2.0 * reg * W


def _block_cross_entropy(s, y):
    """Summed (not averaged) cross-entropy of a block of scores, and its P - Y."""
    rows = np.arange(s.shape[0])
    shifted = s - s.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    ds = np.exp(log_p)
    ds[rows, y] -= 1.0
    return float(-log_p[rows, y].sum()), ds


def softmax_loss(W, X, y, reg):
    """Mean cross-entropy plus reg * sum W^2 and its gradient, over blocks of ROWS samples."""
    W, X, y = _check(W, X, y)
    N = X.shape[0]
    total = 0.0
    dW = np.zeros_like(W)
    for start in range(0, N, ROWS):
        X_b = X[start:start + ROWS]
        loss_b, ds = _block_cross_entropy(X_b @ W, y[start:start + ROWS])
        total += loss_b
        dW += X_b.T @ ds
    return total / N + reg * float(np.sum(W * W)), dW / N + 2.0 * reg * W


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def mlp_loss_and_grads(params, X, y):
    """Sigmoid MLP, mean softmax cross-entropy; forward and backward per block of ROWS samples."""
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    if L == 0 or set(params) != {f"{p}{l}" for l in range(1, L + 1) for p in "Wb"}:
        raise ValueError("params must hold W1, b1, ..., WL, bL")
    Ws = [np.asarray(params[f"W{l}"], dtype=np.float64) for l in range(1, L + 1)]
    bs = [np.asarray(params[f"b{l}"], dtype=np.float64) for l in range(1, L + 1)]
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y).astype(np.intp)
    N = X.shape[0]
    total = 0.0
    dWs = [np.zeros_like(W) for W in Ws]
    dbs = [np.zeros_like(b) for b in bs]
    for start in range(0, N, ROWS):
        acts = [X[start:start + ROWS]]
        for l in range(L):
            s = acts[-1] @ Ws[l] + bs[l]
            acts.append(_sigmoid(s) if l < L - 1 else s)
        loss_b, delta = _block_cross_entropy(acts[-1], y[start:start + ROWS])
        total += loss_b
        for l in range(L - 1, -1, -1):
            dWs[l] += acts[l].T @ delta
            dbs[l] += delta.sum(axis=0)
            if l > 0:
                delta = (delta @ Ws[l].T) * acts[l] * (1.0 - acts[l])
    grads = {}
    for l in range(L):
        grads[f"W{l + 1}"] = dWs[l] / N
        grads[f"b{l + 1}"] = dbs[l] / N
    return total / N, grads


def dag_forward_backward(x0, W1, W2, W3):
    """x3 = W3 . [x1; x2] and its gradients; W2^T ds2 is summed over blocks of UNITS rows."""
    x0 = np.asarray(x0, dtype=np.float64)
    W1 = np.asarray(W1, dtype=np.float64)
    W2 = np.asarray(W2, dtype=np.float64)
    W3 = np.asarray(W3, dtype=np.float64)
    d0, d1 = x0.shape[0], W1.shape[0]
    if W1.shape != (d1, d0) or W2.ndim != 2 or W2.shape[1] != d0 + d1:
        raise ValueError("shapes disagree")
    d2 = W2.shape[0]
    if W3.shape != (d1 + d2,):
        raise ValueError("W3 has the wrong length")
    x1 = np.tanh(W1 @ x0)
    z2 = np.concatenate([x0, x1])
    x2 = np.tanh(W2 @ z2)
    z3 = np.concatenate([x1, x2])
    x3 = float(W3 @ z3)
    ds2 = W3[d1:] * (1.0 - x2 ** 2)
    dz2 = np.zeros(d0 + d1)
    for start in range(0, d2, UNITS):
        dz2 += W2[start:start + UNITS].T @ ds2[start:start + UNITS]
    dx1 = W3[:d1] + dz2[d0:]
    ds1 = dx1 * (1.0 - x1 ** 2)
    grads = {"W1": np.outer(ds1, x0), "W2": np.outer(ds2, z2), "W3": z3.copy(),
             "x0": dz2[:d0] + W1.T @ ds1}
    return x3, grads


def chain_rule_example(x):
    """(e^{sin(x^2)}, its derivative)."""
    x = np.asarray(x, dtype=np.float64)
    u = x * x
    f = np.exp(np.sin(u))
    df = f * np.cos(u) * 2.0 * x
    if np.ndim(f) == 0:
        return float(f), float(df)
    return f, df
