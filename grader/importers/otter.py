"""`grader import otter MASTER_NOTEBOOK`: an Otter Assign master notebook -> assignment folder.

Otter Assign's documented (v1) master-notebook format, as read here:

- raw cell `# ASSIGNMENT CONFIG` (YAML; optional): `name` is used for the title if no heading;
- raw cell `# BEGIN QUESTION` with YAML (`name`, `points`, `manual`), closed by `# END QUESTION`;
- inside a question, raw `# BEGIN SOLUTION` / `# END SOLUTION` cells enclose solution cells and
  raw `# BEGIN TESTS` / `# END TESTS` cells enclose test cells; `# BEGIN PROMPT` blocks are
  dropped (they are the student's version);
- in solution cells, `# BEGIN SOLUTION` / `# END SOLUTION` comment lines mark a region and a
  line ending in `# SOLUTION` is a one-line region (`# ... NO PROMPT` variants alike);
- a test cell is one test case: hidden if its first line is `# HIDDEN` or its
  test-config block (YAML between the string lines `# BEGIN TEST CONFIG` and
  `# END TEST CONFIG`) says `hidden: true`, where `points` may also be given;
  lines ending in `# IGNORE` are dropped. Its last expression must reproduce
  the recorded output of the executed master notebook (Otter's rule); a cell with no output
  relies on its assert statements.

Question points are split evenly over the test cases that do not set their own points.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path
from typing import Any

from grader.importers import (
    Imported,
    ImportedTest,
    ImportError_,
    as_comment,
    cell_source,
    read_notebook,
    title_of,
    unique_name,
    write_assignment,
)

_INLINE = re.compile(r"^(?P<indent>\s*)(?P<code>.*?)\s*#\s*SOLUTION(\s+NO PROMPT)?\s*$")
_REGION = re.compile(r"^(?P<indent>\s*)#+\s*(?P<verb>BEGIN|END)\s+SOLUTION(\s+NO PROMPT)?\s*$")
_CONFIG = re.compile(r'^\s*"""\s*#\s*BEGIN TEST CONFIG\s*\n(?P<body>.*?)\n\s*"""\s*#\s*END '
                     r"TEST CONFIG\s*\n?", re.DOTALL)


def _yaml(text: str, where: str) -> dict[str, Any]:
    """The flat `key: value` YAML Otter's configs use (no yaml dependency needed for that)."""
    values: dict[str, Any] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, raw = line.partition(":")
        if not sep or line.startswith((" ", "\t")):
            continue  # nested YAML (e.g. assignment-level settings we do not use)
        value: Any = raw.strip().strip("'\"")
        if value.lower() in ("true", "false"):
            value = value.lower() == "true"
        else:
            with contextlib.suppress(ValueError):
                value = float(value)
        if not key.strip():
            raise ImportError_(f"{where}, line {number}: cannot read {line!r} as `key: value`")
        values[key.strip()] = value
    return values


def _raw_marker(cell: dict[str, Any]) -> tuple[str, str]:
    """('BEGIN QUESTION', yaml text) for raw delimiter cells; ('', '') for other cells."""
    if cell.get("cell_type") != "raw":
        return "", ""
    first, _, rest = cell_source(cell).strip().partition("\n")
    match = re.fullmatch(r"#\s*((BEGIN|END)\s+(QUESTION|SOLUTION|TESTS|PROMPT)|ASSIGNMENT CONFIG)",
                         first.strip())
    return (" ".join(match.group(1).split()), rest) if match else ("", "")


def solution_code(code: str) -> str:
    """Otter solution-cell syntax as ### markers (the stub strips what Otter would)."""
    out: list[str] = []
    for line in code.splitlines():
        region = _REGION.match(line)
        inline = _INLINE.match(line)
        if region is not None:
            out.append(f"{region['indent']}### {region['verb']} SOLUTION")
        elif inline is not None and inline["code"].strip():
            out += [f"{inline['indent']}### BEGIN SOLUTION", f"{inline['indent']}{inline['code']}",
                    f"{inline['indent']}### END SOLUTION"]
        else:
            out.append(line)
    return "\n".join(out)


