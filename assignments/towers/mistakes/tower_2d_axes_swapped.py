"""the box's intervals were paired with the wrong coordinates (x tested against [a2, b2])

tower_2d builds Tx from P[:, 0] on [a2, b2] and Ty from P[:, 1] on [a1, b1]: the box is
mirrored in the diagonal."""

import numpy as np

from reference import towers as _ref
from reference.towers import *  # noqa: F403


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    a1, b1, a2, b2 = box
    return _ref.tower_2d(P, (a2, b2, a1, b1), h, w)


FIX = "in tower_2d x = P[:, 0] belongs to [a1, b1] and y = P[:, 1] to [a2, b2]"
