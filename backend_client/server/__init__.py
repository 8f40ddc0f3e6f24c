"""The reference server: the central-services contract (v1) over SQLite, with a seeded scenario
simulator, so the workstation has a server to talk to in the demo and in tests.

Run it with ``ccw-server`` (see ``cli.py``); build the app in-process with ``app.create_app``.
"""
