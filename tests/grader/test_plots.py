"""The notebook plot cells (templates/notebook/plots/<module>.py.j2) in a real Jupyter kernel.

Each kernel runs only the cells a plot needs (imports, checks, provided, solution cells, plot),
not the check cells: tests/grader/test_jupyter.py runs whole notebooks. With the reference
filled in, a plot cell draws an image and prints a summary line; the summary's numbers are
compared with independent oracles (the gates' logical definitions, the lecture's unit
formulas, torch.optim and torch.autograd). With the stubs it prints "Implement ... first".
"""

from __future__ import annotations

import importlib
import importlib.util
import itertools
import re
from pathlib import Path
from typing import Any

import nbformat
import numpy as np
import pytest

from grader.authoring.notebook import solution_notebook
from grader.collect.cells import SKIP_TAG
from grader.config import find_assignment
from grader.paths import assignments_dir, templates_dir
from tests.grader.conftest import BUNDLED

nbclient = pytest.importorskip("nbclient")
torch = pytest.importorskip("torch")

NEEDED = ("imports", "checks", "provided", "solution", "plot")
"""The cell roles a plot cell depends on."""


def role(cell: nbformat.NotebookNode) -> str:
    return str(cell.metadata.get("nn_grader", {}).get("role", ""))


def plot_cells(notebook: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    return [cell for cell in notebook.cells if role(cell) == "plot"]


def stub_notebook(name: str, releases: dict[str, Path]) -> nbformat.NotebookNode:
    module = find_assignment(name).module
    return nbformat.read(releases[name] / f"{module}.ipynb", as_version=4)


def run_plot(notebook: nbformat.NotebookNode, folder: Path,
             replace: dict[str, str] | None = None) -> tuple[str, int]:
    """Run the cells the plot needs in a fresh kernel; `replace` swaps solution cells' sources
    ({function: source}). Returns the plot cell's printed text and its number of PNG images."""
    cells = [cell for cell in notebook.cells if role(cell) in NEEDED]
    for cell in cells:
        function = cell.metadata["nn_grader"].get("function")
        if role(cell) == "solution" and replace and function in replace:
            cell.source = replace[function]
    run = nbformat.v4.new_notebook(cells=cells, metadata=notebook.metadata)
    nbclient.NotebookClient(run, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(folder)}}).execute()
    (plot,) = plot_cells(run)
    assert not [o for o in plot.outputs if o.output_type == "error"], plot.outputs
    assert not [o for o in plot.outputs if o.get("name") == "stderr"], plot.outputs
    printed = "".join(o.text for o in plot.outputs if o.output_type == "stream")
    images = sum("image/png" in o.get("data", {}) for o in plot.outputs)
    return printed, images


@pytest.fixture(scope="module")
def releases(bundled_releases: dict[str, Path]) -> dict[str, Path]:
    return bundled_releases


# ------------------------------------------------------------------ the cells in the release


@pytest.mark.parametrize("name", BUNDLED)
def test_plot_template_exists_for_every_bundled_assignment(name: str) -> None:
    module = find_assignment(name).module
    text = (templates_dir() / "notebook" / "plots" / f"{module}.py.j2").read_text("utf-8")
    title, separator, code = text.partition("\n# ---\n")
    assert separator and title.startswith("## Plot: ")
    lines = [line for line in code.strip("\n").splitlines() if line.strip()]
    assert lines[0] == 'if globals().get("IN_NOTEBOOK"):', "the cell acts only inside Jupyter"
    assert len(lines) <= 40, f"{module}: keep the plot cell short ({len(lines)} lines of code)"
    assert "then run this cell again." in code, "a stub gets a message, not a traceback"


@pytest.mark.parametrize("name", BUNDLED)
def test_plot_cell_in_release_is_skipped_and_inert_outside_jupyter(
        name: str, releases: dict[str, Path]) -> None:
    notebook = stub_notebook(name, releases)
    (plot,) = plot_cells(notebook)
    intro = notebook.cells[notebook.cells.index(plot) - 1]
    assert role(intro) == "plot-intro" and intro.cell_type == "markdown"
    assert SKIP_TAG in plot.metadata.get("tags", [])
    namespace: dict[str, object] = {"np": np}  # headless: no IN_NOTEBOOK, nothing happens
    exec(compile(plot.source, "plot", "exec"), namespace)
    assert set(namespace) == {"np", "__builtins__"}


# ------------------------------------------------------------------ stubs: a message, no error

