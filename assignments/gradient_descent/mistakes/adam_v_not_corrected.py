"""Adam's second moment v is not bias-corrected"""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.asarray(g, dtype=np.float64)
    m = beta1 * np.asarray(m, dtype=np.float64) + (1 - beta1) * g
    v = beta2 * np.asarray(v, dtype=np.float64) + (1 - beta2) * g * g
    w = np.asarray(w, dtype=np.float64) - lr * (m / (1 - beta1 ** t)) / (np.sqrt(v) + eps)
    return w, m, v


FIX = "v̂ = v / (1 − β2ᵗ)"
