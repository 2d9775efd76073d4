"""In T_y the falling step is evaluated at x instead of y: sigma(w(x - b2)).

A copy-paste slip in the second 1-D tower: T_y = sigma(w(y - a2)) - sigma(w(x - b2)), so the y
tower depends on the first coordinate where it should fall, and the 2-D tower is wrong wherever
x and y differ in their relation to b2.

Graded: tower_2d (written from correct_textbook.py).
"""

import numpy as np


def sigmoid(z):
    """sigma(z) = 1 / (1 + e^{-z}) for z >= 0 and e^{z} / (1 + e^{z}) for z < 0."""
    z = np.asarray(z, dtype=np.float64)
    sigma = np.empty_like(z)
    pos = z >= 0
    neg = ~pos
    # z >= 0: sigma(z) = 1 / (1 + e^{-z})
    sigma[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    # z < 0: sigma(z) = e^{z} / (1 + e^{z})
    e_z = np.exp(z[neg])
    sigma[neg] = e_z / (1.0 + e_z)
    if sigma.ndim == 0:
        return float(sigma)
    return sigma


def tower_1d(x, a, b, h, w):
    """T(x) = h (sigma(w(x - a)) - sigma(w(x - b)))."""
    x = np.asarray(x, dtype=np.float64)
    # step up at a, step down at b
    up = sigmoid(w * (x - a))
    down = sigmoid(w * (x - b))
    T = h * (up - down)
    if np.ndim(T) == 0:
        return float(T)
    return T


def tower_2d(P, box, h, w):
    """h sigma(w (T_x + T_y - 1.5)) with T_x, T_y the 1-D towers of height 1."""
    P = np.asarray(P, dtype=np.float64)
    a1, b1, a2, b2 = box
    x = P[:, 0]
    y = P[:, 1]
    # T_x = sigma(w(x - a1)) - sigma(w(x - b1))
    T_x = sigmoid(w * (x - a1)) - sigmoid(w * (x - b1))
    # T_y = sigma(w(y - a2)) - sigma(w(y - b2))
    T_y = sigmoid(w * (y - a2)) - sigmoid(w * (x - b2))
    # h sigma(w (T_x + T_y - 3/2))
    return h * sigmoid(w * (T_x + T_y - 1.5))


def approximate_1d(f_values, lo, hi, w, x):
    """F(x) = sum_{j=0}^{k-1} f(m_j) (sigma(w(x - e_j)) - sigma(w(x - e_{j+1})))."""
    f = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    k = f.shape[0]
    # Delta = (hi - lo) / k
    Delta = (hi - lo) / k
    F = np.zeros_like(x)
    for j in range(k):
        # e_j = lo + j Delta, e_{j+1} = lo + (j + 1) Delta
        e_j = lo + j * Delta
        e_j1 = lo + (j + 1) * Delta
        F = F + f[j] * (sigmoid(w * (x - e_j)) - sigmoid(w * (x - e_j1)))
    if F.ndim == 0:
        return float(F)
    return F
