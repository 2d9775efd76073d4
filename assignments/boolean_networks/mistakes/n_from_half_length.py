"""n is computed as len(truth_table) // 2 (right only for n ≤ 2; n is log₂ of the length)"""

import numpy as np

from reference import boolean_networks as _ref
from reference.boolean_networks import *  # noqa: F403


def shallow_network(truth_table):
    table = np.asarray(truth_table)
    n = len(table) // 2
    if len(table) != 2**n:
        raise ValueError("truth table length must be 2**n")
    return _ref.shallow_network(table)


FIX = "n = len(truth_table).bit_length() - 1 (the table has 2ⁿ entries: n = log₂ of its length)"
