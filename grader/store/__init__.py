"""Store: the gradebook (SQLite), one row per submission, committed one by one."""
