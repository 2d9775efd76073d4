"""The suite's clock: every date a test writes is relative to NOW, never a calendar date.

NOW is the process clock when the tests are collected. `NN_GRADER_TEST_CLOCK=<ISO date-time>`
moves the process clock there for the whole run (time-machine, started by tests/conftest.py),
and NOW with it; `make test` runs the tests marked `dates` so, years ahead and behind, so a
test that hides a calendar date (or relies on files' real modification times) fails the day it
is written. File times come from the kernel, not from that clock: a test that needs a
submission on time or late sets them with `set_mtime`.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

NOW = datetime.now(UTC).replace(microsecond=0)


def days(n: float) -> timedelta:
    return timedelta(days=n)


def set_mtime(path: Path, moment: datetime) -> None:
    """Give `path` the modification time `moment` (the grader's fallback submission time)."""
    stamp = moment.timestamp()
    os.utime(path, (stamp, stamp))
