"""each XOR block's NAND unit computes NOR (bias 0 instead of 1)

OR(a, b) AND NOR(a, b) is never 1, so every block and the network output 0."""

import numpy as np

from reference import boolean_networks as _ref
from reference.boolean_networks import *  # noqa: F403


def deep_parity(n):
    # the reference's XOR blocks: layer A holds (OR, NAND) units, layer B the combining AND
    layers = [(W, np.array(b, dtype=float)) for W, b in _ref.deep_parity(n)]
    for _, b in layers[0::2]:
        b[1::2] = 0.0
    return layers


FIX = "the NAND unit 1 − a − b >= 0 needs bias 1 (or 1.5): with bias 0 it fires only on (0, 0)"
