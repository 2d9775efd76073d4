"""an input array was modified in place

tower_2d multiplies the points by w in place (P = np.asarray(P, dtype=float); P *= w) before
building the two 1-D towers; the values are right but the caller's P changes."""

import numpy as np

from reference import towers as _ref
from reference.towers import *  # noqa: F403


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    P *= w
    a1, b1, a2, b2 = box
    s = _ref.sigmoid
    Tx = s(P[:, 0] - w * a1) - s(P[:, 0] - w * b1)
    Ty = s(P[:, 1] - w * a2) - s(P[:, 1] - w * b2)
    return h * s(w * (Tx + Ty - 1.5))


FIX = "in tower_2d build w·(P − a) as a new array; never assign into P"
