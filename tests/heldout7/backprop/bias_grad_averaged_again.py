"""In mlp_loss_and_grads the bias gradient is the MEAN of delta over the samples instead of the
sum, although delta was already divided by N: db is N times too small.

Edited from correct_torch.py.
"""

import numpy as np
import torch


def _t(a):
    return torch.tensor(np.asarray(a, dtype=np.float64))


def softmax(Z):
    return torch.softmax(_t(Z), dim=1).numpy()


def softmax_jacobian(p):
    pt = _t(p)
    if pt.dim() != 1:
        raise ValueError(f"p must be 1-D, got shape {tuple(pt.shape)}")
    return (torch.diag(pt) - torch.outer(pt, pt)).numpy()


def _check(W, X, y):
    Wt, Xt = _t(W), _t(X)
    yn = np.asarray(y)
    if Wt.dim() != 2 or Xt.dim() != 2 or yn.ndim != 1 or Xt.shape[1] != Wt.shape[0] \
            or Xt.shape[0] != yn.shape[0]:
        raise ValueError(f"shapes disagree: W {tuple(Wt.shape)}, X {tuple(Xt.shape)}, y {yn.shape}")
    if yn.size and (yn.dtype.kind not in "iu" or yn.min() < 0 or yn.max() >= Wt.shape[1]):
        raise ValueError(f"labels must be integers in 0..{Wt.shape[1] - 1}")
    return Wt, Xt, torch.tensor(yn.astype(np.int64))


def hinge_loss(W, X, y, reg):
    Wt, Xt, yt = _check(W, X, y)
    N = Xt.shape[0]
    rows = torch.arange(N)
    s = Xt @ Wt
    m = s - s[rows, yt].unsqueeze(1) + 1.0
    m[rows, yt] = 0.0
    loss = m.clamp(min=0).sum() / N + reg * (Wt * Wt).sum()
    ds = (m > 0).to(torch.float64)
    ds[rows, yt] = -ds.sum(dim=1)
    dW = Xt.T @ ds / N + 2 * reg * Wt
    return float(loss), dW.numpy()


def softmax_loss(W, X, y, reg):
    Wt, Xt, yt = _check(W, X, y)
    N = Xt.shape[0]
    logp = torch.log_softmax(Xt @ Wt, dim=1)
    loss = -logp[torch.arange(N), yt].sum() / N + reg * (Wt * Wt).sum()
    ds = logp.exp()
    ds[torch.arange(N), yt] -= 1.0
    dW = Xt.T @ ds / N + 2 * reg * Wt
    return float(loss), dW.numpy()


def mlp_loss_and_grads(params, X, y):
    L = len([k for k in params if k.startswith("W")])
    xs = [_t(X)]
    for l in range(1, L + 1):
        s = xs[-1] @ _t(params[f"W{l}"]) + _t(params[f"b{l}"])
        xs.append(torch.sigmoid(s) if l < L else s)
    yt = torch.tensor(np.asarray(y).astype(np.int64))
    N = yt.shape[0]
    logp = torch.log_softmax(xs[-1], dim=1)
    loss = -logp[torch.arange(N), yt].mean()
    delta = logp.exp()
    delta[torch.arange(N), yt] -= 1.0
    delta = delta / N
    grads = {}
    for l in range(L, 0, -1):
        grads[f"W{l}"] = (xs[l - 1].T @ delta).numpy()
        grads[f"b{l}"] = delta.mean(dim=0).numpy()
        if l > 1:
            delta = (delta @ _t(params[f"W{l}"]).T) * xs[l - 1] * (1 - xs[l - 1])
    return float(loss), {k: grads[k] for k in params}


def dag_forward_backward(x0, W1, W2, W3):
    x0t, W1t, W2t, W3t = _t(x0), _t(W1), _t(W2), _t(W3)
    d0, d1 = x0t.shape[0], W1t.shape[0]
    if tuple(W1t.shape) != (d1, d0) or W2t.dim() != 2 or W2t.shape[1] != d0 + d1 \
            or tuple(W3t.shape) != (d1 + W2t.shape[0],):
        raise ValueError("shapes of x0, W1, W2, W3 disagree")
    x1 = torch.tanh(W1t @ x0t)
    z2 = torch.cat([x0t, x1])
    x2 = torch.tanh(W2t @ z2)
    z3 = torch.cat([x1, x2])
    x3 = float(W3t @ z3)
    g2 = W3t[d1:] * (1 - x2**2)
    gz2 = W2t.T @ g2
    g1 = (W3t[:d1] + gz2[d0:]) * (1 - x1**2)
    gx0 = gz2[:d0] + W1t.T @ g1
    grads = {"W1": torch.outer(g1, x0t), "W2": torch.outer(g2, z2), "W3": z3, "x0": gx0}
    return x3, {k: v.numpy() for k, v in grads.items()}


def chain_rule_example(x):
    xt = torch.tensor(float(x), dtype=torch.float64)
    u = xt * xt
    f = torch.exp(torch.sin(u))
    return float(f), float(f * torch.cos(u) * 2 * xt)
