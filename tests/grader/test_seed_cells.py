"""[load] seed_cells: random and numpy seeded before every cell of a submission, as Otter Grader's
intercell seeding does (otter.execute.preprocessor.GradingPreprocessor.add_seeds), through
`grader grade`'s real path (the sandbox loads the cells); the option's errors; the release and
an imported Otter notebook carry it."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from click.testing import CliRunner

from grader.cli.main import main
from grader.config import ConfigError, load_assignment
from tests.grader.sheets import grade_and_read_scores

CELLS = ("import random\n\nimport numpy as np",
         "a = np.random.normal(size=3)",
         "b = random.random()",
         "c = np.random.normal(size=3)",
         "def total():\n    return float(a.sum())")
"""A submission's cells: `c` equals `a` only when numpy is seeded afresh before each cell."""

TESTS = '''
import random

import numpy as np

from grader import checks
from grader.testing import test_case


# The first draws after seed 7, from generators of their own: the global ones are shared by the
# threads that grade two submissions at once (a seed in one thread, a draw in the other).
@test_case(points=1, visibility="visible")
def numpy_is_seeded_before_each_cell(student):
    first = np.random.RandomState(7).normal(size=3)
    checks.close(student.variable("a"), first, name="a")
    checks.close(student.variable("c"), first, name="c")


@test_case(points=1, visibility="visible")
def random_is_seeded(student):
    assert student.variable("b") == random.Random(7).random(), \
        "b is not the first draw after seed 7"
'''


def _assignment(folder: Path, load: str) -> Path:
    folder.mkdir()
    (folder / "assignment.toml").write_text(
        f'[assignment]\ntitle = "Seeded"\nmodule = "draws"\nreference = "solution.py"\n{load}',
        encoding="utf-8")
    solution = "\n\n\n".join(CELLS).replace("return", "### BEGIN SOLUTION\n    return")
    (folder / "solution.py").write_text(f'"""Draws."""\n\n{solution}\n    ### END SOLUTION\n',
                                        encoding="utf-8")
    (folder / "visible_tests.py").write_text(TESTS, encoding="utf-8")
    return folder


def _submissions(folder: Path) -> Path:
    folder.mkdir()
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in CELLS])
    nbformat.write(notebook, folder / "notebook.ipynb")
    (folder / "script.py").write_text("\n\n\n".join(CELLS) + "\n", encoding="utf-8")
    return folder


def test_seed_cells_seeds_numpy_and_random_before_every_cell(tmp_path: Path) -> None:
    """A notebook: each cell starts from the seed (c == a). A .py file is one cell: seeded once,
    so its second numpy draw differs from the first; `random` was not drawn from before b."""
    subs = _submissions(tmp_path / "subs")
    seeded = _assignment(tmp_path / "seeded", "\n[load]\nseed_cells = 7\n")
    assert grade_and_read_scores(seeded, subs, tmp_path / "out") == {
        "notebook": (2.0, 2.0), "script": (1.0, 2.0)}
    plain = _assignment(tmp_path / "plain", "")
    assert grade_and_read_scores(plain, subs, tmp_path / "out_plain") == {
        "notebook": (0.0, 2.0), "script": (0.0, 2.0)}


def test_the_release_keeps_seed_cells_for_grader_check(tmp_path: Path) -> None:
    seeded = _assignment(tmp_path / "seeded", "\n[load]\nseed_cells = 7\n")
    done = CliRunner().invoke(main, ["generate", str(seeded), "--out", str(tmp_path / "rel")])
    assert done.exit_code == 0, done.output
    assert load_assignment(tmp_path / "rel").load.seed_cells == 7


@pytest.mark.parametrize("value", ["-1", "1.5", '"42"', "true", "4294967296"])
def test_a_bad_seed_names_the_file_the_key_and_the_fix(value: str, tmp_path: Path) -> None:
    folder = _assignment(tmp_path / "bad", f"\n[load]\nseed_cells = {value}\n")
    with pytest.raises(ConfigError, match=r"assignment\.toml: load\.seed_cells must be a whole "
                                          r"number from 0 to 4294967295 \(numpy's seeds\)"):
        load_assignment(folder)


def test_an_unknown_load_key_is_an_error(tmp_path: Path) -> None:
    folder = _assignment(tmp_path / "bad", "\n[load]\nseed = 7\n")
    with pytest.raises(ConfigError, match=r"unknown key\(s\) load\.\['seed'\]"):
        load_assignment(folder)


OTTER = Path(__file__).parents[1] / "fixtures" / "imported" / "otter"


def test_an_imported_otter_seed_leaves_the_seed_line_out_of_the_release(tmp_path: Path) -> None:
    """Otter removes `# SEED` lines from the student's notebook and seeds every cell when
    grading: the imported release has no seed line and keeps [load] seed_cells."""
    out = tmp_path / "ex"
    done = CliRunner().invoke(main, ["import", "otter", str(OTTER / "exception-example.ipynb"),
                                     "--out", str(out)])
    assert done.exit_code == 0, done.output
    assert "np.random.seed(42)" in (out / "solution.py").read_text(encoding="utf-8")
    released = CliRunner().invoke(main, ["generate", str(out), "--out", str(tmp_path / "rel")])
    assert released.exit_code == 0, released.output
    notebook = json.loads((tmp_path / "rel" / "exception_example.ipynb").read_text())
    sources = ["".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code"]
    assert not any("random.seed" in s for s in sources)
    assert load_assignment(tmp_path / "rel").load.seed_cells == 42
