"""What naming mistakes costs: the same class graded with diagnosis off and on, side by side.

    .venv/bin/python bench/diagnosis.py [--rounds 3] [--copies 1] [--assignment perceptron ...]
        [--unseen tests/heldout16]

For each assignment (default: perceptron and gradient_descent, the ones with trajectories) the
class is the pack's reference and correct styles (passing) and its catalogue mutants, the
untouched stub and tests/fixtures/trajectory's single mistakes (failing), each handed in by
`--copies` students (1: every mistake once; more: a class where mistakes repeat, as hidden
tests' seeded inputs make every student's failing test replay the same calls). It is graded
through grader.batch.driver.run_batch (the `grader grade` path: sandbox, proxy, codec;
--jobs 2) in three configurations, rounds interleaved so the machine's load hits all alike:

- off: no recording, no catalogue, no trajectory, no pictures;
- first: what `grader grade` ships, but every submission replays the catalogue as if it were
  the first (or only) one of its batch: a memo of its own (grader.run.refcache.Memo), shared
  by its tests only;
- shipped: what `grader grade` does: the catalogue replay (grader.run.diagnose) memoized across
  the batch, the trajectory (grader.run.trajectory), the relations (grader.run.relations) and
  the pictures (grader.run.figures, only for functions whose tests lost points);
- first-percall, shipped-percall: the same with a picture's calls into the student's code one
  round trip each (NN_GRADER_FIGURE_BATCH=off: before grader.sandbox.prefetch);
- first-table, shipped-table: the same starting from the replay table `grader validate` writes
  (grader.run.replaytable; the bench writes it first when it is missing or stale, and says how
  long that took). The configurations without "-table" never read it.

`--configs off,first,shipped` picks some (default: all). `--unseen tests/heldoutN` adds a
held-out batch's files for the assignment to the class (mistakes written without seeing the
catalogue, and its correct solutions); a second table gives the cost per kind of failing
submission: the catalogue's own mistakes (whose searches `grader validate`'s replay table
holds), the rest of the pack with the trajectory fixtures, and the unseen ones.

Configurations are switched by replacing grader.run.runner's module-level hooks in this process
(the batch's threads run there), never by editing the engine. Per submission the median of
RunResult.duration over the rounds; the table sums them over passing and failing submissions
and gives each configuration's extra time against `off`; "inside" columns time the hooks
themselves within run_submission (the precise measure: whole sums move with the load). Prints
the machine and its load.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from grader.authoring import named  # noqa: E402
from grader.authoring.demo import overlay_source  # noqa: E402
from grader.authoring.findings import Report  # noqa: E402
from grader.authoring.source import read_reference  # noqa: E402
from grader.batch.driver import run_batch  # noqa: E402
from grader.config import find_assignment  # noqa: E402
from grader.run import replaytable, runner  # noqa: E402
from grader.run.figures import BATCH_ENV  # noqa: E402
from grader.run.refcache import Memo  # noqa: E402
from grader.run.reference import import_reference, load_tests  # noqa: E402
from tests.assignments.harness import sources  # noqa: E402

CONFIGS = ("off", "first-percall", "first", "first-table", "shipped-percall", "shipped",
           "shipped-table")
FIXTURES = ROOT / "tests" / "fixtures" / "trajectory"
PARTS = {"_named": "catalogue", "_automatic": "automatic", "_traced": "trajectory",
         "_unnamed": "relations", "_localised": "localised", "draw_values": "pictures"}
"""grader.run.runner's hooks whose time is measured inside each run_submission: every stage
run_tests runs after the tests (grader.run.runner._graded), and the pictures. A hook called
from inside another (the automatic mistakes are named by _named) counts for the outer one."""

_local = threading.local()
SPENT: dict[str, dict[str, float]] = {}
"""student -> part -> seconds inside it (the last configuration graded)."""


def _timed(part: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def timed(*args: Any, **kwargs: Any) -> Any:
        if getattr(_local, "inside", False):
            return function(*args, **kwargs)  # counted by the hook it is called from
        started = time.perf_counter()
        _local.inside = True
        try:
            return function(*args, **kwargs)
        finally:
            _local.inside = False
            spent = getattr(_local, "spent", None)
            if spent is not None:
                spent[part] = spent.get(part, 0.0) + time.perf_counter() - started
    return timed


def _per_submission(function: Callable[..., Any]) -> Callable[..., Any]:
    def run(assignment: Any, submission: Any, *args: Any, **kwargs: Any) -> Any:
        _local.spent = SPENT.setdefault(submission.student, {})
        try:
            return function(assignment, submission, *args, **kwargs)
        finally:
            _local.spent = None
    return run


def _fresh(assignment: str, table: bool) -> Callable[..., Memo]:
    """A memo for one submission ("first"), from the replay table when `table` (read on its
    first use, as a batch reads it)."""
    found = find_assignment(assignment)
    module = import_reference(found)

    def memo(*_: Any) -> Memo:
        fresh = Memo()
        if table:
            replaytable.load_later(found, module, fresh)
        return fresh
    return memo


@contextmanager
def configured(name: str, assignment: str) -> Any:
    """grader.run.runner with the hooks of configuration `name` (restored afterwards), each
    enabled hook timed."""
    hooks = ("_catalogue", "applies", "declared", "_memo", "run_submission", *PARTS)
    saved = {k: getattr(runner, k) for k in hooks}
    table = name.endswith("-table")
    replaced: dict[str, Callable[..., Any]] = {
        "off": {"_catalogue": lambda *a: (), "applies": lambda *a: False,
                "declared": lambda *a: ()},
        "first": {"_memo": _fresh(assignment, table)},
        "shipped": {}}[name.removesuffix("-percall").removesuffix("-table")]
    SPENT.clear()
    env = os.environ.get(BATCH_ENV)
    if name.endswith("-percall"):
        os.environ[BATCH_ENV] = "off"
    later = replaytable.load_later
    if not table:
        replaytable.load_later = lambda *a: None  # type: ignore[assignment]
    try:
        for hook, replacement in replaced.items():
            setattr(runner, hook, replacement)
        for hook, part in PARTS.items():
            setattr(runner, hook, _timed(part, saved[hook]))
        runner.run_submission = _per_submission(saved["run_submission"])
        yield
    finally:
        for hook, original in saved.items():
            setattr(runner, hook, original)
        replaytable.load_later = later  # type: ignore[assignment]
        if env is None:
            os.environ.pop(BATCH_ENV, None)
        else:
            os.environ[BATCH_ENV] = env


def write_class(name: str, folder: Path, copies: int = 1,
                unseen: Path | None = None) -> dict[str, bool]:
    """The submissions, and whether each is expected to pass; with `copies` > 1 each is
    handed in by that many students (a class where mistakes repeat, as they do). `unseen`: a
    held-out batch (tests/heldoutN) whose files for this assignment join the class as
    `unseen-<file>` (mistakes the catalogue was not written for; its correct_*.py pass)."""
    assignment = find_assignment(name)
    ref = read_reference(assignment.reference)
    every = dict(sources(name))
    for path in sorted((FIXTURES / name).glob("*.py")):
        every[f"trajectory-{path.stem}"] = overlay_source(ref, path.read_text(encoding="utf-8"),
                                                          path.stem)
    for path in sorted((unseen / name).glob("*.py")) if unseen is not None else ():
        student = f"{'correct' if path.stem.startswith('correct_') else 'unseen'}-{path.stem}"
        every[student] = path.read_text(encoding="utf-8")
    passing = {}
    for student, source in every.items():
        for k in range(copies):
            who = student if k == 0 else f"{student}-copy{k}"
            (folder / who).mkdir(parents=True)
            (folder / who / f"{assignment.module}.py").write_text(source, encoding="utf-8")
            passing[who] = student == "reference" or student.startswith("correct")
    return passing


Graded = dict[str, tuple[float, bool, dict[str, float]]]


def grade(name: str, subs: Path, out: Path, config: str) -> Graded:
    """Per student: (seconds in run_submission, all tests passed, seconds in each part)."""
    with configured(config, name):
        batch = run_batch(find_assignment(name), subs, out, jobs=2, progress=False)
        spent = {s: dict(parts) for s, parts in SPENT.items()}
    return {r.student: (r.duration, all(t.points == t.max_points for t in r.tests),
                        spent.get(r.student, {})) for r in batch.results}


def table(name: str) -> str:
    """The replay table of `name`, written as `grader validate` writes it when missing or
    stale: what it holds and how long writing it took."""
    assignment = find_assignment(name)
    module = import_reference(assignment)
    found = replaytable.read(assignment, module)
    if found:
        return f"replay table {replaytable.path_of(assignment)}: {len(found)} entries (current)"
    started = time.perf_counter()
    report = Report(name)
    named.check(assignment, load_tests(assignment), module, report)
    return (f"replay table written in {time.perf_counter() - started:.1f} s by validate's "
            f"catalogue check: {len(replaytable.read(assignment, module))} entries, "
            f"{replaytable.path_of(assignment).stat().st_size / 1e6:.1f} MB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--assignment", action="append", default=None)
    parser.add_argument("--copies", type=int, default=1,
                        help="students handing in each submission (default 1)")
    parser.add_argument("--unseen", type=Path, default=None,
                        help="a held-out batch (tests/heldoutN) whose mistakes join the class "
                             "(and get a row of their own)")
    parser.add_argument("--configs", default=",".join(CONFIGS),
                        help=f"comma-separated, 'off' first (default {','.join(CONFIGS)})")
    args = parser.parse_args(argv)
    configs = tuple(args.configs.split(","))
    if configs[0] != "off" or not set(configs) <= set(CONFIGS):
        parser.error(f"--configs: 'off' first, then some of {', '.join(CONFIGS)}")
    names = args.assignment or ["perceptron", "gradient_descent"]
    load = os.getloadavg()
    print(f"machine: {os.cpu_count()} cores, {platform.platform()}, python "
          f"{platform.python_version()}; load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    work = Path(tempfile.mkdtemp(prefix="bench-diagnosis-"))
    started = time.monotonic()
    for name in names:
        subs = work / name / "submissions"
        expected = write_class(name, subs, args.copies, args.unseen)
        if any(c.endswith("-table") for c in configs):
            print(f"\n{name}: {table(name)}")
        runs: dict[str, list[Graded]] = {c: [] for c in configs}
        for r in range(args.rounds):
            order = configs if r % 2 == 0 else tuple(reversed(configs))
            for config in order:
                runs[config].append(grade(name, subs, work / name / f"{config}-{r}", config))
        failing = [s for s, ok in expected.items() if not ok]
        passing = [s for s, ok in expected.items() if ok]
        for config in configs:  # the class behaves as expected in every configuration
            for result in runs[config]:
                wrong = [s for s in expected if result[s][1] != expected[s]]
                assert not wrong, (name, config, wrong)
        print(f"\n{name}: {len(passing)} passing, {len(failing)} failing submissions, "
              f"{args.rounds} rounds. Seconds: per submission the median over the rounds, "
              "summed; 'inside' columns: time spent in that part within run_submission "
              "(failing submissions); 'adds to failing': inside / (failing − inside)")
        print("| configuration | passing | vs off | failing | vs off | "
              + "".join(f"inside {part} | " for part in PARTS.values())
              + "diagnosis inside failing | adds to failing | diagnosis inside passing |")
        print("|---|---:|---:|---:|---:|" + "---:|" * (len(PARTS) + 3))

        def total(config: str, who: list[str], part: str | None = None,
                  runs: dict[str, list[Graded]] = runs) -> float:
            def one(s: str, run: Graded) -> float:
                return run[s][0] if part is None else run[s][2].get(part, 0.0)
            return sum(statistics.median(one(s, run) for run in runs[config]) for s in who)

        p0, f0 = total("off", passing), total("off", failing)
        for config in configs:
            p, f = total(config, passing), total(config, failing)
            parts = [total(config, failing, part) for part in PARTS.values()]
            inside = sum(parts)
            inside_passing = sum(total(config, passing, part) for part in PARTS.values())
            print(f"| {config} | {p:.2f} | {100 * (p - p0) / p0:+.1f}% | {f:.2f} | "
                  f"{100 * (f - f0) / f0:+.1f}% | "
                  + "".join(f"{t:.3f} | " for t in parts)
                  + f"{inside:.3f} | {100 * inside / max(f - inside, 1e-9):.1f}% | "
                  f"{inside_passing:.4f} |")
        print("\nBy kind of failing submission (the same runs): the catalogue's own mistakes "
              "(what `grader validate` graded: the replay table holds their searches), the "
              "rest of the pack and the trajectory fixtures (stub, trajectory-*), and "
              "--unseen's mistakes (written without the catalogue)")
        print("| configuration | kind | submissions | failing | diagnosis inside | "
              "adds to failing |")
        print("|---|---|---:|---:|---:|---:|")
        kinds = {"catalogue": [s for s in failing if s.startswith("mutant-")],
                 "pack rest, fixtures": [s for s in failing if not s.startswith(
                     ("mutant-", "unseen-"))],
                 "unseen": [s for s in failing if s.startswith("unseen-")]}
        for config in configs[1:]:
            for kind, who in kinds.items():
                if not who:
                    continue
                f = total(config, who)
                inside = sum(total(config, who, part) for part in PARTS.values())
                print(f"| {config} | {kind} | {len(who)} | {f:.2f} | {inside:.3f} | "
                      f"{100 * inside / max(f - inside, 1e-9):.1f}% |")
    load = os.getloadavg()
    print(f"\nwall {time.monotonic() - started:.0f} s; load average at the end "
          f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; work folder {work}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
