"""The demo class: override embedding, the class's make-up, its expected grades."""

from __future__ import annotations

import importlib
import io
import json
import sys
import textwrap
import warnings
import zipfile
from pathlib import Path
from types import ModuleType

import nbformat
import numpy as np
import pytest
from click.testing import CliRunner

from grader import models
from grader.authoring.demo import (
    DEMO_CALL_TIMEOUT,
    DemoStudent,
    bundled_assignments,
    demo_assignment,
    demo_class,
    judge,
    overlay_source,
    run_demo_assignment,
    write_class,
)
from grader.authoring.notebook import graded_cells
from grader.authoring.source import read_reference
from grader.cli.main import main
from grader.config import find_assignment
from grader.models import Grade, RunResult
from tests.assignments.harness import run_local

BUNDLED = bundled_assignments()


def module_from(source: str, name: str) -> ModuleType:
    module = ModuleType(name)
    sys.modules[name] = module  # as the worker does: dataclasses look their module up
    exec(compile(source, f"{name}.py", "exec"), module.__dict__)
    return module


# ------------------------------------------------------------------------ overlay_source


TOY_REF = read_reference("tests.fixtures.generate.toyref")


def test_overlay_star_import_keeps_the_reference_and_the_override() -> None:
    override = textwrap.dedent('''
        """doubles the offset"""
        from tests.fixtures.generate.toyref import *  # noqa: F403
        from tests.fixtures.generate import toyref as _ref

        def scaled_sum(x, scale=2.5, *, offset=1e-5):
            return _ref.scaled_sum(x, scale, offset=2 * offset)
    ''')
    source = overlay_source(TOY_REF, override, "Doubles the offset")
    assert "tests.fixtures" not in source.split("_REFERENCE_SOURCE")[0]
    assert "doubles the offset" not in source  # the mistake's docstring is not shipped
    module = module_from(source, "_overlay_star")
    assert module.scaled_sum(np.array([1.0]), 1.0, offset=1.0) == 3.0  # reference: 1 + 1
    assert module.count_above([1, -1, 2]) == 2  # from the reference, untouched
    np.testing.assert_array_equal(module.make_data(2, 0), np.random.default_rng(0).normal(
        size=(2, 3)))


def test_overlay_named_import_binds_only_those_names() -> None:
    override = textwrap.dedent('''
        """calls the reference helper"""
        import numpy as np
        from tests.fixtures.generate.toyref import clipped_norms

        def count_above(values, threshold=0):
            return int(np.sum(clipped_norms(np.atleast_2d(values).T) > threshold))
    ''')
    module = module_from(overlay_source(TOY_REF, override, "t"), "_overlay_named")
    assert module.count_above([3.0, -4.0, 0.5], 1.0) == 2
    assert not hasattr(module, "scaled_sum")


def test_overlay_keeps_the_reference_calling_its_own_functions() -> None:
    """A redefined helper does not change what the other reference functions call."""
    override = textwrap.dedent('''
        """breaks make_data"""
        from tests.fixtures.generate.toyref import *  # noqa: F403

        def _as_float(a):
            raise RuntimeError("never called by the reference")
    ''')
    module = module_from(overlay_source(TOY_REF, override, "t"), "_overlay_own")
    assert module.scaled_sum(np.ones(2), 1.0, offset=0.0) == 2.0


# ------------------------------------------------------------------------------- judge


def _result(status: str = "graded", points: tuple[float, ...] = (1.0, 1.0),
            mistake: str | None = None, test_status: str = "failed") -> RunResult:
    tests = tuple(
        models.TestResult(f"t{i}", p, 1.0, "hidden", "passed" if p == 1.0 else test_status,  # type: ignore[arg-type]
                   mistake=None if p == 1.0 else mistake)
        for i, p in enumerate(points))
    return RunResult("s", "a", status, tests)  # type: ignore[arg-type]


def _grade(result: RunResult) -> Grade:
    return Grade("s", "a", result.status, result.score, result.max_score, 0.0, result.score)


@pytest.mark.parametrize(("expect", "mistake", "result", "ok"), [
    ("full", None, _result(), True),
    ("full", None, _result(points=(1.0, 0.5)), False),
    ("zero", None, _result(points=(0.0, 0.0)), True),
    ("zero", None, _result(points=(0.0, 0.5)), False),
    ("partial", "missing 1/N", _result(points=(1.0, 0.0), mistake="Missing 1/N"), True),
    ("partial", "missing 1/N", _result(points=(1.0, 0.0), mistake="sign flipped"), False),
    ("partial", "missing 1/N", _result(points=(0.0, 0.0), mistake="missing 1/N"), False),
    ("syntax_error", None, _result(status="syntax_error", points=(0.0, 0.0)), True),
    ("syntax_error", None, _result(points=(0.0, 0.0)), False),
    ("timeout", None, _result(points=(1.0, 0.0), test_status="timeout"), True),
    ("timeout", None, _result(points=(1.0, 0.0)), False),
])
def test_judge_compares_outcome_with_expectation(expect: str, mistake: str | None,
                                                 result: RunResult, ok: bool) -> None:
    student = DemoStudent("s", "style", expect, {}, mistake)  # type: ignore[arg-type]
    assert judge(student, _grade(result), result).ok is ok


# --------------------------------------------------------------------- the class itself


