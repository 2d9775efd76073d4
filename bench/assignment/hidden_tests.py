"""The benchmark's 4 tests, the same inputs and expected values as the nbgrader test cells and the
Otter OK tests that bench/baselines.py writes (BASELINE_TESTS there)."""

import numpy as np

from grader import checks
from grader.testing import test_case

X_HAND = np.array([[3.0, 1.0], [1.0, 1.0], [2.0, 1.0]])
Y_HAND = np.array([1, -1, 1])


@test_case(points=1, visibility="hidden")
def add_bias(student):
    X = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    checks.close(student.add_bias(X), np.array([[1.0, 2.0, 1.0], [3.0, 4.0, 1.0], [5.0, 6.0, 1.0]]),
                 name="add_bias(X)")


@test_case(points=2, visibility="hidden")
def train_perceptron(student):
    w, changes = student.train_perceptron(X_HAND, Y_HAND, np.zeros(2), 100)
    checks.equal(list(changes), [2, 1, 2, 2, 1, 2, 1, 0], name="changes")
    checks.close(w, np.array([2.0, -3.0]), name="w")
    w, changes = student.train_perceptron(X_HAND, Y_HAND, np.zeros(2), 3)
    checks.equal(list(changes), [2, 1, 2], name="changes with epochs = 3")
    checks.close(w, np.array([2.0, -1.0]), name="w with epochs = 3")


@test_case(points=1, visibility="hidden")
def predict(student):
    X = np.array([[2.0, 1.0], [1.0, 1.0], [0.0, 1.0]])
    checks.equal(student.predict(np.array([1.0, -1.0]), X), np.array([1, -1, -1]),
                 name="predict(w, X)")


@test_case(points=1, visibility="hidden")
def novikoff_bound(student):
    X = np.array([[3.0, 4.0], [-1.0, 0.0]])
    checks.close(student.novikoff_bound(X, np.array([1, -1]), np.array([1.0, 1.0])), 50.0,
                 name="novikoff_bound")
