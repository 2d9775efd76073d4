"""Pictures for the student's report (grader.run.figures): public inputs only, written here.

Optimizer trajectories on the ill-conditioned quadratic f(w) = ½(w₀² + 10·w₁²) from
w = (−4, 1.5): the student's momentum_step and adam_step (their own state fed back, one call
per step) beside the reference's.
"""

import numpy as np

from grader.run.figures import figure

START = np.array([-4.0, 1.5])
CURVATURE = np.array([1.0, 10.0])


def _grad(w):
    return CURVATURE * np.asarray(w, dtype=np.float64)


@figure("path", "momentum_step: 25 steps (lr = 0.05, mu = 0.8) on ½(w₀² + 10·w₁²)")
def momentum_path(impl, ref):
    w, v, path = START.copy(), np.zeros(2), [START.copy()]
    for _ in range(25):
        w, v = impl.momentum_step(w, _grad(w), v, 0.05, 0.8)
        path.append(np.asarray(w, dtype=np.float64))
    return {"path": np.stack(path)}


@figure("path", "adam_step: 25 steps (lr = 0.3) on ½(w₀² + 10·w₁²)")
def adam_path(impl, ref):
    w, m, v, path = START.copy(), np.zeros(2), np.zeros(2), [START.copy()]
    for t in range(1, 26):
        w, m, v = impl.adam_step(w, _grad(w), m, v, t, 0.3)
        path.append(np.asarray(w, dtype=np.float64))
    return {"path": np.stack(path)}


@figure("curve", "minibatch_sgd: loss after each of 8 epochs (batch_size = 4, lr = 0.1)")
def sgd_loss_curve(impl, ref):
    rng = np.random.default_rng(5)
    X, w_true = rng.normal(size=(30, 2)), np.array([1.5, -2.0])
    y = X @ w_true + 0.1 * rng.normal(size=30)
    w0 = np.zeros(2)
    losses = [ref.squared_loss(w0, X, y)]
    for epochs in range(1, 9):
        w, _ = impl.minibatch_sgd(X, y, w0, 0.1, epochs, 4, 11)
        losses.append(ref.squared_loss(np.asarray(w, dtype=np.float64), X, y))
    return {"x": np.arange(9), "y": np.array(losses)}
