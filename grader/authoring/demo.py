"""The demo class: a dozen fictional students per bundled assignment, generated, graded, reported.

    grader demo --out demo-out
        demo-out/releases/<a>/          what students got (grader generate)
        demo-out/submissions/<a>/...    the class, written here (see `demo_class`)
        demo-out/graded/<a>/            gradebook.sqlite, scores.csv, results/, reports/

Every student is built from trusted material at demo time, never stored as a file tree:

- correct solutions in different styles: the reference module itself (`.py`), a loop-based
  rewrite and a torch-based one where `assignments/<a>/demo/loops.py` / `torch_style.py` exist,
  the solution notebook (`.ipynb`, grader.authoring.notebook), a `.zip` and a folder submission;
- typical mistakes: the assignment's mistake catalogue assignments/<a>/mistakes/ (one per file),
  or, in an installed wheel without tests/, none;
- the untouched stub of the release, a syntax error, and an infinite loop in one function.

An override file (a mutant or a style file) is a module that does
`from reference.<module> import *` and redefines some functions. A student cannot import the
reference, so the submission embeds the reference's source as a string, runs it into a private
module `_ref` and binds the names the override imported from it: the override's semantics are
kept exactly (its `_ref.f(...)` calls reach the reference, the reference's own functions keep
calling each other).

Each student carries its expected outcome, so `grader demo` checks the grader as it runs and
tests/grader/test_demo.py can assert the whole pattern.
"""

from __future__ import annotations

import ast
import importlib.util
import io
import shutil
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Literal

import nbformat

from grader.authoring.generate import generate_release
from grader.authoring.notebook import solution_notebook
from grader.authoring.source import ReferenceSource, read_reference, stub_function
from grader.authoring.stubs import build_stub
from grader.batch.driver import run_batch
from grader.config import Assignment
from grader.models import Grade, RunResult
from grader.paths import assignments_dir
from grader.report.pages import render_all
from grader.run.catalogue import catalogue_files, read_mistakes
from grader.sandbox.isolation import for_trusted_batch
from grader.student.check import called_functions
from grader.testing import load_tests_file

Expectation = Literal["full", "partial", "zero", "syntax_error", "timeout"]
"""full: every point; partial: some but not all points (and the mistake named); zero: no
points; syntax_error: the submission status; timeout: at least one test timed out."""

MAX_MUTANTS = 4
"""Typical-mistake students per assignment (the class stays about a dozen)."""

DEMO_CALL_TIMEOUT = 3.0
"""Seconds per call in the demo (the infinite loop costs this per test that calls it)."""

NAMES = ("ada", "ben", "chen", "dana", "eli", "farid", "gia", "hugo", "ines", "jonas", "kira",
         "lev", "mona", "nils", "olga", "pia")


@dataclass(frozen=True)
class DemoStudent:
    """One fictional student: what they submit and what the grader should make of it."""

    name: str
    style: str
    """How this student worked, e.g. 'the reference solution' or a typical mistake's name."""
    expect: Expectation
    files: dict[str, bytes] = field(default_factory=dict)
    """Paths relative to the assignment's submissions folder -> content."""
    mistake: str | None = None
    """For a typical mistake: its name, which the feedback should contain."""


# ------------------------------------------------------------------------ override files


def _reference_imports(node: ast.stmt, module: str) -> list[str] | None:
    """The bindings `name = _ref...` that replace an import of the reference; None if the
    statement is not such an import."""
    package, _, leaf = module.rpartition(".")
    if isinstance(node, ast.ImportFrom) and node.module == module:
        if any(a.name == "*" for a in node.names):
            return ["globals().update({k: v for k, v in vars(_ref).items() "
                    "if not k.startswith('_')})"]
        return [f"{a.asname or a.name} = _ref.{a.name}" for a in node.names]
    if isinstance(node, ast.ImportFrom) and node.module == package:
        return [f"{a.asname or a.name} = _ref" for a in node.names if a.name == leaf] or None
    if isinstance(node, ast.Import) and any(a.name == module for a in node.names):
        return [f"{a.asname} = _ref" for a in node.names if a.name == module and a.asname] or [
            "pass  # import of the reference: use _ref"]
    return None


