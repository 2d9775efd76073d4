"""the bias-corrected m̂, v̂ were returned

adam_step returns m̂ = m/(1 − β1ᵗ), v̂ = v/(1 − β2ᵗ) as the new state: the first step is right,
later ones drift."""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    m = (beta1 * m + (1 - beta1) * g) / (1 - beta1**t)
    v = (beta2 * v + (1 - beta2) * g * g) / (1 - beta2**t)
    return w - lr * m / (np.sqrt(v) + eps), m, v


FIX = "return the raw m and v; use m̂, v̂ only for the update"
