"""assignment.toml, parsed once into frozen dataclasses and validated.

Every error names the file and the key, and says what would be accepted.

    [assignment]
    title = "Perceptron learning and convergence"
    module = "perceptron"              # students submit perceptron.py / perceptron.ipynb
    reference = "reference.perceptron" # the oracle for hidden tests: a module, or a solution
                                       # file in this folder ("solution.py"/".ipynb", with
                                       # ### BEGIN/END SOLUTION markers; see
                                       # grader/run/reference.py)
    due = 2027-02-14T23:59:00-05:00    # optional, with its zone; usually left out and set per
                                       # term: grader grade/generate --due or --course
    uses_torch = false                 # preload torch in the worker

    [limits]                           # all optional, defaults below
    call_timeout = 10                  # wall-clock seconds per call into student code
    submission_timeout = 120           # seconds for all tests of one submission
    cpu_factor = 100                   # a call may also use at most this many times the
                                       # reference solution's time for the same test, in CPU
    min_cpu_seconds = 0.5              # seconds, but never less than this (0: factor off)
    min_cpu_seconds_after_timeout = 0.1  # ... or this, from a submission's second timeout on
    cpu_allowance = 0.25               # CPU seconds a fresh worker's calls may use beyond their
                                       # limits, once (one-time costs: a first import, a cache)
    load_cpu_seconds = 5               # CPU seconds for all top-level code of a submission
    memory_mb = 2048                   # address-space limit of the worker
    ...

    [load]                             # optional: how top-level code is loaded
    seed_cells = 42                    # seed random and numpy before every cell of a
                                       # submission, as Otter Grader's intercell seeding
                                       # does (`grader import otter` writes it); default: none

    [late_policy]                      # optional
    grace_minutes = 15
    penalty_per_day = 0.1              # fraction of max score per started day late
    max_days_late = 7                  # later than this scores 0
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from datetime import datetime
from pathlib import Path
from typing import Any

from grader.deadlines import DeadlineError, parse_moment
from grader.paths import NoBundledAssignments, assignments_dir


class ConfigError(Exception):
    """An invalid assignment.toml; the message names the file, the key and the fix."""


@dataclass(frozen=True)
class Limits:
    """Resource limits for one submission's worker."""

    call_timeout: float = 10.0
    """Wall-clock seconds one call into student code may take."""
    cpu_factor: float = 100.0
    """A call may use at most this many times the reference solution's longest call in the
    same test, in CPU seconds of the sandbox (grader.run.calibrate; 0 turns this off). It is a
    CPU-time limit, so a busy machine does not make a student's code time out."""
    min_cpu_seconds: float = 0.5
    """The CPU limit of `cpu_factor` is never below this; 0 turns the CPU limit off."""
    min_cpu_seconds_after_timeout: float = 0.1
    """The floor once two calls of the same submission have timed out (an endless loop in a
    helper every function uses would otherwise cost min_cpu_seconds in every test). A first
    timeout lowers nothing: it may have been a one-time cost."""
    cpu_allowance: float = 0.25
    """CPU seconds the calls of one worker process may use beyond their CPU limits, together
    (one-time costs: a first import, a cache filled once, pages touched after the fork). A
    call that reaches its limit goes on while the allowance lasts; one that draws on it leaves
    none for the worker's later calls. A worker restarted after a timeout gets it afresh,
    until the submission's second timeout; 0 turns it off."""
    load_cpu_seconds: float = 5.0
    """CPU seconds of the sandbox that the submission's top-level code may use while it is
    loaded, all cells together (a notebook that trains at the top level); a cell still running
    then is stopped and the cells after it get a moment each. 0: the wall-clock limits of the
    load alone (call_timeout per cell, a quarter of submission_timeout in all)."""
    submission_timeout: float = 120.0
    """Wall-clock seconds for all tests of one submission together."""
    memory_mb: int = 2048
    """Address-space limit (RLIMIT_AS). torch needs about 650 MiB."""
    cpu_seconds: int = 300
    """CPU-time limit (RLIMIT_CPU) of the worker."""
    file_size_mb: int = 16
    """Largest file the student's code may write (RLIMIT_FSIZE)."""
    open_files: int = 256
    """Open file descriptors (RLIMIT_NOFILE)."""
    processes: int = 64
    """Processes/threads of the sandbox user (RLIMIT_NPROC)."""
    output_kb: int = 64
    """Captured stdout/stderr kept per submission; the rest is discarded."""


