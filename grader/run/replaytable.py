"""The catalogue's replays computed on the instructor's side, for a batch of one (issue 16).

A batch memoizes what the reference and each catalogue mistake return on a recorded call
(grader.run.refcache.Memo, keyed by the call's digest: grader.run.diagnose), so a mistake's
replay is paid by the first student who needs it. Course CI grades a batch of ONE submission
on every push: that student pays for every replay. `grader validate` grades every catalogue
mistake as a submission (grader.authoring.named) with one memo for all of them, and writes
that memo here, beside the assignment: `<assignment>/replays.pickle`. A batch
(grader.batch.driver) starts its memo from it. Hidden tests' inputs are seeded per test, so a
student's failing test replays the calls the catalogue's own mistakes made: those replays are
found, not run.

Trust: the file is written by `grader validate` from trusted code only (the reference, the
catalogue, the tests) and lives beside hidden_tests.py, which the grader imports and runs
anyway; it is never read from a grading folder (whose files are untrusted). It is pickle.

Staleness: the file holds the sha256 of what its entries depend on (`content_key`: the
reference's source, the assignment's tests and mistakes/, the grader's run/, checks/ and
sandbox/inside/ sources, numpy's and Python's versions); a file with another key is ignored,
so an edited reference or catalogue never answers from old replays. A diagnosis is the same
with or without the table: the memo's own rule (grader.run.diagnose: a mistake's stored outcome
counts only once reproduced) holds for its entries, as for entries of earlier students. The
memo, and so the table, also holds grader.run.confirm's probes (the variants of a failing call,
the reference's and the mistakes' outcomes on them), under the same rule.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import platform
import sys
import threading
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

import grader
from grader.config import Assignment
from grader.run.refcache import Memo

FILE = "replays.pickle"
FORMAT = 2
_SOURCES = ("run", "checks", "sandbox/inside")
"""The grader's folders whose code decides a replay's outcome or a comparison."""


def content_key(assignment: Assignment, reference: ModuleType) -> str:
    """The sha256 of everything the table's entries depend on (the module docstring)."""
    h = hashlib.sha256(f"replays {FORMAT} {np.__version__} {platform.python_version()}"
                       .encode())
    files = [Path(f) for f in (getattr(reference, "__file__", None),) if f]
    files += sorted((assignment.folder / "mistakes").glob("*.py"))
    files += [assignment.visible_tests_path, assignment.hidden_tests_path]
    root = Path(grader.__file__).parent
    files += [p for folder in _SOURCES for p in sorted((root / folder).glob("*.py"))]
    for path in files:
        if path.is_file():
            h.update(f"{path.name}:{path.stat().st_size}:".encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def path_of(assignment: Assignment) -> Path:
    return assignment.folder / FILE


def _index(key: Any) -> bytes:
    """A memo key as bytes, the same for equal keys built anywhere (pickle without its memo:
    no back-references that depend on which objects happen to be shared)."""
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=4)
    pickler.fast = True
    pickler.dump(key)
    return out.getvalue()


def save(assignment: Assignment, reference: ModuleType, memo: Memo) -> tuple[Path, int]:
    """Write `memo`'s entries (those pickle can write) beside the assignment; (path, entries).
    Each is stored by its key's bytes, so a batch unpickles only those it looks up."""
    entries = {}
    for key, value, size in memo.items():
        try:
            entries[_index(key)] = pickle.dumps((key, value, size), protocol=4)
        except Exception:  # a value pickle refuses is recomputed when needed
            continue
    data = pickle.dumps({"key": content_key(assignment, reference), "entries": entries},
                        protocol=4)
    path = path_of(assignment)
    partial = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.partial")
    partial.write_bytes(data)
    partial.replace(path)
    return path, len(entries)


class Table:
    """The table of an assignment as a memo's lookup (grader.run.refcache.Memo.consult): read
    on the first miss (a batch whose submissions all pass never reads it), then one entry
    unpickled per key asked for."""

    def __init__(self, assignment: Assignment, reference: ModuleType) -> None:
        self._assignment = assignment
        self._reference = reference
        self._entries: dict[bytes, bytes] | None = None
        self._lock = threading.Lock()

    def entries(self) -> dict[bytes, bytes]:
        with self._lock:
            if self._entries is None:
                self._entries = read(self._assignment, self._reference)
            return self._entries

    def __call__(self, key: Any) -> tuple[Any, int] | None:
        entries = self.entries()
        if not entries:
            return None
        try:
            blob = entries.get(_index(key))
            if blob is None:
                return None
            stored, value, size = pickle.loads(blob)  # the instructor's file (above)
        except Exception:  # a key pickle refuses, a damaged entry: not in the table
            return None
        return (value, size) if stored == key else None


def load_later(assignment: Assignment, reference: ModuleType, memo: Memo) -> None:
    """`memo` consults the assignment's table on a miss (when the file is there and current)."""
    memo.consult(Table(assignment, reference))


def load(assignment: Assignment, reference: ModuleType, memo: Memo) -> int:
    """Put every entry of the table into `memo` now; how many (0: no current table)."""
    blobs = read(assignment, reference).values()
    memo.update([pickle.loads(blob) for blob in blobs])
    return len(blobs)


def read(assignment: Assignment, reference: ModuleType) -> dict[bytes, bytes]:
    """The table's entries by key bytes; none when the file is missing or stale."""
    path = path_of(assignment)
    if not path.is_file():
        return {}
    try:
        table: Any = pickle.loads(path.read_bytes())  # the instructor's file (above)
        if type(table) is not dict or table.get("key") != content_key(assignment, reference):
            return {}
        entries = table["entries"]
        if type(entries) is not dict:
            raise TypeError("entries are not a dict")
        return entries
    except Exception as exc:  # a damaged file costs its replays only
        print(f"{path}: not used ({type(exc).__name__}: {exc}); run `grader validate "
              f"{assignment.name}` to write it again", file=sys.stderr)
        return {}
