"""The catalogue's replays written by `grader validate` (grader.run.replaytable) for a batch of
one: a perceptron class graded through `grader grade`'s path (run_batch: sandbox, proxy, codec)
with every submission alone (a memo of its own, as course CI's batch of one) gives the same
names, points and messages with the table as without it, and runs far fewer replays (of the
catalogue's mistakes and of the automatic ones: grader.authoring.warm); a table whose
reference, catalogue or tests changed is ignored."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from grader.authoring import named
from grader.authoring.demo import overlay_source
from grader.authoring.findings import Report
from grader.authoring.source import read_reference
from grader.batch.driver import run_batch
from grader.config import find_assignment
from grader.run import diagnose, replaytable, runner
from grader.run.refcache import Memo
from grader.run.reference import import_reference, load_tests

ROOT = Path(__file__).resolve().parents[2]
MUTANTS = ("update_sign_flipped", "update_without_label", "bias_weight_not_updated",
           "strict_less", "predict_ge", "gamma_not_squared", "no_early_stop")
"""Catalogue mistakes handed in (three of them never converge: every epoch of every replay)."""
UNSEEDED = {"trajectory-shuffled_each_epoch"}
"""Draws from numpy's global generator: its values differ from run to run, and so may what
the trajectory's probes (two runs on the same data, under a time budget) make of them."""


@pytest.fixture(scope="module")
def table(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Path]:
    """A copy of perceptron (the bundled folder is left alone) with its table written by
    validate's catalogue check, and a class: catalogue mistakes, the trajectory fixtures (not
    in the catalogue), the reference and the stub."""
    folder = tmp_path_factory.mktemp("replay_table")
    shutil.copytree(find_assignment("perceptron").folder, folder / "perceptron")
    assignment = find_assignment(str(folder / "perceptron"))
    (folder / "perceptron" / replaytable.FILE).unlink(missing_ok=True)
    solution = import_reference(assignment)
    report = Report(assignment.name)
    named.check(assignment, load_tests(assignment), solution, report)
    assert any(line.startswith("replay table: ") for line in report.details), report.details
    ref = read_reference(assignment.reference)
    subs = folder / "submissions"
    subs.mkdir()
    files = {f"mutant-{m}": assignment.folder / "mistakes" / f"{m}.py" for m in MUTANTS}
    files |= {f"trajectory-{p.stem}": p
              for p in sorted((ROOT / "tests/fixtures/trajectory/perceptron").glob("*.py"))}
    for student, path in files.items():
        (subs / f"{student}.py").write_text(
            overlay_source(ref, path.read_text(encoding="utf-8"), path.stem), encoding="utf-8")
    (subs / "reference.py").write_text(ref.source, encoding="utf-8")
    return assignment, subs


def _automatic(function: Any) -> bool:
    """A changed function of grader.run.automatic (compiled from the changed reference)."""
    return getattr(function, "automatic", False) is True


def _alone(assignment: Any, subs: Path, out: Path, use_table: bool,
           monkeypatch: pytest.MonkeyPatch) -> tuple[dict[str, Any], int, int]:
    """Every submission graded as a batch of one (a memo of its own, from the table or
    empty); the results by student, the replays run and how many of them were of automatic
    mistakes."""
    solution = import_reference(assignment)
    runs = [0, 0]
    real = diagnose._run

    def counted(function: Any, *args: Any, **kwargs: Any) -> Any:
        runs[0] += 1
        runs[1] += _automatic(function)
        return real(function, *args, **kwargs)

    def memo(ref: Any) -> Memo:
        fresh = Memo()
        if use_table:  # as run_batch does: consulted on a miss
            replaytable.load_later(assignment, solution, fresh)
        return fresh

    with monkeypatch.context() as patch:
        patch.setattr(runner, "_memo", memo)
        patch.setattr(diagnose, "_run", counted)
        batch = run_batch(assignment, subs, out, jobs=2, progress=False)
    return {r.student: r for r in batch.results}, runs[0], runs[1]


@pytest.mark.slow
def test_a_batch_of_one_names_the_same_with_the_table(table, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    assignment, subs = table
    assert len(replaytable.read(assignment, import_reference(assignment))) > 1000
    plain, plain_runs, plain_auto = _alone(assignment, subs, tmp_path / "plain", False,
                                           monkeypatch)
    warm, warm_runs, warm_auto = _alone(assignment, subs, tmp_path / "table", True, monkeypatch)
    fixtures = len(list((ROOT / "tests/fixtures/trajectory/perceptron").glob("*.py")))
    assert plain.keys() == warm.keys() and len(plain) == len(MUTANTS) + fixtures + 1
    named_tests = 0
    for student, result in plain.items():
        if student in UNSEEDED:
            continue
        said = [(t.name, t.points, t.mistake, t.message) for t in result.tests]
        assert said == [(t.name, t.points, t.mistake, t.message)
                        for t in warm[student].tests], student
        named_tests += sum(bool(t.mistake) for t in result.tests)
    assert named_tests >= len(MUTANTS)  # the catalogue's mistakes are named
    assert warm_runs * 4 < plain_runs, (warm_runs, plain_runs)
    # the trajectory fixtures' mistakes are in no catalogue: tests the catalogue, trajectory and
    # relations leave unnamed replay the automatic mistakes, whose outcomes on the tests' own
    # calls validate put in the table too (grader.authoring.warm)
    assert plain_auto > 100 and warm_auto * 4 < plain_auto, (warm_auto, plain_auto)


@pytest.mark.slow
def test_a_table_for_another_catalogue_or_reference_is_ignored(table) -> None:
    assignment, _ = table
    solution = import_reference(assignment)
    assert replaytable.load(assignment, solution, Memo()) > 1000
    mistake = assignment.folder / "mistakes" / "strict_less.py"
    text = mistake.read_text(encoding="utf-8")
    try:
        mistake.write_text(text + "\n# edited\n", encoding="utf-8")
        assert replaytable.load(assignment, solution, Memo()) == 0
    finally:
        mistake.write_text(text, encoding="utf-8")
    assert replaytable.load(assignment, solution, Memo()) > 1000
    tests = assignment.hidden_tests_path
    text = tests.read_text(encoding="utf-8")
    try:
        tests.write_text(text + "\n# edited\n", encoding="utf-8")
        assert replaytable.load(assignment, solution, Memo()) == 0
    finally:
        tests.write_text(text, encoding="utf-8")
