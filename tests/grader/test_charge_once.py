"""A mistake is charged once (issue 16): a test of B that `uses` the student's A runs again with
the reference's A in the student's module when it fails (grader.run.runtest), through the
sandbox's callback channel (`student.using`, grader.sandbox.calls.ByName.using).

The substitution itself is checked on the sandboxed proxy and the in-process double alike
(parity), the scoring through `grader grade` on the towers assignment, whose tower_1d calls the
student's own sigmoid."""

from __future__ import annotations

import json
import types
from pathlib import Path

import pytest
from click.testing import CliRunner

from grader import testing
from grader.cli.main import main
from grader.sandbox.local import LocalStudent
from grader.sandbox.proxy import StudentProxy
from tests.fixtures.engine import MODES, submission, toy

SOURCE = '''
def helper(x):
    return x + 1

def outer(x):
    return 10 * helper(x)

def seen():
    return helper.__name__

def undefined_later(x):
    return absent(x)
'''


def _local() -> LocalStudent:
    module = types.ModuleType("toy")
    exec(SOURCE, module.__dict__)
    return LocalStudent(module)


@pytest.fixture(params=[*MODES, pytest.param("local", id="in-process")])
def student(request):
    if request.param == "local":
        yield _local()
        return
    with StudentProxy(toy(), submission(SOURCE), mode=request.param) as proxy:
        assert proxy.start().status == "ok"
        yield proxy


def test_using_replaces_a_top_level_name_for_the_calls_meanwhile_then_puts_it_back(student):
    calls = []

    def trusted_helper(x):
        calls.append(type(x))
        return x - 1

    assert student.outer(2) == 30
    with student.using({"helper": trusted_helper}):
        assert student.outer(2) == 10  # the student's outer called the trusted helper
        assert student.seen() != "helper"
    assert calls == [int]  # called back here, with a plain value
    assert student.outer(2) == 30 and student.seen() == "helper"


def test_using_a_name_the_submission_lacks_defines_it_only_meanwhile(student):
    with student.using({"absent": lambda x: 2 * x}):
        assert student.undefined_later(4) == 8
    with pytest.raises(NameError):
        student.undefined_later(4)


def test_uses_must_name_functions():
    with pytest.raises(testing.TestDefinitionError, match="uses="):
        testing.test_case(points=1, uses=("not a name",))


# ------------------------------------------------------------------ through `grader grade`

RIGHT_TOWERS = '''
import numpy as np

def sigmoid(z):
    return {sigmoid}

def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=float)
    return h * (sigmoid(w * (x - a)) - sigmoid(w * (x - b)))

def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=float)
    a1, b1, a2, b2 = box
    Tx = tower_1d(P[:, 0], a1, b1, 1.0, w)
    Ty = tower_1d(P[:, 1], a2, b2, 1.0, w)
    return h * sigmoid(w * (Tx + Ty - 1.5))

def approximate_1d(f_values, lo, hi, w, x):
    k = len(f_values)
    edges = np.linspace(lo, hi, k + 1)
    return sum(f_values[i] * tower_1d(x, edges[i], edges[i + 1], 1.0, w) for i in range(k))
'''
STABLE = "np.exp(-np.logaddexp(0.0, -np.asarray(z, dtype=float)))"
HALVED = "0.5 * np.exp(-np.logaddexp(0.0, -np.asarray(z, dtype=float)))"


def _grade(tmp_path: Path, sources: dict[str, str]) -> dict[str, dict[str, dict]]:
    folder = tmp_path / "class"
    folder.mkdir()
    for name, source in sources.items():
        (folder / f"{name}.py").write_text(source)
    out = tmp_path / "out"
    done = CliRunner().invoke(main, ["grade", "towers", str(folder), "--out", str(out), "-j",
                                     "2"])
    assert done.exit_code == 0, done.output
    results = {}
    for name in sources:
        result = json.loads((out / "results" / f"{name}.json").read_text())["result"]
        results[name] = {t["name"]: t for t in result["tests"]}
    return results


@pytest.mark.slow
def test_a_wrong_sigmoid_costs_sigmoid_tests_only_and_the_message_says_where(tmp_path):
    graded = _grade(tmp_path, {"right": RIGHT_TOWERS.format(sigmoid=STABLE),
                               "halved": RIGHT_TOWERS.format(sigmoid=HALVED)})
    right, halved = graded["right"], graded["halved"]
    assert all(t["points"] == t["max_points"] for t in right.values())
    assert not any("reference's" in t["message"] for t in right.values())
    tower_tests = [n for n in halved if n.startswith(("tower_", "approximate_"))]
    assert len(tower_tests) == 9
    for name in tower_tests:  # the student's towers are right: with the reference's sigmoid
        test = halved[name]
        assert test["points"] == test["max_points"], (name, test["message"])
        assert "with your own sigmoid()" in test["message"]
        assert "the mistake is in sigmoid()" in test["message"] \
            or "the mistake is in sigmoid() or tower_1d()" in test["message"]
    sigmoid_tests = [n for n in halved if n.startswith("sigmoid_")]
    assert sigmoid_tests and all(halved[n]["points"] == 0 for n in sigmoid_tests)


@pytest.mark.slow
def test_a_wrong_tower_still_loses_its_points_with_the_reference_sigmoid(tmp_path):
    wrong_tower = RIGHT_TOWERS.format(sigmoid=STABLE).replace(
        "h * (sigmoid(w * (x - a)) - sigmoid(w * (x - b)))",
        "h * (sigmoid(w * (x - b)) - sigmoid(w * (x - a)))")
    tests = _grade(tmp_path, {"swapped": wrong_tower})["swapped"]
    assert tests["tower_1d_matches_reference"]["points"] == 0
    assert "reference's" not in tests["tower_1d_matches_reference"]["message"]
    assert all(tests[n]["points"] == tests[n]["max_points"] for n in tests
               if n.startswith("sigmoid_"))


@pytest.mark.slow
def test_code_whose_result_changes_between_runs_gets_no_second_draw_from_the_rerun(tmp_path):
    # tower_1d is wrong on its first three calls only (state kept between calls): the rerun
    # with the reference's sigmoid would pass because of that state, not because of sigmoid
    warming = RIGHT_TOWERS.format(sigmoid=STABLE).replace(
        "def tower_1d(x, a, b, h, w):\n",
        "CALLS = [0]\n\ndef tower_1d(x, a, b, h, w):\n    CALLS[0] += 1\n"
        "    if CALLS[0] <= 3:\n        return np.zeros(np.shape(x))\n")
    assert "CALLS[0] <= 3" in warming
    tests = _grade(tmp_path, {"warming": warming})["warming"]
    assert not any("reference's" in t["message"] for t in tests.values())
    assert any(t["points"] < t["max_points"] for n, t in tests.items() if n.startswith("tower_"))
