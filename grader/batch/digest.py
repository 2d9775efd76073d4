"""The digest of an assignment's tests and the result-producing code: a batch
resumed after either changed grades afresh."""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
from pathlib import Path

import grader
from grader.config import Assignment
from grader.run import replaytable
from grader.run.reference import is_solution_file

RESULT_MODULES = ("collect", "sandbox", "run", "checks", "testing", "errors", "models", "config",
                  "paths")
"""The grader modules whose code decides a RunResult: editing one invalidates stored results.
Every grader module that grading imports is one of them, or in NOT_RESULT_MODULES
(tests/grader/test_batch_driver.py checks it, so a new module cannot be forgotten here)."""
NOT_RESULT_MODULES = ("grader", "grader.deadlines", "grader.late")
"""Imported by grading but deciding no RunResult: the package (its version is hashed) and the
due dates and late penalties (applied to grades, from the gradebook, not to results)."""


def tests_digest(assignment: Assignment) -> str:
    """Changes when the grader version or code that decides results, the limits, any file of
    the assignment, or the reference changes."""
    h = hashlib.sha256(f"nn-grader {grader.__version__}\0{assignment.limits!r}\0".encode())
    package = Path(grader.__file__).parent
    for name in RESULT_MODULES:
        folder, module = package / name, package / f"{name}.py"
        for source in sorted(folder.rglob("*.py")) if folder.is_dir() else [module]:
            if source.is_file():
                rel = source.relative_to(package).as_posix()
                h.update(f"grader/{rel}\0".encode() + hashlib.sha256(source.read_bytes()).digest())
    files = [
        p for p in sorted(assignment.folder.rglob("*"))
        if p.is_file() and p.name != replaytable.FILE  # written by `grader validate`: derived
        and not any(part.startswith(".") or part in ("__pycache__", "release")
                    for part in p.relative_to(assignment.folder).parts)
    ]
    for path in files:
        h.update(path.relative_to(assignment.folder).as_posix().encode() + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())

    origin: str | None = None
    if is_solution_file(assignment.reference):
        origin = assignment.reference  # a solution file (resolved to a path by grader.config)
    else:
        try:
            spec = importlib.util.find_spec(assignment.reference)
            origin = spec.origin if spec is not None else None
        except (ImportError, ValueError):
            origin = None
    if origin and Path(origin).is_file():
        h.update(b"reference\0" + hashlib.sha256(Path(origin).read_bytes()).digest())
    return h.hexdigest()
