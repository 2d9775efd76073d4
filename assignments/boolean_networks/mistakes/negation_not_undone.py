"""units for the zeros of f but an OR at the output: the network computes NOT f

When f has more ones than zeros, the output must be a NOR of the units, not an OR."""

import numpy as np

from reference.boolean_networks import *  # noqa: F403
from reference.boolean_networks import shallow_network as _shallow


def shallow_network(truth_table):
    hidden, (W2, b2) = _shallow(truth_table)
    if float(np.asarray(b2)[0]) == 0.0:  # the reference's NOR output: make it an OR
        W2, b2 = np.abs(np.asarray(W2)), np.array([-1.0])
    return [hidden, (W2, b2)]


FIX = "with units for the zeros of f, the output fires when NO unit fires (weights −1, bias 0)"
