"""the y tower is built on the x interval [a1, b1] instead of [a2, b2] (a copy-paste slip)"""

import numpy as np

from reference.towers import *  # noqa: F403
from reference.towers import sigmoid


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    a1, b1, _a2, _b2 = box
    Tx = sigmoid(w * (P[:, 0] - a1)) - sigmoid(w * (P[:, 0] - b1))
    Ty = sigmoid(w * (P[:, 1] - a1)) - sigmoid(w * (P[:, 1] - b1))
    return h * sigmoid(w * (Tx + Ty - 1.5))


FIX = "Ty = σ(w(y − a2)) − σ(w(y − b2)): the y tower spans [a2, b2]"
