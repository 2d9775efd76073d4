"""the shallow construction was used

deep_parity returns the one-hidden-layer parity network (2ⁿ⁻¹ + 1 units)."""

from reference import boolean_networks as _ref
from reference.boolean_networks import *  # noqa: F403


def deep_parity(n):
    return _ref.shallow_network(_ref.parity_table(n))


FIX = "build the deep network from XOR blocks of 3 units each: 3(n − 1) units"