STUB_MESSAGES = {
    "mp_neuron": ["Implement mp_neuron and mp_gate first, then run this cell again."],
    "boolean_networks": ["Implement threshold_forward, shallow_network, deep_parity and "
                         "count_units first, then run this cell again."],
    "gradient_descent": [
        "Implement minibatch_sgd first, then run this cell again.",
        "Implement momentum_step and squared_loss_grad first, then run this cell again.",
        "Implement adam_step and squared_loss_grad first, then run this cell again.",
    ],
    "backprop": ["Implement mlp_loss_and_grads and softmax first, then run this cell again."],
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(STUB_MESSAGES))
def test_plot_cell_with_stubs_says_what_to_implement(
        name: str, releases: dict[str, Path]) -> None:
    printed, images = run_plot(stub_notebook(name, releases), releases[name])
    assert printed.splitlines() == STUB_MESSAGES[name]
    assert images == 0


# ------------------------------------------------------------------ solutions: the right picture


def solution_plot(name: str, releases: dict[str, Path],
                  replace: dict[str, str] | None = None) -> str:
    printed, images = run_plot(solution_notebook(find_assignment(name)), releases[name], replace)
    assert images == 1, printed
    return printed


@pytest.mark.slow
def test_mp_neuron_plot_shows_the_gates_truth_tables(releases: dict[str, Path]) -> None:
    gates = {"and": all, "or": any, "nor": lambda x: not any(x),
             "and_not": lambda x: x[0] and not x[1], "not": lambda x: not x[0]}
    expected = ", ".join(
        f"{gate} " + "".join(str(int(bool(f(x)))) for x in
                             itertools.product((0, 1), repeat=1 if gate == "not" else 2))
        for gate, f in gates.items())
    assert solution_plot("mp_neuron", releases).strip() == f"gates: {expected}"


@pytest.mark.slow
def test_boolean_networks_plot_counts_parity_units(releases: dict[str, Path]) -> None:
    n = 12  # shallow: 2^(n-1) hidden units + the output unit; deep: 3(n-1)
    assert solution_plot("boolean_networks", releases).strip() == (
        f"parity units: one hidden layer {2 ** (n - 1) + 1} vs deep {3 * (n - 1)} at n = {n}; "
        "not parity: 0 networks")


@pytest.mark.slow
def test_boolean_networks_plot_flags_networks_that_are_not_parity(
        releases: dict[str, Path]) -> None:
    or_network = (  # one unit: x1 + ... + xn - 1 >= 0, i.e. OR, not parity (wrong for n >= 2)
        "def deep_parity(n):\n"
        "    return [(np.ones((1, n)), np.array([-1.0]))]\n")
    printed = solution_plot("boolean_networks", releases, {"deep_parity": or_network})
    # the plot runs the networks for n <= 8 (n = 2..8: 7 of them), counts units up to n = 12
    assert printed.strip().endswith("vs deep 1 at n = 12; not parity: 7 networks")


DEMO_STYLES = sorted((p.parent.parent.name, p.stem) for name in BUNDLED
                     for p in (assignments_dir() / name / "demo").glob("*.py")
                     if (templates_dir() / "notebook" / "plots" / f"{name}.py.j2").is_file())
"""(assignment, style) of every correct demo student: loops, torch tensors as results, ..."""


