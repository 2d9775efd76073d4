"""Attack: signal other processes: a victim process of the grader's user found by its command
line, every pid it can see, every pid it can guess, and the whole session (kill(-1)).

Under bubblewrap the worker lives in its own pid namespace and user namespace: the victim is
neither visible nor reachable by guessing its pid. Expected: 0 points, the victim and the
grader alive and not stopped. (bubblewrap only: in the fallback, running as the grader's
user, these signals would arrive.)
"""
import contextlib
import os
import signal

MARKER = "8888.515151"


def _victims():
    found = []
    for pid in [p for p in os.listdir("/proc") if p.isdigit()]:
        with contextlib.suppress(OSError), open(f"/proc/{pid}/cmdline", "rb") as fh:
            if MARKER.encode() in fh.read():
                found.append(int(pid))
    return found


def _guess(sig):
    hit = 0
    for pid in range(2, 1 << 16):  # pids of the host, as if the namespace were shared
        if pid == os.getpid():
            continue
        try:
            os.kill(pid, sig)
            hit += 1
        except OSError:
            pass
    return hit


def add_bias(X):
    for pid in _victims():
        os.kill(pid, signal.SIGKILL)
    raise NotImplementedError("signalled the victims found")


def scale(x, c):
    _guess(signal.SIGSTOP)
    raise NotImplementedError


def safe_div(a, b):
    _guess(signal.SIGTERM)
    raise NotImplementedError


def apply(f, x):
    with contextlib.suppress(OSError):
        os.kill(-1, signal.SIGSTOP)
    raise NotImplementedError


def count_positive(x):
    with contextlib.suppress(OSError):
        os.killpg(os.getpgid(os.getppid()), signal.SIGKILL)
    raise NotImplementedError
