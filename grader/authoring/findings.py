"""What `grader validate` found: problems (file:line, what is wrong, the fix) and the checks
that passed, and how the report is printed. Every validate check (grader.authoring.validate,
garbage, catalogue) adds to one Report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True)
class Problem:
    """One authoring mistake: where, what is wrong and the fix."""

    where: str
    message: str
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        return f"{self.severity}: {self.where}: {self.message}"


@dataclass
class Report:
    """What `validate` found: problems, and one line per check that passed."""

    assignment: str
    problems: list[Problem] = field(default_factory=list)
    passed: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)
    """Indented lines printed after the passed checks (the catalogue's mistake by mistake)."""
    printed: str = ""
    """What the solution printed while it was loaded; shown only when validate fails."""

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)

    def add(self, where: str, message: str, severity: Literal["error", "warning"] = "error"
            ) -> None:
        self.problems.append(Problem(where, message, severity))


def format_report(report: Report) -> str:
    lines = [f"validate {report.assignment}:"]
    lines += [f"  ✓ {line}" for line in report.passed]
    if report.details:
        lines.append("  mistake by mistake (tests it fails; is it named?):")
        lines += [f"    {line}" for line in report.details]
    lines += [f"  {problem}" for problem in report.problems]
    if report.printed.strip() and not report.ok:
        lines.append("  the solution printed while it was loaded (its top-level code):")
        lines += [f"    | {line}" for line in report.printed.rstrip().splitlines()[-20:]]
    errors = sum(p.severity == "error" for p in report.problems)
    lines.append(f"{'OK' if report.ok else 'FAILED'}: {errors} error(s), "
                 f"{len(report.problems) - errors} warning(s)")
    return "\n".join(lines)
