"""Run: an assignment's tests x one submission -> RunResult (runner, reference loading,
CPU-limit calibration, reference cache)."""
