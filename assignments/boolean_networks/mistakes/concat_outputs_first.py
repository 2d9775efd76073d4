"""a layer's input is [earlier outputs, network inputs] instead of [network inputs, earlier outputs]

threshold_forward puts each layer's output in FRONT of z (np.hstack([out, z])), so later layers'
weights meet the wrong signals."""

import numpy as np

from reference.boolean_networks import *  # noqa: F403


def threshold_forward(layers, X):
    z = np.asarray(X, dtype=float)
    for W, b in layers:
        out = (z @ np.asarray(W, dtype=float).T + np.asarray(b, dtype=float) >= 0).astype(float)
        z = np.hstack([out, z])
    return out[:, 0].astype(int)


FIX = "append each layer's output after what z holds: z = np.hstack([z, out])"
