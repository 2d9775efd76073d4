"""Ty is computed from the x coordinate (P[:, 0]) instead of y (a copy-paste slip)"""

import numpy as np

from reference.towers import *  # noqa: F403


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    a1, b1, a2, b2 = box
    Tx = sigmoid(w * (P[:, 0] - a1)) - sigmoid(w * (P[:, 0] - b1))
    Ty = sigmoid(w * (P[:, 0] - a2)) - sigmoid(w * (P[:, 0] - b2))
    return h * sigmoid(w * (Tx + Ty - 1.5))


FIX = "Ty uses the second coordinate: P[:, 1]"
