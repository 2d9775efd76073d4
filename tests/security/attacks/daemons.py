"""Attack: leave processes behind (a double-forked, setsid daemon and a fork bomb) that keep
running after grading, to tamper with later submissions.

Everything in the sandbox is killed when the submission ends. Expected: 0 points, no process
with the daemon's marker left afterwards.
"""
import os
import time

MARKER = "7777.424242"


def _daemon():
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            os.execv("/bin/sleep", ["sleep", MARKER])
        os._exit(0)
    os.wait()


_daemon()


def add_bias(X):
    _daemon()
    raise NotImplementedError


def scale(x, c):
    while True:
        try:
            os.fork()
        except OSError:
            time.sleep(0.05)


def safe_div(a, b):
    raise NotImplementedError


def apply(f, x):
    raise NotImplementedError


def count_positive(x):
    raise NotImplementedError
