"""the output unit's bias is −h (an AND of the pattern units; from the zeros of f: never fires)"""

import numpy as np

from reference import boolean_networks as _ref
from reference.boolean_networks import *  # noqa: F403


def shallow_network(truth_table):
    layers = _ref.shallow_network(truth_table)
    table = np.asarray(truth_table)
    if int(table.sum()) in (0, table.shape[0]):
        return layers  # a constant f is built right
    (W1, b1), (W2, _) = layers
    return [(W1, b1), (W2, np.array([-float(np.asarray(W1).shape[0])]))]


FIX = ("one pattern unit firing is enough: OR = Σ units − 1 >= 0 "
       "(NOR for the negated case: −Σ units >= 0)")