def plot_in_process(name: str, namespace: dict[str, Any], releases: dict[str, Path],
                    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    """The plot cell run here as Jupyter would (IN_NOTEBOOK) on `namespace`'s functions; returns
    what it printed. Asserts it drew exactly one figure."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    shown: list[int] = []
    monkeypatch.setattr(plt, "show", lambda: shown.append(len(plt.get_fignums())))
    (plot,) = plot_cells(stub_notebook(name, releases))
    capsys.readouterr()
    plt.close("all")  # a figure another test of this worker left open is not this cell's
    try:
        exec(compile(plot.source, "plot", "exec"), {**namespace, "np": np, "IN_NOTEBOOK": True})
    finally:
        plt.close("all")
    assert shown == [1]
    return capsys.readouterr().out


@pytest.mark.parametrize(("name", "style"), DEMO_STYLES)
def test_plot_cell_draws_the_same_for_every_correct_style(
        name: str, style: str, releases: dict[str, Path], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    assignment = find_assignment(name)
    reference = importlib.import_module(f"reference.{assignment.module}")
    spec = importlib.util.spec_from_file_location(f"demo_{name}_{style}",
                                                  assignment.folder / "demo" / f"{style}.py")
    assert spec is not None and spec.loader is not None
    demo = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(demo)
    expected = plot_in_process(name, vars(reference), releases, monkeypatch, capsys)
    assert plot_in_process(name, vars(demo), releases, monkeypatch, capsys) == expected


def excess_losses_oracle() -> dict[str, float]:
    """The gradient_descent plot's runs, redone with torch.optim on the same problem (the data
    and settings of templates/notebook/plots/gradient_descent.py.j2)."""
    rng = np.random.default_rng(0)
    X = rng.normal(size=(200, 4)) * np.array([1.0, 1.0, 0.15, 0.15])
    y = X @ np.array([1.0, -2.0, 3.0, 4.0]) + 0.3 * rng.normal(size=200)
    batches = [rng.choice(200, size=20, replace=False) for _ in range(200)]
    best = 0.5 * np.mean((X @ np.linalg.lstsq(X, y, rcond=None)[0] - y) ** 2)
    Xt, yt = torch.tensor(X), torch.tensor(y)
    runs = {"gradient descent": (lambda w: torch.optim.SGD([w], lr=1.0), False),
            "SGD, B = 20": (lambda w: torch.optim.SGD([w], lr=1.0), True),
            "momentum": (lambda w: torch.optim.SGD([w], lr=1.0, momentum=0.9), False),
            "Adam": (lambda w: torch.optim.Adam([w], lr=0.05), False)}
    final = {}
    for label, (make, minibatch) in runs.items():
        w = torch.zeros(4, dtype=torch.float64, requires_grad=True)
        optimizer = make(w)
        for t in range(200):
            rows = torch.tensor(batches[t]) if minibatch else torch.arange(200)
            optimizer.zero_grad()
            (0.5 * ((Xt[rows] @ w - yt[rows]) ** 2).mean()).backward()
            optimizer.step()
        final[label] = 0.5 * float(((Xt @ w.detach() - yt) ** 2).mean()) - best
    return final


@pytest.mark.slow
def test_gradient_descent_plot_matches_torch_optim(releases: dict[str, Path]) -> None:
    printed = solution_plot("gradient_descent", releases).strip()
    prefix = "excess loss after 200 steps: "
    assert printed.startswith(prefix)
    shown = {label: float(value) for label, value in
             (item.rsplit(" ", 1) for item in printed.removeprefix(prefix).split("; "))}
    oracle = excess_losses_oracle()
    assert list(shown) == list(oracle)
    for label, value in shown.items():  # printed with 2 significant digits
        assert value == pytest.approx(oracle[label], rel=0.06), label
    # what the plot teaches: momentum beats plain descent in the flat directions, SGD stalls
    assert shown["momentum"] < shown["gradient descent"] < shown["SGD, B = 20"]


@pytest.mark.slow
def test_gradient_descent_plot_draws_what_is_implemented(releases: dict[str, Path]) -> None:
    stubs = {cell.metadata["nn_grader"]["function"]: cell.source
             for cell in stub_notebook("gradient_descent", releases).cells
             if role(cell) == "solution"}
    replace = {f: stubs[f] for f in ("momentum_step", "adam_step")}
    printed = solution_plot("gradient_descent", releases, replace).splitlines()
    assert printed[:2] == STUB_MESSAGES["gradient_descent"][1:]
    assert re.fullmatch(r"excess loss after 200 steps: gradient descent \S+; SGD, B = 20 \S+",
                        printed[2])


def xor_oracle() -> dict[str, float]:
    """The backprop plot's training runs redone with torch.autograd (same initial weights)."""
    rng = np.random.default_rng(0)
    shapes = {"no hidden layer": [(2, 2)], "4 hidden units": [(2, 4), (4, 2)]}
    X = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]], dtype=torch.float64)
    y = torch.tensor([0, 1, 1, 0])
    final = {}
    for label, layers in shapes.items():
        params = [t.requires_grad_() for shape in layers for t in (
            torch.tensor(rng.normal(size=shape)), torch.zeros(shape[1], dtype=torch.float64))]
        optimizer = torch.optim.SGD(params, lr=2.0)
        for _ in range(1000):
            h = X
            for i in range(0, len(params), 2):
                h = h @ params[i] + params[i + 1]
                h = torch.sigmoid(h) if i + 2 < len(params) else h
            loss = torch.nn.functional.cross_entropy(h, y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        final[label] = float(loss.detach())  # the loss before the last step, as the plot records
    return final


@pytest.mark.slow
def test_backprop_plot_learns_xor_like_torch(releases: dict[str, Path]) -> None:
    printed = solution_plot("backprop", releases).strip()
    match = re.fullmatch(r"XOR loss after 1000 steps: no hidden layer (\S+); "
                         r"4 hidden units (\S+); predictions \[0 1 1 0\]", printed)
    assert match, printed
    oracle = xor_oracle()
    assert float(match[1]) == pytest.approx(oracle["no hidden layer"], abs=5e-4)
    assert float(match[2]) == pytest.approx(oracle["4 hidden units"], abs=5e-4)
    assert float(match[1]) >= round(np.log(2), 3)  # a linear model cannot fit XOR
    assert float(match[2]) < 0.05
