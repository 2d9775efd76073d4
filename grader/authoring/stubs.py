"""The student's stub and the notebook's solution cells, cut from the reference source."""

from __future__ import annotations

import ast
import textwrap
from dataclasses import dataclass

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from grader.authoring.source import (
    _PRIVATE_IMPORTS,
    FunctionStub,
    GenerateError,
    ReferenceSource,
    stub_function,
)
from grader.config import Assignment
from grader.paths import templates_dir


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


def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(templates_dir())),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
    )
