"""Exceptions that carry what happened in the student's code to the trusted side.

They are built in the trusted process from plain values the worker sent (type names, message
text, the student's own traceback frames); no student object ever crosses.
"""

from __future__ import annotations

import builtins
from functools import cache


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


_NOT_CATCHABLE = frozenset({"StopIteration", "StopAsyncIteration"})
"""Built-in exceptions a student error never becomes: they change how generators behave in the
trusted process (BaseException-only types such as SystemExit are never used either)."""


@cache
def _catchable(name: str) -> type[StudentError] | None:
    """StudentError mixed with the built-in exception `name` (None if there is no such
    built-in, or it is not an ordinary Exception)."""
    base = getattr(builtins, name, None)
    if not (isinstance(base, type) and issubclass(base, Exception)) or name in _NOT_CATCHABLE:
        return None
    try:
        return type(f"Student{name}", (StudentError, base),
                    {"__str__": lambda self: self.message, "__module__": __name__,
                     "__doc__": f"The student's code raised {name} (or a subclass of it)."})
    except TypeError:  # a built-in whose layout cannot be mixed in
        return None


def student_exception(message: str, *, exc_type: str, exc_mro: tuple[str, ...],
                      traceback: str = "") -> StudentError:
    """The StudentError for an exception the student's code raised, described by class names.

    It is also an instance of the first built-in exception class in `exc_mro`, so a test can
    catch it by type (`except ValueError:`), as it would in the student's own kernel. Only the
    grader's own classes are used: the names select among the built-ins, nothing else."""
    for name in exc_mro:
        kind = _catchable(name) if name != "Exception" else None
        if kind is not None:
            try:
                return kind(message, exc_type=exc_type, exc_mro=exc_mro, traceback=traceback)
            except TypeError:  # a built-in that needs more arguments (UnicodeDecodeError)
                continue
    return StudentError(message, exc_type=exc_type, exc_mro=exc_mro, traceback=traceback)


def undefined_name(name: str) -> StudentError:
    """What reading a top-level name the student's code does not define raises, as in their
    own kernel: a NameError."""
    return student_exception(f"NameError: name {name!r} is not defined", exc_type="NameError",
                             exc_mro=("NameError", "Exception", "BaseException", "object"))


class MissingFunction(StudentError):
    """The student's module does not define the function the test called."""


class StudentTimeout(StudentError):
    """The call (or the whole submission) ran past its time budget."""


class WorkerCrashed(StudentError):
    """The worker process died: out of memory, killed by a signal, os._exit, ..."""


class BadValue(StudentError):
    """A value the student's code returned cannot cross the boundary (type, dtype, size)."""


class BatchError(Exception):
    """The batch cannot start (tests, reference or timestamps unusable); names file and fix."""
