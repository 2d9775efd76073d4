"""sigmoid uses the tanh identity without halving the argument: (1 + tanh(z))/2 is sigma(2z), not
sigma(z) = (1 + tanh(z/2))/2, so every step is twice as steep.

Edited from correct_vector.py.
"""

import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    s = 0.5 * (1.0 + np.tanh(z))  # 1 / (1 + e^-z) = exp(-log(1 + e^-z))
    return float(s) if s.ndim == 0 else s


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=np.float64)
    out = h * (sigmoid(w * (x - a)) - sigmoid(w * (x - b)))
    return float(out) if np.ndim(out) == 0 else out


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    lo = np.array([box[0], box[2]])
    hi = np.array([box[1], box[3]])
    T = sigmoid(w * (P - lo)) - sigmoid(w * (P - hi))  # (m, 2): Tx and Ty side by side
    return h * sigmoid(w * (T.sum(axis=1) - 1.5))


def approximate_1d(f_values, lo, hi, w, x):
    f = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    k = f.shape[0]
    delta = (hi - lo) / k
    left = lo + delta * np.arange(k)
    right = lo + delta * np.arange(1, k + 1)
    xx = x[..., None]  # (..., 1) against the k bins
    T = sigmoid(w * (xx - left)) - sigmoid(w * (xx - right))
    F = np.asarray(T) @ f
    return float(F) if np.ndim(F) == 0 else F
