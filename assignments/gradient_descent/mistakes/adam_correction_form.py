"""Adam's bias correction divides {which} by {form} (it must be 1 − β^t)

A family (grader.run.catalogue: PARAMS): the correction misplaced or off by one step, e.g.
m / (1 − β1)^t (a parenthesis in the wrong place) or β^(t+1)."""

import numpy as np

from reference.gradient_descent import *  # noqa: F403

PARAMS = {
    "form": {
        "(1 − β)^t": lambda beta, t: (1 - beta) ** t,
        "1 − β^(t+1)": lambda beta, t: 1 - beta ** (t + 1),
        "1 − β^(t−1)": lambda beta, t: 1 - beta ** (t - 1),
        "β^t": lambda beta, t: beta**t,
        "1 − β·t": lambda beta, t: 1 - beta * t,
        "1 − β": lambda beta, t: 1 - beta,
    },
    "which": ("m", "v", "m and v"),
}
form = PARAMS["form"]["(1 − β)^t"]
which = "m"


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.asarray(g, dtype=np.float64)
    m = beta1 * np.asarray(m, dtype=np.float64) + (1 - beta1) * g
    v = beta2 * np.asarray(v, dtype=np.float64) + (1 - beta2) * g * g
    m_hat = m / (form(beta1, t) if which in ("m", "m and v") else 1 - beta1**t)
    v_hat = v / (form(beta2, t) if which in ("v", "m and v") else 1 - beta2**t)
    w = np.asarray(w, dtype=np.float64) - lr * m_hat / (np.sqrt(v_hat) + eps)
    return w, m, v


FIX = "m̂ = m / (1 − β1**t) and v̂ = v / (1 − β2**t), with t counted from 1"
