"""The progress bar of a batch (rich), off when the output is not a terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def _progress_bar(total: int, name: str, show: bool | None) -> Iterator[Callable[[str], Any]]:
    """A rich progress bar with ETA on a terminal; a no-op otherwise."""
    if show is None:
        show = sys.stderr.isatty()
    if not show:
        yield lambda student: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns = (TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
               TextColumn("{task.fields[last]}"))
    with Progress(*columns, console=Console(stderr=True), transient=False) as bar:
        task = bar.add_task(f"grading {name}", total=total, last="")
        yield lambda student: bar.update(task, advance=1, last=student)
