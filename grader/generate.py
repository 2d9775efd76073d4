"""Generate a release: what students get for one assignment.

    reference/<module>.py + assignments/<a>/  --generate-->  release/<a>/
        <module>.py        the stub: signatures and docstrings of the reference, bodies raise
        <module>.ipynb     the notebook (grader.notebook): lecture intro, stub cells, checks, plot
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
import importlib.util
import re
import shutil
import textwrap
from dataclasses import dataclass, replace
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from grader.config import Assignment
from grader.paths import templates_dir

# Imports of these never reach a stub: they are the instructor's side.
_PRIVATE_IMPORTS = ("reference", "grader", "tests", "assignments")


class GenerateError(Exception):
    """The reference or the assignment folder cannot be turned into a release; says why."""


@dataclass(frozen=True)
class FunctionStub:
    """One function of the student API as the student receives it."""

    name: str
    source: str
    """`def` header and docstring verbatim, body `raise NotImplementedError(...)`."""
    summary: str
    """First paragraph of the docstring (for the notebook's Markdown)."""


@dataclass(frozen=True)
class ReferenceSource:
    """The parts of a reference module the release is built from (read with ast, not imported)."""

    module: str
    """Dotted name, e.g. 'reference.perceptron'."""
    path: Path
    source: str
    tree: ast.Module
    student_api: tuple[str, ...]
    provided: tuple[str, ...]
    stub: str | None = None
    """For a solution file with ### BEGIN/END SOLUTION markers (grader.solution): the file with
    its solution regions replaced and hidden tests dropped, shipped as the student's module."""

    def function(self, name: str) -> ast.FunctionDef:
        for node in self.tree.body:
            if isinstance(node, ast.FunctionDef) and node.name == name:
                return node
        raise GenerateError(f"{self.path}: no top-level function {name!r} (listed in STUDENT_API "
                            "or PROVIDED); define it or remove it from the tuple")

    def segment(self, node: ast.stmt) -> str:
        """The exact source lines of a top-level statement (decorators included)."""
        lines = self.source.splitlines()
        first = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", []))])
        assert node.end_lineno is not None
        return "\n".join(lines[first - 1 : node.end_lineno])


def _literal_names(tree: ast.Module, name: str, path: Path, required: bool) -> tuple[str, ...]:
    for node in tree.body:
        target = None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            target, value = node.target, node.value
        if isinstance(target, ast.Name) and target.id == name:
            try:
                names = ast.literal_eval(value)
            except ValueError as exc:
                raise GenerateError(f"{path}: {name} must be a literal tuple of names") from exc
            if not isinstance(names, tuple | list) or not all(isinstance(n, str) for n in names):
                raise GenerateError(f"{path}: {name} must be a tuple of function names")
            return tuple(names)
    if required:
        raise GenerateError(f"{path}: no {name} = (...) tuple; list the graded functions in it")
    return ()


def read_reference(module: str) -> ReferenceSource:
    """Locate and parse a reference module by dotted name without importing it (or a solution
    file with markers, by path: see grader.solution)."""
    from grader.solution import is_solution_file, read_marked_reference

    if is_solution_file(module):
        return read_marked_reference(Path(module))
    try:
        spec = importlib.util.find_spec(module)
    except ModuleNotFoundError:
        spec = None
    if spec is None or spec.origin is None or not spec.origin.endswith(".py"):
        raise GenerateError(f"reference module {module!r} not found (assignment.reference)")
    path = Path(spec.origin)
    source = path.read_text(encoding="utf-8")
    try:
        tree = ast.parse(source, filename=str(path))
    except SyntaxError as exc:
        raise GenerateError(f"{path}: not valid Python: {exc}") from exc
    return ReferenceSource(
        module=module,
        path=path,
        source=source,
        tree=tree,
        student_api=_literal_names(tree, "STUDENT_API", path, required=True),
        provided=_literal_names(tree, "PROVIDED", path, required=False),
    )


def _docstring_node(func: ast.FunctionDef) -> ast.Expr | None:
    first = func.body[0]
    if (isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
            and isinstance(first.value.value, str)):
        return first
    return None


def stub_function(ref: ReferenceSource, name: str) -> FunctionStub:
    """The student's version of one graded function: header and docstring, body raises."""
    if ref.stub is not None:
        from grader.solution import marked_stub_function

        return marked_stub_function(ref, name)
    func = ref.function(name)
    doc = _docstring_node(func)
    if doc is None or doc.end_lineno is None:
        raise GenerateError(
            f"{ref.path}:{func.lineno}: {name} has no docstring; students only see the "
            "signature and the docstring, so write one (shapes, maths, ValueError rules)"
        )
    if doc.lineno == func.lineno:
        raise GenerateError(f"{ref.path}:{func.lineno}: put {name}'s docstring on its own line")
    lines = ref.source.splitlines()
    first = min([func.lineno, *(d.lineno for d in func.decorator_list)])
    header_and_doc = lines[first - 1 : doc.end_lineno]
    indent = " " * doc.col_offset
    body = f'{indent}raise NotImplementedError("{name}: replace this line with your code")'
    summary = (ast.get_docstring(func) or "").split("\n\n")[0].strip()
    return FunctionStub(name, "\n".join([*header_and_doc, body]), summary)


def _import_names(node: ast.Import | ast.ImportFrom) -> list[str]:
    return [(a.asname or a.name).split(".")[0] for a in node.names]


def _import_root(node: ast.Import | ast.ImportFrom) -> str:
    if isinstance(node, ast.ImportFrom):
        return "." if node.level else (node.module or "").split(".")[0]
    return node.names[0].name.split(".")[0]


def _used_names(source: str) -> set[str]:
    return {n.id for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Name)} | {
        n.value.id
        for n in ast.walk(ast.parse(source))
        if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name)
    }


