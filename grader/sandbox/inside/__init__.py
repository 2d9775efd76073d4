"""The only grader code that runs inside the sandbox, next to the student's
code (copied out as plain files: see grader.sandbox.process.bwrap.WORKER_FILES)."""