@pytest.mark.parametrize("name", BUNDLED)
def test_demo_class_has_every_kind_of_student(name: str) -> None:
    students = demo_class(find_assignment(name))
    assert 10 <= len(students) <= 16
    assert len({s.name for s in students}) == len(students)
    kinds = [s.expect for s in students]
    assert kinds.count("full") >= 4
    assert {"zero", "syntax_error", "timeout"} <= set(kinds)
    files = [rel for s in students for rel in s.files]
    module = find_assignment(name).module
    assert any(f.endswith(".ipynb") for f in files) and any(f.endswith(".zip") for f in files)
    assert any(f.endswith(f"/{module}.py") for f in files)
    styles = " ".join(s.style for s in students)
    assert "reference" in styles and "stub" in styles and "infinite loop" in styles


@pytest.mark.parametrize("name", BUNDLED)
def test_demo_class_scores_as_expected_in_process(name: str) -> None:
    """Trusted, in-process check of every student that can run without a sandbox."""
    assignment = find_assignment(name)
    ref = importlib.import_module(assignment.reference)
    baseline = {o.name for o in run_local(name, ref) if o.points < o.max_points}
    for student in demo_class(assignment):
        [(rel, content)] = student.files.items()
        if student.expect == "syntax_error":
            with pytest.raises(SyntaxError):
                compile(content.decode(), rel, "exec")
            continue
        if student.expect == "timeout":
            continue  # runs forever: only the sandbox can stop it (see the slow test)
        if rel.endswith(".zip"):
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                source = archive.read(f"{assignment.module}.py").decode()
            module = module_from(source, f"_demo_{name}_{student.name}")
        elif rel.endswith(".ipynb"):
            module = ModuleType(f"_demo_{name}_{student.name}")
            sys.modules[module.__name__] = module
            for cell in graded_cells(nbformat.reads(content.decode(), as_version=4)):
                exec(compile(cell, rel, "exec"), module.__dict__)
        else:
            module = module_from(content.decode(), f"_demo_{name}_{student.name}")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a mutant may overflow on purpose
            outcomes = run_local(name, module)
        lost = [o for o in outcomes if o.points < o.max_points and o.name not in baseline]
        got = sum(o.points for o in outcomes)
        if student.expect == "full":
            assert not lost, (student.style, [(o.name, o.message) for o in lost])
        elif student.expect == "zero":
            assert got == 0, student.style
        else:
            assert lost and got > 0, student.style
            named = " ".join(f"{o.mistake} {o.message}" for o in lost).lower()
            assert student.mistake and student.mistake.lower() in named, student.style


def test_write_class_keeps_unchanged_files_and_drops_stale_ones(tmp_path: Path) -> None:
    students = [DemoStudent("a", "s", "full", {"a.py": b"x = 1\n"}),
                DemoStudent("b", "s", "full", {"b/m.py": b"y = 2\n"})]
    (tmp_path / "gone.py").write_text("from an older demo")
    (tmp_path / "gone").mkdir()
    write_class(students, tmp_path)
    before = (tmp_path / "a.py").stat().st_mtime_ns
    write_class(students, tmp_path)
    assert (tmp_path / "a.py").stat().st_mtime_ns == before
    assert (tmp_path / "b" / "m.py").read_bytes() == b"y = 2\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.py", "b"]


def test_demo_assignment_shortens_only_the_call_timeout() -> None:
    assignment = find_assignment(BUNDLED[0])
    short = demo_assignment(assignment)
    assert short.limits.call_timeout <= DEMO_CALL_TIMEOUT < assignment.limits.call_timeout
    assert short.limits.memory_mb == assignment.limits.memory_mb
    assert (short.name, short.module, short.due) == (assignment.name, assignment.module,
                                                     assignment.due)


# ------------------------------------------------------------------- through the sandbox


@pytest.mark.slow
@pytest.mark.parametrize("name", BUNDLED)
def test_demo_class_grades_with_the_expected_pattern(name: str, tmp_path: Path) -> None:
    """Through the real engine: correct styles (incl. the solution notebook) full marks,
    mistakes partial and named, stub 0, syntax error status syntax_error, loop timeout."""
    run = run_demo_assignment(find_assignment(name), tmp_path, jobs=2, progress=False)
    bad = [(v.student.name, v.student.style, v.why, v.result.status, v.grade.raw_score)
           for v in run.verdicts if not v.ok]
    assert not bad
    assert len(run.verdicts) == len(demo_class(find_assignment(name)))
    notebook = [v for v in run.verdicts if v.student.style == "a notebook submission"]
    assert notebook and notebook[0].grade.raw_score == notebook[0].grade.max_score > 0
    assert run.reports is not None and run.reports.is_file()
    scores = (tmp_path / "graded" / name / "scores.csv").read_text()
    assert scores.count("\n") == len(run.verdicts) + 1


@pytest.mark.slow
def test_cli_demo_prints_the_table_and_reports(tmp_path: Path) -> None:
    name = BUNDLED[0]
    result = CliRunner().invoke(main, ["demo", "--out", str(tmp_path), "--only", name,
                                       "--jobs", "2", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert name in result.output and "as expected" in result.output
    index = tmp_path / "graded" / name / "reports" / "index.html"
    assert index.is_file() and str(index) in result.output.replace("\n", "")
    release = tmp_path / "releases" / name
    assert (release / f"{find_assignment(name).module}.ipynb").is_file()
    record = json.loads((tmp_path / "graded" / name / "results" / "ada.json").read_text())
    assert record["grade"]["score"] == record["grade"]["max_score"]


def test_cli_demo_names_an_unknown_assignment() -> None:
    result = CliRunner().invoke(main, ["demo", "--only", "nope"])
    assert result.exit_code == 1 and "no assignment 'nope'" in result.output
