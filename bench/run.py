"""The benchmark: our grader against nbgrader `autograde` and `otter run`, in one run.

    .venv/bin/python bench/run.py                  # N = 40, baselines, extras; several minutes
    .venv/bin/python bench/run.py --no-baselines   # only our grader (about a minute)

See bench/README.md for what each line means. Everything is written under bench/work/ (the
submissions, course directories, gradebooks, logs, and results.json with every number).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import psutil

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import baselines  # noqa: E402
import setup_envs  # noqa: E402
import submissions  # noqa: E402

REPO = BENCH.parent
GRADER = Path(sys.executable).parent / "grader"


@dataclass
class Engine:
    """How to start `grader`: the installed one (the working tree), or a snapshot (--engine)."""

    cmd: list[str]
    env: dict[str, str] | None
    root: Path


ENGINE = Engine([str(GRADER)], None, REPO)
BENCH_ASSIGNMENT = BENCH / "assignment"
TRIVIAL_ASSIGNMENT = BENCH / "trivial"
TARGETS = {"nbgrader": 20.0, "otter": 10.0}


# -- measuring -----------------------------------------------------------------------------

class MemorySampler:
    """Peak resident memory of this process's descendants, sampled every `interval` seconds.

    `peak_tree_kb`: the largest sum of RSS over all descendants at one moment (shared pages of
    forked processes counted in each); `peak_process_kb`: the largest single process.
    """

    def __init__(self, interval: float = 0.05) -> None:
        self.interval = interval
        self.peak_tree_kb = 0
        self.peak_process_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for child in me.children(recursive=True):
                try:
                    rss = child.memory_info().rss // 1024
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    continue
                total += rss
                self.peak_process_kb = max(self.peak_process_kb, rss)
            self.peak_tree_kb = max(self.peak_tree_kb, total)
            self._stop.wait(self.interval)


@dataclass
class Measurement:
    tool: str
    submissions: int
    seconds: float
    peak_tree_mb: float
    peak_process_mb: float
    full_marks: int | None = None
    """Submissions with full marks (expected: the correct ones)."""
    expected_full_marks: int | None = None
    agrees: bool | None = None
    """Full marks for exactly the correct submissions, 0 < score < max for wrong and raising."""
    note: str = ""
    by_kind: dict[str, dict[str, float]] = field(default_factory=dict)
    """Our grader only: mean seconds and peak memory per submission kind (from the results)."""

    @property
    def per_submission(self) -> float:
        return self.seconds / self.submissions


def measure(tool: str, n: int, action: Callable[[], object]) -> tuple[Measurement, object]:
    with MemorySampler() as memory:
        started = time.monotonic()
        value = action()
        seconds = time.monotonic() - started
    return Measurement(tool, n, seconds, memory.peak_tree_kb / 1024,
                       memory.peak_process_kb / 1024), value


def check_scores(m: Measurement, scores: dict[str, float | None],
                 students: list[submissions.Student], maximum: float) -> None:
    """Fill full_marks/agrees: do the tool's scores fit what each submission is?"""
    kinds = {s.name: s.kind for s in students}
    m.full_marks = sum(1 for name in kinds if scores.get(name) == maximum)
    m.expected_full_marks = sum(1 for k in kinds.values() if k == "correct")
    wrong = [n for n, k in kinds.items() if k in ("wrong", "raising")]
    m.agrees = (all(scores.get(n) == maximum for n, k in kinds.items() if k == "correct")
                and all(scores.get(n) is not None and 0 < scores[n] < maximum for n in wrong)
                and all(not scores.get(n) for n, k in kinds.items() if k == "loop"))


# -- our grader ----------------------------------------------------------------------------

def grade_ours(assignment: Path | str, subs: Path, out: Path, jobs: int, log: Path,
               extra: tuple[str, ...] = ()) -> int:
    if out.exists():
        shutil.rmtree(out)
    cmd = [*ENGINE.cmd, "grade", str(assignment), str(subs), "--out", str(out),
           "--jobs", str(jobs), "--no-resume", "--no-progress", *extra]
    with log.open("ab") as f:
        f.write(f"\n$ {' '.join(cmd)}\n".encode())
        f.flush()
        return subprocess.run(cmd, stdout=f, stderr=subprocess.STDOUT, check=False,
                              env=ENGINE.env, cwd=ENGINE.root).returncode


