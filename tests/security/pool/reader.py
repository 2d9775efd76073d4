"""An otherwise correct submission that fails add_bias when it finds any trace left by
tests/security/pool/poisoner.py (graded right before it in the same warm sandbox)."""
import os
import socket
from multiprocessing import shared_memory

import numpy as np

NAME = "nngrader-poison"
TRACES = []
for folder in ("/tmp", "/dev/shm", os.path.expanduser("~"), os.getcwd()):
    if os.path.exists(os.path.join(folder, NAME)):
        TRACES.append(folder)
try:
    shared_memory.SharedMemory(name="nngrader_poison").close()
    TRACES.append("shared memory")
except (OSError, ValueError):
    pass
for family, address in ((socket.AF_UNIX, "\0" + NAME), (socket.AF_INET, ("127.0.0.1", 47474))):
    try:
        with socket.socket(family) as probe:
            probe.settimeout(0.2)
            probe.connect(address)
            TRACES.append(str(address))
    except OSError:
        pass


def add_bias(X):
    if TRACES:
        raise RuntimeError(f"traces of the previous submission: {TRACES}")
    return np.hstack([X, np.ones((X.shape[0], 1))])


def scale(x, c):
    return c * x


def safe_div(a, b):
    if b == 0:
        raise ValueError("b must not be zero")
    return a / b


def apply(f, x):
    return f(x) + 1


def count_positive(x):
    return int(np.sum(x > 0))
