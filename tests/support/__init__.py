"""Helpers shared by the test suites (no fixtures here: tests/conftest.py wraps them)."""
