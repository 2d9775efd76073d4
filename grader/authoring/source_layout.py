"""The release notebook of a solution-file assignment keeps the source's own layout.

An assignment whose reference is a solution file (`solution.py`, `solution.ipynb`; what
`grader import` writes) was written as a notebook: task text, headings and example calls
between the functions. Its release notebook keeps them, in order, instead of the bundled
assignments' one-section-per-function layout (grader.authoring.notebook):

- a `.ipynb` reference: its markdown cells verbatim, its code cells as the stub has them
  (solution regions replaced, hidden-test regions dropped; cells tagged nn-grader:skip left out);
- a `.py` reference: each top-level block of comment lines with a blank line after it (what
  the importers write for a markdown cell) becomes a markdown cell with the `# ` taken off;
  comment lines right above code stay with it; the code is cut into cells at two blank lines,
  as the importers join cells. The module docstring is the
  notebook's introduction and is left out here.

`chunks(ref, solution=True)` gives the instructor's filled-in version (markers removed, hidden
tests dropped) for the solution notebook.
"""

from __future__ import annotations

import ast
import json
from typing import Literal

from grader.authoring.source import ReferenceSource
from grader.collect.cells import SKIP_TAG
from grader.run.reference import MARKER, find_regions, strip_markers

Chunk = tuple[Literal["markdown", "code"], str]


def _filled_in(code: str) -> str:
    """The solution as it runs: marker lines removed, hidden-test regions dropped."""
    hidden = {n for r in find_regions(code) if r.kind == "HIDDEN TESTS"
              for n in range(r.begin, r.end + 1)}
    return "\n".join(line for number, line in enumerate(code.splitlines(), start=1)
                     if number not in hidden and not MARKER.match(line)).rstrip() + "\n"


def _markdown(comment_lines: list[str]) -> str:
    return "\n".join(line.strip()[1:].removeprefix(" ") for line in comment_lines).strip()


def _gap_chunks(lines: list[str]) -> tuple[list[Chunk], bool, list[str]]:
    """Between two top-level statements: the markdown blocks (comment lines with a blank line
    after them), whether the gap ends a code cell (it holds markdown, or two blank lines in a
    row), and the comment lines right above the next statement (code comments: they stay
    with it, like `# YOUR CODE HERE`)."""
    chunks: list[Chunk] = []
    block: list[str] = []
    blanks, split = 0, False
    for line in lines:
        if line.strip().startswith("#"):
            block.append(line)
            blanks = 0
            continue
        if block:
            text = _markdown(block)
            if text:
                chunks.append(("markdown", text))
            block, split = [], True
        blanks = blanks + 1 if not line.strip() else 0
        split = split or blanks >= 2
    return chunks, split or bool(chunks), block


def _python_chunks(text: str) -> list[Chunk]:
    tree = ast.parse(text)
    lines = text.splitlines()
    body = list(tree.body)
    position = 0
    if (body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)
            and isinstance(body[0].value.value, str) and body[0].end_lineno is not None):
        position = body.pop(0).end_lineno or 0
    chunks: list[Chunk] = []
    code: list[str] = []
    for node in body:
        first = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", []))])
        between, split, attached = _gap_chunks(lines[position:first - 1])
        if split and code:
            chunks.append(("code", "\n".join(code).strip("\n")))
            code = []
        chunks += between
        if code:
            code += [line for line in lines[position:first - 1 - len(attached)]
                     if not line.strip()]
        code += [*attached, *lines[first - 1:node.end_lineno]]
        position = node.end_lineno or first
    if code:
        chunks.append(("code", "\n".join(code).strip("\n")))
    trailing, _, rest = _gap_chunks([*lines[position:], ""])
    return chunks + trailing + ([("markdown", _markdown(rest))] if _markdown(rest) else [])


def _notebook_chunks(ref: ReferenceSource, solution: bool) -> list[Chunk]:
    chunks: list[Chunk] = []
    for cell in json.loads(ref.path.read_text(encoding="utf-8")).get("cells", []):
        source = cell.get("source", "")
        text = "".join(source) if isinstance(source, list) else str(source)
        if not text.strip():
            continue
        if cell.get("cell_type") == "markdown":
            chunks.append(("markdown", text.strip()))
        elif (cell.get("cell_type") == "code"
              and SKIP_TAG not in cell.get("metadata", {}).get("tags", [])):
            code = _filled_in(text) if solution else strip_markers(text, ref.path)
            if code.strip():
                chunks.append(("code", code.strip("\n")))
    return chunks


def chunks(ref: ReferenceSource, *, solution: bool = False) -> list[Chunk]:
    """The source's cells, in order, as the student gets them (or filled in)."""
    assert ref.stub is not None, "only solution-file references have a source layout"
    if ref.path.suffix == ".ipynb":
        return _notebook_chunks(ref, solution)
    return _python_chunks(_filled_in(ref.source) if solution else ref.stub)


def defined_functions(code: str) -> list[str]:
    """The top-level functions a code chunk defines, in order."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return []
    return [n.name for n in tree.body if isinstance(n, ast.FunctionDef)]
