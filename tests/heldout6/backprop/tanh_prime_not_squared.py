"""tanh's derivative is written 1 - tanh instead of 1 - tanh^2 (mixed up with the sigmoid's s (1 -
s)), in both tanh layers of the DAG.

Edited from correct_torch.py.
"""

import torch

F64 = torch.float64


def _t(a):
    return torch.as_tensor(a, dtype=F64)


def softmax(Z):
    Z = _t(Z)
    Z = Z - Z.amax(dim=1, keepdim=True)
    E = Z.exp()
    return E / E.sum(dim=1, keepdim=True)


def softmax_jacobian(p):
    p = _t(p)
    return torch.diag(p) - p[:, None] * p[None, :]


def hinge_loss(W, X, y, reg):
    W, X = _t(W), _t(X)
    y = torch.as_tensor(y, dtype=torch.long)
    N = X.shape[0]
    S = X @ W
    correct = S.gather(1, y[:, None])
    M = (S - correct + 1.0).clamp(min=0.0)
    M.scatter_(1, y[:, None], 0.0)
    loss = M.sum() / N + reg * (W * W).sum()
    G = (M > 0).to(F64)
    G.scatter_(1, y[:, None], -G.sum(dim=1, keepdim=True))
    dW = X.T @ G / N + 2 * reg * W
    return float(loss), dW


def softmax_loss(W, X, y, reg):
    W, X = _t(W), _t(X)
    y = torch.as_tensor(y, dtype=torch.long)
    N = X.shape[0]
    S = X @ W
    logp = torch.log_softmax(S, dim=1)
    loss = -logp[torch.arange(N), y].mean() + reg * (W * W).sum()
    G = logp.exp()
    G[torch.arange(N), y] -= 1.0
    dW = X.T @ G / N + 2 * reg * W
    return float(loss), dW


def mlp_loss_and_grads(params, X, y):
    y = torch.as_tensor(y, dtype=torch.long)
    L = sum(1 for k in params if k.startswith("W"))
    a = _t(X)
    inputs = []
    for l in range(1, L + 1):
        inputs.append(a)
        s = a @ _t(params[f"W{l}"]) + _t(params[f"b{l}"])
        a = torch.sigmoid(s) if l < L else s
    N = a.shape[0]
    logp = torch.log_softmax(a, dim=1)
    loss = -logp[torch.arange(N), y].mean()
    delta = logp.exp()
    delta[torch.arange(N), y] -= 1.0
    delta = delta / N
    grads = {}
    for l in range(L, 0, -1):
        x_prev = inputs[l - 1]
        grads[f"W{l}"] = x_prev.T @ delta
        grads[f"b{l}"] = delta.sum(dim=0)
        if l > 1:
            delta = (delta @ _t(params[f"W{l}"]).T) * x_prev * (1 - x_prev)
    return float(loss), grads


def dag_forward_backward(x0, W1, W2, W3):
    x0, W1, W2, W3 = _t(x0), _t(W1), _t(W2), _t(W3)
    d0, d1 = x0.shape[0], W1.shape[0]
    x1 = torch.tanh(W1 @ x0)
    z2 = torch.cat([x0, x1])
    x2 = torch.tanh(W2 @ z2)
    z3 = torch.cat([x1, x2])
    x3 = W3 @ z3
    g_s2 = W3[d1:] * (1 - x2)
    g_z2 = W2.T @ g_s2
    g_x1 = W3[:d1] + g_z2[d0:]
    g_s1 = g_x1 * (1 - x1)
    g_x0 = g_z2[:d0] + W1.T @ g_s1
    grads = {
        "W1": torch.outer(g_s1, x0),
        "W2": torch.outer(g_s2, z2),
        "W3": z3.clone(),
        "x0": g_x0,
    }
    return float(x3), grads


def chain_rule_example(x):
    x = torch.tensor(float(x), dtype=F64)
    u = x * x
    f = torch.exp(torch.sin(u))
    return float(f), float(f * torch.cos(u) * 2 * x)
