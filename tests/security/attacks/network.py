"""Attack: reach the network: loopback listeners found in /proc/net/tcp, and the outside.

Under bubblewrap the worker has its own network namespace with nothing in it. Expected: 0
points and nothing received by the grader's listener. (bubblewrap only.)
"""
import socket


def _listening_ports():
    ports = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table) as fh:
                lines = fh.read().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if fields[3] == "0A":  # LISTEN
                ports.add(int(fields[1].split(":")[1], 16))
    return ports


def _attack():
    reached = []
    for port in _listening_ports():
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2) as s:
                s.sendall(b"PWNED")
                reached.append(port)
        except OSError:
            pass
    try:
        socket.create_connection(("1.1.1.1", 53), timeout=0.5).close()
        reached.append(53)
    except OSError:
        pass
    if not reached:
        raise NotImplementedError("no network")
    return float(len(reached))


def add_bias(X):
    return _attack()


def scale(x, c):
    return _attack()


def safe_div(a, b):
    return _attack()


def apply(f, x):
    return _attack()


def count_positive(x):
    return _attack()
