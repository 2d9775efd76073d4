"""`grader validate ASSIGNMENT`: is this assignment ready to grade a class?

Checks, each reported with file:line and the fix:

- the tests files load; every test states its points (a forgotten `points=` silently counts 1);
  every function a test calls through `student` exists in the solution;
- solution markers are well formed (every BEGIN closed, no nesting);
- the solution scores full marks, twice, with identical outcomes (deterministic tests);
- the stripped stub (the release as students get it) scores 0;
- every test can fail: mutants of each graded function (returning zeros, negated, None,
  swallowing errors, modifying its array arguments in place) run in this process through
  grader.sandbox.local.LocalStudent (trusted code only); each test must lose points on some
  mutant and each graded function must be caught by some test;
- every mistake of the catalogue (assignments/<a>/mistakes/) fails some test and is named by
  it, never given another mistake's name; the share named is printed (grader.authoring.named);
- no points for garbage (every graded function returning None, 0, zeros, its first argument or
  a constant) and none lost to rounding (float results moved by rounding): grader.authoring.garbage;
- the pictures (assignments/<a>/plots.py) import and draw for the solution through the
  student's path (grader.authoring.pictures);
- the release (written to a temporary folder) contains no solution code and no hidden tests;
- the points add up (the solution's score is the total, > 0);
- through the real sandbox once: the solution passes within the time and memory limits with
  margin (half the submission budget, three quarters of the memory).
"""

from __future__ import annotations

import ast
import difflib
import tempfile
import traceback as tb
from pathlib import Path
from types import ModuleType
from typing import Any

from grader.authoring import garbage, named, pictures
from grader.authoring.findings import Problem as Problem
from grader.authoring.findings import Report
from grader.authoring.findings import format_report as format_report
from grader.authoring.generate import generate_release
from grader.authoring.leaks import leak_origins, unused_provided
from grader.authoring.mutate import MUTANTS, mutant_module
from grader.authoring.source import GenerateError, ReferenceSource, read_reference
from grader.authoring.stubs import build_stub
from grader.collect.entries import collect
from grader.config import Assignment
from grader.models import TestResult
from grader.run.calibrate import calibrate, summary
from grader.run.reference import (
    MarkerError,
    find_regions,
    import_reference,
    is_solution_file,
    printed_while_loading,
    read_solution_file,
    run_solution_code,
)
from grader.run.runner import run_submission, run_tests
from grader.sandbox.isolation import for_own_code
from grader.sandbox.local import NAME_OPS, LocalStudent
from grader.student.check import called_functions
from grader.testing import (
    TestCase,
    TestDefinitionError,
    load_assignment_tests,
)

MARGIN_TIME = 0.5
"""The solution may use at most this fraction of the submission's wall-clock budget."""
MARGIN_MEMORY = 0.75
"""... and at most this fraction of the worker's memory limit."""


# ----------------------------------------------------------------------------- static checks


