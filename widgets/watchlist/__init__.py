"""The watchlist pane's widgets: the list of current entries, an entry's detail, the BOLO sheet.
They show what they are given and emit the officer's requests; the pane (``desktop.panes``)
fetches, audits and decides who may see what."""