SEED_RANGE = 2**32
"""numpy.random.seed takes 0 <= seed < 2**32."""


@dataclass(frozen=True)
class Load:
    """How a submission's top-level code is loaded ([load])."""

    seed_cells: int | None = None
    """Before each cell of a submission runs (a .py file is one cell), `random` and numpy's
    global generator are seeded with this (random.seed, numpy.random.seed), as Otter Grader
    does when its assignment config sets a seed; random draws in a student's cells then give
    the values the tests expect. None: the cells run as written."""


@dataclass(frozen=True)
class LatePolicy:
    """Deduction for late submissions."""

    grace_minutes: float = 0.0
    penalty_per_day: float = 0.0
    """Fraction of the maximum score deducted per started day after the grace period."""
    max_days_late: float | None = None
    """Submissions later than this many days score 0 (None: no cut-off)."""


@dataclass(frozen=True)
class Assignment:
    """One assignment folder, validated."""

    name: str
    folder: Path
    title: str
    module: str
    reference: str
    """A dotted module name, or the absolute path of a solution file in the folder."""
    due: datetime | None = None
    uses_torch: bool = False
    show_hidden_mistakes: bool = True
    """A hidden test's named mistake and fix hint are shown to the student (never its inputs,
    expected values or message): [assignment] show_hidden_mistakes = false withholds them."""
    automatic_mistakes: bool = True
    """A failing test nothing else names is replayed on the single-point changes of the
    reference (grader.run.automatic), whose names quote the reference's code:
    [assignment] automatic_mistakes = false turns them off."""
    limits: Limits = field(default_factory=Limits)
    load: Load = field(default_factory=Load)
    late_policy: LatePolicy = field(default_factory=LatePolicy)
    reference_seconds: tuple[tuple[str, float], ...] = ()
    """(visible test, the reference's longest call in it): a release's [reference_seconds]
    table, written by `grader generate`, so `grader check` applies the CPU limits grading will
    (grader.run.calibrate). Empty in an instructor's folder: a batch measures them itself."""

    @property
    def visible_tests_path(self) -> Path:
        return self.folder / "visible_tests.py"

    @property
    def hidden_tests_path(self) -> Path:
        return self.folder / "hidden_tests.py"

    @property
    def submission_names(self) -> tuple[str, str]:
        """The file names a student may submit."""
        return f"{self.module}.py", f"{self.module}.ipynb"


def _section(data: dict[str, Any], key: str, path: Path) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: [{key}] must be a table, got {type(value).__name__}")
    return value


def _dataclass_from(cls: type, table: dict[str, Any], section: str, path: Path) -> Any:
    known = {f.name: f for f in fields(cls)}
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in known:
            raise ConfigError(
                f"{path}: unknown key {section}.{key}; known keys: {', '.join(known)}"
            )
        default = known[key].default
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ConfigError(f"{path}: {section}.{key} must be a number, got {value!r}")
        if value < 0:
            raise ConfigError(f"{path}: {section}.{key} must be >= 0, got {value!r}")
        whole = isinstance(default, int) and float(value).is_integer()
        values[key] = int(value) if whole else value
    return cls(**values)


def _parse_due(value: Any, path: Path) -> datetime | None:
    """An optional due date; it must carry its zone (nothing is graded with a guessed time).
    Bundled assignments have none: a course sets its calendar with --due or --course."""
    if value is None:
        return None
    try:
        return parse_moment(value, f"{path}: assignment.due")
    except DeadlineError as exc:
        raise ConfigError(str(exc)) from None


