"""The workstation application: state, services and the Qt shell."""
