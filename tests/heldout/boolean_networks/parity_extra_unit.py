"""heldout: deep parity adds one unnecessary unit"""

import numpy as np

from reference.boolean_networks import *  # noqa: F403
from reference.boolean_networks import deep_parity as _ref_deep


def deep_parity(n):
    layers = _ref_deep(n)
    W, b = layers[0]
    W = np.vstack([W, np.zeros((1, W.shape[1]))])
    b = np.append(b, -1.0)
    # later layers must accept one more column
    out = [(W, b)]
    for W2, b2 in layers[1:]:
        W2 = np.asarray(W2)
        k = W.shape[1]  # inputs width before first layer outputs
        W2 = np.hstack([W2[:, :k + layers[0][0].shape[0]], np.zeros((W2.shape[0], 1)),
                        W2[:, k + layers[0][0].shape[0]:]])
        out.append((W2, b2))
    return out
