"""count_units adds up both sizes of every W (rows + columns: units plus the inputs they see)"""

import numpy as np

from reference.boolean_networks import *  # noqa: F403


def count_units(layers):
    return int(sum(sum(np.asarray(W).shape) for W, _ in layers))


FIX = "count the rows of each W only (one row per unit): W.shape[0]"
