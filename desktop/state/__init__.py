"""Qt-free evented state of the workstation, fed by services from the sync engine."""
