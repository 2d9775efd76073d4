"""the momentum step computes v = {vform} and w = {wform} (it must be v = μv + g, w = w − lr·v)

A family (grader.run.catalogue: PARAMS): the velocity's coefficients and the step's sign and
scale, as students mix the lecture's conventions."""

import numpy as np

from reference.gradient_descent import *  # noqa: F403

PARAMS = {
    "vform": {"μv + g": lambda v, g, mu, lr: mu * v + g,
              "μv + (1 − μ)g": lambda v, g, mu, lr: mu * v + (1 - mu) * g,
              "v + μg": lambda v, g, mu, lr: v + mu * g,
              "μv − g": lambda v, g, mu, lr: mu * v - g,
              "μ(v + g)": lambda v, g, mu, lr: mu * (v + g),
              "μv + lr·g": lambda v, g, mu, lr: mu * v + lr * g,
              "(1 − μ)v + μg": lambda v, g, mu, lr: (1 - mu) * v + mu * g},
    "wform": {"w − lr·v": lambda w, v, g, lr: w - lr * v,
              "w + lr·v": lambda w, v, g, lr: w + lr * v,
              "w − v": lambda w, v, g, lr: w - v,
              "w − lr·μ·v": None},
}
vform = PARAMS["vform"]["μ(v + g)"]  # the default: no one-mistake file has it
wform = PARAMS["wform"]["w − lr·v"]


def momentum_step(w, g, v, lr, mu):
    g = np.asarray(g, dtype=np.float64)
    v = vform(np.asarray(v, dtype=np.float64), g, mu, lr)
    w = np.asarray(w, dtype=np.float64)
    w = w - lr * mu * v if wform is None else wform(w, v, g, lr)
    return w, v


FIX = "v ← μ·v + g, then w ← w − lr·v (return both)"
