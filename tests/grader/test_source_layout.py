"""grader.authoring.source_layout: a solution file's own cells for the release notebook."""

from __future__ import annotations

import json
from pathlib import Path

from grader.authoring.source import read_marked_reference
from grader.authoring.source_layout import chunks

SOLUTION_PY = '''"""Intro: the module docstring (the notebook's introduction)."""

import numpy as np


# ## Part A
#
# Write `double`; it returns $2x$.


def double(x):
    """Twice x."""
    ### BEGIN SOLUTION
    return 2 * x
    ### END SOLUTION


double(3)


# an example, with a code comment right above it
print(double(4))

### BEGIN HIDDEN TESTS
assert double(2) == 4
### END HIDDEN TESTS
'''


def test_a_python_solution_file_keeps_its_comment_blocks_as_markdown(tmp_path: Path) -> None:
    path = tmp_path / "solution.py"
    path.write_text(SOLUTION_PY)
    ref = read_marked_reference(path)
    assert chunks(ref) == [
        ("code", "import numpy as np"),
        ("markdown", "## Part A\n\nWrite `double`; it returns $2x$."),
        ("code", 'def double(x):\n    """Twice x."""\n    # YOUR CODE HERE\n'
                 "    raise NotImplementedError()"),
        ("code", "double(3)"),
        ("code", "# an example, with a code comment right above it\nprint(double(4))"),
    ]
    solved = chunks(ref, solution=True)
    assert solved[2] == ("code", 'def double(x):\n    """Twice x."""\n    return 2 * x')
    assert "assert double(2) == 4" not in json.dumps(solved)


def test_a_notebook_solution_file_keeps_its_markdown_cells(tmp_path: Path) -> None:
    def cell(kind: str, source: str, **extra: object) -> dict[str, object]:
        return {"cell_type": kind, "source": source, "metadata": {}, **extra}

    path = tmp_path / "solution.ipynb"
    path.write_text(json.dumps({"cells": [
        cell("markdown", "# Doubling\n\nA first notebook."),
        cell("code", "import numpy as np", outputs=[], execution_count=None),
        cell("markdown", "## Part A\nWrite `double`."),
        cell("code", "def double(x):\n    \"\"\"Twice x.\"\"\"\n    ### BEGIN SOLUTION\n"
                     "    return 2 * x\n    ### END SOLUTION", outputs=[], execution_count=None),
        cell("code", "print('scratch')", outputs=[], execution_count=None,
             metadata={"tags": ["nn-grader:skip"]}),
    ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    ref = read_marked_reference(path)
    assert [kind for kind, _ in chunks(ref)] == ["markdown", "code", "markdown", "code"]
    assert chunks(ref)[2] == ("markdown", "## Part A\nWrite `double`.")
    assert "raise NotImplementedError()" in chunks(ref)[3][1]
    assert "return 2 * x" in chunks(ref, solution=True)[3][1]
