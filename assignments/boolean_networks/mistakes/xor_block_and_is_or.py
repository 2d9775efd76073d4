"""each XOR block's combining unit computes OR instead of AND (bias −1 instead of −2)

OR(a, b) OR NAND(a, b) is always 1, so every block and the network output 1."""

import numpy as np

from reference import boolean_networks as _ref
from reference.boolean_networks import *  # noqa: F403


def deep_parity(n):
    # the reference's XOR blocks: layer A holds (OR, NAND) units, layer B the combining AND
    layers = [(W, np.array(b, dtype=float)) for W, b in _ref.deep_parity(n)]
    for _, b in layers[1::2]:
        b[:] = -1.0
    return layers


FIX = "XOR = OR AND NAND: the combining unit needs bias −2 (or −1.5) to fire only when both fire"
