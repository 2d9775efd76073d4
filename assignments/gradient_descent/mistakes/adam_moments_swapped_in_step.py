"""the Adam step divides by the wrong moment: lr·v̂ / (√m̂ + eps) instead of lr·m̂ / (√v̂ + eps)"""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.asarray(g, dtype=np.float64)
    m = beta1 * np.asarray(m, dtype=np.float64) + (1 - beta1) * g
    v = beta2 * np.asarray(v, dtype=np.float64) + (1 - beta2) * g * g
    m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
    with np.errstate(invalid="ignore"):  # √m̂ of a negative m̂ is nan
        step = lr * v_hat / (np.sqrt(m_hat) + eps)
    return np.asarray(w, dtype=np.float64) - step, m, v


FIX = "w ← w − lr·m̂ / (√v̂ + eps): the first moment on top, the root of the second below"
