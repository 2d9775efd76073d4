"""Adam's bias correction

adam_step uses m and v directly, without dividing by (1 − β1ᵗ) and (1 − β2ᵗ)."""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g * g
    return w - lr * m / (np.sqrt(v) + eps), m, v


FIX = "divide m by (1 − β1ᵗ) and v by (1 − β2ᵗ) before the update"
