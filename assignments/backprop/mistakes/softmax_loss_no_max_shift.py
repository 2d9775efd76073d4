"""softmax does not subtract the row max (overflow)

softmax_loss exponentiates the raw scores: at scores of order 1e3 the loss becomes inf or nan."""

import numpy as np

from reference.backprop import *  # noqa: F403


def softmax_loss(W, X, y, reg):
    N = X.shape[0]
    with np.errstate(all="ignore"):
        e = np.exp(X @ W)
        P = e / e.sum(axis=1, keepdims=True)
        loss = -np.log(P[np.arange(N), y]).mean() + reg * np.sum(W**2)
    P[np.arange(N), y] -= 1
    return loss, X.T @ P / N + 2 * reg * W


FIX = "subtract each row's max from the scores before np.exp"
