"""Probes' trusted runs memoized across a batch (issue 16's cost, grader.run.confirm).

The reference and a catalogue mistake on each variant of a failing call, and the variants
themselves, are the same for every student whose test failed on that call: they go through the
batch's memo (grader.run.diagnose.Replay), and a mistake a test's probes kept is not probed
again when the catalogue is replayed after a refutation. Only the calls into the student's code
run for each student. The verdicts must be the ones given without any of it: on a toy reference
here (with the runs counted), and (slow) graded through `grader grade`'s path (run_batch:
sandbox, proxy, codec) on perceptron's pack and on mp_neuron's right-names fixtures, each
handed in by several students.
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
from grader.run import confirm, runner
from grader.run.catalogue import Mistake
from grader.run.diagnose import Replay
from grader.run.outcomes import Recorded
from grader.run.refcache import Memo
from tests.assignments.harness import sources

ROOT = Path(__file__).resolve().parents[2]
RIGHT_NAMES = ROOT / "tests" / "fixtures" / "right_names"


def _toy() -> tuple[ModuleType, dict[str, int]]:
    """A reference that fires when at least θ inputs are on, counting its runs."""
    runs = {"ref": 0, "strict": 0, "never": 0}
    reference = ModuleType("ref_confirm_toy")
    reference.__dict__["RUNS"] = runs
    exec("def fire(x, theta):\n    RUNS['ref'] += 1\n    return int(sum(x) >= theta)\n",
         vars(reference))
    return reference, runs


def _catalogue(runs: dict[str, int]) -> tuple[Mistake, ...]:
    def strict(x: Any, theta: int) -> int:
        runs["strict"] += 1
        return int(sum(x) > theta)

    def never(x: Any, theta: int) -> int:
        runs["never"] += 1
        return 0

    return tuple(Mistake(key=key, name=f"mistake {key}", fix="", functions=("fire",),
                         path=Path(f"{key}.py"), overrides={"fire": function})
                 for key, function in (("strict", strict), ("never", never)))


def _student(asked: list[tuple[Any, ...]]) -> confirm.StudentCall:
    """A student who wrote `>` for `>=` (the mistake 'strict'), called in this process."""
    def call(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Recorded:
        asked.append(args)
        value = int(sum(args[0]) > args[1])
        return Recorded(name, args, kwargs, None, value=value, args_after=args)
    return call


def _failing() -> list[Recorded]:
    x = [1, 0, 1, 0, 0, 1]  # 3 inputs on, θ = 3: the reference fires, `>` does not
    return [Recorded("fire", (x, 3), {}, None, value=0, args_after=(x, 3))]


def test_later_students_probes_run_no_trusted_code_and_give_the_same_verdict() -> None:
    reference, runs = _toy()
    catalogue = _catalogue(runs)
    asked: list[tuple[Any, ...]] = []
    plain = confirm.refuted(reference, catalogue, _failing(), {}, None, _student(asked))
    assert plain == {"never"}  # a variant with 4 inputs on: the student's code fires
    probes = len(asked)
    assert probes > 1
    memo = Memo()
    said, ran = [], []
    for _ in range(4):  # four students, each with a replay of their own, one batch memo
        before = dict(runs)
        said.append(confirm.refuted(reference, catalogue, _failing(), {}, None,
                                    _student(asked), replay=Replay(memo)))
        ran.append({k: runs[k] - before[k] for k in runs})
    assert said == [plain] * 4
    assert len(asked) == 5 * probes  # the student's code is probed for every student alike
    # the first student runs everything; the second at most as much, only to reproduce what
    # the memo keeps (diagnose's rule: an outcome is answered once reproduced); later ones
    # run nothing trusted
    assert all(ran[0].values()) and all(ran[1][k] <= ran[0][k] for k in runs)
    assert ran[2] == ran[3] == {"ref": 0, "strict": 0, "never": 0}, ran
    assert memo.hits > 0


def test_a_mistake_the_probes_kept_is_not_probed_again_for_the_same_test() -> None:
    reference, runs = _toy()
    catalogue = _catalogue(runs)
    asked: list[tuple[Any, ...]] = []
    kept: set[str] = set()
    replay = Replay(Memo())
    first = confirm.refuted(reference, catalogue, _failing(), {}, None, _student(asked),
                            replay=replay, kept=kept)
    assert first == {"never"} and kept == {"strict"}
    before = len(asked)
    # the catalogue replayed without 'never' names 'strict' again: no probe runs for it
    assert confirm.refuted(reference, catalogue[:1], _failing(), {}, None, _student(asked),
                           replay=replay, kept=kept) == set()
    assert len(asked) == before


def test_variants_from_the_memo_are_the_variants() -> None:
    call = Recorded("fire", (np.array([0, 1, 1, 0, 1]), 2), {}, None)
    memo = Memo()
    drawn = [confirm._variants(call, Replay(memo)) for _ in range(2)]
    fresh = list(confirm.variants(call))
    for kept in drawn:
        assert [(v.name, v.kwargs) for v in kept] == [(v.name, v.kwargs) for v in fresh]
        assert all(np.array_equal(a, b) for v, w in zip(kept, fresh, strict=True)
                   for a, b in zip(v.args, w.args, strict=True))
    assert drawn[1] is drawn[0]  # the second from the memo


# ------------------------------------------------------------------------ graded, slow


def _class(folder: Path) -> dict[str, Path]:
    """perceptron's pack (reference, stub, catalogue mutants, correct styles) and mp_neuron's
    right-names fixtures (probes decide their names), each handed in by three students."""
    out = {}
    for name, every in (("perceptron", sources("perceptron")),
                        ("mp_neuron", _fixtures("mp_neuron"))):
        subs = out[name] = folder / name
        subs.mkdir(parents=True)
        for student, source in every.items():
            for copy in range(3 if name == "mp_neuron" else 1):
                (subs / f"{student}-{copy}.py").write_text(source, encoding="utf-8")
    return out


def _fixtures(name: str) -> dict[str, str]:
    ref = read_reference(find_assignment(name).reference)
    return {path.stem: overlay_source(ref, path.read_text(encoding="utf-8"), path.stem)
            for path in sorted((RIGHT_NAMES / name).glob("*.py"))}


def _said(results: list[RunResult]) -> dict[str, list[tuple[Any, ...]]]:
    return {r.student: [(t.name, t.status, t.points, t.message, t.mistake, t.trajectory)
                        for t in r.tests] for r in results}


@pytest.mark.slow
def test_names_and_messages_with_and_without_the_probes_memo_are_equal(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    probed: list[int] = []
    original = confirm.confirmed

    def counted(*args: Any, **kwargs: Any) -> bool | None:
        probed.append(1)
        return original(*args, **kwargs)

    unmemoized = confirm.refuted

    def plain(*args: Any, replay: Any = None, kept: Any = None, proved: Any = None,
              disproved: Any = None) -> set[str]:
        # every probe's trusted run runs, every round of a test, and every test probes again
        # what an earlier one proved (runner.Probed); a contradicted mistake stays contradicted
        # (that changes names, not only their cost: tests/grader/test_right_names.py)
        return unmemoized(*args, disproved=disproved)

    for name, subs in _class(tmp_path).items():
        assignment = find_assignment(name)
        with monkeypatch.context() as patch:
            patch.setattr(confirm, "confirmed", counted)
            memoized = _said(run_batch(assignment, subs, tmp_path / f"{name}-memo", jobs=2,
                                       progress=False).results)
        with monkeypatch.context() as patch:
            patch.setattr(runner, "refuted", plain)
            expected = _said(run_batch(assignment, subs, tmp_path / f"{name}-plain", jobs=2,
                                       progress=False).results)
        assert memoized.keys() == expected.keys() and len(memoized) >= 12
        assert any(t[4] for tests in memoized.values() for t in tests)  # something named
        differ = sorted(s for s in expected if memoized[s] != expected[s])
        assert differ == [], [(s, memoized[s], expected[s]) for s in differ[:2]]
    assert probed  # the probes ran: the comparison covers them
