"""Where a failing iterative run leaves the reference's, and what differs there.

For the course's iterative algorithms (the perceptron's training loop, mini-batch SGD, and runs
of momentum / Adam steps) a failing test's recorded calls (grader.run.diagnose.Recording) are
replayed here, in the trusted process, alongside the lecture's iteration: the first epoch, step
or sample where the student's run departs is named, with what differs there — the order of the
samples, the count of epochs or steps, the update, or the stopping rule.

Only trusted code runs here: the iteration is written out below and checked against the
reference module's own result on the same call before anything is said (a reference with the
same function name but another meaning gets no trajectory). The student's values are the ones
the sandboxed calls returned; where those do not show the step (train_perceptron returns only
the final w and the counts), `Probe` calls the student's function again THROUGH THE PROXY on
derived inputs (a prefix of the data, fewer epochs, rows outside the first batches zeroed), a
bounded number of times. A probe that raises or times out ends the probing; the diagnosis then
says what the recorded values alone show.

Nothing runs for a passing test.
"""

from __future__ import annotations

import inspect
import itertools
import time
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import Any

import numpy as np

from grader.run.diagnose import Recorded
from grader.run.trajectory_loops import RANDOM_RUN, Departure, factor, fmt
from grader.run.trajectory_perceptron import perceptron
from grader.run.trajectory_sgd import PROBED as SGD_PROBED
from grader.run.trajectory_sgd import sgd

MAX_PROBES = 24
"""Extra calls into the student's code one failing test may make to find the step."""
BUDGET = 3.0
"""Seconds one test's trajectory diagnosis may spend (probes included)."""


class Probe:
    """Calls the student's function through the runner (the sandbox's proxy) for the diagnosis:
    at most MAX_PROBES calls and BUDGET seconds; after a failure it answers None only. Without
    a student (None) it answers None only; `wanted` counts the calls it refused."""

    def __init__(self, student: Any) -> None:
        self._student = student
        self.calls = 0
        self.wanted = 0
        self.broken = student is None
        self._deadline = time.monotonic() + BUDGET

    def __call__(self, name: str, *args: Any) -> Any:
        if self.broken or self.calls >= MAX_PROBES or time.monotonic() > self._deadline:
            self.broken = True
            self.wanted += 1
            return None
        self.calls += 1
        try:
            return self._student.call(name, *args).value
        except Exception:  # a probe that fails ends the probing, whatever the cause
            self.broken = True
            return None


Analyser = Callable[[Callable[..., Any], dict[str, Any], Any, Probe], Departure | None]
LOOPS: dict[str, Analyser] = {"train_perceptron": perceptron, "minibatch_sgd": sgd}
"""One call's analyser by function name: (reference function, bound arguments, the student's
value, probe) -> the departure."""
STEPS: dict[str, tuple[str, ...]] = {"momentum_step": ("w", "v"), "adam_step": ("w", "m", "v")}
"""Step functions whose state the test feeds back: their outputs, by name."""
DECAY = {("momentum_step", "v"): "mu", ("adam_step", "m"): "beta1", ("adam_step", "v"): "beta2"}
"""A state's decay argument: the state's new part is state_new − decay·state (v: the g it
adds)."""
NAMES = (*LOOPS, *STEPS)
PROBED = (RANDOM_RUN, *SGD_PROBED)
"""Mistakes a departure proves with probes; every other one it proves from the recorded values
alone, and is named only when every recorded call of that function in the test shows it (or
agrees with the reference)."""


def applies(reference: ModuleType | None) -> bool:
    """Whether the reference has a function this module can follow."""
    return reference is not None and any(callable(getattr(reference, n, None)) for n in NAMES)


def explain(reference: ModuleType, calls: Sequence[Recorded],
            probe: Probe) -> tuple[str, str, str | None, str | None] | None:
    """The sentence for a failing test: where its first departing call leaves the reference's
    run and what differs there, its hint (Departure.hint: what differs only, no value of
    the run), the mistake it proves (Departure.mistake, or None) and the name of where the run
    leaves the rule's (Departure.label: a fact, for a test nothing else names; or None); None
    when no recorded call is an iterative run that departs."""
    for call in calls:
        function = getattr(reference, call.name, None)
        if call.raised is not None or not callable(function) or call.name not in LOOPS:
            continue
        try:
            bound = inspect.signature(function).bind(*call.args, **call.kwargs)
        except TypeError:
            continue
        bound.apply_defaults()
        try:
            with np.errstate(all="ignore"):
                found = LOOPS[call.name](function, dict(bound.arguments), call.value, probe)
        except (ValueError, TypeError, IndexError, ArithmeticError):
            found = None
        if found is not None:
            mistake = found.mistake
            if mistake is not None and mistake not in PROBED and not _everywhere(
                    reference, calls, call.name, mistake):
                mistake = None
            return found.sentence(call.name), found.hint(call.name), mistake, \
                found.label(call.name)
    for name, outputs in STEPS.items():
        run = [c for c in calls if c.name == name and c.raised is None]
        function = getattr(reference, name, None)
        if run and callable(function):
            try:
                with np.errstate(all="ignore"):
                    found = _steps(name, function, run, outputs)
            except (ValueError, TypeError, IndexError, ArithmeticError):
                found = None
            if found is not None:
                return found.sentence(name), found.hint(name), found.mistake, found.label(name)
    return None


