"""Course CI templates: valid YAML, real `grader` commands, hidden tests kept out of reach."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from datetime import timedelta, timezone
from pathlib import Path
from typing import Any

import click
import pytest
import yaml
from click.testing import CliRunner

from grader.authoring.ci import CI_TEMPLATES, render_ci_workflow
from grader.cli.main import COMMANDS, main
from grader.report.pages import HIDDEN_NOTE
from tests.clock import NOW, days
from tests.grader.test_export import check_gradescope_schema

HIDDEN_REPO = "course-staff/nn-hidden-tests"
CASES = [
    ("github", {}),
    ("github", {"roster": "roster.csv", "canvas_id": "4711"}),
    ("gitlab", {}),
    ("gitlab", {"roster": "students.csv", "formats": ("csv", "parquet", "canvas", "gradescope"),
                "canvas_id": "99"}),
]


def render(system: str, **options: Any) -> dict[str, Any]:
    text = render_ci_workflow(system, assignment="backprop", hidden_tests_repo=HIDDEN_REPO,
                              **options)
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return data


def shell_lines(system: str, data: dict[str, Any]) -> list[str]:
    if system in ("github", "classroom"):
        job = data["jobs"]["grade" if system == "github" else "run-autograding-tests"]
        blocks = [step["run"] for step in job["steps"] if "run" in step]
    else:
        job = data["grade-backprop"]
        blocks = [*job["before_script"], *job["script"], *job["after_script"]]
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def grader_commands(system: str, data: dict[str, Any]) -> list[list[str]]:
    return [shlex.split(line)[1:] for line in shell_lines(system, data)
            if line.startswith("grader ") and line != "grader --version"]


@pytest.mark.parametrize(("system", "options"), CASES)
def test_commands_are_real_grader_commands(system, options, tmp_path, monkeypatch):
    data = render(system, **options)
    commands = grader_commands(system, data)
    verbs = [c[0] for c in commands]
    assert verbs[:2] == ["grade", "report"] and set(verbs[2:]) == {"export"}
    formats = options.get("formats", ("csv", "xlsx", "canvas"))
    if system == "gitlab":  # always first: the JUnit test report (artifacts:reports:junit)
        formats = ("junit", *(f for f in formats if f != "junit"))
    assert [c[c.index("--format") + 1] for c in commands[2:]] == list(formats)
    # every command line parses with the real click command (options, choices, paths)
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".hidden/assignments/backprop").mkdir(parents=True)
    ctx = click.Context(main)
    for verb, *args in commands:
        assert verb in COMMANDS
        command = main.get_command(ctx, verb)
        assert command is not None, f"grader {verb} is not built"
        command.make_context(verb, list(args))  # raises on an unknown option or bad value
    grade = commands[0]
    assert grade[1:3] == [".hidden/assignments/backprop", "submissions/backprop"]
    if options.get("canvas_id"):
        canvas = next(c for c in commands if "canvas" in c)
        assert canvas[-2:] == ["--canvas-id", f"backprop={options['canvas_id']}"]
    if "canvas" in formats:  # titles from the private assignment folder
        canvas = next(c for c in commands if "canvas" in c)
        assert canvas[canvas.index("--assignment") + 1] == ".hidden/assignments/backprop"


def test_github_hidden_tests_come_from_the_private_repository():
    data = render("github", roster="roster.csv")
    steps = data["jobs"]["grade"]["steps"]
    checkouts = [s for s in steps if s.get("uses", "").startswith("actions/checkout@")]
    own, hidden = checkouts
    assert "repository" not in own["with"]  # this (grading) repository: the submissions
    assert own["with"]["persist-credentials"] is False
    assert hidden["with"] == {
        "repository": HIDDEN_REPO, "ref": "main", "token": "${{ secrets.HIDDEN_TESTS_TOKEN }}",
        "path": ".hidden", "persist-credentials": False,
    }
    assert data["permissions"] == {"contents": "read"}
    triggers = data[True]  # YAML 1.1 reads the key `on` as a boolean
    assert triggers["push"]["paths"] == ["submissions/backprop/**"]
    assert "workflow_dispatch" in triggers
    collect = next(s for s in steps if s.get("name", "").startswith("Collect"))
    assert collect["env"] == {"STUDENT_REPOS_TOKEN": "${{ secrets.STUDENT_REPOS_TOKEN }}"}
    cleanup = next(s for s in steps if s.get("run") == "rm -rf .hidden")
    assert cleanup["if"] == "always()"
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    paths = upload["with"]["path"].split()
    assert paths == ["grading/backprop/reports/", "grading/backprop/export/"]
    assert steps.index(cleanup) < steps.index(upload)
    install = next(s["run"] for s in steps if s.get("name", "").startswith("Install"))
    assert "apt-get install -y -qq bubblewrap" in install
    assert "kernel.apparmor_restrict_unprivileged_userns=0" in install
    assert 'pip install --quiet ".hidden/wheels/nn_grader-0.1.0-py3-none-any.whl"' in install
    cache = next(s for s in steps if s.get("uses", "").startswith("actions/cache@"))
    assert cache["with"]["path"] == "~/.cache/pip"
    assert cache["with"]["key"].startswith("nn-grader-pip-py3.11-torch2.13.0-")
    names = [s.get("name", s.get("uses")) for s in steps]
    assert names.index("Fetch the hidden tests (private repository)") < names.index(
        "Install the sandbox and the grader")  # the default wheel comes from there


def test_gitlab_hidden_tests_come_from_the_private_project():
    data = render("gitlab")
    job = data["grade-backprop"]
    clone = next(line for line in job["before_script"] if line.startswith("git clone"))
    assert f"@gitlab.com/{HIDDEN_REPO}.git" in clone and "${HIDDEN_TESTS_TOKEN}" in clone
    assert shlex.split(clone)[-1] == ".hidden"
    assert job["after_script"] == ["rm -rf .hidden"]
    assert job["artifacts"]["paths"] == ["grading/backprop/reports/", "grading/backprop/export/"]
    assert data["stages"] == ["grade"]
    assert job["cache"]["paths"] == [".cache/pip"]
    assert job["variables"]["PIP_CACHE_DIR"] == "$CI_PROJECT_DIR/.cache/pip"
    lines = job["before_script"]
    assert lines.index(clone) < next(i for i, line in enumerate(lines)
                                     if ".hidden/wheels/nn_grader-" in line)
    assert {"if": '$CI_PIPELINE_SOURCE == "web"'} in job["rules"]


@pytest.mark.parametrize(("system", "options"), CASES)
def test_nothing_with_hidden_details_is_uploaded(system, options):
    data = render(system, **options)
    text = yaml.safe_dump(data)
    if system == "github":
        upload = next(s for s in data["jobs"]["grade"]["steps"]
                      if s.get("uses", "").startswith("actions/upload-artifact@"))
        paths = upload["with"]["path"].split()
    else:
        paths = data["grade-backprop"]["artifacts"]["paths"]
    for path in paths:
        assert path.endswith(("/reports/", "/export/")), path
        assert ".hidden" not in path and "gradebook" not in path and "results" not in path
    assert "ghp_" not in text and "glpat-" not in text  # no literal token


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"system": "jenkins"}, "unknown CI system 'jenkins'; choose one of github, gitlab, "
                                "gradescope-setup, gradescope-run"),
        ({"assignment": "a; rm -rf /"}, "assignment 'a; rm -rf /' should be a folder name"),
        ({"assignment": ""}, "assignment '' should be a folder name"),
        ({"results_dir": "out dir"}, "CI option results_dir='out dir' has characters"),
        ({"hidden_tests_repo": "hidden"}, "hidden_tests_repo 'hidden' should look like owner/name"),
        ({"grader_requirement": 'x" && curl evil'}, "CI option grader_requirement="),
        ({"submissions": "subs\nrun: evil"}, "CI option submissions="),
        ({"formats": ("csv", "$(id)")}, "formats=('csv', '$(id)'): choose from csv, xlsx"),
        ({"formats": "csv"}, "formats='csv': choose from"),
        ({"colour": "red"}, "unknown option(s) ['colour']"),
    ],
)
def test_unsafe_or_unknown_options_are_refused(kwargs, message):
    args = {"system": "github", "assignment": "backprop", "hidden_tests_repo": HIDDEN_REPO,
            **kwargs}
    system = args.pop("system")
    with pytest.raises(ValueError) as info:
        render_ci_workflow(system, **args)
    assert message in str(info.value)


def test_grader_requirement_may_be_a_git_url():
    requirement = "nn-grader @ git+https://github.com/course/nn-grader@v0.1.0"
    data = render("github", grader_requirement=requirement)
    install = next(s["run"] for s in data["jobs"]["grade"]["steps"]
                   if s.get("name", "").startswith("Install"))
    assert f'pip install --quiet "{requirement}"' in install


def test_every_template_is_reachable():
    root = Path(__file__).resolve().parents[2] / "templates"
    assert sorted(p.relative_to(root).as_posix() for p in (root / "ci").glob("*.j2")) == sorted(
        CI_TEMPLATES.values())


# ---- Gradescope -------------------------------------------------------------------------


@pytest.mark.parametrize("system", ["gradescope-setup", "gradescope-run"])
def test_gradescope_scripts_are_valid_bash(system, tmp_path):
    script = tmp_path / "script.sh"
    script.write_text(render_ci_workflow(system, assignment="perceptron"), encoding="utf-8")
    checked = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True,
                             check=False)
    assert checked.returncode == 0, checked.stderr
    lines = [line.strip() for line in script.read_text(encoding="utf-8").splitlines()]
    if system == "gradescope-setup":
        assert 'pip install --quiet "wheels/nn_grader-0.1.0-py3-none-any.whl"' in " ".join(lines)
        assert 'cd "$(dirname "$0")"' in lines  # the wheel's path is relative to setup.sh
        assert any("apt-get install" in line and "bubblewrap" in line for line in lines)


@pytest.mark.dates
@pytest.mark.parametrize(
    ("submitted", "extension", "late"),
    [(-days(1), None, False), (days(2.1), None, True), (days(2.1), days(3), False)],
)
def test_gradescope_run_autograder_end_to_end(tmp_path, submitted, extension, late):
    """run_autograder in a fake /autograder: a correct perceptron.py on time, late, and late
    but within the student's extension (Gradescope's per-user due date)."""
    due = NOW + days(3)
    user: dict[str, object] = {"name": "S"}
    if extension is not None:
        user["assignment"] = {"due_date": (due + extension).isoformat()}
    created_at = (due + submitted).astimezone(timezone(timedelta(hours=-7))).isoformat()
    repo = Path(__file__).resolve().parents[2]
    root = tmp_path / "autograder"
    shutil.copytree(repo / "assignments" / "perceptron", root / "source/assignments/perceptron")
    (root / "submission").mkdir(parents=True)
    shutil.copy(repo / "reference" / "perceptron.py", root / "submission" / "perceptron.py")
    (root / "submission_metadata.json").write_text(
        json.dumps({"created_at": created_at, "users": [user],
                    "assignment": {"due_date": due.isoformat(), "late_due_date": None}}),
        encoding="utf-8")
    script = tmp_path / "run_autograder"
    script.write_text(render_ci_workflow("gradescope-run", assignment="perceptron"),
                      encoding="utf-8")
    env = {**os.environ, "AUTOGRADER_ROOT": str(root),
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(["bash", str(script)], env=env, capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    data = json.loads((root / "results/results.json").read_text(encoding="utf-8"))
    check_gradescope_schema(data)
    raw = sum(t["score"] for t in data["tests"])
    assert raw > 0 and len(data["tests"]) >= 10
    assert any(t["output"] == HIDDEN_NOTE for t in data["tests"])
    if late:  # 2 days and change after the due date: 3 started days x 10% of the maximum
        assert data["score"] < raw and "late penalty" in data["output"]
    else:
        assert data["score"] == raw and "late penalty" not in data["output"]


# ---- grader ci ----------------------------------------------------------------------------


def run_ci(*args: str) -> click.testing.Result:
    return CliRunner().invoke(main, ["ci", *args])


def test_cli_ci_github_prints_the_workflow_with_the_defaults():
    result = run_ci("--provider", "github", "--assignment", "backprop",
                    "--hidden-tests-repo", HIDDEN_REPO)
    assert result.exit_code == 0, result.output
    assert result.stdout == render_ci_workflow("github", assignment="backprop",
                                               hidden_tests_repo=HIDDEN_REPO)
    listing = CliRunner().invoke(main, ["--help"]).output
    assert COMMANDS["ci"] == "grader.cli.ci:ci"
    assert any(line.split()[:1] == ["ci"] for line in listing.splitlines())


def test_cli_ci_passes_every_option_through(tmp_path):
    options = {
        "hidden_tests_ref": "v2", "hidden_tests_path": "hw/backprop", "submissions": "in/bp",
        "results_dir": "out/bp", "canvas_id": "4711", "roster": "roster.csv", "jobs": 3,
        "python_version": "3.12", "torch_version": "2.5.1",
        "torch_index_url": "https://example.org/whl", "timeout_minutes": 30,
        "retention_days": 7, "gitlab_host": "git.example.org",
        "grader_requirement": "nn-grader @ git+https://github.com/course/nn-grader@v0.1.0",
    }
    args = [arg for key, value in options.items()
            for arg in (f"--{key.replace('_', '-')}", str(value))]
    out = tmp_path / "ci" / ".gitlab-ci.yml"
    result = run_ci("--provider", "gitlab", "--assignment", "backprop", "--hidden-tests-repo",
                    HIDDEN_REPO, *args, "--format", "csv", "--format", "parquet",
                    "--out", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == render_ci_workflow(
        "gitlab", assignment="backprop", hidden_tests_repo=HIDDEN_REPO,
        formats=("csv", "parquet"), **options)
    assert result.output == f"gitlab CI for 'backprop' written to {out}\n"
    job = yaml.safe_load(out.read_text(encoding="utf-8"))["grade-backprop"]
    assert job["image"] == "python:3.12-bookworm" and job["timeout"] == "30 minutes"


def test_cli_ci_gradescope_writes_both_scripts_executable(tmp_path):
    result = run_ci("--provider", "gradescope", "--assignment", "perceptron",
                    "--out", str(tmp_path / "autograder"))
    assert result.exit_code == 0, result.output
    for system, name in (("gradescope-setup", "setup.sh"), ("gradescope-run", "run_autograder")):
        path = tmp_path / "autograder" / name
        assert path.read_text(encoding="utf-8") == render_ci_workflow(system,
                                                                      assignment="perceptron")
        assert path.stat().st_mode & 0o777 == 0o755
    assert sorted(p.name for p in (tmp_path / "autograder").iterdir()) == [
        "run_autograder", "setup.sh"]


def test_cli_ci_refuses_to_overwrite_without_force(tmp_path):
    out = tmp_path / "grade.yml"
    out.write_text("my edits\n", encoding="utf-8")
    args = ["--provider", "github", "--assignment", "backprop", "--hidden-tests-repo",
            HIDDEN_REPO, "--out", str(out)]
    refused = run_ci(*args)
    assert refused.exit_code == 1
    assert f"Error: {out} already exists; use --force to overwrite" in refused.output
    assert out.read_text(encoding="utf-8") == "my edits\n"
    forced = run_ci(*args, "--force")
    assert forced.exit_code == 0, forced.output
    assert out.read_text(encoding="utf-8").startswith('# nn-grader: grade "backprop"')


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--provider", "gradescope", "--assignment", "backprop"],
         "gradescope needs --out FOLDER (it writes setup.sh and run_autograder)"),
        (["--provider", "gradescope", "--assignment", "backprop", "--hidden-tests-repo",
          HIDDEN_REPO, "--out", "x"],
         "--hidden-tests-repo is not used with gradescope: the assignment folder travels in "
         "the autograder zip"),
        (["--provider", "gitlab", "--assignment", "backprop"],
         "gitlab needs --hidden-tests-repo OWNER/NAME: the private repository with the hidden "
         "tests"),
        (["--provider", "github", "--assignment", "a;b", "--hidden-tests-repo", HIDDEN_REPO],
         "assignment 'a;b' should be a folder name (letters, digits, _-)"),
        (["--provider", "github", "--assignment", "backprop", "--hidden-tests-repo",
          HIDDEN_REPO, "--results-dir", "out dir"],
         "CI option results_dir='out dir' has characters that are unsafe"),
        (["--provider", "jenkins", "--assignment", "backprop"],
         "'jenkins' is not one of 'github', 'gitlab', 'gradescope'"),
        (["--provider", "github", "--assignment", "backprop", "--hidden-tests-repo",
          HIDDEN_REPO, "--format", "pdf"], "'pdf' is not one of 'csv', 'xlsx'"),
        (["--provider", "github", "--assignment", "backprop", "--hidden-tests-repo",
          HIDDEN_REPO, "--jobs", "0"], "0 is not in the range x>=1"),
    ],
)
def test_cli_ci_usage_errors_name_the_fix(args, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run_ci(*args)
    assert result.exit_code == 2
    assert message in " ".join(result.output.split())
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_cli_ci_out_of_the_wrong_kind_is_refused(tmp_path):
    result = run_ci("--provider", "github", "--assignment", "backprop", "--hidden-tests-repo",
                    HIDDEN_REPO, "--out", str(tmp_path))
    assert result.exit_code == 1
    assert (f"Error: {tmp_path} is a folder; give the file to write, e.g. "
            f"{tmp_path / 'grade-backprop.yml'}") in result.output
    a_file = tmp_path / "autograder.zip"
    a_file.write_bytes(b"PK")
    result = run_ci("--provider", "gradescope", "--assignment", "backprop", "--out", str(a_file))
    assert result.exit_code == 1
    assert f"Error: {a_file} is a file; give the folder for setup.sh and run_autograder" in (
        result.output)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["autograder.zip"]


@pytest.mark.parametrize(("system", "roster"), [("gitlab", ""), ("gitlab", "students.csv"),
                                              ("gitlab-student", "")])
def test_gitlab_no_token_reaches_the_step_that_runs_student_code(system, roster, tmp_path):
    """The job's shell (before_script and script run as one, as on a GitLab runner) with every
    tool stubbed: git gets the token, grader grade gets none, and no clone keeps it (the
    student's template: up to its grader commands; printing the page needs a real grader)."""
    data = render(system, **({"roster": roster} if roster else {}))
    job = data["grade-backprop" if system == "gitlab" else "feedback-backprop"]
    job["script"] = [line for line in job["script"] if line.startswith(("unset ", "grader "))]
    stubs = tmp_path / "bin"
    stubs.mkdir()
    for tool in ("apt-get", "python", "git", "grader"):
        (stubs / tool).write_text(
            "#!/bin/sh\n"
            f'echo "{tool} $*" >> "$LOG"; env | sed "s/^/  /" >> "$LOG"\n'
            '[ "$1" = clone ] && mkdir -p "$(eval echo \\${$#})/.git"\nexit 0\n')
        (stubs / tool).chmod(0o755)
    (tmp_path / "students.csv").write_text("student,repo\nann,course/ann\n")
    script = "set -eo pipefail\n" + "\n".join([*job["before_script"], *job["script"]])
    secrets = {"HIDDEN_TESTS_TOKEN": "glpat-hidden-FAKE", "STUDENT_REPOS_TOKEN": "glpat-ro-FAKE",
               "CI_JOB_TOKEN": "job-FAKE", "CI_REPOSITORY_URL": "https://gitlab-ci-token:job-FAKE@x"}
    env = {"PATH": f"{stubs}:/usr/bin:/bin", "LOG": str(tmp_path / "log"), **secrets}
    subprocess.run(["bash", "-c", script], cwd=tmp_path, env=env, check=True)
    log = (tmp_path / "log").read_text()
    grading = log[log.index("grader grade"):]
    assert "glpat-hidden-FAKE" in log[:log.index("grader grade")]  # the clone had it
    assert not any(value in grading for value in secrets.values())
    assert not (tmp_path / ".hidden/.git").exists()
    assert not any((tmp_path / "submissions/backprop").glob("*/.git"))


def test_github_no_token_reaches_the_step_that_runs_student_code():
    steps = render("github", roster="roster.csv")["jobs"]["grade"]["steps"]
    grading = next(s for s in steps if s.get("name") == "Grade")
    assert grading["run"].startswith("grader grade ") and "env" not in grading
    assert all("secrets." not in str(s) for s in steps if s.get("name") not in (
        "Fetch the hidden tests (private repository)",
        "Collect submissions from the students' repositories"))
