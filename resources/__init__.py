"""Package data: grids, icons, translations, layouts, sounds."""
