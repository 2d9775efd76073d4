"""Deadlines: term calendars, extensions, the source of submission times, and what `grader
grade` says about them. Every date here is relative to tests.clock.NOW; the batches run through
the real sandboxed engine."""

from __future__ import annotations

import csv
import html
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from grader.cli.main import main
from grader.deadlines import (
    Deadline,
    DeadlineError,
    choose_source,
    git_time,
    parse_duration,
    parse_moment,
    read_course,
    read_extensions,
    read_gradescope,
    read_timestamps,
)
from grader.store.gradebook import Gradebook
from tests.clock import NOW, days, set_mtime

pytestmark = pytest.mark.dates

REPO = Path(__file__).resolve().parents[2]
REFERENCE = "def add(a, b):\n    return a + b\n"
TESTS = '''\
from grader import checks
from grader.testing import test_case


@test_case(points=2, visibility="visible")
def adds_small_numbers(student):
    checks.equal(student.add(2, 3), 5, name="add(2, 3)")


@test_case(points=2, visibility="after_due")
def adds_negative_numbers(student):
    checks.equal(student.add(-2, -3), -5, name="add(-2, -3)")
'''
TOML = """\
[assignment]
title = "Adder"
module = "adder"
reference = "adder_reference"

[late_policy]
grace_minutes = 0
penalty_per_day = 0.25
"""
DUE = (NOW + days(5)).replace(hour=23, minute=59, second=0)