def _embedded_reference(ref: ReferenceSource) -> str:
    text = ref.source
    literal = (f"r'''{text}'''" if "'''" not in text and not text.endswith("\\")
               else repr(text))
    return "\n".join([
        "import sys as _sys",
        "import types as _types",
        "",
        "# The course's reference module, as this demo student started from it.",
        f"_REFERENCE_SOURCE = {literal}",
        f'_ref = _types.ModuleType("_demo_reference_{ref.module.rpartition(".")[2]}")',
        "_sys.modules[_ref.__name__] = _ref",
        '_ref.__dict__["__file__"] = "reference_copy.py"',
        'exec(compile(_REFERENCE_SOURCE, "reference_copy.py", "exec"), _ref.__dict__)',
    ])


def overlay_source(ref: ReferenceSource, override: str, title: str) -> str:
    """A self-contained student module: the reference (embedded) with `override` applied."""
    tree = ast.parse(override)
    lines = override.splitlines()
    keep = [True] * len(lines)
    replacements: dict[int, list[str]] = {}
    for index, node in enumerate(tree.body):
        assert node.end_lineno is not None
        drop = False
        if index == 0 and isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            drop = True  # the docstring naming the mistake: not part of the student's file
        elif isinstance(node, ast.ImportFrom) and node.module == "__future__":
            drop = True
        else:
            bound = _reference_imports(node, ref.module)
            if bound is not None:
                drop = True
                replacements[node.lineno - 1] = bound
        if drop:
            for i in range(node.lineno - 1, node.end_lineno):
                keep[i] = False
    body: list[str] = []
    for i, line in enumerate(lines):
        if i in replacements:
            body.extend(replacements[i])
        if keep[i]:
            body.append(line)
    header = f'"""{title}\n\nA demo submission generated by `grader demo`."""\n'
    return header + "\n" + _embedded_reference(ref) + "\n\n" + "\n".join(body).strip() + "\n"


def _docstring_title(source: str) -> str:
    doc = ast.get_docstring(ast.parse(source)) or ""
    return doc.strip().splitlines()[0].strip() if doc.strip() else ""


def mutant_files(assignment: Assignment) -> list[Path]:
    """The assignment's mistake catalogue, assignments/<a>/mistakes/*.py (grader.run.catalogue)."""
    return catalogue_files(assignment.folder)


def _spread(items: list[Path], k: int) -> list[Path]:
    """k items spread evenly over the list (deterministic)."""
    if len(items) <= k:
        return items
    return [items[round(i * (len(items) - 1) / (k - 1))] for i in range(k)] if k > 1 else items[:1]


def _loop_target(assignment: Assignment, ref: ReferenceSource) -> str:
    """The graded function called by the fewest tests (the infinite loop costs a timeout per
    test that calls it)."""

    counts = Counter({name: 0 for name in ref.student_api})
    for path in (assignment.visible_tests_path, assignment.hidden_tests_path):
        if path.is_file():
            for test in load_tests_file(path):
                counts.update(called_functions(test.func) & set(ref.student_api))
    return min(reversed(ref.student_api), key=lambda name: counts[name])


# ------------------------------------------------------------------------------ the class


