"""Visible tests for `towers`: small cases with values worked out by hand.

Run them with `grader check towers towers.py` (or the cells of the notebook). Passing them does
not guarantee full marks: the hidden tests check many more inputs.
"""

import math

import numpy as np

from grader import checks
from grader.testing import test_case


@test_case(points=1, visibility="visible")
def sigmoid_known_values(student):
    # σ(0) = 1/2, σ(ln 3) = 3/4, σ(−ln 3) = 1/4
    z = np.array([0.0, math.log(3), -math.log(3)])
    checks.close(student.sigmoid(z), np.array([0.5, 0.75, 0.25]), name="sigmoid([0, ln 3, −ln 3])")


@test_case(points=1, visibility="visible")
def sigmoid_is_finite_at_plus_minus_1e4(student):
    z = np.array([-1e4, -1000.0, 1000.0, 1e4])
    checks.close(student.sigmoid(z), np.array([0.0, 0.0, 1.0, 1.0]), name="sigmoid(±1e4)",
                 atol=1e-300)


@test_case(points=1, visibility="visible", uses="sigmoid")
def tower_1d_by_hand(student):
    # at x = a the first sigmoid is σ(0) = 1/2; with w = ln 3 and b − a = 1 the second is
    # σ(−ln 3) = 1/4, so the tower is h·(1/2 − 1/4) = 2·1/4 = 0.5
    checks.close(student.tower_1d(np.array([0.0]), 0.0, 1.0, 2.0, math.log(3)), np.array([0.5]),
                 name="tower_1d(0, a=0, b=1, h=2, w=ln 3)")
    # very steep: height h inside (a, b), 0 outside
    x = np.array([-1.0, 0.5, 2.0])
    checks.close(student.tower_1d(x, 0.0, 1.0, 3.0, 100.0), np.array([0.0, 3.0, 0.0]),
                 name="tower_1d(x, 0, 1, 3, w=100)", atol=1e-9)


@test_case(points=1, visibility="visible", uses=("sigmoid", "tower_1d"))
def tower_2d_inside_and_outside(student):
    P = np.array([[0.5, 0.5], [0.5, 3.0], [3.0, 0.5], [3.0, 3.0]])
    checks.close(student.tower_2d(P, (0.0, 1.0, 0.0, 1.0), 2.0, 100.0),
                 np.array([2.0, 0.0, 0.0, 0.0]), name="tower_2d on the unit box", atol=1e-9)


@test_case(points=1, visibility="visible", uses=("sigmoid", "tower_1d"))
def approximate_1d_steep_towers_hit_the_midpoints(student):
    # 4 bins of [0, 2]: midpoints 0.25, 0.75, 1.25, 1.75; steep towers reproduce f there
    f_values = np.array([1.0, -2.0, 0.5, 3.0])
    x = np.array([0.25, 0.75, 1.25, 1.75, -1.0, 3.0])
    checks.close(student.approximate_1d(f_values, 0.0, 2.0, 100.0, x),
                 np.array([1.0, -2.0, 0.5, 3.0, 0.0, 0.0]), name="approximate_1d", atol=1e-9)
