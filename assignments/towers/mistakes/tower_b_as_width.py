"""b was used as the tower's width instead of its right edge (the tower ends at a + b)

tower_1d returns h·(σ(w(x − a)) − σ(w(x − a − b))) instead of h·(σ(w(x − a)) − σ(w(x − b)))."""

from reference import towers as _ref
from reference.towers import *  # noqa: F403


def tower_1d(x, a, b, h, w):
    return _ref.tower_1d(x, a, a + b, h, w)


FIX = "in tower_1d b is the right edge: the second step is σ(w(x − b))"
