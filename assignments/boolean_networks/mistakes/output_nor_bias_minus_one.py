"""the output NOR unit has bias −1 instead of 0: it never fires"""

import numpy as np

from reference.boolean_networks import *  # noqa: F403
from reference.boolean_networks import shallow_network as _shallow


def shallow_network(truth_table):
    (W1, b1), (W2, b2) = _shallow(truth_table)
    if b2[0] == 0.0 and np.any(W2):  # the NOR case (f has more than 2ⁿ⁻¹ ones)
        b2 = np.array([-1.0])
    return [(W1, b1), (W2, b2)]


FIX = "NOR of the pattern units: −Σ units >= 0, bias 0 (or 0.5)"
