"""Run an assignment's tests against one submission: the `run` stage of the pipeline.

The tests run here, in the trusted process, with `student` (a proxy into the sandboxed worker),
`ref` (the reference module) and `rng` injected. Each outcome becomes a TestResult; nothing a
submission does (raise, loop, crash, exit, return junk) stops the other tests or escapes
`run_submission`.
"""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from types import ModuleType
from typing import Any, TypeVar

from grader.checks.failure import POSSIBLY, said
from grader.config import Assignment
from grader.models import Plot, RunResult, Submission, SubmissionStatus, TestResult
from grader.run import automatic
from grader.run.arguments import find as find_change
from grader.run.arguments import find_factor
from grader.run.catalogue import Mistake, load_catalogue, load_views
from grader.run.confirm import StudentCall, refuted, student_call
from grader.run.crashes import find as find_split
from grader.run.depends import find_dependence
from grader.run.diagnose import Diagnosis, Recorded, Recording, Replay, diagnose
from grader.run.echo import find_echo
from grader.run.exceptions import find as find_exception
from grader.run.figures import declared, draw_values
from grader.run.guesses import contradicted
from grader.run.laxcheck import find_lax_check
from grader.run.localise import find_where
from grader.run.refcache import Memo, Uncacheable, digest
from grader.run.reference import import_reference
from grader.run.relations import Related, find
from grader.run.runtest import run_test
from grader.run.samples import find_weights
from grader.run.shapes import find_shape
from grader.run.state import find as find_state
from grader.run.state import find_fresh, may_keep_state
from grader.run.trajectory import LOOPS, Probe, applies, explain
from grader.run.upstream import find_upstream
from grader.sandbox.proxy import LoadResult, StudentProxy
from grader.testing import TestCase, apply_requirements

_NOT_RUN = {
    "syntax_error": "not run: your code has a syntax error",
    "import_error": "not run: your code could not be imported",
    "timeout": "not run: loading your code took too long",
    "crashed": "not run: your code crashed while loading",
}


def run_submission(assignment: Assignment, submission: Submission, tests: list[TestCase], *,
                   ref: ModuleType | None = None, mode: str | None = None) -> RunResult:
    """Run `tests` against `submission` in a sandboxed worker; see the module docstring.

    `ref` defaults to the assignment's reference module (imported only if a test needs it);
    `mode` forces the isolation level ('bubblewrap' or 'subprocess', default: the best one).
    """
    started = time.monotonic()
    if ref is None and any("ref" in t.params for t in tests):
        ref = import_reference(assignment)
    proxy = StudentProxy(assignment, submission, mode=mode)
    warnings: list[str] = []
    plots: tuple[Plot, ...] = ()
    try:
        load = proxy.start()
        warnings += load.warnings
        if load.status == "ok":
            figures = bool(declared(assignment.folder))  # the report's pictures
            results, lost = _graded(assignment, tests, proxy, ref, names=figures)
            status: SubmissionStatus = "graded"
            if figures and lost:  # drawn only where points were lost (grader.run.figures)
                plots = draw_values(assignment, proxy,
                                    _module(ref) or import_reference(assignment), lost)
        else:
            status, results = load_failed(tests, load)
    finally:
        proxy.close()
    if proxy.restarts:
        warnings.append(f"your code was restarted {proxy.restarts} time(s) after a timeout or "
                        "a crash; the tests after it still ran")
    return RunResult(
        student=submission.student,
        assignment=submission.assignment,
        status=status,
        tests=tuple(results),
        message="" if load.status == "ok" else load.message,
        isolation=proxy.isolation,
        output=proxy.output,
        duration=time.monotonic() - started,
        peak_memory_kb=proxy.peak_memory_kb,
        sha256=submission.sha256,
        warnings=tuple(warnings),
        plots=plots,
    )


def load_failed(tests: list[TestCase],
                load: LoadResult) -> tuple[SubmissionStatus, list[TestResult]]:
    """A submission that did not load: its status and every test at 0, saying why it did not
    run (also what the in-process test double of tests/grader/toyclass.py gives)."""
    return _load_status(load), [_not_run(test, load) for test in tests]


def _load_status(load: LoadResult) -> SubmissionStatus:
    if load.status == "syntax_error":
        return "syntax_error"
    if load.status == "import_error":
        return "import_error"
    if load.status == "timeout":
        return "timeout"
    return "crashed"


