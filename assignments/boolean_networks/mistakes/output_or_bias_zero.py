"""the output OR unit has bias 0 instead of −1: it fires even when no pattern unit does"""

import numpy as np

from reference.boolean_networks import *  # noqa: F403
from reference.boolean_networks import shallow_network as _shallow


def shallow_network(truth_table):
    (W1, b1), (W2, b2) = _shallow(truth_table)
    if b2[0] == -1.0 and np.any(W2):  # the OR case (f has at most 2ⁿ⁻¹ ones)
        b2 = np.array([0.0])
    return [(W1, b1), (W2, b2)]


FIX = "OR of the pattern units: Σ units − 1 >= 0, bias −1 (or −0.5)"
