"""count_units counts the weights (every entry of W) instead of the units (its rows)"""

import numpy as np

from reference.boolean_networks import *  # noqa: F403


def count_units(layers):
    return int(sum(np.asarray(W).size for W, _ in layers))


FIX = "a layer has W.shape[0] units: sum(W.shape[0] for W, b in layers)"