def demo_class(assignment: Assignment) -> list[DemoStudent]:
    """The fictional class for one assignment, with expected outcomes."""
    ref = read_reference(assignment.reference)
    module = assignment.module
    py = f"{module}.py"
    reference_py = ref.source.encode()
    styles: list[tuple[str, Expectation, bytes, str | None, str]] = []
    # (style, expect, content, mistake, suffix)
    styles.append(("the reference solution", "full", reference_py, None, ".py"))
    demo_dir = assignment.folder / "demo"
    for fname, fallback in (("loops.py", "loop-based rewrite"), ("torch_style.py", "torch-based")):
        path = demo_dir / fname
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            title = _docstring_title(text) or fallback
            styles.append((title, "full", overlay_source(ref, text, title).encode(), None, ".py"))
    notebook = nbformat.writes(solution_notebook(assignment), version=4)  # type: ignore[no-untyped-call]
    styles.append(("a notebook submission", "full", notebook.encode(), None, ".ipynb"))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(py, reference_py)
        archive.writestr("notes.txt", "I used the lecture notes.\n")
    styles.append(("a .zip submission", "full", buffer.getvalue(), None, ".zip"))
    styles.append(("a folder submission", "full", reference_py, None, "/"))
    for mutant in _spread(mutant_files(assignment), MAX_MUTANTS):
        text = mutant.read_text(encoding="utf-8")
        # a family file run alone is its default member: that member's name (its fields filled)
        title = next((m.name for m in read_mistakes(mutant, ref.student_api) if m.default),
                     _docstring_title(text))
        styles.append((f"typical mistake: {title}", "partial",
                       overlay_source(ref, text, f"Typical mistake: {title}").encode(), title,
                       ".py"))
    stub = build_stub(ref, assignment).module_source()
    styles.append(("the untouched stub", "zero", stub.encode(), None, ".py"))
    styles.append(("a syntax error", "syntax_error", _syntax_error(ref).encode(), None, ".py"))
    target = _loop_target(assignment, ref)
    styles.append((f"an infinite loop in {target}", "timeout",
                   overlay_source(ref, _infinite_loop(ref, target),
                                  f"An infinite loop in {target}").encode(), None, ".py"))
    students = []
    for name, (style, expect, content, mistake, suffix) in zip(NAMES, styles, strict=False):
        rel = f"{name}/{py}" if suffix == "/" else f"{name}{suffix}"
        students.append(DemoStudent(name, style, expect, {rel: content}, mistake))
    return students


def _syntax_error(ref: ReferenceSource) -> str:
    """The reference with the colon of the first graded function's `def` line missing."""
    func = ref.function(ref.student_api[0])
    doc_line = func.body[0].lineno  # the header ends on the line before the docstring
    lines = ref.source.splitlines()
    header = lines[doc_line - 2]
    assert header.rstrip().endswith(":")
    lines[doc_line - 2] = header.rstrip()[:-1]
    return "\n".join(lines) + "\n"


def _infinite_loop(ref: ReferenceSource, name: str) -> str:

    stub = stub_function(ref, name).source
    head, _, raise_line = stub.rpartition("\n")
    indent = raise_line[: len(raise_line) - len(raise_line.lstrip())]
    return (f'"""an infinite loop in {name}"""\n\nfrom {ref.module} import *  # noqa: F403\n\n\n'
            f"{head}\n{indent}done = False\n{indent}while not done:  # forgot to set done\n"
            f"{indent}    pass\n")


def write_class(students: list[DemoStudent], folder: Path) -> None:
    """Write the submissions into `folder`, replacing what a previous demo wrote there:
    unchanged files keep their modification time (so they are not regraded), entries of
    students no longer in the class are removed."""
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {rel.split("/")[0] for s in students for rel in s.files}
    for entry in folder.iterdir():
        if entry.name in wanted:
            continue
        if entry.is_dir():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    for student in students:
        for rel, content in student.files.items():
            path = folder / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.is_file() or path.read_bytes() != content:
                path.write_bytes(content)


# ---------------------------------------------------------------------------- checking


@dataclass(frozen=True)
class Verdict:
    """Whether one student came out as the demo expects."""

    student: DemoStudent
    grade: Grade
    result: RunResult
    ok: bool
    why: str


