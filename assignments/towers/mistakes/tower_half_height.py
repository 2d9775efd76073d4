"""the tower's height is h/2

tower_1d returns h/2·(σ(w(x − a)) − σ(w(x − b))) (halved, e.g. from an average of the two
steps) instead of h·(σ(w(x − a)) − σ(w(x − b)))."""

from reference import towers as _ref
from reference.towers import *  # noqa: F403


def tower_1d(x, a, b, h, w):
    return _ref.tower_1d(x, a, b, h / 2, w)


FIX = "the tower is h·(σ(w(x − a)) − σ(w(x − b))), not half of it"
