"""a pattern unit weighs the pattern's 0 bits with 0 (not −1): it also fires on extra 1s

The unit for pattern p with k ones is Σ_{p_i=1} x_i − k >= 0: every x ⊇ p fires it."""

import numpy as np

from reference.boolean_networks import *  # noqa: F403
from reference.boolean_networks import shallow_network as _shallow


def shallow_network(truth_table):
    (W1, b1), out = _shallow(truth_table)
    return [(np.maximum(np.asarray(W1), 0.0), b1), out]


FIX = "weight −1 on the bits where the pattern is 0 (W = 2p − 1) so that the unit fires only at p"
