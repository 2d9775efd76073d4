"""The release notebook, built with nbformat from the jinja templates in templates/notebook/.

Layout (every cell carries `metadata.nn_grader.role`):

    markdown  intro      title, lecture-style introduction with the maths, how to work
    code      imports    the stub's imports                                  (graded code)
    code      checks     defines `check(...)`, IN_NOTEBOOK                   (skipped: tagged)
    code      provided   each PROVIDED helper, verbatim                      (graded code)
    per graded function:
      markdown  function   heading and the docstring's first paragraph
      code      solution   the stub: header + docstring, body raises         (graded code)
      code      check      check("<function>"): its visible tests, in-process (skipped: tagged)
    markdown+code  plot    where the topic has one (templates/notebook/plots/) (skipped: tagged)
    markdown  submit

Cells the grader must not run are tagged SKIP_TAG (see docs/CONTRACTS.md). They are also inert
outside Jupyter (they do nothing unless IPython's `get_ipython` exists), so a grader that runs
every cell neither grades them nor fails on them, headless or not.

`check_here` is what a check cell calls: the student's own functions, in the student's own
kernel, against the shipped visible tests — the offline companion of `grader check`.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any, cast

import nbformat
from nbformat.notebooknode import NotebookNode

from grader.authoring import source_layout
from grader.authoring.source import ReferenceSource, read_reference
from grader.authoring.stubs import Stub, _environment, build_stub, solution_cells
from grader.collect.cells import SKIP_TAG
from grader.config import Assignment
from grader.paths import templates_dir


def _cell_meta(role: str, *, skip: bool = False, function: str | None = None) -> dict[str, Any]:
    meta: dict[str, Any] = {"nn_grader": {"role": role}}
    if function is not None:
        meta["nn_grader"]["function"] = function
    if skip:
        meta["tags"] = [SKIP_TAG]
    return meta


def _render(template: str, **context: Any) -> str:
    return _environment().get_template(template).render(**context).strip("\n")


def topic_intro(assignment: Assignment, module_docstring: str) -> str:
    """The lecture-style introduction: `assignments/<a>/notebook.md` if the assignment has one,
    else templates/notebook/topics/<module>.md.j2, else the reference module's docstring."""
    override = assignment.folder / "notebook.md"
    if override.is_file():
        return override.read_text(encoding="utf-8").strip()
    topic = templates_dir() / "notebook" / "topics" / f"{assignment.module}.md.j2"
    if topic.is_file():
        return _render(f"notebook/topics/{assignment.module}.md.j2", a=assignment)
    return module_docstring.strip()


def _plot_template(assignment: Assignment) -> str | None:
    name = f"notebook/plots/{assignment.module}.py.j2"
    return name if (templates_dir() / name).is_file() else None


