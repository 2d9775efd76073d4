"""Release generation: stub extraction, the notebook, the release folder and the leak scan."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import inspect
import json
import re
import textwrap
import tomllib
import warnings
from pathlib import Path
from types import ModuleType
from typing import Any

import nbformat
import numpy as np
import pytest
from click.testing import CliRunner

from grader.authoring.generate import generate_release
from grader.authoring.leaks import declared_test_names, find_leaks
from grader.authoring.notebook import graded_cells, solution_notebook
from grader.authoring.source import GenerateError, read_reference
from grader.authoring.stubs import build_stub
from grader.cli.main import main
from grader.collect.cells import SKIP_TAG
from grader.config import find_assignment, load_assignment
from grader.student.check import called_functions, check_here
from grader.testing import load_tests_file
from tests.grader.conftest import BUNDLED

FIXTURE = Path(__file__).parents[1] / "fixtures" / "generate"
TOY = FIXTURE / "toy"


def import_file(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def toy_release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("release") / "toy"
    generate_release(load_assignment(TOY), out)
    return out


@pytest.fixture(scope="module")
def toy_ref() -> ModuleType:
    return importlib.import_module("tests.fixtures.generate.toyref")


# ------------------------------------------------------------------------- stub extraction


def test_stub_signatures_and_docstrings_are_the_references(toy_release: Path,
                                                           toy_ref: ModuleType) -> None:
    stub = import_file(toy_release / "toy.py", "_toy_stub_sig")
    for name in toy_ref.STUDENT_API:
        got, want = getattr(stub, name), getattr(toy_ref, name)
        assert str(inspect.signature(got)) == str(inspect.signature(want)), name
        assert got.__doc__ == want.__doc__, name
    # defaults evaluate to the same values, including one taken from a module constant
    assert inspect.signature(stub.clipped_norms).parameters["limits"].default == (0.0, 1000.0)
    assert inspect.signature(stub.scaled_sum).parameters["offset"].default == 1e-5


def test_stub_header_text_is_verbatim(toy_release: Path) -> None:
    text = (toy_release / "toy.py").read_text()
    assert "def scaled_sum(x: np.ndarray, scale: float = 2.5, *, offset: float = 1e-5) -> float:" \
        in text
    assert "def clipped_norms(\n    X: np.ndarray,\n    limits: Sequence[float] = (0.0, _CLIP),\n" \
        ") -> np.ndarray:" in text


def test_stub_bodies_raise_not_implemented(toy_release: Path, toy_ref: ModuleType) -> None:
    stub = import_file(toy_release / "toy.py", "_toy_stub_raise")
    for name in toy_ref.STUDENT_API:
        with pytest.raises(NotImplementedError, match=name):
            getattr(stub, name)(np.ones(3))
        func = ast.parse(textwrap.dedent(inspect.getsource(getattr(stub, name)))).body[0]
        assert isinstance(func, ast.FunctionDef)
        assert len(func.body) == 2 and isinstance(func.body[1], ast.Raise), name


def test_stub_keeps_provided_verbatim_and_working(toy_release: Path, toy_ref: ModuleType) -> None:
    stub = import_file(toy_release / "toy.py", "_toy_stub_provided")
    assert inspect.getsource(stub.make_data) == inspect.getsource(toy_ref.make_data)
    np.testing.assert_array_equal(stub.make_data(4, seed=3), toy_ref.make_data(4, seed=3))


def test_stub_holds_nothing_else_of_the_reference(toy_release: Path) -> None:
    stub = import_file(toy_release / "toy.py", "_toy_stub_else")
    public = {n for n, v in vars(stub).items() if callable(v) and getattr(v, "__module__", "")
              == stub.__name__}
    assert public == {"make_data", "scaled_sum", "clipped_norms", "count_above"}
    text = (toy_release / "toy.py").read_text()
    for secret in ("_as_float", "unrelated_experiment", "the hidden formula", "einsum",
                   "import math", "STUDENT_API"):
        assert secret not in text
    assert "import numpy as np" in text


def test_stub_imports_numpy_even_if_the_reference_does_not(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _tiny_assignment(tmp_path, monkeypatch, '''
        import math
        STUDENT_API = ("f",)
        def f(x):
            """Doc."""
            return math.sqrt(x)
    ''')
    generate_release(load_assignment(folder), tmp_path / "out")
    text = (tmp_path / "out" / "tiny.py").read_text()
    assert "import numpy as np" in text and "import math" not in text


# -------------------------------------------------------------------- generator refusals


def _tiny_assignment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ref_source: str,
                     visible: str | None = None) -> Path:
    pkg = tmp_path / "tinypkg"
    pkg.mkdir(exist_ok=True)
    name = f"tinyref_{abs(hash(ref_source)) % 10**8}"
    (pkg / f"{name}.py").write_text(textwrap.dedent(ref_source))
    monkeypatch.syspath_prepend(str(pkg))
    folder = tmp_path / "tiny"
    folder.mkdir()
    (folder / "assignment.toml").write_text(
        f'[assignment]\ntitle = "Tiny"\nmodule = "tiny"\nreference = "{name}"\n')
    (folder / "visible_tests.py").write_text(textwrap.dedent(visible or '''
        from grader.testing import test_case

        @test_case(points=1, visibility="visible")
        def f_runs(student):
            student.f(1.0)
    '''))
    return folder


@pytest.mark.parametrize(("ref_source", "visible", "message"), [
    ('STUDENT_API = ("f",)\ndef f(x):\n    return x\n', None,
     "f has no docstring; students only see the signature and the docstring"),
    ('STUDENT_API = ("f", "g")\ndef f(x):\n    """Doc."""\n', None,
     "no top-level function 'g' (listed in STUDENT_API or PROVIDED)"),
    ('def f(x):\n    """Doc."""\n', None, "no STUDENT_API = (...) tuple"),
    ('STUDENT_API = ("f",)\nPROVIDED = ("data",)\n'
     'def _helper():\n    return 1\n'
     'def data():\n    """Doc."""\n    return _helper()\n'
     'def f(x):\n    """Doc."""\n', None,
     "PROVIDED function data uses _helper of the reference, which students do not get"),
    ('STUDENT_API = ("f",)\ndef f(x):\n    """Doc."""\n',
     'from grader.testing import test_case\n@test_case(points=1, visibility="visible")\n'
     'def t(student, ref):\n    pass\n',
     "visible test t asks for `ref`"),
    ('STUDENT_API = ("f",)\ndef f(x):\n    """Doc."""\n',
     'from grader.testing import test_case\n@test_case(points=1)\ndef t(student):\n    pass\n',
     "test t in visible_tests.py has visibility='hidden'"),
    ('STUDENT_API = ("f",)\ndef f(x):\n    """Doc."""\n',
     'import reference.perceptron\n', "may not import the reference or the hidden tests"),
])
def test_generate_refuses_bad_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    ref_source: str, visible: str | None, message: str) -> None:
    folder = _tiny_assignment(tmp_path, monkeypatch, ref_source, visible)
    with pytest.raises(GenerateError) as info:
        generate_release(load_assignment(folder), tmp_path / "out")
    assert message in str(info.value)


def test_generate_refuses_a_folder_that_is_not_a_release(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(GenerateError, match="exists and is not a release folder"):
        generate_release(load_assignment(TOY), tmp_path)
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_generate_replaces_an_earlier_release(tmp_path: Path) -> None:
    generate_release(load_assignment(TOY), tmp_path)
    (tmp_path / "provided" / "stale.csv").write_text("old")
    generate_release(load_assignment(TOY), tmp_path)
    assert not (tmp_path / "provided" / "stale.csv").exists()
    data = (tmp_path / "provided" / "data.csv").read_text()
    assert data == (TOY / "provided" / "data.csv").read_text()


# ------------------------------------------------------------------------------ release


def test_release_holds_exactly_the_student_files(toy_release: Path) -> None:
    files = sorted(str(p.relative_to(toy_release)) for p in toy_release.rglob("*") if p.is_file())
    assert files == ["README.md", "assignment.toml", "provided/data.csv", "toy.ipynb", "toy.py",
                     "visible_tests.py"]
    assert (toy_release / "visible_tests.py").read_text() == (TOY / "visible_tests.py").read_text()


def test_release_assignment_toml_is_loadable_and_matches(toy_release: Path) -> None:
    original, release = load_assignment(TOY), load_assignment(toy_release)
    assert (release.title, release.module, release.due, release.uses_torch) == (
        original.title, original.module, original.due, original.uses_torch)
    assert release.limits == original.limits
    assert release.late_policy == original.late_policy
    raw = (toy_release / "assignment.toml").read_text()
    assert "hidden" not in tomllib.loads(raw).get("assignment", {})
    assert "secret_" not in raw


@pytest.mark.dates
def test_release_readme_tells_how_to_check(toy_release: Path) -> None:
    readme = (toy_release / "README.md").read_text()
    assert "grader check . toy.py" in readme and "grader check . toy.ipynb" in readme
    for name in ("scaled_sum", "clipped_norms", "count_above", "make_data"):
        assert f"`{name}`" in readme
    assert "2026-12-15 23:59 UTC" in readme


def test_cli_generate_writes_the_release(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["generate", str(TOY), "--out", str(tmp_path / "r")])
    assert result.exit_code == 0, result.output
    assert "release of 'toy' written to" in result.output
    assert (tmp_path / "r" / "toy.ipynb").is_file()


def test_cli_generate_names_an_unknown_assignment() -> None:
    result = CliRunner().invoke(main, ["generate", "no_such_assignment"])
    assert result.exit_code == 1
    assert "no assignment 'no_such_assignment'" in result.output


# ------------------------------------------------------------------------------ notebook


def test_notebook_is_valid_nbformat_v4_with_a_cell_per_function(toy_release: Path) -> None:
    nb = nbformat.read(toy_release / "toy.ipynb", as_version=4)
    nbformat.validate(nb)
    assert nb.nbformat == 4
    roles = [(c.metadata["nn_grader"]["role"], c.metadata["nn_grader"].get("function"))
             for c in nb.cells]
    solutions = [f for r, f in roles if r == "solution"]
    checks = [f for r, f in roles if r == "check"]
    assert solutions == checks == ["scaled_sum", "clipped_norms", "count_above"]
    assert ("provided", "make_data") in roles
    assert roles[0] == ("intro", None) and roles[1] == ("imports", None)
    for cell in nb.cells:
        tagged = SKIP_TAG in cell.metadata.get("tags", [])
        assert tagged == (cell.metadata["nn_grader"]["role"] in ("checks", "check", "plot"))


def _run_cells(cells: list[str], namespace: dict[str, Any]) -> None:
    for source in cells:
        exec(compile(source, "<cell>", "exec"), namespace)


def test_notebook_runs_headless_and_defines_the_stubs(toy_release: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    nb = nbformat.read(toy_release / "toy.ipynb", as_version=4)
    namespace: dict[str, Any] = {"__name__": "toy"}
    _run_cells([c.source for c in nb.cells if c.cell_type == "code"], namespace)
    assert capsys.readouterr().out == ""  # check cells are inert outside Jupyter
    assert namespace["IN_NOTEBOOK"] is False
    with pytest.raises(NotImplementedError):
        namespace["scaled_sum"](np.ones(2))


def test_graded_cells_leave_out_checks_and_plots(toy_release: Path) -> None:
    nb = nbformat.read(toy_release / "toy.ipynb", as_version=4)
    graded = graded_cells(nb)
    assert not any("check(" in cell or "IN_NOTEBOOK" in cell for cell in graded)
    assert sum("raise NotImplementedError" in cell for cell in graded) == 3


def test_intro_has_the_topic_maths() -> None:
    nb = solution_notebook(find_assignment("towers")) if "towers" in BUNDLED else None
    if nb is None:
        pytest.skip("towers assignment not bundled yet")
    intro = nb.cells[0].source
    assert intro.startswith("# ") and "$$" in intro and r"\sigma" in intro


# ------------------------------------------------------------------------- check cells


def test_tests_calling_finds_proxy_calls() -> None:
    tests = {t.name: t for t in load_tests_file(TOY / "visible_tests.py")}
    assert called_functions(tests["scaled_sum_small"].func) == {"scaled_sum"}
    assert called_functions(tests["count_above_zero"].func) == {"count_above"}


def test_check_here_runs_that_functions_visible_tests(toy_release: Path, toy_ref: ModuleType,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    lines = check_here("clipped_norms", dict(vars(toy_ref)), toy_release)
    assert [(x.test, x.passed, x.points) for x in lines] == [("clipped_norms_rows", True, 2.0)]
    assert "clipped_norms: 1 of 1 visible tests passed (2 of 2 points)" in capsys.readouterr().out
    stub = import_file(toy_release / "toy.py", "_toy_stub_check")
    lines = check_here("scaled_sum", dict(vars(stub)), toy_release, echo=False)
    assert [(x.passed, x.message) for x in lines] == [(False, "scaled_sum is not implemented yet")]


def test_check_here_names_a_wrong_value(toy_release: Path, toy_ref: ModuleType) -> None:
    namespace = dict(vars(toy_ref))
    namespace["scaled_sum"] = lambda x, scale=2.5, *, offset=1e-5: 2 * float(np.sum(x))
    [line] = check_here("scaled_sum", namespace, toy_release, echo=False)
    assert not line.passed and "scaled_sum([1, 2])" in line.message


def test_check_cell_in_jupyter_runs_the_checks(toy_release: Path, toy_ref: ModuleType,
                                               monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(toy_release)
    nb = nbformat.read(toy_release / "toy.ipynb", as_version=4)
    namespace: dict[str, Any] = {"get_ipython": lambda: None}
    cells = [c for c in nb.cells if c.cell_type == "code"]
    _run_cells([c.source for c in cells if c.metadata["nn_grader"]["role"] != "solution"]
               [:2], namespace)
    namespace["count_above"] = toy_ref.count_above
    _run_cells(['check("count_above")'], namespace)
    assert "count_above: 1 of 1 visible tests passed" in capsys.readouterr().out


# --------------------------------------------------------------- the bundled assignments


@pytest.mark.parametrize("name", BUNDLED)
def test_bundled_release_has_no_reference_code_or_hidden_tests(
        name: str, bundled_releases: dict[str, Path]) -> None:
    """Independent of find_leaks: every non-PROVIDED reference function body line and AST."""
    assignment = find_assignment(name)
    ref = read_reference(assignment.reference)
    stub = build_stub(ref, assignment)
    allowed = {" ".join(line.split()) for f in stub.functions for line in f.source.splitlines()}
    allowed |= {" ".join(line.split()) for _, s in stub.provided for line in s.splitlines()}
    bodies = []
    for node in ast.walk(ref.tree):
        if isinstance(node, ast.FunctionDef) and node.name not in ref.provided:
            body = node.body[1:] if ast.get_docstring(node) is not None else node.body
            lines = ref.source.splitlines()[body[0].lineno - 1: body[-1].end_lineno]
            bodies.append((node.name, [" ".join(x.split()) for x in lines],
                           ast.dump(ast.Module(body=body, type_ignores=[]))))
    visible = {t.name for t in load_tests_file(assignment.visible_tests_path)}
    hidden = [t.name for t in load_tests_file(assignment.hidden_tests_path)
              if t.name not in visible] if assignment.hidden_tests_path.is_file() else []
    release = bundled_releases[name]
    for path in (p for p in release.rglob("*") if p.is_file()):
        text = path.read_text(errors="replace")
        sources = [text] if path.suffix == ".py" else []
        if path.suffix == ".ipynb":
            cells = json.loads(text)["cells"]
            text = "\n".join("".join(c["source"]) for c in cells)
            sources = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
        shipped = {" ".join(x.split()) for x in text.splitlines()}
        for fname, lines, _ in bodies:
            leaked = [x for x in lines if len(x) > 20 and x in shipped and x not in allowed]
            assert not leaked, f"{path.name} holds lines of reference {fname}: {leaked}"
        dumps = {d: f for f, _, d in bodies}
        for source in sources:
            for node in ast.walk(ast.parse(source)):
                if isinstance(node, ast.FunctionDef):
                    body = node.body[1:] if ast.get_docstring(node) is not None else node.body
                    dump = ast.dump(ast.Module(body=body, type_ignores=[]))
                    assert dump not in dumps, f"{path.name}: {node.name} = {dumps[dump]}"
        for test in hidden:
            assert not re.search(rf"\b{test}\b", text), f"{path.name} names hidden test {test}"


@pytest.mark.parametrize("name", BUNDLED)
def test_bundled_stub_matches_reference_signatures(name: str,
                                                   bundled_releases: dict[str, Path]) -> None:
    assignment = find_assignment(name)
    ref = importlib.import_module(assignment.reference)
    stub = import_file(bundled_releases[name] / f"{assignment.module}.py", f"_stub_{name}")
    for fname in ref.STUDENT_API:
        assert str(inspect.signature(getattr(stub, fname))) == \
            str(inspect.signature(getattr(ref, fname)))
        assert getattr(stub, fname).__doc__ == getattr(ref, fname).__doc__
    for fname in ref.PROVIDED:
        assert inspect.getsource(getattr(stub, fname)) == inspect.getsource(getattr(ref, fname))


def test_find_leaks_detects_planted_leaks(tmp_path: Path, toy_ref: ModuleType) -> None:
    assignment = load_assignment(TOY)
    generate_release(assignment, tmp_path)
    assert find_leaks(assignment, tmp_path) == []
    body_line = "total = float(np.sum(_as_float(x))) # the hidden formula"
    renamed = textwrap.dedent(inspect.getsource(toy_ref._as_float)).replace("_as_float", "cast")
    (tmp_path / "notes.py").write_text(f"{renamed}\n# {body_line}\n")
    (tmp_path / "provided" / "readme.txt").write_text("see secret_clipped_norms_limits\n")
    leaks = find_leaks(assignment, tmp_path)
    assert "notes.py: cast() has the body of reference _as_float()" in leaks
    assert any(x.startswith("notes.py: line of reference scaled_sum()") for x in leaks)
    assert "provided/readme.txt: name of hidden test 'secret_clipped_norms_limits'" in leaks


def test_test_names_reads_decorated_tests_without_running_them() -> None:
    assert declared_test_names(TOY / "hidden_tests.py") == [
        "secret_scaled_sum_random_shapes", "secret_clipped_norms_limits"]


# -------------------------------------------------------------------- solution notebook


def _notebook_module(nb: nbformat.NotebookNode, name: str) -> ModuleType:
    module = ModuleType(name)
    module.__dict__["__name__"] = name
    _run_cells(graded_cells(nb), module.__dict__)
    return module


@pytest.mark.parametrize("name", BUNDLED)
def test_solution_notebook_scores_like_the_reference_in_process(name: str) -> None:
    if not find_assignment(name).hidden_tests_path.is_file():
        pytest.skip(f"{name}: hidden tests not written yet")
    from tests.assignments.harness import run_in_process

    nb = solution_notebook(find_assignment(name))
    nbformat.validate(nb)
    module = _notebook_module(nb, f"_solution_nb_{name}")
    ref = importlib.import_module(find_assignment(name).reference)
    assert all(callable(getattr(module, f)) for f in ref.STUDENT_API)
    lost = [(o.name, o.message) for o in run_in_process(name, module) if o.points < o.max_points]
    assert lost == []


@pytest.mark.parametrize("name", [n for n in ("perceptron", "towers") if n in BUNDLED])
def test_plot_cell_draws_in_jupyter_headless(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    nb = solution_notebook(find_assignment(name))
    [plot] = [c.source for c in nb.cells if c.metadata["nn_grader"]["role"] == "plot"]
    namespace = {"get_ipython": lambda: None}
    _run_cells(graded_cells(nb), namespace)
    namespace["IN_NOTEBOOK"] = True
    monkeypatch.setattr(plt, "show", lambda: None)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        _run_cells([plot], namespace)
    fig = plt.gcf()
    assert fig.axes and fig.axes[0].lines, "the plot cell drew no line"
    plt.close("all")


# ------------------------------------------------------------- grader check on a release


def _check(release: Path, file: Path) -> tuple[int, str]:
    pytest.importorskip("grader.cli.check")
    result = CliRunner().invoke(main, ["check", str(release), str(file)])
    return result.exit_code, result.output


def test_grader_check_runs_the_release_visible_tests_on_the_stub(toy_release: Path) -> None:
    code, output = _check(toy_release, toy_release / "toy.py")
    assert code == 1, output
    assert "0 of 3 visible tests passed" in output and "secret_" not in output


def test_grader_check_passes_the_reference_copied_into_a_release(toy_release: Path,
                                                                 tmp_path: Path) -> None:
    solution = tmp_path / "toy.py"
    solution.write_text((FIXTURE / "toyref.py").read_text())
    code, output = _check(toy_release, solution)
    assert code == 0, output
    assert "3 of 3 visible tests passed" in output


@pytest.mark.parametrize("name", BUNDLED)
def test_grader_check_on_bundled_release_stub_and_solution_notebook(
        name: str, bundled_releases: dict[str, Path], tmp_path: Path) -> None:
    release = bundled_releases[name]
    module = find_assignment(name).module
    code, output = _check(release, release / f"{module}.py")
    assert code == 1 and " 0 of " in output, output
    notebook = tmp_path / f"{module}.ipynb"
    notebook.write_text(nbformat.writes(solution_notebook(find_assignment(name)), version=4))
    code, output = _check(release, notebook)
    assert code == 0, output


def test_release_carries_the_visible_tests_reference_times(toy_release: Path) -> None:
    """`grader check` gets the CPU limits grading applies (grader.run.calibrate), not just the
    wall-clock ones."""
    release = load_assignment(toy_release)
    measured = dict(release.reference_seconds)
    assert sorted(measured) == ["clipped_norms_rows", "count_above_zero", "scaled_sum_small"]
    assert all(seconds == 0 for seconds in measured.values())  # all far below the floor
    assert load_assignment(TOY).reference_seconds == ()  # measured per batch instead


def test_regenerating_a_release_gives_the_same_files(toy_release: Path, tmp_path: Path) -> None:
    generate_release(load_assignment(TOY), tmp_path / "again")
    for path in sorted(toy_release.rglob("*")):
        if path.is_file():
            again = tmp_path / "again" / path.relative_to(toy_release)
            assert again.read_bytes() == path.read_bytes(), path.name


def test_grader_check_stops_an_endless_loop_by_cpu_like_grading(toy_release: Path,
                                                                tmp_path: Path) -> None:
    looping = (FIXTURE / "toyref.py").read_text().replace(
        "def count_above(", "def count_above(*a, **k):\n    while True:\n        pass\n\n\n"
                            "def _count_above(")
    solution = tmp_path / "toy.py"
    solution.write_text(looping)
    code, output = _check(toy_release, solution)
    assert code == 1, output
    assert "2 of 3 visible tests passed" in output
    assert "count_above() used more than 0.75 s of CPU time without finishing" in output


def test_check_here_waits_for_functions_defined_further_down(
        bundled_releases: dict[str, Path]) -> None:
    """A check cell runs before the notebook defines the later functions: a visible test that
    also calls one of them waits (named, not failed) instead of failing."""
    reference = importlib.import_module(find_assignment("boolean_networks").reference)
    first = {"threshold_forward": reference.threshold_forward}
    lines = check_here("threshold_forward", first, bundled_releases["boolean_networks"],
                       echo=False)
    waiting = [line for line in lines if line.waiting]
    assert waiting and all(not line.passed for line in waiting)
    assert all(line.passed for line in lines if not line.waiting)
    assert any("also needs shallow_network, not defined yet" in line.message for line in waiting)
    everything = {k: v for k, v in vars(reference).items() if callable(v)}
    later = check_here("threshold_forward", everything, bundled_releases["boolean_networks"],
                       echo=False)
    assert len(later) == len(lines) and all(line.passed for line in later)
