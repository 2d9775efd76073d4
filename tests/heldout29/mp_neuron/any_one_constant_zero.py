"""The module constant ANY_ONE ('at least one input') is 0 instead of 1.

OR and and_not get threshold 0: OR fires on the all-zero input too, and and_not fires whenever
x2 is off, whatever x1 is.

Single mistake in mp_gate; written from correct_enums.
"""

import enum

import numpy as np

FIRES = 1
SILENT = 0
VETO_THRESHOLD = 0
ANY_ONE = 0


class Gate(enum.Enum):
    AND = "and"
    OR = "or"
    NOR = "nor"
    NOT = "not"
    AND_NOT = "and_not"


class Role(enum.IntEnum):
    EXCITATORY = 0
    INHIBITORY = 1


FIXED_ARITY = {Gate.NOT: 1, Gate.AND_NOT: 2}


def mp_neuron(x, theta, inhibitory=None):
    """Returns FIRES iff no inhibitory input is on and the excitatory count reaches theta."""
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError("x must be 1-D")
    if not np.all((x == SILENT) | (x == FIRES)):
        raise ValueError("x must hold only 0s and 1s")
    if inhibitory is None:
        roles = np.full(x.shape[0], Role.EXCITATORY, dtype=int)
    else:
        mask = np.asarray(inhibitory, dtype=bool)
        if mask.shape != x.shape:
            raise ValueError("inhibitory and x must have the same length")
        roles = np.where(mask, Role.INHIBITORY, Role.EXCITATORY)
    if np.any(x[roles == Role.INHIBITORY] == FIRES):
        return SILENT
    count = np.sum(x[roles == Role.EXCITATORY])
    return FIRES if count >= theta else SILENT


def _roles_mask(roles):
    return np.array([role == Role.INHIBITORY for role in roles], dtype=bool)


def mp_gate(name, n):
    """(theta, inhibitory) for the gate called name on n inputs."""
    try:
        gate = Gate(name)
    except ValueError:
        raise ValueError(f"unknown gate {name!r}") from None
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError("n must be a positive int")
    if gate in FIXED_ARITY and n != FIXED_ARITY[gate]:
        raise ValueError(f"{gate.value} takes {FIXED_ARITY[gate]} input(s)")

    if gate is Gate.AND:
        return n, _roles_mask([Role.EXCITATORY] * n)
    if gate is Gate.OR:
        return ANY_ONE, _roles_mask([Role.EXCITATORY] * n)
    if gate in (Gate.NOR, Gate.NOT):
        return VETO_THRESHOLD, _roles_mask([Role.INHIBITORY] * n)
    return ANY_ONE, _roles_mask([Role.EXCITATORY, Role.INHIBITORY])
