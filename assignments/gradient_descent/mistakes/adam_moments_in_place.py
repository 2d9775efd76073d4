"""an input array was modified in place

adam_step updates m and v in place (m *= beta1; m += (1 − beta1)·g, the same for v): the
returned values are right, but the caller's m and v change."""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.asarray(g, dtype=np.float64)
    m = np.asarray(m, dtype=np.float64)
    v = np.asarray(v, dtype=np.float64)
    m *= beta1
    m += (1 - beta1) * g
    v *= beta2
    v += (1 - beta2) * g * g
    m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
    return np.asarray(w, dtype=np.float64) - lr * m_hat / (np.sqrt(v_hat) + eps), m, v


FIX = "in adam_step build new arrays: m = beta1*m + (1 - beta1)*g, not m *= ..."
