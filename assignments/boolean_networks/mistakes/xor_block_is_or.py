"""each XOR block computes OR: its NAND unit also fires when both inputs are 1 (bias too large)

With `>= 0`, a NAND unit −a − b + c needs 1 < c < 2 (1.5 is safest); c = 2 fires on (1, 1)."""

import numpy as np

from reference import boolean_networks as _ref
from reference.boolean_networks import *  # noqa: F403


def deep_parity(n):
    # the reference's XOR blocks: layer A holds (OR, NAND) units, layer B the combining AND
    layers = [(W, np.array(b, dtype=float)) for W, b in _ref.deep_parity(n)]
    for _, b in layers[0::2]:
        b[1::2] = 2.0
    return layers


FIX = "give the NAND unit a bias between 1 and 2 (e.g. 1.5) so that it is 0 on (1, 1)"
