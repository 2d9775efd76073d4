"""the truth table's rows are numbered from 1: row r is built for the input r + 1

shallow_network takes the pattern of row r as the bits of r + 1 (a 1-based row count; the last
row wraps to 0…0), so the network's output at input k is f's row k − 1."""

import numpy as np

from reference import boolean_networks as _ref
from reference.boolean_networks import *  # noqa: F403


def shallow_network(truth_table):
    return _ref.shallow_network(np.roll(np.asarray(truth_table), 1))


FIX = "row r (from 0) of the table is the input whose bits are r's: no + 1"