def _not_run(test: TestCase, load: LoadResult) -> TestResult:
    return TestResult(name=test.name, points=0.0, max_points=test.points,
                      visibility=test.visibility,
                      status="timeout" if load.status == "timeout" else "failed",
                      message=_NOT_RUN.get(load.status, "not run"))


def run_tests(assignment: Assignment, tests: list[TestCase], student: Any,
              ref: ModuleType | None) -> list[TestResult]:
    """Every test in turn (run_test), then each failure's mistake named (grader.run.diagnose),
    then the gates (`requires=`, grader.testing.apply_requirements). A mistake's name
    must reproduce the failing test's calls and every call of its function in the whole
    submission, so the other tests' inputs confirm it."""
    return _graded(assignment, tests, student, ref)[0]


ALL = frozenset({"*"})
"""`lost` when the tests that lost points are known but not the functions they called."""


def _graded(assignment: Assignment, tests: list[TestCase], student: Any, ref: ModuleType | None,
            *, names: bool = False) -> tuple[list[TestResult], frozenset[str]]:
    """run_tests, and the student functions called by the tests that lost points (ALL when a
    test lost points without a recording, i.e. unless `names` or a diagnosis asks for one);
    for a test the catalogue named, the functions its mistakes are in instead, and none for a
    test that lost points only to a gate (a picture of a function the test called but that is
    right shows the reference's values twice)."""
    catalogue = _catalogue(assignment, ref)
    follow = applies(_module(ref))  # iterative runs: grader.run.trajectory
    recordings = [Recording(student) if catalogue or follow or names else None for _ in tests]
    results = [run_test(assignment, test, student, ref, recording=recording)
               for test, recording in zip(tests, recordings, strict=True)]
    blamed: list[set[str]] = [set() for _ in tests]  # the functions a name puts the mistake in
    memo: Memo | None = _memo(ref)  # None: nothing memoized (tests/grader/test_replay_memo.py)
    replay = Replay(memo)  # the reference's replays, shared by the catalogue and the relations
    views = load_views(assignment.folder) if catalogue else {}
    for recording in recordings:
        if recording is not None and _unwritten(recording):
            recording.incomplete = True  # nothing to name (nor to follow, nor to relate)
    every = [c for r in recordings if r is not None and not r.incomplete for c in r.calls]
    probed = Probed()  # what probes into this student's code showed, for every test
    if catalogue:
        results = [
            _named(result, catalogue, ref, recording, every, views, replay, blame,
                   _prober(assignment, student), probed)
            if result.status == "failed" and recording is not None and not recording.incomplete
            else result for result, recording, blame in zip(results, recordings, blamed,
                                                            strict=True)]
    left: dict[str, str] = {}  # test -> where its run leaves the rule's (a last resort)
    if follow:
        results = [
            _traced(assignment, test, result, ref, recording, student, memo, left)
            if result.status == "failed" and recording is not None and not recording.incomplete
            else result for test, result, recording in zip(tests, results, recordings,
                                                           strict=True)]
    if catalogue:  # a test nothing named: a relation to the reference's values, or a split
        again = _prober(assignment, student)
        fresh = _fresh_prober(assignment, student)
        results = [
            _unnamed(result, ref, recording, replay, views, every, again, fresh, probed.stateless)
            if result.status == "failed" and not result.mistake and recording is not None
            and not recording.incomplete else result
            for result, recording in zip(results, recordings, strict=True)]
    if catalogue and assignment.automatic_mistakes:  # still unnamed: the reference changed
        # at one point (a last resort: the relations above say what they find more simply)
        results = [
            _automatic(result, ref, recording, every, views, replay, blame,
                       _prober(assignment, student), probed)
            if result.status == "failed" and not result.mistake and recording is not None
            and not recording.incomplete else result
            for result, recording, blame in zip(results, recordings, blamed, strict=True)]
    if catalogue:  # still unnamed: where the value is wrong, when one place says it
        results = [
            _localised(result, ref, recording, replay, views, every, again)
            if result.status == "failed" and not result.mistake and recording is not None
            and not recording.incomplete else result
            for result, recording in zip(results, recordings, strict=True)]
    # still unnamed: where its iterative run leaves the rule's, and what the run does there
    results = [replace(result, mistake=left[result.name])
               if result.status == "failed" and not result.mistake and result.name in left
               else result for result in results]
    # before the gates: a test that lost points only to `requires=` adds no function (the
    # tests it requires lost points of their own)
    lost: frozenset[str] = frozenset().union(*(
        ALL if recording is None else blame or recording.names
        for result, recording, blame in zip(results, recordings, blamed, strict=True)
        if result.points < result.max_points))
    return apply_requirements(tests, results), lost  # property tests count only with values


