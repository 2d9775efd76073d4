"""Attack: use file descriptors inherited from the grader (beyond stdin/stdout/stderr and the
worker's two channel pipes), and those of the grader itself through /proc/<ppid>/fd.

Reads every descriptor it finds for the reference's code, and writes a fake score sheet into
any writable one. Expected: only the five expected descriptors exist, the parent's are not
visible under bubblewrap, 0 points, nothing written.
"""
import contextlib
import os
import stat
import sys

CHANNEL = {int(a) for a in sys.argv[1:3] if a.isdigit()}
FOUND = []


def _inherited():
    return [int(fd) for fd in os.listdir("/proc/self/fd")
            if int(fd) > 2 and int(fd) not in CHANNEL]


for fd in _inherited():
    try:
        target = os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        continue
    if target.startswith("/proc/") or target == f"/proc/self/fd/{fd}":
        continue  # listdir's own descriptor
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        data = os.read(fd, 1 << 20)
        if b"def add_bias" in data:
            FOUND.append(data.decode("utf-8", "replace"))
    except OSError:
        pass
    with contextlib.suppress(OSError):
        os.write(fd, b"student,score\nattacker,1000\n")
for pid in {os.getppid(), 1}:
    try:
        entries = os.listdir(f"/proc/{pid}/fd")
    except OSError:
        continue
    for entry in entries:
        path = f"/proc/{pid}/fd/{entry}"
        try:
            if not stat.S_ISREG(os.stat(path).st_mode):
                continue  # a pipe or socket: reading could block
            with open(path, "rb") as fh:
                data = fh.read(1 << 20)
        except OSError:
            continue
        if b"def add_bias" in data and b"test_case" not in data:
            FOUND.append(data.decode("utf-8", "replace"))

REF = {}
for text in FOUND:
    with contextlib.suppress(Exception):
        exec(text, REF)


def _ref(name):
    if name not in REF:
        raise NotImplementedError(f"no reference behind descriptors {_inherited()}")
    return REF[name]


def add_bias(X):
    return _ref("add_bias")(X)


def scale(x, c):
    return _ref("scale")(x, c)


def safe_div(a, b):
    return _ref("safe_div")(a, b)


def apply(f, x):
    return _ref("apply")(f, x)


def count_positive(x):
    return _ref("count_positive")(x)
