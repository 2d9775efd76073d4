"""Fair limits through `grader grade` (issue 15, items 5 and the loads): a one-time cost is not
a timeout, a first timeout does not poison the rest of a submission, an endless loop in every
function costs under two seconds of CPU in all, and looping top-level code costs its load CPU
budget (seconds), not the load's wall-clock budget (a quarter of submission_timeout).

CPU is measured as the grader measures it, on the sandbox's account: StudentProxy.cpu_seconds,
read (not changed) as each submission's proxy closes."""

from __future__ import annotations

import csv
import json
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from grader.cli.main import main
from grader.sandbox.proxy import StudentProxy
from tests.fixtures.engine import CORRECT, TOY

BURN = '''
import time
from collections.abc import Callable

import numpy as np

_paid = False


def _once(seconds={seconds}):
    """A one-time cost of this process (a first import, a cache): CPU, not waiting."""
    global _paid
    if not _paid:
        start = time.process_time()
        while time.process_time() - start < seconds:
            pass
        _paid = True
'''
"""The head of a submission whose every function pays `seconds` of CPU once per process."""


def paying(seconds: float, *, looping: str = "") -> str:
    """The correct toy solution, each function paying a one-time cost first; `looping`: the
    one function that never returns."""
    body = CORRECT
    for name in ("add_bias", "scale", "safe_div", "apply", "count_positive"):
        first = body.index(f"def {name}(")
        colon = body.index('"""', body.index('"""', first) + 3) + 3
        call = "\n    _once()" + ("\n    while True:\n        pass" if name == looping else "")
        body = body[:colon] + call + body[colon:]
    return BURN.format(seconds=seconds) + body.split("import numpy as np\n", 1)[1]


LOOPS_EVERYWHERE = "".join(
    f"def {name}(*args, **kwargs):\n    while True:\n        pass\n\n\n"
    for name in ("add_bias", "scale", "safe_div", "apply", "count_positive"))
LOOPING_HELPER = ("def _helper():\n    while True:\n        pass\n\n\n" + "".join(
    f"def {name}(*args, **kwargs):\n    return _helper()\n\n\n"
    for name in ("add_bias", "scale", "safe_div", "apply", "count_positive")))


@pytest.fixture
def cpu_used(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, float]]:
    """student -> CPU seconds of the sandbox its grading used (loads included)."""
    used: dict[str, float] = {}
    close = StudentProxy.close

    def recording(self: StudentProxy) -> None:
        close(self)
        used[self._submission.student] = self.cpu_seconds

    monkeypatch.setattr(StudentProxy, "close", recording)
    yield used


def grade(assignment: Path | str, subs: Path, out: Path) -> dict[str, dict[str, object]]:
    """`grader grade` (warm pool, one job); student -> {score, status, tests, warnings,
    message}."""
    result = CliRunner().invoke(main, ["grade", str(assignment), str(subs), "--out", str(out),
                                       "--jobs", "1"])
    assert result.exit_code == 0, result.output
    with (out / "scores.csv").open(encoding="utf-8") as fh:
        rows = {row["student"]: row for row in csv.DictReader(fh)}
    graded = {}
    for student, row in rows.items():
        data = json.loads((out / "results" / f"{student}.json").read_text())["result"]
        graded[student] = {"score": float(row["raw_score"]), "status": row["status"],
                           "tests": {t["name"]: t for t in data["tests"]},
                           "warnings": data["warnings"], "message": data["message"]}
    return graded


def write(subs: Path, student: str, name: str, content: str) -> None:
    (subs / student).mkdir(parents=True)
    (subs / student / name).write_text(content, encoding="utf-8")


