"""The trust boundary: worker processes, warm pools, bubblewrap, cgroups, the value
codec and the student proxy. Student code runs only on the far side of it."""
