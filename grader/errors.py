"""Exceptions that carry what happened in the student's code to the trusted side.

They are built in the trusted process from plain values the worker sent (type names, message
text, the student's own traceback frames); no student object ever crosses.
"""

from __future__ import annotations


class StudentError(Exception):
    """The student's code raised, or a call into it could not complete."""

    def __init__(
        self,
        message: str,
        *,
        exc_type: str = "",
        exc_mro: tuple[str, ...] = (),
        traceback: str = "",
    ) -> None:
        super().__init__(message)
        self.message = message
        self.exc_type = exc_type
        """Name of the exception class raised in the student's code ('' if none was raised)."""
        self.exc_mro = exc_mro or ((exc_type,) if exc_type else ())
        """Names of the exception's classes, most derived first (e.g. ValueError, Exception)."""
        self.traceback = traceback
        """The student's own frames only; never the grader's."""

    def is_a(self, exc_name: str) -> bool:
        """Whether the student's exception was (a subclass of) the named built-in exception."""
        return exc_name in self.exc_mro


class MissingFunction(StudentError):
    """The student's module does not define the function the test called."""


class StudentTimeout(StudentError):
    """The call (or the whole submission) ran past its time budget."""


class WorkerCrashed(StudentError):
    """The worker process died: out of memory, killed by a signal, os._exit, ..."""


class BadValue(StudentError):
    """A value the student's code returned cannot cross the boundary (type, dtype, size)."""
