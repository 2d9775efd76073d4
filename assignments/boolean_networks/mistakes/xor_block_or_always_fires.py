"""each XOR block's OR unit has bias 0 (it always fires), so the block computes NAND"""

import numpy as np

from reference import boolean_networks as _ref
from reference.boolean_networks import *  # noqa: F403


def deep_parity(n):
    # the reference's XOR blocks: layer A holds (OR, NAND) units, layer B the combining AND
    layers = [(W, np.array(b, dtype=float)) for W, b in _ref.deep_parity(n)]
    for _, b in layers[0::2]:
        b[0::2] = 0.0
    return layers


FIX = "the OR unit a + b − 1 >= 0 needs bias −1 (or −0.5): with bias 0 it fires on (0, 0) too"
