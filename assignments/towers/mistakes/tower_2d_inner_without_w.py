"""the 1-D towers inside the 2-D tower have no steepness (σ(x − a1) − σ(x − b1))

tower_2d builds Tx and Ty without w; only the outer sigmoid is steep."""

import numpy as np

from reference import towers as _ref
from reference.towers import *  # noqa: F403


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    a1, b1, a2, b2 = box
    Tx = _ref.tower_1d(P[:, 0], a1, b1, 1.0, 1.0)
    Ty = _ref.tower_1d(P[:, 1], a2, b2, 1.0, 1.0)
    return h * _ref.sigmoid(w * (Tx + Ty - 1.5))


FIX = "in tower_2d the 1-D towers are σ(w(x − a1)) − σ(w(x − b1)): steep, height 1"
