"""nn-grader: an auto-grader for a first course in neural networks.

Pipeline (one module per stage): collect -> run -> score -> report -> export.
Student code never runs in this process: see grader.sandbox and grader.worker.
"""

__version__ = "0.1.0"
