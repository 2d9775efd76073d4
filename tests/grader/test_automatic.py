"""Automatic mistakes: the single-point changes of the reference (issue 16's second tier,
grader.run.automatic). The changes themselves on the references, and naming through `grader
grade`'s path (grader.batch.driver.run_batch: sandbox, proxy, the reference replay) on
single-mistake submissions of tests/fixtures/automatic/<assignment>/ that no catalogue mistake
reproduces."""

from __future__ import annotations

import ast
import difflib
import sys
import time
import types
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from grader.authoring.demo import overlay_source
from grader.authoring.source import read_reference
from grader.batch.driver import run_batch
from grader.checks.mistakes import NEGATED_FEW_ONES
from grader.config import ConfigError, find_assignment, load_assignment
from grader.models import RunResult
from grader.run import automatic
from grader.run.catalogue import Mistake
from grader.run.diagnose import Recorded, diagnose
from grader.run.reference import import_reference
from tests.grader.overlays import graded_fixture

FIXTURES = Path(__file__).parents[1] / "fixtures" / "automatic"
ASSIGNMENTS = ("mp_neuron", "perceptron", "boolean_networks", "towers", "gradient_descent",
               "backprop")

graded = graded_fixture(FIXTURES, "automatic")


def _mutants(name: str) -> tuple[automatic.Mistake, ...]:
    reference = import_reference(find_assignment(name))
    return automatic.mutants(reference, tuple(reference.STUDENT_API))


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_every_change_is_one_compiled_function_with_a_name_and_a_fix(name):
    found = _mutants(name)
    assert len(found) > 20
    assert len({m.key for m in found}) == len(found)
    for mistake in found:
        assert automatic.automatic(mistake)
        assert len(mistake.overrides) == 1 and callable(next(iter(mistake.overrides.values())))
        assert " computed as " in mistake.name or " is left out" in mistake.name or (
            mistake.name.startswith("`return ") and "`: returns " in mistake.name
            and " is meant" in mistake.name), mistake.name  # a variable returned for another
        assert automatic.says_change(mistake.name), mistake.name
        assert mistake.fix.startswith("it should be `"), mistake.fix
        assert "\n" not in mistake.name and mistake.functions


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_no_automatic_mistake_is_the_reference_itself(name):
    reference = import_reference(find_assignment(name))
    tree = ast.parse(Path(reference.__file__).read_text(encoding="utf-8"))
    plain = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
    for mistake in _mutants(name):
        (function, changed), = mistake.overrides.items()
        own = getattr(reference, function).__code__
        assert _code(changed.__wrapped__.__code__) != _code(own), \
            (mistake.key, mistake.name, ast.unparse(plain[function])[:80])


def _code(code: types.CodeType) -> tuple[object, ...]:
    """What a function computes, from its code (not where it was compiled)."""
    return (code.co_code, code.co_names, code.co_varnames, tuple(
        _code(c) if isinstance(c, types.CodeType) else c for c in code.co_consts))


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_each_change_is_made_alone_and_undone(name):
    """Changes are made in place in the parsed definition and undone after each is compiled:
    every changed function differs from the reference's at its change only, and the definition
    is the reference's again once all are made."""
    reference = import_reference(find_assignment(name))
    tree = ast.parse(Path(reference.__file__).read_text(encoding="utf-8"))
    for definition in (n for n in tree.body if isinstance(n, ast.FunctionDef)):
        before = ast.dump(definition)
        sources = [ast.unparse(changed) for _, _, changed in automatic._changes(definition)]
        assert ast.dump(definition) == before
        plain = ast.unparse(definition)
        for source in (s for s in sources if s != plain):  # `(x, x)` swapped: dropped by
            # automatic._mutants; the others make one change (at most at 4 places of one
            # shape), not the earlier changes too
            gone = [line for line in difflib.ndiff(plain.splitlines(), source.splitlines())
                    if line.startswith("- ")]
            assert 1 <= len(gone) <= 4, source