def use_engine(rev: str, work: Path) -> str:
    """Grade with `git archive REV` exported under work/ instead of the working tree, so that
    engineers editing grader/ during a long run cannot mix two engines. Returns the commit.

    `python -m grader` runs with the snapshot as cwd and PYTHONPATH, ahead of the editable
    install's path to the working tree."""
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", rev],
                            capture_output=True, text=True, check=True).stdout.strip()
    root = work / f"engine-{commit}"
    if not root.exists():
        root.mkdir(parents=True)
        archive = subprocess.run(["git", "-C", str(REPO), "archive", commit],
                                 capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(root)], input=archive, check=True)
    env = {**os.environ, "PYTHONPATH": str(root)}
    ENGINE.cmd, ENGINE.env, ENGINE.root = [sys.executable, "-m", "grader"], env, root
    probe = subprocess.run([sys.executable, "-c", "import grader; print(grader.__file__)"],
                           capture_output=True, text=True, check=True, env=env, cwd=root)
    if not probe.stdout.strip().startswith(str(root)):
        raise SystemExit(f"the snapshot's grader is not the one imported: {probe.stdout}")
    return commit


def our_scores(out: Path) -> dict[str, float | None]:
    with (out / "scores.csv").open() as f:
        return {row["student"]: float(row["raw_score"]) for row in csv.DictReader(f)}


def our_results(out: Path) -> dict[str, dict[str, object]]:
    """results/<student>.json -> the RunResult part (duration, peak_memory_kb, isolation, ...)."""
    found = {}
    for path in sorted((out / "results").glob("*.json")):
        data = json.loads(path.read_text())
        found[path.stem] = data.get("result", data)
    return found


def by_kind(out: Path, students: list[submissions.Student]) -> dict[str, dict[str, float]]:
    results = our_results(out)
    table: dict[str, dict[str, float]] = {}
    for kind in submissions.KINDS:
        rows = [results[s.name] for s in students if s.kind == kind and s.name in results]
        if rows:
            table[kind] = {
                "count": len(rows),
                "mean_seconds": statistics.mean(float(r["duration"]) for r in rows),
                "mean_peak_mb": statistics.mean(float(r["peak_memory_kb"]) for r in rows) / 1024,
            }
    return table


def ours(label: str, assignment: Path | str, students: list[submissions.Student], subs: Path,
         work: Path, jobs: int, maximum: float, extra: tuple[str, ...] = ()) -> Measurement:
    out = work / f"out-{label.replace('/', '-')}"
    log = work / "ours.log"
    m, code = measure(label, len(students),
                      lambda: grade_ours(assignment, subs, out, jobs, log, extra))
    if code != 0:
        m.note = f"grader exited {code}; see {log}"
        return m
    check_scores(m, our_scores(out), students, maximum)
    m.by_kind = by_kind(out, students)
    isolation = {str(r.get("isolation")) for r in our_results(out).values()}
    m.note = f"--jobs {jobs}, isolation {', '.join(sorted(isolation))}"
    return m


def with_limits(work: Path, call: float | None, submission: float | None,
                cpu_factor: float | None = None) -> Path:
    """The 4-test assignment, or a copy under work/ with other time limits (cpu_factor 0: the
    wall-clock limits alone, no CPU limits calibrated on the reference)."""
    if call is None and submission is None and cpu_factor is None:
        return BENCH_ASSIGNMENT
    folder = work / f"assignment-{call}-{submission}-{cpu_factor}"
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(BENCH_ASSIGNMENT, folder)
    toml = folder / "assignment.toml"
    text = toml.read_text()
    for key, value in (("call_timeout", call), ("submission_timeout", submission)):
        if value is not None:
            text, found = re.subn(rf"(?m)^{key} = .*$", f"{key} = {value:g}", text)
            assert found == 1, f"{key} not in {toml}"
    if cpu_factor is not None:
        text = text.replace("[limits]\n", f"[limits]\ncpu_factor = {cpu_factor:g}\n")
    toml.write_text(text)
    return folder


def has_option(option: str) -> bool:
    done = subprocess.run([*ENGINE.cmd, "grade", "--help"], capture_output=True, text=True,
                          check=False, env=ENGINE.env, cwd=ENGINE.root)
    return option in done.stdout


def ours_dask(assignment: Path, students: list[submissions.Student], subs: Path, work: Path,
              maximum: float, label: str = "") -> Measurement | None:
    """`--executor dask` on a LocalCluster of 2 single-threaded worker processes, if it exists."""
    if not has_option("--executor"):
        return None
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        extra = ("--executor", "dask", "--scheduler", cluster.scheduler_address)
        return ours(f"ours (4 tests{label}) dask LocalCluster(2)", assignment, students, subs,
                    work, 2, maximum, extra)