@pytest.fixture
def adder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An assignment folder without a due date, as every bundled one now is."""
    course = tmp_path / "course"
    folder = course / "adder"
    folder.mkdir(parents=True)
    (folder / "assignment.toml").write_text(TOML)
    (folder / "visible_tests.py").write_text(TESTS)
    (course / "adder_reference.py").write_text(REFERENCE)
    monkeypatch.syspath_prepend(str(course))
    monkeypatch.delitem(sys.modules, "adder_reference", raising=False)
    yield folder
    sys.modules.pop("adder_reference", None)


def klass(root: Path, when: dict[str, datetime]) -> Path:
    """One correct adder.py per student, its file time `when[student]`."""
    subs = root / "submissions"
    subs.mkdir()
    for student, moment in when.items():
        path = subs / f"{student}.py"
        path.write_text(REFERENCE)
        set_mtime(path, moment)
    return subs


def grade(*args: str | Path) -> Result:
    return CliRunner().invoke(main, ["grade", *map(str, args), "--jobs", "1"])


def warnings(done: Result) -> str:
    """What `grader grade` printed on stderr after its first lines: the isolation level and
    its indented details (grader.sandbox.isolation)."""
    lines = done.stderr.splitlines(keepends=True)
    assert lines and lines[0].startswith("isolation: "), done.stderr
    rest = lines[1:]
    while rest and rest[0].startswith("  "):
        rest.pop(0)
    return "".join(rest)


def rows(out: Path) -> dict[str, tuple[str, str]]:
    """student -> (score, late_penalty) from scores.csv."""
    with (out / "scores.csv").open() as handle:
        return {r["student"]: (r["score"], r["late_penalty"]) for r in csv.DictReader(handle)}


# ------------------------------------------------------------------------ grading, end to end

def test_no_due_date_means_nobody_is_late_whatever_the_file_times(adder: Path,
                                                                   tmp_path: Path) -> None:
    subs = klass(tmp_path, {"ann": NOW, "ben": NOW + days(400), "cid": NOW - days(400)})
    done = grade(adder, subs, "--out", tmp_path / "out")
    assert done.exit_code == 0, done.output
    assert done.stdout.splitlines()[1] == "adder: no due date (nobody is late)"
    assert warnings(done) == ""
    assert rows(tmp_path / "out") == {s: ("4.0", "0.0") for s in ("ann", "ben", "cid")}


def test_bundled_assignment_copied_today_is_not_late(tmp_path: Path) -> None:
    """The bundled pack carries no calendar: a correct copy made now scores full marks."""
    subs = tmp_path / "subs" / "ann"
    subs.mkdir(parents=True)
    (subs / "mp_neuron.py").write_bytes((REPO / "reference" / "mp_neuron.py").read_bytes())
    done = grade("mp_neuron", subs.parent, "--out", tmp_path / "out")
    assert done.exit_code == 0, done.output
    with (tmp_path / "out" / "scores.csv").open() as handle:
        (row,) = csv.DictReader(handle)
    assert (row["status"], row["late_penalty"], row["score"]) == (
        "graded", "0.0", row["max_score"])


def test_due_from_the_command_line_with_file_times_warns_when_many_are_late(
    adder: Path, tmp_path: Path
) -> None:
    subs = klass(tmp_path, {"ann": DUE - days(1), "ben": DUE + timedelta(hours=30),
                            "cid": DUE + timedelta(hours=1)})
    done = grade(adder, subs, "--out", tmp_path / "out", "--due", DUE.isoformat())
    assert done.exit_code == 0, done.output
    assert rows(tmp_path / "out") == {"ann": ("4.0", "0.0"), "ben": ("2.0", "2.0"),
                                      "cid": ("3.0", "1.0")}
    assert done.stdout.splitlines()[1] == (
        f"adder: due {DUE.isoformat()} (from --due); submission times: the files' "
        "modification times")
    note, warning = warnings(done).splitlines()
    assert note.startswith("note: submission times are the files' modification times; ")
    assert warning == (
        f"WARNING: 2 of 3 submissions are late (due {DUE.isoformat()} (from --due); times "
        "from the files' modification times). If that is not what happened, give the real "
        "submission times (--timestamps FILE.csv, --times gradescope|git), the right due date "
        "(--due / --course), or --times none, and re-run: unchanged files are only re-scored.")


def test_course_calendar_extensions_and_timestamps(adder: Path, tmp_path: Path) -> None:
    start = (NOW - days(20)).replace(hour=23, minute=59, second=0, microsecond=0)
    course = tmp_path / "course.toml"
    course.write_text(f"[term]\nstart = {start.isoformat()}\n\n[due]\nadder = 25\n")
    due = start + days(25)
    subs = klass(tmp_path, {s: NOW for s in ("ann", "ben", "cid")})
    stamps = tmp_path / "stamps.csv"
    stamps.write_text("student,submitted_at\n" + "".join(
        f"{s},{(due + delta).isoformat()}\n" for s, delta in
        (("ann", -days(1)), ("ben", timedelta(hours=30)), ("cid", timedelta(hours=30)))))
    extensions = tmp_path / "extensions.csv"
    extensions.write_text("student,extension\ncid,2d\n")
    out = tmp_path / "out"
    done = grade(adder, subs, "--out", out, "--course", course, "--timestamps", stamps,
                 "--extensions", extensions)
    assert done.exit_code == 0, done.output
    assert rows(out) == {"ann": ("4.0", "0.0"), "ben": ("2.0", "2.0"), "cid": ("4.0", "0.0")}
    assert done.stdout.splitlines()[1] == (
        f"adder: due {due.isoformat()} (from {course}, 1 extension(s)); submission times: "
        f"the timestamps file {stamps}")
    assert warnings(done).startswith("WARNING: 1 of 3 submissions are late (")  # > a fifth
    assert CliRunner().invoke(main, ["report", str(out)]).exit_code == 0
    assert f"(from {course}, 1 extension(s)); submission times: the timestamps file" in \
        html.unescape((out / "reports" / "adder" / "summary.html").read_text())
    with Gradebook(out / "gradebook.sqlite") as book:
        recorded = book.graded_with("adder")
    assert recorded is not None
    assert (recorded["due"], recorded["due_source"], recorded["times"], recorded["folder"],
            recorded["bundled"]) == (due.isoformat(), str(course), "timestamps", str(adder),
                                     None)
    assert recorded["extensions"] == {"cid": (due + days(2)).isoformat()}


def test_report_uses_the_recorded_due_date_not_a_folder_of_the_same_name(
    adder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`report` needs no --assignment: the results folder says what it was graded with; a
    same-named folder in the current directory (with another due date) is ignored."""
    due = NOW - days(2)
    subs = klass(tmp_path, {"ann": due - days(1)})
    out = tmp_path / "out"
    assert grade(adder, subs, "--out", out, "--due", due.isoformat()).exit_code == 0
    decoy = tmp_path / "cwd" / "adder"
    decoy.mkdir(parents=True)
    (decoy / "assignment.toml").write_text(
        TOML.replace("[assignment]\n", f"[assignment]\ndue = {(NOW + days(99)).isoformat()}\n"))
    monkeypatch.chdir(tmp_path / "cwd")
    done = CliRunner().invoke(main, ["report", str(out)])
    assert done.exit_code == 0, done.output
    page = (out / "reports" / "adder" / "ann.md").read_text()
    assert "add(-2, -3)" not in page or "after the due date" not in page
    assert "Details of this test are shown after the due date" not in page
    summary = html.unescape((out / "reports" / "adder" / "summary.html").read_text())
    assert f"Due {due.astimezone(UTC):%Y-%m-%d %H:%M} UTC (from --due); submission times: " \
           "the files' modification times." in summary
    assert "These are file modification times" in summary
    exported = CliRunner().invoke(main, ["export", str(out), "--format", "canvas"])
    assert exported.exit_code == 0, exported.output
    header = (out / "export" / "canvas.csv").read_text().splitlines()[0]
    assert header.endswith(",Adder")  # the recorded title; unrecorded it would be "adder"
    before = CliRunner().invoke(main, ["report", str(out), "--now", (due - days(1)).isoformat()])
    assert before.exit_code == 0, before.output
    assert "Details of this test are shown after the due date" in (
        out / "reports" / "adder" / "ann.md").read_text()


