"""the output unit is an AND of the pattern units (it needs all of them) instead of an OR"""

import numpy as np

from reference.boolean_networks import *  # noqa: F403
from reference.boolean_networks import shallow_network as _shallow


def shallow_network(truth_table):
    (W1, b1), (W2, b2) = _shallow(truth_table)
    h = np.asarray(W1).shape[0]
    if float(np.asarray(b2)[0]) == 0.0:  # NOR of the units -> NAND: fires unless all fire
        return [(W1, b1), (W2, np.array([h - 1.0]))]
    return [(W1, b1), (W2, np.array([-float(h)]))]  # OR -> AND: fires when all fire


FIX = "one pattern unit firing is enough: OR = Σ units − 1 >= 0 (NOR for the negated case)"
