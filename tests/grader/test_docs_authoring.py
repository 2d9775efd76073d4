"""docs/authoring.md says what the code does: the checks table lists every keyword of each
check with its default, and keyword arguments reach student functions through the sandbox."""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import numpy as np
import pytest

from grader import checks
from grader.sandbox.proxy import StudentProxy
from tests.fixtures.engine import MODES, submission, toy

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "authoring.md"


def checks_table() -> list[str]:
    text = GUIDE.read_text(encoding="utf-8")
    section = text[text.index("## 5. The checks library"):text.index("## 6.")]
    return [line.split("`")[1] for line in section.splitlines()
            if line.startswith("| `")]


@pytest.mark.parametrize("signature", checks_table())
def test_the_checks_table_lists_real_keywords_and_defaults(signature: str) -> None:
    name = signature.split("(", 1)[0]
    inner = signature[len(name) + 1:signature.rindex(")")]
    keywords = dict(re.findall(r"(?:^|,\s*)\*?\s*([a-z_]+)=([^,()]+)", inner))
    parameters = inspect.signature(getattr(checks, name)).parameters
    for keyword, default in keywords.items():
        if keyword not in parameters:  # e.g. the `name=` of a nested call in the example
            assert keyword == "name" and "torch_gradient" in signature, (name, keyword)
            continue
        try:
            documented = ast.literal_eval(default.strip())
        except ValueError:
            continue  # an example value (`what="..."`), not a default
        if isinstance(documented, str):
            continue  # example names: name="x"
        assert parameters[keyword].default == documented, (name, keyword, documented)


def test_the_gradient_checks_rows_name_atol_and_mistakes() -> None:
    rows = {s.split("(", 1)[0]: s for s in checks_table()}
    for name in ("gradient", "directional_gradient", "gradient_close"):
        assert "atol=1e-8" in rows[name] and "mistakes=None" in rows[name], rows[name]


@pytest.mark.parametrize("mode", MODES)
def test_keyword_arguments_reach_the_student_function(mode: str) -> None:
    source = "def scale(x, c=1.0, *, shift=0.0):\n    return c * x + shift\n"
    with StudentProxy(toy(), submission(source), mode=mode) as student:
        assert student.start().status == "ok"
        x = np.arange(3.0)
        np.testing.assert_allclose(student.scale(x, c=2.0, shift=1.0), [1.0, 3.0, 5.0])
        call = student.call("scale", x, shift=0.5)
        np.testing.assert_allclose(call.value, [0.5, 1.5, 2.5])
        assert call.kwargs == {"shift": 0.5}