def test_input_checks_and_docstrings_are_never_changed():
    found = _mutants("perceptron")
    assert not any("raise" in m.name or "ValueError" in m.name or '"""' in m.name
                   for m in found)
    # the label check's condition is never changed: every changed train_perceptron that gets
    # as far as the check still refuses labels that are not ±1
    assert not any("y == 1" in m.name or "norm == 0" in m.name for m in found)
    X, w = np.eye(2), np.zeros(2)
    for mistake in (m for m in found if "train_perceptron" in m.overrides):
        with pytest.raises((ValueError, NameError)):  # NameError: `n, d = X.shape` left out
            mistake.overrides["train_perceptron"](X, np.array([0, 1]), w, 3)


def test_a_change_is_quoted_in_an_expression_that_says_something():
    names = {m.name for m in _mutants("towers")}
    assert "`sigmoid(w * (x - a))` computed as `sigmoid(w * x - a)`" in names
    assert "`np.linspace(lo, hi, k + 1)` computed as `np.linspace(lo, hi, k - 1)`" in names
    for name in names:
        quoted = name.split("`")[1]
        assert len(quoted) >= automatic.SHORTEST or name.startswith("the step"), name


def test_a_helper_changed_names_the_helper_and_counts_for_the_functions_that_call_it():
    found = [m for m in _mutants("backprop") if "_cross_entropy" in m.overrides]
    assert found
    for mistake in found:
        assert mistake.name.endswith(" (in _cross_entropy)"), mistake.name
        assert {"softmax_loss", "mlp_loss_and_grads"} <= set(mistake.functions)
        assert "_cross_entropy" not in mistake.functions


def test_changes_of_one_function_are_replayed_only_for_tests_that_reach_it():
    reference = import_reference(find_assignment("towers"))
    api = tuple(reference.STUDENT_API)
    for_sigmoid = automatic.for_functions(reference, api, {"sigmoid"})
    assert for_sigmoid and all("sigmoid" in m.overrides for m in for_sigmoid)
    # tower_1d calls sigmoid: a test of tower_1d replays both functions' changes
    changed = {next(iter(m.overrides)) for m in automatic.for_functions(reference, api,
                                                                         {"tower_1d"})}
    assert changed == {"sigmoid", "tower_1d"}


def _names(result: RunResult) -> list[str]:
    return [t.mistake or "" for t in result.tests if t.status == "failed"]


def test_a_while_loop_is_never_changed():
    # n_layers counts W1, W2, ... with a while loop: a change of its step or condition could
    # loop forever in the grading process
    changed = [m.name for m in _mutants("backprop") if "n_layers" in m.overrides]
    assert changed and not any("L += 1" in n or "W{L + 1}" in n for n in changed), changed


def test_a_changed_function_that_runs_too_long_is_stopped():
    def step(total, n):
        return total + n

    def spins(n):  # a loop that calls a Python function: its calls are watched
        total = 0
        while True:
            total = step(total, n)

    guarded = automatic._guarded(spins)
    before = sys.gettrace()
    started = time.monotonic()
    with pytest.raises(automatic.TooLong):
        guarded(1)
    assert time.monotonic() - started < automatic.LIMIT + 2
    assert sys.gettrace() is before  # the watch ends with the call


@pytest.mark.slow
def test_a_term_left_out_is_named_by_the_change_that_leaves_it_out(graded):
    result = graded("towers")["down_step_left_out"]
    names = [n for n in _names(result) if n]
    assert names, [t.message for t in result.tests if t.status == "failed"]
    assert all("`sigmoid(w * (x - a)) - sigmoid(w * (x - b))` computed as "
               "`sigmoid(w * (x - a))` in tower_1d()" in n for n in names), names
    message = next(t.message for t in result.tests if t.status == "failed" and t.mistake)
    assert "Fix: it should be `sigmoid(w * (x - a)) - sigmoid(w * (x - b))`" in message


@pytest.mark.slow
def test_a_factor_left_out_is_named_in_the_function_the_test_called(graded):
    result = graded("backprop")["reg_sums_the_weights"]
    names = [n for n in _names(result) if n]
    assert names, [t.message for t in result.tests if t.status == "failed"]
    assert any("`np.sum(W * W)` computed as `np.sum(W)` in softmax_loss()" in n
               for n in names), names


