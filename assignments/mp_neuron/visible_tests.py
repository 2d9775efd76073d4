"""Visible tests for `mp_neuron`: small cases worked out by hand. Run them with
`grader check mp_neuron mp_neuron.py`.

Truth tables list the inputs in binary counting order with x1 the most significant bit: for two
inputs the rows are x = (0,0), (0,1), (1,0), (1,1). The hidden tests use more inputs, random
thresholds and masks and a reference solution; passing these does not guarantee full marks.
"""

import itertools

import numpy as np

from grader import checks
from grader.checks import mistakes as m
from grader.testing import test_case


def table(student, theta, inhibitory, n):
    """The student's neuron on all of {0,1}ⁿ, x1 the most significant bit."""
    return [
        student.mp_neuron(np.array(x), theta, inhibitory)
        for x in itertools.product((0, 1), repeat=n)
    ]


@test_case(points=1, visibility="visible")
def mp_neuron_counts_excitatory_inputs(student):
    # No inhibitory inputs: fires iff at least theta inputs are 1 (equality fires; so do
    # more: a threshold test that fires on one count only, `count == theta + 2`, fails here).
    checks.equal(student.mp_neuron(np.array([1, 1, 1]), 1), 1, name="mp_neuron([1,1,1], 1)")
    checks.equal(student.mp_neuron(np.array([1, 1, 0]), 2), 1, name="mp_neuron([1,1,0], 2)",
                 mistakes={m.STRICT_GREATER: 0})
    checks.equal(student.mp_neuron(np.array([1, 0, 0]), 2), 0, name="mp_neuron([1,0,0], 2)")
    checks.equal(student.mp_neuron(np.array([0, 0, 0]), 0), 1, name="mp_neuron([0,0,0], 0)")
    checks.equal(table(student, 2, None, 2), [0, 0, 0, 1], name="truth table of theta = 2, n = 2")


@test_case(points=1, visibility="visible")
def mp_neuron_inhibitory_input_vetoes(student):
    inhibitory = np.array([False, False, True])
    # x3 inhibitory: when it is 1 nothing fires, whatever the other inputs and theta.
    checks.equal(student.mp_neuron(np.array([1, 1, 1]), 0, inhibitory), 0,
                 name="mp_neuron([1,1,1], 0, x3 inhibitory)",
                 mistakes={"the inhibitory input is not an absolute veto": 1})
    checks.equal(student.mp_neuron(np.array([1, 1, 0]), 2, inhibitory), 1,
                 name="mp_neuron([1,1,0], 2, x3 inhibitory)")


@test_case(points=0.5, visibility="visible")
def mp_neuron_rejects_non_binary_input(student):
    checks.raises("ValueError", lambda: student.mp_neuron(np.array([0, 2, 1]), 1),
                  what="x = [0, 2, 1] (inputs must be 0 or 1)")


# A practice check (0 points): it evaluates your gates with YOUR mp_neuron, whose mistakes its
# own tests charge; the hidden tests grade mp_gate with a reference neuron.
@test_case(points=0, visibility="visible")
def mp_gate_two_input_gates(student):
    expected = {
        "and": [0, 0, 0, 1],
        "or": [0, 1, 1, 1],
        "nor": [1, 0, 0, 0],
        "and_not": [0, 0, 1, 0],  # x1 AND NOT x2
    }
    for name, tt in expected.items():
        theta, inhibitory = student.mp_gate(name, 2)
        checks.equal(table(student, theta, np.asarray(inhibitory, dtype=bool), 2), tt,
                     name=f"truth table of mp_gate({name!r}, 2)")
    theta, inhibitory = student.mp_gate("not", 1)
    checks.equal(table(student, theta, np.asarray(inhibitory, dtype=bool), 1), [1, 0],
                 name="truth table of mp_gate('not', 1)")
