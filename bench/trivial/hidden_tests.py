"""One test, one call: the grader's overhead per submission, with almost no test work."""

import numpy as np

from grader import checks
from grader.testing import test_case


@test_case(points=1, visibility="hidden")
def mp_neuron_fires_at_the_threshold(student):
    checks.equal(student.mp_neuron(np.array([1, 1, 0]), 2), 1, name="mp_neuron([1, 1, 0], 2)")
