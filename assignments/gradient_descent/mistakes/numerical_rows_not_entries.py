"""only the first axis is looped over (range(len(x))): whole rows are perturbed, 1-D x only

numerical_gradient perturbs x[i], which for a 2-D x is a row, and old = x[i] is then a view of
it: each row of the gradient gets one shared, wrong number."""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def numerical_gradient(f, x, h=1e-5):
    work = np.array(x, dtype=np.float64)
    grad = np.zeros_like(work)
    for i in range(len(work)):
        old = work[i]
        work[i] = old + h
        f_plus = f(work)
        work[i] = old - h
        f_minus = f(work)
        work[i] = old
        grad[i] = (f_plus - f_minus) / (2 * h)
    return grad


FIX = "visit every entry: for i in np.ndindex(x.shape), and copy old = float(x[i])"