def test_gradescope_export_metadata_gives_the_times(adder: Path, tmp_path: Path) -> None:
    subs = klass(tmp_path, {"submission_101": NOW, "submission_102": NOW})
    zone = timezone(timedelta(hours=-8))
    (subs / "submission_metadata.yml").write_text(textwrap.dedent(f"""\
        submission_101:
          :submitters:
          - :name: Ann
            :sid: '101'
          :created_at: {(DUE - days(1)).astimezone(zone).strftime('%Y-%m-%d %H:%M:%S.%f000 %z')}
        submission_102:
          :submitters:
          - :name: Ben
            :sid: '102'
          :created_at: {(DUE + days(1.5)).astimezone(zone).strftime('%Y-%m-%d %H:%M:%S.%f000 %z')}
        """))
    done = grade(adder, subs, "--out", tmp_path / "out", "--due", DUE.isoformat())
    assert done.exit_code == 0, done.output
    assert f"submission times: Gradescope's {subs / 'submission_metadata.yml'}" in done.stdout
    assert rows(tmp_path / "out") == {"submission_101": ("4.0", "0.0"),
                                      "submission_102": ("2.0", "2.0")}


def test_git_repositories_give_their_last_commit_time(adder: Path, tmp_path: Path) -> None:
    subs = tmp_path / "subs"
    for student, when in (("ann", DUE - days(1)), ("ben", DUE + days(1.2))):
        repo = subs / student
        repo.mkdir(parents=True)
        (repo / "adder.py").write_text(REFERENCE)
        env = {**os.environ, "GIT_AUTHOR_DATE": when.isoformat(),
               "GIT_COMMITTER_DATE": when.isoformat(), "GIT_AUTHOR_NAME": student,
               "GIT_AUTHOR_EMAIL": "s@example.org", "GIT_COMMITTER_NAME": student,
               "GIT_COMMITTER_EMAIL": "s@example.org"}
        for command in (["init", "-q"], ["add", "adder.py"], ["commit", "-q", "-m", "work"]):
            subprocess.run(["git", "-C", str(repo), *command], env=env, check=True)
        assert git_time(repo) == when.replace(microsecond=0)
    done = grade(adder, subs, "--out", tmp_path / "out", "--due", DUE.isoformat())
    assert done.exit_code == 0, done.output
    assert "submission times: each repository's last commit (committer time)" in done.stdout
    assert rows(tmp_path / "out") == {"ann": ("4.0", "0.0"), "ben": ("2.0", "2.0")}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--due", "2030-01-01T23:59"],
         "Invalid value for '--due': --due: '2030-01-01T23:59' has no time zone; add one, e.g. "
         "2030-01-01T23:59:00+00:00 or 2027-02-14T23:59:00-05:00"),
        (["--due", "next friday"],
         "Invalid value for '--due': --due: 'next friday' is not an ISO date-time with a zone "
         "(e.g. 2027-02-14T23:59:00-05:00)"),
        (["--extensions", "{ext}"],
         "{ext}: extension(s) for 'zed', who have no entry in the submissions folder; fix the "
         "name(s) to match the folder or file names"),
        (["--timestamps", "{stamps}", "--times", "mtime"],
         "--timestamps and --times mtime disagree; give one of them"),
        (["--times", "gradescope"],
         "{subs}/submission_metadata.yml: not found; --times gradescope reads the "
         "submission_metadata.yml of Gradescope's 'Export Submissions'"),
    ],
)
def test_bad_calendar_input_is_an_error_and_grades_nothing(
    adder: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    subs = klass(tmp_path, {"ann": NOW})
    ext = tmp_path / "ext.csv"
    ext.write_text("student,extension\nzed,1d\n")
    stamps = tmp_path / "stamps.csv"
    stamps.write_text(f"student,submitted_at\nann,{NOW.isoformat()}\n")
    names = {"ext": ext, "stamps": stamps, "subs": subs}
    done = grade(adder, subs, "--out", tmp_path / "out", "--due", DUE.isoformat(),
                 *(a.format(**names) for a in args))
    assert done.exit_code == 2 if "Invalid value" in message else done.exit_code == 1
    assert done.output.splitlines()[-1].endswith(message.format(**names))
    assert not (tmp_path / "out" / "scores.csv").exists()


# ------------------------------------------------------------------------ the parts, directly

def test_course_calendar_days_after_start_or_date_times(tmp_path: Path) -> None:
    start = datetime(2031, 1, 13, 23, 59, tzinfo=timezone(timedelta(hours=-5)))
    path = tmp_path / "course.toml"
    path.write_text(f"[term]\nstart = {start.isoformat()}\n[due]\nmp_neuron = 7\n"
                    "towers = 20.5\nbackprop = 2031-04-01T12:00:00Z\n")
    course = read_course(path)
    assert course.due_of("mp_neuron") == start + days(7)
    assert course.due_of("towers") == start + days(20.5)
    assert course.due_of("backprop") == datetime(2031, 4, 1, 12, tzinfo=UTC)
    with pytest.raises(DeadlineError) as info:
        course.due_of("perceptron")
    assert str(info.value) == (
        f"{path}: [due] has no entry for 'perceptron'; add e.g. `perceptron = 14` (days after "
        "the term start) or a date-time (known: backprop, mp_neuron, towers)")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[term]\nstart = 2031-01-13T23:59:00\n[due]\na = 1\n",
         "{path}: term.start: datetime.datetime(2031, 1, 13, 23, 59) has no time zone; add "
         "one, e.g. 2031-01-13T23:59:00+00:00 or 2027-02-14T23:59:00-05:00"),
        ("[due]\na = 1\n", "{path}: needs [term] with start = <date-time with zone>, e.g. "
                           "start = 2027-02-14T23:59:00-05:00"),
        ("[term]\nstart = 2031-01-13T23:59:00Z\n[due]\na = -3\n",
         "{path}: due.a: -3 days is before the term start"),
        ("[term]\nstart = 2031-01-13T23:59:00Z\n[due]\na = true\n",
         "{path}: due.a: True is neither a number of days nor a date-time"),
        ("[term]\nstart = 2031-01-13T23:59:00Z\n[dates]\n", "{path}: unknown table(s) "
                                                            "['dates']; known: [term], [due]"),
    ],
)
def test_course_calendar_errors_name_the_file_and_key(tmp_path: Path, text: str,
                                                      message: str) -> None:
    path = tmp_path / "course.toml"
    path.write_text(text)
    with pytest.raises(DeadlineError) as info:
        read_course(path)
    assert str(info.value) == message.format(path=path)