# -- baselines -----------------------------------------------------------------------------

def nbgrader_run(students: list[submissions.Student], work: Path) -> Measurement:
    python = setup_envs.env_python("nbgrader")
    root = work / "nbgrader"
    if root.exists():
        shutil.rmtree(root)
    baselines.setup_nbgrader(python, root, students)
    m, code = measure("nbgrader autograde", len(students), lambda: baselines.run_logged(
        baselines.nbgrader_command(python), cwd=root, log=root / "autograde.log"))
    m.note = f"nbgrader 0.9.6, {baselines.NBGRADER_CELL_TIMEOUT} s per cell, sequential"
    if code != 0:
        m.note += f"; exited {code}, see {root / 'autograde.log'}"
    scores: dict[str, float | None] = dict(baselines.nbgrader_scores(python, root))
    check_scores(m, scores, students, baselines.MAX_POINTS)
    return m


def otter_run(students: list[submissions.Student], work: Path) -> Measurement:
    python = setup_envs.env_python("otter")
    root = work / "otter"
    if root.exists():
        shutil.rmtree(root)
    baselines.setup_otter(python, root, students)
    m, scores = measure("otter run", len(students),
                        lambda: baselines.run_otter(python, root, students))
    assert isinstance(scores, dict)
    missing = sum(1 for v in scores.values() if v is None)
    m.note = (f"otter-grader 7.0.0, killed after {baselines.OTTER_SUBMISSION_TIMEOUT} s per "
              f"submission, sequential; {missing} without a score")
    check_scores(m, scores, students, baselines.MAX_POINTS)
    return m


# -- extras --------------------------------------------------------------------------------

def overhead(work: Path, k: int) -> dict[str, float]:
    """Per-submission cost of the trivial assignment at --jobs 1 (and the bundled mp_neuron)."""
    found: dict[str, float] = {}
    correct = ENGINE.root / "reference" / "mp_neuron.py"
    for count in (1, k):
        subs = work / f"trivial-{count}"
        if subs.exists():
            shutil.rmtree(subs)
        subs.mkdir(parents=True)
        for i in range(count):
            shutil.copy(correct, subs / f"s{i:04d}.py")
        for label, assignment in (("trivial", TRIVIAL_ASSIGNMENT), ("mp_neuron", "mp_neuron")):
            out = work / f"out-{label}-{count}"
            started = time.monotonic()
            code = grade_ours(assignment, subs, out, 1, work / "ours.log")
            seconds = time.monotonic() - started
            if code != 0:
                raise RuntimeError(f"grader grade {assignment} failed; see {work / 'ours.log'}")
            found[f"{label}_total_{count}"] = seconds
            if count == k:
                durations = [float(r["duration"]) for r in our_results(out).values()]
                found[f"{label}_run_submission_mean"] = statistics.mean(durations)
    for label in ("trivial", "mp_neuron"):
        found[f"{label}_marginal"] = (found[f"{label}_total_{k}"] -
                                      found[f"{label}_total_1"]) / (k - 1)
        found[f"{label}_per_submission"] = found[f"{label}_total_{k}"] / k
    return found


def grader_fingerprint() -> str:
    """The commit and a hash of grader/ as it is on disk: the worker files are read per sandbox,
    so an edit during a run mixes two versions of the engine."""
    import hashlib

    root = ENGINE.root
    digest = hashlib.sha256()
    for path in sorted((root / "grader").rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode() + path.read_bytes())
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True, check=False).stdout.strip()
    where = "working tree" if root == REPO else f"snapshot {root.name}"
    return f"{where} (HEAD {commit or '?'}), grader/ sha256 {digest.hexdigest()[:12]}"


def machine() -> dict[str, str]:
    def version(module: str) -> str:
        done = subprocess.run([sys.executable, "-c",
                               f"import {module}; print({module}.__version__)"],
                              capture_output=True, text=True, check=False)
        return done.stdout.strip() or "not installed"

    load = os.getloadavg()
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": f"{os.cpu_count()} cores ({platform.processor() or platform.machine()})",
        "memory": f"{psutil.virtual_memory().total / 2**30:.1f} GiB",
        "python": platform.python_version(),
        "numpy": version("numpy"),
        "torch": version("torch"),
        "os": platform.platform(),
        "bwrap": shutil.which("bwrap") or "absent",
        "loadavg_at_start": f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}",
        "grader": grader_fingerprint(),
    }


# -- report --------------------------------------------------------------------------------