def build_notebook(
    assignment: Assignment, stub: Stub, solutions: dict[str, str] | None = None,
    setup: str | None = None,
) -> NotebookNode:
    """The release notebook; with `solutions` ({function: source}) and `setup` (extra code for
    the imports cell) the stub cells are filled in instead (the solution notebook)."""

    v4: Any = nbformat.v4  # untyped library
    if setup is None:
        setup = "\n".join(stub.imports) + ("\n\n" + "\n".join(stub.constants)
                                          if stub.constants else "")
    ref = read_reference(assignment.reference)
    ref_doc = ast.get_docstring(ref.tree) or ""
    cells = [
        v4.new_markdown_cell(
            _render("notebook/intro.md.j2", a=assignment, intro=topic_intro(assignment, ref_doc),
                    functions=stub.functions, provided=[n for n, _ in stub.provided]),
            metadata=_cell_meta("intro"),
        ),
        v4.new_code_cell(setup, metadata=_cell_meta("imports")),
        v4.new_code_cell(_render("notebook/checks.py.j2", a=assignment),
                         metadata=_cell_meta("checks", skip=True)),
    ]
    if ref.stub is not None:  # a solution file: its own cells, markdown and all
        del cells[1]  # its own imports are among them
        cells += _source_cells(ref, stub, solved=solutions is not None)
    elif stub.provided:
        cells.append(v4.new_markdown_cell(
            _render("notebook/provided.md.j2", provided=[n for n, _ in stub.provided]),
            metadata=_cell_meta("provided-intro")))
        for name, source in stub.provided:
            cells.append(v4.new_code_cell(source, metadata=_cell_meta("provided", function=name)))
    for number, fn in enumerate(() if ref.stub is not None else stub.functions, start=1):
        cells.append(v4.new_markdown_cell(
            _render("notebook/function.md.j2", number=number, fn=fn),
            metadata=_cell_meta("function", function=fn.name)))
        source = fn.source if solutions is None else solutions[fn.name]
        cells.append(v4.new_code_cell(source, metadata=_cell_meta("solution", function=fn.name)))
        cells.append(v4.new_code_cell(_render("notebook/check.py.j2", fn=fn),
                                      metadata=_cell_meta("check", skip=True, function=fn.name)))
    plot = _plot_template(assignment)
    if plot is not None:
        text = _render(plot, a=assignment)
        title, _, code = text.partition("\n# ---\n")
        cells.append(v4.new_markdown_cell(title.strip(), metadata=_cell_meta("plot-intro")))
        cells.append(v4.new_code_cell(code.strip("\n"), metadata=_cell_meta("plot", skip=True)))
    cells.append(v4.new_markdown_cell(_render("notebook/submit.md.j2", a=assignment),
                                      metadata=_cell_meta("submit")))
    for index, cell in enumerate(cells):  # not random: regenerating gives the same file
        cell.id = f"{index:03d}-{cell.metadata['nn_grader']['role']}"
    notebook = v4.new_notebook(cells=cells, metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"},
        "nn_grader": {"assignment": assignment.name, "module": assignment.module},
    })
    nbformat.validate(notebook)
    return cast(NotebookNode, notebook)


def _source_cells(ref: ReferenceSource, stub: Stub, *, solved: bool) -> list[NotebookNode]:
    """A solution file's cells (grader.authoring.source_layout), each graded function's cell
    followed by its check cell."""
    v4: Any = nbformat.v4  # untyped library
    graded = {fn.name: fn for fn in stub.functions}
    cells: list[NotebookNode] = []
    for kind, text in source_layout.chunks(ref, solution=solved):
        if kind == "markdown":
            cells.append(v4.new_markdown_cell(text, metadata=_cell_meta("source")))
            continue
        functions = [f for f in source_layout.defined_functions(text) if f in graded]
        if functions and (not cells or cells[-1].cell_type != "markdown"):  # no task text:
            number = list(graded).index(functions[0]) + 1  # the usual heading and summary
            cells.append(v4.new_markdown_cell(
                _render("notebook/function.md.j2", number=number, fn=graded[functions[0]]),
                metadata=_cell_meta("function", function=functions[0])))
        cells.append(v4.new_code_cell(text, metadata=_cell_meta(
            "solution" if functions else "source", function=functions[0] if functions else None)))
        for name in functions:
            cells.append(v4.new_code_cell(_render("notebook/check.py.j2", fn=graded[name]),
                                          metadata=_cell_meta("check", skip=True, function=name)))
    return cells


def solution_notebook(assignment: Assignment) -> NotebookNode:
    """The release notebook with the reference solutions filled into the stub cells.

    Trusted, instructor-side only (tests and the demo class): it contains reference code."""
    ref = read_reference(assignment.reference)
    stub = build_stub(ref, assignment)
    setup, solutions = solution_cells(ref)
    return build_notebook(assignment, stub, solutions=solutions, setup=setup)


def write_notebook(notebook: NotebookNode, path: Path) -> None:
    nbformat.validate(notebook)
    writes: Any = nbformat.writes  # untyped library
    path.write_text(writes(notebook, version=4) + "\n", encoding="utf-8")


def graded_cells(notebook: NotebookNode) -> list[str]:
    """The code cells the grader runs: every code cell not tagged SKIP_TAG, in order."""
    return [
        cell.source
        for cell in notebook.cells
        if cell.cell_type == "code" and SKIP_TAG not in cell.get("metadata", {}).get("tags", [])
    ]


# ------------------------------------------------------------------ check cells (in Jupyter)


