"""the gradient is flattened (.ravel()): column vectors w (d, 1) get a (d,) gradient"""

import numpy as np

from reference.gradient_descent import *  # noqa: F403
from reference.gradient_descent import squared_loss_grad as _squared_loss_grad


def squared_loss_grad(w, X, y):
    return np.asarray(_squared_loss_grad(w, X, y)).ravel()


FIX = "return the gradient with w's shape: drop the ravel/flatten"
