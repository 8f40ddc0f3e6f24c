"""Reusable Qt views of the workstation. They know nothing of HTTP, SQL or the app."""
