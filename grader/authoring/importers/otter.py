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

import ast
import re
from pathlib import Path
from typing import Any

import yaml

from grader.authoring.importers import (
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
from grader.authoring.importers.testcode import expect_last
from grader.config import SEED_RANGE

_INLINE = re.compile(r"^(?P<indent>\s*)(?P<code>.*?)\s*#\s*SOLUTION(\s+NO PROMPT)?\s*$")
_REGION = re.compile(r"^(?P<indent>\s*)#+\s*(?P<verb>BEGIN|END)\s+SOLUTION(\s+NO PROMPT)?\s*$")
_MAGIC = re.compile(r"^\s*[%!]")
_SEED = re.compile(r"^(?P<indent>\s*)(?P<code>.*?)\s*#\s*SEED\s*$")
_CONFIG = re.compile(r'^\s*"""\s*#\s*BEGIN TEST CONFIG\s*\n(?P<body>.*?)\n\s*"""\s*#\s*END '
                     r"TEST CONFIG\s*\n?", re.DOTALL)


def _yaml(text: str, where: str) -> dict[str, Any]:
    """A config block (Otter's configs are YAML)."""
    try:
        values = yaml.safe_load(text) if text.strip() else {}
    except yaml.YAMLError as exc:
        raise ImportError_(f"{where}: the config is not valid YAML: {exc}") from None
    if values is None:
        return {}
    if not isinstance(values, dict):
        raise ImportError_(f"{where}: the config must be `key: value` lines, got {text!r}")
    return values


def resolve_points(total: Any, given: list[float | None], where: str) -> list[float]:
    """Each test case's points by Otter's rules (otter.test_files.abstract_test): `each: p` is p
    per case; a list gives them in order; else cases without points share what the question's
    points leave, or, with no question points, are worth 0 unless every given value is 0 (then
    the question is worth 1, shared)."""
    def number(value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ImportError_(f"{where}: points: {total!r} is not a number, a list of numbers "
                               "or `each: <number>`")
        return float(value)

    if isinstance(total, dict) and set(total) == {"each"}:
        return [number(total["each"])] * len(given)
    if isinstance(total, list):
        if len(total) != len(given):
            raise ImportError_(f"{where}: points lists {len(total)} values but the question "
                               f"has {len(given)} test cases")
        return [number(p) for p in total]
    points = None if total is None else number(total)
    fixed = sum(p for p in given if p is not None)
    free = sum(1 for p in given if p is None)
    if points is not None:
        if fixed > points:
            raise ImportError_(f"{where}: the test cases' points ({fixed:g}) exceed the "
                               f"question's {points:g}")
        share = (points - fixed) / free if free else 0.0
    elif fixed == 0:
        share = 1 / free if free else 0.0
    else:
        share = 0.0
    return [p if p is not None else share for p in given]


def _raw_marker(cell: dict[str, Any]) -> tuple[str, str]:
    """('BEGIN QUESTION', yaml text) for raw delimiter cells; ('', '') for other cells."""
    text = cell_source(cell).strip()
    fenced = re.fullmatch(r"```otter[ \t]*\n(?P<body>.*?)\n?```", text, re.DOTALL)
    if cell.get("cell_type") == "markdown" and fenced is not None:
        text = fenced["body"].strip()  # Otter's alternative to raw cells
    elif cell.get("cell_type") != "raw":
        return "", ""
    first, _, rest = text.partition("\n")
    match = re.fullmatch(r"#\s*((BEGIN|END)\s+(QUESTION|SOLUTION|TESTS|PROMPT)|ASSIGNMENT CONFIG)",
                         first.strip())
    return (" ".join(match.group(1).split()), rest) if match else ("", "")


def solution_code(code: str, seeded: bool = False) -> str:
    """Otter solution-cell syntax as ### markers (the stub strips what Otter would). With
    intercell seeding (`seeded`), a `# SEED` line becomes a hidden-tests region: it runs in the
    solution and leaves the student's release, as Otter removes it from the student's
    notebook (the grader seeds every cell: [load] seed_cells)."""
    out: list[str] = []
    for line in code.splitlines():
        if _MAGIC.match(line):
            out.append(f"# {line.strip()}  (IPython only: not run by the grader)")
            continue
        seed = _SEED.match(line)
        if seeded and seed is not None:
            indent = seed["indent"]
            out += [f"{indent}### BEGIN HIDDEN TESTS", f"{indent}{seed['code']}  # Otter's SEED "
                    "line: in the solution only; grading seeds every cell", f"{indent}### END "
                    "HIDDEN TESTS"]
            continue
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


def cell_seed(config: dict[str, Any], where: str, lost: list[str]) -> int | None:
    """The seed of Otter's intercell seeding from the assignment config (`generate: seed: N`),
    which becomes [load] seed_cells: Otter (otter.execute.preprocessor) runs
    `numpy.random.seed(N); random.seed(N)` at the top of every code cell of a submission when
    grading, and so does nn-grader then. `seed: {variable: ..., autograder_value: ...}` (Otter
    sets that variable in every cell instead) is not carried over: listed in `lost`."""
    generate = config.get("generate")
    seed = generate.get("seed") if isinstance(generate, dict) else None
    variable = config.get("seed")
    if isinstance(variable, dict) and variable.get("variable"):
        lost.append(f"{where}: the config asks for Otter's intercell seeding with a variable: "
                    f"Otter sets {variable['variable']} = {variable.get('autograder_value')} at "
                    "the top of every cell of a submission when grading; nn-grader does not, so "
                    "tests of random values score a submission differently unless its own code "
                    "sets it")
        return None
    if seed is None:
        return None
    if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed < SEED_RANGE:
        raise ImportError_(f"{where}: generate: seed: {seed!r} is not a seed Otter can use; "
                           f"give a whole number from 0 to {SEED_RANGE - 1}")
    return seed


def _seed_lines(code: str, where: str, question: dict[str, Any] | None) -> list[str]:
    """A `# SEED` line without a config seed: Otter refuses to assign such a notebook ("Seeding
    cell found but no or invalid seed provided"); here the line stays in the student's
    release (cells run as written)."""
    name = f" (question {question.get('name')!r})" if question is not None else ""
    return [f"{where}{name}: `{line.strip()}` is Otter's intercell seeding, but no "
            "`generate: seed: N` in the config is carried over (Otter needs one); nn-grader keeps "
            "the line in the student's release, so a notebook made from Otter's student "
            "version (without it) gets other random values and is scored differently"
            for line in code.splitlines() if _SEED.match(line)]


def _exception_style(code: str, where: str, lost: list[str]) -> str:
    """Otter's exception-based test cell: `def test_...(names)` (and optionally a call of it).
    Otter calls each test function with the notebook's values of its parameter names; here
    the call is written out, so the names are bound to the student's values."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return code
    defs = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name.startswith("test")]
    if not defs:
        return code
    names = {f.name for f in defs}
    keep = [ast.get_source_segment(code, n) or "" for n in tree.body
            if not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Call)
                    and isinstance(n.value.func, ast.Name) and n.value.func.id in names)]
    calls = []
    for func in defs:
        params = [a.arg for a in func.args.args]
        if "env" in params:
            lost.append(f"{where}: {func.name}(env) reads the student's whole global "
                        "environment, which does not cross the sandbox; name the values it "
                        "needs as parameters instead")
        calls.append(f"{func.name}({', '.join(params)})")
    return "\n\n".join([*keep, *calls])


def _test_case(cell: dict[str, Any], where: str, lost: list[str]
               ) -> tuple[str, bool, float | None, str]:
    """(code, hidden, points or None, where) of one test cell; an Otter (OK-format) cell's last
    expression must reproduce its recorded output, which becomes an expect_output call."""
    code = cell_source(cell)
    hidden, points = False, None
    config = _CONFIG.match(code)
    if config is not None:
        settings = _yaml(config["body"], where)
        hidden = bool(settings.get("hidden", False))
        if settings.get("points") is not None:
            points = resolve_points(settings["points"], [None], where)[0]
        code = code[config.end():]
    lines = code.splitlines()
    if lines and lines[0].strip() == "# HIDDEN":
        hidden, lines = True, lines[1:]
    lines = [line for line in lines if not re.search(r"#\s*IGNORE\s*$", line)]
    plain = "\n".join(lines).strip("\n")
    code = _exception_style(plain, where, lost)
    for output in cell.get("outputs", []):
        if output.get("output_type") == "execute_result":
            data = output.get("data", {}).get("text/plain")
            code = expect_last(code, "".join(data) if isinstance(data, list) else str(data))
    if code == plain and cell.get("execution_count") is not None and _ends_in_expression(plain):
        # run, and nothing shown: the solution's value was None (a trailing `;` hides any)
        code = code if plain.rstrip().endswith(";") else expect_last(code, "None")
    elif code == plain and _unchecked_expression(plain):
        lost.append(f"{where}: the test's last expression has no saved output (the master "
                    "notebook was not run, or the output was cleared), so nothing checks its "
                    "value, while Otter compares it with the solution's output; run the "
                    "notebook, save it and import again")
    return code, hidden, points, where


def _ends_in_expression(code: str) -> bool:
    try:
        body = ast.parse(code).body
    except SyntaxError:
        return False
    return bool(body) and isinstance(body[-1], ast.Expr)


def _unchecked_expression(code: str) -> bool:
    """The cell ends in an expression, whose output Otter compares, and nothing in it checks a
    value: no assert statement, no assert_...() call."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return False
    for node in ast.walk(tree):
        if isinstance(node, ast.Assert | ast.Raise):
            return False
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if "assert" in name.lower():
                return False
    return _ends_in_expression(code)


def read_otter(path: Path) -> Imported:
    cells = read_notebook(path)
    solution: list[str] = []
    tests: list[ImportedTest] = []
    notes: list[str] = []
    taken: set[str] = set()
    title = path.stem
    question: dict[str, Any] | None = None
    pending: list[tuple[str, bool, float | None, str]] = []
    lost: list[str] = []
    block = ""  # "", "SOLUTION", "TESTS", "PROMPT"
    docstring_done = False
    seed: int | None = None
    for index, cell in enumerate(cells, start=1):  # the config first: it decides # SEED lines
        marker, yaml_text = _raw_marker(cell)
        if marker == "ASSIGNMENT CONFIG":
            config = _yaml(yaml_text, f"{path.name} cell {index}")
            title = str(config.get("name", title))
            seed = cell_seed(config, f"{path.name} cell {index}", lost)

    def close_question() -> None:
        assert question is not None
        where = f"{path.name}: question {question.get('name')!r}"
        points = resolve_points(question.get("points"), [p for _, _, p, _ in pending], where)
        base = str(question.get("name", f"q{len(tests) + 1}"))
        cases = [(code, hidden, p, origin) for (code, hidden, _, origin), p
                 in zip(pending, points, strict=True)]
        if question.get("all_or_nothing") and len(cases) > 1:  # one test: all pass or 0
            cases = [("\n\n".join(c[0] for c in cases), any(c[1] for c in cases),
                      sum(c[2] for c in cases), f"{cases[0][3]} to {cases[-1][3].split()[-1]} "
                      "(all or nothing)")]
        for number, (code, hidden, share, origin) in enumerate(cases, start=1):
            name = unique_name(f"{base}_{number}", taken)
            tests.append(ImportedTest(name, "hidden" if hidden else "visible", share, code,
                                      origin))
        pending.clear()

    for index, cell in enumerate(cells, start=1):
        marker, yaml_text = _raw_marker(cell)
        where = f"{path.name} cell {index}"
        if marker == "ASSIGNMENT CONFIG":
            continue  # read above
        if marker == "BEGIN QUESTION":
            if question is not None:
                raise ImportError_(f"{where}: # BEGIN QUESTION inside question "
                                   f"{question.get('name')!r}; add # END QUESTION before it")
            question = _yaml(yaml_text, where)
            if question.get("manual"):
                worth = question.get("points")
                notes.append(f"{where}: question {question.get('name')!r} is manually graded; "
                             "grade it by hand" + (f" ({worth} points are not in this "
                                                   "assignment)" if worth else ""))
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
                pending.append(_test_case(cell, where, lost))
            elif block != "PROMPT":
                solution.append(solution_code(cell_source(cell), seed is not None).rstrip())
                if seed is None:
                    lost += _seed_lines(cell_source(cell), where, question)
    if question is not None:
        raise ImportError_(f"{path}: question {question.get('name')!r} is never closed; add a "
                           "raw cell # END QUESTION")
    if not docstring_done:
        solution.insert(0, f'"""{title}."""\n')
    return Imported(title_of(cells, title), "\n\n\n".join(solution).strip() + "\n", tests, notes,
                    lost=lost, seed_cells=seed)


def import_otter(source: Path, out: Path, module: str | None = None) -> tuple[Path, Imported]:
    """Write the assignment folder for an Otter Assign master notebook; (folder, what was read)."""
    imported = read_otter(source)
    folder = write_assignment(imported, source, out, "otter", module)
    return folder, imported
