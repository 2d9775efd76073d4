"""Broken submissions through `grader grade` and `grader report`: each one gets a clear status
and message in scores.csv and in its Markdown report, and loses only what it must.

Already covered elsewhere, not repeated here: the exact collect messages of every malformed
entry (tests/grader/test_collect.py::test_collect_broken_submission_status_and_message), and
the engine's statuses through run_batch without the CLI or the report
(tests/grader/test_batch_failures.py::test_grade_batch_engine_broken_submissions_lose_only_what_they_must).
This file drives the whole path a teacher uses (CLI -> sheet -> Markdown report) on one class
holding every kind of broken submission next to honest ones.
"""

from __future__ import annotations

import io
import json
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from grader.cli.main import main
from grader.collect import entries as collect_mod
from grader.config import Assignment, find_assignment
from grader.report.pages import page_name
from tests.clock import NOW, days
from tests.grader.toyclass import (
    ADD_ONLY,
    CORRECT,
    make_assignment,
    make_class,
    notebook,
    zipped,
)

NOTEBOOK_OUTPUT_MB = 200
"""Outputs of the large notebook: hundreds of MB, under collect.MAX_NOTEBOOK_BYTES (256 MB)."""


def big_output_notebook(code: str, mb: int) -> bytes:
    """A valid notebook whose one code cell carries `mb` MB of stream output."""
    chunk = "x" * (2**20 - 1) + "\n"
    nb = {"cells": [{"cell_type": "code", "id": "c0", "metadata": {}, "source": code,
                     "execution_count": 1,
                     "outputs": [{"output_type": "stream", "name": "stdout",
                                  "text": [chunk] * mb}]}],
          "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    return json.dumps(nb).encode()


def zip_bomb() -> bytes:
    """100 MB of zeros for toy.py, about 100 kB compressed: over the 8 MB .py cap."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive, \
            archive.open("toy.py", "w", force_zip64=True) as member:
        block = b"\0" * 2**20
        for _ in range(100):
            member.write(block)
    return buffer.getvalue()


SHAPES = "def add(a, b):\n    return a + b\n\ndef scale(x, k):\n    return (k * x).T\n"
NAN_SCALE = ("import numpy as np\n\ndef add(a, b):\n    return a + b\n\n"
             "def scale(x, k):\n    return k * x + np.nan\n")
INF_ADD = ("import numpy as np\n\ndef add(a, b):\n    return (a + b) * np.inf\n\n"
           "def scale(x, k):\n    return k * x\n")
NONE = "def add(a, b):\n    return a + b\n\ndef scale(x, k):\n    x * k\n"
SIGNATURE = "def add(a, b):\n    return a + b\n\ndef scale(x):\n    return 2.5 * x\n"
NOISY = ("import sys\nfor _ in range(200):\n    print('#' * 100_000)\n    sys.stderr.write('!' * "
         "10_000)\n\n" + CORRECT.replace("return a + b", "print('adding', a, b)\n    "
                                                            "return a + b"))

# student -> (entry file, bytes)
CLASS = {
    "alice": ("alice.py", CORRECT.encode()),
    "b_empty": ("b_empty.py", b""),
    "b_binary": ("b_binary.py", b"\x7fELF\x02\x01\x01\x00" + CORRECT.encode()),
    "b_latin1": ("b_latin1.py", CORRECT.encode() + b"# caf\xe9\n"),
    "b_syntax": ("b_syntax.py", b"def add(a, b):\n    return a +\n"),
    "b_missing_pkg": ("b_missing_pkg.py", b"import tensorflow_nngrader_nope\n" + CORRECT.encode()),
    "b_badjson": ("b_badjson.ipynb", b'{"cells": [{"cell_type": "code", "source": '),
    "b_bignb": ("b_bignb.ipynb", b""),  # filled in by the fixture (200 MB)
    "b_hugenb": ("b_hugenb.ipynb", b""),  # a sparse file over the cap, filled in too
    "b_traversal": ("b_traversal.zip", zipped({"../../../escaped/toy.py": CORRECT.encode()})),
    "b_bomb": ("b_bomb.zip", b""),  # filled in by the fixture
    "b_missing_fn": ("b_missing_fn.py", ADD_ONLY.encode()),
    "b_signature": ("b_signature.py", SIGNATURE.encode()),
    "b_none": ("b_none.py", NONE.encode()),
    "b_shapes": ("b_shapes.py", SHAPES.encode()),
    "b_nan": ("b_nan.py", NAN_SCALE.encode()),
    "b_inf": ("b_inf.py", INF_ADD.encode()),
    "b_noisy": ("b_noisy.ipynb", notebook(NOISY)),
    "zed": ("zed.py", CORRECT.encode()),
}

# student -> score, status, a phrase the sheet's message holds ("" = graded, no message)
EXPECTED = {
    "alice": (6.0, "graded", ""),
    "b_empty": (0.0, "invalid_submission", "the file is empty"),
    "b_binary": (0.0, "invalid_submission", "looks like a binary file"),
    "b_latin1": (0.0, "invalid_submission", "not UTF-8 text: byte 0xe9"),
    "b_syntax": (0.0, "syntax_error", "SyntaxError at line 2"),
    "b_missing_pkg": (0.0, "import_error", "tensorflow_nngrader_nope"),
    "b_badjson": (0.0, "invalid_submission", "not a valid notebook: broken JSON"),
    "b_bignb": (6.0, "graded", ""),
    "b_hugenb": (0.0, "invalid_submission", "over the 256.0 MB limit; clear all outputs"),
    "b_traversal": (6.0, "graded", ""),       # read by base name, never extracted
    "b_bomb": (0.0, "invalid_submission", "over the 8.0 MB limit"),
    "b_missing_fn": (3.0, "graded", ""),      # add's 3 points kept
    "b_signature": (3.0, "graded", ""),
    "b_none": (3.0, "graded", ""),
    "b_shapes": (3.0, "graded", ""),
    "b_nan": (3.0, "graded", ""),
    "b_inf": (3.0, "graded", ""),             # scale's 3 points kept
    "b_noisy": (6.0, "graded", ""),           # output costs nothing
    "zed": (6.0, "graded", ""),
}

# student -> {failed test: the start of its message} (results/<student>.json)
TEST_MESSAGES = {
    "b_missing_fn": {"scale_array": "your toy does not define a function scale() (check the "
                                    "name and that it is defined at the top level)"},
    "b_signature": {"scale_array": "your code raised TypeError: scale() takes 1 positional "
                                   "argument but 2 were given"},
    "b_none": {"scale_array": "scale(x, 2.5): expected an array of shape (2, 3), got None. "
                              "Does the function return its result?"},
    "b_shapes": {"scale_array": "scale(x, 2.5): expected shape (2, 3), got shape (3, 2). "
                                "Looks like the result is transposed."},
    "b_nan": {"scale_array": "scale(x, 2.5): 6 of 6 entries are nan or inf; got nan at [0, 0]"},
    "b_inf": {"add_small_numbers": "add(2, 3): got inf, expected 5",
              "add_random_arrays": "add(a, b): 4 of 4 entries are nan or inf"},
}


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Assignment, Path, Path]]:
    """The class above graded once with `grader grade --jobs 2`, reports rendered."""
    root = tmp_path_factory.mktemp("broken")
    folder = make_assignment(root / "course")
    sys.path.insert(0, str(root / "course"))
    try:
        toy = find_assignment(str(folder))
        files = {name: data for name, data in CLASS.values()}
        files["b_bignb.ipynb"] = big_output_notebook(CORRECT, NOTEBOOK_OUTPUT_MB)
        files["b_bomb.zip"] = zip_bomb()
        del files["b_hugenb.ipynb"]
        subs = make_class(root, files)
        with open(subs / "b_hugenb.ipynb", "wb") as fh:  # sparse: the size check comes first
            fh.truncate(collect_mod.MAX_NOTEBOOK_BYTES + 2**20)
        out = root / "out"
        result = CliRunner().invoke(main, ["grade", str(folder), str(subs), "--out", str(out),
                                           "--jobs", "2", "--no-progress"])
        assert result.exit_code == 0, result.output
        summary = result.stdout.splitlines()[0]
        assert summary.startswith(f"graded {len(CLASS)} submissions ({len(CLASS)} run")
        report = CliRunner().invoke(main, ["report", str(out), "--assignment", str(folder),
                                           "--now", (NOW + days(365)).isoformat()])
        assert report.exit_code == 0, report.output
        yield toy, subs, out
    finally:
        sys.path.remove(str(root / "course"))
        sys.modules.pop("toy_reference", None)


def sheet_rows(out: Path) -> dict[str, dict[str, object]]:
    frame = pd.read_csv(out / "scores.csv", keep_default_na=False)
    return {row["student"]: row for row in frame.to_dict("records")}


def markdown(out: Path, student: str) -> str:
    return (out / "reports" / "toy" / f"{page_name(student)}.md").read_text(encoding="utf-8")


@pytest.mark.slow
def test_broken_class_sheet_scores_statuses_and_messages(graded) -> None:
    _toy, _subs, out = graded
    rows = sheet_rows(out)
    assert sorted(rows) == sorted(EXPECTED)
    for student, (score, status, phrase) in EXPECTED.items():
        row = rows[student]
        assert (row["score"], row["max_score"], row["status"]) == (score, 6.0, status), row
        if phrase:
            assert phrase in row["message"], row
        else:
            assert row["message"] == "", row


@pytest.mark.slow
def test_broken_class_markdown_report_says_what_happened(graded) -> None:
    _toy, _subs, out = graded
    for student, (score, status, phrase) in EXPECTED.items():
        text = markdown(out, student)
        assert f"**Score: {score:g} / 6**" in text, (student, text[:400])
        assert f"- Submission: {status.replace('_', ' ')}" in text, student
        if phrase:
            assert phrase in text, (student, text)
    for student, failures in TEST_MESSAGES.items():
        text = markdown(out, student)
        for test, message in failures.items():
            section = text.split(f"### {test.replace('_', chr(92) + '_')}:", 1)[1]
            section = section.split("###", 1)[0]
            assert section.lstrip().startswith("failed, 0 /"), (student, section)
            if test == "add_small_numbers":  # visible: its message is shown to the student
                assert message in section, (student, section)
            else:
                assert "hidden test: its details are not shown" in section, (student, section)


@pytest.mark.slow
def test_broken_failed_tests_name_the_mistake_and_only_those_fail(graded) -> None:
    _toy, _subs, out = graded
    for student, failures in TEST_MESSAGES.items():
        result = json.loads((out / "results" / f"{student}.json").read_text())["result"]
        failed = {t["name"]: t["message"] for t in result["tests"] if t["status"] != "passed"}
        assert sorted(failed) == sorted(failures), student
        for test, message in failures.items():
            assert failed[test].startswith(message), (student, failed[test])


@pytest.mark.slow
def test_broken_noisy_submission_output_is_capped_and_kept_out_of_the_sheet(graded) -> None:
    toy, _subs, out = graded
    result = json.loads((out / "results" / "b_noisy.json").read_text())["result"]
    cap = toy.limits.output_kb * 1024
    assert "output truncated" in result["output"]
    assert cap <= len(result["output"].encode()) <= cap + 1024
    assert [t["status"] for t in result["tests"]] == ["passed"] * 3


@pytest.mark.slow
def test_broken_zip_traversal_writes_nothing_outside(graded) -> None:
    _toy, subs, out = graded
    root = subs.parent
    assert not any(p.name == "escaped" for p in root.parent.rglob("escaped"))
    assert sorted(p.name for p in subs.iterdir()) == sorted(f for f, _ in CLASS.values())
    assert sheet_rows(out)["b_traversal"]["score"] == 6.0


@pytest.mark.slow
def test_broken_honest_students_match_a_class_without_the_broken_ones(
    graded, tmp_path: Path
) -> None:
    toy, _subs, out = graded
    honest = make_class(tmp_path, {"alice.py": CORRECT.encode(), "zed.py": CORRECT.encode()})
    alone = tmp_path / "out"
    result = CliRunner().invoke(main, ["grade", str(toy.folder), str(honest), "--out",
                                       str(alone), "--no-progress"])
    assert result.exit_code == 0, result.output
    with_broken = (out / "scores.csv").read_text().splitlines()
    without = (alone / "scores.csv").read_text().splitlines()
    assert [r for r in with_broken if r.startswith(("alice,", "zed,"))] == without[1:]
