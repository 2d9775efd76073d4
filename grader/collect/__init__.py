"""Collect: a disk entry (file, notebook, zip, folder) -> Submission."""
