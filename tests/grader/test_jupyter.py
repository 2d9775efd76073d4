"""The release notebooks in a real Jupyter kernel (nbclient + ipykernel), as students run them:
every check cell, plot cell and stub cell, in order, from the release folder."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from grader.authoring.notebook import solution_notebook
from grader.config import find_assignment
from tests.grader.conftest import BUNDLED

nbclient = pytest.importorskip("nbclient")



def run_in_kernel(notebook: nbformat.NotebookNode, folder: Path) -> nbformat.NotebookNode:
    """Execute every cell in a fresh python3 kernel started in `folder`; raises on an error."""
    client = nbclient.NotebookClient(notebook, timeout=180, kernel_name="python3",
                                     resources={"metadata": {"path": str(folder)}})
    client.execute()
    return notebook


def outputs(notebook: nbformat.NotebookNode, role: str) -> list[list[nbformat.NotebookNode]]:
    return [cell.outputs for cell in notebook.cells if cell.cell_type == "code"
            and cell.metadata.get("nn_grader", {}).get("role") == role]


def text(cell_outputs: list[nbformat.NotebookNode]) -> str:
    return "".join(o.text for o in cell_outputs if o.output_type == "stream")


@pytest.fixture(scope="module")
def releases(bundled_releases: dict[str, Path]) -> dict[str, Path]:
    """The release folders of the bundled assignments (tests/grader/conftest.py)."""
    return bundled_releases


@pytest.mark.slow
@pytest.mark.parametrize("name", BUNDLED)
def test_solution_notebook_passes_every_check_cell_in_a_real_kernel(
        name: str, releases: dict[str, Path]) -> None:
    notebook = run_in_kernel(solution_notebook(find_assignment(name)), releases[name])
    checks = [text(o) for o in outputs(notebook, "check")]
    assert checks and all(checks), "every check cell prints its visible tests"
    for report in checks:
        assert "✗" not in report, report
        assert "visible tests passed" in report or "defined further down" in report, report
    ran = {line.split(": ", 1)[0].strip("✓… ") for report in checks
           for line in report.splitlines()[1:] if line.lstrip().startswith("✓")}
    assert ran, "the checks ran some visible tests"
    for plot in outputs(notebook, "plot"):
        images = [o for o in plot if "image/png" in o.get("data", {})]
        assert images, f"the plot cell drew nothing: {text(plot)}"


@pytest.mark.slow
@pytest.mark.parametrize("name", BUNDLED)
def test_stub_notebook_runs_top_to_bottom_and_checks_say_not_implemented(
        name: str, releases: dict[str, Path]) -> None:
    module = find_assignment(name).module
    notebook = run_in_kernel(nbformat.read(releases[name] / f"{module}.ipynb", as_version=4),
                             releases[name])
    checks = [text(o) for o in outputs(notebook, "check")]
    assert checks
    for report in checks:
        assert "✓" not in report, report
        assert "is not implemented yet" in report or "defined further down" in report, report
