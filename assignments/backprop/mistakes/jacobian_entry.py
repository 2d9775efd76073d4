"""the softmax Jacobian's entry J[i, j] is {entry} instead of p_i·(δ_ij − p_j)

A family (grader.run.catalogue: PARAMS): broadcasting p along the wrong axis ((I − p) * p),
dropping δ or a factor, or a sign."""

import numpy as np

from reference.backprop import *  # noqa: F403

PARAMS = {"entry": {
    "p_j·(δ_ij − p_j) ((I − p) * p broadcasts p along the rows)":
        lambda p, eye: (eye - p) * p,
    "p_i·(δ_ij − p_i)": lambda p, eye: (eye - p[:, None]) * p[:, None],
    "δ_ij − p_i·p_j": lambda p, eye: eye - np.outer(p, p),
    "p_i·δ_ij + p_i·p_j": lambda p, eye: np.diag(p) + np.outer(p, p),
    "p_i·(1 − p_j)": lambda p, eye: np.outer(p, 1 - p),
    "p_i·δ_ij − p_i (diag(p) − p broadcast as a column)": lambda p, eye: np.diag(p) - p[:, None],
    "p_i·δ_ij − p_j²": lambda p, eye: np.diag(p) - p * p,
    "p_i·(δ_ij − p_j)²": lambda p, eye: p[:, None] * (eye - p) ** 2,
}}
entry = next(iter(PARAMS["entry"].values()))


def softmax_jacobian(p):
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError(f"p must be a 1-D probability vector, got shape {p.shape}")
    return entry(p, np.eye(p.shape[0]))


FIX = "J = np.diag(p) − np.outer(p, p): J[i, j] = p_i·(δ_ij − p_j)"
