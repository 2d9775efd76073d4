"""A test module that writes a calendar date runs with the clock moved (tests/clock.py).

`make test` runs the tests marked `dates` again with the process clock years ahead and behind.
A module that spells out a date-time must carry that mark, so a date that only works this year
is caught the day it is written, not when the calendar passes it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
DATE_TIME = re.compile(r"\b(?:19|20)\d\d-\d\d-\d\d[T ]\d\d:\d\d|datetime\(\s*(?:19|20)\d\d\b")
MARKED = re.compile(r"pytest\.mark\.dates\b")


def modules() -> list[Path]:
    return sorted(p for p in TESTS.rglob("test_*.py") if p != Path(__file__).resolve())


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(TESTS)))
def test_module_with_calendar_dates_runs_with_the_clock_moved(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    found = DATE_TIME.search(text)
    if found:
        assert MARKED.search(text), (
            f"{path}: writes the date-time {found.group(0)!r} but is not marked "
            "`pytestmark = pytest.mark.dates`; mark it (and make its dates relative to "
            "tests.clock.NOW unless they are passed in as `now`)")


def test_guard_sees_dates() -> None:
    assert DATE_TIME.search('due = 2026-12-01T12:00:00Z') and DATE_TIME.search(
        "datetime(2026, 12, 1)") and not DATE_TIME.search('np.array(["2020-01-01"])')