def _unwritten(recording: Recording) -> bool:
    """Every call the test made raised NotImplementedError: the functions are not written yet
    (the stub's), there is no mistake to name, and the message says so already."""
    return bool(recording.calls) and all(
        c.raised is not None and "NotImplementedError" in c.raised for c in recording.calls)


def _catalogue(assignment: Assignment, ref: ModuleType | None) -> tuple[Mistake, ...]:
    """The assignment's mistake catalogue (grader.run.catalogue), empty without a reference."""
    module = _module(ref)
    if module is None:
        return ()
    api = tuple(getattr(module, "STUDENT_API", ()))
    return load_catalogue(assignment.folder, api) if api else ()


def _module(ref: Any) -> ModuleType | None:
    """The reference module itself (a batch passes a grader.run.refcache.CachedReference)."""
    module = vars(ref).get("_module", ref) if ref is not None else None
    return module if isinstance(module, ModuleType) else None


def _memo(ref: Any) -> Memo:
    """Where replays are memoized: the batch's (grader.run.refcache.CachedReference.memo, so
    the next student's failing tests find them), else one for this submission's tests."""
    memo = vars(ref).get("memo") if ref is not None else None
    return memo if isinstance(memo, Memo) else Memo()


Stage = TypeVar("Stage", bound=Callable[..., TestResult])


def _unfailing(stage: Stage) -> Stage:
    """A naming stage that cannot cost a grade: an exception in it (a bug of the grader's
    diagnosis, never the student's) leaves the test's result as it was, unnamed, and is said
    on stderr for the instructor; the score never depends on naming."""
    @functools.wraps(stage)
    def unfailing(*args: Any, **kwargs: Any) -> TestResult:
        try:
            return stage(*args, **kwargs)
        except Exception as exc:  # any bug of a naming stage
            result = next(a for a in (*args, *kwargs.values()) if isinstance(a, TestResult))
            print(f"nn-grader: naming {result.name} stopped in {stage.__name__}: "
                  f"{type(exc).__name__}: {exc} (the test keeps its score, without a name)",
                  file=sys.stderr)
            return result
    return unfailing  # type: ignore[return-value]


@dataclass
class Probed:
    """What probes into one student's code showed (grader.run.confirm), kept for the
    submission's next tests: a mistake every probe proved is not probed again (the probes were
    most of what naming cost: bench/RESULTS.md), and a mistake a probe's outcome contradicted
    is not the student's: their code differs from it on some input, so no later test names
    it (a test whose own calls cannot tell it apart, heldout15's θ = 2.5 where θ left at 0 and
    a count of the excitatory inputs fire alike, gave a wrong name; the price: heldout10's
    active_margin_ge_zero, which differs from the catalogue's counting of j = y_i only at ties,
    loses a name judged right). A mistake refuted only because no probe ran in time (a flat
    output) is not carried over: that depends on the machine's load."""

    gone: set[str] = field(default_factory=set)
    proved: set[str] = field(default_factory=set)
    stateless: set[str] = field(default_factory=set)
    """Functions whose call, made again in a fresh start of the student's code, was as wrong
    (grader.run.state.find_fresh): not tried again."""