def line(m: Measurement) -> str:
    marks = "" if m.full_marks is None else \
        f"  full marks {m.full_marks}/{m.submissions} (expect {m.expected_full_marks})" + \
        ("" if m.agrees else "  SCORES DO NOT FIT THE MIX")
    return (f"{m.tool:<30} {m.submissions:>5} subs  {m.seconds:8.1f} s  "
            f"{m.per_submission:7.3f} s/sub  peak {m.peak_tree_mb:7.0f} MB tree "
            f"/{m.peak_process_mb:5.0f} MB proc{marks}")


def ratios(ours_m: Measurement, others: list[Measurement]) -> list[str]:
    lines = []
    for other in others:
        key = "nbgrader" if other.tool.startswith("nbgrader") else "otter"
        ratio = other.seconds / ours_m.seconds
        verdict = "met" if ratio >= TARGETS[key] else "NOT met"
        lines.append(f"{ours_m.tool} vs {other.tool}: {ratio:.1f}x faster "
                     f"(target {TARGETS[key]:.0f}x: {verdict})"
                     f"; memory {other.peak_tree_mb / max(ours_m.peak_tree_mb, 1):.1f}x less")
    return lines


def make_cohort(n: int, mix: str) -> list[submissions.Student]:
    """The ANCHORS mix, or with mix == "no-loops" the looping students made correct."""
    students = submissions.cohort(n)
    if mix == "no-loops":
        students = [s if s.kind != "loop" else submissions.Student(s.name, "correct", "correct")
                    for s in students]
    return students


