"""grader.run.trajectory through `grader grade`'s path: a failing iterative run is told where it
leaves the reference's (the epoch, sample or step) and what differs there; correct solutions in
every style get no trajectory sentence.

The single-mistake submissions are tests/fixtures/trajectory/<assignment>/*.py (written for this
test, not the catalogue's files), graded with the correct styles of the pack in one batch per
assignment by grader.batch.driver.run_batch (sandbox, proxy, codec, the probes through the
proxy)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import numpy as np
import pytest

import reference.gradient_descent as ref_gd
import reference.perceptron as ref_perceptron
from grader.authoring.demo import overlay_source
from grader.authoring.source import read_reference
from grader.batch.driver import run_batch
from grader.checks.failure import POSSIBLY
from grader.config import find_assignment
from grader.models import RunResult
from grader.run.trajectory_loops import RANDOM_RUN
from grader.run.trajectory_perceptron import (
    COUNTER,
    RESTART,
    SKIP_FIRST,
    SKIP_LAST,
    perceptron,
)
from grader.run.trajectory_sgd import (
    ARGSORT,
    AT_W0,
    DROPPED,
    LEGACY,
    ONCE,
    ONE_STEP,
    OVER_N,
    REPEATS,
    REVERSED,
    SIZES,
    SPLIT,
    UNSHUFFLED,
    Y_IN_ORDER,
    sgd,
)
from grader.run.trajectory_sgd import RESTART as SGD_RESTART
from tests.assignments.harness import correct_files

FIXTURES = Path(__file__).parents[1] / "fixtures" / "trajectory"
STYLES = Path(__file__).parents[1] / "assignments" / "styles"
SENTENCE = "Trajectory of "

# submission -> (function, phrases its failing tests' trajectory sentences all contain)
EXPECTED = {
    "epochs_from_one": ("train_perceptron", ["leaves the reference's at epoch ",
                                             "What differs: the count of epochs: one epoch "
                                             "too few."]),
    "counts_left_wrong": ("train_perceptron", ["your w moves as the rule's does",
                                               "What differs: the count"]),
    # the global generator's order is random: when a probe's re-run happens to repeat the first
    # run, the sentence can only say "the update ... or the order of the samples"
    "shuffled_each_epoch": ("train_perceptron", ["What differs: the order of samples|or the "
                                                 "order of the samples"]),
    "total_mistakes": ("train_perceptron", ["leaves the reference's at epoch 2:",
                                            "the running total of epochs 1–2",
                                            "the update counter is not set to 0 at the start "
                                            "of each epoch"]),
    "half_step": ("train_perceptron", ["leaves the reference's at epoch 1, sample ",
                                       "your run adds 0.5·y·x",
                                       "What differs: the update: w ← w + y·x."]),
    "velocity_has_lr": ("momentum_step", ["the new part of your v, v_new − mu·v,",
                                          "the learning rate is folded into v",
                                          "What differs: the update of v and w."]),
    # tests where lr = 1 − mu name both causes; the others name the one that fits
    "velocity_ema": ("momentum_step", ["the new part of your v, v_new − mu·v,",
                                       "weighted by 1 − mu|a moving average of the gradients"]),
    "full_batches_only": ("minibatch_sgd", ["(epoch 1, its last batch)",
                                            "the last, shorter minibatch of each epoch is "
                                            "dropped"]),
    "shuffle_x_and_y": ("minibatch_sgd", ["leaves the reference's at step 1 (epoch 1, batch 1)",
                                          "X and y are indexed with different permutations"]),
    "skip_last_sample": ("train_perceptron", ["(0-based, the last) of every epoch",
                                              "yours stops before the last"]),
    "restart_each_epoch": ("train_perceptron", ["leaves the reference's at epoch 2:",
                                                "every epoch of yours repeats epoch 1"]),
    "array_split_batches": ("minibatch_sgd", ["in batches of sizes ", "What differs: the batches: "
                                              "consecutive slices of batch_size"]),
    "with_replacement": ("minibatch_sgd", ["exactly the draw rng.integers(0, n, n)",
                                           "What differs: the batches: one permutation"]),
    "w_reset_each_epoch": ("minibatch_sgd", ["leaves the reference's at epoch 2",
                                             "starting from w0: the epochs before it are lost"]),
    "epoch_gradients_summed": ("minibatch_sgd", ["leaves the reference's at step 2",
                                                 "each taken at w0"]),
    "targets_in_file_order": ("minibatch_sgd", ["the unshuffled slice"]),
    "batch_gradient_over_n": ("minibatch_sgd", ["the gradient is divided by n, not by the "
                                                "batch's size"]),
    "step_written_backwards": ("minibatch_sgd", ["subtraction is written the other way round"]),
    "gradients_at_w0": ("minibatch_sgd", ["each taken at w0"]),
    "order_by_sorting_noise": ("minibatch_sgd", ["exactly np.argsort(rng.random(n))"]),
}
NAMED = {"skip_last_sample": SKIP_LAST, "restart_each_epoch": RESTART,
         "with_replacement": REPEATS, "array_split_batches": SIZES,
         "order_by_sorting_noise": ARGSORT}
PROBED_NAMES = {"w_reset_each_epoch": SGD_RESTART, "epoch_gradients_summed": ONE_STEP,
                "targets_in_file_order": Y_IN_ORDER, "batch_gradient_over_n": OVER_N,
                "step_written_backwards": REVERSED, "gradients_at_w0": AT_W0}
"""Submissions whose name the trajectory's probes prove (grader.run.trajectory_sgd.PROBED):
every failing test whose sentence comes from a probe says it."""
"""Submissions whose mistake no catalogue file has: the trajectory names it from the run's own
values (every recorded call shows it), on every failing test that has its sentence."""


def _class(name: str, folder: Path) -> dict[str, RunResult]:
    """The assignment's trajectory fixtures and its correct styles, graded as `grader grade`
    grades them."""
    assignment = find_assignment(name)
    ref = read_reference(assignment.reference)
    subs = folder / "submissions"
    files = [*sorted((FIXTURES / name).glob("*.py")), *correct_files(name),
             *sorted((STYLES / name).glob("*.py"))]
    for path in files:
        student = path.stem if path.parent.parent == FIXTURES else \
            f"correct-{path.parent.name}-{path.stem}"
        sub = subs / student
        sub.mkdir(parents=True)
        source = overlay_source(ref, path.read_text(encoding="utf-8"), path.stem)
        (sub / f"{assignment.module}.py").write_text(source, encoding="utf-8")
    batch = run_batch(assignment, subs, folder / "out", jobs=2, progress=False)
    return {r.student: r for r in batch.results}


@cache
def _graded(name: str, tmp: Path) -> dict[str, RunResult]:
    return _class(name, tmp / name)


@pytest.fixture(scope="module")
def classes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, RunResult]:
    tmp = tmp_path_factory.mktemp("trajectory")
    return {**_graded("perceptron", tmp), **_graded("gradient_descent", tmp)}


@pytest.mark.slow
@pytest.mark.parametrize("student", sorted(EXPECTED))
def test_trajectory_names_the_step_and_the_cause(classes: dict[str, RunResult],
                                                 student: str) -> None:
    function, phrases = EXPECTED[student]
    result = classes[student]
    assert result.status == "graded"
    failed = [t for t in result.tests if t.status == "failed"]
    told = [t.message for t in failed if f"{SENTENCE}{function}()" in t.message]
    # a test the catalogue named gets no probes (grader.run.runner._traced): when its sentence
    # needs them, the name and its fix are said instead, never nothing
    named = [t for t in failed if t.mistake and not t.mistake.startswith(POSSIBLY)]
    assert told or named, [(t.name, t.message) for t in failed]
    for message in told:
        sentence = message[message.index(SENTENCE):]
        for phrase in phrases:  # "a|b": either wording
            assert any(p in sentence for p in phrase.split("|")), sentence
    if student in PROBED_NAMES:
        assert PROBED_NAMES[student] in {t.mistake for t in failed}, [
            (t.name, t.mistake, t.message[-700:]) for t in failed]
    if student in NAMED:  # named wherever its run tells it apart from every other mistake
        assert NAMED[student] in {t.mistake for t in failed}, [
            (t.name, t.mistake, t.message[-700:]) for t in failed]
        for test in failed:
            if SENTENCE in test.message:
                assert test.mistake == NAMED[student] or (
                    test.mistake is None and "fits more than one mistake exactly" in
                    test.message), (test.message, test.mistake)
    # a run that two runs on the same data do not repeat is named (positive evidence), and
    # only such a run
    for test in failed:
        if SENTENCE in test.message:
            assert (test.mistake == RANDOM_RUN) == (" give different " in test.message), (
                test.message, test.mistake)


@pytest.mark.slow
def test_trajectory_names_are_only_given_to_their_mistake(
        classes: dict[str, RunResult]) -> None:
    """No fixture and no correct style gets a trajectory name that is not its own mistake's (a
    random order once fitted 'the first sample is never used' on a converging run: the
    confirming probe rules such fits out)."""
    names = {SKIP_LAST, SKIP_FIRST, RESTART, COUNTER, REPEATS, SIZES, DROPPED, ONCE, SPLIT,
             ARGSORT, UNSHUFFLED, LEGACY, *PROBED_NAMES.values()}
    own = {**NAMED, **PROBED_NAMES, "total_mistakes": COUNTER, "full_batches_only": DROPPED,
           "shuffle_x_and_y": SPLIT}
    for student, result in classes.items():
        given = {t.mistake for t in result.tests} & names
        assert given <= ({own[student]} if student in own else set()), (student, given)


WHERE = {
    "counts_left_wrong": "train_perceptron() leaves the rule's run where it moves w as the rule "
                         "does but reports other counts of updates per epoch",
    "half_step": "train_perceptron() leaves the rule's run where it adds a multiple of y·x to w "
                 "at an update",
    "lr_halved_each_epoch": "minibatch_sgd() leaves the rule's run where it ends its first "
                            "epoch at the rule's w but a later epoch at another",
    "adam_steps_with_old_m": "adam_step() leaves the rule's run where it returns a wrong w while "
                             "its m and v are right",
    "label_added_to_features": "train_perceptron() leaves the rule's run where it counts an "
                               "update where the rule updates but leaves w as it was (its update "
                               "adds nothing there)",
}
"""Submissions no stage names by its cause: what their run does where it leaves the rule's (a
fact the run showed: where, not why) names the failing tests nothing else names."""


@pytest.mark.slow
@pytest.mark.parametrize("student", sorted(WHERE))
def test_a_run_nothing_else_names_is_named_by_where_it_leaves_the_rule(
        classes: dict[str, RunResult], student: str) -> None:
    failed = [t for t in classes[student].tests if t.status == "failed"]
    where = [t for t in failed if t.mistake == WHERE[student]]
    assert where, [(t.name, t.mistake) for t in failed]
    for test in where:  # only where the trajectory spoke, and nothing a hidden page must hide
        assert SENTENCE in test.message and test.trajectory, test.message
        assert not re.search(r"\d", test.mistake), test.mistake


@pytest.mark.slow
def test_correct_solutions_in_every_style_get_no_trajectory(
        classes: dict[str, RunResult]) -> None:
    correct = {s: r for s, r in classes.items() if s.startswith("correct-")}
    assert len(correct) >= 5, sorted(correct)
    for student, result in correct.items():
        assert result.status == "graded", student
        assert all(t.points == t.max_points for t in result.tests), \
            (student, [(t.name, t.message) for t in result.tests if t.points < t.max_points])
        assert not [t for t in result.tests if SENTENCE in t.message], student


# -------------------------------------------------- without probes: what the values alone show


def _stuck(*_args: object) -> None:
    """A probe whose call failed (the student's code raised, looped or crashed)."""
    return None


def test_perceptron_without_probes_names_the_epoch_only() -> None:
    X = np.array([[1.0, 2.0, 1.0], [-1.0, -1.0, 1.0], [2.0, -1.0, 1.0], [0.5, 0.5, 1.0]])
    y = np.array([1, -1, 1, -1])
    w0 = np.zeros(3)
    ref_w, ref_changes = ref_perceptron.train_perceptron(X, y, w0, 10)
    wrong = list(ref_changes)
    wrong[0] += 1
    args = {"X": X, "y": y, "w": w0, "epochs": 10}
    found = perceptron(ref_perceptron.train_perceptron, args, (ref_w, wrong), _stuck)
    assert found is not None
    assert found.where == "epoch 1"
    # its w is the rule's: the counts it reports are what differs (never "makes other
    # updates", heldout22's history of one dict)
    assert found.what == "the count: changes holds how many updates each epoch made"
    assert found.seen == "ends at the rule's final w but reports other counts of updates per " \
        "epoch"
    moved = perceptron(ref_perceptron.train_perceptron, args, (ref_w + 1.0, wrong), _stuck)
    assert moved is not None and moved.what == \
        "the update or the order of the samples in that epoch"
    assert moved.seen == "reports another number of updates than the rule in an epoch"
    # the right values are no departure
    assert perceptron(ref_perceptron.train_perceptron, args, (ref_w, list(ref_changes)),
                      _stuck) is None


def test_another_algorithm_under_the_same_name_gets_nothing() -> None:
    def other(X, y, w, epochs):  # not the lecture's rule: the analyser must stay silent
        return np.asarray(w, dtype=float) + 1.0, [0]

    X, y = np.eye(3), np.array([1, -1, 1])
    args = {"X": X, "y": y, "w": np.zeros(3), "epochs": 2}
    assert perceptron(other, args, (np.zeros(3), [5, 4]), _stuck) is None

    def other_sgd(X, y, w0, lr, epochs, batch_size, seed):
        return np.asarray(w0, dtype=float), []

    args = {"X": np.eye(4), "y": np.ones(4), "w0": np.zeros(4), "lr": 0.1, "epochs": 1,
            "batch_size": 2, "seed": 0}
    assert sgd(other_sgd, args, (np.ones(4), [np.arange(2)]), _stuck) is None


def test_names_from_the_values_alone() -> None:
    """Counter not reset (running totals, w right), the last short batch dropped, the samples
    shuffled once: each is named from what the run returns, without a probe."""
    X = np.array([[1.0, 2.0, 1.0], [-1.0, -1.0, 1.0], [2.0, -1.0, 1.0], [0.5, 0.5, 1.0]])
    y = np.array([1, -1, 1, -1])
    args = {"X": X, "y": y, "w": np.zeros(3), "epochs": 10}
    ref_w, ref_changes = ref_perceptron.train_perceptron(X, y, np.zeros(3), 10)
    totals = [int(t) for t in np.cumsum(ref_changes)]
    found = perceptron(ref_perceptron.train_perceptron, args, (ref_w, totals), _stuck)
    # without the confirming probe the fit is said, unnamed
    assert found is not None and found.mistake is None and found.possible == (COUNTER,)

    def counter(Xp, yp, w, epochs):  # the student: the count is never set back to 0
        w, changes, count = np.array(w, dtype=float), [], 0
        for _ in range(epochs):
            for i in range(len(yp)):
                if yp[i] * (Xp[i] @ w) <= 0:
                    w, count = w + yp[i] * Xp[i], count + 1
            changes.append(count)
            if count == 0:
                break
        return w, changes

    found = perceptron(ref_perceptron.train_perceptron, args, (ref_w, totals),
                       lambda _name, *a: counter(*a))
    assert found is not None and found.mistake == COUNTER
    # a probe that answers as the rule does rules the fit out
    found = perceptron(ref_perceptron.train_perceptron, args, (ref_w, totals),
                       lambda _name, *a: ref_perceptron.train_perceptron(*a))
    assert found is None or found.mistake != COUNTER
    # the same counts with another w are not a counter's mistake alone: no name
    found = perceptron(ref_perceptron.train_perceptron, args, (ref_w + 1, totals), _stuck)
    assert found is None or found.mistake is None

    Xs = np.arange(14.0).reshape(7, 2)
    ys = Xs @ np.array([0.5, -1.0])
    args = {"X": Xs, "y": ys, "w0": np.zeros(2), "lr": 0.01, "epochs": 2, "batch_size": 3,
            "seed": 4}
    ref_w, ref_batches = ref_gd.minibatch_sgd(*args.values())
    full = [b for b in ref_batches if len(b) == 3]
    found = sgd(ref_gd.minibatch_sgd, args, (ref_w, full), _stuck)
    assert found is not None and found.mistake == DROPPED
    once = [*ref_batches[:3], *ref_batches[:3]]
    found = sgd(ref_gd.minibatch_sgd, args, (ref_w, once), _stuck)
    assert found is not None and found.mistake == ONCE
    repeated = [ref_batches[0], *ref_batches[:1], *ref_batches[2:]]
    found = sgd(ref_gd.minibatch_sgd, args, (ref_w, repeated), _stuck)
    assert found is not None and found.mistake == REPEATS
    cut = [np.concatenate(ref_batches[:3])[:3], np.concatenate(ref_batches[:3])[3:5],
           np.concatenate(ref_batches[:3])[5:], *ref_batches[3:]]
    found = sgd(ref_gd.minibatch_sgd, args, (ref_w, cut), _stuck)
    assert found is not None and found.mistake == SIZES
    assert sgd(ref_gd.minibatch_sgd, args, (ref_w, list(ref_batches)), _stuck) is None


def test_a_skipped_last_sample_is_not_called_the_update_condition() -> None:
    """A sweep that stops before the last sample (and never stops early, so no exact model of
    one change fits its run) departs where the last sample of a prefix needs an update: the
    probe that gives that sample again after it shows the run skips the last sample, not that
    it refuses the update."""

    def student(X, y, w, epochs):  # range(n − 1), and no early stop
        w, changes = np.array(w, dtype=float), []
        for _ in range(epochs):
            count = 0
            for i in range(len(y) - 1):
                if y[i] * (X[i] @ w) <= 0:
                    w, count = w + y[i] * X[i], count + 1
            changes.append(count)
        return w, changes

    def probe(name, *args):
        assert name == "train_perceptron"
        return student(*args)

    X = np.array([[3.0, 1.0], [1.0, 1.0], [2.0, 1.0]])
    y = np.array([1, -1, 1])
    args = {"X": X, "y": y, "w": np.zeros(2), "epochs": 100}
    found = perceptron(ref_perceptron.train_perceptron, args, student(X, y, np.zeros(2), 100),
                       probe)
    assert found is not None and found.mistake is None
    assert "the last sample of the data is never visited" in found.detail, found
    assert found.what.startswith("the samples an epoch visits"), found
    assert "update condition" not in found.what


def test_batches_drawn_per_step_with_replacement_are_named() -> None:
    """Each step draws batch_size indices with replacement (so the last batch is not short):
    the epoch's batches use a sample twice, whatever their sizes."""
    Xs = np.arange(14.0).reshape(7, 2)
    ys = Xs @ np.array([0.5, -1.0])
    args = {"X": Xs, "y": ys, "w0": np.zeros(2), "lr": 0.01, "epochs": 2, "batch_size": 3,
            "seed": 4}
    rng, w, drawn = np.random.default_rng(4), np.zeros(2), []
    for _ in range(2):
        for _start in range(0, 7, 3):
            b = rng.integers(0, 7, 3)
            w = w - 0.01 * (Xs[b].T @ (Xs[b] @ w - ys[b]) / 3)
            drawn.append(b)
    found = sgd(ref_gd.minibatch_sgd, args, (w, drawn), _stuck)
    assert found is not None and found.mistake == REPEATS, found


def test_whole_permutations_recorded_as_batches_are_not_called_repeats() -> None:
    """A run that records the epoch's whole permutation at every step repeats samples across
    its 'batches' too, but those are not batches of batch_size: no name for the batches."""
    Xs = np.arange(14.0).reshape(7, 2)
    ys = Xs @ np.array([0.5, -1.0])
    args = {"X": Xs, "y": ys, "w0": np.zeros(2), "lr": 0.01, "epochs": 2, "batch_size": 3,
            "seed": 4}
    ref_w, ref_batches = ref_gd.minibatch_sgd(*args.values())
    perms = [np.concatenate(ref_batches[e * 3:(e + 1) * 3]) for e in range(2)]
    recorded = [perms[t // 3] for t in range(len(ref_batches))]
    found = sgd(ref_gd.minibatch_sgd, args, (ref_w, recorded), _stuck)
    assert found is not None and found.mistake is None, found
