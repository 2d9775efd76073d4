"""each XOR block of the chain reads x1 instead of the previous block's output (it computes x1 XOR xn)

The chain's accumulator is never moved on: block k XORs x1 with x(k+1), and the last block's
x1 XOR xn is the network's output."""

import numpy as np

from reference.boolean_networks import *  # noqa: F403
from reference.boolean_networks import deep_parity as _deep_parity


def deep_parity(n):
    _deep_parity(n)  # the reference's check of n
    layers = []
    width = n
    for nxt in range(1, n):
        W = np.zeros((2, width))
        W[0, [0, nxt]] = 1.0  # OR of x1 and the next input
        W[1, [0, nxt]] = -1.0  # NAND of x1 and the next input
        layers.append((W, np.array([-1.0, 1.0])))
        width += 2
        W_and = np.zeros((1, width))
        W_and[0, [width - 2, width - 1]] = 1.0
        layers.append((W_and, np.array([-2.0])))
        width += 1
    return layers


FIX = "XOR the running parity (the previous block's output column) with the next input"
