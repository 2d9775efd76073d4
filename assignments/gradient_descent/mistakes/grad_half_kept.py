"""the ½ of the loss was kept in the gradient ((1/2n)·Xᵀ(Xw − y) instead of (1/n)·Xᵀ(Xw − y))"""

import numpy as np

from reference.gradient_descent import *  # noqa: F403
from reference.gradient_descent import squared_loss_grad as _squared_loss_grad


def squared_loss_grad(w, X, y):
    return 0.5 * np.asarray(_squared_loss_grad(w, X, y))


FIX = "the derivative of ½‖r‖² is r: ∇L = (1/n)·Xᵀ(Xw − y)"
