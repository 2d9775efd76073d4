"""a pattern unit was built for every input pattern, not only where f is 1: the OR always fires"""

import numpy as np

from reference.boolean_networks import *  # noqa: F403
from reference.boolean_networks import shallow_network as _shallow


def shallow_network(truth_table):
    table = np.asarray(truth_table)
    _shallow(table)  # the reference's checks of the table
    n = len(table).bit_length() - 1
    bits = (np.arange(2**n)[:, None] >> np.arange(n - 1, -1, -1)) & 1
    W1 = (2 * bits - 1).astype(float)
    b1 = -bits.sum(axis=1).astype(float)
    W2 = np.hstack([np.zeros((1, n)), np.ones((1, 2**n))])
    return [(W1, b1), (W2, np.array([-1.0]))]


FIX = "build a unit only for the patterns p with f(p) = 1 (or f(p) = 0 when negating)"
