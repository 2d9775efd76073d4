"""the {unit} unit of each XOR block has bias {bias:g} (XOR blocks joined as {order})

A family (grader.run.catalogue: PARAMS): one bias of the XOR block (OR: a + b − 1 >= 0, NAND:
1 − a − b >= 0, AND of the two: or + nand − 2 >= 0) off, in a tree of pairs (the lecture's)
or a left-to-right chain x1 ⊕ x2 ⊕ … (the same units, another function once a block is wrong)."""

import numpy as np

from reference.boolean_networks import *  # noqa: F403

PARAMS = {
    "unit": ("OR", "NAND", "AND"),
    "bias": (0.0, -1.0, 1.0, -2.0, 2.0, -3.0),
    "order": {"a chain": "chain", "a tree of pairs": "tree"},
}
unit = "OR"
bias = 0.0
order = "chain"
RIGHT = {"OR": -1.0, "NAND": 1.0, "AND": -2.0}


def _block(width, a, b, layers):
    """Append one XOR block of a and b (columns of z); return the new width (its output last)."""
    W_a = np.zeros((2, width))
    W_a[0, [a, b]] = 1.0
    W_a[1, [a, b]] = -1.0
    b_a = np.array([bias if unit == "OR" else RIGHT["OR"],
                    bias if unit == "NAND" else RIGHT["NAND"]])
    layers.append((W_a, b_a))
    W_b = np.zeros((1, width + 2))
    W_b[0, [width, width + 1]] = 1.0
    layers.append((W_b, np.array([bias if unit == "AND" else RIGHT["AND"]])))
    return width + 3


def deep_parity(n):
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError(f"deep_parity needs an int n >= 2, got {n!r}")
    layers = []
    width = n
    if order == "chain":
        acc = 0
        for i in range(1, n):
            width = _block(width, acc, i, layers)
            acc = width - 1
        return layers
    signals = list(range(n))
    while len(signals) > 1:
        nxt = []
        for i in range(0, len(signals) - 1, 2):
            width = _block(width, signals[i], signals[i + 1], layers)
            nxt.append(width - 1)
        signals = nxt + (signals[-1:] if len(signals) % 2 else [])
    return layers


FIX = "XOR(a, b) = AND(OR(a, b), NAND(a, b)): biases −1 (OR), +1 (NAND), −2 (AND)"
