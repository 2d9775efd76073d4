"""Collect: find each student's entry in a submissions folder and extract their code.

An entry is a folder `<student>/` holding `<module>.py`, `<module>.ipynb` or a .zip with one of
them, or a single file `<student>.py`, `<student>.ipynb` or `<student>.zip`. The student id is
the folder name or the file stem. Hidden files and `__MACOSX` folders are ignored everywhere.

Decisions (documented here because students and instructors will ask):
- Both `<module>.py` and `<module>.ipynb` present: the .py is graded and a warning says so.
- A name that matches only up to case (`Perceptron.py`) is accepted with a warning.
- In a folder, a file found directly beats one in a sub-folder; loose files beat .zip files.
- Zip members are read into memory by their base name and never extracted, so `../` member
  names cannot write anywhere. Each member is capped while it is being decompressed (a zip
  bomb stops at the cap, whatever its header claims).
- Notebooks up to MAX_NOTEBOOK_BYTES are accepted (outputs of hundreds of MB are fine up to
  that cap); grader.collect.cells takes their code cells (outputs ignored, cells tagged
  nn-grader:skip
  left out, IPython magics and shell lines made `pass`).
- A .py is decoded as UTF-8 (a BOM is fine) or by its PEP 263 coding line.

Errors are `CollectError(status, message)`; the message names the file and says what to fix.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import os
import stat
import tokenize
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Literal

from grader.collect.cells import NotebookError, notebook_code
from grader.config import Assignment
from grader.models import Submission

MAX_SOURCE_BYTES = 8 * 2**20
"""Largest .py accepted (a hand-written module is a few kB)."""
MAX_NOTEBOOK_BYTES = 256 * 2**20
"""Largest .ipynb accepted; outputs are discarded after parsing."""
MAX_ZIP_BYTES = 512 * 2**20
"""Largest .zip file accepted."""

CollectStatus = Literal["no_submission", "invalid_submission"]


class CollectError(Exception):
    """No usable code in an entry. `status` goes to the score sheet, `message` to the student."""

    def __init__(self, status: CollectStatus, message: str) -> None:
        super().__init__(message)
        self.status: CollectStatus = status
        self.message = message


def _ignored(name: str) -> bool:
    if name in (".", ".."):
        return False  # path components of a zip member name, not hidden files
    return name.startswith(".") or name == "__MACOSX" or name == "__pycache__"


def find_entries(submissions_dir: Path) -> list[tuple[str, Path]]:
    """The (student, entry) pairs of a submissions folder, sorted by student.

    When one student has several entries (`alice/` and `alice.py`), the folder wins, then .py,
    .ipynb, .zip; the others are ignored.
    """
    rank = {"": 0, ".py": 1, ".ipynb": 2, ".zip": 3}
    best: dict[str, tuple[int, Path]] = {}
    for path in submissions_dir.iterdir():
        if _ignored(path.name):
            continue
        suffix = path.suffix.lower()
        if path.is_dir():  # a link to a folder too: collect refuses it
            student, kind = path.name, ""
        elif suffix in rank and suffix:  # links and FIFOs too: collect refuses them
            student, kind = path.stem, suffix
        else:
            continue
        if student not in best or rank[kind] < best[student][0]:
            best[student] = (rank[kind], path)
    return [(student, best[student][1]) for student in sorted(best)]


@dataclass(frozen=True)
class _Source:
    name: str
    """Shown in messages: a path, or `archive.zip:member`."""
    kind: Literal["py", "ipynb"]
    data: bytes


def collect(assignment: Assignment, entry: Path, *, notes: list[str] | None = None) -> Submission:
    """Extract the student's code from `entry` (a folder or a .py/.ipynb/.zip file).

    Non-fatal problems (e.g. both .py and .ipynb submitted) are appended to `notes`.
    """
    notes = notes if notes is not None else []
    student = entry.name if entry.is_dir() else entry.stem
    if entry.is_symlink() or (entry.exists() and not (entry.is_dir() or entry.is_file())):
        raise CollectError("invalid_submission", f"{entry}: a symbolic link or special file, "
                           "not a regular file; submit the file itself")
    if entry.is_dir():
        source, digest = _from_folder(assignment, entry, notes)
    elif not entry.is_file():
        raise CollectError("no_submission", f"{entry}: not found")
    elif entry.suffix.lower() == ".zip":
        data = _read(entry, MAX_ZIP_BYTES, "zip archive")
        source, digest = _from_zip(assignment, entry, data, notes), _sha256(data)
    elif entry.suffix.lower() in (".py", ".ipynb"):
        source = _read_source(entry)
        digest = _sha256(source.data)
    else:
        expected = ", ".join(assignment.submission_names)
        msg = f"{entry}: not a .py, .ipynb or .zip file; submit {expected}"
        raise CollectError("no_submission", msg)
    if source.kind == "py":
        cells: tuple[str, ...] = (_decode(source).removeprefix("\ufeff"),)
    else:
        cells = _notebook_cells(source)
    return Submission(student=student, assignment=assignment.name, path=source.name,
                      kind=source.kind, cells=cells, sha256=digest)


def entry_sha256(entry: Path) -> str:
    """A digest of everything in an entry (for entries whose collection failed)."""
    h = hashlib.sha256()
    files = [entry] if not entry.is_dir() or entry.is_symlink() else sorted(entry.rglob("*"))
    for path in files:
        h.update(str(path.relative_to(entry) if path != entry else path.name).encode() + b"\0")
        if path.is_symlink():
            h.update(b"link:" + os.fsencode(os.readlink(path)))
        elif regular_file(path):
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def regular_file(path: Path) -> bool:
    """A regular file, not a symbolic link, FIFO or device (those are never read)."""
    try:
        return stat.S_ISREG(path.lstat().st_mode)
    except OSError:
        return False


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read(path: Path, cap: int, what: str) -> bytes:
    size = path.stat().st_size
    if size > cap:
        raise CollectError(
            "invalid_submission",
            f"{path}: the {what} is {_mb(size)}, over the {_mb(cap)} limit; "
            + ("clear all outputs (Edit → Clear All Outputs), save and resubmit"
               if what == "notebook" else "submit only your code"),
        )
    return path.read_bytes()


def _mb(n: int) -> str:
    return f"{n / 2**20:.1f} MB"


def _kind(name: str) -> tuple[Literal["py", "ipynb"], int, str]:
    """(kind, size cap, what to call it) for a .py or .ipynb file name."""
    if name.lower().endswith(".py"):
        return "py", MAX_SOURCE_BYTES, "Python file"
    return "ipynb", MAX_NOTEBOOK_BYTES, "notebook"


def _read_source(path: Path) -> _Source:
    kind, cap, what = _kind(path.name)
    return _Source(str(path), kind, _read(path, cap, what))


def _from_folder(
    assignment: Assignment, folder: Path, notes: list[str]
) -> tuple[_Source, str]:
    files = sorted(
        (p for p in folder.rglob("*") if regular_file(p)
         and not any(_ignored(part) for part in p.relative_to(folder).parts)),
        key=lambda p: (len(p.relative_to(folder).parts), str(p)),
    )
    names = [p.relative_to(folder).as_posix() for p in files]
    chosen = _choose(assignment, names, str(folder), notes)
    if chosen is not None:
        source = _read_source(files[names.index(chosen)])
        return source, _sha256(source.data)
    zips = [p for p in files if p.suffix.lower() == ".zip"]
    holding: list[tuple[Path, _Source, bytes]] = []
    errors: list[CollectError] = []
    for path in zips:
        data = _read(path, MAX_ZIP_BYTES, "zip archive")
        try:
            holding.append((path, _from_zip(assignment, path, data, notes), data))
        except CollectError as exc:
            errors.append(exc)
    if len(holding) == 1:
        return holding[0][1], _sha256(holding[0][2])
    if len(holding) > 1:
        zips_named = ", ".join(p.name for p, _, _ in holding)
        raise CollectError("invalid_submission", f"{folder}: several zip files hold "
                           f"{assignment.module}: {zips_named}; submit only one")
    if len(errors) == 1:
        raise errors[0]
    raise CollectError("no_submission", _not_found(assignment, str(folder), names))


def _not_found(assignment: Assignment, where: str, names: list[str]) -> str:
    expected = " or ".join(assignment.submission_names)
    listed = ", ".join(names[:10]) + (f" and {len(names) - 10} more" if len(names) > 10 else "")
    found = f"found {listed}" if names else "it is empty"
    return f"{where}: no {expected} (or a .zip holding one); {found}. Submit {expected}."


def _choose(
    assignment: Assignment, names: list[str], where: str, notes: list[str]
) -> str | None:
    """Pick the member/file to grade among `names` (relative paths, shallowest first)."""
    py, nb = assignment.submission_names
    for exact in (True, False):
        def matches(name: str, wanted: str, exact: bool = exact) -> bool:
            base = PurePosixPath(name).name
            return base == wanted if exact else base.lower() == wanted.lower()

        py_hits = [n for n in names if matches(n, py)]
        nb_hits = [n for n in names if matches(n, nb)]
        if not py_hits and not nb_hits:
            continue
        chosen = (py_hits or nb_hits)[0]
        if py_hits and nb_hits:
            notes.append(f"{where}: both {py_hits[0]} and {nb_hits[0]} were submitted; "
                         f"graded {py_hits[0]}")
        others = [n for n in (py_hits or nb_hits)[1:]]
        if others:
            notes.append(f"{where}: several copies of {PurePosixPath(chosen).name}; "
                         f"graded {chosen}, ignored {', '.join(others)}")
        if not exact:
            notes.append(f"{where}: graded {chosen}; the expected name is "
                         f"{py if chosen.lower().endswith('.py') else nb}")
        return chosen
    return None


def _from_zip(assignment: Assignment, path: Path, data: bytes, notes: list[str]) -> _Source:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = [
            i for i in archive.infolist()
            if not i.is_dir() and not any(_ignored(p) for p in PurePosixPath(i.filename).parts)
        ]
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        msg = f"{path}: not a valid zip archive ({exc}); zip your files again"
        raise CollectError("invalid_submission", msg) from exc
    infos.sort(key=lambda i: (len(PurePosixPath(i.filename).parts), i.filename))
    names = [i.filename for i in infos]
    chosen = _choose(assignment, names, str(path), notes)
    if chosen is None:
        raise CollectError("no_submission", _not_found(assignment, str(path), names))
    info = infos[names.index(chosen)]
    kind, cap, _ = _kind(chosen)
    where = f"{path}:{chosen}"
    if info.flag_bits & 0x1:
        raise CollectError("invalid_submission", f"{where}: the zip is encrypted; zip it again "
                           "without a password")
    if info.file_size > cap:
        raise CollectError("invalid_submission", f"{where}: unpacks to {_mb(info.file_size)}, "
                           f"over the {_mb(cap)} limit; submit only your code")
    try:
        with archive.open(info) as member:
            content = member.read(cap + 1)
    except (zipfile.BadZipFile, NotImplementedError, OSError, EOFError, ValueError) as exc:
        msg = f"{where}: cannot be unpacked ({exc}); zip your files again"
        raise CollectError("invalid_submission", msg) from exc
    if len(content) > cap:
        raise CollectError("invalid_submission", f"{where}: unpacks to more than the "
                           f"{_mb(cap)} limit; submit only your code")
    return _Source(where, kind, content)


def _decode(source: _Source) -> str:
    data = source.data
    if not data.strip():
        raise CollectError("invalid_submission", f"{source.name}: the file is empty; "
                           "save your work and submit the file again")
    nul = data.find(b"\0")
    if nul >= 0:
        raise CollectError(
            "invalid_submission",
            f"{source.name}: looks like a binary file, not text (NUL byte at offset {nul}); "
            "submit the source file itself",
        )
    encoding = "utf-8"
    if source.kind == "py":
        try:
            encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        except SyntaxError:
            encoding = "utf-8"  # an unknown coding line: report it as not UTF-8 below
    try:
        return codecs.decode(data, encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CollectError(
            "invalid_submission",
            f"{source.name}: not UTF-8 text: byte 0x{data[exc.start]:02x} at offset {exc.start} "
            f"(line {line}); save the file as UTF-8 and submit it again",
        ) from exc


def _notebook_cells(source: _Source) -> tuple[str, ...]:
    try:
        return notebook_code(source.name, _decode(source), nbytes=len(source.data))
    except NotebookError as exc:
        raise CollectError("invalid_submission", exc.message) from exc
