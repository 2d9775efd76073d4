"""the tower has the wrong sign

tower_1d computes h·(σ(w(x − b)) − σ(w(x − a))): a and b swapped."""

from reference import towers as _ref
from reference.towers import *  # noqa: F403


def tower_1d(x, a, b, h, w):
    return _ref.tower_1d(x, b, a, h, w)


FIX = "σ(w(x − a)) − σ(w(x − b)) with a < b"
