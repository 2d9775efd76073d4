"""heldout: softmax_loss subtracts the global max, not each row's"""

import numpy as np

from reference.backprop import *  # noqa: F403


def softmax_loss(W, X, y, reg):
    W = np.asarray(W, float); X = np.asarray(X, float); y = np.asarray(y).astype(int)
    N = X.shape[0]
    s = X @ W
    s = s - s.max()
    e = np.exp(s)
    P = e / e.sum(axis=1, keepdims=True)
    loss = -np.mean(np.log(P[np.arange(N), y])) + reg * np.sum(W * W)
    P[np.arange(N), y] -= 1
    dW = X.T @ P / N + 2 * reg * W
    return float(loss), dW