@pytest.mark.slow
def test_an_absolute_value_for_a_square_is_named(graded):
    # L1 for L2: the square `W * W` read as `abs(W)` (grader.run.automatic._squared)
    result = graded("backprop")["reg_absolute_values"]
    names = [n for n in _names(result) if n]
    assert names, [t.message for t in result.tests if t.status == "failed"]
    assert any("`np.sum(W * W)` computed as `np.sum(abs(W))` in softmax_loss()" in n
               for n in names), names


@pytest.mark.slow
def test_an_array_of_python_objects_is_named_with_its_conversion(graded):
    result = graded("towers")["sigmoid_object_array"]
    failed = [t for t in result.tests if t.status == "failed"]
    assert failed and result.score < result.max_score
    objects = [t for t in failed if t.mistake and "array of Python objects" in t.mistake]
    assert objects, [(t.name, t.message) for t in failed]
    assert all(t.mistake.startswith("sigmoid() returns") and ".astype(float)" in t.mistake
               and "Looks like" in t.message for t in objects)


@pytest.mark.slow
def test_a_negation_chosen_for_a_table_of_few_ones_is_named(graded):
    result = graded("boolean_networks")["negates_with_two_ones"]
    size = next(t for t in result.tests
                if t.name == "shallow_network_one_hidden_layer_of_at_most_2_to_the_n_minus_1")
    assert size.status == "failed"
    assert size.mistake == NEGATED_FEW_ONES, size.message
    # the network computes f: every test of its truth table passes
    assert all(t.status == "passed" for t in result.tests
               if "shallow" in t.name and "at_most" not in t.name), \
        [(t.name, t.message) for t in result.tests if t.status == "failed"]


@pytest.mark.slow
def test_no_change_is_named_by_zeros_everywhere(graded):
    # up − down with both steps at a is 0 everywhere, as `w * (x - a)` without a at both
    # steps is: values that many changes give tell none of them
    result = graded("towers")["down_step_at_a"]
    assert result.score < result.max_score
    assert not any("computed as" in n or "is left out" in n for n in _names(result)), \
        _names(result)


def test_a_mistake_shown_by_an_exception_alone_is_not_shown_by_a_value():
    # the automatic tier names only `valued` mistakes (grader.run.runner._named's at_most):
    # one that raises where the student's code raised, with the same message, is not one
    reference = ModuleType("ref_valued_toy")
    exec("def scale(x):\n    return 2.0 * x\n", vars(reference))

    def refuses(x):
        raise ValueError(f"operands could not be broadcast together with shapes ({len(x)},)")

    def triples(x):
        return 3.0 * x

    catalogue = tuple(Mistake(key=k, name=k, fix="", functions=("scale",), path=Path(k),
                              overrides={"scale": f})
                      for k, f in (("refuses", refuses), ("triples", triples)))
    x = np.array([1.0, 2.0])
    raised = Recorded("scale", (x,), {}, raised=("ValueError", "Exception"),
                      message="operands could not be broadcast together with shapes (2,)")
    found = diagnose(reference, catalogue, [raised])
    assert found is not None and [m.key for m in found.mistakes] == ["refuses"]
    assert found.valued == frozenset()
    valued = diagnose(reference, catalogue,
                      [Recorded("scale", (x,), {}, raised=None, value=3.0 * x, args_after=(x,))])
    assert valued is not None and valued.valued == {"triples"}


def test_a_label_that_names_a_change_is_told_from_a_catalogue_label():
    # grader validate warns (not errs) when a catalogue mistake's test gets a change's name
    assert automatic.says_change("`np.sum(W * W)` computed as `np.sum(W)` in softmax_loss() "
                                 "(fix: it should be `np.sum(W * W)`)")
    assert automatic.says_change("the bias is missing in f(); the step `z = z + b` is left out "
                                 "in g() (fix: it should be `z = z + b` (it is left out))")
    assert not automatic.says_change("the regularisation term is missing from the softmax loss "
                                     "value (dW is right) in softmax_loss()")
    assert not automatic.says_change("σ was computed in float32 (fix: `np.float64`)")


