"""the outer sigmoid of the 2-D tower is a hard threshold: h·[Tx + Ty > 1.5] (0 or h)"""

import numpy as np

from reference.towers import *  # noqa: F403
from reference.towers import sigmoid


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    a1, b1, a2, b2 = box
    Tx = sigmoid(w * (P[:, 0] - a1)) - sigmoid(w * (P[:, 0] - b1))
    Ty = sigmoid(w * (P[:, 1] - a2)) - sigmoid(w * (P[:, 1] - b2))
    return h * (Tx + Ty > 1.5).astype(np.float64)


FIX = "keep the outer sigmoid: h·σ(w·(Tx + Ty − 1.5)), a smooth tower, not a 0/h mask"
