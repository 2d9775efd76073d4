"""The length check of the inhibitory mask is left out: a mask shorter or longer than x is not
rejected with ValueError; x[mask] then fails with numpy's IndexError (boolean index did not
match) instead.

One mistake, in `mp_neuron`; written in the style of correct_closures.py.
"""

import numpy as np

GATE_NAMES = ("and", "or", "nor", "not", "and_not")


def _bits_validator():
    def validate(x):
        x = np.asarray(x)
        if x.ndim != 1:
            raise ValueError(f"x must be a 1-D array, got shape {x.shape}")
        if not np.all((x == 0) | (x == 1)):
            raise ValueError("x must hold only 0s and 1s")
        return x

    return validate


_validate = _bits_validator()


def _mask_reader(n):
    def read(inhibitory):
        if inhibitory is None:
            return np.zeros(n, dtype=bool)
        mask = np.asarray(inhibitory, dtype=bool)
        return mask

    return read


def _threshold_unit(theta):
    def fire(count):
        return int(count >= theta)

    return fire


_UNITS = {}


def mp_neuron(x, theta, inhibitory=None):
    x = _validate(x)
    mask = _mask_reader(len(x))(inhibitory)

    def vetoed():
        return bool(np.any(x[mask] == 1))

    if vetoed():
        return 0
    fire = _UNITS.setdefault(theta, _threshold_unit(theta))
    return fire(x[~mask].sum())


def _gate_factory(theta_of_n, inhibited_of_n, arity=None):
    def build(n):
        if arity is not None and n != arity:
            raise ValueError(f"this gate takes {arity} input(s), got n = {n}")
        mask = np.zeros(n, dtype=bool)
        mask[list(inhibited_of_n(n))] = True
        return theta_of_n(n), mask

    return build


_GATES = {
    "and": _gate_factory(lambda n: n, lambda n: ()),
    "or": _gate_factory(lambda n: 1, lambda n: ()),
    "nor": _gate_factory(lambda n: 0, lambda n: range(n)),
    "not": _gate_factory(lambda n: 0, lambda n: range(n), arity=1),
    "and_not": _gate_factory(lambda n: 1, lambda n: (1,), arity=2),
}


def mp_gate(name, n):
    if name not in _GATES:
        raise ValueError(f"unknown gate {name!r}")
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError(f"n must be a positive int, got {n!r}")
    return _GATES[name](n)
