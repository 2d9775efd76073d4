"""the XOR chain starts from x1 and then runs over range({start}, n{end}) (it must be range(1, n))

A family (grader.run.catalogue: PARAMS): the loop of a left-to-right XOR chain off by one at
either end: x2 or xn never XORed in, x1 XORed with itself, or an index past the inputs."""

import numpy as np

from reference.boolean_networks import *  # noqa: F403

PARAMS = {"start": (2, 0, 1), "end": {"": 0, " − 1": -1, " + 1": 1}}
start = 2
end = 0


def deep_parity(n):
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError(f"deep_parity needs an int n >= 2, got {n!r}")
    layers = []
    width = n
    acc = 0
    for i in range(start, n + end):
        W_a = np.zeros((2, width))
        W_a[0, [acc, i]] = 1.0
        W_a[1, [acc, i]] = -1.0
        layers.append((W_a, np.array([-1.0, 1.0])))
        W_b = np.zeros((1, width + 2))
        W_b[0, [width, width + 1]] = 1.0
        layers.append((W_b, np.array([-2.0])))
        width += 3
        acc = width - 1
    return layers


FIX = "XOR the inputs in one by one: acc = x1, then for i in range(1, n) (0-based) acc ⊕ x_i"
