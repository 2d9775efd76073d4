"""torch.optim: one step of torch.optim.SGD(momentum=mu) and torch.optim.Adam from the
given state."""

import numpy as np
import torch

from reference.gradient_descent import *  # noqa: F403


def _param(w, g):
    p = torch.tensor(np.asarray(w, dtype=float), requires_grad=True)
    p.grad = torch.tensor(np.asarray(g, dtype=float))
    return p


def momentum_step(w, g, v, lr, mu):
    p = _param(w, g)
    opt = torch.optim.SGD([p], lr=lr, momentum=mu)
    opt.state[p]["momentum_buffer"] = torch.tensor(np.asarray(v, dtype=float))
    opt.step()
    return p.detach().numpy(), opt.state[p]["momentum_buffer"].numpy()


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    p = _param(w, g)
    opt = torch.optim.Adam([p], lr=lr, betas=(beta1, beta2), eps=eps)
    opt.state[p].update(step=torch.tensor(float(t - 1)),
                        exp_avg=torch.tensor(np.asarray(m, dtype=float)),
                        exp_avg_sq=torch.tensor(np.asarray(v, dtype=float)))
    opt.step()
    state = opt.state[p]
    return p.detach().numpy(), state["exp_avg"].numpy(), state["exp_avg_sq"].numpy()
