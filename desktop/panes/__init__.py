"""Pane factories: each builds a pane's widget from the workstation's state (``PaneContext``).
They live here, not in ``widgets/``, because they know the app's state; the widgets do not."""
