"""the output unit's bias is −h when f is built from {case} (an AND of the pattern units)

A family (grader.run.catalogue: PARAMS): the OR of the pattern units written with bias −h (the
number of hidden units) instead of −1, in the case built from the ones of f only (the NOR of
the zeros of f is right) or in both cases (the NOR, weights −1 and bias −h, never fires)."""

import numpy as np

from reference import boolean_networks as _ref
from reference.boolean_networks import *  # noqa: F403

PARAMS = {"case": {"its ones": False, "its ones or its zeros": True}}
case = False


def shallow_network(truth_table):
    layers = _ref.shallow_network(truth_table)
    table = np.asarray(truth_table)
    if int(table.sum()) in (0, table.shape[0]):
        return layers  # a constant f is built right
    n = table.shape[0].bit_length() - 1
    negate = int(table.sum()) > 2 ** (n - 1)
    if negate and not case:
        return layers  # built from the zeros of f: the NOR is right
    (W1, b1), (W2, _) = layers
    return [(W1, b1), (W2, np.array([-float(np.asarray(W1).shape[0])]))]


FIX = ("one pattern unit firing is enough: OR = Σ units − 1 >= 0 "
       "(NOR for the negated case: −Σ units >= 0)")
