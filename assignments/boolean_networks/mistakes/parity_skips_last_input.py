"""the parity chain stops one input early: the last input is never XOR-ed in

A loop such as `for k in range(1, n - 1)` builds n − 2 XOR blocks, 3(n − 2) units."""

import numpy as np

from reference import boolean_networks as _ref
from reference.boolean_networks import *  # noqa: F403


def deep_parity(n):
    # the reference's parity network of x1..x(n−1) (columns of x)
    order = list(range(n - 1))
    layers = []
    for W, b in _ref.deep_parity(len(order)) if len(order) > 1 else []:
        W = np.asarray(W, dtype=float)
        wired = np.zeros((W.shape[0], n + W.shape[1] - len(order)))
        np.add.at(wired, (slice(None), order), W[:, :len(order)])
        wired[:, n:] = W[:, len(order):]
        layers.append((wired, b))
    return layers


FIX = "XOR in every input: n − 1 blocks for x2..xn, e.g. `for k in range(1, n)`"
