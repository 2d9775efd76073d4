"""The veto view is filled with 1 instead of 0 before the any() test.

The masked entries of the inhibitory view are the excitatory inputs; filling them with 1 makes
any() true whenever at least one input is excitatory, so the veto fires for every neuron that
has an excitatory input, whatever the inputs: AND, OR and AND NOT never fire.

Mistake in `mp_neuron`; written from correct_maskedarray.py.
"""

import numpy as np
import numpy.ma as ma

GATE_NAMES = ("and", "or", "nor", "not", "and_not")


def split_inputs(x, inhibitory):
    """(inhibitory view, excitatory view): masked arrays that each hide the other kind."""
    values = np.asarray(x)
    if values.ndim != 1:
        raise ValueError("x must be a 1-D array of 0/1 inputs")
    if not np.all((values == 0) | (values == 1)):
        raise ValueError("x must hold only 0s and 1s")
    n = values.shape[0]
    if inhibitory is None:
        is_inhibitory = np.zeros(n, dtype=bool)
    else:
        is_inhibitory = np.asarray(inhibitory, dtype=bool)
        if is_inhibitory.shape != (n,):
            raise ValueError("inhibitory and x must have the same length")
    bits = values.astype(int)
    inhibitory_view = ma.masked_array(bits, mask=~is_inhibitory)
    excitatory_view = ma.masked_array(bits, mask=is_inhibitory)
    return inhibitory_view, excitatory_view


def mp_neuron(x, theta, inhibitory=None):
    """1 iff no inhibitory input is on and the excitatory inputs sum to at least theta."""
    inhibitory_view, excitatory_view = split_inputs(x, inhibitory)
    if inhibitory_view.filled(1).any():
        return 0
    total = int(excitatory_view.filled(0).sum())
    return int(total >= theta)


def mp_gate(name, n):
    """(theta, inhibitory) that make mp_neuron compute the gate `name` on n inputs."""
    if name not in GATE_NAMES:
        raise ValueError(f"unknown gate {name!r}")
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError("n must be a positive int")
    if name == "not" and n != 1:
        raise ValueError("'not' takes one input")
    if name == "and_not" and n != 2:
        raise ValueError("'and_not' takes two inputs")
    everything = ma.masked_array(np.ones(n, dtype=bool), mask=np.zeros(n, dtype=bool))
    if name == "and":
        theta, vetoes = n, ma.masked_all(n, dtype=bool)
    elif name == "or":
        theta, vetoes = 1, ma.masked_all(n, dtype=bool)
    elif name in ("nor", "not"):
        theta, vetoes = 0, everything
    else:
        theta, vetoes = 1, ma.masked_array([True, True], mask=[True, False])
    return theta, np.asarray(vetoes.filled(False), dtype=bool)
