"""Batch: entries -> grades (the batch driver, executors, the late policy)."""
