"""The course pack graded as students are: every submission through `grader grade`'s path.

For each bundled assignment, the reference solution, the release's untouched stub, every
mistake of its catalogue (assignments/<assignment>/mistakes/, one typical mistake each) and
every correct solution in another style (mutants/<assignment>/correct/, its demo/) is
written as a submission file and the whole class is graded once per session by
grader.batch.driver.run_batch (what `grader grade` runs: calibrated CPU limits, the warm pool of
sandboxed workers, the proxy and the codec, grader.run.runtest's scoring). The tests read the
per-test outcomes; nothing here scores anything itself.

`in_process` / `run_local` run the same tests with the in-process runner (grader.sandbox.local,
trusted
code only) through the same grader.run.runner.run_tests, for the parity test and quick checks.
"""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType

from grader.authoring.demo import overlay_source
from grader.authoring.source import read_reference
from grader.authoring.stubs import build_stub
from grader.config import Assignment, find_assignment
from grader.models import RunResult, TestResult
from grader.run.catalogue import catalogue_files
from grader.run.runner import run_tests
from grader.sandbox.local import LocalStudent
from grader.testing import load_assignment_tests

MUTANTS = Path(__file__).parent / "mutants"
"""Correct solutions in other styles (mutants/<a>/correct/); the mistakes are the catalogue."""
PACKS = ("mp_neuron", "perceptron", "boolean_networks", "towers", "gradient_descent", "backprop")


@dataclass(frozen=True)
class Outcome:
    """One test's outcome for one submission, as the student's feedback gets it."""

    name: str
    points: float
    max_points: float
    message: str
    mistake: str | None
    status: str
    visibility: str

    @classmethod
    def of(cls, result: TestResult) -> Outcome:
        return cls(result.name, result.points, result.max_points, result.message,
                   result.mistake, result.status, result.visibility)


def mutant_files(name: str) -> list[Path]:
    """assignments/<a>/mistakes/*.py (grader.run.catalogue): one typical mistake per file.

    Each file starts with a docstring whose first line is the mistake's name as the feedback
    should name it (a case-insensitive substring of the TestResult.mistake text)."""
    return catalogue_files(find_assignment(name).folder)


def correct_files(name: str) -> list[Path]:
    """Correct solutions in other styles: loops, torch, other constructions (the demo's too)."""
    return [path for folder in (MUTANTS / name / "correct", find_assignment(name).folder / "demo")
            for path in sorted(folder.glob("*.py"))]


def student_id(path: Path) -> str:
    """The submission name of a mutant or style file."""
    kind = "mutant" if path.parent.name == "mistakes" else f"correct-{path.parent.name}"
    return f"{kind}-{path.stem}"


@cache
def sources(name: str) -> dict[str, str]:
    """Every submission of the pack, by student: 'reference', 'stub', then the files."""
    assignment = find_assignment(name)
    ref = read_reference(assignment.reference)
    out = {"reference": ref.source, "stub": build_stub(ref, assignment).module_source()}
    for path in [*mutant_files(name), *correct_files(name)]:
        # a file redefines some functions and imports the rest: the reference is embedded
        out[student_id(path)] = overlay_source(ref, path.read_text(encoding="utf-8"), path.stem)
    return out


def grade_pack(name: str, folder: Path) -> dict[str, RunResult]:
    """Every submission of the pack graded through `grader grade`'s path, by student."""
    from grader.batch.driver import run_batch

    assignment = find_assignment(name)
    subs = folder / "submissions"
    subs.mkdir(parents=True)
    for student, source in sources(name).items():
        (subs / f"{student}.py").write_text(source, encoding="utf-8")
    batch = run_batch(assignment, subs, folder / "out", jobs=2, progress=False)
    return {r.student: r for r in batch.results}


def grade_edits(name: str, correct: Path, edits: dict[str, tuple[str, str]],
                folder: Path) -> dict[str, RunResult]:
    """A correct solution (student "correct") and, per student of `edits`, that solution with
    one line replaced ((line, its mistaken version); the line must be there once), graded
    through `grader grade`'s path; the correct one must pass every test with no name."""
    from grader.batch.driver import run_batch

    source = correct.read_text(encoding="utf-8")
    subs = folder / "subs"
    subs.mkdir(parents=True)
    (subs / "correct.py").write_text(source, encoding="utf-8")
    for student, (line, wrong) in edits.items():
        assert source.count(line) == 1, f"{correct}: the line to edit is not there once: {line!r}"
        (subs / f"{student}.py").write_text(source.replace(line, wrong), encoding="utf-8")
    batch = run_batch(find_assignment(name), subs, folder / "out", jobs=2, progress=False)
    results = {r.student: r for r in batch.results}
    assert all(t.status == "passed" and not t.mistake for t in results["correct"].tests), \
        [(t.name, t.message) for t in results["correct"].tests if t.status != "passed"]
    return results


def check_named(name: str, correct: Path,
                edits: dict[str, tuple[tuple[str, str], str, str]], folder: Path) -> None:
    """grade_edits of `edits` (student -> ((line, mistaken line), test, the name it starts)):
    each student's `test` fails with a mistake name that starts with the given one."""
    results = grade_edits(name, correct, {s: e[0] for s, e in edits.items()}, folder)
    for student, (_, test_name, expected) in edits.items():
        said = failed_test(results, student, test_name).mistake or ""
        assert said.startswith(expected), f"{student}: {test_name} says {said!r}"


def failed_test(results: dict[str, RunResult], student: str, test: str) -> TestResult:
    """`student`'s result of `test` (grade_edits' results), which must not have passed."""
    failed = {t.name: t for t in results[student].tests if t.status != "passed"}
    assert test in failed, f"{student}: {test} does not fail: {sorted(failed)}"
    return failed[test]


def load_source(assignment: Assignment, student: str, source: str) -> ModuleType:
    """A submission's source as a module in this process (trusted code only)."""
    module = ModuleType(f"_pack_{assignment.name}_{student}")
    module.__file__ = f"{assignment.module}.py"
    sys.modules[module.__name__] = module  # as the worker has it (dataclasses look it up)
    exec(compile(source, module.__file__, "exec"), module.__dict__)
    return module


def in_process(name: str, student: str) -> list[Outcome]:
    """The pack's tests on one submission with the in-process runner (grader.sandbox.local)."""
    return run_local(name, load_source(find_assignment(name), student, sources(name)[student]))


def run_local(name: str, module: ModuleType, *, hidden: bool = True) -> list[Outcome]:
    """The pack's tests on a trusted module with the in-process runner (grader.sandbox.local),
    scored by grader.run.runner.run_tests as grading scores them."""
    assignment = find_assignment(name)
    ref = importlib.import_module(assignment.reference)
    runner = LocalStudent(module, module_name=assignment.module)
    tests = load_assignment_tests(assignment.folder, hidden=hidden)
    return [Outcome.of(result) for result in run_tests(assignment, tests, runner, ref)]


run_in_process = run_local
