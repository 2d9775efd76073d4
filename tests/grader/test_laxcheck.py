"""An input check that lets a kind of invalid input through (grader.run.laxcheck): the kinds on
recorded calls, and naming through `grader grade`'s path (grader.batch.driver.run_batch:
sandbox, proxy, the reference replay) on a single-mistake submission nothing else names."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from grader.run.laxcheck import _kind
from grader.run.outcomes import Recorded
from tests.grader.overlays import graded_fixture

FIXTURES = Path(__file__).parents[1] / "fixtures" / "laxcheck"

graded = graded_fixture(FIXTURES, "laxcheck")


def _call(x: list[float]) -> Recorded:
    return Recorded("neuron", (np.array(x), 1.0), {}, None)


def test_the_one_kind_in_every_input_let_through_and_in_none_refused_is_named():
    through = [_call([0.5, 1.0]), _call([0.0, 0.25, 1.0])]
    refused = [_call([-1.0, 0.0]), _call([0.0, 2.0, 1.0])]
    assert _kind(through, refused, [], ("x", "theta")) == ("x", "a fractional entry")


def test_everything_let_through_is_named_by_the_kind_all_share():
    through = [_call([0.5, 1.0]), _call([-1.0, 0.0]), _call([0.0, 2.0])]
    # a valid 0/1 input has a 0, which is "other than minus one and plus one": not that kind
    assert _kind(through, [], [_call([0.0, 1.0])], ("x", "theta")) == (
        "x", "an entry other than zero and one")


def test_two_kinds_that_split_alike_name_nothing():
    # -0.5 is negative and fractional: which one the check lets through is a guess
    assert _kind([_call([-0.5, 1.0])], [_call([0.0, 2.0])], [], ("x", "theta")) is None


@pytest.mark.slow
def test_a_range_check_is_named_by_the_fractional_inputs_it_lets_through(graded):
    result = graded("mp_neuron")["range_check"]
    assert result.score < result.max_score
    named = [t for t in result.tests if t.status == "failed" and t.mistake]
    assert named and any(t.mistake.startswith(
        "mp_neuron() lets inputs with a fractional entry in x through") for t in named), \
        [(t.name, t.mistake, t.message) for t in result.tests if t.status == "failed"]
    assert not any(c.isdigit() for t in named for c in t.mistake)


@pytest.mark.slow
def test_zero_labels_let_through_are_named_by_the_zeros(graded):
    # 0/1 labels taken where ±1 are asked: 0 is let through, 2 and 0.5 are refused (probes)
    result = graded("perceptron")["zero_labels_mapped_to_minus_one"]
    assert result.score < result.max_score
    named = [t for t in result.tests if t.status == "failed" and t.mistake]
    assert named and all(t.mistake.startswith(
        "train_perceptron() lets inputs with an entry equal to zero in y through")
        for t in named), [(t.name, t.mistake, t.message) for t in result.tests
                          if t.status == "failed"]


@pytest.mark.slow
def test_a_check_that_skips_index_zero_names_no_kind(tmp_path: Path) -> None:
    # heldout18's bad_index_zero_falsy: a negative FIRST entry gets through, a negative last
    # one is refused: "does not refuse a negative entry" would be false; the probes at both
    # ends show it, and nothing is named
    from grader.authoring.demo import overlay_source
    from grader.authoring.source import read_reference
    from grader.batch.driver import run_batch
    from grader.config import find_assignment

    source = '''"""the 0/1 check tests bad.any() of the bad INDICES: index 0 is falsy"""

import numpy as np

from reference.mp_neuron import *  # noqa: F403


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x, dtype=float)
    bad = np.flatnonzero((x != 0) & (x != 1))
    if bad.any():
        raise ValueError("x must hold only 0s and 1s")
    mask = np.zeros(x.shape, dtype=bool) if inhibitory is None else np.asarray(inhibitory,
                                                                              dtype=bool)
    if mask.shape != x.shape:
        raise ValueError("inhibitory must fit x")
    if np.any(x[mask] == 1):
        return 0
    return int(x[~mask].sum() >= theta)
'''
    assignment = find_assignment("mp_neuron")
    subs = tmp_path / "subs"
    subs.mkdir()
    (subs / "falsy.py").write_text(overlay_source(read_reference(assignment.reference), source,
                                                  "falsy"), encoding="utf-8")
    result = run_batch(assignment, subs, tmp_path / "out", jobs=1, progress=False).results[0]
    assert result.score < result.max_score
    assert not any(t.mistake and "lets inputs with" in t.mistake for t in result.tests), \
        [(t.name, t.mistake) for t in result.tests if t.status == "failed"]
