"""Deadlines: when work is due, for whom, and when each submission was handed in.

A course's calendar is set when it is taught, not baked into an assignment: the bundled
assignments carry no due date. An instructor gives one with `--due`, or a term calendar with
`--course course.toml`:

    [term]
    start = 2027-01-11T23:59:00-08:00   # deadlines fall at this clock time, in this zone
    [due]                               # per assignment: days after `start`, or a date-time
    mp_neuron = 7
    perceptron = 14
    backprop = 2027-03-19T17:00:00-07:00

Per-student extensions come from a CSV `student,extension` where the extension is a duration
(`2d`, `36h`, `90m`, `1d12h`) added to the due date, or a date-time that replaces it.

Where a submission's time comes from is a choice the instructor sees (`TimeSource`): a
`--timestamps` CSV, the metadata of an LMS export (Gradescope's `submission_metadata.yml`), the
last commit of a student's git repository, or the files' modification times. Every date-time
must carry its zone: nothing is graded with a guessed time. Pure apart from reading the files
named; "now" is always a parameter.
"""

from __future__ import annotations

import csv
import os
import re
import subprocess
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

TIME_SOURCES = ("auto", "timestamps", "gradescope", "git", "mtime", "none")
EXAMPLE = "2027-02-14T23:59:00-05:00"
_DURATION = re.compile(r"(?:(\d+(?:\.\d+)?)\s*d)?\s*(?:(\d+(?:\.\d+)?)\s*h)?\s*"
                       r"(?:(\d+(?:\.\d+)?)\s*m)?", re.IGNORECASE)


class DeadlineError(Exception):
    """A calendar, extensions or timestamps file is unusable; names the file, line and fix."""


def parse_moment(value: Any, where: str) -> datetime:
    """An aware date-time from an ISO string or a TOML/YAML date-time; `where` prefixes errors.

    A date-time without a zone is refused: "23:59" means a different moment in every zone.
    """
    moment = value
    if isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.strip())
        except ValueError:
            raise DeadlineError(f"{where}: {value!r} is not an ISO date-time with a zone "
                                f"(e.g. {EXAMPLE})") from None
    if not isinstance(moment, datetime):
        raise DeadlineError(f"{where}: {value!r} is not a date-time (e.g. {EXAMPLE})")
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise DeadlineError(f"{where}: {value!r} has no time zone; add one, e.g. "
                            f"{moment.replace(tzinfo=UTC).isoformat()} or {EXAMPLE}")
    return moment


def parse_duration(text: str) -> timedelta | None:
    """`2d`, `36h`, `90m`, `1d12h` (also `1.5d`) as a timedelta; None if it is not one."""
    match = _DURATION.fullmatch(text.strip())
    if not text.strip() or match is None or not any(match.groups()):
        return None
    days, hours, minutes = (float(g) if g else 0.0 for g in match.groups())
    return timedelta(days=days, hours=hours, minutes=minutes)


# ------------------------------------------------------------------------------ the calendar

@dataclass(frozen=True)
class Course:
    """A term calendar (`course.toml`): the due date of each assignment."""

    path: Path
    start: datetime
    due: Mapping[str, datetime]

    def due_of(self, assignment: str) -> datetime:
        if assignment not in self.due:
            raise DeadlineError(f"{self.path}: [due] has no entry for {assignment!r}; add e.g. "
                                f"`{assignment} = 14` (days after the term start) or a "
                                f"date-time (known: {', '.join(sorted(self.due)) or 'none'})")
        return self.due[assignment]