@_unfailing
def _named(result: TestResult, catalogue: tuple[Mistake, ...], ref: Any,
           recording: Recording, every: list[Recorded], views: dict[str, Any],
           replay: Replay | None = None, blamed: set[str] | None = None,
           probe: StudentCall | None = None, probed: Probed | None = None,
           at_most: int | None = None) -> TestResult:
    """The failure's message and mistake after replaying its calls on the catalogue: the
    mistakes that reproduce them are named (their functions added to `blamed`); a check's own
    guess that the replay contradicts (its mistake is in the catalogue and does not reproduce
    the calls) is withdrawn, and so is the comparison's guess of a flipped sign or a transpose
    that another call of the function contradicts (grader.run.guesses). A name the test's
    calls show by too few wrong entries must also fit variants of them run on the student's
    code (`probe`, grader.run.confirm); `probed` holds what the submission's earlier tests'
    probes showed; `at_most` (the automatic
    mistakes, grader.run.automatic): no name when more mistakes than that fit (they tell
    nothing apart), and none shown by exceptions alone (a changed reference that crashes
    where the student's code crashes, even with the same message: numpy's shape errors have
    many causes)."""
    module = _module(ref)
    probed = probed if probed is not None else Probed()
    trusted = replay or Replay(_memo(ref))  # the reference's replays outside the catalogue's
    if contradicted(result.mistake, module, recording.calls, every, trusted,
                    recording.tolerance, views):  # a coincidence of this call's values
        result = _withdrawn(result, result.mistake)
    message, mistake = result.message, result.mistake
    # the only names ruled out: the catalogue's for the check's guess (_ruled_out)
    asked = tuple(m.name for m in catalogue if _ruled_out(
        mistake.removeprefix(POSSIBLY), m.name, compared=recording.tolerance is not None)
    ) if mistake else ()
    refuted_before = {m.name for m in catalogue if m.key in probed.gone}
    catalogue = tuple(m for m in catalogue if m.key not in probed.gone)
    found: Diagnosis | None = diagnose(
        module, catalogue, recording.calls, every, recording.tolerance, replay=replay,
        views=views, rule_out=asked) if module else None
    if found is None:
        return _withdrawn(result, mistake) if set(asked) & refuted_before else result
    gone: set[str] = set()  # refuted by a probe: the catalogue is replayed without them
    kept: set[str] = set()  # probed and kept: a name found again is not probed again
    while found is not None and found.mistakes and probe is not None and module is not None:
        out = refuted(module, found.mistakes, recording.calls, views, recording.tolerance, probe,
                      every, replay=replay, kept=kept, proved=probed.proved,
                      disproved=probed.gone)
        if not out:
            break
        gone |= out
        if len(gone) >= REFUTED:  # so many fit and fail: what is left is no better proved
            found = replace(found, mistakes=())
            break
        again = diagnose(module, tuple(m for m in catalogue if m.key not in gone),
                         recording.calls, every, recording.tolerance, replay=replay,
                         views=views, rule_out=asked)
        ruled = (*found.ruled_out, *(m.name for m in found.mistakes if m.key in out))
        found = replace(again or found, ruled_out=(*(again.ruled_out if again else ()), *ruled),
                        mistakes=again.mistakes if again else ())
    if found is not None and at_most is not None:  # a second tier: values, not exceptions
        found = replace(found, mistakes=tuple(m for m in found.mistakes
                                              if m.key in found.valued))
    if found is None or (at_most is not None and len(found.mistakes) > at_most):
        return result
    guess = said(mistake) if mistake else ""
    if found.mistakes:
        if blamed is not None:
            blamed.update(f for m in found.mistakes for f in m.functions)
        base = message.replace(guess, "") if guess else message
        # a change of the arguments that gives the same values is as good an explanation
        # (int(theta) and `count > θ − 1` fire alike for every θ): both are said
        also = find_change(module, recording.calls, recording.tolerance, trusted, views,
                           every) if module is not None else None
        return replace(
            result, message=f"{base} {found.sentence()}".strip() + (
                f" Or, with exactly the same values: {also.sentence}" if also else ""),
            mistake=found.label() + (f"; or {also.label}" if also else ""))
    if set(asked) & {*found.ruled_out, *refuted_before}:
        return _withdrawn(result, mistake)
    return result


@_unfailing
def _automatic(result: TestResult, ref: Any, recording: Recording, every: list[Recorded],
               views: dict[str, Any], replay: Replay, blamed: set[str], probe: StudentCall,
               probed: Probed) -> TestResult:
    """The failure named by the single-point changes of the reference (grader.run.automatic)
    that reproduce it, as the catalogue's mistakes are (_named), when at most AT_MOST fit."""
    module = _module(ref)
    api = tuple(getattr(module, "STUDENT_API", ())) if module is not None else ()
    mistakes = automatic.for_functions(module, api, recording.names) if module else ()
    values = [c.value for c in recording.calls if c.raised is None and c.name not in views]
    if not mistakes or automatic.one_number(values):
        return result  # one value everywhere (zeros): many changes give it, none is told
        # (a construction, compared through a view, may hold one weight everywhere)
    return _named(result, mistakes, ref, recording, every, views, replay, blamed, probe,
                  probed, at_most=automatic.AT_MOST)