def _decorated_tests(path: Path) -> list[tuple[ast.FunctionDef, ast.Call]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            for deco in node.decorator_list:
                if isinstance(deco, ast.Call) and getattr(
                        deco.func, "id", getattr(deco.func, "attr", None)) == "test_case":
                    found.append((node, deco))
    return found


def check_points_declared(assignment: Assignment, report: Report) -> None:
    """Every @test_case says points= (a literal > 0 for hidden tests; a 0-point visible test
    is a practice check)."""
    hidden = assignment.hidden_tests_path
    for path in (assignment.visible_tests_path, assignment.hidden_tests_path):
        if not path.is_file():
            continue
        for func, deco in _decorated_tests(path):
            given = next((k.value for k in deco.keywords if k.arg == "points"), None)
            if given is None and deco.args:
                given = deco.args[0]
            if given is None:
                report.add(f"{path}:{deco.lineno}", f"test {func.name} has no points; write "
                           "@test_case(points=N, ...) (without it the test silently counts 1)")
            elif isinstance(given, ast.Constant) and given.value == 0 and path == hidden:
                report.add(f"{path}:{deco.lineno}", f"test {func.name} is worth 0 points, so it "
                           "cannot change a grade; give it points or delete it", "warning")


def _call_sites(test: TestCase) -> dict[str, int]:
    """{function name: file line} for each `student.<name>` / `student.call("<name>")`."""
    path = Path(test.source_file)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and test.line in (
                node.lineno, *(d.lineno for d in node.decorator_list)):
            break
    else:
        return {}
    sites: dict[str, int] = {}
    for sub in ast.walk(node):
        if (isinstance(sub, ast.Attribute) and isinstance(sub.value, ast.Name)
                and sub.value.id == "student" and sub.attr not in NAME_OPS):
            sites.setdefault(sub.attr, sub.lineno)
        elif (isinstance(sub, ast.Call) and isinstance(sub.func, ast.Attribute)
              and sub.func.attr == "call" and isinstance(sub.func.value, ast.Name)
              and sub.func.value.id == "student" and sub.args
              and isinstance(sub.args[0], ast.Constant) and isinstance(sub.args[0].value, str)):
            sites.setdefault(sub.args[0].value, sub.lineno)
    return sites


def check_function_names(tests: list[TestCase], api: tuple[str, ...], report: Report) -> None:
    for test in tests:
        for name, line in _call_sites(test).items():
            if name in api:
                continue
            close = difflib.get_close_matches(name, api, n=1)
            hint = f"did you mean {close[0]}?" if close else f"the functions are {', '.join(api)}"
            report.add(f"{test.source_file}:{line}", f"test {test.name} calls student.{name}, "
                       f"but the solution defines no graded function {name!r}; {hint}")


# ----------------------------------------------------------------------------- running tests


def run_local(assignment: Assignment, tests: list[TestCase], module: ModuleType,
              ref: ModuleType) -> list[TestResult]:
    """`tests` against a TRUSTED module in this process, with the runner's scoring rules."""
    student: Any = LocalStudent(module)
    return run_tests(assignment, tests, student, ref)


def stub_module(ref: ReferenceSource, assignment: Assignment) -> ModuleType:
    """The release's student module, executed (it is generated from the instructor's code)."""
    source = ref.stub if ref.stub is not None else build_stub(ref, assignment).module_source()
    module = ModuleType(f"_grader_stub_{assignment.module}")
    run_solution_code(source, f"{assignment.module}.py (stub)", module.__dict__)
    return module


def _where(test: TestCase) -> str:
    return f"{test.source_file}:{test.line}"


def _lost(result: TestResult) -> bool:
    return result.points < result.max_points


def check_solution_and_stub(assignment: Assignment, ref: ReferenceSource, solution: ModuleType,
                            tests: list[TestCase], report: Report) -> None:
    first = run_local(assignment, tests, solution, solution)
    second = run_local(assignment, tests, solution, solution)
    total = sum(t.points for t in tests)
    earned = sum(r.points for r in first)
    for test, a, b in zip(tests, first, second, strict=True):
        if _lost(a):
            report.add(_where(test), f"the solution fails test {test.name}: {a.message or a.status}"
                       "; fix the test or the solution")
        if (a.points, a.status, a.message) != (b.points, b.status, b.message):
            report.add(_where(test), f"test {test.name} is not deterministic: two runs on the "
                       f"solution gave {a.points:g} ({a.message or a.status}) and {b.points:g} "
                       f"({b.message or b.status}); draw random data from the `rng` parameter")
    if earned == total and total > 0:
        report.passed.append(f"solution: {earned:g} of {total:g} points, twice, identically")
    if total <= 0:
        report.add(str(assignment.folder), "the tests are worth 0 points in total; give them "
                   "points=")
    try:
        stub = stub_module(ref, assignment)
    except Exception as exc:  # e.g. a solution region at module level: the stub cannot load
        report.add(str(assignment.reference), f"the stub raises when loaded ({type(exc).__name__}"
                   f": {exc}), so a student who leaves any part blank scores 0 on everything; "
                   "put top-level solution regions inside functions", "warning")
        return
    stub_results = run_local(assignment, tests, stub, solution)
    for test, result in zip(tests, stub_results, strict=True):
        if result.points > 0:
            report.add(_where(test), f"test {test.name} passes on the stub (the release as "
                       "shipped, every graded function raising NotImplementedError); make it "
                       "call and check the student's functions")
    if not any(r.points > 0 for r in stub_results):
        report.passed.append("stub: 0 points")


def check_mutants(assignment: Assignment, api: tuple[str, ...], solution: ModuleType,
                  tests: list[TestCase], report: Report) -> None:
    calls = {t.name: called_functions(t.func) for t in tests}
    failed_on: dict[str, set[str]] = {t.name: set() for t in tests}
    for name in api:
        if not callable(getattr(solution, name, None)):
            continue
        relevant = [t for t in tests if name in calls[t.name] or not calls[t.name]]
        caught: list[str] = []
        for kind in MUTANTS:
            module = mutant_module(solution, name, kind)
            for test, result in zip(relevant, run_local(assignment, relevant, module, solution),
                                    strict=True):
                if _lost(result):
                    failed_on[test.name].add(f"{name} {kind}")
                    if kind not in caught:
                        caught.append(kind)
        if not caught:
            report.add(str(assignment.folder), f"no test loses points when {name} returns "
                       "zeros, its negation or None: write a test that checks its result")
    for name in sorted(_variables_read(tests)):  # notebook variables (imported assignments)
        if name not in vars(solution):
            continue
        module = ModuleType(f"{solution.__name__}__{name}__undefined")
        module.__dict__.update({k: v for k, v in vars(solution).items()
                                if k != name and not k.startswith("__")})
        relevant = [t for t in tests if name in calls[t.name]]
        for test, result in zip(relevant, run_local(assignment, relevant, module, solution),
                                strict=True):
            if _lost(result):
                failed_on[test.name].add(f"{name} undefined")
    for test in tests:
        if test.points > 0 and not failed_on[test.name]:
            report.add(_where(test), f"test {test.name} cannot fail: it passed on every mutant "
                       f"({', '.join(MUTANTS)} of each graded function); make it compare the "
                       "student's results with expected values")
    if all(failed_on[t.name] for t in tests if t.points > 0):
        report.passed.append(f"mutants: every test loses points on some mutant "
                             f"({len(MUTANTS)} per graded function, {len(api)} functions)")


def _variables_read(tests: list[TestCase]) -> set[str]:
    """Top-level values the tests read with `student.variable("name")`."""
    names: set[str] = set()
    for test in tests:
        for node in ast.walk(ast.parse(Path(test.source_file).read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "variable" and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                names.add(node.args[0].value)
    return names


# ----------------------------------------------------------------------------- release, limits


def _normalise(line: str) -> str:
    return " ".join(line.split())


def check_release(assignment: Assignment, report: Report) -> None:
    """Write the release to a temporary folder (generate's own checks and leak scan run) and
    look for marker lines and marked-region code in every file of it."""

    with tempfile.TemporaryDirectory(prefix="grader-validate-") as tmp:
        out = Path(tmp) / assignment.name
        try:
            generate_release(assignment, out)
        except GenerateError as exc:
            report.add(str(assignment.folder), f"the release cannot be written: {exc}")
            return
        secret: dict[str, str] = {}
        origins: dict[str, list[tuple[str, str]]] = {}
        """A marked line -> where the release's copy comes from (e.g. a docstring's line)."""
        if is_solution_file(assignment.reference):
            solution = read_solution_file(Path(assignment.reference))
            lines = solution.code.splitlines()
            regions = find_regions(solution.code, solution.path, solution.cells)
            for region in regions:
                for number in range(region.begin + 1, region.end):
                    text = _normalise(lines[number - 1])
                    if len(text) > 12 and not text.startswith("#"):
                        secret.setdefault(text, solution.where(number))
                        origins.setdefault(text, [
                            (solution.where(n), holder)
                            for n, holder in leak_origins(solution.code, text, regions)])
        leaks = []
        copied: dict[tuple[str, str, str, str], list[str]] = {}
        for path in sorted(p for p in out.rglob("*") if p.is_file()):
            text = path.read_text(encoding="utf-8", errors="replace")
            if "BEGIN SOLUTION" in text or "BEGIN HIDDEN TESTS" in text:
                leaks.append(f"{path.relative_to(out)} contains a solution/hidden-tests marker")
            normalised = "\n".join(_normalise(line) for line in text.splitlines())
            if path.suffix == ".ipynb":
                normalised = "\n".join(_normalise(line) for line in
                                       normalised.replace("\\n", "\n").splitlines())
            for line, where in secret.items():
                if line not in normalised:
                    continue
                if not origins.get(line):
                    leaks.append(f"{path.relative_to(out)} contains the marked line at {where}: "
                                 f"{line!r}")
                for origin, holder in origins.get(line, []):
                    copied.setdefault((origin, holder, where, line), []).append(
                        str(path.relative_to(out)))
        for leak in leaks:
            report.add(str(assignment.folder), f"the release leaks: {leak}; keep that line "
                       "inside a marked region only, or rephrase the prompt outside it")
        for (origin, holder, where, line), files in copied.items():
            fix = "rephrase the docstring" if holder else \
                "rephrase this line or move it inside the marked region"
            report.add(origin, f"{holder or 'this line'} repeats the marked line at {where} "
                       f"({line!r}), so the release leaks it ({', '.join(files)}); {fix}")
        for file, message in unused_provided(assignment):
            report.add(str(file), message, "warning")
        if not leaks and not copied:
            report.passed.append("release: no solution code, no hidden tests, no markers")


def check_sandbox(assignment: Assignment, ref: ReferenceSource, tests: list[TestCase],
                  report: Report, mode: str | None = None) -> None:
    """The solution, as a student would submit it, once through the real sandbox."""

    mode = mode or for_own_code()  # the instructor's own solution: trusted
    limits = assignment.limits
    with tempfile.TemporaryDirectory(prefix="grader-validate-") as tmp:
        path = Path(tmp) / f"{assignment.module}.py"
        path.write_text(ref.source, encoding="utf-8")
        result = run_submission(assignment, collect(assignment, path), tests, mode=mode)
    where = str(assignment.folder / "assignment.toml")
    if result.status != "graded":
        report.add(where, f"the solution did not load in the sandbox ({result.status}: "
                   f"{result.message}); it may import something students cannot (the worker "
                   "has numpy and, with uses_torch, torch)")
        return
    for test, outcome in zip(tests, result.tests, strict=True):
        if outcome.points < outcome.max_points:
            report.add(_where(test), f"in the sandbox the solution fails test {test.name}: "
                       f"{outcome.message or outcome.status}")
        elif outcome.duration > MARGIN_TIME * float(test.timeout or limits.call_timeout):
            report.add(_where(test), f"test {test.name} took {outcome.duration:.2f} s with the "
                       f"solution; a single call may take {limits.call_timeout:g} s "
                       "([limits] call_timeout): slower students may time out", "warning")
    if result.duration > MARGIN_TIME * limits.submission_timeout:
        report.add(where, f"the solution took {result.duration:.1f} s of the "
                   f"{limits.submission_timeout:g} s budget; raise [limits] submission_timeout "
                   f"to at least {result.duration / MARGIN_TIME:.0f} or make the tests cheaper")
    memory_kb = limits.memory_mb * 1024
    if result.peak_memory_kb > MARGIN_MEMORY * memory_kb:
        report.add(where, f"the solution peaked at {result.peak_memory_kb / 1024:.0f} MiB of "
                   f"{limits.memory_mb} MiB; raise [limits] memory_mb to at least "
                   f"{result.peak_memory_kb / 1024 / MARGIN_MEMORY:.0f}")
    if report.ok:
        report.passed.append(
            f"sandbox ({result.isolation}): full marks in {result.duration:.1f} s of "
            f"{limits.submission_timeout:g} s, {result.peak_memory_kb / 1024:.0f} MiB of "
            f"{limits.memory_mb} MiB")


# ----------------------------------------------------------------------------- the whole run


def _load_error(exc: BaseException, assignment: Assignment) -> tuple[str, str]:
    """Where in the solution file loading it failed, and the error."""
    frames = [f for f in tb.extract_tb(exc.__traceback__)
              if f.filename == assignment.reference]
    where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else assignment.reference
    return where, f"loading the solution failed: {type(exc).__name__}: {exc}"


def validate(assignment: Assignment, *, sandbox: bool = True,
             mode: str | None = None, min_named: float = named.MIN_NAMED) -> Report:
    """Every check of the module docstring; stops early only when nothing further can run."""
    report = Report(assignment.name)
    check_points_declared(assignment, report)
    if is_solution_file(assignment.reference):
        try:
            solution_file = read_solution_file(Path(assignment.reference))

            find_regions(solution_file.code, solution_file.path, solution_file.cells)
        except MarkerError as exc:
            where, _, message = str(exc).partition(": ")
            report.add(where, message)
            return report
    try:
        ref = read_reference(assignment.reference)
    except GenerateError as exc:
        report.add(str(assignment.folder / "assignment.toml"), str(exc))
        return report
    try:
        tests = load_assignment_tests(assignment.folder)
    except (TestDefinitionError, OSError) as exc:
        report.add(str(assignment.folder), str(exc))
        return report
    if not tests:
        report.add(str(assignment.visible_tests_path), "no @test_case tests found")
        return report
    api = (*ref.student_api, *ref.provided)
    check_function_names(tests, api, report)
    try:
        solution = import_reference(assignment)
    except Exception as exc:
        report.add(*_load_error(exc, assignment))
        return report
    finally:
        report.printed = printed_while_loading(assignment.reference)
    check_solution_and_stub(assignment, ref, solution, tests, report)
    check_mutants(assignment, ref.student_api, solution, tests, report)
    garbage.check(tests, ref.student_api, solution, report,
                  lambda module: run_local(assignment, tests, module, solution))
    named.check(assignment, tests, solution, report, min_named)
    pictures.check(assignment, ref.student_api, solution, report)
    check_release(assignment, report)
    tests = calibrate(assignment, tests, solution)  # the CPU limits a batch would apply
    report.passed.append(summary(assignment, tests))
    if sandbox and report.ok:
        check_sandbox(assignment, ref, tests, report, mode)
    return report
