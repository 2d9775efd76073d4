"""collect: entries found, code extracted from .py / .ipynb / .zip, every broken kind named."""

from __future__ import annotations

import hashlib
import io
import json
import os
import zipfile
from pathlib import Path
from typing import Any

import nbformat
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grader.authoring.notebook import graded_cells, solution_notebook
from grader.collect import entries as collect_mod
from grader.collect.cells import SKIP_TAG
from grader.collect.entries import CollectError, collect, entry_sha256, find_entries
from grader.config import Assignment, find_assignment

CODE = "def add_bias(X):\n    return X\n"


@pytest.fixture
def assignment(tmp_path: Path) -> Assignment:
    return Assignment(
        name="perceptron", folder=tmp_path / "a", title="Perceptron", module="perceptron",
        reference="reference.perceptron",
    )


def notebook(*cells: str | tuple[str, str], outputs: list[object] | None = None) -> bytes:
    """A v4 notebook; a cell is code, or (cell_type, source)."""
    nb_cells = []
    for i, cell in enumerate(cells):
        kind, source = cell if isinstance(cell, tuple) else ("code", cell)
        entry: dict[str, object] = {"cell_type": kind, "id": f"c{i}", "metadata": {},
                                    "source": source}
        if kind == "code":
            entry.update(execution_count=None, outputs=outputs or [])
        nb_cells.append(entry)
    nb = {"cells": nb_cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    return json.dumps(nb).encode()


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    path.write_bytes(data)
    return path


# ---------------------------------------------------------------- find_entries

def test_find_entries_folders_and_files_sorted_hidden_ignored(tmp_path: Path) -> None:
    subs = tmp_path / "subs"
    write(subs / "carol" / "perceptron.py", CODE)
    write(subs / "alice.ipynb", notebook(CODE))
    write(subs / "bob.zip", zipped({"perceptron.py": CODE.encode()}))
    write(subs / "dave.py", CODE)
    write(subs / ".DS_Store", b"x")
    write(subs / "__MACOSX" / "._alice.ipynb", b"x")
    write(subs / ".hidden" / "perceptron.py", CODE)
    write(subs / "notes.txt", "hello")
    write(subs / "README", "no suffix: not an entry")
    assert find_entries(subs) == [
        ("alice", subs / "alice.ipynb"),
        ("bob", subs / "bob.zip"),
        ("carol", subs / "carol"),
        ("dave", subs / "dave.py"),
    ]


def test_find_entries_one_entry_per_student_folder_first(tmp_path: Path) -> None:
    write(tmp_path / "alice" / "perceptron.py", CODE)
    write(tmp_path / "alice.py", CODE)
    write(tmp_path / "bob.zip", zipped({"perceptron.py": CODE.encode()}))
    write(tmp_path / "bob.ipynb", notebook(CODE))
    assert find_entries(tmp_path) == [("alice", tmp_path / "alice"),
                                      ("bob", tmp_path / "bob.ipynb")]


# ---------------------------------------------------------------- good submissions

def test_collect_py_file_keeps_source_and_hashes_bytes(assignment: Assignment,
                                                       tmp_path: Path) -> None:
    path = write(tmp_path / "alice.py", CODE)
    sub = collect(assignment, path)
    assert (sub.student, sub.assignment, sub.kind, sub.cells) == (
        "alice", "perceptron", "py", (CODE,))
    assert sub.path == str(path)
    assert sub.sha256 == hashlib.sha256(CODE.encode()).hexdigest()


def test_collect_folder_finds_module_in_subfolder(assignment: Assignment,
                                                   tmp_path: Path) -> None:
    path = write(tmp_path / "bob" / "hw2" / "perceptron.py", CODE)
    sub = collect(assignment, tmp_path / "bob")
    assert (sub.student, sub.path, sub.cells) == ("bob", str(path), (CODE,))


def test_collect_py_with_bom_and_latin1_coding_line(assignment: Assignment,
                                                     tmp_path: Path) -> None:
    bom = collect(assignment, write(tmp_path / "a.py", b"\xef\xbb\xbf" + CODE.encode()))
    assert bom.cells == (CODE,)
    latin = "# -*- coding: latin-1 -*-\n# café\n" + CODE
    sub = collect(assignment, write(tmp_path / "b.py", latin.encode("latin-1")))
    assert sub.cells == (latin,)


def test_collect_notebook_code_cells_only_outputs_ignored(assignment: Assignment,
                                                          tmp_path: Path) -> None:
    data = notebook(("markdown", "# Perceptron"), CODE, "", "print(add_bias(1))",
                    outputs=[{"output_type": "stream", "name": "stdout", "text": "1\n"}])
    sub = collect(assignment, write(tmp_path / "carol.ipynb", data))
    assert (sub.kind, sub.cells) == ("ipynb", (CODE, "print(add_bias(1))"))
    assert sub.sha256 == hashlib.sha256(data).hexdigest()


def test_collect_old_nbformat3_notebook(assignment: Assignment, tmp_path: Path) -> None:
    nb3 = {"nbformat": 3, "nbformat_minor": 0, "metadata": {"name": ""}, "worksheets": [
        {"metadata": {}, "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": ["# hi"]},
            {"cell_type": "code", "language": "python", "collapsed": False, "metadata": {},
             "input": ["def add_bias(X):\n", "    return X\n"],
             "outputs": [{"output_type": "stream", "stream": "stdout", "text": ["x"]}]},
        ]}]}
    sub = collect(assignment, write(tmp_path / "old.ipynb", json.dumps(nb3)))
    assert sub.cells == (CODE,)


