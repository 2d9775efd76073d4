"""Pictures for the student's report (grader.run.figures): public inputs only, written here.

Each function runs once with the reference and once with the student's code (through the
sandbox); the report draws the two side by side.
"""

import numpy as np

from grader.run.figures import figure

LO, HI = 0.0, 2 * np.pi
X = np.linspace(-0.5, 2 * np.pi + 0.5, 400)


@figure("curve", "approximate_1d: 12 towers (w = 40) against sin on [0, 2π]")
def towers_against_sine(impl, ref):
    k = 12
    mids = LO + (np.arange(k) + 0.5) * (HI - LO) / k
    return {"x": X, "y": impl.approximate_1d(np.sin(mids), LO, HI, 40.0, X),
            "target": np.sin(X)}


@figure("curve", "tower_1d(x, a=1, b=3, h=2, w=8) against the box it approximates")
def one_tower(impl, ref):
    return {"x": X, "y": impl.tower_1d(X, 1.0, 3.0, 2.0, 8.0),
            "target": 2.0 * ((X > 1.0) & (X < 3.0))}


@figure("curve", "sigmoid(z) for z in [−8, 8]")
def sigmoid_curve(impl, ref):
    z = np.linspace(-8.0, 8.0, 200)
    return {"x": z, "y": impl.sigmoid(z)}