@_unfailing
def _localised(result: TestResult, ref: Any, recording: Recording, replay: Replay,
               views: dict[str, Any], every: list[Recorded], probe: StudentCall) -> TestResult:
    """The failure's message and mistake with the kind of invalid input its check lets through
    (grader.run.laxcheck), the shape of a wrong-shaped value in the arguments' sizes
    (grader.run.shapes), the one place where the value is wrong
    (grader.run.localise), the arguments its error depends on (grader.run.depends: not for a
    whole training run, trajectory.LOOPS, whose every input moves the error and whose probes
    are whole runs: it never named one, and cost as much as the rest of the stage), or the
    earlier call whose value a later one could not take (grader.run.upstream), when nothing
    said why."""
    module = _module(ref)
    if module is None:
        return result
    found = find_lax_check(module, recording.calls, replay, views, every, probe) or \
        find_shape(module, recording.calls, replay, views, every, probe) or \
        find_where(module, recording.calls, recording.tolerance, replay, views, every,
                   probe) or \
        find_dependence(module, [c for c in recording.calls if c.name not in LOOPS],
                        recording.tolerance, replay, views, probe) or \
        find_upstream(module, recording.calls, replay, views)
    return _told(result, found)


def _told(result: TestResult, found: Related | None) -> TestResult:
    """`result` with what a last-resort stage found said in its message and recorded as its
    mistake (unchanged when nothing was found)."""
    if found is None:
        return result
    return replace(result, message=f"{result.message} {found.sentence}".strip(),
                   mistake=found.label)


def _withdrawn(result: TestResult, mistake: str | None) -> TestResult:
    """`result` without the check's own guess `mistake` (the catalogue ruled it out)."""
    guess = said(mistake) if mistake else ""
    return replace(result, message=result.message.replace(guess, "") if guess else
                   result.message, mistake=None)


@_unfailing
def _unnamed(result: TestResult, ref: Any, recording: Recording, replay: Replay,
             views: dict[str, Any], every: list[Recorded],
             probe: StudentCall | None = None, fresh: StudentCall | None = None,
             stateless: set[str] | None = None) -> TestResult:
    """The failure's message and mistake, from the first of these that holds: an exact
    relation between the student's values and the reference's on the test's calls
    (grader.run.relations); a part of the value that is an argument handed back as passed
    (grader.run.echo); two different results for the same arguments (state kept between
    calls: grader.run.state), or the right result for the test's input as the first call of a
    fresh start of the student's code (`fresh`; `stateless`: the functions for which it was
    as wrong, not tried again: grader.run.state.find_fresh); the one change of the arguments
    that gives the student's values (grader.run.arguments); the one size or property of the
    arguments that splits the calls where the student's code raised (and the reference
    returned) from the others (grader.run.crashes); what a well-known exception it raised
    there means (grader.run.exceptions)."""
    module = _module(ref)
    if module is None:
        return result
    found: Related | None = (
        find(module, recording.calls, recording.tolerance, replay, views, every)
        or find_echo(module, recording.calls, recording.tolerance, replay, views, every)
        or find_state(module, recording.calls, every, replay, views, probe)
        or (find_fresh(module, recording.calls, recording.tolerance, replay, views, fresh,
                       stateless if stateless is not None else set()) if fresh else None)
        or find_change(module, recording.calls, recording.tolerance, replay, views, every)
        or find_factor(module, recording.calls, recording.tolerance, replay, views, every)
        or find_weights(module, [c for c in recording.calls if c.name not in LOOPS],
                        recording.tolerance, replay, views, every)  # a training run: no mean
        or find_split(module, recording.calls, every, replay, views, result.message, probe)
        or find_exception(module, recording.calls, replay))
    return _told(result, found)


REFUTED = 8
"""At most this many named mistakes refuted by probes per test (each refutation replays the
catalogue without them once more); after as many, the test gets no name (the mistakes still
fitting are as unproved as those refuted: a family of threshold tests that never fire)."""


