"""the parity chain's input index is off by one: an input is XOR-ed in twice and the last never

Block k reads x_k instead of x_(k+1) (after the first block), so x2 is used twice."""

import numpy as np

from reference import boolean_networks as _ref
from reference.boolean_networks import *  # noqa: F403


def deep_parity(n):
    # the reference's parity network of x1, x2, x2, x3, .., x(n−1) (columns of x)
    order = [0, 1, *range(1, n - 1)]
    layers = []
    for W, b in _ref.deep_parity(len(order)) if len(order) > 1 else []:
        W = np.asarray(W, dtype=float)
        wired = np.zeros((W.shape[0], n + W.shape[1] - len(order)))
        np.add.at(wired, (slice(None), order), W[:, :len(order)])
        wired[:, n:] = W[:, len(order):]
        layers.append((wired, b))
    return layers


FIX = "block k must XOR the running parity with the next unused input"
