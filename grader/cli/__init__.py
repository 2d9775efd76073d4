"""The `grader` command line: click verbs only, one module per verb (loaded lazily)."""
