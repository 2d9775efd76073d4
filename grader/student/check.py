"""`check_here`: the visible tests run on functions defined in the student's own notebook
kernel (trusted by the student, so in-process), and their one-line summary."""

from __future__ import annotations

import ast
import inspect
import textwrap
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from grader.config import Assignment, load_assignment
from grader.run.runtest import run_test
from grader.sandbox.local import NAME_OPS, LocalStudent
from grader.testing import load_tests_file


def called_functions(func: Any) -> set[str]:
    """Names of the student functions a test function calls through `student`."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(func)))
    names: set[str] = set()
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                and node.value.id == "student" and node.attr not in NAME_OPS):
            names.add(node.attr)
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr in ("call", "variable") and isinstance(node.func.value, ast.Name)
              and node.func.value.id == "student" and node.args
              and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            names.add(node.args[0].value)
        elif (isinstance(node, ast.Compare) and isinstance(node.left, ast.Constant)
              and isinstance(node.left.value, str) and any(isinstance(o, ast.In) for o in node.ops)
              and any(isinstance(c, ast.Name) and c.id == "student" for c in node.comparators)):
            names.add(node.left.value)
    return names


@dataclass(frozen=True)
class CheckLine:
    """One visible test's outcome in a check cell."""

    test: str
    passed: bool
    points: float
    max_points: float
    message: str
    waiting: bool = False
    """Not run: the test also calls a function the notebook does not define yet."""


def check_here(function: str, namespace: dict[str, Any], folder: Path | None = None,
               *, echo: bool = True) -> list[CheckLine]:
    """Run the visible tests that call `function` on the functions defined in `namespace`.

    This runs the student's code in the student's own kernel (nothing to protect there); the
    authoritative run is `grader check` and, after submission, the grader's sandbox."""

    folder = Path.cwd() if folder is None else folder
    tests_path = folder / "visible_tests.py"
    if not tests_path.is_file():
        if echo:
            print(f"no visible_tests.py in {folder}: open the notebook from the release folder")
        return []
    assignment = load_assignment(folder) if (folder / "assignment.toml").is_file() else \
        Assignment(name=folder.name, folder=folder, title=folder.name, module="notebook",
                   reference="")
    module = ModuleType("notebook")
    module.__dict__.update(namespace)
    module.__name__ = "this notebook"  # names it in "... defines no function f"
    student = LocalStudent(module, module_name="notebook")
    lines: list[CheckLine] = []
    for test in load_tests_file(tests_path):
        calls = called_functions(test.func)
        if function not in calls:
            continue
        later = sorted(f for f in calls - {function} if not callable(namespace.get(f)))
        if later:  # defined further down: run that cell, then check again
            lines.append(CheckLine(test.name, False, 0.0, test.points,
                                   f"also needs {', '.join(later)}, not defined yet: run "
                                   f"{'its cell' if len(later) == 1 else 'their cells'}, then "
                                   "check again", waiting=True))
            continue
        result = run_test(assignment, test, student, None)
        message = result.message
        if "NotImplementedError" in message:
            message = f"{function} is not implemented yet"
        lines.append(CheckLine(test.name, result.status == "passed", result.points,
                               test.points, "" if result.status == "passed" else message))
    if echo:
        print(format_check(function, lines))
    return lines


def format_check(function: str, lines: list[CheckLine]) -> str:
    if not lines:
        return f"{function}: no visible tests call it; `grader check` runs all of them"
    ran = [line for line in lines if not line.waiting]
    passed = sum(line.passed for line in ran)
    got = sum(line.points for line in ran)
    total = sum(line.max_points for line in ran)
    if not ran:
        out = [f"{function}: its visible test{'s' if len(lines) > 1 else ''} also "
               f"need{'' if len(lines) > 1 else 's'} functions defined further down"]
    else:
        out = [f"{function}: {passed} of {len(ran)} visible tests passed "
               f"({got:g} of {total:g} points)"]
        if len(ran) < len(lines):
            out[0] += f"; {len(lines) - len(ran)} more once the functions below are defined"
    for line in lines:
        mark = "…" if line.waiting else "✓" if line.passed else "✗"
        out.append(f"  {mark} {line.test}" + (f": {line.message}" if line.message else ""))
    return "\n".join(out)
