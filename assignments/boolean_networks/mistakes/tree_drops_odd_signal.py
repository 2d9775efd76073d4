"""the XOR tree drops the left-over signal of an odd-sized level: for odd n an input never enters the parity

Pairing the signals of a level two by two leaves one over when their number is odd; it is not
carried to the next level, so the network has fewer than 3(n − 1) units."""

import numpy as np

from reference.boolean_networks import *  # noqa: F403
from reference.boolean_networks import deep_parity as _deep_parity


def deep_parity(n):
    _deep_parity(n)  # the reference's check of n
    layers = []
    signals = list(range(n))
    width = n
    while len(signals) > 1:
        pairs = [(signals[i], signals[i + 1]) for i in range(0, len(signals) - 1, 2)]
        W_a = np.zeros((2 * len(pairs), width))
        b_a = np.tile([-1.0, 1.0], len(pairs))
        for j, (a, b) in enumerate(pairs):
            W_a[2 * j, [a, b]] = 1.0
            W_a[2 * j + 1, [a, b]] = -1.0
        layers.append((W_a, b_a))
        first = width
        width += 2 * len(pairs)
        W_b = np.zeros((len(pairs), width))
        for j in range(len(pairs)):
            W_b[j, [first + 2 * j, first + 2 * j + 1]] = 1.0
        layers.append((W_b, np.full(len(pairs), -2.0)))
        signals = [width + j for j in range(len(pairs))]  # the odd one out is lost
        width += len(pairs)
    return layers


FIX = "carry the odd signal over: signals = [new XOR outputs] + signals[-1:] when the level is odd"
