"""the network inputs were counted as units

count_units adds the n input columns of the first layer to the units."""

import numpy as np

from reference.boolean_networks import *  # noqa: F403
from reference.boolean_networks import count_units as _count


def count_units(layers):
    return _count(layers) + int(np.asarray(layers[0][0]).shape[1])


FIX = "inputs are not units: count only the rows of every W"
