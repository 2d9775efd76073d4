"""the weights and biases are converted to integers ({cast}) before the units are evaluated

threshold_forward reads W and b with an integer dtype (np.asarray(W, dtype=int), or a config
dtype of int): their fractional parts are dropped, so a network with real-valued weights or
biases fires where the real one does not. On networks of whole numbers it is right; on a bias
such as −1.5 it fires like a step written `s > −1`, so both names are given where only such
networks were tried.

A family (grader.run.catalogue: PARAMS) of one member, so that it is named beside the threshold
family's member that fits alike (a file of its own would displace it: grader.run.diagnose)."""

import numpy as np

from reference.boolean_networks import *  # noqa: F403

PARAMS = {"cast": {"dtype=int: truncated towards zero": "int"}}
cast = "int"


def threshold_forward(layers, X):
    z = np.asarray(X, dtype=np.float64)
    if z.ndim != 2:
        raise ValueError(f"X must be a 2-D array (m, n), got shape {z.shape}")
    if len(layers) == 0:
        raise ValueError("a network needs at least one layer")
    out = np.zeros((z.shape[0], 0))
    for k, (W, b) in enumerate(layers, start=1):
        W = np.asarray(W, dtype=np.float64).astype(cast)
        b = np.asarray(b, dtype=np.float64).astype(cast)
        if W.ndim != 2 or W.shape[1] != z.shape[1] or b.shape != (W.shape[0],):
            raise ValueError(f"layer {k}: W {W.shape}, b {b.shape} do not fit z")
        out = (z @ W.T + b >= 0).astype(np.float64)
        z = np.hstack([z, out])
    if out.shape[1] != 1:
        raise ValueError(f"the last layer must have one unit, it has {out.shape[1]}")
    return out[:, 0].astype(int)


FIX = "keep W and b as floats (np.asarray(W, dtype=float)): a threshold unit compares " \
      "the real W·z + b with 0"