def stub_imports(ref: ReferenceSource, stub_text: str) -> list[str]:
    """`import numpy as np` and the reference's top-level imports the stub's own text uses
    (annotations, defaults, PROVIDED helpers). Never imports of the instructor's packages
    (reference, grader, tests) or relative imports."""
    used = _used_names(stub_text)
    kept: list[str] = []
    for node in ref.tree.body:
        if not isinstance(node, ast.Import | ast.ImportFrom):
            continue
        root = _import_root(node)
        if root in ("__future__", ".", *_PRIVATE_IMPORTS):
            continue
        if not used & set(_import_names(node)):
            continue  # what the reference's bodies use is a hint students should not get
        text = ref.segment(node)
        if text not in kept:
            kept.append(text)
    if "import numpy as np" not in kept:
        kept.insert(0, "import numpy as np")
    return kept


def _module_level(ref: ReferenceSource) -> dict[str, ast.stmt]:
    """Top-level definitions of the reference by name (functions, classes, assignments)."""
    defs: dict[str, ast.stmt] = {}
    for node in ref.tree.body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            defs[node.name] = node
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for t in targets:
                if isinstance(t, ast.Name):
                    defs[t.id] = node
    return defs


def header_constants(ref: ReferenceSource, future: bool) -> list[str]:
    """Module-level constants that graded signatures evaluate at `def` time (defaults, and
    annotations unless `from __future__ import annotations`): copied so the stub imports."""
    defs = _module_level(ref)
    wanted: list[ast.stmt] = []
    for name in ref.student_api:
        func = ref.function(name)
        exprs: list[ast.AST] = [*func.args.defaults, *(d for d in func.args.kw_defaults if d),
                                *func.decorator_list]
        if not future:
            args = [*func.args.posonlyargs, *func.args.args, *func.args.kwonlyargs,
                    func.args.vararg, func.args.kwarg]
            exprs += [a.annotation for a in args if a is not None and a.annotation is not None]
            exprs += [func.returns] if func.returns is not None else []
        for expr in exprs:
            for node in ast.walk(expr):
                if not (isinstance(node, ast.Name) and node.id in defs):
                    continue
                target = defs[node.id]
                if not isinstance(target, ast.Assign | ast.AnnAssign):
                    raise GenerateError(
                        f"{ref.path}:{func.lineno}: the signature of {name} uses {node.id}, "
                        "a function or class of the reference; use a literal default"
                    )
                if target not in wanted:
                    wanted.append(target)
    return [ref.segment(n) for n in sorted(wanted, key=lambda n: n.lineno)]


def _check_provided_self_contained(ref: ReferenceSource, name: str, imported: set[str]) -> None:
    func = ref.function(name)
    module_level = {
        n.name for n in ref.tree.body if isinstance(n, ast.FunctionDef | ast.ClassDef)
    } | {
        t.id
        for n in ref.tree.body
        if isinstance(n, ast.Assign)
        for t in n.targets
        if isinstance(t, ast.Name)
    }
    needed = _used_names(ref.segment(func)) & module_level
    missing = sorted(needed - set(ref.provided) - imported - {name})
    if missing:
        raise GenerateError(
            f"{ref.path}:{func.lineno}: PROVIDED function {name} uses {', '.join(missing)} of "
            "the reference, which students do not get; make it self-contained"
        )


