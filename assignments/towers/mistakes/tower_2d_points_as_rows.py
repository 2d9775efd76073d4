"""the coordinates are read as rows (P[0], P[1]) instead of columns (P[:, 0], P[:, 1])"""

import numpy as np

from reference.towers import *  # noqa: F403


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    a1, b1, a2, b2 = box
    Tx = sigmoid(w * (P[0] - a1)) - sigmoid(w * (P[0] - b1))
    Ty = sigmoid(w * (P[1] - a2)) - sigmoid(w * (P[1] - b2))
    return h * sigmoid(w * (Tx + Ty - 1.5))


FIX = "P is (m, 2), one point per row: x = P[:, 0], y = P[:, 1]"
