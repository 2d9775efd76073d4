"""Each layer's outputs are stacked in FRONT of z instead of after it.

Later layers read their columns in the wrong order ([outputs of layer k, ..., x]), so any
network with more than one layer (the shallow and deep networks included) computes another
function when evaluated with this forward pass.

Single mistake in threshold_forward; written from correct_pipeline.
"""

import numpy as np


def _run(steps, data):
    for step in steps:
        data = step(data)
    return data


def _validate_forward(data):
    z = np.asarray(data["X"], dtype=np.float64)
    if z.ndim != 2:
        raise ValueError("X must be 2-D")
    if len(data["layers"]) == 0:
        raise ValueError("a network needs a layer")
    return {**data, "z": z, "out": np.zeros((z.shape[0], 0))}


def _layer_step(data, W, b):
    W = np.asarray(W, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    z = data["z"]
    if W.ndim != 2 or W.shape[1] != z.shape[1] or b.shape != (W.shape[0],):
        raise ValueError("layer shapes do not fit")
    out = (z @ W.T + b >= 0).astype(np.float64)
    return {**data, "z": np.hstack([out, z]), "out": out}


def _compute_forward(data):
    for W, b in data["layers"]:
        data = _layer_step(data, W, b)
    return data


def _finish_forward(data):
    out = data["out"]
    if out.shape[1] != 1:
        raise ValueError("the last layer must have one unit")
    return out[:, 0].astype(int)


def threshold_forward(layers, X):
    """Outputs (m,) of 0/1 of the network's last unit."""
    return _run([_validate_forward, _compute_forward, _finish_forward],
                {"layers": layers, "X": X})


def _validate_table(data):
    table = np.asarray(data["table"])
    m = table.shape[0] if table.ndim == 1 else 0
    n = m.bit_length() - 1
    if table.ndim != 1 or n < 1 or m != 2**n:
        raise ValueError("truth table must have length 2**n, n >= 1")
    if not np.all((table == 0) | (table == 1)):
        raise ValueError("truth table must hold 0/1")
    return {**data, "table": table, "n": n}


def _prepare_patterns(data):
    table, n = data["table"], data["n"]
    negate = int(table.sum()) > 2 ** (n - 1)
    rows = np.flatnonzero(table == (0 if negate else 1))
    bits = (rows[:, None] >> np.arange(n - 1, -1, -1)) & 1
    return {**data, "negate": negate, "bits": bits}


def _compute_hidden(data):
    bits, n = data["bits"], data["n"]
    if len(bits) == 0:
        W1, b1 = np.zeros((1, n)), np.zeros(1)
    else:
        W1 = (2 * bits - 1).astype(np.float64)
        b1 = -bits.sum(axis=1).astype(np.float64)
    return {**data, "W1": W1, "b1": b1}


def _finish_output(data):
    n, h, negate = data["n"], data["W1"].shape[0], data["negate"]
    sign = 0.0 if len(data["bits"]) == 0 else (-1.0 if negate else 1.0)
    W2 = np.hstack([np.zeros((1, n)), np.full((1, h), sign)])
    b2 = np.array([0.0 if negate else -1.0])
    return [(data["W1"], data["b1"]), (W2, b2)]


def shallow_network(truth_table):
    """One hidden layer of pattern units, then OR (or NOR for the negation)."""
    return _run([_validate_table, _prepare_patterns, _compute_hidden, _finish_output],
                {"table": truth_table})


def _pair_up(data):
    s = data["signals"]
    pairs = [(s[i], s[i + 1]) for i in range(0, len(s) - 1, 2)]
    return {**data, "pairs": pairs, "carry": s[-1:] if len(s) % 2 else []}


def _or_nand_layer(data):
    pairs, width = data["pairs"], data["width"]
    W = np.zeros((2 * len(pairs), width))
    b = np.zeros(2 * len(pairs))
    for j, (a, c) in enumerate(pairs):
        W[2 * j, [a, c]] = 1.0
        b[2 * j] = -1.0
        W[2 * j + 1, [a, c]] = -1.0
        b[2 * j + 1] = 1.0
    return {**data, "layers": data["layers"] + [(W, b)], "first": width,
            "width": width + 2 * len(pairs)}


def _and_layer(data):
    pairs, width, first = data["pairs"], data["width"], data["first"]
    W = np.zeros((len(pairs), width))
    b = np.full(len(pairs), -2.0)
    for j in range(len(pairs)):
        W[j, [first + 2 * j, first + 2 * j + 1]] = 1.0
    return {**data, "layers": data["layers"] + [(W, b)]}


def _next_signals(data):
    width, k = data["width"], len(data["pairs"])
    return {**data, "signals": [width + j for j in range(k)] + data["carry"],
            "width": width + k}


LEVEL_STEPS = [_pair_up, _or_nand_layer, _and_layer, _next_signals]


def deep_parity(n):
    """A tree of XOR blocks (OR, NAND, then AND): 3(n - 1) units."""
    if not isinstance(n, (int, np.integer)) or n < 2:
        raise ValueError("n must be an int >= 2")
    data = {"signals": list(range(n)), "width": n, "layers": []}
    while len(data["signals"]) > 1:
        data = _run(LEVEL_STEPS, data)
    return data["layers"]


def count_units(layers):
    """Units in all layers."""
    return int(sum(np.asarray(W).shape[0] for W, _ in layers))
