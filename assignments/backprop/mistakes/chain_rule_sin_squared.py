"""sin(x²) was read as sin(x)²: f = e^{sin²x}, differentiated as such"""

import numpy as np

from reference.backprop import *  # noqa: F403


def chain_rule_example(x):
    x = np.asarray(x, dtype=np.float64)
    f = np.exp(np.sin(x) ** 2)
    df = f * 2.0 * np.sin(x) * np.cos(x)
    if np.ndim(f) == 0:
        return float(f), float(df)
    return f, df


FIX = "the chain is x ↦ u = x² ↦ v = sin u ↦ e^v: square first, then the sine"