def tagged(data: bytes, tags: dict[int, object]) -> bytes:
    """The notebook with metadata.tags set on the cells at the given indices."""
    nb = json.loads(data)
    for index, value in tags.items():
        nb["cells"][index]["metadata"]["tags"] = value
    return json.dumps(nb).encode()


def test_collect_notebook_leaves_out_cells_tagged_skip(assignment: Assignment,
                                                       tmp_path: Path) -> None:
    data = tagged(notebook("import numpy as np", 'check("add_bias")', CODE, "plot(w)",
                           "x = 1", "y = 2"),
                  {1: [SKIP_TAG], 3: ["hide-input", SKIP_TAG], 4: ["hide-input"],
                   5: SKIP_TAG})  # a tag string, not a list: malformed, so not a tag
    sub = collect(assignment, write(tmp_path / "nb.ipynb", data))
    assert sub.cells == ("import numpy as np", CODE, "x = 1", "y = 2")


def test_collect_notebook_with_only_tagged_code_cells_has_no_code(assignment: Assignment,
                                                                  tmp_path: Path) -> None:
    data = tagged(notebook(("markdown", "# Perceptron"), 'check("add_bias")'), {1: [SKIP_TAG]})
    entry = write(tmp_path / "nb.ipynb", data)
    with pytest.raises(CollectError) as info:
        collect(assignment, entry)
    assert (info.value.status, info.value.message) == (
        "invalid_submission",
        f"{entry}: the notebook has no code cells; write your code in code cells and submit it "
        "again",
    )


def test_collect_release_notebook_grades_exactly_its_graded_cells(tmp_path: Path) -> None:
    real = find_assignment("perceptron")
    nb = solution_notebook(real)
    entry = write(tmp_path / "nb.ipynb", nbformat.writes(nb))  # type: ignore[no-untyped-call]
    sub = collect(real, entry)
    assert sub.cells == tuple(c for c in graded_cells(nb) if c.strip())
    assert not any("check(" in c for c in sub.cells)  # the check cells are gone


def test_collect_notebook_magics_and_shell_lines_become_pass(assignment: Assignment,
                                                             tmp_path: Path) -> None:
    cell = ("%matplotlib inline\n!pip install numpy\nimport numpy as np\n"
            "if True:\n    files = !ls\n    np.sum?\nx = 1 != 2\n")
    data = notebook(cell, "%%bash\necho hi\n", "%%time\ny = 2\n",
                    "s = '''\n!not a magic inside a string\n'''\n")
    sub = collect(assignment, write(tmp_path / "nb.ipynb", data))
    assert sub.cells == (
        "pass  # [grader] removed: %matplotlib inline\n"
        "pass  # [grader] removed: !pip install numpy\n"
        "import numpy as np\nif True:\n"
        "    pass  # [grader] removed: files = !ls\n"
        "    pass  # [grader] removed: np.sum?\n"
        "x = 1 != 2",
        "pass  # [grader] removed: %%time\ny = 2",
        "s = '''\n!not a magic inside a string\n'''\n",
    )
    for cell in sub.cells:
        compile(cell, "cell", "exec")


