"""Adam steps with the raw gradient instead of m̂ (w ← w − lr·g/(√v̂ + eps))

adam_step keeps m right but the update uses g, so the first moment is never used."""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.asarray(g, dtype=np.float64)
    m = beta1 * np.asarray(m, dtype=np.float64) + (1 - beta1) * g
    v = beta2 * np.asarray(v, dtype=np.float64) + (1 - beta2) * g * g
    v_hat = v / (1 - beta2**t)
    return np.asarray(w, dtype=np.float64) - lr * g / (np.sqrt(v_hat) + eps), m, v


FIX = "in adam_step the numerator is m̂ = m/(1 − β1ᵗ), not g"
