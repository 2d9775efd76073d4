"""an input array was modified in place

sigmoid flips the sign of z's negative entries in place (z[z < 0] *= −1) to reuse one formula;
the values are right but the caller's z now holds |z|."""

import numpy as np

from reference import towers as _ref
from reference.towers import *  # noqa: F403


def sigmoid(z):
    out = _ref.sigmoid(np.array(z, dtype=np.float64))
    if isinstance(z, np.ndarray) and z.dtype == np.float64:
        np.abs(z, out=z)
    return out


FIX = "do not assign into z: work on a copy or use np.where"