def test_collect_notebook_magic_lookalikes_inside_brackets_or_strings_kept(
    assignment: Assignment, tmp_path: Path
) -> None:
    cell = ("%matplotlib inline\n"
            "x = (7\n"
            "     % 3)\n"
            "doc = \"\"\"\n"
            "!important\n"
            "\"\"\"\n")
    sub = collect(assignment, write(tmp_path / "nb.ipynb", notebook(cell)))
    assert sub.cells == ("pass  # [grader] removed: %matplotlib inline\n"
                         "x = (7\n     % 3)\ndoc = \"\"\"\n!important\n\"\"\"",)
    namespace: dict[str, object] = {}
    exec(sub.cells[0], namespace)
    assert (namespace["x"], namespace["doc"]) == (1, "\n!important\n")


def test_collect_notebook_with_huge_outputs_is_graded(assignment: Assignment,
                                                      tmp_path: Path) -> None:
    blob = "A" * (20 * 2**20)  # 20 MB of base64-like output, over the big-notebook threshold
    out = [{"output_type": "display_data", "metadata": {}, "data": {"image/png": blob}}]
    sub = collect(assignment, write(tmp_path / "big.ipynb", notebook(CODE, outputs=out)))
    assert sub.cells == (CODE,)


def test_collect_zip_by_basename_traversal_member_never_extracted(
    assignment: Assignment, tmp_path: Path
) -> None:
    data = zipped({"../../evil/perceptron.py": CODE.encode(), "README.md": b"hi"})
    entry = write(tmp_path / "subs" / "eve.zip", data)
    sub = collect(assignment, entry)
    assert (sub.student, sub.kind, sub.cells) == ("eve", "py", (CODE,))
    assert sub.path == f"{entry}:../../evil/perceptron.py"
    assert sub.sha256 == hashlib.sha256(data).hexdigest()
    assert not (tmp_path / "evil").exists()
    assert sorted(p.name for p in (tmp_path / "subs").iterdir()) == ["eve.zip"]


