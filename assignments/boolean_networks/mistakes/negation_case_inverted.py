"""the negation is used in the wrong case: when f has FEWER ones than zeros

The function is right, but one of the two cases gets more than 2ⁿ⁻¹ hidden units."""

import numpy as np

from reference.boolean_networks import *  # noqa: F403


def shallow_network(truth_table):
    table = np.asarray(truth_table)
    n = len(table).bit_length() - 1
    negate = 2 * int(table.sum()) < len(table)  # the reference negates when sum > 2ⁿ⁻¹
    bits = (np.flatnonzero(table == (0 if negate else 1))[:, None] >> np.arange(n - 1, -1, -1)) & 1
    W1, b1 = (2 * bits - 1).astype(float), -bits.sum(axis=1).astype(float)
    W2 = np.hstack([np.zeros((1, n)), np.full((1, len(bits)), -1.0 if negate else 1.0)])
    return [(W1, b1), (W2, np.array([0.0 if negate else -1.0]))]


FIX = "negate when f has MORE than 2ⁿ⁻¹ ones: build the units for the zeros and put a NOR out"