@pytest.mark.parametrize(("text", "expected"), [
    ("2d", timedelta(days=2)), ("36h", timedelta(hours=36)), ("90m", timedelta(minutes=90)),
    ("1d12h", timedelta(days=1, hours=12)), ("1.5d", timedelta(days=1.5)), ("", None),
    ("2w", None), ("2031-01-01T00:00:00Z", None)])
def test_durations(text: str, expected: timedelta | None) -> None:
    assert parse_duration(text) == expected


def test_extensions_add_to_the_due_date_or_replace_it(tmp_path: Path) -> None:
    path = tmp_path / "ext.csv"
    path.write_text("student,extension\nann,36h\nben,2031-05-01T09:00:00+02:00\n")
    due = datetime(2031, 4, 1, 23, 59, tzinfo=UTC)
    assert read_extensions(path, due) == {
        "ann": due + timedelta(hours=36),
        "ben": datetime(2031, 5, 1, 9, tzinfo=timezone(timedelta(hours=2)))}
    path.write_text("student,extension\nann,36h\nann,1d\n")
    with pytest.raises(DeadlineError, match=r"ext.csv:3: 'ann' is listed twice"):
        read_extensions(path, due)
    path.write_text("student,extension\nann,soon\n")
    with pytest.raises(DeadlineError) as info:
        read_extensions(path, due)
    assert str(info.value) == (f"{path}:2: extension 'soon' is neither a duration (2d, 36h, "
                               "90m, 1d12h) nor a date-time with a zone (e.g. "
                               "2027-02-14T23:59:00-05:00)")
    path.write_text("student,extension\nann,1d\n")
    with pytest.raises(DeadlineError, match="is relative but the assignment has no due date"):
        read_extensions(path, None)
    assert Deadline(due, "--due", {"ann": due + days(1)}).due_for("ann") == due + days(1)
    assert Deadline(due, "--due", {"ann": due + days(1)}).due_for("ben") == due


