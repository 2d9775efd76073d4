"""The score sheets a batch writes beside its gradebook (scores.csv, JSON)."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

from grader.models import Batch
from grader.store.records import to_data

SHEET_COLUMNS = ("student", "score", "max_score", "status", "raw_score", "late_penalty",
                 "message")


def write_outputs(batch: Batch, out_dir: Path) -> None:
    """out_dir/scores.csv (one row per entry, the message's first line) and
    out_dir/results/<student>.json (everything)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = [
        (g.student, float(g.score), float(g.max_score), g.status, float(g.raw_score),
         float(g.late_penalty), _first_line(r.message))
        for g, r in zip(batch.grades, batch.results, strict=True)
    ]
    # The csv module, not pandas: the same text as DataFrame.to_csv, without pandas' 0.4 s
    # import in every batch (`grader export` builds the pandas sheets from the gradebook).
    partial = out_dir / "scores.csv.partial"  # a run killed while writing leaves no torn sheet
    with partial.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(SHEET_COLUMNS)
        writer.writerows(rows)
    os.replace(partial, out_dir / "scores.csv")
    results_dir = out_dir / "results"
    results_dir.mkdir(exist_ok=True)
    for grade, result in zip(batch.grades, batch.results, strict=True):
        record = {"grade": to_data(grade), "result": to_data(result)}
        text = json.dumps(record, indent=2, ensure_ascii=False) + "\n"
        target = results_dir / f"{grade.student}.json"
        partial = target.with_name(target.name + ".partial")  # never a torn file
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, target)


def _first_line(message: str, limit: int = 300) -> str:
    """The sheet shows one line; the full message is in results/<student>.json."""
    line = message.strip().splitlines()[0] if message.strip() else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"
