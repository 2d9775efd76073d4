"""Visible tests for `perceptron`: small cases worked out by hand. Run them with
`grader check perceptron perceptron.py`.

The hidden tests use random data at several shapes, compare whole update trajectories with a
reference solution and check Novikoff's bound; passing these does not guarantee full marks.
"""

import numpy as np

from grader import checks
from grader.checks import mistakes as m
from grader.testing import test_case


@test_case(points=0.5, visibility="visible")
def add_bias_appends_a_column_of_ones_last(student):
    X = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    checks.close(student.add_bias(X), np.array([[1.0, 2.0, 1.0], [3.0, 4.0, 1.0], [5.0, 6.0, 1.0]]),
                 name="add_bias(X)",
                 mistakes={m.BIAS_FIRST:
                           np.array([[1.0, 1.0, 2.0], [1.0, 3.0, 4.0], [1.0, 5.0, 6.0]])})


@test_case(points=1.5, visibility="visible")
def train_perceptron_small_trajectory_by_hand(student):
    # 1-D points 3 (+1), 1 (−1), 2 (+1) with the bias column, w starting at 0. Epoch by epoch
    # (for each point: w·x, and the update if y·(w·x) <= 0):
    #   1: 0 → w=(3,1);  4 → w=(2,0);  4 ok                       2 updates
    #   2: 6 ok;  2 → w=(1,−1);  1 ok                              1
    #   3: 2 ok;  0 (on the boundary!) → w=(0,−2);  −2 → w=(2,−1)  2
    #   4: 5 ok;  1 → w=(1,−2);  0 (on the boundary!) → w=(3,−1)   2
    #   5: 8 ok;  2 → w=(2,−2);  2 ok                              1
    #   6: 4 ok;  0 (on the boundary!) → w=(1,−3);  −1 → w=(3,−2)  2
    #   7: 7 ok;  1 → w=(2,−3);  1 ok                              1
    #   8: no mistakes                                             0 → stop
    X = np.array([[3.0, 1.0], [1.0, 1.0], [2.0, 1.0]])
    y = np.array([1, -1, 1])
    w, changes = student.train_perceptron(X, y, np.zeros(2), 100)
    checks.equal(list(changes), [2, 1, 2, 2, 1, 2, 1, 0], name="changes",
                 mistakes={m.STRICT_INEQUALITY: [0],
                           m.NO_EARLY_STOP:
                               [2, 1, 2, 2, 1, 2, 1] + [0] * 93})
    checks.close(w, np.array([2.0, -3.0]), name="w")
    w, changes = student.train_perceptron(X, y, np.zeros(2), 3)
    checks.equal(list(changes), [2, 1, 2], name="changes with epochs = 3")
    checks.close(w, np.array([2.0, -1.0]), name="w with epochs = 3")


@test_case(points=0.5, visibility="visible")
def train_perceptron_rejects_labels_0_1(student):
    X = np.array([[3.0, 1.0], [1.0, 1.0], [2.0, 1.0]])
    checks.raises("ValueError", lambda: student.train_perceptron(X, np.array([1, 0, 1]),
                                                                 np.zeros(2), 10),
                  what="labels y = [1, 0, 1] (the rule needs labels −1/+1)")


@test_case(points=0.5, visibility="visible")
def predict_boundary_is_minus_one(student):
    w = np.array([1.0, -1.0])
    X = np.array([[2.0, 1.0], [1.0, 1.0], [0.0, 1.0]])  # w·x = 1, 0, −1
    checks.equal(student.predict(w, X), np.array([1, -1, -1]), name="predict(w, X)",
                 mistakes={m.PREDICT_01: np.array([1, 0, 0]),
                           "`>=` was used instead of `>` in predict": np.array([1, 1, -1])})


@test_case(points=1, visibility="visible")
def novikoff_bound_by_hand(student):
    X = np.array([[3.0, 4.0], [-1.0, 0.0]])
    y = np.array([1, -1])
    # R = ‖(3, 4)‖ = 5; w* = (1, 1): margins 7 and 1, ‖w*‖ = √2, so γ = 1/√2 and (R/γ)² = 50.
    checks.close(student.novikoff_bound(X, y, np.array([1.0, 1.0])), 50.0,
                 name="novikoff_bound with w* = (1, 1)",
                 mistakes={"R/γ was not squared": np.sqrt(50.0),
                           m.GAMMA_NOT_NORMALISED: 25.0})
    checks.raises("ValueError",
                  lambda: student.novikoff_bound(X, y, np.array([0.0, 1.0])),
                  what="w* = (0, 1), which puts (−1, 0) on the boundary (γ = 0)")


@test_case(points=0.5, visibility="visible")
def xor_features_of_the_four_xor_points(student):
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    checks.close(student.xor_features(X),
                 np.array([[0.0, 0.0, 0.0], [0.0, 1.0, 0.0], [1.0, 0.0, 0.0], [1.0, 1.0, 1.0]]),
                 name="xor_features(X)")
