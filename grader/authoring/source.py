"""The reference source a release is cut from: read with ast, never imported
(solution files with markers included)."""

from __future__ import annotations

import ast
import importlib.util
from dataclasses import dataclass
from pathlib import Path

from grader.run.reference import (
    MarkerError,
    find_regions,
    graded_functions,
    is_solution_file,
    read_solution_file,
    strip_markers,
)

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
    """For a solution file with ### BEGIN/END SOLUTION markers (grader.run.reference): the file with
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
    file with markers, by path: see grader.run.reference)."""

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
        pass

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


def read_marked_reference(path: Path) -> ReferenceSource:
    """A solution file as generate's ReferenceSource, with `stub` (the stripped code) set."""
    pass

    try:
        solution = read_solution_file(path)
        stub = strip_markers(solution.code, path, solution.cells)
        regions = find_regions(solution.code, path, solution.cells)
    except MarkerError as exc:
        raise GenerateError(str(exc)) from exc
    try:
        tree = ast.parse(solution.code, filename=str(path))
        ast.parse(stub, filename=f"{path} (stub)")
    except SyntaxError as exc:
        raise GenerateError(f"{solution.where(exc.lineno or 1)}: not valid Python: "
                            f"{exc.msg}") from exc
    api = _literal_names(tree, "STUDENT_API", path, required=False) or graded_functions(
        tree, regions)
    if not api:
        raise GenerateError(f"{path}: no function holds a ### BEGIN SOLUTION region; mark the "
                            "code students write, or list the graded functions in STUDENT_API")
    return ReferenceSource(module=str(path), path=path, source=solution.code, tree=tree,
                           student_api=api,
                           provided=_literal_names(tree, "PROVIDED", path, required=False),
                           stub=stub)


def marked_stub_function(ref: ReferenceSource, name: str) -> FunctionStub:
    """One graded function as the stub has it: the solution regions replaced, prompts kept."""
    pass

    assert ref.stub is not None
    for node in ast.parse(ref.stub).body:
        if isinstance(node, ast.FunctionDef) and node.name == name:
            lines = ref.stub.splitlines()
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            assert node.end_lineno is not None
            summary = (ast.get_docstring(node) or "").split("\n\n")[0].strip()
            return FunctionStub(name, "\n".join(lines[first - 1:node.end_lineno]), summary)
    raise GenerateError(f"{ref.path}: no top-level function {name!r} in the stub (listed in "
                        "STUDENT_API); define it at the top level")
