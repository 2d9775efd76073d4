"""Visible tests for `boolean_networks`: small networks worked out by hand. Run them with
`grader check boolean_networks boolean_networks.py`.

Inputs are listed in binary counting order with x1 the most significant bit: for two inputs the
rows are x = (0,0), (0,1), (1,0), (1,1). These tests evaluate your networks with YOUR
threshold_forward (worth 0 points: a mistake in threshold_forward costs points only in its own
tests); the hidden tests use random truth tables up to n = 8, a reference forward
pass and exact unit counts, so passing these does not guarantee full marks.
"""

import numpy as np

from grader import checks
from grader.checks import mistakes as m
from grader.testing import test_case

X2 = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
X3 = np.array([[a, b, c] for a in (0, 1) for b in (0, 1) for c in (0, 1)])


@test_case(points=0.5, visibility="visible")
def threshold_unit_fires_at_equality(student):
    # One unit, x1 + x2 − 1 >= 0: OR (equality at x = 01 and 10 fires).
    layers = [(np.array([[1.0, 1.0]]), np.array([-1.0]))]
    checks.equal(student.threshold_forward(layers, X2), np.array([0, 1, 1, 1]),
                 name="threshold_forward(OR unit, all inputs)",
                 mistakes={m.STRICT_GREATER: np.array([0, 0, 0, 1])})


@test_case(points=1, visibility="visible")
def threshold_forward_later_layers_see_the_inputs(student):
    # Layer 1: h = [x1 + x2 − 2 >= 0] (AND). Layer 2 sees z = (x1, x2, h):
    # out = [x1 − h − 1 >= 0] = x1 AND NOT h.
    layers = [
        (np.array([[1.0, 1.0]]), np.array([-2.0])),
        (np.array([[1.0, 0.0, -1.0]]), np.array([-1.0])),
    ]
    checks.equal(student.threshold_forward(layers, X2), np.array([0, 0, 1, 0]),
                 name="threshold_forward(2-layer network, all inputs)")


# A practice check (0 points): it composes your shallow_network with YOUR threshold_forward,
# whose mistakes its own tests charge; the hidden tests grade shallow_network with a reference
# forward pass.
@test_case(points=0, visibility="visible")
def shallow_network_xor_and_and_not(student):
    for name, table in [("XOR", [0, 1, 1, 0]), ("x1 AND NOT x2", [0, 0, 1, 0])]:
        layers = student.shallow_network(np.array(table))
        checks.equal(len(layers), 2, name=f"number of layers of shallow_network({name})")
        checks.equal(student.threshold_forward(layers, X2), np.array(table),
                     name=f"your network for {name} on all inputs")


# A practice check (0 points), like the one above: your threshold_forward and count_units.
@test_case(points=0, visibility="visible")
def deep_parity_of_three_inputs(student):
    layers = student.deep_parity(3)
    checks.equal(student.threshold_forward(layers, X3), X3.sum(axis=1) % 2,
                 name="deep_parity(3) on all inputs")
    checks.equal(student.count_units(layers), 6, name="count_units(deep_parity(3))")


@test_case(points=0.5, visibility="visible")
def count_units_by_hand(student):
    layers = [
        (np.zeros((4, 2)), np.zeros(4)),
        (np.zeros((3, 6)), np.zeros(3)),
        (np.zeros((1, 9)), np.zeros(1)),
    ]
    checks.equal(student.count_units(layers), 8, name="count_units (4 + 3 + 1 units)",
                 mistakes={m.OUTPUT_NOT_COUNTED: 7,
                           m.LAYERS_COUNTED: 3})
