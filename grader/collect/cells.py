"""The code a notebook submission contributes: its code cells, made plain Python.

Used by grader.collect.entries, which reads and decodes the file (and caps its size,
MAX_NOTEBOOK_BYTES)
first. Decisions:
- Only code cells count; their outputs are dropped before nbformat sees them, so a notebook
  with hundreds of MB of outputs costs one JSON parse. Notebooks over BIG_NOTEBOOK bytes are
  parsed one at a time (memory).
- Cells tagged `nn-grader:skip` (grader.collect.cells.SKIP_TAG: the release notebook's check and
  plot cells) are not student code and are left out; empty cells too.
- IPython magics and shell lines (`%matplotlib`, `!pip install`, `x = !ls`, `np.sum?`) become
  `pass  # [grader] removed: ...`, so the cell still compiles and line numbers stay; a cell that
  is only a `%%bash`-style cell magic is dropped (`%%time`, `%%timeit`, `%%capture` and
  `%%prun` cells keep their Python). Cells that already parse as Python are never touched.

Problems raise `NotebookError`, whose message names the file and says what to fix.
"""

from __future__ import annotations

import ast
import contextlib
import io
import json
import re
import threading
import tokenize
import warnings
from typing import Any

BIG_NOTEBOOK = 16 * 2**20
"""Notebooks larger than this (bytes) are parsed one at a time."""
_big_notebook_lock = threading.Lock()
_FIX = "open it in Jupyter, save it and submit it again"
_MAGIC = re.compile(r"^\s*(?:[%!?]|[\w.\[\]]+\s*=\s*[%!](?!=)|[\w.]+\?{1,2}\s*$)")
_PYTHON_CELL_MAGICS = ("time", "timeit", "capture", "prun")


class NotebookError(ValueError):
    """A notebook without usable code; `message` is for the student."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def notebook_code(name: str, text: str, *, nbytes: int) -> tuple[str, ...]:
    """The graded code cells of the notebook `text` (read from `name`, `nbytes` long), in order,
    with IPython-only lines made `pass`. Raises NotebookError when there is none."""
    with _big_notebook_lock if nbytes > BIG_NOTEBOOK else contextlib.nullcontext():
        raw = _load_json(name, text)
    del text  # the parsed notebook is all that is needed from here on
    if isinstance(raw, dict) and isinstance(raw.get("worksheets"), list):  # nbformat 3
        cell_lists = [w.get("cells") for w in raw["worksheets"] if isinstance(w, dict)]
    else:
        cell_lists = [raw.get("cells") if isinstance(raw, dict) else None]
    lists = [c for c in cell_lists if isinstance(c, list)]
    if not lists or len(lists) != len(cell_lists):
        raise NotebookError(f"{name}: not a Jupyter notebook (no list of cells); {_FIX}")
    for cells in lists:
        for cell in cells:
            if isinstance(cell, dict) and cell.get("cell_type") == "code":
                cell["outputs"] = []  # never looked at: drop them before nbformat sees them
    sources = _graded_sources(name, raw)
    code = tuple(c for c in (strip_magics(s) for s in sources if s.strip()) if c is not None)
    if not code:
        raise NotebookError(f"{name}: the notebook has no code cells; write your code in code "
                            "cells and submit it again")
    return code


def _load_json(name: str, text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise NotebookError(
            f"{name}: not a valid notebook: broken JSON at line {exc.lineno}, column "
            f"{exc.colno} ({exc.msg}); {_FIX}"
        ) from exc


def _graded_sources(name: str, raw: dict[str, Any]) -> list[str]:
    """The source of every code cell not tagged SKIP_TAG, after nbformat's v4 conversion."""
    import nbformat  # only notebooks pay for it

    pass

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            nb = nbformat.reads(json.dumps(raw), as_version=4)  # type: ignore[no-untyped-call]
    except Exception as exc:  # nbformat raises several kinds for malformed notebooks
        raise NotebookError(f"{name}: not a valid notebook ({exc}); {_FIX}") from exc
    sources = []
    for cell in nb.cells:
        if cell.get("cell_type") == "code" and not _tagged(cell, SKIP_TAG):
            text = cell.get("source", "")
            sources.append("".join(text) if isinstance(text, list) else str(text))
    return sources


def _tagged(cell: dict[str, Any], tag: str) -> bool:
    """Whether the cell's metadata.tags (a list, when well formed) holds `tag`."""
    metadata = cell.get("metadata")
    tags = metadata.get("tags") if isinstance(metadata, dict) else None
    return isinstance(tags, list) and tag in tags


def strip_magics(code: str) -> str | None:
    """The cell with IPython-only lines replaced by `pass`; None for a non-Python cell."""
    try:
        ast.parse(code)
        return code
    except (SyntaxError, ValueError):
        pass
    lines = code.splitlines()
    first = next((ln.strip() for ln in lines if ln.strip()), "")
    if first.startswith("%%"):
        magic = first[2:].split()[0] if first[2:].split() else ""
        if magic not in _PYTHON_CELL_MAGICS:
            return None  # %%bash, %%html, %%writefile ...: not Python
        index = next(i for i, ln in enumerate(lines) if ln.strip())
        lines[index] = f"pass  # [grader] removed: {first}"
        return "\n".join(lines)
    out: list[str] = []
    for line in lines:
        if _MAGIC.match(line) and _at_statement_start(out):
            indent = line[: len(line) - len(line.lstrip())]
            out.append(f"{indent}pass  # [grader] removed: {line.strip()}")
        else:
            out.append(line)
    return "\n".join(out)


def _at_statement_start(previous: list[str]) -> bool:
    """Whether the next line starts a statement (not inside brackets or a string)."""
    try:
        for _ in tokenize.generate_tokens(io.StringIO("\n".join(previous) + "\n").readline):
            pass
    except tokenize.TokenError:
        return False  # EOF inside brackets or a triple-quoted string
    except SyntaxError:
        pass  # e.g. inconsistent dedent: still a statement boundary
    return True


SKIP_TAG = "nn-grader:skip"
"""Notebook cells with this tag are not student code: collect must not run them."""
