"""Attack: exhaust resources (memory bomb, CPU spin, sleep past the timeout, gigabytes of
output, a huge file, a fork bomb).

Every limit holds: each call fails, times out or crashes its worker, which restarts. Expected:
0 points, the batch completes within the submission budget.
"""
import sys
import time


def add_bias(X):
    hog = []
    while True:
        hog.append(bytearray(64 * 2**20))


def scale(x, c):
    while True:
        pass


def safe_div(a, b):
    time.sleep(3600)


def apply(f, x):
    chunk = "A" * 2**20
    while True:
        sys.stdout.write(chunk)


def count_positive(x):
    with open("huge.bin", "wb") as fh:
        while True:
            fh.write(b"\0" * 2**20)
