"""[run] State kept between calls, named (issue 16, grader.run.state): a function that gave two
different results for the same arguments — in the recorded calls, or once more through the
sandbox — is named by it; a pure function never is. The finder on recorded calls first, then
through `grader grade`'s path (grader.batch.driver.run_batch: sandbox, proxy, codec) on the
single-mistake submissions of tests/fixtures/state/."""

from __future__ import annotations

import types
from pathlib import Path

import numpy as np
import pytest

from grader.run.diagnose import Replay
from grader.run.outcomes import Recorded
from grader.run.refcache import Memo
from grader.run.state import find, may_keep_state
from tests.grader.overlays import graded_fixture

FIXTURES = Path(__file__).parents[1] / "fixtures" / "state"
REFERENCE = types.SimpleNamespace(f=lambda x: 2 * np.asarray(x, dtype=float))


def _call(x: list[float], value: list[float]) -> Recorded:
    return Recorded("f", (np.array(x),), {}, None, np.array(value))


def test_two_results_for_the_same_arguments_are_named_and_worded_without_digits():
    wrong, earlier = _call([1.0, 2.0], [2.0, 5.0]), _call([1.0, 2.0], [2.0, 4.0])
    found = find(REFERENCE, [wrong], [earlier, wrong], Replay(Memo()))
    assert found is not None and "state kept between calls" in found.label
    assert not any(c.isdigit() for c in found.label)


def test_the_same_result_twice_or_other_arguments_name_nothing():
    wrong = _call([1.0, 2.0], [2.0, 5.0])
    again = _call([1.0, 2.0], [2.0, 5.0])
    other = _call([1.0, 3.0], [2.0, 6.0])
    assert find(REFERENCE, [wrong], [wrong, again, other], Replay(Memo())) is None
    right = _call([1.0, 2.0], [2.0, 4.0])  # a right call is not this test's mistake
    assert find(REFERENCE, [right], [right, wrong], Replay(Memo())) is None


def test_a_probe_that_gives_another_result_names_it_and_only_one_probe_is_made():
    made: list[str] = []

    def probe(name, args, kwargs):
        made.append(name)
        return Recorded(name, args, kwargs, None, np.array([9.0, 9.0]))

    wrong = [_call([1.0, 2.0], [2.0, 5.0]), _call([3.0, 4.0], [6.0, 9.0])]
    assert find(REFERENCE, wrong, wrong, Replay(Memo()), probe=probe) is not None
    assert made == ["f"]
    steady: list[str] = []

    def same(name, args, kwargs):
        steady.append(name)
        return Recorded(name, args, kwargs, None, np.array([2.0, 5.0]))

    assert find(REFERENCE, wrong[:1], wrong[:1], Replay(Memo()), probe=same) is None
    assert steady == ["f"]


graded = graded_fixture(FIXTURES, "state")


@pytest.mark.slow
def test_a_list_kept_between_calls_is_named_through_the_sandbox(graded):
    failed = [t for t in graded("mp_neuron")["flags_list_never_cleared"].tests
              if t.status == "failed"]
    named = [t for t in failed if "state kept between calls" in (t.mistake or "")]
    assert named, [(t.name, t.mistake, t.message) for t in failed]
    assert all(t.mistake.startswith("mp_gate() ") for t in named)


@pytest.mark.slow
def test_a_memo_keyed_by_less_than_all_arguments_is_named_by_a_fresh_start(graded):
    """No two calls share their arguments, so the failing call is made again as the first call
    of a fresh start of the code (the worker stopped, the submission loaded anew): right there,
    its wrong value came from earlier calls. The fresh start is no restart the student is told
    about."""
    result = graded("mp_neuron")["decisions_memo_without_theta"]
    failed = [t for t in result.tests if t.status == "failed"]
    fresh = [t for t in failed if "first call of a fresh start" in (t.mistake or "")]
    assert fresh, [(t.name, t.mistake, t.message) for t in failed]
    assert all(t.mistake.startswith("mp_neuron() ") and "state kept between calls" in t.mistake
               and not any(c.isdigit() for c in t.mistake) for t in fresh)
    assert "Run alone, as the first call of a fresh start" in fresh[0].message
    assert not any("restarted" in w for w in result.warnings), result.warnings


@pytest.mark.slow
def test_a_value_as_wrong_in_a_fresh_start_gets_no_state_name(graded):
    failed = [t for t in graded("perceptron")["radius_rounded_before_the_norm"].tests
              if t.status == "failed"]
    assert failed
    assert not any("state kept" in (t.mistake or "") for t in failed), \
        [(t.name, t.mistake) for t in failed]


@pytest.mark.parametrize(("source", "keeps"), [
    ("import numpy as np\nEPS = 1e-8\nPAIR = (1, -2)\n\ndef f(x):\n    return x + EPS\n", False),
    ("import numpy as np\n\ndef f(n, s):\n    return np.random.default_rng(s).random(n)\n", False),
    ("_SEEN = {}\n\ndef f(x):\n    return x\n", True),
    ("def f(x, seen=[]):\n    return x\n", True),
    ("import numpy as np\n\ndef f(n):\n    return np.random.rand(n)\n", True),
    ("import random\n\ndef f(xs):\n    random.shuffle(xs)\n    return xs\n", True),
    ("from functools import cache\n\n@cache\ndef f(n):\n    return n\n", True),
    ("def f(x):\n    global N\n    N = x\n    return x\n", True),
    ("class Memo:\n    table = {}\n", True),
    ("def f(x:\n", True),  # does not parse: assumed to keep state
])
def test_a_fresh_start_is_asked_only_of_code_that_can_keep_state(source: str, keeps: bool):
    """A fresh start costs a new worker: code with no module-level value but constants, no
    global, no decorator, no mutable default, no class and no global generator keeps nothing
    between calls, and is not started afresh (grader.run.state.may_keep_state)."""
    assert may_keep_state(source) is keeps
