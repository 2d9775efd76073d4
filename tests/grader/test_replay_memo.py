"""Mistake replays memoized across a batch (issue 16, grader.run.diagnose + refcache.Memo).

A failing test's replay of the catalogue is kept in the batch's memo: the next student's
failing test on the same (seeded) inputs costs almost nothing, and the names are the same as
without the memo: on toy catalogues here, and (slow) on every bundled catalogue's own mutants
and on the held-out batch 3, graded through `grader grade`'s path (run_batch: sandbox, proxy,
codec) with and without the memo.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest

from grader.authoring.demo import overlay_source
from grader.authoring.source import read_reference
from grader.batch.driver import run_batch
from grader.config import find_assignment
from grader.models import RunResult
from grader.run import runner
from grader.run.catalogue import Mistake, catalogue_files
from grader.run.diagnose import Recorded, diagnose
from grader.run.refcache import CachedReference, Memo
from tests.assignments.harness import sources as _sources

ROOT = Path(__file__).resolve().parents[2]
HELDOUT = ROOT / "tests" / "heldout3"
NAMES = ("mp_neuron", "perceptron", "boolean_networks", "towers", "gradient_descent", "backprop")


def _toy() -> tuple[ModuleType, dict[str, int]]:
    """A reference whose functions count their runs."""
    runs = {"ref": 0}
    reference = ModuleType("ref_memo_toy")
    reference.__dict__["RUNS"] = runs
    exec("def scale(x):\n    RUNS['ref'] += 1\n    return 2.0 * x\n", vars(reference))
    return reference, runs


def _mistake(key: str, function: Any) -> Mistake:
    return Mistake(key=key, name=f"mistake {key}", fix="", functions=("scale",),
                   path=Path(f"{key}.py"), overrides={"scale": function})


def _call(x: Any, value: Any) -> Recorded:
    return Recorded("scale", (x,), {}, raised=None, value=value, args_after=(x,))


def test_a_second_student_on_the_same_inputs_runs_nothing() -> None:
    reference, runs = _toy()

    def triple(x: Any) -> Any:
        runs["triple"] = runs.get("triple", 0) + 1
        return 3.0 * x

    def half(x: Any) -> Any:
        runs["half"] = runs.get("half", 0) + 1
        return 0.5 * x

    catalogue = (_mistake("triple", triple), _mistake("half", half))
    x = np.array([1.0, 2.0])
    memo = Memo()
    plain = diagnose(reference, catalogue, [_call(x, 3.0 * x)])
    first = diagnose(reference, catalogue, [_call(x, 3.0 * x)], memo=memo)
    assert plain == first and plain is not None
    assert [m.key for m in first.mistakes] == ["triple"] and first.ruled_out == ("mistake half",)
    # the matching mistake and the reference are kept once a second run reproduced them
    diagnose(reference, catalogue, [_call(x.copy(), 3.0 * x)], memo=memo)
    before = dict(runs)
    for _ in range(5):  # later students with the same mistake: nothing runs
        assert diagnose(reference, catalogue, [_call(x.copy(), 3.0 * x)], memo=memo) == plain
    assert runs == before
    # another value on the same inputs: the same outcomes, another verdict, nothing runs
    other = diagnose(reference, catalogue, [_call(x.copy(), 0.5 * x)], memo=memo)
    assert runs == before
    assert other == diagnose(reference, catalogue, [_call(x, 0.5 * x)])
    assert other is not None and [m.key for m in other.mistakes] == ["half"]
    before = dict(runs)
    # other inputs run
    diagnose(reference, catalogue, [_call(x + 1, 3.0 * (x + 1))], memo=memo)
    assert runs["triple"] > before["triple"]


def test_a_mistake_drawing_from_global_state_is_never_answered_from_the_memo() -> None:
    """An unseeded mistake gives a new value each run: the memo keeps nothing it could
    answer, and the verdict (no name, not ruled out: it cannot be replayed) is the one given
    without the memo."""
    reference, _ = _toy()
    runs = {"noisy": 0}

    def noisy(x: Any) -> Any:
        runs["noisy"] += 1
        return x * np.random.default_rng().random()

    catalogue = (_mistake("noisy", noisy),)
    x = np.array([1.0, 2.0])
    memo = Memo()
    plain = diagnose(reference, catalogue, [_call(x, 3.0 * x)])
    assert plain is not None and plain.mistakes == () and plain.ruled_out == ()
    for round_ in range(3):
        ran = runs["noisy"]
        assert diagnose(reference, catalogue, [_call(x, 3.0 * x)], memo=memo) == plain
        assert runs["noisy"] > ran, round_


def test_arguments_without_a_digest_just_run() -> None:
    """A call with a function among its arguments has no digest: it runs every time."""
    reference, runs = _toy()
    exec("def apply(f, x):\n    RUNS['ref'] += 1\n    return f(x)\n", vars(reference))
    catalogue = (Mistake(key="plus_one", name="plus one", fix="", functions=("apply",),
                         path=Path("p.py"), overrides={"apply": lambda f, x: f(x) + 1.0}),)
    memo = Memo()
    for _ in range(3):
        call = Recorded("apply", (abs, -1.0), {}, raised=None, value=2.0,
                        args_after=(abs, -1.0))
        found = diagnose(reference, catalogue, [call], memo=memo)
        assert found is not None and [m.key for m in found.mistakes] == ["plus_one"]
    assert runs["ref"] == 3 and len(memo) == 0


def test_the_batch_memo_lives_on_the_cached_reference() -> None:
    reference, _ = _toy()
    cached = CachedReference(reference)
    assert isinstance(cached.memo, Memo) and runner._memo(cached) is cached.memo
    assert runner._memo(cached) is runner._memo(cached)
    plain = runner._memo(reference)  # no batch: one memo for one submission's tests
    assert isinstance(plain, Memo) and plain is not runner._memo(reference)


# ------------------------------------------------------------------------ graded, slow


def _class(name: str, folder: Path) -> Path:
    """The catalogue's own mistakes (overlaid on the reference) and held-out batch 3."""
    assignment = find_assignment(name)
    ref = read_reference(assignment.reference)
    subs = folder / "submissions"
    subs.mkdir(parents=True)
    for path in catalogue_files(assignment.folder):
        (subs / f"mutant-{path.stem}.py").write_text(
            overlay_source(ref, path.read_text(encoding="utf-8"), path.stem), encoding="utf-8")
    for path in sorted((HELDOUT / name).glob("*.py")):
        (subs / f"heldout-{path.stem}.py").write_text(path.read_text(encoding="utf-8"),
                                                      encoding="utf-8")
    return subs


