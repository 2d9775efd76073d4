"""The McCulloch-Pitts neuron with exact arithmetic: the inputs and the threshold are turned into
fractions.Fraction, so the 0/1 check, the veto and the comparison of the excitatory count with a
threshold such as 2.5 or 1/3 are exact comparisons of rationals (no float rounding anywhere).
mp_gate describes each gate by the SHARE of the n inputs that must be on (all of them, one of
them, none) and turns it into an integer threshold, share * n.

Correct solution (style: fractions).
"""

from fractions import Fraction

import numpy as np

GATES = ("and", "or", "nor", "not", "and_not")


def _exact(v):
    """A number (Python or numpy int, float or bool) as an exact Fraction."""
    return Fraction(float(v))


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError(f"x must be a 1-D array of 0/1 inputs, got shape {x.shape}")
    values = [_exact(v) for v in x]
    if any(v not in (0, 1) for v in values):
        raise ValueError("x must hold only 0s and 1s")
    if inhibitory is None:
        mask = [False] * len(values)
    else:
        mask = [bool(m) for m in np.asarray(inhibitory, dtype=bool).ravel()]
        if np.ndim(inhibitory) != 1 or len(mask) != len(values):
            raise ValueError("inhibitory must be a mask of the same length as x")
    if any(v == 1 and m for v, m in zip(values, mask)):
        return 0                                    # absolute veto
    count = sum((v for v, m in zip(values, mask) if not m), Fraction(0))
    need = _exact(theta)
    return int(count >= need)


def mp_gate(name, n):
    if name not in GATES:
        raise ValueError(f"unknown gate {name!r}")
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError(f"n must be a positive int, got {n!r}")
    n = int(n)
    if name == "not" and n != 1:
        raise ValueError("'not' takes exactly one input")
    if name == "and_not" and n != 2:
        raise ValueError("'and_not' takes exactly two inputs")
    if name == "and":
        share = Fraction(n, n)                      # all n inputs
    elif name in ("or", "and_not"):
        share = Fraction(1, n)                      # one input (x1 for and_not)
    else:
        share = Fraction(0)                         # nor, not: none
    theta = int(share * n)
    mask = np.zeros(n, dtype=bool)
    if name in ("nor", "not"):
        mask[:] = True
    elif name == "and_not":
        mask[1] = True
    return theta, mask
