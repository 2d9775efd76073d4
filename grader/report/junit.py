"""JUnit XML of a gradebook, for GitLab's `artifacts:reports:junit` (the pipeline's and merge
request's test report) and any CI that reads JUnit.

One <testsuite> per submission (name "<assignment>/<student>"), one <testcase> per test. GitLab
keeps only the first of two test cases with the same name and shows neither the classname nor a
failure's `message` attribute, so a case's name carries the student ("<student>: <test>") and
the failure's text carries the explanation; the points are in each case's <system-out> (GitLab
shows it with a failure) and in <properties>. Like the feedback pages, a test that is not
visible shows only the neutral note (pages.HIDDEN_NOTE), never its message or traceback. A
submission that was not graded (crashed, invalid, missing) is one <error> case; a late penalty
is a property of the suite.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from grader.models import Grade, RunResult
from grader.report.pages import HIDDEN_NOTE


def _points(value: float) -> str:
    return f"{value:g}"


def _suite(run: RunResult, grade: Grade | None) -> ET.Element:
    suite = ET.Element("testsuite", name=f"{run.assignment}/{run.student}",
                       time=f"{run.duration:.3f}")
    properties = ET.SubElement(suite, "properties")
    score = grade.score if grade is not None else run.score
    max_score = grade.max_score if grade is not None else run.max_score
    ET.SubElement(properties, "property", name="score", value=_points(score))
    ET.SubElement(properties, "property", name="max_score", value=_points(max_score))
    if grade is not None and grade.late_penalty > 0:
        ET.SubElement(properties, "property", name="late_penalty",
                      value=_points(grade.late_penalty))
    failures = errors = 0
    for test in run.tests:
        case = ET.SubElement(suite, "testcase", classname=f"{run.assignment}.{run.student}",
                             name=f"{run.student}: {test.name}", time=f"{test.duration:.3f}")
        shown = test.visibility == "visible"
        if test.status != "passed":
            if shown:
                text = "\n\n".join(p for p in (
                    test.message, f"Looks like: {test.unsaid_mistake}" if test.unsaid_mistake
                    else "",
                    f"Your code raised:\n{test.traceback}" if test.traceback else "") if p)
            else:
                text = HIDDEN_NOTE
            kind = "error" if test.status == "error" else "failure"
            errors, failures = errors + (kind == "error"), failures + (kind == "failure")
            ET.SubElement(case, kind, message=text.splitlines()[0] if text else test.status,
                          type=test.status).text = text
        ET.SubElement(case, "system-out").text = (
            f"{_points(test.points)} of {_points(test.max_points)} points")
    if run.status != "graded":
        case = ET.SubElement(suite, "testcase", classname=f"{run.assignment}.{run.student}",
                             name=f"{run.student}: submission", time="0.000")
        status = run.status.replace("_", " ")
        ET.SubElement(case, "error", message=f"submission: {status}",
                      type=run.status).text = run.message or status
        errors += 1
    suite.set("tests", str(len(suite.findall("testcase"))))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    return suite


def junit_xml(runs: Sequence[RunResult], grades: Sequence[Grade]) -> str:
    """The JUnit XML document (UTF-8 text) for every submission in `runs`."""
    by_key = {(g.assignment, g.student): g for g in grades}
    root = ET.Element("testsuites", name="nn-grader")
    for run in sorted(runs, key=lambda r: (r.assignment, r.student)):
        root.append(_suite(run, by_key.get((run.assignment, run.student))))
    root.set("tests", str(sum(int(s.get("tests", "0")) for s in root)))
    root.set("failures", str(sum(int(s.get("failures", "0")) for s in root)))
    root.set("errors", str(sum(int(s.get("errors", "0")) for s in root)))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
