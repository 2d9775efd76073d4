"""Reference implementations: the source of truth for hidden tests, one module per assignment.

Each module implements the student API of ../shared/COURSE.md with exactly the same names and
signatures, so a reference module is itself a full-marks submission. Names marked in a module's
`PROVIDED` tuple are handed to students already implemented (not graded).
"""
