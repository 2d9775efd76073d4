"""Does a release leak hidden tests or reference bodies (texts compared after normalising),
where does a leaked line come from, and does it ship files nothing of the assignment uses?"""

from __future__ import annotations

import ast
import contextlib
import re
from pathlib import Path

from grader.authoring.scaffold import SAMPLE_INPUTS
from grader.authoring.source import _docstring_node, read_reference, stub_function
from grader.config import Assignment
from grader.run.reference import Region


def _normalise(line: str) -> str:
    return " ".join(line.split())


def _body_without_docstring(func: ast.FunctionDef) -> list[ast.stmt]:
    return func.body[1:] if _docstring_node(func) is not None else func.body


def _body_dump(body: list[ast.stmt]) -> str:
    return ast.dump(ast.Module(body=body, type_ignores=[]))


def _release_texts(folder: Path) -> list[tuple[str, str, list[str]]]:
    """(relative path, text to scan, python sources to parse) for every file of a release."""
    import json

    found = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        raw = path.read_bytes().decode("utf-8", errors="replace")
        rel = str(path.relative_to(folder))
        if path.suffix == ".ipynb":
            cells = json.loads(raw).get("cells", [])
            sources = ["".join(c["source"]) if isinstance(c["source"], list) else c["source"]
                       for c in cells]
            code = [s for c, s in zip(cells, sources, strict=True) if c["cell_type"] == "code"]
            found.append((rel, "\n".join(sources), code))
        else:
            found.append((rel, raw, [raw] if path.suffix == ".py" else []))
    return found


def declared_test_names(path: Path) -> list[str]:
    """Names of the `@test_case` tests in a tests file, read with ast (the file is not run)."""
    names: list[str] = []
    for func in ast.parse(path.read_text(encoding="utf-8"), filename=str(path)).body:
        if not isinstance(func, ast.FunctionDef):
            continue
        for deco in func.decorator_list:
            if isinstance(deco, ast.Call) and getattr(
                    deco.func, "id", getattr(deco.func, "attr", None)) == "test_case":
                given = next((k.value for k in deco.keywords if k.arg == "name"), None)
                names.append(given.value if isinstance(given, ast.Constant)
                             and isinstance(given.value, str) else func.name)
    return names


def find_leaks(assignment: Assignment, folder: Path) -> list[str]:
    """Reference code (other than PROVIDED functions) or hidden-test names in a release.

    A leak is: a normalised line longer than 20 characters of the body (docstring excluded) of
    any non-PROVIDED reference function; a function in a shipped Python file or notebook cell
    whose body has the same AST as such a function's; or the name of a hidden test. Lines that
    the release legitimately ships (docstrings and headers of the student API, PROVIDED code)
    are not counted. Returns one description per leak; [] for a clean release."""
    ref = read_reference(assignment.reference)
    shipped = "\n".join(
        _normalise(line)
        for source in [*(ref.segment(ref.function(n)) for n in ref.provided),
                       *(stub_function(ref, n).source for n in ref.student_api),
                       ref.stub or ""]  # a marked solution file ships all but its regions
        for line in source.splitlines()
    )
    secret_lines: dict[str, str] = {}
    secret_dumps: dict[str, str] = {}
    for node in ast.walk(ref.tree):
        if not isinstance(node, ast.FunctionDef) or node.name in ref.provided:
            continue
        if ref.stub is not None and node.name not in ref.student_api:
            continue  # a marked solution file's unmarked helpers are shipped as written
        body = _body_without_docstring(node)
        if not body:
            continue
        secret_dumps[_body_dump(body)] = node.name
        lines = ref.source.splitlines()[body[0].lineno - 1 : body[-1].end_lineno]
        for line in lines:
            text = _normalise(line)
            if len(text) > 20 and text not in shipped:  # e.g. a formula quoted in a docstring
                secret_lines.setdefault(text, node.name)
    # A hidden test that shares its name with a visible one does not reveal anything.
    visible = set(declared_test_names(assignment.visible_tests_path))
    hidden = [name for name in declared_test_names(assignment.hidden_tests_path)
              if name not in visible] if assignment.hidden_tests_path.is_file() else []
    leaks: list[str] = []
    for rel, text, sources in _release_texts(folder):
        normalised = "\n".join(_normalise(line) for line in text.splitlines())
        for line in sorted(x for x in secret_lines if x in normalised):
            leaks.append(f"{rel}: line of reference {secret_lines[line]}(): {line!r}")
        for name in hidden:
            if re.search(rf"\b{re.escape(name)}\b", text):
                leaks.append(f"{rel}: name of hidden test {name!r}")
        for source in sources:
            try:
                tree = ast.parse(source)
            except SyntaxError:
                continue
            for node in ast.walk(tree):
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    dump = _body_dump(_body_without_docstring(node))  # type: ignore[arg-type]
                    if dump in secret_dumps:
                        leaks.append(f"{rel}: {node.name}() has the body of reference "
                                     f"{secret_dumps[dump]}()")
    return leaks


def leak_origins(code: str, secret: str, regions: list[Region]) -> list[tuple[int, str]]:
    """Where a release's copy of the marked line `secret` (normalised) comes from: the lines of
    `code` outside every marked region that contain it, each with what holds it ('the
    docstring of f()', 'the module docstring' or '' for plain code)."""
    marked = {n for r in regions for n in range(r.begin, r.end + 1)}
    found = [n for n, line in enumerate(code.splitlines(), start=1)
             if n not in marked and secret in _normalise(line)]
    return [(n, _docstring_holder(code, n)) for n in found]


def _docstring_holder(code: str, number: int) -> str:
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return ""
    owners: list[ast.AST] = [tree, *(n for n in ast.walk(tree) if isinstance(
        n, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef))]
    for owner in owners:
        body = getattr(owner, "body", [])
        first = body[0] if body else None
        if (isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)
                and first.lineno <= number <= (first.end_lineno or first.lineno)):
            return "the module docstring" if owner is tree else \
                f"the docstring of {getattr(owner, 'name', '?')}()"
    return ""


def unused_provided(assignment: Assignment) -> list[tuple[Path, str]]:
    """Files of provided/ (shipped verbatim with every release) that neither test file nor
    the solution/reference names: (the file, what to do). The sample data `grader new`
    writes is said to be that."""
    folder = assignment.folder / "provided"
    if not folder.is_dir():
        return []
    texts = [path.read_text(encoding="utf-8", errors="replace")
             for path in (assignment.visible_tests_path, assignment.hidden_tests_path)
             if path.is_file()]
    with contextlib.suppress(Exception):
        texts.append(read_reference(assignment.reference).source)
    words = "\n".join(texts)
    found: list[tuple[Path, str]] = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if path.name in words or (len(path.stem) > 3 and re.search(
                rf"\b{re.escape(path.stem)}\b", words)):
            continue
        what = " (the sample data `grader new` wrote)" if \
            path.read_bytes() == SAMPLE_INPUTS.encode() else ""
        found.append((path, f"ships with every release of {assignment.name}{what}, but no "
                            "test and not the solution names it; delete it, or use it in a "
                            "test"))
    return found
