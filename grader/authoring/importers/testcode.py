"""A notebook's test cell as the body of a @test_case function.

In nbgrader and Otter a test cell runs in the student's kernel, among the notebook's names. Here
it runs in the trusted process, so the importer rewrites the cell:

- each notebook function it uses is bound to the student's version (`relu = student.relu`),
  each notebook variable to its value (`x = student.variable("x")`, values only cross);
- `del name` of a notebook name also takes it away in the student's module
  (`student.hide("name")`), a later `name = ...` puts it back, and the test restores every
  hidden name when it ends (nbgrader's "does sum_of_squares use squares?" idiom);
- nbgrader's `### AUTOTEST snippet; snippet` lines record each snippet's value; the cell then
  runs twice, on a fresh copy of the reference solution and on the student's code, and the
  values are compared as nbgrader's autotests.yml templates do (type, then value).

Student exceptions are caught by type (grader.errors.student_exception), so `except
ValueError:` in a cell works unchanged.
"""

from __future__ import annotations

import ast
import re
import textwrap

TRIPLE = '"' * 3
_COMPAT = re.compile(r"^\s*from\s+(nose\.tools|numpy\.testing)\s+import\s+.*$|"
                     r"^\s*import\s+nose(\.tools)?\s*$", re.MULTILINE)
AUTOTEST = re.compile(r"^(?P<indent>\s*)###\s*(HASHED\s+)?AUTOTEST\b(?P<snippets>.*)$",
                      re.MULTILINE)


def names_used(code: str) -> set[str]:
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return set()
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}


_PLOT_NAMES = {"plt", "pyplot", "matplotlib", "sns", "seaborn", "fig", "figure", "ax", "axes"}
_PLOT_CALLS = {"gcf", "gca", "get_fignums", "get_lines", "get_children", "get_figure", "savefig",
               "get_xlabel", "get_ylabel", "get_title", "get_legend"}


def plotted_output(code: str) -> str | None:
    """What a test cell inspects of a plot (`plt`, `gca()`, `ax.get_lines()`...), or None.

    Figures are drawn in the student's sandbox and do not cross it, so such a test cannot be
    carried over."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return None
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id in _PLOT_NAMES:
            return node.id
        if isinstance(node, ast.Attribute) and node.attr in _PLOT_CALLS:
            return f".{node.attr}"
        if isinstance(node, ast.Import | ast.ImportFrom):
            module = node.module if isinstance(node, ast.ImportFrom) else node.names[0].name
            if module is not None and module.split(".")[0] in ("matplotlib", "seaborn"):
                return module
    return None


def has_autotest(code: str) -> bool:
    return AUTOTEST.search(code) is not None


def _autotest_lines(code: str) -> str:
    """`### AUTOTEST a; b` -> `seen.append(('a', a))` per snippet (nbgrader splits on ';')."""

    def expand(match: re.Match[str]) -> str:
        snippets = [s.strip() for s in match["snippets"].split(";") if s.strip()]
        return "\n".join(f"{match['indent']}seen.append(({s!r}, {s}))" for s in snippets)

    return AUTOTEST.sub(expand, code)


class _Deletes(ast.NodeTransformer):
    """`del name` of a notebook name hides it in the student's module too."""

    def __init__(self, notebook: set[str]) -> None:
        self.notebook = notebook
        self.hidden: set[str] = set()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.FunctionDef:
        return node  # a helper the cell defines keeps its own scope

    def visit_Delete(self, node: ast.Delete) -> list[ast.stmt]:
        names = [t.id for t in node.targets if isinstance(t, ast.Name) and t.id in self.notebook]
        self.hidden.update(names)
        return [*(ast.parse(f"student.hide({n!r})").body[0] for n in names), node]

    def visit_Assign(self, node: ast.Assign) -> list[ast.stmt]:
        back = [t.id for t in node.targets if isinstance(t, ast.Name) and t.id in self.hidden]
        return [node, *(ast.parse(f"student.restore({n!r})").body[0] for n in back)]


def _rewrite_deletes(code: str, notebook: set[str]) -> str:
    tree = ast.parse(code)
    rewriter = _Deletes(notebook)
    body: list[ast.stmt] = []
    for statement in tree.body:
        done = rewriter.visit(statement)
        body.extend(done if isinstance(done, list) else [done])
    if not rewriter.hidden:
        return code
    wrapped = ast.Try(body=body, handlers=[], orelse=[],
                      finalbody=ast.parse("student.restore()").body)
    return ast.unparse(ast.fix_missing_locations(ast.Module(body=[wrapped], type_ignores=[])))


def _binds(code: str, functions: list[str], variables: list[str]) -> list[str]:
    used = names_used(code)
    binds = [f"{name} = student.{name}" for name in functions if name in used]
    binds += [f"{name} = student.variable({name!r})" for name in variables
              if name in used and name not in functions]
    return binds


def expect_last(code: str, expected: str) -> str:
    """Otter: the cell's last expression must reproduce the recorded output."""
    tree = ast.parse(code)
    last = tree.body[-1] if tree.body else None
    if isinstance(last, ast.Expr) and last.end_lineno is not None:
        lines = code.splitlines()
        expr = ast.get_source_segment(code, last.value)
        code = "\n".join([*lines[:last.lineno - 1], f"expect_output({expr}, {expected!r})"])
    return code


def _summary(code: str) -> tuple[str, str]:
    """(the cell's leading docstring as one line, the code without it)."""
    tree = ast.parse(code)
    first = tree.body[0] if tree.body else None
    if (isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
            and isinstance(first.value.value, str) and first.end_lineno is not None):
        summary = " ".join(first.value.value.split()).replace(TRIPLE, "'''").rstrip(".") + ". "
        return summary, "\n".join(code.splitlines()[first.end_lineno:]).strip("\n")
    return "", code


def test_function(name: str, points: float, visibility: str, code: str, origin: str,
                  functions: list[str], variables: list[str],
                  expected: str | None = None) -> str:
    """The source of one @test_case function running the cell `code` against the student."""
    code = _COMPAT.sub("", code).strip("\n")
    if expected is not None:
        code = expect_last(code, expected)
    summary, code = _summary(code)
    notebook = set(functions) | set(variables)
    params = "student"
    if has_autotest(code):
        cell = _rewrite_deletes(_autotest_lines(code), notebook)
        inner = "\n".join([*_binds(cell, functions, variables), cell])
        body = (f"def cell(student, seen):\n{textwrap.indent(inner, '    ')}\n\n"
                "compare_autotests(cell, student, ref)")
        params = "student, ref"
        summary += "The AUTOTEST values are compared with the reference solution's. "
    else:
        code = _rewrite_deletes(code, notebook) if code.strip() else code
        body = "\n".join([*_binds(code, functions, variables), code]).strip() or "pass"
    doc = textwrap.fill(f"{TRIPLE}{summary}Imported from {origin}.{TRIPLE}", width=92)
    return (f"@test_case(points={points:g}, visibility={visibility!r})\n"
            f"def {name}({params}):\n"
            f"{textwrap.indent(doc, '    ')}\n{textwrap.indent(body, '    ')}\n")
