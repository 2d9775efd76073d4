"""`grader grade`: the summary, user errors, the real sandboxed engine (exact sheet, re-run,
--force, SIGKILL and resume), and the parity of the in-process double with the real runner.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from grader.batch.driver import run_batch
from grader.cli.main import main
from grader.config import Assignment
from grader.models import Batch
from grader.store.gradebook import Gradebook
from tests.grader.toyclass import (
    CLASS,
    CORRECT,
    DUE,
    TOML,
    engine_sheet,
    expected_sheet,
    fake_engine,
    in_process_run,
    make_class,
    sheet,
    toy,
)

__all__ = ["fake_engine", "toy"]  # fixtures (tests/grader/toyclass.py)
REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.dates


def test_cli_grade_summary_and_exit_0_with_failing_students(
    toy: Assignment, tmp_path: Path, fake_engine: None
) -> None:
    subs = make_class(tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["grade", str(toy.folder), str(subs), "--out", str(out),
                                       "--jobs", "2"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "graded 6 submissions (6 run, 0 unchanged); errors: 1 invalid_submission, "
        f"1 no_submission, 1 syntax_error; mean score 1.80 / 6; sheet: {out / 'scores.csv'}\n"
        f"toy: due {DUE.isoformat()} (from assignment.toml); submission times: the files' "
        "modification times\n")
    assert result.stderr.startswith("isolation: ")  # first the level (grader.sandbox.isolation)
    assert result.stderr.endswith(  # 1 of 5 submitted is late: not "more than a fifth"
        "\nnote: submission times are the files' modification times; copying, unzipping "
        "without times, git clone or an LMS download resets them to 'now'. Pass --timestamps "
        "FILE.csv (student,submitted_at), or --times gradescope|git.\n")
    assert sheet(out) == expected_sheet(subs)
    again = CliRunner().invoke(main, ["grade", str(toy.folder), str(subs), "--out", str(out)])
    assert again.stdout.splitlines()[0].startswith("graded 6 submissions (0 run, 6 unchanged); ")
    forced = CliRunner().invoke(main, ["grade", str(toy.folder), str(subs), "--out", str(out),
                                       "--force"])
    assert forced.stdout.splitlines()[0].startswith("graded 6 submissions (6 run, 0 unchanged); ")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["grade", "{tmp}/nope", "{subs}", "--out", "{tmp}/out"],
         "Invalid value for 'ASSIGNMENT': no assignment '{tmp}/nope': not a folder, and not one "
         "of the bundled assignments"),
        (["grade", "{toy}", "{tmp}/missing", "--out", "{tmp}/out"],
         "Invalid value for 'SUBMISSIONS': {tmp}/missing: not a folder; pass the folder that "
         "holds one entry per student (<student>/ folders or <student>.py/.ipynb/.zip files)"),
        (["grade", "{toy}", "{subs}"], "Missing option '--out'."),
        (["grade", "{toy}", "{subs}", "--out", "{tmp}/out", "--jobs", "0"],
         "Invalid value for '--jobs' / '-j': 0 is not in the range x>=1."),
        (["grade", "{toy}", "{subs}", "--out", "{tmp}/out", "--timestamps", "{tmp}/none.csv"],
         "Invalid value for '--timestamps': {tmp}/none.csv: file not found; give a CSV with "
         "columns student,submitted_at"),
    ],
)
def test_cli_grade_user_errors_name_the_path_and_fix(
    toy: Assignment, tmp_path: Path, args: list[str], message: str
) -> None:
    subs = make_class(tmp_path, {"alice.py": CORRECT.encode()})
    fill = {"tmp": tmp_path, "toy": toy.folder, "subs": subs}
    result = CliRunner().invoke(main, [a.format(**fill) for a in args])
    assert result.exit_code == 2
    flat = " ".join(result.output.replace("│", " ").split())
    assert message.format(**fill) in flat, result.output


def test_cli_grade_broken_tests_file_is_a_clear_error(toy: Assignment, tmp_path: Path,
                                                      fake_engine: None) -> None:
    toy.hidden_tests_path.write_text("import no_such_module_anywhere\n")
    subs = make_class(tmp_path, {"alice.py": CORRECT.encode()})
    result = CliRunner().invoke(main, ["grade", str(toy.folder), str(subs), "--out",
                                       str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.output.startswith("isolation: ")  # the level comes first, then the error
    assert result.stderr.endswith(
        f"\nError: {toy.hidden_tests_path}: importing the tests failed: "
        "ModuleNotFoundError(\"No module named 'no_such_module_anywhere'\")\n")


def test_cli_grade_engine_class_exact_sheet_rerun_and_force(toy: Assignment,
                                                            tmp_path: Path) -> None:
    subs = make_class(tmp_path)
    out = tmp_path / "out"
    args = ["grade", str(toy.folder), str(subs), "--out", str(out), "--jobs", "2"]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    assert first.stdout.splitlines()[0].startswith(
        "graded 6 submissions (6 run, 0 unchanged); errors: 1 invalid_submission, "
        "1 no_submission, 1 syntax_error; mean score 1.80 / 6")
    assert sheet(out) == engine_sheet(subs)
    with Gradebook(out / "gradebook.sqlite") as book:
        isolation = {r.student: r.isolation for r in book.run_results("toy")}
    # grader.sandbox.pool
    assert isolation["alice"] in ("bubblewrap+cgroup-pids+warm", "bubblewrap+warm",
                                  "bubblewrap+cgroup-pids", "bubblewrap", "uid+cgroup-pids", "uid")
    again = CliRunner().invoke(main, args)
    assert again.stdout.splitlines()[0].startswith("graded 6 submissions (0 run, 6 unchanged); ")
    assert sheet(out) == engine_sheet(subs)
    forced = CliRunner().invoke(main, [*args, "--force"])
    assert forced.stdout.splitlines()[0].startswith("graded 6 submissions (6 run, 0 unchanged); ")
    assert sheet(out) == engine_sheet(subs)
    bob = json.loads((out / "results" / "bob.json").read_text())["result"]["tests"][2]
    assert bob["message"].startswith("scale(x, 2.5): 6 of 6 entries differ; worst at [0, 0]")


SLOW = "import time\ntime.sleep(0.4)\n" + CORRECT


@pytest.mark.slow
def test_cli_grade_engine_sigkill_and_resume_gives_the_same_sheet(toy: Assignment,
                                                                  tmp_path: Path) -> None:
    class_files = dict(CLASS) | {f"slow{i:02d}.py": SLOW.encode() for i in range(10)}
    subs = make_class(tmp_path, class_files)
    out = tmp_path / "out"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(tmp_path / "course"), str(REPO)]))
    command = [sys.executable, "-m", "grader", "grade", str(toy.folder), str(subs), "--out",
               str(out), "--no-progress"]
    proc = subprocess.Popen(command, env=env, cwd=tmp_path, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    book_path = out / "gradebook.sqlite"
    committed = 0
    deadline = time.monotonic() + 60
    while committed < 4 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        if book_path.exists():
            with Gradebook(book_path) as book:
                committed = len(book.grades("toy"))
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, "the batch finished before it could be killed"
    with Gradebook(book_path) as book:
        done = len(book.grades("toy"))
    assert 4 <= done < 16
    resumed = subprocess.run(command, env=env, cwd=tmp_path, capture_output=True, text=True,
                             timeout=300, check=False)
    assert resumed.returncode == 0, resumed.stderr
    assert f"({16 - done} run, {done} unchanged)" in resumed.stdout
    slow_rows = "".join(f"slow{i:02d},toy,6.0,6.0,graded,6.0,0.0,,1.0,2.0,3.0\n" for i in range(10))
    frank = "frank,toy,1.8,6.0,graded,3.0,1.2,,1.0,2.0,0.0\n"
    expected = engine_sheet(subs).replace(frank, frank + slow_rows)
    assert sheet(out) == expected
    with Gradebook(book_path) as book:
        assert len(book.run_results("toy")) == 16


def test_cli_grade_unloadable_reference_is_a_clear_error(toy: Assignment, tmp_path: Path,
                                                         fake_engine: None) -> None:
    toml = toy.folder / "assignment.toml"
    toml.write_text(TOML.replace('"toy_reference"', '"no_such_reference_module"'))
    subs = make_class(tmp_path, {"alice.py": CORRECT.encode()})
    result = CliRunner().invoke(main, ["grade", str(toy.folder), str(subs), "--out",
                                       str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.output.startswith("isolation: ")  # the level comes first, then the error
    assert result.stderr.endswith(
        f"\nError: {toml}: assignment.reference 'no_such_reference_module' cannot be loaded "
        "(ModuleNotFoundError(\"No module named 'no_such_reference_module'\")); check the "
        "module name or solution file\n")
    assert not (tmp_path / "out" / "scores.csv").exists()


def test_in_process_run_gives_the_real_runners_results(toy: Assignment, tmp_path: Path) -> None:
    """The driver tests run the in-process double (tests/grader/toyclass.py) for speed; here
    the whole class goes through the real path too (run_batch's sandboxed runner, the warm pool,
    the codec) and every student's every test has the same status, points, mistake and message,
    and every submission the same status and score."""
    subs = make_class(tmp_path)
    real = run_batch(toy, subs, tmp_path / "real", jobs=2, progress=False)
    double = run_batch(toy, subs, tmp_path / "double", run=in_process_run, progress=False)

    def per_test(batch: Batch) -> dict[str, list[tuple[object, ...]]]:
        return {r.student: [(t.name, t.status, t.points, t.mistake, t.message) for t in r.tests]
                for r in batch.results}

    assert [r.student for r in real.results] == ["alice", "bob", "carol", "dave", "erin", "frank"]
    assert per_test(double) == per_test(real)
    assert [(g.student, g.status, g.score) for g in double.grades] == [
        (g.student, g.status, g.score) for g in real.grades]
    assert {r.isolation for r in double.results} <= {"in-process test double", ""}
    assert all(r.isolation != "in-process test double" for r in real.results)
