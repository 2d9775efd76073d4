"""nn-grader: an auto-grader for a first course in neural networks.

Pipeline, one package per stage (see docs/ARCHITECTURE.md):
collect -> run (sandbox, checks) -> batch -> store -> report; authoring builds releases,
student serves `grader check`, cli holds the verbs. Student code never runs in this
process: see grader.sandbox.
"""

__version__ = "0.1.0"
