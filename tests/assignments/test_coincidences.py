"""A name a test's values fit by coincidence is not given (issue 16: a name must be right).

heldout22 had three: predict reading the row numbers gave (−1, 1, 1) where (1, −1, −1) was
expected, and the comparison said "the sign is flipped"; count_units summing the layer numbers
0 + 1 + 2 gave the 3 layers of a three-layer network, and the check's map said "layers were
counted instead of units"; a training history whose entries all show the last epoch's count was
said to make other updates than the rule, although its w is the rule's. Each now holds only
where the rest of the submission agrees: the comparison's sign or transpose guess must hold on
the function's other calls (grader.run.guesses), a map's guess is withdrawn by the catalogue
mistake of the same name when its replay is refuted (boolean_networks' count_layers), and a run
that ends at the rule's w is said to report other counts. The genuine mistakes keep their
names. Graded through `grader grade`'s path (grader.batch.driver.run_batch: sandbox, proxy,
codec), each a correct solution of another style with one line changed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.assignments.harness import MUTANTS, failed_test, grade_edits

pytestmark = pytest.mark.slow

PREDICT = "    return torch.where(s > 0, 1, -1)"
PERCEPTRON = {
    # student -> (line, its mistaken version), test, what its name says (None: not named so)
    "predict_reads_row_numbers": (
        (PREDICT, "    return torch.where(torch.arange(len(s)) > 0, 1, -1)"),
        "predict_boundary_is_minus_one", None),
    "predict_flipped": ((PREDICT, "    return torch.where(s > 0, -1, 1)"),
                        "predict_boundary_is_minus_one", "flipped"),
    "history_shows_last_count": (
        ("        changes.append(count)", "        changes = [count] * (len(changes) + 1)"),
        "train_perceptron_small_trajectory_by_hand",
        "ends at the rule's final w but reports other counts of updates per epoch"),
}
COUNT = "    return sum(len(b) for _, b in layers)"
NETWORKS = {
    "count_sums_layer_numbers": ((COUNT, "    return sum(range(len(layers)))"),
                                 "count_units_by_hand", None),
    "count_layers": ((COUNT, "    return len(layers)"), "count_units_by_hand",
                     "layers were counted instead of units"),
}


@pytest.mark.parametrize(("assignment", "correct", "edits"), [
    ("perceptron", MUTANTS / "perceptron" / "correct" / "torch_style.py", PERCEPTRON),
    ("boolean_networks", MUTANTS / "boolean_networks" / "correct" / "chain_loops.py", NETWORKS),
])
def test_a_coincidence_of_one_test_gives_no_name(
        assignment: str, correct: Path, edits: dict[str, tuple[tuple[str, str], str, str | None]],
        tmp_path: Path) -> None:
    results = grade_edits(assignment, correct, {s: e[0] for s, e in edits.items()}, tmp_path)
    for student, (_, test_name, name) in edits.items():
        test = failed_test(results, student, test_name)
        said = test.mistake or ""
        if name is None:
            assert "sign is flipped" not in said and "layers were counted" not in said, \
                f"{student}: {test_name} says {said!r}"
            assert "Looks like the sign" not in test.message
        else:
            assert name in said, f"{student}: {test_name} says {said!r}"


def test_a_generator_seeded_with_another_argument_is_not_the_global_rng(
        tmp_path: Path) -> None:
    """heldout31's shuffler_seeded_with_batch_size: one seed gives one shuffle, two seeds the
    same one. The global generator would give two runs with one seed different shuffles: the
    guess is that the generator is made from something else, not the global RNG."""
    correct = Path(__file__).parents[1] / "heldout26" / "gradient_descent" / "correct_scalar.py"
    edit = ("    rng = np.random.default_rng(seed)", "    rng = np.random.default_rng(batch_size)")
    results = grade_edits("gradient_descent", correct, {"seeded_with_batch_size": edit}, tmp_path)
    said = failed_test(results, "seeded_with_batch_size",
                       "minibatch_sgd_depends_only_on_the_seed").mistake or ""
    assert said.startswith("the shuffle does not depend on seed"), said
    assert not any("global RNG" in (t.mistake or "")
                   for t in results["seeded_with_batch_size"].tests)
