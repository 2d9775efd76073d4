"""What `grader check` and the release notebook's check cells need, importable
without the grading runtime's batch, store, report and authoring packages."""