def notebook(*cells: str) -> str:
    return json.dumps({"cells": [{"cell_type": "code", "id": f"c{i}", "metadata": {},
                                  "source": cell, "execution_count": None, "outputs": []}
                                 for i, cell in enumerate(cells)],
                       "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


def toy_copy(tmp_path: Path, limits: str) -> Path:
    """The toy assignment with `limits` added to its [limits] table."""
    folder = tmp_path / "toy"
    shutil.copytree(TOY, folder)
    toml = folder / "assignment.toml"
    toml.write_text(toml.read_text().replace("[limits]\n", f"[limits]\n{limits}\n"))
    return folder


# -- calls ------------------------------------------------------------------------------------


def test_one_time_costs_score_full_marks_and_a_first_timeout_poisons_nothing(tmp_path, cpu_used):
    """0.35 s and 0.6 s of CPU paid once per process (over the 0.5 s floor: the allowance pays
    it); with one looping function as well, the restarted worker pays its one-time cost again
    and only the looping function's two tests are lost (before: 0 of 9)."""
    subs = tmp_path / "subs"
    write(subs, "once_035", "toy.py", paying(0.35))
    write(subs, "once_060", "toy.py", paying(0.6))
    write(subs, "once_060_scale_loops", "toy.py", paying(0.6, looping="scale"))
    graded = grade(TOY, subs, tmp_path / "out")
    assert graded["once_035"]["score"] == graded["once_060"]["score"] == 9.0
    poisoned = graded["once_060_scale_loops"]
    lost = {name for name, t in poisoned["tests"].items() if t["points"] != t["max_points"]}
    assert lost == {"scale_values", "scale_keeps_input"}, poisoned["tests"]
    assert poisoned["score"] == 7.0
    message = poisoned["tests"]["scale_values"]["message"]  # add_bias spent the allowance
    assert message.startswith("scale() used more than 0.5 s of CPU time without finishing")


@pytest.mark.parametrize("source", [LOOPS_EVERYWHERE, LOOPING_HELPER],
                         ids=["every_function", "a_helper_every_function_calls"])
def test_an_endless_loop_in_every_function_costs_under_two_seconds_of_cpu(
        tmp_path, cpu_used, source):
    """Two timeouts at 0.5 + 0.25 s, then the 0.1 s floor for the three other functions:
    1.8 s of CPU for the toy's five functions (measured 1.8-1.9 s), where each test used to
    be able to cost 0.5 s (0.8 s in all after the first timeout dropped the floor)."""
    subs = tmp_path / "subs"
    write(subs, "loops", "toy.py", source)
    started = time.monotonic()
    graded = grade(TOY, subs, tmp_path / "out")
    assert graded["loops"]["score"] == 0.0
    tests = graded["loops"]["tests"]
    assert all(t["status"] == "timeout" for t in tests.values()), tests
    assert 1.5 <= cpu_used["loops"] < 2.2, cpu_used
    assert time.monotonic() - started < 30  # not 7 x call_timeout (2 s) of wall clock


# -- loads ------------------------------------------------------------------------------------

LOOP = "while True:\n    pass\n"
TRAIN = '''
import time

start = time.process_time()
steps = 0
while time.process_time() - start < {seconds}:  # a training run at the top level
    steps += 1
'''


def test_looping_top_level_code_costs_its_load_cpu_budget_and_the_functions_are_graded(
        tmp_path, cpu_used):
    """load_cpu_seconds = 1.5 with 10 s of wall clock per cell: a .py that loops after its
    functions and a notebook with three looping cells are stopped by CPU, not by the 10 s per
    cell and 10 s in all; the functions defined before still get full marks."""
    toy = toy_copy(tmp_path, "load_cpu_seconds = 1.5")
    text = toy / "assignment.toml"
    text.write_text(text.read_text().replace("call_timeout = 2", "call_timeout = 10"))
    subs = tmp_path / "subs"
    write(subs, "py_loops", "toy.py", CORRECT + "\n" + LOOP)
    write(subs, "nb_loops", "toy.ipynb", notebook(CORRECT, LOOP, LOOP, "x = 1", LOOP))
    started = time.monotonic()
    graded = grade(toy, subs, tmp_path / "out")
    assert time.monotonic() - started < 25  # wall-clock limits: 10 s (.py), 30 s (notebook)
    for student in ("py_loops", "nb_loops"):
        assert graded[student]["score"] == 9.0, graded[student]
        assert cpu_used[student] < 1.5 + 3 * 0.2 + 0.5, cpu_used
    [py_warning] = graded["py_loops"]["warnings"]
    assert py_warning == (
        "toy.py: your top-level code used more than 1.5 s of CPU time while loading (all of "
        "it together) and was stopped here; the functions defined before that line are still "
        'graded. Move experiments and training runs under `if __name__ == "__main__":`: '
        "grading skips them, Python and Jupyter run them")
    nb_warnings = graded["nb_loops"]["warnings"]
    assert [w.split(":")[0] for w in nb_warnings] == [
        "toy.ipynb [cell 2]", "toy.ipynb [cell 3]", "toy.ipynb [cell 5]"]
    assert all("used more than 1.5 s of CPU time while loading" in w for w in nb_warnings)


def test_top_level_code_that_defeats_the_workers_timer_is_stopped_on_the_sandboxs_account(
        tmp_path, cpu_used):
    """Catching the interruption: the trusted side stops the load at 1.5 s + 0.2 s per cell +
    1 s of the sandbox's CPU; nothing is graded, and the student reads why."""
    toy = toy_copy(tmp_path, "load_cpu_seconds = 1.5")
    text = toy / "assignment.toml"
    text.write_text(text.read_text().replace("call_timeout = 2", "call_timeout = 10"))
    subs = tmp_path / "subs"
    stubborn = "while True:\n    try:\n        while True:\n            pass\n" \
               "    except BaseException:\n        pass\n"
    write(subs, "stubborn", "toy.py", CORRECT + "\n" + stubborn)
    graded = grade(toy, subs, tmp_path / "out")
    assert graded["stubborn"]["status"] == "timeout" and graded["stubborn"]["score"] == 0
    assert graded["stubborn"]["message"].startswith(
        "your top-level code used more than 2.7 s of CPU time while loading and could not be "
        "stopped (the limit is 1.5 s for all of it together).")
    assert 2.4 <= cpu_used["stubborn"] < 4, cpu_used  # the clock starts 20 ms in


def test_a_notebook_that_trains_at_the_top_level_still_grades_under_the_default_budget(
        tmp_path, cpu_used):
    """The default load_cpu_seconds (5 s): 1.5 s of training at the top level loads in full,
    and a notebook that loops in three cells of a bundled assignment costs about 5 s, not
    the 30 s (a quarter of its 120 s) it used to."""
    toy = toy_copy(tmp_path, "")
    text = toy / "assignment.toml"  # the cell's wall-clock limit is not what this tests: 1.5 s
    text.write_text(text.read_text().replace("call_timeout = 2", "call_timeout = 10"))  # of CPU
    subs = tmp_path / "subs"  # may take over 2 s of wall clock on a loaded machine
    write(subs, "trains", "toy.ipynb", notebook(CORRECT, TRAIN.format(seconds=1.5),
                                                "assert steps > 0"))
    graded = grade(toy, subs, tmp_path / "out")
    assert graded["trains"]["score"] == 9.0 and graded["trains"]["warnings"] == [], graded
    assert 1.4 <= cpu_used["trains"] < 3, cpu_used

    reference = (Path(__file__).resolve().parents[2] / "reference" / "perceptron.py")
    subs = tmp_path / "bundled"
    write(subs, "loops", "perceptron.ipynb",
          notebook(reference.read_text(encoding="utf-8"), LOOP, LOOP, LOOP))
    started = time.monotonic()
    graded = grade("perceptron", subs, tmp_path / "out_bundled")
    assert time.monotonic() - started < 25  # was 30 s of wall clock for the load alone
    assert graded["loops"]["score"] == 26.0
    assert 4.8 <= cpu_used["loops"] < 5 + 0.4 + 1, cpu_used
