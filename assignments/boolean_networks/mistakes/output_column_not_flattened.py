"""the output is returned as a column of shape (m, 1) instead of a vector of shape (m,)"""

import numpy as np

from reference import boolean_networks as _ref
from reference.boolean_networks import *  # noqa: F403


def threshold_forward(layers, X):
    return np.asarray(_ref.threshold_forward(layers, X))[:, None]


FIX = "return the last layer's single unit as out[:, 0]"
