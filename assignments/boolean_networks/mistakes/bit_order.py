"""x1 was taken as the least significant bit

shallow_network reads row r of the truth table with x1 as the LEAST significant bit of r."""

import numpy as np

from reference import boolean_networks as _ref
from reference.boolean_networks import *  # noqa: F403


def shallow_network(truth_table):
    table = np.asarray(truth_table)
    n = len(table).bit_length() - 1
    r = np.arange(len(table))
    reversed_r = sum(((r >> k) & 1) << (n - 1 - k) for k in range(n))
    return _ref.shallow_network(table[reversed_r])


FIX = "row r holds f at the bits of r with x1 the MOST significant bit"