def load_assignment(folder: Path) -> Assignment:
    """Parse and validate `folder/assignment.toml`."""
    path = folder / "assignment.toml"
    if not path.is_file():
        raise ConfigError(f"{path}: not found; every assignment folder needs an assignment.toml")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    unknown = set(data) - {"assignment", "limits", "load", "late_policy", "reference_seconds"}
    if unknown:
        raise ConfigError(
            f"{path}: unknown table(s) {sorted(unknown)}; "
            "known: [assignment], [limits], [load], [late_policy], [reference_seconds]"
        )
    main = _section(data, "assignment", path)
    for key in ("title", "module", "reference"):
        if not isinstance(main.get(key), str) or not main[key].strip():
            raise ConfigError(f"{path}: assignment.{key} is required and must be a string")
    if not main["module"].isidentifier():
        raise ConfigError(
            f"{path}: assignment.module {main['module']!r} must be a Python module name"
        )
    allowed = {"title", "module", "reference", "due", "uses_torch", "show_hidden_mistakes",
               "automatic_mistakes"}
    extra = set(main) - allowed
    if extra:
        raise ConfigError(
            f"{path}: unknown key(s) assignment.{sorted(extra)}; known: {sorted(allowed)}"
        )
    reference = main["reference"]
    # a solution file in the folder (grader.run.reference)
    if reference.endswith((".py", ".ipynb")):
        if Path(reference).is_absolute() or ".." in Path(reference).parts:
            raise ConfigError(f"{path}: assignment.reference {reference!r} must name a file "
                              "inside the assignment folder, e.g. \"solution.py\"")
        reference = str((folder / reference).resolve())
    uses_torch = main.get("uses_torch", False)
    if not isinstance(uses_torch, bool):
        raise ConfigError(f"{path}: assignment.uses_torch must be true or false")
    show_hidden_mistakes = main.get("show_hidden_mistakes", True)
    if not isinstance(show_hidden_mistakes, bool):
        raise ConfigError(f"{path}: assignment.show_hidden_mistakes must be true or false")
    automatic_mistakes = main.get("automatic_mistakes", True)
    if not isinstance(automatic_mistakes, bool):
        raise ConfigError(f"{path}: assignment.automatic_mistakes must be true or false")
    return Assignment(
        name=folder.name,
        folder=folder,
        title=main["title"],
        module=main["module"],
        reference=reference,
        due=_parse_due(main.get("due"), path),
        uses_torch=uses_torch,
        show_hidden_mistakes=show_hidden_mistakes,
        automatic_mistakes=automatic_mistakes,
        limits=_dataclass_from(Limits, _section(data, "limits", path), "limits", path),
        load=_load(_section(data, "load", path), path),
        late_policy=_dataclass_from(
            LatePolicy, _section(data, "late_policy", path), "late_policy", path
        ),
        reference_seconds=_reference_seconds(_section(data, "reference_seconds", path), path),
    )


def _load(table: dict[str, Any], path: Path) -> Load:
    unknown = set(table) - {"seed_cells"}
    if unknown:
        raise ConfigError(f"{path}: unknown key(s) load.{sorted(unknown)}; known: ['seed_cells']")
    seed = table.get("seed_cells")
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)
                             or not 0 <= seed < SEED_RANGE):
        raise ConfigError(f"{path}: load.seed_cells must be a whole number from 0 to "
                          f"{SEED_RANGE - 1} (numpy's seeds), got {seed!r}; leave it out to run "
                          "the cells unseeded")
    return Load(seed_cells=seed)


def _reference_seconds(table: dict[str, Any], path: Path) -> tuple[tuple[str, float], ...]:
    for name, value in table.items():
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise ConfigError(f"{path}: reference_seconds.{name} must be a number of seconds "
                              f">= 0, got {value!r} (regenerate the release with "
                              "`grader generate`)")
    return tuple((name, float(value)) for name, value in table.items())


def find_assignment(name_or_path: str) -> Assignment:
    """An assignment by bundled name (e.g. 'perceptron') or by folder path."""
    candidate = Path(name_or_path)
    if candidate.is_dir():
        return load_assignment(candidate.resolve())
    try:
        bundled = assignments_dir()
    except NoBundledAssignments as exc:
        raise ConfigError(f"no assignment {name_or_path!r}: not a folder, and {exc}") from None
    folder = bundled / name_or_path
    if folder.is_dir():
        return load_assignment(folder)
    known = sorted(p.name for p in bundled.iterdir() if (p / "assignment.toml").is_file())
    raise ConfigError(
        f"no assignment {name_or_path!r}: not a folder, and not one of the bundled "
        f"assignments ({', '.join(known) or 'none yet'})"
    )


def bundled_name(assignment: Assignment) -> str | None:
    """The bundled name of `assignment` when it is one of this installation's bundled
    assignments (not a same-named folder elsewhere), else None."""
    try:
        bundled = assignments_dir().resolve()
    except NoBundledAssignments:
        return None
    folder = assignment.folder.resolve()
    return assignment.name if folder.parent == bundled else None
