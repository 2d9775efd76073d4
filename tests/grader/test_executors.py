"""Executors: the Dask executor grades exactly like the local one; grading is deterministic.

One LocalCluster of 2 worker processes (127.0.0.1, no dashboard) serves the module; the
batches reach it by its address, as `--scheduler tcp://HOST:PORT` would. The class is the demo
class of the bundled perceptron assignment cut to four students: correct, a typical mistake, a
syntax error and an infinite loop. The toy assignment (a folder, not bundled) checks that an
assignment folder is shipped to the workers.
"""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from grader.authoring.demo import demo_assignment, demo_class, write_class
from grader.batch.driver import run_batch
from grader.batch.executors import LOCAL_CLUSTER, ExecutorError, result_from_dict
from grader.cli.main import main
from grader.config import Assignment, find_assignment
from grader.models import Batch, RunResult, Submission
from grader.run.runner import run_submission
from grader.store.records import GRADER_CRASH
from tests.fixtures.engine import CORRECT, toy_with


def explode_for_bob(assignment: Assignment, submission: Submission, tests: list[Any], *,
                    ref: Any = None) -> RunResult:
    """A runner that fails on the worker for student bob (imported there by name)."""
    if submission.student == "bob":
        raise RuntimeError("the worker lost its disk")
    return run_submission(assignment, submission, tests, ref=ref)


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    from distributed import LocalCluster

    with LocalCluster(**LOCAL_CLUSTER, n_workers=2) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def perceptron_class(tmp_path_factory: pytest.TempPathFactory) -> tuple[Assignment, Path]:
    assignment = demo_assignment(find_assignment("perceptron"))
    students = demo_class(assignment)
    wanted = ("full", "partial", "syntax_error", "timeout")
    chosen = [next(s for s in students if s.expect == kind) for kind in wanted]
    folder = tmp_path_factory.mktemp("perceptron") / "submissions"
    write_class(chosen, folder)
    return assignment, folder


@pytest.fixture(scope="module")
def local_batch(perceptron_class: tuple[Assignment, Path],
                tmp_path_factory: pytest.TempPathFactory) -> tuple[Batch, Path]:
    assignment, folder = perceptron_class
    out = tmp_path_factory.mktemp("local")
    return run_batch(assignment, folder, out, jobs=2, progress=False), out