@pytest.mark.slow
def test_a_variable_read_for_its_look_alike_is_named(graded):
    changes = [m.name for m in _mutants("towers") if "tower_2d" in m.overrides]
    assert "`P[:, 1] - a2` computed as `P[:, 1] - a1`" in changes, changes
    result = graded("towers")["y_tower_reads_a1"]
    names = [n for n in _names(result) if n]
    assert names, [t.message for t in result.tests if t.status == "failed"]
    # the argument tier (grader.run.arguments, before this one) says the same of the box: its
    # first entry read where its third belongs; and the hidden tower_2d tests, before both,
    # where the tower stands (hidden_tests.box_mistake: the y tower from a1)
    assert all("`P[:, 1] - a2` computed as `P[:, 1] - a1` in tower_2d()" in n or
               "box with its first entry read as its third" in n or
               "tower_2d() stands on [a1, b1] × [a1, b2] instead of the box" in n
               for n in names), names


def test_a_flag_is_changed_the_other_way_and_a_square_into_an_absolute_value():
    gate = [m.name for m in _mutants("mp_neuron") if "mp_gate" in m.overrides]
    assert "`[False, True]` computed as `[False, False]`" in gate, gate
    adam = [m.name for m in _mutants("gradient_descent") if "adam_step" in m.overrides]
    assert "`(1 - beta2) * g * g` computed as `(1 - beta2) * abs(g)`" in adam, adam


def test_look_alikes_are_names_a_copy_paste_slip_mixes_up():
    assert automatic._alike("a1", "a2") and automatic._alike("b1", "a1")
    assert automatic._alike("a", "b") and automatic._alike("m", "v")
    assert automatic._alike("beta1", "beta2") and automatic._alike("W1", "W2")
    assert not automatic._alike("x", "w") and not automatic._alike("h", "w")
    assert not automatic._alike("a1", "a1") and not automatic._alike("dx0", "x0")


@pytest.mark.slow
def test_automatic_mistakes_false_in_the_assignment_turns_them_off(tmp_path):
    # their names quote the reference's code: an instructor may not want that shown
    assignment = replace(find_assignment("towers"), automatic_mistakes=False)
    subs = tmp_path / "subs" / "down_step_left_out"
    subs.mkdir(parents=True)
    reference = read_reference(assignment.reference)
    source = (FIXTURES / "towers" / "down_step_left_out.py").read_text(encoding="utf-8")
    (subs / f"{assignment.module}.py").write_text(
        overlay_source(reference, source, "down_step_left_out"), encoding="utf-8")
    result = run_batch(assignment, tmp_path / "subs", tmp_path / "out", jobs=1,
                       progress=False).results[0]
    assert result.score < result.max_score
    assert not any("computed as" in n for n in _names(result)), _names(result)


