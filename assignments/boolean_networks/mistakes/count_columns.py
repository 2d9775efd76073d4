"""count_units counts W's columns (inputs) instead of its rows (units)"""

import numpy as np

from reference.boolean_networks import *  # noqa: F403


def count_units(layers):
    return int(sum(np.asarray(W).shape[1] for W, _ in layers))


FIX = "a layer has W.shape[0] units"
