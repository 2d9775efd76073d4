"""Adam's second moment uses β1 instead of β2 (v ← β1·v + (1 − β1)·g²)

adam_step averages g² with β1 (and corrects it with 1 − β2ᵗ), a copy-paste of the m line."""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.asarray(g, dtype=np.float64)
    m = beta1 * np.asarray(m, dtype=np.float64) + (1 - beta1) * g
    v = beta1 * np.asarray(v, dtype=np.float64) + (1 - beta1) * g * g
    m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
    return np.asarray(w, dtype=np.float64) - lr * m_hat / (np.sqrt(v_hat) + eps), m, v


FIX = "in adam_step v uses beta2: v ← β2·v + (1 − β2)·g²"
