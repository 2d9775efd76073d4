"""Attack on the warm pool: leave traces for the NEXT submission graded in the same sandbox
(files in /tmp, /dev/shm, HOME and the cwd, a POSIX shared-memory segment, a daemon that keeps
rewriting them and listens on an abstract unix socket and on loopback TCP).

Graded right before tests/security/pool/reader.py in a one-slot batch, the reader must see
none of it. (Not in attacks/: it needs its reader.)
"""
import os
import socket
import time
from multiprocessing import shared_memory

NAME = "nngrader-poison"
PLACES = ("/tmp", "/dev/shm", os.path.expanduser("~"), os.getcwd())


def _leave_files():
    for folder in PLACES:
        try:
            with open(os.path.join(folder, NAME), "w") as fh:
                fh.write("poisoned")
        except OSError:
            pass


def _daemon():
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            servers = []
            for family, address in ((socket.AF_UNIX, "\0" + NAME), (socket.AF_INET,
                                                                       ("127.0.0.1", 47474))):
                try:
                    server = socket.socket(family)
                    server.bind(address)
                    server.listen(4)
                    servers.append(server)
                except OSError:
                    pass
            end = time.monotonic() + 20
            while time.monotonic() < end:
                _leave_files()
                time.sleep(0.05)
            os._exit(0)
        os._exit(0)
    os.wait()


_leave_files()
try:
    segment = shared_memory.SharedMemory(name="nngrader_poison", create=True, size=4096)
    segment.buf[:8] = b"poisoned"
except OSError:
    pass
_daemon()


def add_bias(X):
    raise NotImplementedError


scale = safe_div = apply = count_positive = add_bias
