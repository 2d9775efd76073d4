"""the network computes NOT parity

deep_parity chains XNOR blocks: its output is flipped (the last unit is negated)."""

import numpy as np

from reference import boolean_networks as _ref
from reference.boolean_networks import *  # noqa: F403


def deep_parity(n):
    layers = _ref.deep_parity(n)
    W, b = layers[-1]
    # AND(or, nand) → NAND(or, nand): fires iff or + nand <= 1
    return [*layers[:-1], (-np.asarray(W), -np.asarray(b) - 1.0)]


FIX = "the output must be 1 for an odd number of ones"
