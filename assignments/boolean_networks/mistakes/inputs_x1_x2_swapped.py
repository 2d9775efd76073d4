"""x1 and x2 trade places in the enumerated inputs

shallow_network enumerates {0,1}ⁿ with x1 and x2 swapped (np.meshgrid's default 'xy' indexing,
or the first two loops of a nest in the other order): row r of the truth table is built for the
input with r's first two bits exchanged, so the network computes f(x2, x1, x3, …)."""

import numpy as np

from reference import boolean_networks as _ref
from reference.boolean_networks import *  # noqa: F403


def shallow_network(truth_table):
    table = np.asarray(truth_table)
    n = len(table).bit_length() - 1
    if n < 2:
        return _ref.shallow_network(table)
    r = np.arange(len(table))
    top, second = (r >> (n - 1)) & 1, (r >> (n - 2)) & 1
    swapped = r ^ ((top ^ second) << (n - 1)) ^ ((top ^ second) << (n - 2))
    return _ref.shallow_network(table[swapped])


FIX = "enumerate the inputs with x1 the most significant bit (np.meshgrid(..., indexing='ij'))"
