"""Families of catalogue mistakes (grader.run.catalogue: PARAMS), their replay
(grader.run.diagnose: memo keys per member, one member named per family) and the comparison of
raised calls (grader.run.outcomes.matches); one through `grader grade`: a threshold offset no
one-mistake file has is named by its family."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest
from click.testing import CliRunner

from grader.cli.main import main
from grader.config import find_assignment
from grader.run.catalogue import CatalogueError, read_mistakes
from grader.run.diagnose import Recorded, diagnose
from grader.run.outcomes import Outcome, matches, run
from grader.run.refcache import Memo

FAMILY = '''"""f adds {k} (it must add nothing)"""

k = 1
PARAMS = {"k": (-2, -1, 1, 2)}


def f(x):
    return _add(x)


def _add(x):
    return x + k


FIX = "drop the {k:+d}"
'''


def _write(tmp_path: Path, text: str, stem: str = "adds_k") -> Path:
    path = tmp_path / "mistakes" / f"{stem}.py"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_family_is_one_mistake_per_combination_with_its_fields_filled(tmp_path: Path) -> None:
    members = read_mistakes(_write(tmp_path, FAMILY), ("f",))
    assert [m.key for m in members] == ["adds_k[k=-2]", "adds_k[k=-1]", "adds_k[k=1]",
                                        "adds_k[k=2]"]
    assert [m.name for m in members] == [f"f adds {k} (it must add nothing)" for k in
                                         (-2, -1, 1, 2)]
    assert [m.fix for m in members] == ["drop the -2", "drop the -1", "drop the +1",
                                        "drop the +2"]
    assert {m.family for m in members} == {"adds_k"}
    assert members[0].params == (("k", "-2"),)
    # each member's function (and the helper it calls) sees its own value
    assert [m.overrides["f"](10) for m in members] == [8, 9, 11, 12]


def test_labels_name_members_and_other_braces_stay(tmp_path: Path) -> None:
    text = FAMILY.replace('PARAMS = {"k": (-2, -1, 1, 2)}',
                          'PARAMS = {"k": {"one": 1, "minus two": -2}}').replace(
        "(it must add nothing)", "to labels {0,1}").replace("{k:+d}", "{k}")
    members = read_mistakes(_write(tmp_path, text), ("f",))
    assert [m.name for m in members] == ["f adds one to labels {0,1}",
                                         "f adds minus two to labels {0,1}"]
    assert [m.overrides["f"](0) for m in members] == [1, -2]
    assert members[1].fix == "drop the minus two"
    # a format spec the label cannot take: the file and the fix are named
    with pytest.raises(CatalogueError, match=r"adds_k\.py: \{k:\+d\} cannot format"):
        read_mistakes(_write(tmp_path, text.replace('"drop the {k}"', '"drop the {k:+d}"')),
                      ("f",))


@pytest.mark.parametrize(("params", "says"), [
    ('PARAMS = {"j": (1, 2)}', "PARAMS key 'j' is not a module-level name"),
    ('PARAMS = {"k": ()}', r"PARAMS\['k'\] is empty"),
    ('PARAMS = {"k": 3}', r"PARAMS\['k'\] is a int"),
    ("PARAMS = [1, 2]", "PARAMS must be a non-empty dict"),
    ('PARAMS = {"k": (1, 1)}', r"members adds_k\[k=1\] and adds_k\[k=1\] have the same"),
])
def test_a_malformed_family_names_the_file_and_the_fix(tmp_path: Path, params: str,
                                                       says: str) -> None:
    path = _write(tmp_path, FAMILY.replace('PARAMS = {"k": (-2, -1, 1, 2)}', params))
    with pytest.raises(CatalogueError, match=rf"adds_k\.py: {says}") as raised:
        read_mistakes(path, ("f",))
    assert "PARAMS" in str(raised.value)


def test_a_family_name_without_its_field_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, FAMILY.replace("f adds {k}", "f adds something"))
    with pytest.raises(CatalogueError, match=r"adds_k\.py: a family's name must say which"):
        read_mistakes(path, ("f",))


def _reference() -> ModuleType:
    reference = ModuleType("ref_family_toy")
    exec("def f(x):\n    return x\n", vars(reference))
    return reference


def test_replay_keys_the_memo_on_the_member_and_names_the_fitting_one(tmp_path: Path) -> None:
    members = read_mistakes(_write(tmp_path, FAMILY), ("f",))
    calls = [Recorded("f", (3.0,), {}, None, value=5.0, args_after=(3.0,), kwargs_after={})]
    memo = Memo()
    found = diagnose(_reference(), members, calls, memo=memo)
    assert found is not None and [m.key for m in found.mistakes] == ["adds_k[k=2]"]
    whos = {key[1] for key in memo._values if isinstance(key, tuple) and key[0] == "diagnose"}
    assert {"adds_k[k=-2]", "adds_k[k=-1]", "adds_k[k=1]", "adds_k[k=2]"} <= whos
    again = diagnose(_reference(), members, calls, memo=memo)
    assert again is not None and again.mistakes == found.mistakes


def test_one_member_per_family_and_a_one_mistake_file_comes_first(tmp_path: Path) -> None:
    # two members give the same value on this call (f(x) = x + 2 for both, spelled twice)
    text = FAMILY.replace('(-2, -1, 1, 2)', '{"two": 2, "2": 2.0, "one": 1}').replace(
        "{k:+d}", "{k}")
    members = read_mistakes(_write(tmp_path, text), ("f",))
    calls = [Recorded("f", (3.0,), {}, None, value=5.0, args_after=(3.0,), kwargs_after={})]
    found = diagnose(_reference(), members, calls)
    assert found is not None and [m.key for m in found.mistakes] == ["adds_k[k=two]"]
    single = read_mistakes(_write(tmp_path, '"""f adds two"""\n\n\ndef f(x):\n    return x + 2\n',
                                  "adds_two"), ("f",))
    found = diagnose(_reference(), (*single, *members), calls)
    assert found is not None and [m.key for m in found.mistakes] == ["adds_two"]


def _raised(*names: str) -> Recorded:
    return Recorded("f", (1.0,), {}, (*names, "Exception", "BaseException", "object"))


def test_arithmetic_errors_match_each_other_and_non_finite_values_only() -> None:
    overflow = _raised("OverflowError", "ArithmeticError")
    call = Recorded("f", (1.0,), {}, None)
    assert matches(overflow, run(lambda x: np.array([np.inf, 0.0]), call))
    assert matches(overflow, run(lambda x: 1 / 0, call))  # ZeroDivisionError
    assert not matches(overflow, run(lambda x: np.array([1.0, 0.0]), call))
    assert not matches(overflow, run(lambda x: [][1], call))  # IndexError: unrelated
    # the other way round: the trusted function raised, the student returned nan
    nan = Recorded("f", (1.0,), {}, None, value=[1.0, float("nan")], args_after=(1.0,))
    assert matches(nan, Outcome("OverflowError", mro=("OverflowError", "ArithmeticError")))
    assert not matches(nan, Outcome("ValueError", mro=("ValueError", "Exception")))
    finite = Recorded("f", (1.0,), {}, None, value=[1.0, 2.0], args_after=(1.0,))
    assert not matches(finite, Outcome("OverflowError", mro=("OverflowError", "ArithmeticError")))
    # other exceptions: only the same kind (or a subclass on the student's side)
    value_error = _raised("ValueError")
    assert matches(value_error, run(lambda x: int("x"), call))
    assert not matches(value_error, run(lambda x: [][1], call))


SUBMISSION = '''import numpy as np


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    if x.ndim != 1 or not np.all((x == 0) | (x == 1)):
        raise ValueError("x must be 0/1")
    mask = np.zeros(len(x), bool) if inhibitory is None else np.asarray(inhibitory, bool)
    if mask.shape != x.shape:
        raise ValueError("lengths differ")
    if (x[mask] == 1).any():
        return 0
    return int(x[~mask].sum() > theta - 2)


def mp_gate(name, n):
    table = {"and": (n, [False] * n), "or": (1, [False] * n), "nor": (0, [True] * n),
             "not": (0, [True]), "and_not": (1, [False, True])}
    if name not in table or n < 1 or (name == "not" and n != 1) or (
            name == "and_not" and n != 2):
        raise ValueError("bad gate")
    theta, mask = table[name]
    return theta, np.array(mask)
'''


def test_grade_names_an_offset_no_single_file_has_by_its_family(tmp_path: Path) -> None:
    subs = tmp_path / "subs"
    subs.mkdir()
    (subs / "offset_minus_two.py").write_text(SUBMISSION, encoding="utf-8")
    out = tmp_path / "out"
    folder = find_assignment("mp_neuron").folder
    result = CliRunner().invoke(main, ["grade", str(folder), str(subs), "--out", str(out),
                                       "--jobs", "1"])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads((out / "results" / "offset_minus_two.json").read_text())
    said = [t["mistake"] for t in data["result"]["tests"] if t.get("mistake")]
    assert said, data
    assert all("the threshold test is written `count > θ − 2`" in s for s in said), said
    shutil.rmtree(out)
