"""Copy-paste slip in the keys of the outer sigmoid: T["x"] + T["x"] instead of T["x"] + T["y"]:
the y tower is never used and 2 Tx - 1.5 is above 0 wherever x is in [a1, b1], so the '2-D
tower' is a strip of height h over [a1, b1] x (every y) instead of a block over the box.

Mistake in `tower_2d`, written from correct_dicts.py.
"""

import numpy as np

COLUMN = {"x": 0, "y": 1}


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    parts = {"pos": z >= 0, "neg": z < 0}
    s = np.full_like(z, np.nan)
    s[parts["pos"]] = 1.0 / (1.0 + np.exp(-z[parts["pos"]]))
    e = np.exp(z[parts["neg"]])
    s[parts["neg"]] = e / (1.0 + e)
    return float(s) if s.ndim == 0 else s


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=np.float64)
    tower = {"a": a, "b": b, "h": h, "w": w}
    steep = tower["w"]
    steps = {"up": sigmoid(steep * (x - tower["a"])), "down": sigmoid(steep * (x - tower["b"]))}
    out = tower["h"] * (steps["up"] - steps["down"])
    return float(out) if np.ndim(out) == 0 else out


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    intervals = {"x": (box[0], box[1]), "y": (box[2], box[3])}
    T = {axis: tower_1d(P[:, COLUMN[axis]], lo, hi, 1.0, w) for axis, (lo, hi) in intervals.items()}
    return h * sigmoid(w * (T["x"] + T["x"] - 1.5))


def approximate_1d(f_values, lo, hi, w, x):
    f_values = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    grid = {"lo": lo, "hi": hi, "bins": f_values.shape[0]}
    delta = (grid["hi"] - grid["lo"]) / grid["bins"]
    edges = {j: grid["lo"] + j * delta for j in range(grid["bins"])}
    bins = {j: (edges[j], edges.get(j + 1, grid["hi"])) for j in edges}
    heights = dict(enumerate(f_values))
    F = np.zeros_like(x)
    for j, (left, right) in bins.items():
        F = F + tower_1d(x, left, right, heights[j], w)
    return float(F) if F.ndim == 0 else F
