"""The outer threshold is written 1.5 * h ('the threshold scales with the tower's height') instead
of 1.5: the inner towers have height 1 whatever h is, so for h > 4/3 the sum Tx + Ty (about 2
inside the box) never reaches the threshold and the tower all but vanishes, and for h < 2/3 the
cross-shaped strips (Tx + Ty about 1) rise to full height too (right only for h = 1).

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
    return h * sigmoid(w * (T["x"] + T["y"] - 1.5 * h))


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
