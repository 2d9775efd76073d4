"""The student build (`python -m grader.authoring.student_build`): what the wheel holds, and that a
student who installs only it can check a release but cannot reach the course.

The slow tests install the wheel with `pip install --no-deps` into a fresh venv. Its
dependencies come from the dev venv through a .pth line (a plain path entry: the dev install's
editable `grader` and `reference` stay invisible, which the tests verify). The sandbox cannot
see the dev venv, so numpy (all the perceptron worker needs) is hard-linked into the new venv's
site-packages, which the sandbox binds: that way `grader check` runs under bubblewrap.
"""

from __future__ import annotations

import ast
import base64
import hashlib
import os
import shutil
import subprocess
import sys
import sysconfig
import textwrap
import tomllib
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

import grader.paths
from grader.authoring.student_build import (
    DISTRIBUTION,
    STUDENT_PACKAGES,
    StudentBuildError,
    build_student_wheel,
    student_requirements,
)
from grader.cli.main import main
from grader.config import ConfigError, find_assignment
from grader.paths import STUDENT_BUILD_NOTE, NoBundledAssignments
from grader.sandbox.bwrap import bwrap_works

REPO = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
NO_COURSE = ("no assignment 'perceptron': not a folder, and this build of nn-grader has no "
             "bundled assignments and no reference solutions (it is the student build); pass "
             "the release folder you were given instead, e.g. `grader check . perceptron.py` "
             "inside it")
"""What `grader check perceptron x.py` says on the student build."""
COURSE_ONLY = ("pandas", "scipy", "dask", "distributed", "pyarrow", "openpyxl")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_student_wheel(tmp_path_factory.mktemp("dist"))


def members(wheel: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(wheel) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def dist_info_file(wheel: Path, name: str) -> str:
    version = PYPROJECT["project"]["version"]
    return members(wheel)[f"nn_grader_student-{version}.dist-info/{name}"].decode()


# --------------------------------------------------------------------------- the wheel itself


def test_wheel_name_follows_the_distribution_and_version(wheel: Path) -> None:
    version = PYPROJECT["project"]["version"]
    assert wheel.name == f"nn_grader_student-{version}-py3-none-any.whl"


def test_wheel_holds_the_student_packages_and_every_template(wheel: Path) -> None:
    """A subset of packages (STUDENT_PACKAGES, each with its own modules), not a filtered copy:
    every module of a chosen package, no module of another."""
    names = set(members(wheel))
    chosen = {f"{p.replace('.', '/')}/{f.name}" for p in STUDENT_PACKAGES
              for f in (REPO.joinpath(*p.split("."))).glob("*.py")}
    every = {f"grader/{p.relative_to(REPO / 'grader').as_posix()}"
             for p in (REPO / "grader").rglob("*.py") if "__pycache__" not in p.parts}
    templates = {f"grader/_data/templates/{p.relative_to(REPO / 'templates').as_posix()}"
                 for p in (REPO / "templates").rglob("*") if p.is_file()}
    assert {"grader/cli/main.py", "grader/sandbox/inside/worker.py", "grader/cli/check.py",
            "grader/student/check.py", "grader/_data/templates/notebook/check.py.j2"} <= names
    assert chosen <= names and templates <= names
    assert {n for n in names if n.endswith(".py") and not n.startswith("grader/_data/")} \
        == chosen
    left_out = {n.split("/")[1] for n in every - chosen}
    assert left_out == {"authoring", "batch", "report", "store"}
    assert not any(n.endswith((".pyc", ".pyo")) or "__pycache__" in n for n in names)


def test_the_student_packages_run_check_without_the_left_out_ones(tmp_path: Path) -> None:
    """`grader check` of the toy release imports no module of a package the student build
    leaves out (the import-linter contract proves it for every import; this runs it)."""
    probe = textwrap.dedent("""
        import sys
        from grader.cli.main import main
        from grader.student.check import check_here
        try:
            main(["check", "--help"], standalone_mode=False)
        except SystemExit:
            pass
        import grader.cli.check, grader.run.runner, grader.collect.entries
        print("LOADED", sorted({m.split(".")[1] for m in sys.modules if m.startswith("grader.")}))
    """)
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          cwd=REPO, check=True)
    line = done.stdout.splitlines()[-1]
    assert line.startswith("LOADED ")
    loaded = set(ast.literal_eval(line.removeprefix("LOADED ")))
    assert not loaded & {"authoring", "batch", "report", "store"}, loaded


