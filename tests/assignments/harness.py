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

from grader.catalogue import catalogue_files
from grader.config import Assignment, find_assignment
from grader.local import LocalStudent
from grader.run import run_tests
from grader.testing import TestCase, load_assignment_tests

MUTANTS = Path(__file__).parent / "mutants"
"""Correct solutions in other styles (mutants/<a>/correct/); the mistakes are the catalogue."""


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
    results = run_tests(assignment, load_tests(assignment, hidden=hidden), student,  # type: ignore[arg-type]
                        ref)
    return [Outcome(r.name, r.points, r.max_points, r.message, r.mistake) for r in results]


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
    """assignments/<a>/mistakes/*.py (grader.catalogue): one typical mistake per file.

    Each file starts with a docstring whose first line is the mistake's name as the feedback
    should name it (a case-insensitive substring of the TestResult.mistake text)."""
    return catalogue_files(find_assignment(assignment_name).folder)
