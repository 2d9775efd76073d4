"""Attack: leave mid-test (sys.exit(0), os._exit, SystemExit, KeyboardInterrupt, abort).

Each failed call is that test's failure; the worker restarts for the next one. Expected:
0 points, the batch completes.
"""
import os
import sys


def add_bias(X):
    sys.exit(0)


def scale(x, c):
    os._exit(0)


def safe_div(a, b):
    raise KeyboardInterrupt


def apply(f, x):
    os.abort()


def count_positive(x):
    raise SystemExit(1)
