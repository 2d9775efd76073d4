"""heldout: Adam corrects m but not v"""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.asarray(g, float)
    m = beta1 * np.asarray(m, float) + (1 - beta1) * g
    v = beta2 * np.asarray(v, float) + (1 - beta2) * g ** 2
    m_hat = m / (1 - beta1 ** t)
    w = np.asarray(w, float) - lr * m_hat / (np.sqrt(v) + eps)
    return w, m, v