def judge(student: DemoStudent, grade: Grade, result: RunResult) -> Verdict:
    """Compare the grader's outcome with the student's expectation."""
    raw, top = grade.raw_score, grade.max_score
    statuses = {t.status for t in result.tests}
    mistakes = " | ".join(f"{t.mistake or ''} {t.message}" for t in result.tests
                          if t.points < t.max_points).lower()
    if student.expect == "full":
        ok, why = result.status == "graded" and top > 0 and raw >= top - 1e-9, "full marks"
    elif student.expect == "zero":
        ok, why = raw == 0 and top > 0, "0 points"
    elif student.expect == "syntax_error":
        ok, why = result.status == "syntax_error" and raw == 0, "status syntax_error"
    elif student.expect == "timeout":
        ok = result.status == "timeout" or "timeout" in statuses
        why = "a test (or the submission) timed out"
    else:
        named = student.mistake is None or student.mistake.lower() in mistakes
        ok = result.status == "graded" and 0 < raw < top and named
        why = f"some but not all points, feedback naming {student.mistake!r}"
    return Verdict(student, grade, result, ok, why)


# ------------------------------------------------------------------------------ running


@dataclass(frozen=True)
class DemoRun:
    """One assignment of the demo, graded."""

    assignment: Assignment
    verdicts: tuple[Verdict, ...]
    reports: Path | None
    """The report index, when grader.report.pages is available."""
    graded_dir: Path


def demo_assignment(assignment: Assignment) -> Assignment:
    """The assignment with a short per-call timeout, so the infinite loop costs seconds."""
    limits = replace(assignment.limits,
                     call_timeout=min(assignment.limits.call_timeout, DEMO_CALL_TIMEOUT))
    return replace(assignment, limits=limits)


def run_demo_assignment(assignment: Assignment, out: Path, *, jobs: int,
                        progress: bool | None = None,
                        students: Callable[[Assignment], list[DemoStudent]] = demo_class,
                        now: datetime | None = None) -> DemoRun:
    """Generate the release and the class of one assignment, grade it, render reports.

    An assignment without a due date (every bundled one) is given one a week after `now`
    (default: the clock), as an instructor gives a term's dates; everyone submits a day early.
    """

    now = now or datetime.now(UTC)
    if assignment.due is None:
        assignment = replace(assignment, due=(now + timedelta(days=7)).replace(microsecond=0))
    generate_release(assignment, out / "releases" / assignment.name)
    klass = students(assignment)
    submissions = out / "submissions" / assignment.name
    write_class(klass, submissions)
    graded = out / "graded" / assignment.name
    stamps = None
    if assignment.due is not None:  # on time, whenever the demo is run
        stamps = out / "timestamps" / f"{assignment.name}.csv"
        stamps.parent.mkdir(parents=True, exist_ok=True)
        when = (assignment.due - timedelta(days=1)).isoformat()
        stamps.write_text("student,submitted_at\n" + "".join(
            f"{s.name},{when}\n" for s in klass), encoding="utf-8")

    batch = run_batch(demo_assignment(assignment), submissions, graded, jobs=jobs,
                      progress=progress, timestamps=stamps, isolation=for_trusted_batch())
    by_name = {g.student: (g, r) for g, r in zip(batch.grades, batch.results, strict=True)}
    verdicts = tuple(judge(s, *by_name[s.name]) for s in klass if s.name in by_name)
    reports = None
    if importlib.util.find_spec("grader.report.pages") is not None:

        reports = render_all(graded)
    return DemoRun(assignment, verdicts, reports, graded)


def bundled_assignments() -> list[str]:
    """Names of the bundled assignments that can be graded (tests present), in course order."""
    order = ("mp_neuron", "perceptron", "boolean_networks", "towers", "gradient_descent",
             "backprop")
    found = [p.name for p in assignments_dir().iterdir()
             if (p / "assignment.toml").is_file() and (p / "visible_tests.py").is_file()
             and (p / "hidden_tests.py").is_file()]
    return sorted(found, key=lambda n: (order.index(n) if n in order else len(order), n))