def _said(results: list[RunResult]) -> dict[str, list[tuple[str, float, str | None]]]:
    """The names given, per student and test (messages may differ: a submission drawing from
    an unseeded RNG returns other values in each run)."""
    return {r.student: [(t.name, t.points, t.mistake) for t in r.tests] for r in results}


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_names_with_and_without_the_memo_are_equal(name: str, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    assignment = find_assignment(name)
    subs = _class(name, tmp_path)
    memoized = run_batch(assignment, subs, tmp_path / "memo", jobs=2, progress=False)
    with monkeypatch.context() as patch:
        patch.setattr(runner, "_memo", lambda ref: None)  # every replay runs
        plain = run_batch(assignment, subs, tmp_path / "plain", jobs=2, progress=False)
    said, expected = _said(memoized.results), _said(plain.results)
    assert said.keys() == expected.keys() and len(said) > 10
    assert any(m for tests in said.values() for _, m, _ in tests)  # something was named
    differ = sorted(s for s in expected if said[s] != expected[s])
    if differ:  # a submission drawing from an unseeded RNG scores by chance: grade it again
        again = tmp_path / "again"
        again.mkdir()
        for student in differ:
            (again / f"{student}.py").write_text((subs / f"{student}.py").read_text())
        with monkeypatch.context() as patch:
            patch.setattr(runner, "_memo", lambda ref: None)
            rerun = _said(run_batch(assignment, again, tmp_path / "plain-again", jobs=2,
                                    progress=False).results)
        # only a submission that gives other results without the memo too may differ
        assert [s for s in differ if rerun[s] == expected[s]] == [], differ


def test_the_memo_drops_the_least_recently_used_beyond_its_entries_and_bytes() -> None:
    memo = Memo(max_entries=3)
    for k in range(4):
        memo.put(k, k)
    assert memo.get(0) is None and [memo.get(k) for k in (1, 2, 3)] == [1, 2, 3]
    memo.max_bytes = 2000
    memo.put("a", np.zeros(100))  # 800 bytes
    memo.put("b", np.zeros(100))
    memo.get("a")
    memo.put("c", np.zeros(100))  # over 2000 bytes: b, the least recently used, goes
    assert memo.get("b") is None and memo.get("a") is not None and memo.get("c") is not None


def test_a_trajectory_found_without_probes_is_kept_for_the_next_student(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """One epoch too few shows in the returned counts alone: the second student who sends the
    same values gets the same sentence without the trajectory running again."""
    from dataclasses import replace

    from grader.models import TestResult
    from grader.run.diagnose import Recording
    from grader.run.reference import load_reference, load_tests

    class Unreachable:
        call_timeout = 1.0
        reference_seconds = None

        def call(self, *args: Any, **kwargs: Any) -> Any:
            raise AssertionError("probed")

    assignment = find_assignment("perceptron")
    reference = load_reference(assignment)
    ref = CachedReference(reference)
    test = load_tests(assignment)[0]
    X = np.array([[0.0, 0.0, 1.0], [0.0, 1.0, 1.0], [1.0, 0.0, 1.0], [1.0, 1.0, 1.0]])
    y = np.array([-1, 1, 1, -1])  # XOR: never separable, every epoch updates
    _, counts = reference.train_perceptron(X, y, np.zeros(3), 5)
    short = reference.train_perceptron(X, y, np.zeros(3), 4)
    assert len(counts) == 5 and counts[-1] != 0  # the last epoch still updates
    failed = TestResult(name=test.name, points=0.0, max_points=1.0, visibility="visible",
                        status="failed", message="got something else.")
    said = []
    for round_ in range(2):
        if round_:  # the second student: nothing may run
            monkeypatch.setattr(runner, "explain", Unreachable().call)
        recording = Recording(Unreachable())
        recording.calls.append(Recorded("train_perceptron", (X, y, np.zeros(3), 5), {},
                                        raised=None, value=short,
                                        args_after=(X, y, np.zeros(3), 5)))
        said.append(runner._traced(assignment, test, failed, ref, recording, Unreachable(),
                                   runner._memo(ref)))
    assert said[0] == said[1] and "the count of epochs" in said[0].trajectory
    assert said[0] == replace(failed, message=said[0].message, trajectory=said[0].trajectory)


def test_a_mistake_that_cannot_reach_the_function_replays_the_reference_once() -> None:
    """A mistake in a function the called one never looks up (even through another reference
    function) leaves it the reference's own: one run serves every such mistake; a mistake in
    a function it does reach is replayed in its world and named (the failure follows)."""
    runs = {"outer": 0}
    reference = ModuleType("ref_reach_toy")
    reference.__dict__["RUNS"] = runs
    exec("def inner(x):\n    return 2.0 * x\n\n"
         "def middle(x):\n    return inner(x) + 1.0\n\n"
         "def outer(x):\n    RUNS['outer'] += 1\n    return [middle(v) for v in x]\n\n"
         "def other(x):\n    return x\n", vars(reference))

    def mistake(key: str, function: str, body: Any) -> Mistake:
        return Mistake(key=key, name=f"mistake {key}", fix="", functions=(function,),
                       path=Path(f"{key}.py"), overrides={function: body})

    unrelated = tuple(mistake(f"other{k}", "other", lambda x, k=k: x + k) for k in range(4))
    reaching = mistake("inner_triple", "inner", lambda x: 3.0 * x)
    student = Recorded("outer", ([1.0, 2.0],), {}, raised=None, value=[4.0, 7.0],
                       args_after=([1.0, 2.0],))  # 3x + 1: inner's mistake, through middle
    found = diagnose(reference, (*unrelated, reaching), [student], memo=Memo())
    assert found is not None and [m.key for m in found.mistakes] == ["inner_triple"]
    # the reference's run (kept at once: the reference is pure, no stability run) and
    # inner_triple's world's: none per unrelated mistake (each ran outer in its own world,
    # twice when it did not match)
    assert runs["outer"] == 2, runs


def test_a_whole_diagnosis_is_kept_once_every_outcome_it_used_was_reproduced(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Replay.whole: the third student whose test made the same calls with the same outcomes
    gets the diagnosis without any search (the first computed the outcomes, the second
    reproduced them); other outcomes, or other calls of the submission, are searched."""
    from grader.run import diagnose as module

    reference, _ = _toy()
    catalogue = (_mistake("triple", lambda x: 3.0 * x), _mistake("half", lambda x: 0.5 * x))
    x = np.array([1.0, 2.0])
    memo = Memo()
    first = diagnose(reference, catalogue, [_call(x, 3.0 * x)], memo=memo)
    assert diagnose(reference, catalogue, [_call(x.copy(), 3.0 * x)], memo=memo) == first
    searches: list[int] = []
    real = module._diagnose

    def searched(*args: Any, **kwargs: Any) -> Any:
        searches.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, "_diagnose", searched)
    assert diagnose(reference, catalogue, [_call(x.copy(), 3.0 * x)], memo=memo) == first
    assert searches == []
    # another outcome on the same inputs, or the same test beside another call: searched
    diagnose(reference, catalogue, [_call(x.copy(), 0.5 * x)], memo=memo)
    assert len(searches) == 1
    again = diagnose(reference, catalogue, [_call(x.copy(), 3.0 * x)],
                     others=[_call(x + 1, 3.0 * (x + 1))], memo=memo)
    assert len(searches) == 2 and again is not None and again.mistakes == first.mistakes


@pytest.mark.slow
def test_functions_not_written_yet_get_no_name_and_keep_their_message(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the stub raises NotImplementedError everywhere: nothing to name (no catalogue mistake, no
    # change of the reference, no relation), and nothing is spent looking for one
    searched: list[str] = []
    def counting(hook: str) -> Any:
        real = getattr(runner, hook)

        def counted(*args: Any, **kwargs: Any) -> Any:
            searched.append(hook)
            return real(*args, **kwargs)
        return counted

    for hook in ("diagnose", "find", "find_change", "explain"):
        monkeypatch.setattr(runner, hook, counting(hook))
    assignment = find_assignment("towers")
    subs = tmp_path / "subs" / "stub"
    subs.mkdir(parents=True)
    stub = _sources("towers")["stub"]
    (subs / f"{assignment.module}.py").write_text(stub, encoding="utf-8")
    result = run_batch(assignment, tmp_path / "subs", tmp_path / "out", jobs=1,
                       progress=False).results[0]
    failed = [t for t in result.tests if t.status == "failed"]
    assert failed and result.score == 0
    assert all(t.mistake is None and "NotImplementedError" in t.message for t in failed), [
        (t.name, t.mistake, t.message) for t in failed]
    assert searched == []
