"""when built from the {case}, the output unit has weights {w:+g} and bias {b:g}

A family (grader.run.catalogue: PARAMS): the shallow network's output unit (OR of the pattern
units for the ones of f: weights +1, bias −1; NOR for the zeros of f: weights −1, bias 0) with
a sign or a bias not changed along with the case."""

import numpy as np

from reference import boolean_networks as _ref
from reference.boolean_networks import *  # noqa: F403

PARAMS = {"case": {"zeros of f (a NOR)": True, "ones of f (an OR)": False},
          "w": (1.0, -1.0), "b": (0.0, -1.0, 1.0, -0.5)}
case = True
w = 1.0
b = 0.0


def shallow_network(truth_table):
    layers = _ref.shallow_network(truth_table)
    table = np.asarray(truth_table)
    n = table.shape[0].bit_length() - 1
    negate = int(table.sum()) > 2 ** (n - 1)
    (W1, b1), _ = layers
    if negate != case or int(table.sum()) in (0, table.shape[0]):
        return layers  # the other case (and a constant f) is built right
    W2 = np.hstack([np.zeros((1, n)), np.full((1, W1.shape[0]), w)])
    return [(W1, b1), (W2, np.array([b]))]


FIX = ("the output is OR of the pattern units (weights +1, bias −1) for the ones of f, "
       "NOR of them (weights −1, bias 0) for the zeros of f")
