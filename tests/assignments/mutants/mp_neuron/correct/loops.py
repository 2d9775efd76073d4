"""A correct solution in another style: plain Python loops, float thresholds, list masks."""


def mp_neuron(x, theta, inhibitory=None):
    values = [float(v) for v in x]
    if any(v not in (0.0, 1.0) for v in values):
        raise ValueError("inputs must be 0 or 1")
    mask = [False] * len(values) if inhibitory is None else [bool(v) for v in inhibitory]
    if len(mask) != len(values):
        raise ValueError("x and inhibitory differ in length")
    total = 0.0
    for v, inh in zip(values, mask, strict=True):
        if inh and v == 1.0:
            return False
        if not inh:
            total += v
    return total >= theta


def mp_gate(name, n):
    if name == "and":
        return float(n) - 0.5, [False] * n
    if name == "or":
        return 0.5, [False] * n
    if name in ("nor", "not"):
        return -3.0, [True] * n
    if name == "and_not":
        return 0.25, [False, True]
    raise ValueError(name)
