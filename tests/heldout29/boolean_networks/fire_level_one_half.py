"""The firing level FIRE_AT is 0.5 instead of 0: a unit fires only when W.z + b >= 0.5.

With integer weights, every unit whose sum is exactly 0 no longer fires, so pattern units, ORs,
ANDs and NANDs all miss their boundary case and real-weighted networks change too.

Single mistake in threshold_forward; written from correct_enums.
"""

import enum

import numpy as np

ON = 1
OFF = 0
FIRE_AT = 0.5
UNITS_PER_XOR = 3


class UnitKind(enum.Enum):
    OR = "or"
    NOR = "nor"
    NAND = "nand"
    AND = "and"


class Role(enum.IntEnum):
    HIDDEN = 0
    OUTPUT = 1


def _unit(kind, fan_in):
    """(weight on each of the fan_in signals, bias) of a unit of this kind."""
    if kind is UnitKind.OR:
        return 1.0, -1.0
    if kind is UnitKind.NOR:
        return -1.0, 0.0
    if kind is UnitKind.NAND:
        return -1.0, fan_in - 1.0
    if kind is UnitKind.AND:
        return 1.0, -float(fan_in)
    raise ValueError(f"unknown unit kind {kind}")


def threshold_forward(layers, X):
    """Outputs of the last (one-unit) layer; layer k sees [x, outputs of layers 1..k-1]."""
    z = np.asarray(X, dtype=float)
    if z.ndim != 2:
        raise ValueError("X must be 2-D")
    if len(layers) == 0:
        raise ValueError("a network needs at least one layer")
    out = None
    for W, b in layers:
        W = np.asarray(W, dtype=float)
        b = np.asarray(b, dtype=float)
        if W.ndim != 2 or W.shape[1] != z.shape[1] or b.shape != (W.shape[0],):
            raise ValueError("a layer does not fit its input")
        out = np.where(z @ W.T + b >= FIRE_AT, ON, OFF).astype(float)
        z = np.hstack([z, out])
    if out.shape[1] != 1:
        raise ValueError("the last layer must have one unit")
    return out[:, 0].astype(int)


def shallow_network(truth_table):
    """Pattern units for the ones of f (OR at the output) or for its zeros (NOR)."""
    table = np.asarray(truth_table)
    if table.ndim != 1:
        raise ValueError("truth_table must be 1-D")
    m = table.shape[0]
    n = m.bit_length() - 1
    if n < 1 or m != 2 ** n:
        raise ValueError("truth_table must have length 2^n, n >= 1")
    if not np.all((table == OFF) | (table == ON)):
        raise ValueError("truth_table must hold only 0s and 1s")
    output_kind = UnitKind.NOR if int(table.sum()) > m // 2 else UnitKind.OR
    target = OFF if output_kind is UnitKind.NOR else ON
    rows = np.flatnonzero(table == target)
    patterns = (rows[:, None] >> np.arange(n - 1, -1, -1)) & 1
    h = max(len(patterns), 1)
    W1 = np.zeros((h, n))
    b1 = np.zeros(h)
    for r, pattern in enumerate(patterns):
        W1[r] = np.where(pattern == ON, 1.0, -1.0)
        b1[r] = -float(pattern.sum())
    weight, bias = _unit(output_kind, len(patterns))
    W2 = np.zeros((1, n + h))
    if len(patterns) > 0:
        W2[0, n:] = weight
    return [(W1, b1), (W2, np.array([bias]))]


def deep_parity(n):
    """A tree of XOR blocks (OR and NAND units, then AND): UNITS_PER_XOR * (n - 1) units."""
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError("n must be an int >= 2")
    layers = []
    signals = list(range(n))
    width = n
    while len(signals) > 1:
        pairs = [(signals[i], signals[i + 1]) for i in range(0, len(signals) - 1, 2)]
        carry = signals[-1:] if len(signals) % 2 else []
        kinds = [UnitKind.OR, UnitKind.NAND]
        W_a = np.zeros((len(kinds) * len(pairs), width))
        b_a = np.zeros(len(kinds) * len(pairs))
        for j, pair in enumerate(pairs):
            for k, kind in enumerate(kinds):
                weight, bias = _unit(kind, 2)
                W_a[len(kinds) * j + k, list(pair)] = weight
                b_a[len(kinds) * j + k] = bias
        layers.append((W_a, b_a))
        first = width
        width += len(kinds) * len(pairs)
        W_b = np.zeros((len(pairs), width))
        b_b = np.zeros(len(pairs))
        for j in range(len(pairs)):
            weight, bias = _unit(UnitKind.AND, 2)
            W_b[j, first + 2 * j: first + 2 * j + 2] = weight
            b_b[j] = bias
        layers.append((W_b, b_b))
        signals = [width + j for j in range(len(pairs))] + carry
        width += len(pairs)
    return layers


def count_units(layers):
    """Units in all layers, hidden and output."""
    per_role = {Role.HIDDEN: 0, Role.OUTPUT: 0}
    for index, (W, _) in enumerate(layers):
        role = Role.OUTPUT if index == len(layers) - 1 else Role.HIDDEN
        per_role[role] += np.asarray(W).shape[0]
    return int(per_role[Role.HIDDEN] + per_role[Role.OUTPUT])
