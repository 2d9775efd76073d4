"""a unit fires when its weighted sum s {op} {t:g} (it must be s >= 0)

A family (grader.run.catalogue: PARAMS): the step written with another comparison or
threshold."""

import numpy as np

from reference.boolean_networks import *  # noqa: F403

PARAMS = {"op": (">", ">=", "<", "<="), "t": (0.0, 0.5, -0.5, 1.0, -1.0)}
op = ">="  # the default: t = 1 (a one-mistake file has `>` at 0 and would be named)
t = 1.0


def threshold_forward(layers, X):
    z = np.asarray(X, dtype=np.float64)
    if z.ndim != 2:
        raise ValueError(f"X must be a 2-D array (m, n), got shape {z.shape}")
    if len(layers) == 0:
        raise ValueError("a network needs at least one layer")
    out = np.zeros((z.shape[0], 0))
    for k, (W, b) in enumerate(layers, start=1):
        W = np.asarray(W, dtype=np.float64)
        b = np.asarray(b, dtype=np.float64)
        if W.ndim != 2 or W.shape[1] != z.shape[1] or b.shape != (W.shape[0],):
            raise ValueError(f"layer {k}: W {W.shape}, b {b.shape} do not fit z")
        s = z @ W.T + b
        fired = {">": s > t, ">=": s >= t, "<": s < t, "<=": s <= t}[op]
        out = fired.astype(np.float64)
        z = np.hstack([z, out])
    if out.shape[1] != 1:
        raise ValueError(f"the last layer must have one unit, it has {out.shape[1]}")
    return out[:, 0].astype(int)


FIX = "a threshold unit fires when W·z + b >= 0 (equality fires)"
