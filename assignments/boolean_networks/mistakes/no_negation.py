"""f has more ones than zeros but its negation was not used

shallow_network always builds one hidden unit per 1 of f (an OR of pattern detectors)."""

import numpy as np

from reference.boolean_networks import *  # noqa: F403


def shallow_network(truth_table):
    table = np.asarray(truth_table)
    n = len(table).bit_length() - 1
    patterns = np.flatnonzero(table == 1)
    if len(patterns) == 0:
        return [(np.zeros((1, n)), np.zeros(1)), (np.zeros((1, n + 1)), np.array([-1.0]))]
    bits = (patterns[:, None] >> np.arange(n - 1, -1, -1)) & 1
    W1 = (2 * bits - 1).astype(float)
    b1 = -bits.sum(axis=1).astype(float)
    W2 = np.hstack([np.zeros((1, n)), np.ones((1, len(bits)))])
    return [(W1, b1), (W2, np.array([-1.0]))]


FIX = "when f has more than 2ⁿ⁻¹ ones, build the network for NOT f and negate the output"
