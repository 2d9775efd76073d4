"""XOR blocks of 2 units (AND, then a + b − 2·AND): 2(n − 1) units where 3(n − 1) are asked"""

import numpy as np

from reference import boolean_networks as _ref
from reference.boolean_networks import *  # noqa: F403


def deep_parity(n):
    # a chain: h = AND(p, x_k); p' = [p + x_k − 2h − 1 >= 0]
    layers = []
    width, p = n, 0
    for k in range(1, n):
        W = np.zeros((1, width))
        W[0, [p, k]] = 1.0
        layers.append((W, np.array([-2.0])))
        W = np.zeros((1, width + 1))
        W[0, [p, k, width]] = 1.0, 1.0, -2.0
        layers.append((W, np.array([-1.0])))
        p, width = width + 1, width + 2
    assert _ref.count_units(layers) == 2 * (n - 1)
    return layers


FIX = "the assignment's XOR block has 3 units (OR, NAND, then AND): 3(n − 1) in all"
