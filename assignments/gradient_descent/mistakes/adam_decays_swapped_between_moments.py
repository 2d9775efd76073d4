"""m is averaged with β2 and v with β1 (the decay rates swapped between the moments)"""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.asarray(g, dtype=np.float64)
    m = beta2 * np.asarray(m, dtype=np.float64) + (1 - beta2) * g
    v = beta1 * np.asarray(v, dtype=np.float64) + (1 - beta1) * g * g
    m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
    return np.asarray(w, dtype=np.float64) - lr * m_hat / (np.sqrt(v_hat) + eps), m, v


FIX = "m ← β1·m + (1 − β1)·g and v ← β2·v + (1 − β2)·g²: β1 belongs to the first moment"