def test_timestamps_need_zones_and_one_row_each(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("student,submitted_at\nann,2031-01-01T10:00:00-05:00\nben,2031-01-01T15:00Z\n")
    assert read_timestamps(path) == {
        "ann": datetime(2031, 1, 1, 15, tzinfo=UTC), "ben": datetime(2031, 1, 1, 15, tzinfo=UTC)}
    with pytest.raises(DeadlineError, match="file not found"):
        read_timestamps(tmp_path / "missing.csv")


def test_gradescope_metadata_without_created_at_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "submission_metadata.yml"
    path.write_text("submission_1:\n  :submitters: []\n")
    with pytest.raises(DeadlineError) as info:
        read_gradescope(path)
    assert str(info.value) == (f"{path}: submission_1: no :created_at:; is this Gradescope's "
                               "export metadata?")
    path.write_text("submission_1:\n  :created_at: 2031-01-01 10:00:00.123456789 -0800\n")
    assert read_gradescope(path) == {"submission_1": datetime(2031, 1, 1, 18, 0, 0, 123456,
                                                              tzinfo=UTC)}


def test_auto_source_prefers_real_times_and_says_when_it_guesses(tmp_path: Path) -> None:
    subs = tmp_path / "subs"
    (subs / "ann").mkdir(parents=True)
    (subs / "ann" / "a.py").write_text("")
    entries = [("ann", subs / "ann")]
    due = Deadline(NOW, "--due")
    assert choose_source("auto", subs, timestamps=None, entries=entries,
                         deadline=Deadline(None, "none")).name == "none"
    guessed = choose_source("auto", subs, timestamps=None, entries=entries, deadline=due)
    assert (guessed.name, guessed.guessed) == ("mtime", True)
    (subs / "ann" / ".git").mkdir()
    assert choose_source("auto", subs, timestamps=None, entries=entries, deadline=due).name \
        == "git"
    (subs / "submission_metadata.yml").write_text("{}\n")
    assert choose_source("auto", subs, timestamps=None, entries=entries, deadline=due).name \
        == "gradescope"
    stamps = tmp_path / "s.csv"
    stamps.write_text("student,submitted_at\n")
    with pytest.raises(DeadlineError, match="no row for 'ann'"):
        choose_source("auto", subs, timestamps=stamps, entries=entries, deadline=due)
    assert parse_moment("2031-01-01T00:00:00+05:30", "x").utcoffset() == timedelta(hours=5.5)


def test_validate_and_generate_warn_about_a_due_date_in_the_past(tmp_path: Path) -> None:
    past = (NOW - days(3)).isoformat()
    done = CliRunner().invoke(main, ["generate", "mp_neuron", "--out", str(tmp_path / "rel"),
                                     "--due", past])
    assert done.exit_code == 0, done.output
    assert done.stderr.startswith(f"WARNING: mp_neuron is due {past}, which is in the past")
    toml = (tmp_path / "rel" / "assignment.toml").read_text()
    assert f"due = {past}" in toml or f'due = "{past}"' in toml
    future = (NOW + days(30)).isoformat()
    quiet = CliRunner().invoke(main, ["generate", "mp_neuron", "--out", str(tmp_path / "rel"),
                                      "--due", future])
    assert quiet.exit_code == 0 and quiet.stderr == ""


def test_the_bundled_pack_has_no_calendar() -> None:
    for toml in sorted((REPO / "assignments").glob("*/assignment.toml")):
        assert "due" not in toml.read_text().split("[limits]")[0], toml


def test_git_time_runs_nothing_the_students_repository_configures(tmp_path: Path) -> None:
    """A submitted repository carries its own .git/config: a signed last commit with
    `log.showSignature` and a `gpg.program` ran that program in the grader's process."""
    repo = tmp_path / "ann"
    repo.mkdir()
    (repo / "adder.py").write_text(REFERENCE)
    when = (DUE - days(1)).replace(microsecond=0)
    env = {**os.environ, "GIT_AUTHOR_DATE": when.isoformat(), "GIT_COMMITTER_DATE":
           when.isoformat(), "GIT_AUTHOR_NAME": "a", "GIT_AUTHOR_EMAIL": "a@example.org",
           "GIT_COMMITTER_NAME": "a", "GIT_COMMITTER_EMAIL": "a@example.org"}
    for command in (["init", "-q"], ["add", "adder.py"], ["commit", "-q", "-m", "work"]):
        subprocess.run(["git", "-C", str(repo), *command], env=env, check=True)
    plain = subprocess.run(["git", "-C", str(repo), "cat-file", "commit", "HEAD"],
                           capture_output=True, text=True, check=True).stdout
    signed = plain.replace("\n\n", "\ngpgsig -----BEGIN PGP SIGNATURE-----\n AAAA\n "
                           "-----END PGP SIGNATURE-----\n\n", 1)
    commit = subprocess.run(["git", "-C", str(repo), "hash-object", "-t", "commit", "-w",
                             "--stdin"], input=signed, capture_output=True, text=True,
                            check=True).stdout.strip()
    subprocess.run(["git", "-C", str(repo), "update-ref", "HEAD", commit], check=True)
    marker = tmp_path / "ran"
    program = tmp_path / "gpg.sh"
    program.write_text(f"#!/bin/sh\ntouch {marker}\nexit 1\n")
    program.chmod(0o755)
    for key, value in (("log.showSignature", "true"), ("gpg.program", str(program)),
                       ("core.fsmonitor", str(program))):
        subprocess.run(["git", "-C", str(repo), "config", key, value], check=True)
    assert git_time(repo) == when
    assert not marker.exists()
