"""The unit dtype of a layer is sized by W.shape[0] (the number of units) instead of W.shape[1] (the inputs it sees).

The weight field then has the wrong length, so filling the records fails (or the width check raises) for every non-square layer: threshold_forward raises ValueError on valid networks.

Mistake in threshold_forward (written from correct_structured.py).
"""

import numpy as np


def _unit_dtype(width):
    return np.dtype([("w", np.float64, (width,)), ("b", np.float64)])


def _layer(W, b):
    """A layer (W, b) as a record array of units."""
    W = np.asarray(W, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if W.ndim != 2 or b.shape != (W.shape[0],):
        raise ValueError("a layer needs W (units, width) and b (units,)")
    units = np.zeros(W.shape[0], dtype=_unit_dtype(W.shape[0]))
    units["w"] = W
    units["b"] = b
    return units


def _as_tuple(units):
    return units["w"].copy(), units["b"].copy()


def threshold_forward(layers, X):
    """Runs the network on every row of X; returns the output unit's 0/1 values."""
    z = np.asarray(X, dtype=np.float64)
    if z.ndim != 2:
        raise ValueError("X must be 2-D")
    if len(layers) == 0:
        raise ValueError("the network has no layers")
    out = np.zeros((z.shape[0], 0))
    for W, b in layers:
        units = _layer(W, b)
        if units.dtype["w"].shape != (z.shape[1],):
            raise ValueError("a layer does not fit its inputs")
        out = (z @ units["w"].T + units["b"] >= 0).astype(np.float64)
        z = np.hstack([z, out])
    if out.shape[1] != 1:
        raise ValueError("the last layer must have one unit")
    return out[:, 0].astype(int)


def _patterns(table, n):
    """The truth table as records: bits (x1 first) and value."""
    pattern = np.dtype([("bits", np.int64, (n,)), ("value", np.int64)])
    rows = np.zeros(2 ** n, dtype=pattern)
    r = np.arange(2 ** n)
    rows["bits"] = (r[:, None] >> np.arange(n - 1, -1, -1)) & 1
    rows["value"] = table
    return rows


def shallow_network(truth_table):
    """One unit per pattern of f (or of not f if f has more ones), then OR (or NOR)."""
    table = np.asarray(truth_table)
    m = table.shape[0] if table.ndim == 1 else 0
    n = int(m).bit_length() - 1
    if table.ndim != 1 or n < 1 or m != 2 ** n:
        raise ValueError("truth table length must be 2^n with n >= 1")
    if not np.all((table == 0) | (table == 1)):
        raise ValueError("truth table must hold 0s and 1s")
    negate = int(table.sum()) > 2 ** (n - 1)
    patterns = _patterns(table, n)
    chosen = patterns[patterns["value"] == (0 if negate else 1)]
    hidden = np.zeros(max(1, chosen.shape[0]), dtype=_unit_dtype(n))
    if chosen.shape[0] > 0:
        hidden["w"] = 2 * chosen["bits"] - 1
        hidden["b"] = -chosen["bits"].sum(axis=1)
    h = hidden.shape[0]
    output = np.zeros(1, dtype=_unit_dtype(n + h))
    if chosen.shape[0] > 0:
        output["w"][0, n:] = -1.0 if negate else 1.0
    output["b"] = 0.0 if negate else -1.0
    return [_as_tuple(hidden), _as_tuple(output)]


def deep_parity(n):
    """A tree of XOR blocks: per pair an OR unit and a NAND unit, then an AND unit."""
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError("n must be an int >= 2")
    layers = []
    signals = list(range(n))
    width = n
    while len(signals) > 1:
        pairs = [(signals[i], signals[i + 1]) for i in range(0, len(signals) - 1, 2)]
        carry = signals[-1:] if len(signals) % 2 else []
        gates = np.zeros(2 * len(pairs), dtype=_unit_dtype(width))
        for j, (a, b) in enumerate(pairs):
            gates[2 * j]["w"][[a, b]] = 1.0
            gates[2 * j]["b"] = -1.0
            gates[2 * j + 1]["w"][[a, b]] = -1.0
            gates[2 * j + 1]["b"] = 1.0
        layers.append(_as_tuple(gates))
        first = width
        width += 2 * len(pairs)
        ands = np.zeros(len(pairs), dtype=_unit_dtype(width))
        for j in range(len(pairs)):
            ands[j]["w"][[first + 2 * j, first + 2 * j + 1]] = 1.0
            ands[j]["b"] = -2.0
        layers.append(_as_tuple(ands))
        signals = [width + j for j in range(len(pairs))] + carry
        width += len(pairs)
    return layers


def count_units(layers):
    """The number of units: a record per layer with its units and width, units summed."""
    sizes = np.zeros(len(layers), dtype=[("units", np.int64), ("width", np.int64)])
    for k, (W, _) in enumerate(layers):
        shape = np.shape(W)
        sizes[k] = (shape[0], shape[1])
    return int(sizes["units"].sum())