def test_collect_zip_bomb_beside_the_module_is_never_unpacked(
    assignment: Assignment, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("perceptron.py", CODE)
        with archive.open("bomb.bin", "w", force_zip64=True) as member:
            zeros = bytes(2**20)
            for _ in range(256):  # 256 MiB of zeros, about 250 kB compressed
                member.write(zeros)
    data = buffer.getvalue()
    assert len(data) < 2**20
    opened: list[str] = []
    real_open = zipfile.ZipFile.open

    def spy(self: zipfile.ZipFile, name: Any, *args: Any, **kwargs: Any) -> Any:
        opened.append(name.filename if isinstance(name, zipfile.ZipInfo) else name)
        return real_open(self, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    sub = collect(assignment, write(tmp_path / "z.zip", data))
    assert sub.cells == (CODE,)
    assert opened == ["perceptron.py"]


def test_collect_zip_in_folder_with_notebook_and_macosx(assignment: Assignment,
                                                        tmp_path: Path) -> None:
    data = zipped({"__MACOSX/hw/._perceptron.ipynb": b"\0\1junk",
                   "hw/perceptron.ipynb": notebook(CODE)})
    write(tmp_path / "dan" / "upload.zip", data)
    sub = collect(assignment, tmp_path / "dan")
    assert (sub.kind, sub.cells) == ("ipynb", (CODE,))
    assert sub.sha256 == hashlib.sha256(data).hexdigest()


def test_collect_both_py_and_ipynb_grades_py_with_a_note(assignment: Assignment,
                                                         tmp_path: Path) -> None:
    write(tmp_path / "f" / "perceptron.ipynb", notebook("x = 1"))
    write(tmp_path / "f" / "perceptron.py", CODE)
    notes: list[str] = []
    sub = collect(assignment, tmp_path / "f", notes=notes)
    assert sub.kind == "py"
    assert notes == [f"{tmp_path / 'f'}: both perceptron.py and perceptron.ipynb were "
                     "submitted; graded perceptron.py"]


def test_collect_wrong_case_accepted_with_a_note(assignment: Assignment, tmp_path: Path) -> None:
    write(tmp_path / "g" / "Perceptron.py", CODE)
    notes: list[str] = []
    assert collect(assignment, tmp_path / "g", notes=notes).cells == (CODE,)
    assert notes == [f"{tmp_path / 'g'}: graded Perceptron.py; the expected name is perceptron.py"]


def test_entry_sha256_changes_with_any_file(tmp_path: Path) -> None:
    write(tmp_path / "h" / "notes.txt", "a")
    before = entry_sha256(tmp_path / "h")
    assert entry_sha256(tmp_path / "h") == before
    write(tmp_path / "h" / "other.txt", "b")
    assert entry_sha256(tmp_path / "h") != before


# ---------------------------------------------------------------- broken submissions

def broken_cases(tmp: Path) -> list[tuple[str, Path, str, str]]:
    """(case id, entry, status, exact message)."""
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("perceptron.py", b"#" * (9 * 2**20))
    huge_member = tmp / "bomb.zip"
    write(huge_member, bomb.getvalue())
    cases = [
        ("empty_folder", tmp / "e1", "no_submission",
         f"{tmp / 'e1'}: no perceptron.py or perceptron.ipynb (or a .zip holding one); "
         "it is empty. Submit perceptron.py or perceptron.ipynb."),
        ("wrong_files", write(tmp / "e2" / "percepton.py", CODE).parent, "no_submission",
         f"{tmp / 'e2'}: no perceptron.py or perceptron.ipynb (or a .zip holding one); "
         "found percepton.py. Submit perceptron.py or perceptron.ipynb."),
        ("empty_py", write(tmp / "e3.py", " \n"), "invalid_submission",
         f"{tmp / 'e3.py'}: the file is empty; save your work and submit the file again"),
        ("binary", write(tmp / "e4.py", b"\x7fELF\x02\x00\x00"), "invalid_submission",
         f"{tmp / 'e4.py'}: looks like a binary file, not text (NUL byte at offset 5); "
         "submit the source file itself"),
        ("not_utf8", write(tmp / "e5.py", b"x = 1\ns = 'caf\xe9'\n"), "invalid_submission",
         f"{tmp / 'e5.py'}: not UTF-8 text: byte 0xe9 at offset 14 (line 2); "
         "save the file as UTF-8 and submit it again"),
        ("bad_json", write(tmp / "e6.ipynb", b'{"cells": [\n  {"cell_type": '),
         "invalid_submission",
         f"{tmp / 'e6.ipynb'}: not a valid notebook: broken JSON at line 2, column 17 "
         "(Expecting value); open it in Jupyter, save it and submit it again"),
        ("json_not_notebook", write(tmp / "e7.ipynb", b"[1, 2]"), "invalid_submission",
         f"{tmp / 'e7.ipynb'}: not a Jupyter notebook (no list of cells); "
         "open it in Jupyter, save it and submit it again"),
        ("notebook_no_code", write(tmp / "e8.ipynb", notebook(("markdown", "hi"))),
         "invalid_submission",
         f"{tmp / 'e8.ipynb'}: the notebook has no code cells; "
         "write your code in code cells and submit it again"),
        ("zip_without_module", write(tmp / "e9.zip", zipped({"a/b.txt": b"x"})),
         "no_submission",
         f"{tmp / 'e9.zip'}: no perceptron.py or perceptron.ipynb (or a .zip holding one); "
         "found a/b.txt. Submit perceptron.py or perceptron.ipynb."),
        ("not_a_zip", write(tmp / "e10.zip", b"PK\x03\x04 garbage"), "invalid_submission",
         f"{tmp / 'e10.zip'}: not a valid zip archive (File is not a zip file); "
         "zip your files again"),
        ("zip_bomb", huge_member, "invalid_submission",
         f"{huge_member}:perceptron.py: unpacks to 9.0 MB, over the 8.0 MB limit; "
         "submit only your code"),
        ("two_zips", tmp / "e11", "invalid_submission",
         f"{tmp / 'e11'}: several zip files hold perceptron: a.zip, b.zip; submit only one"),
        ("other_suffix", write(tmp / "e12.txt", CODE), "no_submission",
         f"{tmp / 'e12.txt'}: not a .py, .ipynb or .zip file; "
         "submit perceptron.py, perceptron.ipynb"),
    ]
    (tmp / "e1").mkdir()
    write(tmp / "e11" / "a.zip", zipped({"perceptron.py": CODE.encode()}))
    write(tmp / "e11" / "b.zip", zipped({"perceptron.py": CODE.encode()}))
    return cases


CASE_IDS = [
    "empty_folder", "wrong_files", "empty_py", "binary", "not_utf8", "bad_json",
    "json_not_notebook", "notebook_no_code", "zip_without_module", "not_a_zip", "zip_bomb",
    "two_zips", "other_suffix",
]


@pytest.mark.parametrize("case", CASE_IDS)
def test_collect_broken_submission_status_and_message(case: str, assignment: Assignment,
                                                      tmp_path: Path) -> None:
    cases = {c[0]: c[1:] for c in broken_cases(tmp_path)}
    entry, status, message = cases[case]
    with pytest.raises(CollectError) as info:
        collect(assignment, entry)
    assert (info.value.status, info.value.message) == (status, message)


def test_collect_symlinks_and_special_files_are_never_read(assignment: Assignment,
                                                           tmp_path: Path) -> None:
    secret = write(tmp_path / "secret.txt", "the hidden tests")
    subs = tmp_path / "subs"
    subs.mkdir()
    os.symlink(secret, subs / "alice.py")
    os.symlink("/", subs / "bob")
    os.mkfifo(subs / "carol.py")  # reading it would block forever
    (subs / "dave").mkdir()
    os.symlink(secret, subs / "dave" / "perceptron.py")
    assert [s for s, _ in find_entries(subs)] == ["alice", "bob", "carol", "dave"]
    messages = {}
    for student, entry in find_entries(subs):
        with pytest.raises(CollectError) as info:
            collect(assignment, entry)
        messages[student] = (info.value.status, info.value.message)
    special = ": a symbolic link or special file, not a regular file; submit the file itself"
    assert messages == {
        "alice": ("invalid_submission", f"{subs / 'alice.py'}{special}"),
        "bob": ("invalid_submission", f"{subs / 'bob'}{special}"),
        "carol": ("invalid_submission", f"{subs / 'carol.py'}{special}"),
        "dave": ("no_submission", f"{subs / 'dave'}: no perceptron.py or perceptron.ipynb "
                 "(or a .zip holding one); it is empty. Submit perceptron.py or perceptron.ipynb."),
    }
    digests = {entry_sha256(e) for _, e in find_entries(subs)}  # hashes links, never follows
    assert len(digests) == 4


def test_collect_zip_member_lying_about_its_size_is_rejected(
    assignment: Assignment, tmp_path: Path
) -> None:
    data = bytearray(zipped({"perceptron.py": b"#" * 5000}))
    # Rewrite the declared uncompressed size (central directory and local header) to 10 bytes.
    for signature, offset in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        at = data.find(signature) + offset
        data[at:at + 4] = (10).to_bytes(4, "little")
    entry = write(tmp_path / "liar.zip", bytes(data))
    with pytest.raises(CollectError) as info:
        collect(assignment, entry)
    # zipfile stops at the declared size; the checksum then exposes the lie.
    assert (info.value.status, info.value.message) == (
        "invalid_submission",
        f"{entry}:perceptron.py: cannot be unpacked (Bad CRC-32 for file 'perceptron.py'); "
        "zip your files again",
    )


def test_collect_notebook_over_cap_names_size_and_fix(
    assignment: Assignment, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(collect_mod, "MAX_NOTEBOOK_BYTES", 2**20)
    out = [{"output_type": "stream", "name": "stdout", "text": "x" * (3 * 2**20)}]
    entry = write(tmp_path / "big.ipynb", notebook(CODE, outputs=out))
    with pytest.raises(CollectError) as info:
        collect(assignment, entry)
    assert (info.value.status, info.value.message) == (
        "invalid_submission",
        f"{entry}: the notebook is 3.0 MB, over the 1.0 MB limit; clear all outputs "
        "(Edit → Clear All Outputs), save and resubmit",
    )


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300) | st.text(max_size=200).map(str.encode),
       suffix=st.sampled_from([".py", ".ipynb", ".zip"]))
def test_collect_any_bytes_give_a_submission_or_a_collect_error(
    assignment: Assignment, tmp_path: Path, data: bytes, suffix: str
) -> None:
    entry = write(tmp_path / f"anyone{suffix}", data)
    try:
        sub = collect(assignment, entry)
    except CollectError as exc:
        assert exc.status in ("no_submission", "invalid_submission")
        assert exc.message.startswith(str(entry))
    else:
        assert sub.sha256 == hashlib.sha256(data).hexdigest()
        assert all(isinstance(c, str) for c in sub.cells)


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(names=st.lists(st.text(st.characters(blacklist_categories=["Cs"]), min_size=1,
                              max_size=30).filter(lambda s: s.split("\0")[0]),
                      min_size=1, max_size=5))  # zipfile cuts a name at NUL: keep some left
def test_collect_zip_member_names_never_touch_the_disk(
    assignment: Assignment, tmp_path: Path, names: list[str]
) -> None:
    members = {name: CODE.encode() for name in [*names, "../../x/perceptron.py"]}
    folder = tmp_path / "zips"
    entry = write(folder / "z.zip", zipped(members))
    before = sorted(p for p in tmp_path.rglob("*"))
    assert collect(assignment, entry).cells == (CODE,)
    assert sorted(p for p in tmp_path.rglob("*")) == before
