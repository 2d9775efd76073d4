"""the 1/N averaging is missing

softmax_loss sums the cross-entropy (and its gradient) over the samples instead of averaging."""

import numpy as np

from reference.backprop import *  # noqa: F403


def softmax_loss(W, X, y, reg):
    N = X.shape[0]
    s = X @ W
    s = s - s.max(axis=1, keepdims=True)
    P = np.exp(s) / np.exp(s).sum(axis=1, keepdims=True)
    loss = -np.log(P[np.arange(N), y]).sum() + reg * np.sum(W**2)
    P[np.arange(N), y] -= 1
    return loss, X.T @ P + 2 * reg * W


FIX = "divide the summed loss and gradient by N"