@dataclass(frozen=True)
class Stub:
    """The student's module, in pieces (the notebook uses the pieces, the .py joins them)."""

    docstring: str
    future: bool
    """Whether the reference uses `from __future__ import annotations` (kept in the .py)."""
    imports: tuple[str, ...]
    constants: tuple[str, ...]
    """Module-level constants the signatures need at `def` time (e.g. a default's value)."""
    provided: tuple[tuple[str, str], ...]
    """(name, verbatim source) of each PROVIDED function."""
    functions: tuple[FunctionStub, ...]

    def module_source(self) -> str:
        parts = [f'"""{self.docstring}\n"""\n']
        if self.future:
            parts.append("from __future__ import annotations\n")
        parts.append("\n".join(self.imports) + "\n")
        if self.constants:
            parts.append("\n".join(self.constants) + "\n")
        for name, source in self.provided:
            parts.append(f"\n# Provided (not graded): {name}\n{source}\n")
        for fn in self.functions:
            parts.append(f"\n{fn.source}\n")
        return "\n".join(parts)


def build_stub(ref: ReferenceSource, assignment: Assignment) -> Stub:
    """Cut the student's module out of the reference source."""
    functions = tuple(stub_function(ref, name) for name in ref.student_api)
    provided = tuple((name, ref.segment(ref.function(name))) for name in ref.provided)
    text = "\n".join([*(f.source for f in functions), *(s for _, s in provided)])
    imports = stub_imports(ref, text)
    imported = {n for line in imports for n in _import_names(ast.parse(line).body[0])}  # type: ignore[arg-type]
    for name in ref.provided:
        _check_provided_self_contained(ref, name, imported)
    future = any(
        isinstance(n, ast.ImportFrom) and n.module == "__future__" for n in ref.tree.body
    )
    api = textwrap.fill("Implement the functions below: " + ", ".join(ref.student_api) + ".",
                        width=92)
    docstring = (
        f"{assignment.title} (assignment `{assignment.module}`).\n\n"
        f"{api}\n"
        "Keep every name, argument order and return shape exactly as documented; do not modify\n"
        "array arguments in place. Check your work offline with\n\n"
        f"    grader check . {assignment.module}.py\n\n"
        f"and submit this file ({assignment.module}.py) or the notebook "
        f"({assignment.module}.ipynb)."
    )
    constants = tuple(header_constants(ref, future))
    return Stub(docstring, future, tuple(imports), constants, provided, functions)


def solution_cells(ref: ReferenceSource) -> tuple[str, dict[str, str]]:
    """The reference's code as notebook cells: (setup cell, {function: cell source}).

    The setup cell holds every top-level import and every helper (function, class, constant)
    the graded functions need, transitively, so that the filled-in notebook runs on its own.
    Used for the "notebook version of the reference scores full marks" invariant and the demo.
    """
    defs = _module_level(ref)
    wanted: list[str] = []
    todo = list(ref.student_api)
    while todo:
        name = todo.pop()
        node = defs.get(name)
        if node is None:
            continue
        for used in sorted(_used_names(ref.segment(node)) & set(defs)):
            if used not in wanted and used not in ref.student_api and used not in ref.provided:
                wanted.append(used)
                todo.append(used)
    imports = [
        ref.segment(n)
        for n in ref.tree.body
        if isinstance(n, ast.Import | ast.ImportFrom) and _import_root(n) != "__future__"
    ]
    helper_nodes = sorted({id(defs[w]): defs[w] for w in wanted}.values(), key=lambda n: n.lineno)
    future = any(isinstance(n, ast.ImportFrom) and n.module == "__future__" for n in ref.tree.body)
    setup = "\n".join(["from __future__ import annotations"] * future + imports)
    if helper_nodes:
        setup += "\n\n\n" + "\n\n\n".join(ref.segment(n) for n in helper_nodes)
    return setup, {name: ref.segment(ref.function(name)) for name in ref.student_api}


# ----------------------------------------------------------------------------- the release


def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(templates_dir())),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
    )


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return repr(value)


def _visible_reference_seconds(assignment: Assignment) -> dict[str, str]:
    """Quoted visible test name -> the reference's longest call in it (grader.calibrate), so
    `grader check` applies the CPU limits that grading will; {} if the reference cannot run."""
    from grader.calibrate import calibrate, floor_decides
    from grader.solution import import_reference
    from grader.testing import load_tests_file

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
    from grader.notebook import build_notebook, write_notebook

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
