"""The inhibitory flag of and_not is set with mask.loc[-1] instead of mask.iloc[-1].

On a Series with a RangeIndex, .loc[-1] is a LABEL that does not exist, so pandas appends a new
entry labelled -1 instead of setting the last one: the mask for and_not has three entries
[False, False, True], which no longer matches the two inputs (the neuron raises ValueError for
the gate's own parameters).

Graded: mp_gate; written from correct_pandas.py.
"""

import numpy as np
import pandas as pd

GATE_TABLE = pd.DataFrame(
    {
        "theta": ["n", "1", "0", "0", "1"],
        "inhibitory": ["none", "none", "all", "all", "last"],
        "arity": [0, 0, 0, 1, 2],
    },
    index=pd.Index(["and", "or", "nor", "not", "and_not"], name="gate"),
)


def _inputs(x, inhibitory):
    values = np.asarray(x)
    if values.ndim != 1:
        raise ValueError("x must be a 1-D array")
    frame = pd.DataFrame({"x": values.astype(np.float64)})
    if not frame["x"].isin([0.0, 1.0]).all():
        raise ValueError("x must hold only 0s and 1s")
    if inhibitory is None:
        frame["inhibitory"] = False
    else:
        mask = np.asarray(inhibitory, dtype=bool)
        if mask.shape != (len(frame),):
            raise ValueError("inhibitory and x must have the same length")
        frame["inhibitory"] = mask
    return frame


def mp_neuron(x, theta, inhibitory=None):
    """Returns 1 iff no inhibitory row is on and the excitatory rows that are on reach theta."""
    frame = _inputs(x, inhibitory)
    vetoed = frame.loc[frame["inhibitory"], "x"].eq(1.0).any()
    if vetoed:
        return 0
    total = frame.loc[~frame["inhibitory"], "x"].sum()
    return int(total >= theta)


def mp_gate(name, n):
    """(theta, inhibitory) of the gate `name` on n inputs, read from GATE_TABLE."""
    if name not in GATE_TABLE.index:
        raise ValueError(f"unknown gate {name!r}")
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError("n must be a positive int")
    row = GATE_TABLE.loc[name]
    if row["arity"] and row["arity"] != n:
        raise ValueError(f"gate {name!r} takes {row['arity']} inputs, not {n}")
    theta = n if row["theta"] == "n" else int(row["theta"])
    mask = pd.Series(False, index=range(n))
    if row["inhibitory"] == "all":
        mask[:] = True
    elif row["inhibitory"] == "last":
        mask.loc[-1] = True
    return theta, mask.to_numpy(dtype=bool)
