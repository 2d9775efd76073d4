"""count_units also counts a bias unit in every layer (one unit too many per layer)"""

import numpy as np

from reference.boolean_networks import *  # noqa: F403


def count_units(layers):
    return int(sum(np.asarray(W).shape[0] + 1 for W, _ in layers))


FIX = "a bias is a parameter of each unit, not a unit: sum(W.shape[0] for W, b in layers)"