def _everywhere(reference: ModuleType, calls: Sequence[Recorded], name: str,
                mistake: str) -> bool:
    """Whether every recorded call of `name` either is the reference's run or departs with
    `mistake`, from its values alone (no probes)."""
    function = getattr(reference, name)
    for call in calls:
        if call.name != name or call.raised is not None:
            continue
        try:
            bound = inspect.signature(function).bind(*call.args, **call.kwargs)
            bound.apply_defaults()
            with np.errstate(all="ignore"):
                found = LOOPS[name](function, dict(bound.arguments), call.value, Probe(None))
        except (ValueError, TypeError, IndexError, ArithmeticError):
            return False
        if found is not None and found.mistake != mistake and mistake not in found.possible:
            return False
    return True


def _steps(name: str, function: Callable[..., Any], run: list[Recorded],
           outputs: tuple[str, ...]) -> Departure | None:
    """The test's calls of a step function (a run when each is fed the w the last one
    returned): the first whose outputs differ from the reference's step on the same inputs."""
    signature = inspect.signature(function)
    chained = len(run) > 1 and all(
        _close(a.value[0], b.args[0]) for a, b in itertools.pairwise(run)
        if isinstance(a.value, tuple | list) and a.value and b.args)
    for t, call in enumerate(run, 1):
        bound = signature.bind(*call.args, **call.kwargs)
        bound.apply_defaults()
        args = dict(bound.arguments)
        expected = function(**{k: _copy(v) for k, v in args.items()})
        got = call.value
        if not isinstance(got, tuple | list) or len(got) != len(outputs):
            return None
        wrong = [i for i in range(len(outputs)) if not _close(got[i], expected[i])]
        if not wrong:
            continue
        parts = [_component(name, outputs[i], got[i], expected[i], args)
                 for i in sorted(wrong, key=lambda i: i == 0)]  # the states first, then w
        right = [outputs[i] for i in range(len(outputs)) if i not in wrong]
        if right:
            parts.append(f"your {', '.join(right)} {'is' if len(right) == 1 else 'are'} right"
                         + (" (the next step starts from the wrong state)" if 0 not in wrong
                            else ""))
        what = "the update of " + " and ".join(outputs[i] for i in sorted(wrong, reverse=True))
        where = (f"step {t} of {len(run)}" if chained else
                 f"call {t} of {len(run)}" if len(run) > 1 else "its one step")
        seen = None if not right else (
            f"returns a wrong {' and '.join(outputs[i] for i in sorted(wrong))} while its "
            f"{' and '.join(right)} {'is' if len(right) == 1 else 'are'} right")
        return Departure(where, "; ".join(parts), what, seen=seen)
    return None


def _component(function: str, name: str, got: Any, expected: Any,
               args: dict[str, Any]) -> str:
    """What differs in one output: for w the step taken, for a state the new part it adds
    (state_new − decay·state); a constant factor is named (traced to lr when it is lr)."""
    got_a, exp_a = np.asarray(got, dtype=np.float64), np.asarray(expected, dtype=np.float64)
    what = f"your {name}"
    decay = DECAY.get((function, name))
    if name == "w":
        start = np.asarray(args.get("w"), dtype=np.float64)
        got_a, exp_a, what = got_a - start, exp_a - start, "your step w_new − w"
    elif decay is not None and isinstance(args.get(decay), float | int):
        old = np.asarray(args.get(name), dtype=np.float64) * float(args[decay])
        if factor(got_a - old, exp_a - old) is not None:
            got_a, exp_a = got_a - old, exp_a - old
            what = f"the new part of your {name}, {name}_new − {decay}·{name},"
    text = f"{what} is {fmt(got_a)}, the reference's {fmt(exp_a)}"
    c = factor(got_a, exp_a)
    if c is None:
        return text
    lr = args.get("lr")
    is_lr = isinstance(lr, float | int) and np.isclose(c, lr, rtol=1e-9)
    rest = function == "momentum_step" and isinstance(args.get("mu"), float | int) and np.isclose(
        c, 1 - float(args["mu"]), rtol=1e-9)
    if is_lr and rest:  # two causes fit these inputs: name both, claim neither
        return (f"{text}: {c:.4g} times it — either the learning rate is folded into {name}"
                f" or the new gradient is weighted by 1 − {decay} (a moving average);"
                f" lr and 1 − {decay} are both {c:.4g} here")
    if is_lr:
        return f"{text}: lr = {c:.4g} times it, so the learning rate is folded into {name}"
    if rest:
        return f"{text}: 1 − {decay} = {c:.4g} times it, a moving average of the gradients"
    t = args.get("t")
    if decay is not None and isinstance(t, int) and np.isclose(
            c, 1 / (1 - float(args[decay]) ** t), rtol=1e-9):
        return f"{text}: 1/(1 − {decay}ᵗ) = {c:.4g} times it, the bias-corrected value"
    return f"{text}: {c:.4g} times it"


def _close(a: Any, b: Any) -> bool:
    try:
        return bool(np.allclose(np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64),
                                rtol=1e-9, atol=1e-12))
    except (ValueError, TypeError):
        return False


def _copy(value: Any) -> Any:
    return np.array(value) if isinstance(value, np.ndarray) else value
