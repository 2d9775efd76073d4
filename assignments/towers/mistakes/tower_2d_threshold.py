"""the 2-D tower's outer threshold is {c:g} instead of 1.5

A family (grader.run.catalogue: PARAMS): tower_2d returns h·σ(w·(Tx + Ty − c)); with c below 1
the cross strips are kept, with c = 2 only half of h is reached inside the box."""

import numpy as np

from reference.towers import *  # noqa: F403

PARAMS = {"c": (1.0, 0.5, 2.0, 0.0, 1.25, 1.75, 3.0)}
c = 1.0


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    a1, b1, a2, b2 = box
    Tx = sigmoid(w * (P[:, 0] - a1)) - sigmoid(w * (P[:, 0] - b1))
    Ty = sigmoid(w * (P[:, 1] - a2)) - sigmoid(w * (P[:, 1] - b2))
    return h * sigmoid(w * (Tx + Ty - c))


FIX = "inside the outer σ use Tx + Ty − 1.5: both strips must be on"
