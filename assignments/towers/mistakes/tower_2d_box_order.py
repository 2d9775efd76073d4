"""box was read as (a1, a2, b1, b2)

tower_2d unpacks the box as a1, a2, b1, b2 = box instead of a1, b1, a2, b2 = box."""

from reference import towers as _ref
from reference.towers import *  # noqa: F403


def tower_2d(P, box, h, w):
    a1, a2, b1, b2 = box
    return _ref.tower_2d(P, (a1, b1, a2, b2), h, w)


FIX = "unpack box as a1, b1, a2, b2"
