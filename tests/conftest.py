"""Suite-wide settings.

Under CI (CI=true) hypothesis runs derandomized: the same examples every run, so a landing is
never decided by a newly drawn example. Locally it keeps exploring new examples, which is where
new counterexamples come from (and then become regression tests).

NN_GRADER_TEST_CLOCK=<ISO date-time with zone> moves this process's clock there for the whole
run (see tests/clock.py): `make test` runs the `dates` tests so, years ahead and behind.
"""

from __future__ import annotations

import os
from datetime import datetime

from hypothesis import settings

_MOVED = os.environ.get("NN_GRADER_TEST_CLOCK")
if _MOVED:  # before any test module computes tests.clock.NOW
    import time_machine

    time_machine.travel(datetime.fromisoformat(_MOVED), tick=True).start()

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
    settings.load_profile("ci")
