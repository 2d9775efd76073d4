"""(memo) The popcount table is built with int.bit_length() instead of counting the ones of each
code: bit_length is the position of the highest set bit, so the 'count' of the active excitatory
inputs is n minus the index of the FIRST active one (x = [1, 0, 0] counts as 3 and reaches theta
3; x = [0, 0, 1] with [0, 1, 1] counts alike).

Mistake in `mp_neuron`, written from correct_memo.py.
"""

from functools import cache

import numpy as np

GATES = ("and", "or", "nor", "not", "and_not")
_SEEN = {}                      # (bits, theta, veto) -> 0/1, shared between calls


@cache
def _popcounts(n):
    """Number of ones of every n-bit code: the look-up table for the excitatory count."""
    return tuple(code.bit_length() for code in range(2 ** n))


@cache
def _zeros(n):
    """The all-False mask of length n (cached: never modify it, copy it)."""
    return np.zeros(n, dtype=bool)


def _decide(bits, theta, veto):
    if any(b and v for b, v in zip(bits, veto)):
        return 0                                    # absolute veto
    code = 0
    for b, v in zip(bits, veto):                    # the active excitatory inputs as a code
        code = 2 * code + (1 if b and not v else 0)
    return int(_popcounts(len(bits))[code] >= theta)


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError(f"x must be a 1-D array of 0/1 inputs, got shape {x.shape}")
    if not np.all((x == 0) | (x == 1)):
        raise ValueError("x must hold only 0s and 1s")
    if inhibitory is None:
        mask = _zeros(x.shape[0])
    else:
        mask = np.asarray(inhibitory, dtype=bool)
    if mask.shape != x.shape:
        raise ValueError(f"inhibitory has shape {mask.shape} but x has shape {x.shape}")
    bits = tuple(int(v) for v in x)
    veto = tuple(bool(m) for m in mask)
    key = (bits, theta, veto)
    if key not in _SEEN:
        _SEEN[key] = _decide(bits, theta, veto)
    return _SEEN[key]


def _and_not_mask(n):
    mask = _zeros(n).copy()
    mask[n - 1] = True                              # x2 is the veto
    return mask


_ROWS = {   # name -> (threshold rule, mask rule), built once
    "and": (lambda n: n, lambda n: _zeros(n)),
    "or": (lambda n: 1, lambda n: _zeros(n)),
    "nor": (lambda n: 0, lambda n: ~_zeros(n)),
    "not": (lambda n: 0, lambda n: ~_zeros(n)),
    "and_not": (lambda n: 1, _and_not_mask),
}


def mp_gate(name, n):
    if name not in _ROWS:
        raise ValueError(f"unknown gate {name!r}")
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError(f"n must be a positive int, got {n!r}")
    if name == "not" and n != 1:
        raise ValueError("'not' takes exactly one input")
    if name == "and_not" and n != 2:
        raise ValueError("'and_not' takes exactly two inputs")
    theta_rule, mask_rule = _ROWS[name]
    return theta_rule(n), np.array(mask_rule(n), dtype=bool)
