"""the parity chain XORs x1 with itself first, so the last input is never used

`acc = x1; for k in range(n − 1): acc = XOR(acc, x_(k+1))` with 0-based x_(k+1) = x[k]."""

import numpy as np

from reference import boolean_networks as _ref
from reference.boolean_networks import *  # noqa: F403


def deep_parity(n):
    # the reference's parity network of x1, x1, x2, .., x(n−1) (columns of x)
    order = [0, *range(n - 1)]
    layers = []
    for W, b in _ref.deep_parity(len(order)) if len(order) > 1 else []:
        W = np.asarray(W, dtype=float)
        wired = np.zeros((W.shape[0], n + W.shape[1] - len(order)))
        np.add.at(wired, (slice(None), order), W[:, :len(order)])
        wired[:, n:] = W[:, len(order):]
        layers.append((wired, b))
    return layers


FIX = "start the chain at x1 and XOR in x2..xn: range(1, n) over 0-based columns"
