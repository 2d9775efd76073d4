"""Where diagnosis time goes: cProfile of run_submission over bench/diagnosis.py's class.

    .venv/bin/python bench/profile_diagnosis.py [--assignment perceptron] [--copies 2] [--top 40]
        [--table]

Grades the class of bench/diagnosis.py (the pack's correct solutions, catalogue mutants, stub and
tests/fixtures/trajectory's mistakes; `--copies` students per submission, so the batch memo is
seen at work) through grader.batch.driver.run_batch, as `grader grade` does (--jobs 2), each
run_submission under its own cProfile.Profile (a profiler sees only its own thread: the batch's
threads each enable one per submission), and prints the merged profile of the failing
submissions: the engine's functions by cumulative time, then every function by own time.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from diagnosis import table, write_class  # noqa: E402

from grader.batch.driver import run_batch  # noqa: E402
from grader.config import find_assignment  # noqa: E402
from grader.run import replaytable, runner  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assignment", default="perceptron")
    parser.add_argument("--copies", type=int, default=2)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--table", action="store_true",
                        help="start from the replay table grader validate writes (written first "
                             "when missing or stale), as a class graded after validate does")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-profile-diagnosis-"))
    expected = write_class(args.assignment, work / "subs", args.copies)
    if args.table:
        print(table(args.assignment))
    else:
        replaytable.load_later = lambda *a: None  # type: ignore[assignment]  # as 'shipped' does
    profiles: list[cProfile.Profile] = []
    lock = threading.Lock()
    original = runner.run_submission

    def profiled(assignment: Any, submission: Any, *a: Any, **kw: Any) -> Any:
        profile = cProfile.Profile()
        profile.enable()
        try:
            return original(assignment, submission, *a, **kw)
        finally:
            profile.disable()
            if not expected[submission.student]:
                with lock:
                    profiles.append(profile)

    started = time.monotonic()
    batch = run_batch(find_assignment(args.assignment), work / "subs", work / "out",
                      jobs=args.jobs, progress=False, run=profiled)
    wall = time.monotonic() - started
    failing = [r for r in batch.results if not expected[r.student]]
    print(f"{args.assignment}: {len(batch.results)} submissions ({len(failing)} failing), "
          f"wall {wall:.1f} s; run_submission summed over failing: "
          f"{sum(r.duration for r in failing):.1f} s")
    stats = pstats.Stats(profiles[0])
    for profile in profiles[1:]:
        stats.add(profile)
    for order, restrict in (("cumulative", r"grader/(run|checks|sandbox)/"), ("tottime", "")):
        out = io.StringIO()
        stats.stream = out  # type: ignore[attr-defined]
        stats.sort_stats(order).print_stats(*((restrict,) if restrict else ()), args.top)
        print(out.getvalue())
    stats.dump_stats(str(work / "failing.prof"))
    print(f"profile: {work / 'failing.prof'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
