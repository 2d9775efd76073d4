"""the height h went inside the outer sigmoid

tower_2d returns σ(w·(h·(Tx + Ty) − 1.5)) instead of h·σ(w·(Tx + Ty − 1.5))."""

import numpy as np

from reference import towers as _ref
from reference.towers import *  # noqa: F403


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    a1, b1, a2, b2 = box
    Tx = _ref.tower_1d(P[:, 0], a1, b1, 1.0, w)
    Ty = _ref.tower_1d(P[:, 1], a2, b2, 1.0, w)
    return _ref.sigmoid(w * (h * (Tx + Ty) - 1.5))


FIX = "multiply the outer sigmoid by h: h·σ(w·(Tx + Ty − 1.5))"
