"""each XOR block of the chain reads the previous block's NAND unit instead of its XOR output

The running parity's column is off by one (width − 2 instead of width − 1)."""

import numpy as np

from reference.boolean_networks import *  # noqa: F403
from reference.boolean_networks import deep_parity as _deep_parity


def deep_parity(n):
    _deep_parity(n)  # the reference's check of n
    layers = []
    width = n
    acc = 0
    for nxt in range(1, n):
        W = np.zeros((2, width))
        W[0, [acc, nxt]] = 1.0  # OR
        W[1, [acc, nxt]] = -1.0  # NAND
        layers.append((W, np.array([-1.0, 1.0])))
        width += 2
        W_and = np.zeros((1, width))
        W_and[0, [width - 2, width - 1]] = 1.0
        layers.append((W_and, np.array([-2.0])))
        width += 1
        acc = width - 2  # the NAND unit's column; the XOR output is width − 1
    return layers


FIX = "the next block must read the XOR output: the last column added (width − 1)"
