"""One zip iterator is used for both the veto and the count: the veto's any() runs it to the end
when nothing vetoes, so the count loop gets no pairs and counts 0 active excitatory inputs. The
neuron then fires only when theta <= 0: AND and OR output 0 everywhere instead of firing.

Mistake in `mp_neuron`; written in the style of correct_generator.py.
"""

import numpy as np

GATE_NAMES = ("and", "or", "nor", "not", "and_not")


def _inhibited_positions(name, n):
    if name in ("nor", "not"):
        yield from range(n)
    elif name == "and_not":
        yield 1


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError("x must be a 1-D array of 0/1 inputs")
    if not all(v == 0 or v == 1 for v in x):
        raise ValueError("x must hold only 0s and 1s")
    if inhibitory is None:
        mask = np.zeros(len(x), dtype=bool)
    else:
        mask = np.asarray(inhibitory, dtype=bool)
    if mask.shape != x.shape:
        raise ValueError("inhibitory must have the same length as x")
    pairs = zip(x, mask)
    if any(v == 1 for v, m in pairs if m):
        return 0
    count = sum(int(v) for v, m in pairs if not m)
    return int(count >= theta)


def mp_gate(name, n):
    if name not in GATE_NAMES:
        raise ValueError(f"unknown gate {name!r}")
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError("n must be a positive int")
    if name == "not" and n != 1:
        raise ValueError("'not' takes exactly one input")
    if name == "and_not" and n != 2:
        raise ValueError("'and_not' takes exactly two inputs")
    theta = {"and": n, "or": 1, "nor": 0, "not": 0, "and_not": 1}[name]
    inhibited = set(_inhibited_positions(name, n))
    mask = np.fromiter((i in inhibited for i in range(n)), dtype=bool, count=n)
    return theta, mask
