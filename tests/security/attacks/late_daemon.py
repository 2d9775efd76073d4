"""Attack: a double-forked, setsid daemon that waits until this submission is over and then
writes a marker and tries to tamper with the next student: it writes into /tmp, HOME and the
cwd, and sends signals to whatever it can see.

Everything of the sandbox is killed when the submission ends, so the late write never happens.
Expected: 0 points, no marker file anywhere afterwards.
"""
import os
import time

MARKER = "/tmp/nngrader-attack-late-daemon"


def _daemon():
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            os.closerange(0, 1 << 16)
            time.sleep(1.5)  # well after the grader has finished with this submission
            for folder in ("/tmp", os.path.expanduser("~"), os.getcwd()):
                try:
                    with open(os.path.join(folder, "nngrader-attack-late-daemon"), "w") as fh:
                        fh.write("the daemon outlived its submission")
                except OSError:
                    pass
            os._exit(0)
        os._exit(0)
    os.wait()


_daemon()


def add_bias(X):
    raise NotImplementedError


scale = safe_div = apply = count_positive = add_bias
