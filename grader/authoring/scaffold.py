"""`grader new NAME`: a new assignment folder that `grader validate` passes out of the box.

    NAME/
        assignment.toml     title, module, reference = "solution.py", limits
        solution.py         the instructor's solution: ### BEGIN/END SOLUTION regions
        visible_tests.py    one visible test (shipped to students, runs offline)
        hidden_tests.py     hidden tests: the solution as the oracle, a gradient check
        provided/           data shipped verbatim with the release

The worked example is a ReLU layer (forward and backward, cs231n-style) so that the scaffold
shows the three things most assignments need: a value check with a named mistake, an
in-place-modification check, and a gradient check against central differences. The comments
point at the six bundled assignments (assignments/<name>/ + reference/<module>.py) as larger
worked examples.
"""

from __future__ import annotations

import re
from pathlib import Path


class ScaffoldError(Exception):
    """The assignment cannot be created where asked; says why and what to do."""


def module_name(name: str) -> str:
    """A Python module name for an assignment name: 'Conv-Layer_1' -> 'conv_layer_1'."""
    module = re.sub(r"\W+", "_", name.strip().lower()).strip("_")
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", name) or not module.isidentifier():
        raise ScaffoldError(f"{name!r} cannot name an assignment: use letters, digits and "
                            "underscores, starting with a letter (e.g. conv_layer)")
    return module


ASSIGNMENT_TOML = '''\
# Assignment "{name}", created by `grader new`. Check it with `grader validate {folder}`,
# write the release with `grader generate {folder}`, grade with `grader grade {folder} SUBMISSIONS`.
# The bundled assignments (assignments/perceptron/assignment.toml, ...) are worked examples.

[assignment]
title = "{title}"
module = "{module}"           # students submit {module}.py or {module}.ipynb
reference = "solution.py"     # the solution file in this folder (### BEGIN/END SOLUTION regions)
# due = 2026-12-01T23:59:00Z  # uncomment to enable the late policy below
uses_torch = false            # true preloads torch in the sandboxed worker

[limits]
call_timeout = 5              # wall-clock seconds per call into student code
# cpu_factor = 100            # a call may also use 100x the solution's time for its test, in
# min_cpu_seconds = 0.5       # CPU seconds, at least this (grader validate lists the limits)
# load_cpu_seconds = 5        # CPU seconds for all top-level code (notebooks that train)
submission_timeout = 60       # seconds for all tests of one submission
memory_mb = 1024              # address space of the worker (torch needs ~650 MiB more)

[late_policy]
grace_minutes = 15
penalty_per_day = 0.1
max_days_late = 7
'''

SOLUTION = '''\
"""{title}: a ReLU layer, forward and backward.

The forward pass is out = max(0, x) elementwise; the backward pass takes the upstream gradient
dout = dL/dout and returns dx = dL/dx = dout where x > 0, else 0 (the derivative at 0 is taken
as 0). Arrays are float64 of any shape; neither function modifies its arguments in place.
"""

### BEGIN HIDDEN TESTS
# Instructor notes (this region never reaches students). This file is the solution: students
# get it with each ### BEGIN SOLUTION ... ### END SOLUTION region replaced by
# `raise NotImplementedError()`; everything outside the regions (imports, signatures,
# docstrings, comments) is what they see. Regions like this one are dropped. Larger worked
# examples: reference/perceptron.py and reference/backprop.py with their tests in
# assignments/perceptron/ and assignments/backprop/.
### END HIDDEN TESTS

import numpy as np


def relu_forward(x):
    """ReLU, elementwise: out = max(0, x).

    x: array of any shape. Returns an array of the same shape; x is not modified.
    """
    ### BEGIN SOLUTION
    return np.maximum(x, 0.0)
    ### END SOLUTION


def relu_backward(dout, x):
    """Backward pass of ReLU: dx = dout where x > 0, else 0.

    dout: upstream gradient dL/dout, same shape as x; x: the forward pass's input.
    Returns dx, the same shape as x.
    """
    ### BEGIN SOLUTION
    return dout * (x > 0)
    ### END SOLUTION


### BEGIN HIDDEN TESTS
# Instructor self-checks: run whenever the solution is loaded, never shipped.
assert relu_backward(np.array([2.0, 3.0]), np.array([-1.0, 1.0])).tolist() == [0.0, 3.0]
### END HIDDEN TESTS
'''

