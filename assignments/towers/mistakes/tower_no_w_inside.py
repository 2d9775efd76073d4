"""w multiplies x only

tower_1d computes h·(σ(w·x − a) − σ(w·x − b)) instead of h·(σ(w(x − a)) − σ(w(x − b)))."""

import numpy as np

from reference import towers as _ref
from reference.towers import *  # noqa: F403


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=np.float64)
    return h * (_ref.sigmoid(w * x - a) - _ref.sigmoid(w * x - b))


FIX = "σ(w·(x − a)): w multiplies (x − a)"
