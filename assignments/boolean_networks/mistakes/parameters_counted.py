"""count_units counts the parameters (weights and biases) instead of the units"""

import numpy as np

from reference.boolean_networks import *  # noqa: F403


def count_units(layers):
    return int(sum(np.asarray(W).size + np.asarray(b).size for W, b in layers))


FIX = "a layer has W.shape[0] units (one bias each): sum(W.shape[0] for W, b in layers)"
