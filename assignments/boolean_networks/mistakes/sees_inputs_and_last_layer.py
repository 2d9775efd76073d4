"""layer k sees the network inputs and only the previous layer's outputs, not all earlier layers

threshold_forward builds z = [x, output of layer k − 1] instead of accumulating every layer."""

import numpy as np

from reference.boolean_networks import *  # noqa: F403


def threshold_forward(layers, X):
    x = np.asarray(X, dtype=float)
    z = x
    for W, b in layers:
        out = (z @ np.asarray(W, dtype=float).T + np.asarray(b, dtype=float) >= 0).astype(float)
        z = np.hstack([x, out])
    return out[:, 0].astype(int)


FIX = "keep every layer's output: z = np.hstack([z, out]), not np.hstack([x, out])"
