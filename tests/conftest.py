"""Suite-wide settings.

Under CI (CI=true) hypothesis runs derandomized: the same examples every run, so a landing is
never decided by a newly drawn example. Locally it keeps exploring new examples, which is where
new counterexamples come from (and then become regression tests).
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
    settings.load_profile("ci")
