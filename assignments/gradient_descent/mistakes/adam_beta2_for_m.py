"""Adam's first moment uses β2 instead of β1 (m ← β2·m + (1 − β2)·g)

adam_step averages g with β2 (and corrects m with 1 − β1ᵗ): the betas of the two moments mixed."""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.asarray(g, dtype=np.float64)
    m = beta2 * np.asarray(m, dtype=np.float64) + (1 - beta2) * g
    v = beta2 * np.asarray(v, dtype=np.float64) + (1 - beta2) * g * g
    m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
    return np.asarray(w, dtype=np.float64) - lr * m_hat / (np.sqrt(v_hat) + eps), m, v


FIX = "in adam_step m uses beta1: m ← β1·m + (1 − β1)·g"
