"""A correct solution with torch.autograd, returning tensors: must score full marks."""

import torch
import torch.nn.functional as F


def T(a, grad=False):
    return torch.tensor(a, dtype=torch.float64, requires_grad=grad)


def softmax(Z):
    return torch.softmax(T(Z), dim=1)


def softmax_jacobian(p):
    p = T(p)
    return torch.diag(p) - torch.outer(p, p)


def hinge_loss(W, X, y, reg):
    W = T(W, True)
    X, y = T(X), torch.as_tensor(y)
    s = X @ W
    m = torch.clamp(s - s.gather(1, y[:, None]) + 1, min=0)
    m = m.scatter(1, y[:, None], 0.0)
    loss = m.sum() / len(y) + reg * (W**2).sum()
    loss.backward()
    return loss.item(), W.grad


def softmax_loss(W, X, y, reg):
    W = T(W, True)
    loss = F.cross_entropy(T(X) @ W, torch.as_tensor(y)) + reg * (W**2).sum()
    loss.backward()
    return loss, W.grad


def mlp_loss_and_grads(params, X, y):
    p = {k: T(v, True) for k, v in params.items()}
    L = len(p) // 2
    x = T(X)
    for l in range(1, L + 1):
        x = x @ p[f"W{l}"] + p[f"b{l}"]
        if l < L:
            x = torch.sigmoid(x)
    loss = F.cross_entropy(x, torch.as_tensor(y))
    loss.backward()
    return loss.item(), {k: v.grad for k, v in p.items()}


def dag_forward_backward(x0, W1, W2, W3):
    x0, W1, W2, W3 = (T(a, True) for a in (x0, W1, W2, W3))
    x1 = torch.tanh(W1 @ x0)
    x2 = torch.tanh(W2 @ torch.cat([x0, x1]))
    x3 = W3 @ torch.cat([x1, x2])
    x3.backward()
    return x3, {"W1": W1.grad, "W2": W2.grad, "W3": W3.grad, "x0": x0.grad}


def chain_rule_example(x):
    x = T(x, True)
    f = torch.exp(torch.sin(x**2))
    f.backward()
    return f.item(), x.grad.item()
