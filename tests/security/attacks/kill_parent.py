"""Attack: kill the grader (the parent), the process group and every process it can see.

Under bubblewrap the worker sees only its own pid namespace: the grader is not even visible.
Expected: 0 points, the grader alive, the batch completes. (bubblewrap only: in the fallback
this would really signal the grader's user's processes.)
"""
import contextlib
import os
import signal


def _kill_everything():
    for pid in [int(p) for p in os.listdir("/proc") if p.isdigit()]:
        if pid != os.getpid():
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
    for target in (os.getppid(), 1):
        with contextlib.suppress(OSError):
            os.kill(target, signal.SIGKILL)
    with contextlib.suppress(OSError):
        os.killpg(0, signal.SIGKILL)


def add_bias(X):
    _kill_everything()
    raise NotImplementedError


def scale(x, c):
    with contextlib.suppress(OSError):
        os.kill(-1, signal.SIGKILL)
    raise NotImplementedError


def safe_div(a, b):
    _kill_everything()
    raise NotImplementedError


def apply(f, x):
    os.kill(os.getppid(), signal.SIGSTOP)
    raise NotImplementedError


def count_positive(x):
    raise NotImplementedError