def main() -> None:
    parser = argparse.ArgumentParser(description="ours vs nbgrader vs otter on one cohort")
    parser.add_argument("--n", type=int, default=40, help="submissions (default 40)")
    parser.add_argument("--jobs", type=int, default=2, help="our --jobs for the comparison")
    parser.add_argument("--call-timeout", type=float,
                        help="our per-call timeout for the 4-test assignment (default 10 s)")
    parser.add_argument("--submission-timeout", type=float,
                        help="our per-submission budget for it (default 20 s)")
    parser.add_argument("--no-baselines", action="store_true", help="skip nbgrader and otter")
    parser.add_argument("--no-wall-only", dest="wall_only", action="store_false",
                        help="skip the comparison run with the wall-clock limits alone "
                             "(cpu_factor = 0: no CPU limits calibrated on the reference)")
    parser.add_argument("--big", type=int, default=1000,
                        help="the end-to-end run's size (0 to skip; default 1000)")
    parser.add_argument("--mix", choices=("anchors", "no-loops"), default="anchors",
                        help="the comparison's cohort: anchors (30/5/3/2 per 40) or no-loops "
                             "(the looping ones replaced by correct ones)")
    parser.add_argument("--big-mix", choices=("anchors", "no-loops"), default="anchors",
                        help="anchors: 75%% correct, 12.5%% wrong, 7.5%% raising, 5%% looping; "
                             "no-loops: the looping ones replaced by correct ones")
    parser.add_argument("--no-bundled", action="store_true",
                        help="skip the bundled perceptron with all its tests (its 120 s budget "
                             "per looping submission makes it slow)")
    parser.add_argument("--no-extras", action="store_true",
                        help="skip overhead, scaling and the big run")
    parser.add_argument("--overhead-k", type=int, default=20,
                        help="submissions in the overhead runs (default 20)")
    parser.add_argument("--engine", default="tree",
                        help="tree: the working tree (default); a git revision (e.g. HEAD): "
                             "that commit exported under --work, immune to edits during the run")
    parser.add_argument("--pool", choices=("on", "off"), default="on",
                        help="off: NN_GRADER_POOL=off, every submission starts a cold worker "
                             "(the engine's warm pool disabled)")
    parser.add_argument("--work", type=Path, default=BENCH / "work")
    args = parser.parse_args()
    if args.pool == "off":
        os.environ["NN_GRADER_POOL"] = "off"

    work: Path = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    if args.engine != "tree":
        print(f"engine: {args.engine} = {use_engine(args.engine, work)}", flush=True)
    about = machine()
    report: dict[str, object] = {"machine": about,
                                 "args": {k: str(v) for k, v in vars(args).items()}}
    print("machine: " + "; ".join(f"{k} {v}" for k, v in about.items()), flush=True)
    if not args.no_baselines:
        setup_envs.ensure()

    students = make_cohort(args.n, args.mix)
    subs = submissions.write_python(students, work / f"subs-{args.n}")
    submissions.write_manifest(students, work / f"subs-{args.n}.json")
    kinds = {k: sum(1 for s in students if s.kind == k) for k in submissions.KINDS}
    print(f"cohort ({args.mix}): {kinds}", flush=True)

    rows: list[Measurement] = []
    assignment = with_limits(work, args.call_timeout, args.submission_timeout)
    limits = "" if assignment == BENCH_ASSIGNMENT else \
        f", {args.call_timeout or 10:g}/{args.submission_timeout or 20:g} s"
    limits += ", pool off" if args.pool == "off" else ""
    main_m = ours(f"ours (4 tests{limits})", assignment, students, subs, work, args.jobs,
                  baselines.MAX_POINTS)
    rows.append(main_m)
    print(line(main_m), flush=True)
    if args.wall_only and not (args.call_timeout or args.submission_timeout):
        wall = with_limits(work, None, None, cpu_factor=0)
        wall_m = ours("ours (4 tests, wall-clock limits only)", wall, students, subs, work,
                      args.jobs, baselines.MAX_POINTS)
        rows.append(wall_m)
        print(line(wall_m), flush=True)
    bundled = None
    if not args.no_bundled:
        bundled = ours("ours (bundled perceptron)", "perceptron", students, subs, work,
                       args.jobs, 26.0)
        bundled.full_marks = None  # other tests and maxima: shown, not checked against the mix
        rows.append(bundled)
        print(line(bundled), flush=True)
    others: list[Measurement] = []
    if not args.no_baselines:
        for run in (nbgrader_run, otter_run):
            m = run(students, work)
            others.append(m)
            rows.append(m)
            print(line(m), flush=True)

    extras: dict[str, object] = {}
    if not args.no_extras:
        ov = overhead(work, args.overhead_k)
        extras["overhead"] = ov
        print(f"overhead (trivial, 1 call, --jobs 1): {ov['trivial_per_submission'] * 1000:.0f} "
              f"ms/sub end to end, {ov['trivial_marginal'] * 1000:.0f} ms marginal, "
              f"run_submission {ov['trivial_run_submission_mean'] * 1000:.0f} ms "
              f"(target <= 50 ms)", flush=True)
        print(f"overhead (bundled mp_neuron, --jobs 1): {ov['mp_neuron_per_submission'] * 1000:.0f}"
              f" ms/sub end to end, {ov['mp_neuron_marginal'] * 1000:.0f} ms marginal", flush=True)
        for jobs in (1, 2):
            if jobs == args.jobs:
                continue
            m = ours(f"ours (4 tests{limits}) --jobs {jobs}", assignment, students, subs, work,
                     jobs, baselines.MAX_POINTS)
            rows.append(m)
            print(line(m), flush=True)
        dask_m = ours_dask(assignment, students, subs, work, baselines.MAX_POINTS, limits)
        if dask_m is None:
            print("dask executor: not available (grader grade has no --executor yet)", flush=True)
        else:
            rows.append(dask_m)
            print(line(dask_m), flush=True)
        if args.big:
            big = make_cohort(args.big, args.big_mix)
            big_subs = submissions.write_python(big, work / f"subs-big-{args.big}")
            m = ours(f"ours {args.big} ({args.big_mix})", assignment, big, big_subs, work,
                     2, baselines.MAX_POINTS)
            rows.append(m)
            print(line(m) + "  (target <= 60 s)", flush=True)

    print("\n" + "\n".join(line(m) for m in rows))
    for m in rows:
        if m.by_kind:
            kinds = ", ".join(f"{k} {v['mean_seconds']:.3f} s" for k, v in m.by_kind.items())
            print(f"  {m.tool}: mean run_submission by kind: {kinds}")
        if m.note:
            print(f"  {m.tool}: {m.note}")
    comparison = ratios(main_m, others) + (ratios(bundled, others) if bundled else [])
    print("\n".join(comparison))
    fingerprint = grader_fingerprint()
    if fingerprint.split("sha256 ")[-1] != about["grader"].split("sha256 ")[-1]:
        print(f"WARNING: grader/ changed during the run ({about['grader']} -> {fingerprint}); "
              "the numbers mix two versions of the engine")
    report["grader_at_end"] = fingerprint
    load = os.getloadavg()
    print(f"load average at the end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    report.update(loadavg_at_end=f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}",
                  rows=[{**asdict(m), "per_submission": m.per_submission} for m in rows],
                  extras=extras, ratios=comparison)
    (work / "results.json").write_text(json.dumps(report, indent=1))
    print(f"all numbers: {work / 'results.json'}")


if __name__ == "__main__":
    main()
