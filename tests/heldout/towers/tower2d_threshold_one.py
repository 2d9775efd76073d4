"""heldout: tower_2d uses Tx + Ty - 1 inside the outer sigmoid"""

import numpy as np

from reference.towers import *  # noqa: F403


def tower_2d(P, box, h, w):
    P = np.asarray(P, float)
    a1, b1, a2, b2 = box
    Tx = sigmoid(w * (P[:, 0] - a1)) - sigmoid(w * (P[:, 0] - b1))
    Ty = sigmoid(w * (P[:, 1] - a2)) - sigmoid(w * (P[:, 1] - b2))
    return h * sigmoid(w * (Tx + Ty - 1.0))