def per_test(out: Path) -> dict[str, Any]:
    """Every results/<student>.json without timings and memory (they vary run to run)."""
    found = {}
    for path in sorted((out / "results").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        for key in ("duration", "peak_memory_kb"):
            record["result"].pop(key)
        for test in record["result"]["tests"]:
            test.pop("duration")
        found[path.stem] = record
    return found


def assert_same_sheets(a: Path, b: Path) -> None:
    assert (a / "scores.csv").read_text() == (b / "scores.csv").read_text()
    assert per_test(a) == per_test(b)


def test_local_class_has_every_kind_of_outcome(local_batch: tuple[Batch, Path]) -> None:
    batch, _ = local_batch  # the comparisons below are only meaningful if this holds
    statuses = sorted(g.status for g in batch.grades)
    assert statuses == ["graded", "graded", "graded", "syntax_error"]
    scores = sorted(g.score for g in batch.grades)
    assert scores[0] == 0 and scores[-1] == batch.grades[0].max_score and len(set(scores)) == 4
    assert any(t.status == "timeout" for r in batch.results for t in r.tests)


def test_dask_executor_results_identical_to_local(
        perceptron_class: tuple[Assignment, Path], local_batch: tuple[Batch, Path],
        scheduler: str, tmp_path: Path) -> None:
    assignment, folder = perceptron_class
    batch = run_batch(assignment, folder, tmp_path, jobs=2, progress=False, executor="dask",
                      scheduler=scheduler)
    assert batch.regraded == 4
    assert batch.grades == local_batch[0].grades
    assert_same_sheets(local_batch[1], tmp_path)


def test_dask_executor_reuses_unchanged_results_and_commits_each(
        perceptron_class: tuple[Assignment, Path], local_batch: tuple[Batch, Path],
        scheduler: str, tmp_path: Path) -> None:
    assignment, folder = perceptron_class
    out = tmp_path / "out"
    out.mkdir()
    (out / "gradebook.sqlite").write_bytes((local_batch[1] / "gradebook.sqlite").read_bytes())
    again = run_batch(assignment, folder, out, jobs=2, progress=False, executor="dask",
                      scheduler=scheduler)
    assert again.regraded == 0  # the gradebook written by the local run is current
    assert_same_sheets(local_batch[1], out)


def test_grading_twice_is_deterministic(perceptron_class: tuple[Assignment, Path],
                                        local_batch: tuple[Batch, Path], tmp_path: Path) -> None:
    assignment, folder = perceptron_class
    for jobs in (1, 2):
        out = tmp_path / f"jobs{jobs}"
        run_batch(assignment, folder, out, jobs=jobs, progress=False)
        assert_same_sheets(local_batch[1], out)


def test_dask_task_that_raises_is_crashed_and_the_rest_graded(scheduler: str,
                                                              tmp_path: Path) -> None:
    subs = tmp_path / "subs"
    subs.mkdir()
    for student in ("ann", "bob", "cy"):
        (subs / f"{student}.py").write_text(CORRECT, encoding="utf-8")
    assignment = toy_with(call_timeout=2)  # a folder outside the package: shipped to workers
    batch = run_batch(assignment, subs, tmp_path / "out", jobs=2, progress=False,
                      executor="dask", scheduler=scheduler, run=explode_for_bob)
    by = {g.student: g for g in batch.grades}
    assert by["bob"].status == "crashed" and by["bob"].score == 0
    bob = next(r for r in batch.results if r.student == "bob")
    assert bob.message == f"{GRADER_CRASH}: RuntimeError: the worker lost its disk"
    assert len(bob.tests) == len(batch.results[0].tests)  # every test listed, "not run"
    for student in ("ann", "cy"):
        assert by[student].status == "graded" and by[student].score == by[student].max_score


def test_dask_runner_must_be_importable(perceptron_class: tuple[Assignment, Path],
                                        tmp_path: Path) -> None:
    assignment, folder = perceptron_class

    def local_only(*args: Any, **kwargs: Any) -> RunResult:
        raise AssertionError("never called")

    with pytest.raises(ExecutorError, match="cannot be imported by name on a Dask worker"):
        run_batch(assignment, folder, tmp_path, executor="dask", scheduler="local",
                  run=local_only)


def test_result_round_trips_through_plain_dicts(local_batch: tuple[Batch, Path]) -> None:
    from dataclasses import asdict

    for result in local_batch[0].results:
        assert result_from_dict(json.loads(json.dumps(asdict(result)))) == result


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_cli_unreachable_scheduler_fails_fast_naming_address_and_fix(
        perceptron_class: tuple[Assignment, Path], tmp_path: Path) -> None:
    _, folder = perceptron_class
    address = f"tcp://127.0.0.1:{_free_port()}"
    started = time.monotonic()
    result = CliRunner().invoke(main, ["grade", "perceptron", str(folder), "--out",
                                       str(tmp_path / "out"), "--executor", "dask",
                                       "--scheduler", address])
    assert time.monotonic() - started < 20
    assert result.exit_code == 1, result.output
    assert f"cannot reach the Dask scheduler at {address}" in result.output
    assert "`dask scheduler`" in result.output and f"`dask worker {address}`" in result.output


def test_cli_scheduler_needs_dask_executor(perceptron_class: tuple[Assignment, Path],
                                           tmp_path: Path) -> None:
    _, folder = perceptron_class
    result = CliRunner().invoke(main, ["grade", "perceptron", str(folder), "--out",
                                       str(tmp_path), "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2
    assert "--scheduler needs --executor dask" in result.output


def test_cli_dask_with_own_local_cluster(perceptron_class: tuple[Assignment, Path],
                                         local_batch: tuple[Batch, Path], tmp_path: Path) -> None:
    _, folder = perceptron_class
    out = tmp_path / "out"
    # the CLI grades the bundled perceptron with its own (longer) call timeout; the sheet is
    # the same as with the demo's short one
    result = CliRunner().invoke(main, ["grade", "perceptron", str(folder), "--out", str(out),
                                       "--executor", "dask", "--jobs", "2", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("graded 4 submissions (4 run, 0 unchanged); errors: "
                                    "1 syntax_error")
    local = (local_batch[1] / "scores.csv").read_text()
    assert (out / "scores.csv").read_text() == local
