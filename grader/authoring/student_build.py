"""The student build: a wheel of `grader` and its templates without the course.

`python -m grader.authoring.student_build --out dist` (or `make student-wheel`) writes
`dist/nn_grader_student-<version>-py3-none-any.whl`, distribution name `nn-grader-student`.
It holds the packages of `grader` that `grader check` and the release notebook's check cells
need (STUDENT_PACKAGES: the stages up to `run`, `student`, and the CLI), chosen by package,
`grader/_data/templates/` and the `grader` console script; never `batch`, `store`, `report` or
`authoring` (the import-linter contract "the student build ..." in pyproject.toml keeps the
chosen packages from importing them), the `reference` package or the `assignments` folder
(hidden tests, reference solutions, the demo class). Students run `grader check <release
folder> <module>.py` and the check cells with it; instructor verbs say they need nn-grader
itself and exit 1 (grader.cli.main).

The wheel is written with `zipfile` per the wheel spec (PEP 427 / PEP 491): `METADATA`,
`WHEEL`, `entry_points.txt` and a `RECORD` of sha256 digests. Its dependencies are those of
`pyproject.toml` that `grader check` and the check cells need, with the same pins (torch stays
`==` the course's version: torch assignments import it in the worker).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import re
import sys
import tomllib
import zipfile
from collections.abc import Iterator
from pathlib import Path

DISTRIBUTION = "nn-grader-student"
"""The student build's distribution name (`pip install nn-grader-student-...whl`)."""
STUDENT_DEPENDENCIES = ("numpy", "torch", "nbformat", "jinja2", "click", "rich", "matplotlib")
"""Requirements of pyproject.toml the student build keeps: check (numpy, click, rich, jinja2
for the notebook cells, nbformat for .ipynb submissions), plot cells (matplotlib), torch
assignments (torch). Not pandas, dask, pyarrow, openpyxl, scipy: report/export/grading only."""
STUDENT_PACKAGES = ("grader", "grader.cli", "grader.student", "grader.run", "grader.sandbox",
                    "grader.sandbox.inside", "grader.checks", "grader.collect")
"""The packages of the student build, each with its own modules only (not its subpackages:
a new subpackage is chosen here or left out). Not grader.batch, grader.store, grader.report,
grader.authoring: grading a class, its records, pages and exports, and the instructor's tools."""
_ZIP_TIME = (2020, 1, 1, 0, 0, 0)  # fixed timestamps: the same tree gives the same wheel


class StudentBuildError(Exception):
    """The checkout cannot be turned into a student wheel; says why."""


def project_root() -> Path:
    """The source checkout this module sits in (pyproject.toml beside the grader package)."""
    root = Path(__file__).resolve().parents[2]  # grader/authoring/student_build.py
    if not (root / "pyproject.toml").is_file() or not (root / "templates").is_dir():
        raise StudentBuildError(
            f"{root}: no pyproject.toml and templates/ here; build the student wheel from a "
            "source checkout of nn-grader, not from an installed copy")
    return root


def _requirement_name(requirement: str) -> str:
    match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
    if match is None:
        raise StudentBuildError(f"pyproject.toml: cannot read the requirement {requirement!r}")
    return re.sub(r"[-_.]+", "-", match.group(1)).lower()


def student_requirements(dependencies: list[str]) -> list[str]:
    """The project's requirements, as written there, that the student build keeps."""
    kept = [d.strip() for d in dependencies if _requirement_name(d) in STUDENT_DEPENDENCIES]
    missing = set(STUDENT_DEPENDENCIES) - {_requirement_name(d) for d in kept}
    if missing:
        raise StudentBuildError(
            f"pyproject.toml: project.dependencies lacks {', '.join(sorted(missing))}, which "
            "the student build needs (grader.authoring.student_build.STUDENT_DEPENDENCIES)")
    return kept


def package_files(root: Path) -> Iterator[tuple[str, Path]]:
    """(path in the wheel, file on disk): the modules of STUDENT_PACKAGES, then the templates as
    grader/_data/templates/."""
    for package in STUDENT_PACKAGES:
        folder = root.joinpath(*package.split("."))
        if not (folder / "__init__.py").is_file():
            raise StudentBuildError(f"{folder}: the student package {package} is missing "
                                    "(grader.authoring.student_build.STUDENT_PACKAGES)")
        for path in sorted(folder.glob("*.py")):
            yield f"{package.replace('.', '/')}/{path.name}", path
    top = root / "templates"
    for path in sorted(top.rglob("*")):
        relative = path.relative_to(top)
        if path.is_file() and "__pycache__" not in relative.parts:
            yield f"grader/_data/templates/{relative.as_posix()}", path


def metadata(project: dict[str, object], requirements: list[str]) -> str:
    lines = [
        "Metadata-Version: 2.1",
        f"Name: {DISTRIBUTION}",
        f"Version: {project['version']}",
        "Summary: nn-grader for students: `grader check` and the notebook check cells, "
        "without the course's hidden tests and reference solutions.",
        f"Requires-Python: {project.get('requires-python', '>=3.11')}",
        "License: MIT",
        *(f"Requires-Dist: {r}" for r in requirements),
    ]
    return "\n".join(lines) + "\n"


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def build_student_wheel(out: Path, root: Path | None = None) -> Path:
    """Write the student wheel into `out` (created if needed) and return its path."""
    root = project_root() if root is None else root
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    version = str(project["version"])
    requirements = student_requirements(list(project.get("dependencies", [])))
    scripts: dict[str, str] = dict(project.get("scripts", {}))
    dist_info = f"{DISTRIBUTION.replace('-', '_')}-{version}.dist-info"
    files: list[tuple[str, bytes]] = [(name, path.read_bytes())
                                      for name, path in package_files(root)]
    if not any(name == "grader/_data/templates/release/README.md.j2" for name, _ in files):
        raise StudentBuildError(f"{root / 'templates'}: the release templates are missing")
    files += [
        (f"{dist_info}/METADATA", metadata(project, requirements).encode()),
        (f"{dist_info}/WHEEL", b"Wheel-Version: 1.0\nGenerator: grader.authoring.student_build\n"
                               b"Root-Is-Purelib: true\nTag: py3-none-any\n"),
        (f"{dist_info}/entry_points.txt",
         ("[console_scripts]\n" + "".join(f"{k} = {v}\n" for k, v in scripts.items())).encode()),
    ]
    record = [_record_line(name, data) for name, data in files] + [f"{dist_info}/RECORD,,"]
    files.append((f"{dist_info}/RECORD", ("\n".join(record) + "\n").encode()))
    out.mkdir(parents=True, exist_ok=True)
    wheel = out / f"{DISTRIBUTION.replace('-', '_')}-{version}-py3-none-any.whl"
    partial = wheel.with_suffix(".whl.partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    partial.replace(wheel)
    return wheel


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m grader.authoring.student_build",
        description="Build the student wheel (nn-grader-student): the student packages of "
                    "grader and the templates, without reference/ and assignments/.")
    parser.add_argument("--out", type=Path, default=Path("dist"),
                        help="folder for the wheel (default: dist)")
    args = parser.parse_args(argv)
    try:
        wheel = build_student_wheel(args.out)
    except StudentBuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"student wheel written to {wheel}")
    print(f"students install it with: pip install {wheel.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
