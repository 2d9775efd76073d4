"""the units are always built for the zeros of f with a NOR output, even when f has few ones

The network computes f, but with more than 2ⁿ⁻¹ hidden units when f has fewer ones than zeros."""

import numpy as np

from reference.boolean_networks import *  # noqa: F403
from reference.boolean_networks import shallow_network as _shallow


def shallow_network(truth_table):
    table = np.asarray(truth_table)
    _shallow(table)  # the reference's checks of the table
    n = len(table).bit_length() - 1
    bits = (np.flatnonzero(table == 0)[:, None] >> np.arange(n - 1, -1, -1)) & 1
    if len(bits) == 0:  # f is constant 1
        return [(np.zeros((1, n)), np.zeros(1)), (np.zeros((1, n + 1)), np.zeros(1))]
    W1 = (2 * bits - 1).astype(float)
    b1 = -bits.sum(axis=1).astype(float)
    W2 = np.hstack([np.zeros((1, n)), np.full((1, len(bits)), -1.0)])
    return [(W1, b1), (W2, np.array([0.0]))]


FIX = "build the units for the ones of f (OR out) unless f has more than 2ⁿ⁻¹ ones"