def test_wheel_has_no_reference_no_assignments_no_hidden_tests(wheel: Path) -> None:
    names = list(members(wheel))
    assert not [n for n in names if n.split("/")[0] == "reference"]
    assert not [n for n in names if "assignments" in n.split("/")]
    assert not [n for n in names if n.endswith("hidden_tests.py") or "/demo/" in n
                or "mutants" in n]


def reference_bodies() -> dict[str, list[str]]:
    """Per reference function: the lines of its body (docstring dropped) longer than 20
    characters, stripped: the text a leak would carry."""
    bodies: dict[str, list[str]] = {}
    for path in sorted((REPO / "reference").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            body = node.body[1:] if ast.get_docstring(node) else node.body
            lines = [line.strip() for stmt in body
                     for line in (ast.get_source_segment(source, stmt) or "").splitlines()]
            bodies[f"{path.name}:{node.name}"] = [line for line in lines if len(line) > 20]
    return bodies


def test_no_file_of_the_wheel_contains_a_reference_function_body(wheel: Path) -> None:
    bodies = reference_bodies()
    assert len(bodies) > 30, "the reference package was not read"
    texts = {n: data.decode("utf-8", "replace") for n, data in members(wheel).items()}
    leaks = []
    for function, lines in bodies.items():
        distinctive = [line for line in lines if len(line) > 40]
        for name, text in texts.items():
            found = [line for line in distinctive if line in text]
            # a whole body, or two of its distinctive lines, would give the solution away
            if (lines and all(line in text for line in lines)) or len(found) >= 2:
                leaks.append(f"{function} in {name}: {found or lines}")
    assert leaks == []


def test_metadata_names_the_student_distribution_and_pins_torch(wheel: Path) -> None:
    meta = dist_info_file(wheel, "METADATA").splitlines()
    assert "Name: nn-grader-student" in meta
    assert f"Version: {PYPROJECT['project']['version']}" in meta
    requires = [line.removeprefix("Requires-Dist: ") for line in meta
                if line.startswith("Requires-Dist: ")]
    pinned = [d for d in PYPROJECT["project"]["dependencies"] if d.startswith("torch")]
    assert pinned == ["torch==2.13.0"]
    assert "torch==2.13.0" in requires
    assert sorted(r.split(">")[0].split("=")[0] for r in requires) == sorted(
        ["numpy", "torch", "nbformat", "jinja2", "click", "rich", "matplotlib"])
    assert not [r for r in requires if r.startswith(COURSE_ONLY)]


def test_entry_point_and_wheel_file_make_an_installable_purelib_wheel(wheel: Path) -> None:
    entry = dist_info_file(wheel, "entry_points.txt")
    assert entry == "[console_scripts]\ngrader = grader.cli.main:main\n"
    assert "Root-Is-Purelib: true" in dist_info_file(wheel, "WHEEL")
    assert "Tag: py3-none-any" in dist_info_file(wheel, "WHEEL")


def test_record_lists_every_file_with_its_sha256_and_size(wheel: Path) -> None:
    files = members(wheel)
    record = dist_info_file(wheel, "RECORD").splitlines()
    listed = {}
    for line in record:
        name, digest, size = line.rsplit(",", 2)
        listed[name] = (digest, size)
    assert set(listed) == set(files)
    for name, data in files.items():
        if name.endswith("/RECORD"):
            assert listed[name] == ("", "")
            continue
        expected = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        assert listed[name] == (f"sha256={expected}", str(len(data))), name


def test_building_twice_gives_the_same_bytes(wheel: Path, tmp_path: Path) -> None:
    assert build_student_wheel(tmp_path).read_bytes() == wheel.read_bytes()


def test_student_requirements_name_a_missing_dependency() -> None:
    with pytest.raises(StudentBuildError, match=r"lacks rich, torch, which the student build"):
        student_requirements(["numpy>=1.26", "nbformat>=5.9", "jinja2>=3.1", "click>=8.1",
                              "matplotlib>=3.8", "pandas>=2.1"])
    kept = student_requirements(PYPROJECT["project"]["dependencies"])
    assert "pandas>=2.1" not in kept and "torch==2.13.0" in kept


def test_module_entry_point_writes_the_wheel(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "grader.authoring.student_build", "--out",
                           str(tmp_path / "dist")], capture_output=True, text=True,
                          check=False, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert [p.name for p in (tmp_path / "dist").iterdir()] == [
        f"nn_grader_student-{PYPROJECT['project']['version']}-py3-none-any.whl"]


# ------------------------------------------------------ graceful degradation, in this process


@pytest.fixture
def no_course(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The package as the student wheel lays it out: templates in _data, no assignments."""
    package = tmp_path / "site-packages" / "grader"
    (package / "_data").mkdir(parents=True)
    (package / "_data" / "templates").symlink_to(REPO / "templates")
    monkeypatch.setattr(grader.paths, "_PACKAGE", package)
    return package


def test_assignments_dir_says_this_is_the_student_build(no_course: Path) -> None:
    with pytest.raises(NoBundledAssignments) as info:
        grader.paths.assignments_dir()
    assert isinstance(info.value, FileNotFoundError)
    assert str(info.value) == STUDENT_BUILD_NOTE
    assert not grader.paths.has_bundled_assignments()
    assert grader.paths.templates_dir() == no_course / "_data" / "templates"


def test_find_assignment_by_name_fails_with_the_fix(no_course: Path, tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        find_assignment("perceptron")
    assert str(info.value) == NO_COURSE


def test_student_build_lacks_names_only_a_missing_reference_module(no_course: Path) -> None:
    assert grader.paths.student_build_lacks("reference.perceptron") is None  # importable here
    assert grader.paths.student_build_lacks("/course/a/solution.py") is None  # a file
    assert grader.paths.student_build_lacks("no_such_course.perceptron") == (
        "the reference module 'no_such_course.perceptron' is not installed: "
        + grader.paths.INSTRUCTOR_ONLY_NOTE)


def test_instructor_build_keeps_its_own_messages() -> None:
    assert grader.paths.student_build_lacks("no_such_course.perceptron") is None


def test_bundled_assignments_are_found_in_the_checkout() -> None:
    assert grader.paths.has_bundled_assignments()
    assert find_assignment("perceptron").name == "perceptron"


@pytest.mark.parametrize(("args", "code", "message"), [
    (["check", "perceptron", "x.py"], 2, f"Invalid value for 'ASSIGNMENT': {NO_COURSE}"),
    (["generate", "perceptron", "--out", "r"], 1, f"Error: {NO_COURSE}"),
    (["validate", "perceptron"], 1, f"Error: {NO_COURSE}"),
    (["demo", "--out", "d"], 1, "Error: the demo grades the bundled assignments, and this "
     "build of nn-grader has none (it is the student build, without the course); install "
     "nn-grader itself"),
])
def test_verbs_that_need_the_course_say_so(no_course: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch, args: list[str],
                                           code: int, message: str) -> None:
    (tmp_path / "x.py").write_text("")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == code, result.output
    assert message in " ".join(result.output.split())
    assert result.exception is None or isinstance(result.exception, SystemExit)


# ------------------------------------------------------------------ installed in a fresh venv


def run(venv: Path, *args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "VIRTUAL_ENV", "NN_GRADER_SANDBOX")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, check=False,
                          cwd=cwd, env=env, timeout=300)


def install_without_dependencies(wheel: Path, venv: Path) -> Path:
    """A fresh venv with only the wheel, and the dev venv's site-packages on its path through
    a .pth line (outside the venv: the sandbox cannot see it); returns its site-packages."""
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    done = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q",
                           "--no-deps", "--no-index", str(wheel)],
                          capture_output=True, text=True, check=False, timeout=300)
    assert done.returncode == 0, done.stderr
    site = Path(subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()"
         "['purelib'])"], capture_output=True, text=True, check=True).stdout.strip())
    dev_site = Path(sysconfig.get_paths()["purelib"])
    (site / "_dev_dependencies.pth").write_text(f"{dev_site}\n")
    return site


@pytest.fixture(scope="module")
def student_venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    venv = tmp_path_factory.mktemp("student") / "venv"
    site = install_without_dependencies(wheel, venv)
    dev_site = Path(sysconfig.get_paths()["purelib"])
    for name in ("numpy", "numpy.libs"):  # what the sandboxed perceptron worker imports
        if (dev_site / name).is_dir():
            shutil.copytree(dev_site / name, site / name, copy_function=os.link)
    return venv


@pytest.fixture(scope="module")
def release(student_venv: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`grader generate perceptron` with the dev grader, plus the reference as sol.py."""
    folder = tmp_path_factory.mktemp("release") / "perceptron"
    result = CliRunner().invoke(main, ["generate", "perceptron", "--out", str(folder)])
    assert result.exit_code == 0, result.output
    shutil.copy(REPO / "reference" / "perceptron.py", folder / "sol.py")
    return folder


@pytest.mark.slow
def test_installed_wheel_is_the_grader_and_has_no_reference(student_venv: Path,
                                                            tmp_path: Path) -> None:
    probe = textwrap.dedent("""
        import importlib.metadata, importlib.util, sys
        import grader, grader.paths
        print(grader.__file__)
        print(importlib.util.find_spec("reference"))
        print(grader.paths.has_bundled_assignments())
        print(importlib.metadata.version("nn-grader-student"))
        from grader.sandbox.bwrap import installed_folders
        print([str(p) for p in installed_folders("nn-grader-student")])
    """)
    done = run(student_venv, student_venv / "bin" / "python", "-c", probe, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    path, spec, bundled, version, folders = done.stdout.splitlines()
    site_grader = Path(path).parent
    assert site_grader.is_relative_to(student_venv)
    assert spec == "None"  # `import reference` fails
    assert bundled == "False"
    assert version == PYPROJECT["project"]["version"]
    assert folders == repr([str(site_grader.resolve())])  # what the sandbox masks
    assert DISTRIBUTION == "nn-grader-student"


def check_in(student_venv: Path, release: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run(student_venv, student_venv / "bin" / "grader", "check", *args, cwd=release)


@pytest.mark.slow
def test_installed_check_of_the_stub_fails_every_visible_test(student_venv: Path,
                                                             release: Path) -> None:
    done = check_in(student_venv, release, ".", "perceptron.py")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "0 of 6 visible tests passed" in done.stdout
    assert "add_bias: replace this line with your code" in done.stdout
    assert "could not be run" not in done.stdout  # the sandbox started and loaded the stub
    # bubblewrap where it works here, else the loud fallback warning
    assert ("WITHOUT bubblewrap" in done.stderr) is (not bwrap_works())


@pytest.mark.slow
def test_installed_check_of_the_reference_passes(student_venv: Path, release: Path) -> None:
    done = check_in(student_venv, release, ".", "sol.py")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "6 of 6 visible tests passed" in done.stdout
    assert ("WITHOUT bubblewrap" in done.stderr) is (not bwrap_works())


@pytest.mark.slow
def test_installed_check_of_a_bundled_name_explains_the_build(student_venv: Path,
                                                              release: Path) -> None:
    done = check_in(student_venv, release, "perceptron", "sol.py")
    assert done.returncode == 2
    assert NO_COURSE in " ".join(done.stderr.split())
    assert "Traceback" not in done.stderr


LACKS = ("which the student build of nn-grader leaves out: this is the student build of "
         "nn-grader, without reference solutions and bundled assignments; grade, generate and "
         "validate with nn-grader itself")


@pytest.mark.slow
@pytest.mark.parametrize(("args", "message"), [
    (["demo", "--out", "d"], f"`grader demo` needs grader.authoring, {LACKS}"),
    (["grade", ".", "subs", "--out", "g"], f"`grader grade` needs grader.batch, {LACKS}"),
    (["generate", ".", "--out", "r"], f"`grader generate` needs grader.authoring, {LACKS}"),
    (["validate", "."], f"`grader validate` needs grader.authoring, {LACKS}"),
])
def test_installed_instructor_verbs_fail_without_a_traceback(
        student_venv: Path, release: Path, tmp_path: Path, args: list[str], message: str,
) -> None:
    work = tmp_path / "work"
    shutil.copytree(release, work)
    (work / "subs").mkdir()
    shutil.copy(release / "sol.py", work / "subs" / "alice.py")
    done = run(student_venv, student_venv / "bin" / "grader", *args, cwd=work)
    assert done.returncode == 1, done.stdout + done.stderr
    assert message in " ".join(done.stderr.split())
    assert "Traceback" not in done.stderr


@pytest.mark.slow
def test_installed_check_and_check_cells_need_no_course_only_packages(
        student_venv: Path, release: Path) -> None:
    probe = textwrap.dedent("""
        import sys
        from pathlib import Path
        from grader.cli.main import main
        names = sys.argv[1:]
        try:
            main(["check", ".", "sol.py"], standalone_mode=False)
        except SystemExit:
            pass
        from grader.student.check import check_here
        namespace = {}
        exec(Path("sol.py").read_text(), namespace)
        lines = check_here("train_perceptron", namespace, Path("."), echo=False)
        print("CELL", sum(line.passed for line in lines), len(lines))
        print("LOADED", sorted(m for m in names if m in sys.modules))
    """)
    done = run(student_venv, student_venv / "bin" / "python", "-c", probe, *COURSE_ONLY,
               cwd=release)
    assert done.returncode == 0, done.stderr
    cell = next(line for line in done.stdout.splitlines() if line.startswith("CELL"))
    passed, total = map(int, cell.split()[1:])
    assert total >= 1 and passed == total
    assert "LOADED []" in done.stdout


KERNEL_PROBE = textwrap.dedent("""
    import sys
    import nbclient, nbformat
    notebook = nbformat.read(sys.argv[1], as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell(
        "import grader, sys; print('KERNEL', grader.__file__, sys.executable)"))
    nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": "."}}).execute()
    for cell in notebook.cells:
        if cell.cell_type == "code" and (cell.metadata.get("nn_grader", {}).get("role")
                                         in ("check", None)):
            print("".join(o.get("text", "") for o in cell.outputs
                          if o.output_type == "stream").strip())
""")


@pytest.mark.slow
@pytest.mark.parametrize("solved", [False, True], ids=["stub", "solution"])
def test_installed_notebook_check_cells_run_in_a_kernel_of_the_student_venv(
        student_venv: Path, release: Path, tmp_path: Path, solved: bool) -> None:
    pytest.importorskip("nbclient")
    import nbformat

    from grader.authoring.notebook import solution_notebook

    work = tmp_path / "release"
    shutil.copytree(release, work)
    if solved:  # the dev grader fills in the reference, as a student would have
        solved_notebook = solution_notebook(find_assignment("perceptron"))
        text = nbformat.writes(solved_notebook)  # type: ignore[no-untyped-call]
        (work / "solved.ipynb").write_text(text)
    name = "solved.ipynb" if solved else "perceptron.ipynb"
    done = run(student_venv, student_venv / "bin" / "python", "-c", KERNEL_PROBE, name,
               cwd=work)
    assert done.returncode == 0, done.stderr[-2000:]
    kernel = next(line for line in done.stdout.splitlines() if line.startswith("KERNEL"))
    _, grader_file, executable = kernel.split()
    assert Path(grader_file).is_relative_to(student_venv)
    assert Path(executable).parent == student_venv / "bin"
    summaries = [line for line in done.stdout.splitlines() if " visible tests passed " in line]
    assert len(summaries) == 5  # one check cell per graded function of perceptron
    if solved:
        assert all(line.split(": ")[1].startswith(("1 of 1 ", "2 of 2 ")) for line in summaries)
    else:
        assert all(line.split(": ")[1].startswith("0 of ") for line in summaries)
        assert "add_bias is not implemented yet" in done.stdout


@pytest.mark.slow
@pytest.mark.skipif(not bwrap_works(), reason="the sandbox's view needs bubblewrap")
def test_dependencies_outside_the_environment_are_named_as_the_installation_fault(
        wheel: Path, release: Path, tmp_path: Path) -> None:
    """numpy only on a path outside the grader's environment: the sandbox cannot import it,
    and the student reads that the installation is at fault and how to fix it."""
    venv = tmp_path / "venv"
    install_without_dependencies(wheel, venv)
    done = check_in(venv, release, ".", "perceptron.py")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "ModuleNotFoundError: No module named 'numpy'" in done.stdout
    assert "This is the grader's installation, not your code" in done.stdout
    assert f"the Python environment the grader runs from ({venv})" in done.stdout