def test_the_option_is_read_from_assignment_toml(tmp_path):
    folder = tmp_path / "a"
    folder.mkdir()
    head = 'title = "A"\nmodule = "a"\nreference = "reference.towers"\n'
    (folder / "assignment.toml").write_text(f"[assignment]\n{head}", encoding="utf-8")
    assert load_assignment(folder).automatic_mistakes
    (folder / "assignment.toml").write_text(
        f"[assignment]\n{head}automatic_mistakes = false\n", encoding="utf-8")
    assert not load_assignment(folder).automatic_mistakes
    (folder / "assignment.toml").write_text(
        f"[assignment]\n{head}automatic_mistakes = \"no\"\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="automatic_mistakes must be true or false"):
        load_assignment(folder)


def test_provided_functions_are_never_changed():
    reference = import_reference(find_assignment("perceptron"))
    assert "two_gaussians" in reference.PROVIDED
    assert not any("two_gaussians" in m.overrides for m in _mutants("perceptron"))


@pytest.mark.slow
@pytest.mark.parametrize(("assignment", "fixture", "change"), [
    ("perceptron", "radius_row_l1_norm",
     "`np.linalg.norm(X, axis=1)` computed as `np.linalg.norm(X, axis=1, ord=1)`"),
    ("backprop", "hinge_counts_violations",
     "`np.maximum(0.0, margins)` computed as `margins > 0`"),
    ("towers", "sigmoid_norm_for_abs", "`np.exp(-np.abs(z))` computed as "
     "`np.exp(-np.linalg.norm(z))`"),
    # a running maximum or flag overwritten by each term (grader.run.automatic._last_only);
    # the neuron's values are single 0s and 1s (automatic.one_number looks inside values of
    # several numbers only)
    ("perceptron", "radius_running_max_overwritten", "`np.max(np.linalg.norm(X, axis=1))` "
     "computed as `np.max(np.ravel(np.linalg.norm(X, axis=1))[-1:])` (only the last term "
     "counts"),
    ("mp_neuron", "veto_flag_overwritten", "`np.any(x[inhibitory] == 1)` computed as "
     "`np.any(np.ravel(x[inhibitory] == 1)[-1:])` (only the last term counts"),
    # the position of the largest for the largest (automatic._INDEXED)
    ("perceptron", "radius_index_of_the_longest_row", "`np.max(np.linalg.norm(X, axis=1))` "
     "computed as `np.argmax(np.linalg.norm(X, axis=1))`"),
])
def test_norms_and_ramps_written_another_way_are_named(graded, assignment, fixture, change):
    # an ℓ1 norm for the Euclidean one, ‖z‖ for |z|, the indicator for the ramp: each the
    # reference's call changed (grader.run.automatic._norms), in code that is not the reference's
    result = graded(assignment)[fixture]
    assert result.score < result.max_score
    names = [n for n in _names(result) if n]
    assert names and any(change in n for n in names), names


_VALUES = {"a": np.arange(6.0).reshape(2, 3), "X": np.array([[3.0, 4.0], [0.0, 1.0]]),
           "x": np.array([1, 0, 1]), "inhibitory": np.array([False, True, False]),
           "layers": [[1, 2], [3]], "b": 1.0, "k": 0, "np": np}


@pytest.mark.parametrize(("source", "changed", "value"), [
    # the last row's norm (1), not the largest (5)
    ("np.max(np.linalg.norm(X, axis=1))", "np.max(np.ravel(np.linalg.norm(X, axis=1))[-1:])",
     1.0),
    ("x[~inhibitory].sum()", "np.ravel(x[~inhibitory])[-1:].sum()", 1),
    ("np.sum(a, axis=1)", "np.sum(np.take(a, [-1], axis=1), axis=1)", [2.0, 5.0]),
    ("a.max(axis=0)", "np.take(a, [-1], axis=0).max(axis=0)", [3.0, 4.0, 5.0]),
    ("sum(len(layer) for layer in layers)", "sum([*(len(layer) for layer in layers)][-1:])",
     1),
    ("max(a, b)", None, None),  # two terms: not a reduction over one
    ("np.sum(a, axis=k)", None, None),  # an axis the change cannot name
])
def test_a_reduction_over_its_last_term_only(source: str, changed: str | None,
                                             value: object) -> None:
    node = ast.parse(source, mode="eval").body
    assert isinstance(node, ast.Call)
    made = [ast.unparse(m) for m in automatic._last_only(node, automatic._callee(node))
            if m is not None]
    assert made == ([changed] if changed else []), made
    if changed:
        got = eval(changed, dict(_VALUES))  # the test's own expression
        assert np.array_equal(np.asarray(got), np.asarray(value)), got


def test_one_number_looks_inside_values_of_several_numbers_only() -> None:
    # a neuron's 0 on one of its calls is one entry of a truth table, not a flat output
    assert not automatic.one_number([0, 1, 1, 0])
    assert automatic.one_number([0, 0, 0])
    assert automatic.one_number([np.zeros(4), np.ones(3)])
    assert automatic.one_number([(np.ones(3), 2.0)])
