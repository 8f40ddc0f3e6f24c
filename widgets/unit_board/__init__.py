"""The unit status board: every unit's status, time in status, assignment and timers."""
