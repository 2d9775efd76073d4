"""Copy-paste slip: the second step of the tower is also placed at a instead of b.

The two steps cancel, so tower_1d is 0 everywhere.

Single mistake in tower_1d; written from correct_pipeline.
"""

import numpy as np


def _run(steps, data):
    for step in steps:
        data = step(data)
    return data


def _as_float(data):
    return {**data, "z": np.asarray(data["z"], dtype=np.float64)}


def _small_exp(data):
    return {**data, "e": np.exp(-np.abs(data["z"]))}


def _branches(data):
    e = data["e"]
    return {**data, "pos": 1.0 / (1.0 + e), "neg": e / (1.0 + e)}


def _pick(data):
    return {**data, "s": np.where(data["z"] >= 0, data["pos"], data["neg"])}


def _finish_scalar(data):
    s = data["s"]
    return float(s) if np.ndim(s) == 0 else s


SIGMOID_STEPS = [_as_float, _small_exp, _branches, _pick]


def sigmoid(z):
    """1 / (1 + e^-z), elementwise and stable."""
    return _finish_scalar(_run(SIGMOID_STEPS, {"z": z}))


def _step_at(x, edge, w):
    return _run(SIGMOID_STEPS, {"z": w * (x - edge)})["s"]


def _prepare_x(data):
    return {**data, "x": np.asarray(data["x"], dtype=np.float64)}


def _tower(data):
    x, w = data["x"], data["w"]
    return {**data, "s": data["h"] * (_step_at(x, data["a"], w) - _step_at(x, data["a"], w))}


def tower_1d(x, a, b, h, w):
    """h (s(w(x - a)) - s(w(x - b)))."""
    return _finish_scalar(_run([_prepare_x, _tower], {"x": x, "a": a, "b": b, "h": h, "w": w}))


def _prepare_points(data):
    return {**data, "P": np.asarray(data["P"], dtype=np.float64)}


def _inner_towers(data):
    P, w = data["P"], data["w"]
    a1, b1, a2, b2 = data["box"]
    Tx = _step_at(P[:, 0], a1, w) - _step_at(P[:, 0], b1, w)
    Ty = _step_at(P[:, 1], a2, w) - _step_at(P[:, 1], b2, w)
    return {**data, "T": Tx + Ty}


def _outer(data):
    return data["h"] * _step_at(data["T"], 1.5, data["w"])


def tower_2d(P, box, h, w):
    """h s(w (Tx + Ty - 1.5))."""
    return _run([_prepare_points, _inner_towers, _outer], {"P": P, "box": box, "h": h, "w": w})


def _prepare_bins(data):
    f = np.asarray(data["f"], dtype=np.float64)
    k = f.shape[0]
    return {**data, "f": f, "edges": np.linspace(data["lo"], data["hi"], k + 1)}


def _sum_towers(data):
    x, f, edges = data["x"], data["f"], data["edges"]
    F = np.zeros_like(x)
    for j in range(f.shape[0]):
        F = F + f[j] * (_step_at(x, edges[j], data["w"]) - _step_at(x, edges[j + 1], data["w"]))
    return {**data, "s": F}


def approximate_1d(f_values, lo, hi, w, x):
    """Sum of one tower per bin, of height f at the bin's midpoint."""
    return _finish_scalar(_run([_prepare_x, _prepare_bins, _sum_towers],
                               {"f": f_values, "lo": lo, "hi": hi, "w": w, "x": x}))