def read_course(path: Path) -> Course:
    """Parse `course.toml` ([term] start, [due] days-after-start or date-times)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DeadlineError(f"{path}: file not found; write a course.toml with [term] start "
                            "and a [due] table") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise DeadlineError(f"{path}: not valid TOML: {exc}") from None
    unknown = set(data) - {"term", "due"}
    if unknown:
        raise DeadlineError(f"{path}: unknown table(s) {sorted(unknown)}; known: [term], [due]")
    term, table = data.get("term"), data.get("due")
    if not isinstance(term, dict) or "start" not in term:
        raise DeadlineError(f"{path}: needs [term] with start = <date-time with zone>, e.g. "
                            f"start = {EXAMPLE}")
    if set(term) - {"start"}:
        raise DeadlineError(f"{path}: unknown key(s) term.{sorted(set(term) - {'start'})}; "
                            "known: start")
    start = parse_moment(term["start"], f"{path}: term.start")
    if not isinstance(table, dict) or not table:
        raise DeadlineError(f"{path}: needs a [due] table, e.g. perceptron = 14 (days after "
                            "the term start) or perceptron = " + EXAMPLE)
    due: dict[str, datetime] = {}
    for name, value in table.items():
        where = f"{path}: due.{name}"
        if isinstance(value, bool):
            raise DeadlineError(f"{where}: {value!r} is neither a number of days nor a date-time")
        if isinstance(value, int | float):
            if value < 0:
                raise DeadlineError(f"{where}: {value!r} days is before the term start")
            due[name] = start + timedelta(days=value)
        else:
            due[name] = parse_moment(value, where)
    return Course(path=path, start=start, due=due)


@dataclass(frozen=True)
class Deadline:
    """When an assignment is due, where that came from, and who has more time."""

    due: datetime | None
    source: str
    """Where `due` came from, for messages: "--due", "course.toml", "assignment.toml", "none"."""
    extensions: Mapping[str, datetime] = field(default_factory=dict)
    """Student -> their own due date (an extension)."""
    extensions_from: Path | None = None
    """The extensions CSV, for messages."""

    @classmethod
    def own(cls, due: datetime | None) -> Deadline:
        """The assignment's own due date (assignment.toml), or none."""
        return cls(due, "assignment.toml" if due is not None else "none")

    def due_for(self, student: str) -> datetime | None:
        return self.extensions.get(student, self.due)

    def describe(self) -> str:
        if self.due is None:
            return "no due date (nobody is late)"
        extra = f", {len(self.extensions)} extension(s)" if self.extensions else ""
        return f"due {self.due.isoformat()} (from {self.source}{extra})"


def read_extensions(path: Path, due: datetime | None) -> dict[str, datetime]:
    """CSV `student,extension`: a duration added to `due`, or a date-time replacing it."""
    rows = _csv_rows(path, ("student", "extension"))
    found: dict[str, datetime] = {}
    for line, student, value in rows:
        where = f"{path}:{line}"
        if student in found:
            raise DeadlineError(f"{where}: {student!r} is listed twice; keep one row per student")
        extra = parse_duration(value)
        if extra is not None:
            if due is None:
                raise DeadlineError(f"{where}: extension {value!r} is relative but the "
                                    "assignment has no due date; give --due or a date-time")
            found[student] = due + extra
        else:
            try:
                found[student] = parse_moment(value, where)
            except DeadlineError:
                raise DeadlineError(f"{where}: extension {value!r} is neither a duration "
                                    f"(2d, 36h, 90m, 1d12h) nor a date-time with a zone "
                                    f"(e.g. {EXAMPLE})") from None
    return found


def check_known(extensions: Mapping[str, datetime], students: Iterable[str], path: Path) -> None:
    """An extension for a student who has no entry is a typo until proven otherwise."""
    unknown = sorted(set(extensions) - set(students))
    if unknown:
        raise DeadlineError(f"{path}: extension(s) for {', '.join(map(repr, unknown))}, who "
                            "have no entry in the submissions folder; fix the name(s) to match "
                            "the folder or file names")


# ------------------------------------------------------------------------ submission times

def read_timestamps(path: Path) -> dict[str, datetime]:
    """CSV `student,submitted_at` (ISO 8601 with a zone), one row per student."""
    stamps: dict[str, datetime] = {}
    for line, student, value in _csv_rows(path, ("student", "submitted_at")):
        if student in stamps:
            raise DeadlineError(f"{path}:{line}: {student!r} is listed twice; keep one row per "
                                "student (their last submission's time)")
        stamps[student] = parse_moment(value, f"{path}:{line}: submitted_at")
    return stamps


def read_gradescope(path: Path) -> dict[str, datetime]:
    """Gradescope's "Export Submissions" `submission_metadata.yml`: folder -> `:created_at:`."""
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DeadlineError(f"{path}: not a readable Gradescope submission_metadata.yml "
                            f"({exc})") from None
    if not isinstance(data, dict):
        raise DeadlineError(f"{path}: expected one `submission_<id>:` entry per submission")
    times: dict[str, datetime] = {}
    for folder, record in data.items():
        created = record.get(":created_at", record.get("created_at")) \
            if isinstance(record, dict) else None
        if created is None:
            raise DeadlineError(f"{path}: {folder}: no :created_at:; is this Gradescope's "
                                "export metadata?")
        times[str(folder)] = parse_moment(
            created if isinstance(created, datetime) else str(created),
            f"{path}: {folder}: created_at")
    return times


def git_time(entry: Path) -> datetime | None:
    """The committer time of the last commit of the git repository `entry` (GitHub Classroom
    clones), or None when `entry` is no repository. Set by the student's machine: a record of
    what they claim, unlike a server's receipt.

    The repository is the student's, config included: nothing in it may make git run a program
    (a `gpg.program` with `log.showSignature` on a signed commit did), so signatures are not
    checked and the fsmonitor hook is off; `-c` outranks the repository's own config."""
    if not (entry / ".git").exists():
        return None
    done = subprocess.run(
        ["git", "-c", "log.showSignature=false", "-c", "core.fsmonitor=false", "-C", str(entry),
         "log", "-1", "--no-show-signature", "--no-mailmap", "--format=%cI"],
        capture_output=True, text=True, timeout=30, check=False,
        env={**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull})
    if done.returncode != 0 or not done.stdout.strip():
        return None
    return datetime.fromisoformat(done.stdout.strip())


