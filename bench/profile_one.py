"""Where one submission's time goes in our grader: the input for the warm worker pool.

    .venv/bin/python bench/profile_one.py [--repeat 7]

Prints medians (ms) of: interpreter and import floors, a bare bubblewrap sandbox, a worker
started to "ready" (both isolation levels), loading the submission, one call's round trip, the
benchmark's 4 tests, closing the worker, `run_submission` as a whole, and the `grader` CLI's
fixed cost. Uses grader internals read-only (sandbox.WorkerProcess, proxy.StudentProxy,
run.run_test); if the engine's API changes, the affected rows say so instead of failing.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import submissions  # noqa: E402
from run import ENGINE, use_engine  # noqa: E402

PYTHON = sys.executable


def median_ms(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def run(cmd: list[str]) -> Callable[[], object]:
    """A command in the engine's environment (the working tree, or the --engine snapshot)."""
    return lambda: subprocess.run(cmd, capture_output=True, check=True, env=ENGINE.env,
                                  cwd=ENGINE.root)


def floors(repeat: int) -> dict[str, float]:
    rows = {
        "python -c pass": median_ms(run([PYTHON, "-I", "-c", "pass"]), repeat),
        "python -c 'import numpy'": median_ms(run([PYTHON, "-I", "-c", "import numpy"]), repeat),
        "python -c 'import torch'": median_ms(run([PYTHON, "-I", "-c", "import torch"]),
                                              max(3, repeat // 2)),
        "python -c 'import grader.batch.driver, grader.run.runner' (trusted side imports)":
            median_ms(run([PYTHON, "-c", "import grader.batch.driver, grader.run.runner"]),
                      repeat),
        "grader --help (CLI start)": median_ms(run([*ENGINE.cmd, "--help"]), repeat),
    }
    bwrap = shutil.which("bwrap")
    if bwrap:
        base = [bwrap, "--unshare-all", "--die-with-parent", "--cap-drop", "ALL",
                "--ro-bind", "/", "/", "--uid", "65534", "--gid", "65534"]
        rows["bwrap true (bare sandbox)"] = median_ms(run([*base, "true"]), repeat)
        rows["bwrap python -c 'import numpy'"] = median_ms(
            run([*base, PYTHON, "-I", "-c", "import numpy"]), repeat)
    return rows


def engine(repeat: int, work: Path) -> dict[str, float | str]:
    """The engine's stages for one correct submission of the benchmark's 4-test assignment."""
    import numpy as np

    from grader.collect.entries import collect
    from grader.config import find_assignment
    from grader.run.runner import run_submission, run_test
    from grader.sandbox.process import WorkerProcess
    from grader.sandbox.proxy import StudentProxy
    from grader.testing import load_tests_file

    assignment = find_assignment(str(BENCH / "assignment"))
    tests = load_tests_file(BENCH / "assignment" / "hidden_tests.py")
    work.mkdir(parents=True, exist_ok=True)
    path = work / "s0000.py"
    path.write_text(submissions.source("correct"))
    submission = collect(assignment, path)
    rows: dict[str, float | str] = {}

    for mode in ("bubblewrap", "subprocess"):
        def start_ready(mode: str = mode) -> None:
            worker = WorkerProcess(assignment.limits, mode=mode)
            worker.wait_ready()
            worker.close()
        try:
            rows[f"worker start -> ready -> close ({mode})"] = median_ms(start_ready, repeat)
        except Exception as exc:  # the API moved on: say so, keep the other rows
            rows[f"worker start -> ready -> close ({mode})"] = f"n/a: {exc!r}"

    X = np.ones((3, 2))

    def proxy_stages(tag: str, pool: object = None) -> None:
        names = ("proxy.start (worker ready + load)", "worker ready",
                 "one call round trip (add_bias, 3x2)", "the 4 tests (run_test)", "proxy.close")
        stages: dict[str, list[float]] = {k: [] for k in names}
        for _ in range(repeat):
            proxy = StudentProxy(assignment, submission, **({"pool": pool} if pool else {}))
            t0 = time.perf_counter()
            proxy.start()
            t1 = time.perf_counter()
            stages[names[0]].append(t1 - t0)
            stages[names[1]].append(proxy.startup_seconds[-1])
            calls = []
            for _ in range(50):
                c0 = time.perf_counter()
                proxy.add_bias(X)
                calls.append(time.perf_counter() - c0)
            stages[names[2]].append(statistics.median(calls))
            t2 = time.perf_counter()
            results = [run_test(assignment, test, proxy, None) for test in tests]
            t3 = time.perf_counter()
            assert all(r.status == "passed" for r in results), results
            stages[names[3]].append(t3 - t2)
            proxy.close()
            stages[names[4]].append(time.perf_counter() - t3)
        for key, values in stages.items():
            rows[f"{tag}: {key}"] = statistics.median(values) * 1000
        rows[f"{tag}: run_submission (whole)"] = median_ms(
            lambda: run_submission(assignment, submission, tests), repeat)

    proxy_stages("cold")  # outside a pool block: a single-use sandbox per submission
    try:
        from grader.sandbox.pool import warm_pool
    except ImportError:
        rows["warm"] = "n/a: no grader.sandbox.pool in this engine"
    else:
        with warm_pool(assignment.limits, 1) as pool:
            if pool is None:
                rows["warm"] = "n/a: warm_pool yielded None (pool off or no bubblewrap)"
            else:
                proxy_stages("warm", pool)

    folder = work / "one"
    folder.mkdir(exist_ok=True)
    shutil.copy(path, folder / "s0000.py")
    out = work / "one-out"

    def grade_one() -> None:
        shutil.rmtree(out, ignore_errors=True)
        run([*ENGINE.cmd, "grade", str(BENCH / "assignment"), str(folder), "--out", str(out),
             "--jobs", "1", "--no-resume", "--no-progress"])()
    rows["grader grade (CLI, 1 submission)"] = median_ms(grade_one, max(3, repeat // 2))
    return rows


def grade_command_profile(work: Path, top: int = 10) -> list[tuple[float, str]]:
    """cProfile of `grader grade` on one submission: the grader's functions (and pandas'
    import) by cumulative seconds, main thread only (the graded run happens in a pool thread)."""
    import pstats

    out, stats = work / "one-out-profile", work / "grade.prof"
    shutil.rmtree(out, ignore_errors=True)
    subprocess.run([PYTHON, "-m", "cProfile", "-o", str(stats), "-m", "grader", "grade",
                    str(BENCH / "assignment"), str(work / "one"), "--out", str(out), "--jobs", "1",
                    "--no-resume", "--no-progress"], capture_output=True, check=True,
                   env=ENGINE.env, cwd=ENGINE.root)
    rows = []
    for (filename, lineno, name), entry in pstats.Stats(str(stats)).stats.items():  # type: ignore[attr-defined]
        cumulative = entry[3]
        if "/grader/" in filename or (name == "<module>" and filename.endswith(
                ("pandas/__init__.py", "numpy/__init__.py", "scipy/__init__.py",
                 "torch/__init__.py"))):
            short = filename.split("/site-packages/")[-1].split("/work/main/")[-1]
            rows.append((cumulative * 1000, f"{short}:{lineno}({name})"))
    return sorted(rows, reverse=True)[:top]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    parser.add_argument("--engine", default="tree",
                        help="tree (default) or a git revision, as for bench/run.py")
    args = parser.parse_args()
    if args.engine != "tree":
        print(f"engine: {args.engine} = {use_engine(args.engine, BENCH / 'work')}")
    sys.path.insert(0, str(ENGINE.root))  # the engine imported in-process below
    rows: dict[str, float | str] = {}
    rows.update(floors(args.repeat))
    rows.update(engine(args.repeat, BENCH / "work" / "profile"))
    width = max(len(k) for k in rows)
    for key, value in rows.items():
        shown = f"{value:8.1f} ms" if isinstance(value, float) else value
        print(f"{key:<{width}}  {shown}")
    hotspots = grade_command_profile(BENCH / "work" / "profile")
    print("grader grade on one submission, cumulative time in the main thread (cProfile):")
    for ms, name in hotspots:
        print(f"  {ms:7.1f} ms  {name}")
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "imports": hotspots}, indent=1))


if __name__ == "__main__":
    main()
