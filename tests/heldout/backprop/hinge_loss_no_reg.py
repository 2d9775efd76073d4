"""heldout: the hinge loss value lacks reg*sum(W^2); dW is right"""

import numpy as np

from reference.backprop import *  # noqa: F403


def hinge_loss(W, X, y, reg):
    W = np.asarray(W, float); X = np.asarray(X, float); y = np.asarray(y).astype(int)
    N = X.shape[0]
    s = X @ W
    correct = s[np.arange(N), y][:, None]
    margins = np.maximum(0, s - correct + 1)
    margins[np.arange(N), y] = 0
    loss = margins.sum() / N
    mask = (margins > 0).astype(float)
    mask[np.arange(N), y] = -mask.sum(axis=1)
    dW = X.T @ mask / N + 2 * reg * W
    return float(loss), dW