def modified_at(entry: Path, files: Iterable[Path]) -> datetime:
    """The newest modification time of `files` (the entry itself when there are none)."""
    newest = max((p.lstat().st_mtime for p in files), default=entry.lstat().st_mtime)
    return datetime.fromtimestamp(newest, tz=UTC)


@dataclass(frozen=True)
class TimeSource:
    """Where submission times come from in one batch, said in words an instructor acts on."""

    name: str
    """One of TIME_SOURCES except "auto"."""
    described: str
    times: Mapping[str, datetime] = field(default_factory=dict)
    """For "timestamps" and "gradescope": entry name -> time."""

    @property
    def guessed(self) -> bool:
        """File times: right only if nothing copied, unzipped or downloaded the files since."""
        return self.name == "mtime"


MTIME_WARNING = ("submission times are the files' modification times; copying, unzipping "
                 "without times, git clone or an LMS download resets them to 'now'. Pass "
                 "--timestamps FILE.csv (student,submitted_at), or --times gradescope|git")


def choose_source(choice: str, submissions: Path, *, timestamps: Path | None,
                  entries: Iterable[tuple[str, Path]], deadline: Deadline) -> TimeSource:
    """The time source for a batch. "auto": the timestamps file if given, else Gradescope's
    export metadata if the folder has it, else git when every entry is a repository, else file
    times; with no due date at all, times do not matter ("none")."""
    if choice not in TIME_SOURCES:
        raise DeadlineError(f"--times {choice!r}: choose one of {', '.join(TIME_SOURCES)}")
    if timestamps is not None and choice not in ("auto", "timestamps"):
        raise DeadlineError(f"--timestamps and --times {choice} disagree; give one of them")
    listed = list(entries)
    metadata = submissions / "submission_metadata.yml"
    if choice == "auto":
        if timestamps is not None:
            choice = "timestamps"
        elif deadline.due is None and not deadline.extensions:
            choice = "none"
        elif metadata.is_file():
            choice = "gradescope"
        elif listed and all((entry / ".git").exists() for _, entry in listed):
            choice = "git"
        else:
            choice = "mtime"
    if choice == "timestamps":
        if timestamps is None:
            raise DeadlineError("--times timestamps needs --timestamps FILE.csv "
                                "(student,submitted_at)")
        stamps = read_timestamps(timestamps)
        missing = sorted(s for s, entry in listed if s not in stamps and _has_files(entry))
        if missing and deadline.due is not None:
            raise DeadlineError(f"{timestamps}: no row for {', '.join(map(repr, missing[:5]))}"
                                f"{' …' if len(missing) > 5 else ''}; every student with an "
                                "entry needs their submission time (or grade with --times "
                                "mtime)")
        return TimeSource("timestamps", f"the timestamps file {timestamps}", stamps)
    if choice == "gradescope":
        if not metadata.is_file():
            raise DeadlineError(f"{metadata}: not found; --times gradescope reads the "
                                "submission_metadata.yml of Gradescope's 'Export Submissions'")
        return TimeSource("gradescope", f"Gradescope's {metadata}", read_gradescope(metadata))
    if choice == "git":
        return TimeSource("git", "each repository's last commit (committer time)")
    if choice == "none":
        why = "no due date" if deadline.due is None else "--times none"
        return TimeSource("none", f"not used ({why}): nobody is late")
    return TimeSource("mtime", "the files' modification times")


def _has_files(entry: Path) -> bool:
    """An empty folder is no submission, and needs no time."""
    return not entry.is_dir() or any(p.is_file() for p in entry.rglob("*"))


def _csv_rows(path: Path, columns: tuple[str, str]) -> list[tuple[int, str, str]]:
    """(line, first, second) of a two-column CSV with a header naming `columns`."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            if reader.fieldnames is None or not set(columns) <= set(reader.fieldnames):
                raise DeadlineError(f"{path}: needs a header with the columns "
                                    f"{','.join(columns)}; found {reader.fieldnames}")
            return [(line, (row[columns[0]] or "").strip(), (row[columns[1]] or "").strip())
                    for line, row in enumerate(reader, start=2)]
    except FileNotFoundError:
        raise DeadlineError(f"{path}: file not found; give a CSV with columns "
                            f"{','.join(columns)}") from None
    except UnicodeDecodeError as exc:
        raise DeadlineError(f"{path}: not UTF-8 text ({exc}); save it as UTF-8 CSV") from None