def _test_case(cell: dict[str, Any], where: str) -> tuple[str, bool, float | None, str | None]:
    """(code, hidden, points or None, recorded text/plain output or None) of one test cell."""
    code = cell_source(cell)
    hidden, points = False, None
    config = _CONFIG.match(code)
    if config is not None:
        settings = _yaml(config["body"], where)
        hidden = bool(settings.get("hidden", False))
        points = float(settings["points"]) if "points" in settings else None
        code = code[config.end():]
    lines = code.splitlines()
    if lines and lines[0].strip() == "# HIDDEN":
        hidden, lines = True, lines[1:]
    lines = [line for line in lines if not re.search(r"#\s*IGNORE\s*$", line)]
    expected = None
    for output in cell.get("outputs", []):
        if output.get("output_type") == "execute_result":
            data = output.get("data", {}).get("text/plain")
            expected = "".join(data) if isinstance(data, list) else data
    return "\n".join(lines).strip("\n"), hidden, points, expected


def read_otter(path: Path) -> Imported:
    cells = read_notebook(path)
    solution: list[str] = []
    tests: list[ImportedTest] = []
    notes: list[str] = []
    taken: set[str] = set()
    title = path.stem
    question: dict[str, Any] | None = None
    pending: list[tuple[str, bool, float | None, str | None, str]] = []
    block = ""  # "", "SOLUTION", "TESTS", "PROMPT"
    docstring_done = False

    def close_question() -> None:
        assert question is not None
        total = float(question.get("points", 1.0) or 0.0)
        given = sum(p for _, _, p, _, _ in pending if p is not None)
        free = [t for t in pending if t[2] is None]
        share = (total - given) / len(free) if free else 0.0
        base = str(question.get("name", f"q{len(tests) + 1}"))
        for number, (code, hidden, points, expected, where) in enumerate(pending, start=1):
            name = unique_name(f"{base}_{number}", taken)
            tests.append(ImportedTest(name, "hidden" if hidden else "visible",
                                      share if points is None else points, code, where,
                                      expected))
        pending.clear()

    for index, cell in enumerate(cells, start=1):
        marker, yaml_text = _raw_marker(cell)
        where = f"{path.name} cell {index}"
        if marker == "ASSIGNMENT CONFIG":
            title = str(_yaml(yaml_text, where).get("name", title))
        elif marker == "BEGIN QUESTION":
            if question is not None:
                raise ImportError_(f"{where}: # BEGIN QUESTION inside question "
                                   f"{question.get('name')!r}; add # END QUESTION before it")
            question = _yaml(yaml_text, where)
            if question.get("manual"):
                notes.append(f"{where}: question {question.get('name')!r} is manually graded; "
                             "grade it by hand")
        elif marker == "END QUESTION":
            if question is None:
                raise ImportError_(f"{where}: # END QUESTION without # BEGIN QUESTION")
            close_question()
            question = None
        elif marker.startswith("BEGIN "):
            block = marker.removeprefix("BEGIN ")
        elif marker.startswith("END "):
            block = ""
        elif cell.get("cell_type") == "markdown":
            if block in ("SOLUTION", "PROMPT"):
                continue  # a written answer (manual question) or the student's prompt copy
            if not docstring_done:
                solution.insert(0, '"""' + cell_source(cell).strip().replace('"""', "'''")
                                + '\n"""\n')
                docstring_done = True
            else:
                solution.append(as_comment(cell_source(cell)))
        elif cell.get("cell_type") == "code" and cell_source(cell).strip():
            if block == "TESTS":
                if question is None:
                    raise ImportError_(f"{where}: a test cell outside # BEGIN/END QUESTION")
                pending.append((*_test_case(cell, where), where))
            elif block != "PROMPT":
                solution.append(solution_code(cell_source(cell)).rstrip())
    if question is not None:
        raise ImportError_(f"{path}: question {question.get('name')!r} is never closed; add a "
                           "raw cell # END QUESTION")
    if not docstring_done:
        solution.insert(0, f'"""{title}."""\n')
    return Imported(title_of(cells, title), "\n\n\n".join(solution).strip() + "\n", tests, notes)


def import_otter(source: Path, out: Path, module: str | None = None) -> tuple[Path, list[str]]:
    """Write the assignment folder for an Otter Assign master notebook; (folder, notes)."""
    imported = read_otter(source)
    folder = write_assignment(imported, source, out, "otter", module)
    return folder, imported.notes
