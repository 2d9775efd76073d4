"""Attack: plant code in the grader's repository and interpreter, so that the grader itself
runs it later: a new module next to grader/, a .pth file in site-packages, a file in the
repository found through absolute paths and through /proc/<ppid>/cwd.

Under bubblewrap the repository is not visible and the interpreter is bound read-only.
Expected: 0 points, none of the marker files exists afterwards. (bubblewrap only: in the
fallback the grader's user could write there.)
"""
import os
import sys
import sysconfig

NAME = "nngrader_attack_planted"
written = []
folders = ["/work/main", "/work/main/grader", f"/proc/{os.getppid()}/cwd",
           f"/proc/{os.getppid()}/cwd/grader", "/proc/1/cwd", sysconfig.get_paths()["purelib"],
           os.path.dirname(sys.executable)]
folders += [p for p in sys.path if p and os.path.isdir(p)]
for folder in folders:
    for name in (f"{NAME}.py", f"{NAME}.pth"):
        try:
            with open(os.path.join(folder, name), "w") as fh:
                fh.write("import os; os.system('touch /tmp/nngrader-attack-planted-ran')\n")
            written.append(os.path.join(folder, name))
        except OSError:
            pass


def add_bias(X):
    raise NotImplementedError(f"planted {written}")


scale = safe_div = apply = count_positive = add_bias
