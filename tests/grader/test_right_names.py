"""A name must be right (issue 16): a check's guess or a catalogue name that fits the values
by coincidence, while the student's code does something else, is not given.

Graded through `grader grade`'s path (grader.batch.driver.run_batch: sandbox, proxy, the
reference replay) on single-mistake submissions of tests/fixtures/right_names/<assignment>/
(a reference with one function overridden); each fixture's docstring says what it does and why
the name that fits by coincidence is wrong."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from grader.authoring.demo import overlay_source
from grader.authoring.source import read_reference
from grader.batch.driver import run_batch
from grader.config import find_assignment
from grader.models import RunResult

FIXTURES = Path(__file__).parents[1] / "fixtures" / "right_names"


@cache
def _graded(name: str, tmp: Path) -> dict[str, RunResult]:
    assignment = find_assignment(name)
    ref = read_reference(assignment.reference)
    subs = tmp / name / "submissions"
    for path in sorted((FIXTURES / name).glob("*.py")):
        sub = subs / path.stem
        sub.mkdir(parents=True)
        (sub / f"{assignment.module}.py").write_text(
            overlay_source(ref, path.read_text(encoding="utf-8"), path.stem), encoding="utf-8")
    batch = run_batch(assignment, subs, tmp / name / "out", jobs=2, progress=False)
    return {r.student: r for r in batch.results}


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory):
    tmp = tmp_path_factory.mktemp("right_names")
    return lambda name: _graded(name, tmp)


def _failed(result: RunResult) -> list:
    return [t for t in result.tests if t.status == "failed"]


@pytest.mark.slow
def test_a_value_guess_is_withdrawn_by_the_catalogue_mistake_that_says_it_precisely(graded):
    failed = _failed(graded("mp_neuron")["and_every_input_inhibitory"])
    gate = [t for t in failed if t.name == "mp_gate_and"]
    assert gate, [(t.name, t.message) for t in failed]
    assert "truth table" in gate[0].message  # the failure itself is still reported
    assert not any("one too high" in (t.mistake or "") or "one too high" in t.message
                   for t in failed), [(t.name, t.message) for t in failed]
