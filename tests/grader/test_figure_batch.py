"""A picture's calls into the student's code in one message (grader.sandbox.prefetch, the
worker's `figure` op): the same gradient_descent class graded through `grader grade`'s path
(run_batch: sandbox, proxy, codec) with NN_GRADER_FIGURE_BATCH off (a round trip per call) and
on gives the same pictures and notes, for a wrong path, a call that loops, raises, returns a
string or an object that stays in the sandbox, code that counts its calls, and code that draws
from numpy's global generator; and the calls were answered from the worker's records (not
silently call by call)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from grader.authoring.demo import overlay_source
from grader.authoring.source import read_reference
from grader.batch.driver import run_batch
from grader.config import find_assignment
from grader.errors import StudentTimeout
from grader.models import Plot, RunResult
from grader.run import figures
from grader.sandbox.prefetch import Recorded

FIXTURES = Path(__file__).parents[1] / "fixtures" / "figure_batch"


def _grade(folder: Path, mode: str, monkeypatch: pytest.MonkeyPatch,
           ) -> tuple[dict[str, RunResult], dict[tuple[str, str], list[Recorded]]]:
    recorded: dict[tuple[str, str], list[Recorded]] = {}
    real = figures.prefetch

    def prefetch(proxy: Any, source: str, figure: str, max_calls: int) -> list[Recorded]:
        records = real(proxy, source, figure, max_calls)
        recorded[(proxy._submission.student, figure)] = records
        return records

    with monkeypatch.context() as patch:
        patch.setenv(figures.BATCH_ENV, mode)
        patch.setattr(figures, "prefetch", prefetch)
        batch = run_batch(find_assignment("gradient_descent"), folder / "submissions",
                          folder / mode, jobs=2, progress=False)
    return {r.student: r for r in batch.results}, recorded


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Any]:
    ref = read_reference(find_assignment("gradient_descent").reference)
    folder = tmp_path_factory.mktemp("figure_batch")
    for path in sorted(FIXTURES.glob("*.py")):
        (folder / "submissions" / path.stem).mkdir(parents=True)
        (folder / "submissions" / path.stem / "gradient_descent.py").write_text(
            overlay_source(ref, path.read_text(encoding="utf-8"), path.stem), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        off = _grade(folder, "off", patch)
        on = _grade(folder, "on", patch)
    return off, on


def _same(a: Plot, b: Plot) -> bool:
    for field in dataclasses.fields(Plot):
        x, y = getattr(a, field.name), getattr(b, field.name)
        if isinstance(x, tuple) and isinstance(y, tuple):
            if not np.array_equal(np.asarray(x, dtype=float), np.asarray(y, dtype=float),
                                  equal_nan=True):
                return False
        elif x != y:
            return False
    return True


@pytest.mark.slow
def test_pictures_are_the_same_with_and_without_the_batch(graded) -> None:
    (off, none), (on, _) = graded
    assert none == {}  # off: no prefetch at all
    assert set(off) == set(on) == {p.stem for p in FIXTURES.glob("*.py")}
    for student in off:
        assert off[student].plots, student  # every fixture loses points: its picture is drawn
        assert len(off[student].plots) == len(on[student].plots), student
        for a, b in zip(off[student].plots, on[student].plots, strict=True):
            assert _same(a, b), (student, a, b)
        assert [(t.name, t.points) for t in off[student].tests] == \
            [(t.name, t.points) for t in on[student].tests]


@pytest.mark.slow
def test_the_calls_were_answered_from_the_workers_records(graded) -> None:
    _, (on, recorded) = graded
    wrong = recorded[("momentum_lr_in_v", "momentum_path")]
    assert len(wrong) == 25 and all(r.error is None for r in wrong)
    path = next(p for p in on["momentum_lr_in_v"].plots if p.name == "momentum_path")
    assert path.student is not None and path.note == ""
    assert len(recorded[("momentum_counts_calls", "momentum_path")]) == 25
    looping = recorded[("adam_loops_at_step_4", "adam_path")]
    assert len(looping) == 4 and isinstance(looping[-1].error, StudentTimeout)
    note = next(p for p in on["adam_loops_at_step_4"].plots if p.name == "adam_path").note
    assert note == "your code took too long on this picture's input"
    raising = recorded[("adam_raises_at_step_3", "adam_path")]
    assert len(raising) == 3 and raising[-1].reply is not None
    assert raising[-1].reply["op"] == "raised"
    assert len(recorded[("momentum_junk_at_step_5", "momentum_path")]) == 5
    assert len(recorded[("momentum_object_at_step_3", "momentum_path")]) == 3
    for student in ("momentum_junk_at_step_5", "momentum_object_at_step_3"):
        plot = next(p for p in on[student].plots if p.name == "momentum_path")
        assert plot.student is None and plot.note, student
    assert len(recorded[("sgd_global_generator", "sgd_loss_curve")]) == 8
