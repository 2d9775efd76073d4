"""Visible tests for `gradient_descent`: small cases with values worked out by hand.

Run them with `grader check gradient_descent gradient_descent.py` (or the cells of the
notebook). Passing them does not guarantee full marks: the hidden tests check many more inputs.
"""

import numpy as np

from grader import checks
from grader.testing import test_case


def sum_of_squares(x):
    """f(x) = Σ x², whose gradient is 2x."""
    return float(np.sum(np.asarray(x) ** 2))


@test_case(points=1, visibility="visible")
def numerical_gradient_of_sum_of_squares(student):
    x = np.array([1.0, -2.0, 0.5])
    checks.close(student.numerical_gradient(sum_of_squares, x), np.array([2.0, -4.0, 1.0]),
                 name="numerical_gradient(Σx², [1, −2, 0.5])", rtol=1e-6)
    x2 = np.array([[1.0, 2.0], [3.0, 4.0]])
    checks.close(student.numerical_gradient(sum_of_squares, x2, 1e-4),
                 np.array([[2.0, 4.0], [6.0, 8.0]]), name="numerical_gradient on a (2, 2) x")


@test_case(points=1, visibility="visible")
def squared_loss_grad_by_hand(student):
    # X w − y = (−1, −1); Xᵀ(Xw − y) = (−1, −2); divided by n = 2
    X = np.array([[1.0, 0.0], [0.0, 2.0]])
    y = np.array([1.0, 1.0])
    w = np.array([0.0, 0.0])
    checks.close(student.squared_loss_grad(w, X, y), np.array([-0.5, -1.0]),
                 name="squared_loss_grad(0, X, y)")


@test_case(points=1, visibility="visible")
def minibatch_sgd_batches(student):
    # n = 6: an unseeded (global) generator matches both epochs' permutations 1 time in 720²
    X = np.arange(12.0).reshape(6, 2)
    y = np.array([1.0, 0.0, -1.0, 2.0, 0.5, -0.5])
    w, batches = student.minibatch_sgd(X, y, np.zeros(2), 0.01, 2, 4, 5)
    rng = np.random.default_rng(5)
    first, second = rng.permutation(6), rng.permutation(6)
    expected = [first[:4], first[4:], second[:4], second[4:]]
    checks.equal([np.asarray(b) for b in batches], expected,
                 name="batches of minibatch_sgd(n=6, epochs=2, batch_size=4, seed=5)")
    checks.equal(np.shape(w), (2,), name="shape of w")


@test_case(points=1, visibility="visible")
def momentum_step_by_hand(student):
    w, g, v = np.array([1.0, -2.0]), np.array([0.5, 0.25]), np.array([0.2, -0.4])
    # v ← 0.9·v + g = (0.68, −0.11); w ← w − 0.1·v = (0.932, −1.989)
    checks.close(student.momentum_step(w, g, v, 0.1, 0.9),
                 (np.array([0.932, -1.989]), np.array([0.68, -0.11])),
                 name="momentum_step(w, g, v, lr=0.1, mu=0.9) -> (w, v)")


@test_case(points=1, visibility="visible")
def adam_first_step_by_hand(student):
    # t = 1 from m = v = 0: m = 0.1·g, v = 0.001·g², m̂ = g, v̂ = g², so w moves by lr·g/(|g| + eps)
    w, g = np.array([1.0, 1.0]), np.array([0.5, -2.0])
    zeros = np.zeros(2)
    checks.close(student.adam_step(w, g, zeros, zeros, 1, 0.1),
                 (np.array([0.9, 1.1]), np.array([0.05, -0.2]), np.array([0.00025, 0.004])),
                 name="adam_step at t=1 -> (w, m, v)", rtol=1e-6)
