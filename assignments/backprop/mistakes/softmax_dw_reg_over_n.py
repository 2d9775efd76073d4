"""the regulariser's gradient is divided by N too in the softmax dW: (Xᵀ dS + 2·reg·W) / N"""

import numpy as np

from reference import backprop as _ref
from reference.backprop import *  # noqa: F403


def softmax_loss(W, X, y, reg):
    loss, dW = _ref.softmax_loss(W, X, y, reg)
    W = np.asarray(W, dtype=np.float64)
    n = np.asarray(X).shape[0]
    return loss, dW - 2.0 * reg * W + 2.0 * reg * W / n


FIX = "only the data term is averaged over the N samples: dW = Xᵀ dS / N + 2·reg·W"
