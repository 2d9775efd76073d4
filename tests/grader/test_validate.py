"""`grader validate`: each authoring mistake is reported with file:line and the fix; the
scaffold and the six bundled assignments pass."""

from __future__ import annotations

import textwrap
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from grader.authoring import named
from grader.authoring.findings import Report
from grader.authoring.mutate import MUTANTS, mutant
from grader.authoring.scaffold import new_assignment
from grader.authoring.validate import validate
from grader.cli.main import main
from grader.config import ConfigError, find_assignment, load_assignment
from grader.run.reference import (
    MarkerError,
    find_regions,
    import_reference,
    load_solution_module,
    strip_markers,
)
from grader.testing import load_assignment_tests

BUNDLED = ["mp_neuron", "perceptron", "boolean_networks", "towers", "gradient_descent",
           "backprop"]


def _line(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return new_assignment("relu_layer", tmp_path)


# ----------------------------------------------------------------------------- markers


def test_strip_markers_keeps_indentation_and_drops_hidden_tests() -> None:
    source = ("def f(x):\n    '''doc'''\n    y = 1  # prompt\n    ### BEGIN SOLUTION\n"
              "    return x + y\n    ### END SOLUTION\n\n### BEGIN HIDDEN TESTS\n"
              "assert f(1) == 2\n### END HIDDEN TESTS\n")
    assert strip_markers(source) == ("def f(x):\n    '''doc'''\n    y = 1  # prompt\n"
                                     "    # YOUR CODE HERE\n    raise NotImplementedError()\n")


@pytest.mark.parametrize(("source", "message"), [
    ("x = 1\n### BEGIN SOLUTION\ny = 2\n",
     "f.py:2: ### BEGIN SOLUTION is never closed; add ### END SOLUTION after the region"),
    ("x = 1\n### END SOLUTION\n",
     "f.py:2: ### END SOLUTION without a ### BEGIN SOLUTION above it; add the BEGIN line or "
     "delete this one"),
    ("### BEGIN SOLUTION\n### BEGIN HIDDEN TESTS\n",
     "f.py:2: ### BEGIN HIDDEN TESTS inside the SOLUTION region opened at f.py:1; close that "
     "one first with ### END SOLUTION"),
    ("### BEGIN HIDDEN TESTS\nx = 1\n### END SOLUTION\n",
     "f.py:3: ### END SOLUTION closes the HIDDEN TESTS region opened at f.py:1; write "
     "### END HIDDEN TESTS"),
])
def test_marker_errors_name_file_line_and_fix(source: str, message: str) -> None:
    with pytest.raises(MarkerError) as info:
        find_regions(source, "f.py")
    assert str(info.value) == message


def test_marker_regions_in_a_notebook_are_per_cell() -> None:
    code = "a = 1\n### BEGIN SOLUTION\n\n\nb = 2\n### END SOLUTION\n"
    with pytest.raises(MarkerError, match=r"nb.ipynb: cell 1, line 2: the SOLUTION region is "
                                          r"not closed in its cell"):
        find_regions(code, "nb.ipynb", cells=(1, 5))


def test_solution_module_reloads_when_the_file_changes(folder: Path) -> None:
    path = folder / "solution.py"
    first = load_solution_module(path)
    assert load_solution_module(path) is first
    _edit(path, "return np.maximum(x, 0.0)", "return np.maximum(x, 1.0)")
    assert load_solution_module(path).relu_forward(np.array([0.0]))[0] == 1.0


def test_config_reference_must_stay_in_the_folder(folder: Path) -> None:
    _edit(folder / "assignment.toml", 'reference = "solution.py"', 'reference = "../x.py"')
    with pytest.raises(ConfigError, match=r"assignment.reference '../x.py' must name a file "
                                          "inside the assignment folder"):
        load_assignment(folder)


# ----------------------------------------------------------------------------- mutants


def test_mutants_change_results_but_not_the_solution() -> None:
    def f(x: np.ndarray) -> tuple[np.ndarray, float]:
        if x.size == 0:
            raise ValueError("empty")
        return x * 2, 3.0

    x = np.array([1.0, -2.0])
    zeros, negated, none = (mutant(f, k)(x) for k in MUTANTS[:3])
    assert [z.tolist() if isinstance(z, np.ndarray) else z for z in zeros] == [[0.0, 0.0], 0.0]
    assert negated[0].tolist() == [-2.0, 4.0] and negated[1] == -3.0
    assert none is None
    assert mutant(f, "swallows errors")(np.array([])) is None
    y = x.copy()
    assert mutant(f, "modifies its arguments in place")(y)[0].tolist() == [2.0, -4.0]
    assert y.tolist() == [2.0, -1.0]
    assert x.tolist() == [1.0, -2.0]


# ----------------------------------------------------------------------------- the report


HIDDEN_EXTRA = '''

@test_case(points=1, visibility="hidden")
def {name}(student, ref, rng):
{body}
'''


def _add_hidden(folder: Path, name: str, body: str) -> int:
    path = folder / "hidden_tests.py"
    text = path.read_text() + HIDDEN_EXTRA.format(name=name, body=body)
    path.write_text(text)
    return _line(path, f"def {name}(") - 1  # the decorator's line


def test_unclosed_marker(folder: Path) -> None:
    path = folder / "solution.py"
    _edit(path, "    return dout * (x > 0)\n    ### END SOLUTION\n", "    return dout * (x > 0)\n")
    lines = path.read_text().splitlines()
    begin = _line(path, "return dout * (x > 0)") - 1
    hidden = max(i for i, line in enumerate(lines, 1) if line == "### BEGIN HIDDEN TESTS")
    report = validate(load_assignment(folder))
    assert [str(p) for p in report.problems] == [
        f"error: {path.resolve()}:{hidden}: ### BEGIN HIDDEN TESTS inside the SOLUTION region "
        f"opened at {path.resolve()}:{begin}; close that one first with ### END SOLUTION"]
    assert not report.ok


def test_test_without_points(folder: Path) -> None:
    path = folder / "hidden_tests.py"
    _edit(path, "@test_case(points=1, visibility=\"hidden\")", "@test_case(visibility=\"hidden\")")
    line = _line(path, "def relu_forward_random_shapes") - 1
    report = validate(load_assignment(folder), sandbox=False)
    assert str(report.problems[0]) == (
        f"error: {path}:{line}: test relu_forward_random_shapes has no points; write "
        "@test_case(points=N, ...) (without it the test silently counts 1)")


def test_unknown_function_name(folder: Path) -> None:
    path = folder / "hidden_tests.py"
    _edit(path, "checks.close(student.relu_forward(x)", "checks.close(student.relu_froward(x)")
    line = _line(path, "student.relu_froward")
    report = validate(load_assignment(folder), sandbox=False)
    assert str(report.problems[0]) == (
        f"error: {path}:{line}: test relu_forward_random_shapes calls student.relu_froward, "
        "but the solution defines no graded function 'relu_froward'; did you mean relu_forward?")
    assert not report.ok


def test_test_that_passes_on_the_stub_and_cannot_fail(folder: Path) -> None:
    line = _add_hidden(folder, "relu_exists", '    assert "relu_forward" in student')
    report = validate(load_assignment(folder), sandbox=False)
    where = f"{folder / 'hidden_tests.py'}:{line}"
    assert [str(p) for p in report.problems] == [
        f"error: {where}: test relu_exists passes on the stub (the release as shipped, every "
        "graded function raising NotImplementedError); make it call and check the student's "
        "functions",
        f"error: {where}: test relu_exists cannot fail: it passed on every mutant ("
        + ", ".join(MUTANTS) + " of each graded function); make it compare the student's "
        "results with expected values",
        f"error: {where}: test relu_exists gives points to garbage (1 of 1 when every graded "
        "function returns None; 1 of 1 when every graded function returns 0; 1 of 1 when every "
        "graded function returns zeros of the right shape; 1 of 1 when every graded function "
        "returns its first argument; 1 of 1 when every graded function returns a constant "
        "array of the right shape); compare the function's values, or gate the test on its "
        "value tests with @test_case(..., requires=(...))"]


PROPERTY = """    x = rng.normal(size=5)
    call = student.call("relu_forward", x.copy())
    checks.unchanged(x, call.args[0], name="x")"""


def test_a_property_test_that_pays_garbage_is_flagged_until_it_is_gated(folder: Path) -> None:
    line = _add_hidden(folder, "relu_leaves_x_alone", PROPERTY)
    report = validate(load_assignment(folder), sandbox=False)
    assert [p.where for p in report.problems] == [f"{folder / 'hidden_tests.py'}:{line}"]
    assert "test relu_leaves_x_alone gives points to garbage (1 of 1 when every graded " \
        "function returns None;" in report.problems[0].message
    _edit(folder / "hidden_tests.py", '@test_case(points=1, visibility="hidden")\n'
          "def relu_leaves_x_alone", '@test_case(points=1, visibility="hidden", '
          'requires="relu_forward_random_shapes")\ndef relu_leaves_x_alone')
    report = validate(load_assignment(folder), sandbox=False)
    assert report.problems == [] and any(p.startswith("garbage: 0 points") for p in report.passed)


def test_a_tolerance_stricter_than_rounding_is_flagged(folder: Path) -> None:
    line = _add_hidden(folder, "relu_to_the_last_bit", (
        "    x = rng.normal(size=5)\n"
        "    checks.close(student.relu_forward(x), ref.relu_forward(x), rtol=1e-15, atol=0)"))
    report = validate(load_assignment(folder), sandbox=False)
    assert [p.where for p in report.problems] == [f"{folder / 'hidden_tests.py'}:{line}"]
    assert report.problems[0].message.startswith(
        "test relu_to_the_last_bit fails a numerically equivalent formulation of the solution "
        "(every float result moved by 1e-12 relative and 1e-15 of its scale absolute): ")


def test_nondeterministic_test(folder: Path) -> None:
    line = _add_hidden(folder, "relu_stateful", (
        "    runs.append(1)  # state shared between runs\n"
        "    checks.close(student.relu_forward(np.ones(2)), np.ones(2))\n"
        "    if len(runs) == 2:\n"
        "        return 0.5"))
    _edit(folder / "hidden_tests.py", "from grader.testing import test_case\n",
          "from grader.testing import test_case\n\nruns = []\n")
    report = validate(load_assignment(folder), sandbox=False)
    assert str(report.problems[0]) == (
        f"error: {folder / 'hidden_tests.py'}:{line + 2}: test relu_stateful is not "
        "deterministic: two runs on the solution gave 1 (passed) and 0.5 (partial credit: 50% "
        "of this test's points); draw random data from the `rng` parameter")


def test_solution_that_fails_a_test(folder: Path) -> None:
    _edit(folder / "solution.py", "return np.maximum(x, 0.0)", "return np.abs(x)")
    report = validate(load_assignment(folder), sandbox=False)
    line = _line(folder / "visible_tests.py", "def relu_forward_on_the_sample_inputs") - 1
    first = str(report.problems[0])
    assert first.startswith(f"error: {folder / 'visible_tests.py'}:{line}: the solution fails "
                            "test relu_forward_on_the_sample_inputs: relu_forward(x)")
    assert first.endswith("; fix the test or the solution")


def test_a_docstring_that_quotes_a_solution_line_is_pointed_at(folder: Path) -> None:
    path = folder / "solution.py"
    _edit(path, "    x: array of any shape.", "    Hint: return np.maximum(x, 0.0)\n    x: array")
    report = validate(load_assignment(folder), sandbox=False)
    hint = _line(path, "    Hint: return np.maximum(x, 0.0)")
    line = _line(path, "    return np.maximum(x, 0.0)")
    assert [str(p) for p in report.problems] == [
        f"error: {path.resolve()}:{hint}: the docstring of relu_forward() repeats the marked line "
        f"at {path.resolve()}:{line} ('return np.maximum(x, 0.0)'), so the release leaks it "
        "(relu_layer.ipynb, relu_layer.py); rephrase the docstring"]


def test_code_outside_the_region_that_repeats_a_solution_line_is_pointed_at(
        folder: Path) -> None:
    path = folder / "solution.py"
    text = path.read_text()
    path.write_text(text + "\n\ndef helper(x):\n    return np.maximum(x, 0.0) + 0\n")
    report = validate(load_assignment(folder), sandbox=False)
    copy = len(path.read_text().splitlines())
    line = _line(path, "    return np.maximum(x, 0.0)")
    assert f"error: {path.resolve()}:{copy}: this line repeats the marked line at " \
           f"{path.resolve()}:{line} ('return np.maximum(x, 0.0)'), so the release leaks it " \
           "(relu_layer.ipynb, relu_layer.py); rephrase this line or move it inside the " \
           "marked region" in [str(p) for p in report.problems]


def test_the_scaffolds_sample_data_in_an_unrelated_assignment_gets_a_warning(
        folder: Path) -> None:
    visible = folder / "visible_tests.py"
    text = visible.read_text()
    start = text.index("DATA = ")
    visible.write_text(text[:start] + textwrap.dedent("""
        @test_case(points=1, visibility="visible")
        def relu_forward_of_a_small_array(student):
            x = np.array([-1.0, 2.0])
            np.testing.assert_allclose(student.relu_forward(x), [0.0, 2.0])
    """))
    report = validate(load_assignment(folder), sandbox=False)
    data = folder / "provided" / "sample_inputs.csv"
    assert [str(p) for p in report.problems] == [
        f"warning: {data}: ships with every release of relu_layer (the sample data `grader "
        "new` wrote), but no test and not the solution names it; delete it, or use it in a "
        "test"]
    data.unlink()
    assert validate(load_assignment(folder), sandbox=False).problems == []


def test_limits_without_margin(folder: Path) -> None:
    _edit(folder / "assignment.toml", "memory_mb = 1024", "memory_mb = 20")
    report = validate(load_assignment(folder))
    toml = str(folder / "assignment.toml")
    assert [p.where for p in report.problems] == [toml]
    assert report.problems[0].message.startswith("the solution")
    assert not report.ok


def test_cli_validate_exit_codes(folder: Path) -> None:
    runner = CliRunner()
    good = runner.invoke(main, ["validate", str(folder), "--no-sandbox"])
    assert good.exit_code == 0, good.output
    assert good.output.splitlines()[-1] == "OK: 0 error(s), 0 warning(s)"
    _add_hidden(folder, "relu_exists", '    assert "relu_forward" in student')
    bad = runner.invoke(main, ["validate", str(folder), "--no-sandbox"])
    assert bad.exit_code == 1
    assert bad.output.splitlines()[-1] == "FAILED: 3 error(s), 0 warning(s)"
    missing = runner.invoke(main, ["validate", str(folder / "nope")])
    assert missing.exit_code == 1 and "no assignment" in missing.output


@pytest.mark.parametrize("name", BUNDLED)
def test_bundled_assignments_validate(name: str) -> None:
    assignment = find_assignment(name)
    report = validate(assignment)
    assert report.problems == []
    pictures = (assignment.folder / "plots.py").is_file()
    assert len(report.passed) == 9 + pictures
    assert any(p.startswith("pictures: the ") for p in report.passed) == pictures
    assert report.passed[5].startswith("mistakes: ") and " named (100%; threshold 100%)" in \
        report.passed[5]
    assert report.passed[3].startswith("garbage: 0 points for each of 5 kinds")
    assert report.passed[4] == "rounding: full marks with every float result moved by rounding"
    limits = next(line for line in report.passed if line.startswith("time limits per call: "))
    assert " tests 0.5 s of CPU (the reference's longest call: " in limits  # all at the floor
    assert "wall-clock only" not in limits


def test_instructor_notebook_as_the_solution(folder: Path) -> None:
    import nbformat

    code = (folder / "solution.py").read_text()
    header, _, rest = code.partition("def relu_forward")
    forward, _, backward = ("def relu_forward" + rest).partition("def relu_backward")
    backward = "def relu_backward" + backward.split("\n### BEGIN HIDDEN TESTS")[0]
    v4 = nbformat.v4
    notebook = v4.new_notebook(cells=[
        v4.new_markdown_cell("# ReLU layer"), v4.new_code_cell(header.strip()),
        v4.new_code_cell(forward.strip()), v4.new_code_cell(backward.strip()),
        v4.new_code_cell("### BEGIN HIDDEN TESTS\nassert relu_forward(np.array([-1.0]))[0] == 0\n"
                         "### END HIDDEN TESTS"),
        v4.new_code_cell("print('plots for the instructor')",
                         metadata={"tags": ["nn-grader:skip"]})])
    nbformat.write(notebook, str(folder / "solution.ipynb"))
    (folder / "solution.py").unlink()
    _edit(folder / "assignment.toml", 'reference = "solution.py"', 'reference = "solution.ipynb"')
    report = validate(load_assignment(folder))
    assert report.problems == [] and report.ok
    assert report.passed[0] == "solution: 4 of 4 points, twice, identically"


def test_stub_that_cannot_load_is_a_warning(folder: Path) -> None:
    path = folder / "solution.py"
    _edit(path, "import numpy as np\n", "import numpy as np\n\n### BEGIN SOLUTION\nSCALE = 1.0\n"
          "### END SOLUTION\n")
    report = validate(load_assignment(folder), sandbox=False)
    assert [(p.severity, p.where) for p in report.problems] == [("warning", str(path.resolve()))]
    assert report.problems[0].message.startswith(
        "the stub raises when loaded (NotImplementedError: ), so a student who leaves any part "
        "blank scores 0 on everything")
    assert report.ok


def test_graded_function_without_a_test(folder: Path) -> None:
    with (folder / "solution.py").open("a") as handle:
        handle.write('\n\ndef leaky(x):\n    """max(0.01 x, x)."""\n    ### BEGIN SOLUTION\n'
                     "    return np.maximum(0.01 * x, x)\n    ### END SOLUTION\n")
    report = validate(load_assignment(folder), sandbox=False)
    assert [str(p) for p in report.problems] == [
        f"error: {folder}: no test loses points when leaky returns zeros, its negation or None: "
        "write a test that checks its result"]


# ----------------------------------------------------------------------------- the catalogue

MISTAKES = {
    "leaky": ('"""a leaky slope 0.01 was used for negative inputs"""\nimport numpy as np\n\n\n'
              "def relu_forward(x):\n    return np.where(x > 0, x, 0.01 * x)\n\n\n"
              'FIX = "return np.maximum(x, 0.0)"\n'),
    "local_only": ('"""dx ignores dout (only the local derivative)"""\n\n\n'
                   "def relu_backward(dout, x):\n    return (x > 0) * 1.0\n"),
    "kink_at_zero": ('"""the derivative at 0 was taken as 1"""\n\n\n'
                     "def relu_backward(dout, x):\n    return dout * (x >= 0)\n"),
    # unseeded noise that is below 0 wherever ReLU gives 0, so every answer has a negative entry
    "noisy": ('"""noise was added"""\nimport numpy as np\n\n\n'
              "def relu_forward(x):\n"
              "    noise = np.random.default_rng().normal(size=x.shape)\n"
              "    return np.maximum(x, 0.0) - 0.1 - np.abs(noise)\n"),
}


def _catalogue(folder: Path) -> None:
    (folder / "mistakes").mkdir()
    for key, source in MISTAKES.items():
        (folder / "mistakes" / f"{key}.py").write_text(source)


def test_validate_prints_each_mistake_its_tests_and_whether_it_is_named(folder: Path) -> None:
    _catalogue(folder)
    report = validate(load_assignment(folder), sandbox=False)
    lines = {line.split(" (")[0]: line for line in report.details}
    assert lines["✓ leaky"] == (
        "✓ leaky (relu_forward): 'a leaky slope 0.01 was used for negative inputs': fails "
        "relu_forward_on_the_sample_inputs, relu_forward_random_shapes (−2 points); named in "
        "2 of 2 (alone)")
    assert lines["✓ local_only"].endswith(
        "fails relu_backward_gradient_check (−2 points); named in 1 of 1 (alone)")
    assert lines["✗ kink_at_zero"] == ("✗ kink_at_zero (relu_backward): 'the derivative at 0 "
                                       "was taken as 1': no test fails (uncaught)")
    assert lines["✗ noisy"].endswith("; NOT named")
    errors = [str(p) for p in report.problems]
    assert any("kink_at_zero.py: no test fails on mistake 'kink_at_zero'" in e and
               "write a test of relu_backward whose inputs show it" in e for e in errors)
    below = [e for e in errors if "below the threshold" in e]
    assert len(below) == 1 and "mistakes: 2 of 4 in " in below[0]
    assert "named (50%; threshold 100%): below the threshold; unnamed: noisy." in below[0]
    # a lower threshold: the share passes; the uncaught mistake is still an error
    report = validate(load_assignment(folder), sandbox=False, min_named=0.5)
    assert [p for p in report.problems if "below the threshold" in p.message] == []
    assert any(line.startswith("mistakes: 2 of 4 in ") for line in report.passed)
    assert not report.ok


def test_cli_validate_min_named_and_the_mistake_listing(folder: Path) -> None:
    _catalogue(folder)
    (folder / "mistakes" / "kink_at_zero.py").unlink()
    runner = CliRunner()
    strict = runner.invoke(main, ["validate", str(folder), "--no-sandbox"])
    assert strict.exit_code == 1, strict.output
    assert "  mistake by mistake (tests it fails; is it named?):" in strict.output
    assert "    ✗ noisy (relu_forward): 'noise was added': fails " in strict.output
    lenient = runner.invoke(main, ["validate", str(folder), "--no-sandbox", "--min-named", "60"])
    assert lenient.exit_code == 0, lenient.output
    assert "named (67%; threshold 60%)" in lenient.output


def test_a_failing_test_that_names_another_mistake_is_a_wrong_name(folder: Path) -> None:
    _catalogue(folder)
    for key in ("kink_at_zero", "leaky", "local_only", "noisy"):
        (folder / "mistakes" / f"{key}.py").unlink()
    # flips the sign the first time it sees an input: the check calls that "the sign is
    # flipped", and the catalogue's replay (the same input, seen again) cannot reproduce it
    (folder / "mistakes" / "first_call.py").write_text(
        '"""the first call is special"""\nimport numpy as np\n\n_SEEN = set()\n\n\n'
        "def relu_forward(x):\n    first = x.tobytes() not in _SEEN\n    _SEEN.add(x.tobytes())\n"
        "    return -np.maximum(x, 0.0) if first else 3 * np.maximum(x, 0.0)\n")
    # the catalogue check alone: validate's stub run would show the mistake the inputs first
    assignment = load_assignment(folder)
    report = Report(assignment.name)
    named.check(assignment, load_assignment_tests(folder), import_reference(assignment), report,
                min_named=0)
    wrong = [str(p) for p in report.problems if "(a wrong name)" in p.message]
    assert len(wrong) == 2, report.problems
    assert wrong[0].startswith("error: ")
    assert wrong[0].endswith("first_call.py: test relu_forward_on_the_sample_inputs names 'the "
                             "sign is flipped' for mistake 'first_call' (a wrong name); make "
                             "the two mistakes differ on the test's inputs or narrow the "
                             "check's mistakes= entry")


def test_a_predicates_possibility_for_another_mistake_is_a_warning(folder: Path) -> None:
    _catalogue(folder)
    for key in ("kink_at_zero", "leaky", "local_only"):
        (folder / "mistakes" / f"{key}.py").unlink()
    # the test's own mistakes= map calls every answer with a negative entry "the identity":
    # noise is not the identity, and the catalogue's replay cannot reproduce noise
    _edit(folder / "visible_tests.py", "mistakes={", 'mistakes={"the identity": '
          "lambda got: bool(np.any(np.asarray(got) < 0)),")
    report = validate(load_assignment(folder), sandbox=False, min_named=0)
    said = [p for p in report.problems if "suggests 'possibly the identity'" in p.message]
    assert len(said) == 1 and said[0].severity == "warning", report.problems
    assert report.ok


# ----------------------------------------------------------------------------- pictures


def _with_plots(tmp_path: Path, body: str) -> Path:
    """A copy of towers (it has a plots.py) whose plots.py is `body`."""
    import shutil

    folder = tmp_path / "towers"
    shutil.copytree(find_assignment("towers").folder, folder)
    (folder / "plots.py").write_text(textwrap.dedent(body), encoding="utf-8")
    return folder


def test_a_plots_py_that_does_not_import_is_named_with_its_line(tmp_path: Path) -> None:
    folder = _with_plots(tmp_path, """\
        import numpy as np

        from grader.run.figures import figure

        X = np.linspace(0, 1, 5)
        Y = np.sine(X)
        """)
    result = CliRunner().invoke(main, ["validate", str(folder), "--no-sandbox"])
    assert result.exit_code == 1
    path = folder / "plots.py"
    assert f"{path}:6: plots.py does not import (AttributeError: " in result.output
    assert "fix it, or delete it to draw no pictures" in result.output


def test_each_broken_figure_is_named_with_its_line_and_fix(tmp_path: Path) -> None:
    from grader.authoring import pictures

    folder = _with_plots(tmp_path, """\
        import numpy as np

        from grader.run.figures import figure

        X = np.linspace(0.0, 1.0, 5)


        @figure("curve", "raises")
        def raises(impl, ref):
            return {"x": X, "y": impl.sigmoid(X) / undefined_name}


        @figure("curve", "calls no graded function")
        def reference_only(impl, ref):
            return {"x": X, "y": ref.sigmoid(X)}


        @figure("curve", "misses a key")
        def no_x(impl, ref):
            return {"y": impl.sigmoid(X)}


        @figure("curve", "unseeded")
        def unseeded(impl, ref):
            z = np.random.default_rng().normal(size=5)
            return {"x": X, "y": impl.sigmoid(z)}


        @figure("curve", "fine")
        def fine(impl, ref):
            return {"x": X, "y": impl.sigmoid(X)}
        """)
    assignment = load_assignment(folder)
    report = Report(assignment.name)
    solution = import_reference(assignment)
    pictures.check(assignment, tuple(solution.STUDENT_API), solution, report)
    path = folder / "plots.py"
    said = {p.where: p.message for p in report.problems}
    assert said[f"{path}:8"].startswith("figure raises: raises on the solution (NameError")
    assert said[f"{path}:13"].startswith("figure reference_only: calls no graded function")
    assert said[f"{path}:18"].startswith("figure no_x: its values do not make a 'curve' "
                                         "picture: return a dict with x, y")
    assert said[f"{path}:23"].startswith("figure unseeded: the solution draws differently")
    assert len(said) == 4 and report.passed == []
