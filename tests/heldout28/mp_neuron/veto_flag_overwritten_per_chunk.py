"""The veto flag is reassigned in every chunk (vetoed = any(...)) instead of or-ed with the earlier chunks.

Only the last chunk's inhibitory inputs can veto: an active inhibitory input among the first
inputs of a longer x is forgotten, so NOR on three or more inputs fires when only x1 is on.

Single mistake in mp_neuron; written from correct_chunked.
"""

import numpy as np

CHUNK = 2
GATE_NAMES = ("and", "or", "nor", "not", "and_not")


def _starts(n):
    return range(0, n, CHUNK)


def mp_neuron(x, theta, inhibitory=None):
    """Returns 1 iff no inhibitory input is on and the excitatory count reaches theta."""
    values = np.asarray(x)
    if values.ndim != 1:
        raise ValueError("x must be a 1-D array")
    n = values.shape[0]
    if inhibitory is None:
        mask = np.zeros(n, dtype=bool)
    else:
        mask = np.asarray(inhibitory, dtype=bool)
    if mask.shape != (n,):
        raise ValueError("inhibitory and x must have the same length")
    for start in _starts(n):
        block = values[start:start + CHUNK]
        if not np.all((block == 0) | (block == 1)):
            raise ValueError("x must hold only 0s and 1s")
    vetoed = False
    total = 0
    for start in _starts(n):
        stop = start + CHUNK
        block, flags = values[start:stop], mask[start:stop]
        vetoed = bool(np.any(block[flags] == 1))
        total += int(block[~flags].sum())
    if vetoed:
        return 0
    return int(total >= theta)


def _mask_in_chunks(n, flag):
    parts = []
    for start in _starts(n):
        width = min(CHUNK, n - start)
        parts.append(np.full(width, flag, dtype=bool))
    return np.concatenate(parts)


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
    if name == "and":
        return n, _mask_in_chunks(n, False)
    if name == "or":
        return 1, _mask_in_chunks(n, False)
    if name in ("nor", "not"):
        return 0, _mask_in_chunks(n, True)
    mask = _mask_in_chunks(n, False)
    mask[1] = True
    return 1, mask