def _prober(assignment: Assignment, student: Any) -> StudentCall:
    """Calls into the student's code for grader.run.confirm, under the assignment's limit
    for a call."""
    call = student_call(student)

    def probe(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Recorded | None:
        student.call_timeout = float(assignment.limits.call_timeout)
        return call(name, args, kwargs)
    return probe


def _fresh_prober(assignment: Assignment, student: Any) -> StudentCall | None:
    """A call made as the first of a fresh start of the student's code (the worker stopped,
    the submission loaded anew: grader.sandbox.session.WorkerSession.fresh_start); None for a
    student without workers. Code that can keep no state between calls (state.may_keep_state,
    its source parsed when the first call is asked) gets no call: None, "as wrong"."""
    start = getattr(student, "fresh_start", None)
    if not callable(start):
        return None
    probe = _prober(assignment, student)

    @functools.cache
    def stateful() -> bool:  # parsed at the first failing call asked, never for a pass
        return may_keep_state(str(getattr(student, "source", "")))

    def fresh(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Recorded | None:
        return probe(name, args, kwargs) if stateful() and start() else None
    return fresh


def _ruled_out(guess: str, name: str, *, compared: bool) -> bool:
    """The check's guess is the catalogue mistake `name`, so the replay ruling `name` out
    withdraws it: its name, or — for a guess made by comparing values (`compared`: a
    mistakes= map matched the first failing call alone) — its name with more said after it
    ("the tower has the wrong sign (a and b swapped)" is the catalogue's "the tower has the
    wrong sign"); the replay also tried the submission's other calls. A guess from an
    observation (a warning, an exception: no comparison) claims no value, so only its exact
    name withdraws it. A value guess is withdrawn as well by a catalogue mistake that says
    more after it ("theta is one too high" by "theta is one too high for AND (n + 1 …)"):
    the same claim, made precise."""
    return guess == name or (compared and (
        guess.startswith((f"{name} ", f"{name}:"))
        or name.startswith((f"{guess} ", f"{guess}:"))))


@_unfailing
def _traced(assignment: Assignment, test: TestCase, result: TestResult, ref: Any,
            recording: Recording, student: Any, memo: Memo | None,
            left: dict[str, str] | None = None) -> TestResult:
    """The failure's message with where its iterative run leaves the reference's
    (grader.run.trajectory); probes into the student's code run under the test's limits.
    What the run does there (Departure.label, a fact) goes to `left` under the test's name:
    it names the test when no later stage does.
    A test the catalogue named gets no probes: its trajectory sentence is added only when the
    recorded values alone give it (the name and its fix are the better message, and the
    probes were most of what diagnosis cost, bench/RESULTS.md)."""
    module = _module(ref)
    if module is None:
        return result
    named = bool(result.mistake) and not str(result.mistake).startswith(POSSIBLY)
    key = _calls_key(recording.calls) if memo is not None else None
    kept = memo.get(key) if memo is not None and key is not None else None
    # a named test's run is never probed: what it gives (nothing, when it wanted probes) is a
    # function of the recorded values alone too, kept under a key of its own
    unprobed = (*key, "named") if key is not None else None
    if kept is None and named and memo is not None and unprobed is not None:
        kept = memo.get(unprobed)
    if kept is not None:
        found = kept[0]
    else:
        student.call_timeout = float(test.timeout or assignment.limits.call_timeout)
        student.reference_seconds = test.reference_seconds
        probe = Probe(None if named else student)
        found = explain(module, recording.calls, probe)
        if probe.calls == 0 and probe.wanted == 0:
            if memo is not None and key is not None:
                memo.put(key, (found,))  # from the recorded values alone: the same for anyone
        elif named:
            found = None  # it needed probes: the name stands alone
            if memo is not None and unprobed is not None:
                memo.put(unprobed, (None,))
    if found is None:
        return result
    sentence, hint, proved, label = found
    if label is not None and left is not None:  # used only if no later stage names the test
        left[result.name] = label
    # a mistake the run proves (trajectory_loops.RANDOM_RUN) names a test nothing else named
    mistake = result.mistake or proved
    return replace(result, message=f"{result.message} {sentence}".strip(), trajectory=hint,
                   mistake=mistake)


def _calls_key(calls: list[Recorded]) -> tuple[Any, ...] | None:
    """A test's recorded calls by digest (arguments and what the student's code gave), or None
    when one has no digest: a trajectory found from these alone, without probing the
    student's code, is the same for every student who sent them."""
    try:
        return ("trajectory", *((c.name, digest(c.args, c.kwargs),
                                 digest((c.raised, c.value, c.args_after), c.kwargs_after or {}))
                                for c in calls))
    except Uncacheable:
        return None
