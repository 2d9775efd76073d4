"""the output unit also takes the network inputs with weight 1 (its weights on x must be 0)"""

import numpy as np

from reference.boolean_networks import *  # noqa: F403
from reference.boolean_networks import shallow_network as _shallow


def shallow_network(truth_table):
    hidden, (W2, b2) = _shallow(truth_table)
    W2 = np.asarray(W2, dtype=float).copy()
    n = np.asarray(hidden[0]).shape[1]
    W2[0, :n] = 1.0
    return [hidden, (W2, b2)]


FIX = "the output layer sees z = [x, hidden units]: give x weight 0, e.g. np.zeros(n) first"
