"""σ(−z) was computed instead of σ(z)

sigmoid written as 1/(1 + e^{z}) (stable, but the sign of z is flipped)."""

from reference import towers as _ref
from reference.towers import *  # noqa: F403


def sigmoid(z):
    return _ref.sigmoid(-z)


FIX = "σ(z) = 1 / (1 + e^(−z))"