VISIBLE_TESTS = '''\
"""Visible tests for `{module}`: shipped to students, run offline with
`grader check . {module}.py`. Small cases worked out by hand; no `ref` (the solution is not
shipped). Worked examples: assignments/perceptron/visible_tests.py, assignments/backprop/.
"""

from pathlib import Path

import numpy as np

from grader import checks
from grader.checks import mistakes as m
from grader.testing import test_case

DATA = Path(__file__).parent / "provided" / "sample_inputs.csv"  # shipped in the release


@test_case(points=1, visibility="visible")
def relu_forward_on_the_sample_inputs(student):
    x = np.loadtxt(DATA, delimiter=",")  # [[-2, -0.5, 0, 0.5, 2], [1, -1, 3, -3, 0.25]]
    expected = np.maximum(x, 0.0)
    call = student.call("relu_forward", x)
    checks.close(call.value, expected, name="relu_forward(x)",
                 mistakes={"negative inputs were kept (that is the identity, not ReLU)": x,
                           **m.sign_flipped(expected)})
    checks.unchanged(x, call.args[0], name="x")
'''

HIDDEN_TESTS = '''\
"""Hidden tests for `{module}`: never shipped. `ref` is the solution module (solution.py), `rng`
a generator seeded from the assignment and test name, so every run is identical.
Worked examples: assignments/backprop/hidden_tests.py (gradient checks, named mistakes).
"""

import numpy as np

from grader import checks
from grader.testing import test_case


@test_case(points=1, visibility="hidden")
def relu_forward_random_shapes(student, ref, rng):
    for shape in [(7,), (4, 5), (2, 3, 4)]:
        x = rng.normal(size=shape)
        checks.close(student.relu_forward(x), ref.relu_forward(x),
                     name=f"relu_forward(x) for x of shape {shape}")


@test_case(points=2, visibility="hidden")
def relu_backward_gradient_check(student, ref, rng):
    # Entries kept away from the kink at 0, where central differences are not defined.
    x = rng.uniform(0.1, 1.0, size=(4, 6)) * rng.choice([-1.0, 1.0], size=(4, 6))
    dout = rng.normal(size=(4, 6))

    def loss(z):  # L = sum(dout * relu(z)), so dL/dz is what relu_backward returns
        return float(np.sum(dout * ref.relu_forward(z)))

    checks.gradient(student.relu_backward(dout, x), loss, x, name="dx")
'''

SAMPLE_INPUTS = "-2,-0.5,0,0.5,2\n1,-1,3,-3,0.25\n"


def _fill(template: str, **values: object) -> str:
    """Replace each `{key}` of `template` (other braces, e.g. of dicts, are left alone)."""
    for key, value in values.items():
        template = template.replace("{" + key + "}", str(value))
    return template


def new_assignment(name: str, parent: Path) -> Path:
    """Write the scaffold for assignment `name` into `parent/<name>/`; returns the folder."""
    module = module_name(name)
    folder = parent / name
    if folder.exists() and any(folder.iterdir()):
        raise ScaffoldError(f"{folder}: exists and is not empty; choose another NAME or --dir")
    title = name.replace("_", " ").replace("-", " ").strip().capitalize()
    files = {
        "assignment.toml": _fill(ASSIGNMENT_TOML, name=name, folder=folder, title=title,
                                     module=module),
        "solution.py": _fill(SOLUTION, title=title),
        "visible_tests.py": _fill(VISIBLE_TESTS, module=module),
        "hidden_tests.py": _fill(HIDDEN_TESTS, module=module),
        "provided/sample_inputs.csv": SAMPLE_INPUTS,
    }
    for rel, text in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder
