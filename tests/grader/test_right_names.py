"""A name must be right (issue 16): a check's guess or a catalogue name that fits the values
by coincidence, while the student's code does something else, is not given.

Graded through `grader grade`'s path (grader.batch.driver.run_batch: sandbox, proxy, the
reference replay) on single-mistake submissions of tests/fixtures/right_names/<assignment>/
(a reference with one function overridden); each fixture's docstring says what it does and why
the name that fits by coincidence is wrong."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from grader.models import RunResult
from grader.run.confirm import TRIES, variants
from grader.run.outcomes import Recorded
from tests.grader.overlays import graded_fixture

FIXTURES = Path(__file__).parents[1] / "fixtures" / "right_names"


graded = graded_fixture(FIXTURES, "right_names")


def _failed(result: RunResult) -> list:
    return [t for t in result.tests if t.status == "failed"]


@pytest.mark.slow
def test_a_value_guess_is_withdrawn_by_the_catalogue_mistake_that_says_it_precisely(graded):
    failed = _failed(graded("mp_neuron")["and_every_input_inhibitory"])
    gate = [t for t in failed if t.name == "mp_gate_and"]
    assert gate, [(t.name, t.message) for t in failed]
    assert "truth table" in gate[0].message  # the failure itself is still reported
    assert not any("one too high" in (t.mistake or "") or "one too high" in t.message
                   for t in failed), [(t.name, t.message) for t in failed]


@pytest.mark.slow
def test_a_name_shown_by_one_value_must_fit_variants_of_the_input_run_on_the_students_code(
        graded):
    results = graded("mp_neuron")
    ranged = _failed(results["range_check_not_set_check"])
    assert any(t.name == "mp_neuron_rejects_non_binary_inputs" for t in ranged), \
        [t.name for t in ranged]
    assert not any("converted to int" in (t.mistake or "") for t in ranged), \
        [(t.name, t.mistake) for t in ranged]
    cast = _failed(results["int_cast_before_check"])
    assert cast and all("converted to int" in (t.mistake or "") for t in cast), \
        [(t.name, t.mistake) for t in cast]


@pytest.mark.slow
def test_a_function_that_fires_too_often_gets_no_name_of_a_mistake_that_fires_alike_on_the_tests(
        graded):
    """Wrong only one way (1 where 0 is expected) on 0/1 values: probed like a thin name, on
    variants where the mistake agrees with the reference too (θ one or two larger), and the
    refutation holds for the submission's later tests (a θ of 2.5 has no such variant)."""
    failed = _failed(graded("mp_neuron")["theta_ignored"])
    assert len(failed) >= 3, [t.name for t in failed]
    assert not any("number of excitatory inputs with θ" in (t.mistake or "") for t in failed), \
        [(t.name, t.mistake) for t in failed]


@pytest.mark.slow
def test_a_function_that_never_fires_gets_no_name_of_a_mistake_that_never_fires_on_the_tests(
        graded):
    failed = _failed(graded("mp_neuron")["veto_never_released"])
    assert len(failed) >= 3, [t.name for t in failed]
    assert not any("threshold test is written" in (t.mistake or "") for t in failed), \
        [(t.name, t.mistake) for t in failed]
    said = [t for t in failed if "same value on every call" in (t.mistake or "")]
    assert said, [(t.name, t.mistake) for t in failed]


@pytest.mark.slow
def test_several_constructions_computing_the_same_name_none(graded):
    failed = _failed(graded("boolean_networks")["xor_and_unit_with_or_bias"])
    parity = [t for t in failed if t.name == "deep_parity_on_all_inputs"]
    assert parity, [(t.name, t.message) for t in failed]
    # no catalogue name; the network check names what its own units show: the AND unit
    # computes what the OR unit computes (hidden_tests.network_mistake)
    assert parity[0].mistake == (
        "unit 2 of layer 1 computes exactly what unit 1 of layer 1 computes: one of the two is "
        "not the unit it should be (it combines the same signals in the same way: a copied "
        "row, bias or column index)"), parity[0].mistake
    assert "NAND" not in parity[0].message and "computes AND" not in parity[0].message


def test_variants_change_one_argument_keep_0_1_data_0_1_and_are_deterministic():
    x = np.array([0.0, 1.0, 1.0, 0.0])
    call = Recorded("f", (x, 3, 0.5), {}, None)
    first = [v.args for v in variants(call)]
    assert first and len(first) <= TRIES
    again = [v.args for v in variants(call)]
    assert len(again) == len(first) and all(
        np.array_equal(a[0], b[0]) and a[1:] == b[1:] for a, b in zip(again, first, strict=True))
    for args in first:
        changed = [i for i in range(3) if not np.array_equal(np.asarray(args[i]),
                                                             np.asarray(call.args[i]))]
        assert len(changed) == 1
        assert set(np.unique(args[0])) <= {0.0, 1.0}
        assert args[1] in (1, 2, 3, 4, 5)
    assert {a[1] for a in first} >= {4, 2, 5, 1} and {a[2] for a in first} >= {1.0, 0.25}


@pytest.mark.slow
def test_a_float32_mistake_is_named_whatever_order_its_sums_are_added_in(graded):
    failed = _failed(graded("gradient_descent")["float32_summed_in_another_order"])
    grads = [t for t in failed if t.name.startswith("squared_loss_grad")]
    assert grads, [(t.name, t.message) for t in failed]
    assert all("computed in float32" in (t.mistake or "") for t in grads), \
        [(t.name, t.mistake) for t in grads]


@pytest.mark.slow
def test_a_run_that_takes_no_batch_is_not_said_to_use_the_global_rng(graded):
    failed = _failed(graded("gradient_descent")["no_batch_taken"])
    seeded = [t for t in failed if t.name == "minibatch_sgd_depends_only_on_the_seed"]
    assert seeded, [(t.name, t.message) for t in failed]
    assert "expected different shuffles of 6 batches, got the same 0" in seeded[0].message
    assert not any("global RNG" in (t.mistake or "") + t.message for t in failed), \
        [(t.name, t.mistake) for t in failed]
    runs = [t for t in failed if "Trajectory of minibatch_sgd()" in t.message]
    assert runs and all("your run takes none" in t.message and "count of epochs" not in
                        t.message for t in runs), [t.message for t in runs]


@pytest.mark.slow
def test_layers_of_no_unit_after_the_output_are_not_said_to_be_miswired(graded):
    failed = _failed(graded("boolean_networks")["levels_past_the_output"])
    deep = [t for t in failed if t.name == "deep_parity_on_all_inputs"]
    assert deep, [(t.name, t.message) for t in failed]
    assert deep[0].mistake == ("the network goes on after its output unit (layer 6): layers 7, 8 "
                               "have no unit (W with 0 rows): stop adding layers when one "
                               "signal is left"), deep[0].mistake
    assert not any("reads another column" in (t.mistake or "") + t.message for t in failed), \
        [(t.name, t.mistake) for t in failed]


@pytest.mark.slow
def test_a_constant_output_unit_is_not_named_as_a_dead_hidden_layer(graded):
    failed = _failed(graded("boolean_networks")["output_weights_sign_reversed"])
    shallow = [t for t in failed if t.name.startswith("shallow_network")]
    assert shallow, [(t.name, t.message) for t in failed]
    assert not any("never fires in shallow_network" in (t.mistake or "") + t.message
                   for t in failed), [(t.name, t.mistake) for t in failed]


@pytest.mark.slow
def test_a_unit_that_never_fires_for_a_constant_f_keeps_the_construction_named(graded):
    failed = _failed(graded("boolean_networks")["lsb_bits_dead_unit_for_constants"])
    named = [t for t in failed if "least significant bit" in (t.mistake or "")]
    assert named, [(t.name, t.mistake) for t in failed]


@pytest.mark.slow
def test_a_mask_of_one_kind_is_not_said_to_be_inverted(graded):
    failed = _failed(graded("mp_neuron")["gate_masks_never_set"])
    nor = [t for t in failed if t.name == "mp_gate_nor"]
    assert nor, [(t.name, t.message) for t in failed]
    assert not any("inverted" in (t.mistake or "") + t.message for t in failed), \
        [(t.name, t.mistake) for t in failed]
    assert "x1 is not marked inhibitory" in (nor[0].mistake or ""), nor[0].mistake


@pytest.mark.slow
def test_an_argument_returned_by_coincidence_of_one_test_is_not_named(graded):
    failed = _failed(graded("backprop")["hinge_gradient_regulariser_only"])
    by_hand = [t for t in failed if t.name == "hinge_loss_by_hand"]
    assert by_hand, [(t.name, t.message) for t in failed]
    assert not any("is its argument W unchanged" in (t.mistake or "") for t in failed), \
        [(t.name, t.mistake) for t in failed]


@pytest.mark.slow
def test_a_name_shown_by_the_class_of_an_exception_alone_is_a_possibility(graded):
    failed = _failed(graded("boolean_networks")["every_layer_is_the_first"])
    named = [t for t in failed if t.mistake]
    assert named, [(t.name, t.message) for t in failed]
    assert all(t.mistake.startswith("possibly ") for t in named), [t.mistake for t in named]
    assert all("Looks like" not in t.message for t in named), [t.message for t in named]


@pytest.mark.slow
def test_a_reversal_of_two_entries_must_hold_on_the_other_calls(graded):
    failed = _failed(graded("perceptron")["ones_inserted_before_last_column"])
    assert failed
    assert not any("reverse order" in (t.mistake or "") for t in failed), \
        [(t.name, t.mistake) for t in failed]
