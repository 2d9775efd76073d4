"""Run an assignment's tests in-process against TRUSTED modules (reference, stubs, mutants).

This mirrors grader.run's scoring rules without a sandbox, so the course pack's own tests can
check fast that the reference scores full marks, a stub scores 0 and each typical mistake loses
some (not all) points with the mistake named. Student submissions never run this way.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import numpy as np

from grader.config import Assignment, find_assignment
from grader.local import LocalStudent
from grader.testing import TestCase, load_assignment_tests

MUTANTS = Path(__file__).parent / "mutants"


@dataclass(frozen=True)
class Outcome:
    name: str
    points: float
    max_points: float
    message: str
    mistake: str | None


def load_tests(assignment: Assignment, *, hidden: bool = True) -> list[TestCase]:
    return load_assignment_tests(assignment.folder, hidden=hidden)


def run_local(assignment_name: str, module: ModuleType, *, hidden: bool = True) -> list[Outcome]:
    """Every test of the assignment against `module`, run in this process."""
    assignment = find_assignment(assignment_name)
    ref = importlib.import_module(assignment.reference)
    student = LocalStudent(module)
    outcomes = []
    for test in load_tests(assignment, hidden=hidden):
        kwargs = {
            "student": student,
            "ref": ref,
            "rng": np.random.default_rng(test.seed(assignment.name)),
        }
        try:
            value = test.func(**{p: kwargs[p] for p in test.params})
        except Exception as exc:
            message = getattr(exc, "message", None) or f"{type(exc).__name__}: {exc}"
            outcomes.append(Outcome(test.name, 0.0, test.points, message,
                                    getattr(exc, "mistake", None)))
            continue
        fraction = 1.0 if value is None else float(value)
        outcomes.append(Outcome(test.name, fraction * test.points, test.points, "", None))
    return outcomes


def load_module_file(path: Path, name: str | None = None) -> ModuleType:
    """Import a (trusted) module file under a fresh name."""
    name = name or f"_mutant_{path.parent.name}_{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def stub_module(assignment_name: str) -> ModuleType:
    """A module whose graded functions all raise NotImplementedError (like the release stub)."""
    assignment = find_assignment(assignment_name)
    ref = importlib.import_module(assignment.reference)
    module = ModuleType(f"_stub_{assignment_name}")
    for fname in ref.STUDENT_API:
        def raiser(*args: object, _n: str = fname, **kwargs: object) -> None:
            raise NotImplementedError(_n)
        setattr(module, fname, raiser)
    for fname in getattr(ref, "PROVIDED", ()):
        setattr(module, fname, getattr(ref, fname))
    return module


def mutant_files(assignment_name: str) -> list[Path]:
    """tests/assignments/mutants/<assignment>/*.py: one typical mistake per file.

    Each file starts with a docstring whose first line is the mistake's name as the feedback
    should name it (a case-insensitive substring of the CheckFailure.mistake text)."""
    folder = MUTANTS / assignment_name
    return sorted(folder.glob("*.py")) if folder.is_dir() else []
