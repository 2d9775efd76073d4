"""the sign is flipped

softmax_loss returns −dW (the gradient of −L, e.g. from Y − P instead of P − Y)."""

import numpy as np

from reference.backprop import *  # noqa: F403


def softmax_loss(W, X, y, reg):
    N = X.shape[0]
    s = X @ W
    s = s - s.max(axis=1, keepdims=True)
    P = np.exp(s) / np.exp(s).sum(axis=1, keepdims=True)
    loss = -np.log(P[np.arange(N), y]).mean() + reg * np.sum(W**2)
    Y = np.zeros_like(P)
    Y[np.arange(N), y] = 1
    return loss, X.T @ (Y - P) / N - 2 * reg * W


FIX = "the gradient of −log p_y is P − Y, not Y − P"
