"""grader.report.junit: the JUnit XML of a gradebook, as GitLab's test report reads it (the
GitLab job's own run is in test_ci_run)."""

from __future__ import annotations

from xml.etree import ElementTree

from grader.models import Grade, RunResult, TestResult
from grader.report.junit import junit_xml
from grader.report.pages import HIDDEN_NOTE


def test_failures_errors_hidden_details_late_penalty_and_an_ungraded_submission() -> None:
    ann = RunResult("ann", "mlp", "graded", (
        TestResult("shapes", 1.0, 1.0, "visible", "passed"),
        TestResult("values", 0.0, 2.0, "visible", "failed", message="expected 3, got 4",
                   mistake="an off-by-one"),
        TestResult("sign", 0.0, 1.0, "visible", "failed", mistake="sign flipped",
                   message="expected 1, got -1. Looks like sign flipped."),
        TestResult("secret", 0.0, 1.0, "hidden", "error", message="hidden detail",
                   traceback="Traceback: hidden"),
    ))
    ben = RunResult("ben", "mlp", "crashed", (), message="the worker died (out of memory)")
    grades = [Grade("ann", "mlp", "graded", 1.0, 4.0, 0.5, 0.5)]
    text = junit_xml([ben, ann], grades)
    assert "hidden detail" not in text and "Traceback: hidden" not in text
    root = ElementTree.fromstring(text)
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("5", "2", "2")
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert list(suites) == ["mlp/ann", "mlp/ben"]
    props = {p.get("name"): p.get("value") for p in suites["mlp/ann"].iter("property")}
    assert props == {"score": "0.5", "max_score": "4", "late_penalty": "0.5"}
    cases = {c.get("name"): c for c in suites["mlp/ann"].iter("testcase")}
    assert list(cases) == ["ann: shapes", "ann: values", "ann: sign", "ann: secret"]
    assert cases["ann: shapes"].find("failure") is None
    assert cases["ann: shapes"].findtext("system-out") == "1 of 1 points"
    assert cases["ann: values"].findtext("failure") == (
        "expected 3, got 4\n\nLooks like: an off-by-one")
    # a message that already names the mistake does not get it a second time (issue 19)
    assert cases["ann: sign"].findtext("failure") == "expected 1, got -1. Looks like sign flipped."
    assert cases["ann: secret"].findtext("error") == HIDDEN_NOTE
    (crash,) = suites["mlp/ben"].iter("testcase")
    assert crash.get("name") == "ben: submission"
    assert crash.findtext("error") == "the worker died (out of memory)"
    error = crash.find("error")
    assert error is not None and error.get("message") == "submission: crashed"
