"""The Qt shell: main window, panes, extra screens, layouts, login, lock, status bar."""
