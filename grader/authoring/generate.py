"""Generate a release: what students get for one assignment.

    reference/<module>.py + assignments/<a>/  --generate-->  release/<a>/
        <module>.py        the stub: signatures and docstrings of the reference, bodies raise
        <module>.ipynb     the notebook (grader.authoring.notebook): lecture intro, stub cells,
        checks, plot
        visible_tests.py   copied; `grader check . <module>.py` runs them offline
        assignment.toml    title, module, due date, limits (no hidden-test information)
        provided/          copied verbatim from the assignment folder
        README.md          how to work on the assignment and check it

The stub is cut out of the reference SOURCE with `ast` (the reference is never imported): for
every name in the reference's STUDENT_API the `def` header and docstring are kept verbatim and
the body becomes `raise NotImplementedError(...)`; functions in PROVIDED are copied verbatim.
Nothing else of the reference reaches the release.
"""

from __future__ import annotations

import ast
import shutil
from dataclasses import replace
from pathlib import Path

from grader.authoring.leaks import find_leaks
from grader.authoring.notebook import build_notebook, write_notebook
from grader.authoring.source import GenerateError, read_reference
from grader.authoring.stubs import _environment, _import_root, build_stub
from grader.config import Assignment
from grader.run.reference import import_reference
from grader.sandbox.cpu import floor_decides
from grader.testing import load_tests_file

# ----------------------------------------------------------------------------- the release


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return repr(value)


def _visible_reference_seconds(assignment: Assignment) -> dict[str, str]:
    """Quoted visible test name -> the reference's longest call in it (grader.run.calibrate), so
    `grader check` applies the CPU limits that grading will; {} if the reference cannot run."""
    from grader.run.calibrate import calibrate

    try:
        tests = calibrate(assignment, load_tests_file(assignment.visible_tests_path),
                          import_reference(assignment))
    except Exception:  # grader validate names the problem; the release works without
        return {}
    return {_toml_value(t.name): "0" if floor_decides(assignment.limits, t.reference_seconds)
            else f"{t.reference_seconds:.2g}" for t in tests  # "0": the same every time, so
            if t.reference_seconds is not None}  # regenerating gives the same release


def _check_visible_tests(assignment: Assignment) -> None:
    path = assignment.visible_tests_path
    if not path.is_file():
        raise GenerateError(f"{path}: not found; a release ships the visible tests")
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom) and _import_root(node) in (
            "reference", "tests", "assignments",
        ):
            raise GenerateError(
                f"{path}:{node.lineno}: visible tests are shipped to students and may not "
                "import the reference or the hidden tests"
            )
    for func in tree.body:
        if not isinstance(func, ast.FunctionDef):
            continue
        for deco in func.decorator_list:
            if not (isinstance(deco, ast.Call) and getattr(deco.func, "id", getattr(
                    deco.func, "attr", None)) == "test_case"):
                continue
            params = [a.arg for a in func.args.args + func.args.kwonlyargs]
            if "ref" in params:
                raise GenerateError(
                    f"{path}:{func.lineno}: visible test {func.name} asks for `ref`; visible "
                    "tests run offline without the reference: hard-code the expected values"
                )
            visibility = next((k.value for k in deco.keywords if k.arg == "visibility"), None)
            value = visibility.value if isinstance(visibility, ast.Constant) else "hidden"
            if value != "visible":
                raise GenerateError(
                    f"{path}:{func.lineno}: test {func.name} in visible_tests.py has "
                    f"visibility={value!r}; only visible tests may be shipped to students"
                )


def generate_release(assignment: Assignment, out: Path) -> list[Path]:
    """Write the release of `assignment` into `out`; returns the files written.

    `out` must be empty, missing, or an earlier release of the same assignment (its generated
    files are replaced)."""

    if out.exists() and any(out.iterdir()) and not (out / "assignment.toml").is_file():
        raise GenerateError(f"{out}: exists and is not a release folder; choose an empty --out")
    _check_visible_tests(assignment)
    ref = read_reference(assignment.reference)
    stub = build_stub(ref, assignment)
    out.mkdir(parents=True, exist_ok=True)
    env = _environment()
    written: list[Path] = []

    def write(name: str, text: str) -> None:
        path = out / name
        path.write_text(text, encoding="utf-8")
        written.append(path)

    write(f"{assignment.module}.py", stub.module_source() if ref.stub is None else ref.stub)
    notebook = build_notebook(assignment, stub)
    path = out / f"{assignment.module}.ipynb"
    write_notebook(notebook, path)
    written.append(path)
    shutil.copyfile(assignment.visible_tests_path, out / "visible_tests.py")
    written.append(out / "visible_tests.py")
    measured = _visible_reference_seconds(assignment)
    limits = {k: _toml_value(v) for k, v in vars(assignment.limits).items()}
    late = {k: _toml_value(v) for k, v in vars(assignment.late_policy).items() if v is not None}
    shown = assignment if ref.stub is None else replace(  # the file's name, not its path
        assignment, reference=Path(assignment.reference).name)
    write("assignment.toml", env.get_template("release/assignment.toml.j2").render(
        a=shown, q=_toml_value, limits=limits, late=late, measured=measured,
        due=assignment.due.isoformat() if assignment.due else None,
    ))
    provided_src = assignment.folder / "provided"
    provided_out = out / "provided"
    if provided_out.exists():
        shutil.rmtree(provided_out)
    if provided_src.is_dir():
        shutil.copytree(provided_src, provided_out)
        written.extend(sorted(p for p in provided_out.rglob("*") if p.is_file()))
    write("README.md", env.get_template("release/README.md.j2").render(
        a=assignment, functions=stub.functions, provided=[n for n, _ in stub.provided],
        has_provided_dir=provided_src.is_dir(),
        due=assignment.due.strftime("%Y-%m-%d %H:%M %Z") if assignment.due else None,
    ))
    leaks = find_leaks(assignment, out)
    if leaks:
        raise GenerateError(f"{out}: the release would leak instructor-only material; fix the "
                            "reference or the visible tests:\n  " + "\n  ".join(leaks))
    return written


# ------------------------------------------------------------------------------ leak scan


