"""the outer sigmoid has no steepness: h·σ(Tx + Ty − 1.5) instead of h·σ(w·(Tx + Ty − 1.5))"""

import numpy as np

from reference.towers import *  # noqa: F403


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    a1, b1, a2, b2 = box
    Tx = sigmoid(w * (P[:, 0] - a1)) - sigmoid(w * (P[:, 0] - b1))
    Ty = sigmoid(w * (P[:, 1] - a2)) - sigmoid(w * (P[:, 1] - b2))
    return h * sigmoid(Tx + Ty - 1.5)


FIX = "multiply by w inside the outer sigmoid too: σ(w·(Tx + Ty − 1.5))"
