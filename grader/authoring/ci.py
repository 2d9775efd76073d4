"""Course CI: the workflow files that grade an assignment on GitHub Actions, GitLab CI or
Gradescope, rendered from the templates in templates/ci/ (`grader ci` writes them).

GitHub and GitLab fetch the hidden tests from a private repository in one step, grade, render
the feedback pages, export the score sheets, delete the hidden tests and upload only the pages
and sheets. Gradescope gets setup.sh and run_autograder; there the assignment folder (hidden
tests included) travels in the autograder zip, which students never see.

Every option lands in a shell line or YAML, so each value is checked against a safe alphabet
before rendering: a wrong value is a ValueError that names the option, never a broken file.
"""

from __future__ import annotations

import hashlib
import re

import jinja2

from grader import __version__
from grader.paths import templates_dir

CI_TEMPLATES = {
    "github": "ci/github-actions.yml.j2",
    "gitlab": "ci/gitlab-ci.yml.j2",
    "gradescope-setup": "ci/gradescope-setup.sh.j2",
    "gradescope-run": "ci/gradescope-run_autograder.j2",
    "classroom": "ci/github-classroom.yml.j2",
    "gitlab-student": "ci/gitlab-student.yml.j2",
}
FORMATS = ("csv", "xlsx", "parquet", "canvas", "gradescope", "junit")
"""The score-sheet formats a workflow may export (`grader export --format`)."""
_SAFE = re.compile(r"[A-Za-z0-9_./@:+=-]*")


def default_options(assignment: str) -> dict[str, object]:
    """Every option render_ci_workflow takes besides assignment and hidden_tests_repo, with its
    default for `assignment`."""
    return {
        "python_version": "3.11", "hidden_tests_ref": "main",
        "hidden_tests_path": f"assignments/{assignment}",
        "submissions": f"submissions/{assignment}",
        "results_dir": f"grading/{assignment}", "grader_requirement": "",
        "torch_index_url": "https://download.pytorch.org/whl/cpu", "torch_version": "2.13.0",
        "jobs": 2, "formats": ("csv", "xlsx", "canvas"), "canvas_id": "", "roster": "",
        "timeout_minutes": 60, "retention_days": 30, "gitlab_host": "gitlab.com",
    }


GRADER_WHEEL = f"nn_grader-{__version__}-py3-none-any.whl"
"""The wheel `make grader-wheel` builds (pip wheel --no-deps of a checkout)."""


def default_requirement(system: str) -> str:
    """Where the grader comes from unless --grader-requirement says otherwise: the wheel of
    this version, in wheels/ of the private hidden-tests repository (checked out as .hidden
    on GitHub, GitLab and Classroom) or of the Gradescope autograder zip (beside setup.sh).
    Neither place is readable by students (Classroom: see its template's caution)."""
    folder = "wheels" if system.startswith("gradescope") else ".hidden/wheels"
    return f"{folder}/{GRADER_WHEEL}"


def _environment() -> jinja2.Environment:
    """Plain text (no autoescaping), undefined names are errors; GitHub's own ${{ }}
    expressions sit in raw blocks."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir()),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_ci_workflow(
    system: str, *, assignment: str, hidden_tests_repo: str = "", **options: object
) -> str:
    """A CI workflow (system "github" or "gitlab") that grades `assignment` with hidden tests
    fetched from the private repository `hidden_tests_repo` ("owner/name" or "group/project"),
    or Gradescope's setup.sh ("gradescope-setup") and run_autograder ("gradescope-run"), for
    which the assignment folder travels in the autograder zip (no hidden_tests_repo).

    "classroom" is GitHub Classroom's .github/workflows/classroom.yml for the assignment's
    template repository (hidden tests from `hidden_tests_repo`; points to Classroom);
    "gitlab-student" the .gitlab-ci.yml of a GitLab template project that gives each student
    their feedback on the pipeline page (job log, Tests tab) of their own pushes.

    Options and their defaults: `default_options`; grader_requirement may be any pip
    requirement (e.g. "nn-grader @ git+https://github.com/<org>/nn-grader@v0.1.0"; default:
    `default_requirement`), roster a CSV of "student,repo" lines to collect submissions from
    the students' repositories.
    """
    if system not in CI_TEMPLATES:
        raise ValueError(f"unknown CI system {system!r}; choose one of {', '.join(CI_TEMPLATES)}")
    if not re.fullmatch(r"[A-Za-z0-9_-]+", assignment):
        raise ValueError(f"assignment {assignment!r} should be a folder name (letters, digits, _-)")
    needs_repo = not system.startswith("gradescope")
    if needs_repo and not re.fullmatch(r"[\w.-]+(/[\w.-]+)+", hidden_tests_repo):
        raise ValueError(f"hidden_tests_repo {hidden_tests_repo!r} should look like owner/name")
    context: dict[str, object] = {
        "assignment": assignment, "hidden_tests_repo": hidden_tests_repo,
        **default_options(assignment),
    }
    unknown = set(options) - set(context)
    if unknown:
        raise ValueError(f"unknown option(s) {sorted(unknown)}; known: {sorted(context)}")
    context.update(options)
    if not context["grader_requirement"]:
        context["grader_requirement"] = default_requirement(system)
    digest = hashlib.sha256(str(context["grader_requirement"]).encode()).hexdigest()[:12]
    context["pip_cache_key"] = (f"nn-grader-pip-py{context['python_version']}-"
                                f"torch{context['torch_version']}-{digest}")
    formats = context["formats"]
    if not isinstance(formats, tuple | list) or not set(formats) <= set(FORMATS):
        raise ValueError(f"formats={formats!r}: choose from {', '.join(FORMATS)}")
    for key, value in context.items():
        for text in map(str, value if isinstance(value, tuple | list) else (value,)):
            if (re.search(r'["$`\\\n]', text) if key == "grader_requirement"
                    else not _SAFE.fullmatch(text)):
                raise ValueError(f"CI option {key}={text!r} has characters that are unsafe in "
                                 "a shell line or YAML; use letters, digits and ._/@:+=-")
    return _environment().get_template(CI_TEMPLATES[system]).render(**context)
