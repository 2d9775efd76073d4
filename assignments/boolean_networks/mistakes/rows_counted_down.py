"""the truth table's rows are matched to the inputs counted down (row 0 is 1…1)

shallow_network enumerates {0,1}ⁿ from 1…1 down to 0…0 (itertools.product((1, 0), …)), so row r
of the truth table is built for the input with every bit of r complemented: the network
computes f(NOT x1, …, NOT xn)."""

import numpy as np

from reference import boolean_networks as _ref
from reference.boolean_networks import *  # noqa: F403


def shallow_network(truth_table):
    return _ref.shallow_network(np.asarray(truth_table)[::-1])


FIX = "row r of the table is the input whose bits are r's, counted up from 0…0 " \
      "(itertools.product((0, 1), repeat=n))"
