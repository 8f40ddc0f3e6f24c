<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name></name>
    <message>
        <source>The wall screen {screen} was disconnected; its panes moved to the main screen.</source>
        <translation>The wall screen {screen} was disconnected; its panes moved to the main screen.</translation>
    </message>
    <message>
        <source>Return to main window</source>
        <translation>Return to main window</translation>
    </message>
    <message>
        <source>Wall layouts</source>
        <translation>Wall layouts</translation>
    </message>
    <message>
        <source>New layout</source>
        <translation>New layout</translation>
    </message>
    <message>
        <source>Your layouts</source>
        <translation>Your layouts</translation>
    </message>
    <message>
        <source>Rows × columns</source>
        <translation>Rows × columns</translation>
    </message>
    <message>
        <source>Merge into one tile</source>
        <translation>Merge into one tile</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Split</translation>
    </message>
    <message>
        <source>Drag across cells, then merge them into one larger tile.</source>
        <translation>Drag across cells, then merge them into one larger tile.</translation>
    </message>
    <message>
        <source>a layout needs a name</source>
        <translation>a layout needs a name</translation>
    </message>
    <message>
        <source>Save layout</source>
        <translation>Save layout</translation>
    </message>
    <message>
        <source>That rectangle cuts through a merged tile: split it first or select around it.</source>
        <translation>That rectangle cuts through a merged tile: split it first or select around it.</translation>
    </message>
    <message>
        <source>Name of the layout (save as “{hall}” for the F12 hall layout):</source>
        <translation>Name of the layout (save as “{hall}” for the F12 hall layout):</translation>
    </message>
    <message>
        <source>Layout “{name}” saved.</source>
        <translation>Layout “{name}” saved.</translation>
    </message>
    <message>
        <source>No layouts are saved yet.</source>
        <translation>No layouts are saved yet.</translation>
    </message>
    <message>
        <source>Layouts</source>
        <translation>Layouts</translation>
    </message>
    <message>
        <source>Layout:</source>
        <translation>Layout:</translation>
    </message>
    <message>
        <source>Rename or delete</source>
        <translation>Rename or delete</translation>
    </message>
    <message>
        <source>New name for “{name}” (leave empty to delete it):</source>
        <translation>New name for “{name}” (leave empty to delete it):</translation>
    </message>
    <message>
        <source>Delete layout</source>
        <translation>Delete layout</translation>
    </message>
    <message>
        <source>Delete the layout “{name}”?</source>
        <translation>Delete the layout “{name}”?</translation>
    </message>
    <message>
        <source>That screen is no longer connected.</source>
        <translation>That screen is no longer connected.</translation>
    </message>
    <message>
        <source>Screen connected</source>
        <translation>Screen connected</translation>
    </message>
    <message>
        <source>The screen {screen} is connected again. Put its panes back on it?</source>
        <translation>The screen {screen} is connected again. Put its panes back on it?</translation>
    </message>
    <message>
        <source>A layout needs a name.</source>
        <translation>A layout needs a name.</translation>
    </message>
    <message>
        <source>There is no saved layout named “{name}”.</source>
        <translation>There is no saved layout named “{name}”.</translation>
    </message>
    <message>
        <source>The layout “{name}” could not be read ({reason}).</source>
        <translation>The layout “{name}” could not be read ({reason}).</translation>
    </message>
    <message>
        <source>The layout “{name}” was saved by a newer version of the workstation and cannot be opened here.</source>
        <translation>The layout “{name}” was saved by a newer version of the workstation and cannot be opened here.</translation>
    </message>
    <message>
        <source>The layout “{name}” is damaged and cannot be used; the file was set aside as {file}.</source>
        <translation>The layout “{name}” is damaged and cannot be used; the file was set aside as {file}.</translation>
    </message>
    <message>
        <source>The layout “{name}” could not be saved ({reason}).</source>
        <translation>The layout “{name}” could not be saved ({reason}).</translation>
    </message>
    <message>
        <source>A layout named “{name}” already exists.</source>
        <translation>A layout named “{name}” already exists.</translation>
    </message>
    <message>
        <source>The arrangement of the panes in “{name}” could not be restored; the panes stay where they are.</source>
        <translation>The arrangement of the panes in “{name}” could not be restored; the panes stay where they are.</translation>
    </message>
    <message>
        <source>“{pane}” belongs on the screen {screen}, which is not connected; it is shown in a window on the main screen.</source>
        <translation>“{pane}” belongs on the screen {screen}, which is not connected; it is shown in a window on the main screen.</translation>
    </message>
    <message>
        <source>“{pane}” could not restore its own settings; it shows its defaults.</source>
        <translation>“{pane}” could not restore its own settings; it shows its defaults.</translation>
    </message>
    <message>
        <source>%n window was moved to the main screen.</source>
        <translation>%n window was moved to the main screen.</translation>
    </message>
    <message>
        <source>%n windows were moved to the main screen.</source>
        <translation>%n windows were moved to the main screen.</translation>
    </message>
    <message>
        <source>The layout expected %n screen;</source>
        <translation>The layout expected %n screen;</translation>
    </message>
    <message>
        <source>The layout expected %n screens;</source>
        <translation>The layout expected %n screens;</translation>
    </message>
    <message>
        <source>%n is connected.</source>
        <translation>%n is connected.</translation>
    </message>
    <message>
        <source>%n are connected.</source>
        <translation>%n are connected.</translation>
    </message>
    <message>
        <source>No layout is saved under Ctrl+{key}.</source>
        <translation>No layout is saved under Ctrl+{key}.</translation>
    </message>
    <message>
        <source>There is no hall layout yet: save one as “{name}”.</source>
        <translation>There is no hall layout yet: save one as “{name}”.</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Set by the site configuration ({path})</source>
        <translation>Set by the site configuration ({path})</translation>
    </message>
    <message>
        <source>Remember server and user on this workstation</source>
        <translation>Remember server and user on this workstation</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Please enter the server, your user name and your password.</source>
        <translation>Please enter the server, your user name and your password.</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Logging in…</translation>
    </message>
    <message>
        <source>Command-center workstation</source>
        <translation>Command-center workstation</translation>
    </message>
    <message>
        <source>&amp;Workstation</source>
        <translation>&amp;Workstation</translation>
    </message>
    <message>
        <source>Log in…</source>
        <translation>Log in…</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>&amp;Layouts</source>
        <translation>&amp;Layouts</translation>
    </message>
    <message>
        <source>&amp;Panes</source>
        <translation>&amp;Panes</translation>
    </message>
    <message>
        <source>Send to screen</source>
        <translation>Send to screen</translation>
    </message>
    <message>
        <source>Command palette…</source>
        <translation>Command palette…</translation>
    </message>
    <message>
        <source>Show or hide: {pane}</source>
        <translation>Show or hide: {pane}</translation>
    </message>
    <message>
        <source>Save layout as…</source>
        <translation>Save layout as…</translation>
    </message>
    <message>
        <source>Rename or delete layouts…</source>
        <translation>Rename or delete layouts…</translation>
    </message>
    <message>
        <source>Restore hall layout</source>
        <translation>Restore hall layout</translation>
    </message>
    <message>
        <source>The new language applies the next time the workstation starts.</source>
        <translation>The new language applies the next time the workstation starts.</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Reconnecting in {n} s (attempt {a})</source>
        <translation>Reconnecting in {n} s (attempt {a})</translation>
    </message>
    <message>
        <source>OFFLINE since {t}</source>
        <translation>OFFLINE since {t}</translation>
    </message>
    <message>
        <source>Session expired — log in again</source>
        <translation>Session expired — log in again</translation>
    </message>
    <message>
        <source>OFFLINE — showing cached data as of {t}</source>
        <translation>OFFLINE — showing cached data as of {t}</translation>
    </message>
    <message>
        <source>OFFLINE — no data from the server yet</source>
        <translation>OFFLINE — no data from the server yet</translation>
    </message>
    <message>
        <source>next attempt in {n} s</source>
        <translation>next attempt in {n} s</translation>
    </message>
    <message>
        <source>Your session has expired. Log in again — nothing you did is lost; queued commands wait.</source>
        <translation>Your session has expired. Log in again — nothing you did is lost; queued commands wait.</translation>
    </message>
    <message>
        <source>ALARM FLOOD: {n} new alarms in 10 min (flood above {t}) · {rate} per minute now · in flood for {since} (this shift {total})</source>
        <translation>ALARM FLOOD: {n} new alarms in 10 min (flood above {t}) · {rate} per minute now · in flood for {since} (this shift {total})</translation>
    </message>
    <message>
        <source>%n alarm unacknowledged</source>
        <translation>%n alarm unacknowledged</translation>
    </message>
    <message>
        <source>%n alarms unacknowledged</source>
        <translation>%n alarms unacknowledged</translation>
    </message>
    <message>
        <source>Not logged in</source>
        <translation>Not logged in</translation>
    </message>
    <message>
        <source>%n command queued</source>
        <translation>%n command queued</translation>
    </message>
    <message>
        <source>%n commands queued</source>
        <translation>%n commands queued</translation>
    </message>
    <message>
        <source>Refused by the server: {m}</source>
        <translation>Refused by the server: {m}</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <source>The site configuration sets the server to {url}; the server given on the command line is not used.</source>
        <translation>The site configuration sets the server to {url}; the server given on the command line is not used.</translation>
    </message>
    <message>
        <source>The demo server did not start. See the log for details.</source>
        <translation>The demo server did not start. See the log for details.</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>dealt with on scene or by phone</source>
        <translation>dealt with on scene or by phone</translation>
    </message>
    <message>
        <source>no incident: a faulty detector, a mistaken call</source>
        <translation>no incident: a faulty detector, a mistaken call</translation>
    </message>
    <message>
        <source>the same incident as another alarm</source>
        <translation>the same incident as another alarm</translation>
    </message>
    <message>
        <source>handed to another agency or hall</source>
        <translation>handed to another agency or hall</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>Add a note</translation>
    </message>
    <message>
        <source>Note on {id}: {title}</source>
        <translation>Note on {id}: {title}</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Add note</translation>
    </message>
    <message>
        <source>Close {id}: {title}</source>
        <translation>Close {id}: {title}</translation>
    </message>
    <message>
        <source>Close {n} alarms of this group (each one is sent separately).</source>
        <translation>Close {n} alarms of this group (each one is sent separately).</translation>
    </message>
    <message>
        <source>Close alarm</source>
        <translation>Close alarm</translation>
    </message>
    <message>
        <source>Choose how it ended…</source>
        <translation>Choose how it ended…</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Disposition</translation>
    </message>
    <message>
        <source>Close %n alarm</source>
        <translation>Close %n alarm</translation>
    </message>
    <message>
        <source>Close %n alarms</source>
        <translation>Close %n alarms</translation>
    </message>
    <message>
        <source>Match confidence {p} %.</source>
        <translation>Match confidence {p} %.</translation>
    </message>
    <message>
        <source>Compare the live picture with the watchlist entry.</source>
        <translation>Compare the live picture with the watchlist entry.</translation>
    </message>
    <message>
        <source>Verify watchlist match</source>
        <translation>Verify watchlist match</translation>
    </message>
    <message>
        <source>Record verification</source>
        <translation>Record verification</translation>
    </message>
    <message>
        <source>It is a match</source>
        <translation>It is a match</translation>
    </message>
    <message>
        <source>Not a match (closes the alarm as a false alarm)</source>
        <translation>Not a match (closes the alarm as a false alarm)</translation>
    </message>
    <message>
        <source>Why (required):</source>
        <translation>Why (required):</translation>
    </message>
    <message>
        <source>Raise an alarm</source>
        <translation>Raise an alarm</translation>
    </message>
    <message>
        <source>P{p}</source>
        <translation>P{p}</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Cards</translation>
    </message>
    <message>
        <source>By status</source>
        <translation>By status</translation>
    </message>
    <message>
        <source>By station</source>
        <translation>By station</translation>
    </message>
    <message>
        <source>By grid</source>
        <translation>By grid</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Available near the alarm</source>
        <translation>Available near the alarm</translation>
    </message>
    <message>
        <source>The available units nearest the selected alarm, as the dispatch picker ranks them</source>
        <translation>The available units nearest the selected alarm, as the dispatch picker ranks them</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation>Large text</translation>
    </message>
    <message>
        <source>Large text, to be read from across the hall (for a wall screen)</source>
        <translation>Large text, to be read from across the hall (for a wall screen)</translation>
    </message>
    <message>
        <source>Contact confirmed…</source>
        <translation>Contact confirmed…</translation>
    </message>
    <message>
        <source>{unit} was not set to {status}: the central services refused ({why}).</source>
        <translation>{unit} was not set to {status}: the central services refused ({why}).</translation>
    </message>
    <message>
        <source>As of {time} (not live)</source>
        <translation>As of {time} (not live)</translation>
    </message>
    <message>
        <source>{n} overdue</source>
        <translation>{n} overdue</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Home grid</source>
        <translation>Home grid</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Show all units</source>
        <translation>Show all units</translation>
    </message>
    <message>
        <source>Filter (on)</source>
        <translation>Filter (on)</translation>
    </message>
    <message>
        <source>Select an alarm: the available units nearest it are listed here.</source>
        <translation>Select an alarm: the available units nearest it are listed here.</translation>
    </message>
    <message>
        <source>Available units nearest {alarm}</source>
        <translation>Available units nearest {alarm}</translation>
    </message>
    <message>
        <source>Set status</source>
        <translation>Set status</translation>
    </message>
    <message>
        <source>Contact confirmed (welfare check)…</source>
        <translation>Contact confirmed (welfare check)…</translation>
    </message>
    <message>
        <source>Show its alarm</source>
        <translation>Show its alarm</translation>
    </message>
    <message>
        <source>{unit} is on the alarm {alarm}. Put it out of service anyway? The alarm will need another unit.</source>
        <translation>{unit} is on the alarm {alarm}. Put it out of service anyway? The alarm will need another unit.</translation>
    </message>
    <message>
        <source>Welfare check due: {units}. Call the crew, then confirm contact.</source>
        <translation>Welfare check due: {units}. Call the crew, then confirm contact.</translation>
    </message>
    <message>
        <source>✓ {unit}: welfare check, contact with the crew confirmed</source>
        <translation>✓ {unit}: welfare check, contact with the crew confirmed</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Raise alarm</source>
        <translation>Raise alarm</translation>
    </message>
    <message>
        <source>Patrol note</source>
        <translation>Patrol note</translation>
    </message>
    <message>
        <source>What do you see on {camera}?</source>
        <translation>What do you see on {camera}?</translation>
    </message>
    <message>
        <source>Post note</source>
        <translation>Post note</translation>
    </message>
    <message>
        <source>Raise a new alarm with this camera</source>
        <translation>Raise a new alarm with this camera</translation>
    </message>
    <message>
        <source>Post to</source>
        <translation>Post to</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>The closed alarms could not be loaded; see the log.</source>
        <translation>The closed alarms could not be loaded; see the log.</translation>
    </message>
    <message>
        <source>{sources}, {alarms} hidden (P1 always shown)</source>
        <translation>{sources}, {alarms} hidden (P1 always shown)</translation>
    </message>
    <message>
        <source>%n source shelved</source>
        <translation>%n source shelved</translation>
    </message>
    <message>
        <source>%n sources shelved</source>
        <translation>%n sources shelved</translation>
    </message>
    <message>
        <source>%n alarm</source>
        <translation>%n alarm</translation>
    </message>
    <message>
        <source>%n alarms</source>
        <translation>%n alarms</translation>
    </message>
    <message>
        <source>Select an alarm in the queue to see it here.</source>
        <translation>Select an alarm in the queue to see it here.</translation>
    </message>
    <message>
        <source>This alarm is closed or no longer known.</source>
        <translation>This alarm is closed or no longer known.</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>Add note…</source>
        <translation>Add note…</translation>
    </message>
    <message>
        <source>Dispatch…</source>
        <translation>Dispatch…</translation>
    </message>
    <message>
        <source>Verify match…</source>
        <translation>Verify match…</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation>Close…</translation>
    </message>
    <message>
        <source>Fold the group</source>
        <translation>Fold the group</translation>
    </message>
    <message>
        <source>Show the {n} alarms of the group</source>
        <translation>Show the {n} alarms of the group</translation>
    </message>
    <message>
        <source>Shelve this source…</source>
        <translation>Shelve this source…</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Verify</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Show cameras on the wall</source>
        <translation>Show cameras on the wall</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Cameras</source>
        <translation>Cameras</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Shortcut: {key}</source>
        <translation>Shortcut: {key}</translation>
    </message>
    <message>
        <source>{state}, closing (queued)</source>
        <translation>{state}, closing (queued)</translation>
    </message>
    <message>
        <source>{state} (queued)</source>
        <translation>{state} (queued)</translation>
    </message>
    <message>
        <source>Camera snapshot</source>
        <translation>Camera snapshot</translation>
    </message>
    <message>
        <source>Watchlist photo</source>
        <translation>Watchlist photo</translation>
    </message>
    <message>
        <source>No snapshot</source>
        <translation>No snapshot</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>No photo</translation>
    </message>
    <message>
        <source>Not shown for your role</source>
        <translation>Not shown for your role</translation>
    </message>
    <message>
        <source>Match confidence: {p} %</source>
        <translation>Match confidence: {p} %</translation>
    </message>
    <message>
        <source>Not verified: verify the match before anyone is dispatched</source>
        <translation>Not verified: verify the match before anyone is dispatched</translation>
    </message>
    <message>
        <source>Verified by a person: a match</source>
        <translation>Verified by a person: a match</translation>
    </message>
    <message>
        <source>Verified by a person: not a match</source>
        <translation>Verified by a person: not a match</translation>
    </message>
    <message>
        <source>Handling: {h}</source>
        <translation>Handling: {h}</translation>
    </message>
    <message>
        <source>Legal basis: {b} · valid until {d}</source>
        <translation>Legal basis: {b} · valid until {d}</translation>
    </message>
    <message>
        <source>Watchlist details are not shown for your role.</source>
        <translation>Watchlist details are not shown for your role.</translation>
    </message>
    <message>
        <source>The entry is no longer on the watchlist.</source>
        <translation>The entry is no longer on the watchlist.</translation>
    </message>
    <message>
        <source>Put {camera} on the wall</source>
        <translation>Put {camera} on the wall</translation>
    </message>
    <message>
        <source>{n} repeats from {source} ({kind}), {first} to {last}. Acknowledging or closing acts on all of them.</source>
        <translation>{n} repeats from {source} ({kind}), {first} to {last}. Acknowledging or closing acts on all of them.</translation>
    </message>
    <message>
        <source>Fold the group in the queue</source>
        <translation>Fold the group in the queue</translation>
    </message>
    <message>
        <source>Expand the group in the queue</source>
        <translation>Expand the group in the queue</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Raised</translation>
    </message>
    <message>
        <source>{t} by {who}</source>
        <translation>{t} by {who}</translation>
    </message>
    <message>
        <source>No camera sees this place.</source>
        <translation>No camera sees this place.</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>No camera</source>
        <translation>No camera</translation>
    </message>
    <message>
        <source>No camera: drag one here</source>
        <translation>No camera: drag one here</translation>
    </message>
    <message>
        <source>Signal lost at {t} · reconnecting…</source>
        <translation>Signal lost at {t} · reconnecting…</translation>
    </message>
    <message>
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <source>SIGNAL LOST {t}</source>
        <translation>SIGNAL LOST {t}</translation>
    </message>
    <message>
        <source>Signal lost at {t} · reconnecting in {n} s</source>
        <translation>Signal lost at {t} · reconnecting in {n} s</translation>
    </message>
    <message>
        <source>No stream for this camera</source>
        <translation>No stream for this camera</translation>
    </message>
    <message>
        <source>Camera offline</source>
        <translation>Camera offline</translation>
    </message>
    <message>
        <source>live {n} fps</source>
        <translation>live {n} fps</translation>
    </message>
    <message>
        <source>signal lost</source>
        <translation>signal lost</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>no stream</source>
        <translation>no stream</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>connecting</translation>
    </message>
    <message>
        <source>Camera number: {n}_ · Enter</source>
        <translation>Camera number: {n}_ · Enter</translation>
    </message>
    <message>
        <source>No unit assigned.</source>
        <translation>No unit assigned.</translation>
    </message>
    <message>
        <source>Ack timer</source>
        <translation>Ack timer</translation>
    </message>
    <message>
        <source>Priority (1 is the most urgent)</source>
        <translation>Priority (1 is the most urgent)</translation>
    </message>
    <message>
        <source>Time left to acknowledge; for acknowledged alarms, the time it took</source>
        <translation>Time left to acknowledge; for acknowledged alarms, the time it took</translation>
    </message>
    <message>
        <source>Intrusion</source>
        <translation>Intrusion</translation>
    </message>
    <message>
        <source>Fire</source>
        <translation>Fire</translation>
    </message>
    <message>
        <source>Panic</source>
        <translation>Panic</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>Video analytics</source>
        <translation>Video analytics</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Traffic</translation>
    </message>
    <message>
        <source>Watchlist hit</source>
        <translation>Watchlist hit</translation>
    </message>
    <message>
        <source>Equipment fault</source>
        <translation>Equipment fault</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <source>On scene</source>
        <translation>On scene</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>{s} s</source>
        <translation>{s} s</translation>
    </message>
    <message>
        <source>{m} min {s:02d} s</source>
        <translation>{m} min {s:02d} s</translation>
    </message>
    <message>
        <source>{h} h {m:02d} min</source>
        <translation>{h} h {m:02d} min</translation>
    </message>
    <message>
        <source>{d} d {h:02d} h</source>
        <translation>{d} d {h:02d} h</translation>
    </message>
    <message>
        <source>overdue +{t}</source>
        <translation>overdue +{t}</translation>
    </message>
    <message>
        <source>took {t}</source>
        <translation>took {t}</translation>
    </message>
    <message>
        <source>Priority {p}</source>
        <translation>Priority {p}</translation>
    </message>
    <message>
        <source>To be acknowledged within {t}: {state}</source>
        <translation>To be acknowledged within {t}: {state}</translation>
    </message>
    <message>
        <source>Acknowledged by {who} after {t}</source>
        <translation>Acknowledged by {who} after {t}</translation>
    </message>
    <message>
        <source>Alarm queue</source>
        <translation>Alarm queue</translation>
    </message>
    <message>
        <source>Not connected to the central services yet.</source>
        <translation>Not connected to the central services yet.</translation>
    </message>
    <message>
        <source>Already acknowledged.</source>
        <translation>Already acknowledged.</translation>
    </message>
    <message>
        <source>%n alarm acknowledged</source>
        <translation>%n alarm acknowledged</translation>
    </message>
    <message>
        <source>%n alarms acknowledged</source>
        <translation>%n alarms acknowledged</translation>
    </message>
    <message>
        <source>Entry: {name}. Handling: {handling}</source>
        <translation>Entry: {name}. Handling: {handling}</translation>
    </message>
    <message>
        <source>Select an alarm first.</source>
        <translation>Select an alarm first.</translation>
    </message>
    <message>
        <source>No grids are known yet: wait for the connection.</source>
        <translation>No grids are known yet: wait for the connection.</translation>
    </message>
    <message>
        <source>That grid is no longer known.</source>
        <translation>That grid is no longer known.</translation>
    </message>
    <message>
        <source>That grid has no usable outline: choose another.</source>
        <translation>That grid has no usable outline: choose another.</translation>
    </message>
    <message>
        <source>Alarm raised.</source>
        <translation>Alarm raised.</translation>
    </message>
    <message>
        <source>Acknowledge the selected alarm</source>
        <translation>Acknowledge the selected alarm</translation>
    </message>
    <message>
        <source>Add a note…</source>
        <translation>Add a note…</translation>
    </message>
    <message>
        <source>Dispatch units…</source>
        <translation>Dispatch units…</translation>
    </message>
    <message>
        <source>unit callsigns</source>
        <translation>unit callsigns</translation>
    </message>
    <message>
        <source>Verify the watchlist match…</source>
        <translation>Verify the watchlist match…</translation>
    </message>
    <message>
        <source>Close the selected alarm…</source>
        <translation>Close the selected alarm…</translation>
    </message>
    <message>
        <source>resolved | false | duplicate | transferred</source>
        <translation>resolved | false | duplicate | transferred</translation>
    </message>
    <message>
        <source>Raise an alarm by hand…</source>
        <translation>Raise an alarm by hand…</translation>
    </message>
    <message>
        <source>Shelve the selected alarm&apos;s source…</source>
        <translation>Shelve the selected alarm&apos;s source…</translation>
    </message>
    <message>
        <source>Shelved sources…</source>
        <translation>Shelved sources…</translation>
    </message>
    <message>
        <source>Select an alarm of the source to shelve.</source>
        <translation>Select an alarm of the source to shelve.</translation>
    </message>
    <message>
        <source>Your role may not do this.</source>
        <translation>Your role may not do this.</translation>
    </message>
    <message>
        <source>{source} shelved until {t}.</source>
        <translation>{source} shelved until {t}.</translation>
    </message>
    <message>
        <source>Could not write the audit record; see the log.</source>
        <translation>Could not write the audit record; see the log.</translation>
    </message>
    <message>
        <source>The action failed; see the log.</source>
        <translation>The action failed; see the log.</translation>
    </message>
    <message>
        <source>Log in first.</source>
        <translation>Log in first.</translation>
    </message>
    <message>
        <source>This alarm is closed.</source>
        <translation>This alarm is closed.</translation>
    </message>
    <message>
        <source>This alarm is being closed.</source>
        <translation>This alarm is being closed.</translation>
    </message>
    <message>
        <source>Only watchlist hits are verified.</source>
        <translation>Only watchlist hits are verified.</translation>
    </message>
    <message>
        <source>Already verified.</source>
        <translation>Already verified.</translation>
    </message>
    <message>
        <source>Verify the watchlist match first.</source>
        <translation>Verify the watchlist match first.</translation>
    </message>
    <message>
        <source>Acknowledge the alarm first.</source>
        <translation>Acknowledge the alarm first.</translation>
    </message>
    <message>
        <source>Acknowledged by another officer: only they or a supervisor may close it.</source>
        <translation>Acknowledged by another officer: only they or a supervisor may close it.</translation>
    </message>
    <message>
        <source>Nothing to acknowledge.</source>
        <translation>Nothing to acknowledge.</translation>
    </message>
    <message>
        <source>A note cannot be empty.</source>
        <translation>A note cannot be empty.</translation>
    </message>
    <message>
        <source>Choose at least one unit.</source>
        <translation>Choose at least one unit.</translation>
    </message>
    <message>
        <source>Say why: a verification needs a note.</source>
        <translation>Say why: a verification needs a note.</translation>
    </message>
    <message>
        <source>Choose how the alarm ended.</source>
        <translation>Choose how the alarm ended.</translation>
    </message>
    <message>
        <source>Closing needs a note.</source>
        <translation>Closing needs a note.</translation>
    </message>
    <message>
        <source>Nothing to close.</source>
        <translation>Nothing to close.</translation>
    </message>
    <message>
        <source>An alarm needs a title.</source>
        <translation>An alarm needs a title.</translation>
    </message>
    <message>
        <source>The command could not be saved on this workstation and was NOT sent. Check the disk, then try again.</source>
        <translation>The command could not be saved on this workstation and was NOT sent. Check the disk, then try again.</translation>
    </message>
    <message>
        <source>Alarm sounds cannot play: the media engine (libVLC) could not be started on this workstation. Watch the alarm queue; ask the technician to check the installation.</source>
        <translation>Alarm sounds cannot play: the media engine (libVLC) could not be started on this workstation. Watch the alarm queue; ask the technician to check the installation.</translation>
    </message>
    <message>
        <source>Alarm sounds cannot be heard: this workstation has no working sound output. Watch the alarm queue; ask the technician to check the speakers.</source>
        <translation>Alarm sounds cannot be heard: this workstation has no working sound output. Watch the alarm queue; ask the technician to check the speakers.</translation>
    </message>
    <message>
        <source>Some alarm sounds are missing from the installation; those priorities stay silent. Ask the technician to reinstall.</source>
        <translation>Some alarm sounds are missing from the installation; those priorities stay silent. Ask the technician to reinstall.</translation>
    </message>
    <message>
        <source>Verify match</source>
        <translation>Verify match</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>resolved</translation>
    </message>
    <message>
        <source>false alarm</source>
        <translation>false alarm</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>duplicate</translation>
    </message>
    <message>
        <source>transferred</source>
        <translation>transferred</translation>
    </message>
    <message>
        <source>Alarm raised</source>
        <translation>Alarm raised</translation>
    </message>
    <message>
        <source>Verified: a match</source>
        <translation>Verified: a match</translation>
    </message>
    <message>
        <source>Verified: not a match</source>
        <translation>Verified: not a match</translation>
    </message>
    <message>
        <source>Closed ({how})</source>
        <translation>Closed ({how})</translation>
    </message>
    <message>
        <source>you</source>
        <translation>you</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>queued</translation>
    </message>
    <message>
        <source>closing, queued</source>
        <translation>closing, queued</translation>
    </message>
    <message>
        <source>{fold} {n}× {first}–{last} · {title}</source>
        <translation>{fold} {n}× {first}–{last} · {title}</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <source>{h} h</source>
        <translation>{h} h</translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h} h {m} min</translation>
    </message>
    <message>
        <source>Shelve alarm source</source>
        <translation>Shelve alarm source</translation>
    </message>
    <message>
        <source>Hide the alarms of “{source}” ({n} open) from the queue for a while. P1 alarms from it are still shown. The source comes back by itself; shelving is recorded in the audit log.</source>
        <translation>Hide the alarms of “{source}” ({n} open) from the queue for a while. P1 alarms from it are still shown. The source comes back by itself; shelving is recorded in the audit log.</translation>
    </message>
    <message>
        <source>Shelve</source>
        <translation>Shelve</translation>
    </message>
    <message>
        <source>For</source>
        <translation>For</translation>
    </message>
    <message>
        <source>Reason (required):</source>
        <translation>Reason (required):</translation>
    </message>
    <message>
        <source>Shelved alarm sources</source>
        <translation>Shelved alarm sources</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Back at</source>
        <translation>Back at</translation>
    </message>
    <message>
        <source>No source is shelved.</source>
        <translation>No source is shelved.</translation>
    </message>
    <message>
        <source>Bring back now</source>
        <translation>Bring back now</translation>
    </message>
    <message>
        <source>Callsign</source>
        <translation>Callsign</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>In status</source>
        <translation>In status</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Radio</source>
        <translation>Radio</translation>
    </message>
    <message>
        <source>How long the unit has had its status; overdue units are marked and come first in their status</source>
        <translation>How long the unit has had its status; overdue units are marked and come first in their status</translation>
    </message>
    <message>
        <source>How old the last position report is (the map&apos;s limits)</source>
        <translation>How old the last position report is (the map&apos;s limits)</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Distance</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>ETA</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Current alarm</source>
        <translation>Current alarm</translation>
    </message>
    <message>
        <source>Space or the row&apos;s number chooses a unit</source>
        <translation>Space or the row&apos;s number chooses a unit</translation>
    </message>
    <message>
        <source>Straight-line distance to the alarm, not by road</source>
        <translation>Straight-line distance to the alarm, not by road</translation>
    </message>
    <message>
        <source>Straight-line distance at a nominal speed: a first guess</source>
        <translation>Straight-line distance at a nominal speed: a first guess</translation>
    </message>
    <message>
        <source>This unit has not reported a position: ask it where it is.</source>
        <translation>This unit has not reported a position: ask it where it is.</translation>
    </message>
    <message>
        <source>Its last position is {t} old: the distance may be wrong.</source>
        <translation>Its last position is {t} old: the distance may be wrong.</translation>
    </message>
    <message>
        <source>not en route yet</source>
        <translation>not en route yet</translation>
    </message>
    <message>
        <source>not on scene yet</source>
        <translation>not on scene yet</translation>
    </message>
    <message>
        <source>welfare check due</source>
        <translation>welfare check due</translation>
    </message>
    <message>
        <source>position {t} old</source>
        <translation>position {t} old</translation>
    </message>
    <message>
        <source>{status} (queued)</source>
        <translation>{status} (queued)</translation>
    </message>
    <message>
        <source>The status change is queued: it has not reached the central services yet.</source>
        <translation>The status change is queued: it has not reached the central services yet.</translation>
    </message>
    <message>
        <source>Patrol car</source>
        <translation>Patrol car</translation>
    </message>
    <message>
        <source>Foot patrol</source>
        <translation>Foot patrol</translation>
    </message>
    <message>
        <source>Motorcycle</source>
        <translation>Motorcycle</translation>
    </message>
    <message>
        <source>Special unit</source>
        <translation>Special unit</translation>
    </message>
    <message>
        <source>Traffic unit</source>
        <translation>Traffic unit</translation>
    </message>
    <message>
        <source>Ambulance</source>
        <translation>Ambulance</translation>
    </message>
    <message>
        <source>Fire engine</source>
        <translation>Fire engine</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Available</translation>
    </message>
    <message>
        <source>En route</source>
        <translation>En route</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Busy</translation>
    </message>
    <message>
        <source>Out of service</source>
        <translation>Out of service</translation>
    </message>
    <message>
        <source>Off duty</source>
        <translation>Off duty</translation>
    </message>
    <message>
        <source>&lt; 10 m</source>
        <translation>&lt; 10 m</translation>
    </message>
    <message>
        <source>{m} m</source>
        <translation>{m} m</translation>
    </message>
    <message>
        <source>{km} km</source>
        <translation>{km} km</translation>
    </message>
    <message>
        <source>&lt; 1 min</source>
        <translation>&lt; 1 min</translation>
    </message>
    <message>
        <source>~{m} min</source>
        <translation>~{m} min</translation>
    </message>
    <message>
        <source>~{h} h {m:02d} min</source>
        <translation>~{h} h {m:02d} min</translation>
    </message>
    <message>
        <source>now</source>
        <translation>now</translation>
    </message>
    <message>
        <source>last {n} h</source>
        <translation>last {n} h</translation>
    </message>
    <message>
        <source>Offline — figures as of {t}</source>
        <translation>Offline — figures as of {t}</translation>
    </message>
    <message>
        <source>{m} min</source>
        <translation>{m} min</translation>
    </message>
    <message>
        <source>P{p} {t}</source>
        <translation>P{p} {t}</translation>
    </message>
    <message>
        <source>target {t}</source>
        <translation>target {t}</translation>
    </message>
    <message>
        <source>No alarms in this period</source>
        <translation>No alarms in this period</translation>
    </message>
    <message>
        <source>{pct} % within target</source>
        <translation>{pct} % within target</translation>
    </message>
    <message>
        <source>n = {n}</source>
        <translation>n = {n}</translation>
    </message>
    <message>
        <source>(+{n} not measurable)</source>
        <translation>(+{n} not measurable)</translation>
    </message>
    <message>
        <source>{pct} % online</source>
        <translation>{pct} % online</translation>
    </message>
    <message>
        <source>flood: &gt; {n} / {m} min</source>
        <translation>flood: &gt; {n} / {m} min</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>now: {n} in the last 10 min</source>
        <translation>now: {n} in the last 10 min</translation>
    </message>
    <message>
        <source>time in flood ({h} h): {t}</source>
        <translation>time in flood ({h} h): {t}</translation>
    </message>
    <message>
        <source>{d} d</source>
        <translation>{d} d</translation>
    </message>
    <message>
        <source>no position</source>
        <translation>no position</translation>
    </message>
    <message>
        <source>{t} ago</source>
        <translation>{t} ago</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Layout</translation>
    </message>
    <message>
        <source>{n} tiles ({keys})</source>
        <translation>{n} tiles ({keys})</translation>
    </message>
    <message>
        <source>Some of your wall layouts could not be read; see the log.</source>
        <translation>Some of your wall layouts could not be read; see the log.</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Custom</translation>
    </message>
    <message>
        <source>Back to the tour</source>
        <translation>Back to the tour</translation>
    </message>
    <message>
        <source>Some saved tours could not be read; see the log.</source>
        <translation>Some saved tours could not be read; see the log.</translation>
    </message>
    <message>
        <source>The saved video wall could not be used entirely; the standard wall is shown.</source>
        <translation>The saved video wall could not be used entirely; the standard wall is shown.</translation>
    </message>
    <message>
        <source>Alarm cameras</source>
        <translation>Alarm cameras</translation>
    </message>
    <message>
        <source>{name} ({n} tiles)</source>
        <translation>{name} ({n} tiles)</translation>
    </message>
    <message>
        <source>Edit layouts…</source>
        <translation>Edit layouts…</translation>
    </message>
    <message>
        <source>No group</source>
        <translation>No group</translation>
    </message>
    <message>
        <source>Grids by station</source>
        <translation>Grids by station</translation>
    </message>
    <message>
        <source>Open alarms per grid</source>
        <translation>Open alarms per grid</translation>
    </message>
    <message>
        <source>Units available per grid</source>
        <translation>Units available per grid</translation>
    </message>
    <message>
        <source>Find a grid, camera, unit or address</source>
        <translation>Find a grid, camera, unit or address</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Follow</translation>
    </message>
    <message>
        <source>Keep the selected unit in the middle of the map</source>
        <translation>Keep the selected unit in the middle of the map</translation>
    </message>
    <message>
        <source>Whole area</source>
        <translation>Whole area</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>Click points on the map; the distance along them is shown. Click the button again to stop.</source>
        <translation>Click points on the map; the distance along them is shown. Click the button again to stop.</translation>
    </message>
    <message>
        <source>Event zones</source>
        <translation>Event zones</translation>
    </message>
    <message>
        <source>Load event zones…</source>
        <translation>Load event zones…</translation>
    </message>
    <message>
        <source>Remove event zones</source>
        <translation>Remove event zones</translation>
    </message>
    <message>
        <source>Unit symbols: a dart is a car, a slim dart a motorcycle, a disc with a nose an officer on foot, a block an ambulance or fire engine; the point shows the heading. Colour is the status. Filled: position fresh; faded: ageing (over {ageing}); grey with a dashed rim: stale (over {stale}); hollow, dotted: lost (over {lost}), kept where last seen.</source>
        <translation>Unit symbols: a dart is a car, a slim dart a motorcycle, a disc with a nose an officer on foot, a block an ambulance or fire engine; the point shows the heading. Colour is the status. Filled: position fresh; faded: ageing (over {ageing}); grey with a dashed rim: stale (over {stale}); hollow, dotted: lost (over {lost}), kept where last seen.</translation>
    </message>
    <message>
        <source>{n} fresh</source>
        <translation>{n} fresh</translation>
    </message>
    <message>
        <source>{n} ageing</source>
        <translation>{n} ageing</translation>
    </message>
    <message>
        <source>{n} stale</source>
        <translation>{n} stale</translation>
    </message>
    <message>
        <source>{n} lost</source>
        <translation>{n} lost</translation>
    </message>
    <message>
        <source>{n} without position</source>
        <translation>{n} without position</translation>
    </message>
    <message>
        <source>Units: {parts}</source>
        <translation>Units: {parts}</translation>
    </message>
    <message>
        <source>Load event zones</source>
        <translation>Load event zones</translation>
    </message>
    <message>
        <source>GeoJSON (*.geojson *.json)</source>
        <translation>GeoJSON (*.geojson *.json)</translation>
    </message>
    <message>
        <source>Event zones from {file}: {n} problem(s); the valid zones are shown. First: {first}</source>
        <translation>Event zones from {file}: {n} problem(s); the valid zones are shown. First: {first}</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Dispatch the nearest unit…</source>
        <translation>Dispatch the nearest unit…</translation>
    </message>
    <message>
        <source>Follow this unit</source>
        <translation>Follow this unit</translation>
    </message>
    <message>
        <source>Show the cameras near here on the wall ({n})</source>
        <translation>Show the cameras near here on the wall ({n})</translation>
    </message>
    <message>
        <source>Centre the map here</source>
        <translation>Centre the map here</translation>
    </message>
    <message>
        <source>Dispatch is done from the alarm queue, which is not open.</source>
        <translation>Dispatch is done from the alarm queue, which is not open.</translation>
    </message>
    <message>
        <source>The event zones file {file} is no longer there; the map is shown without zones.</source>
        <translation>The event zones file {file} is no longer there; the map is shown without zones.</translation>
    </message>
    <message>
        <source>The map tiles cannot be used ({why}); the map is shown without them.</source>
        <translation>The map tiles cannot be used ({why}); the map is shown without them.</translation>
    </message>
    <message>
        <source>No station</source>
        <translation>No station</translation>
    </message>
    <message>
        <source>No grid</source>
        <translation>No grid</translation>
    </message>
    <message>
        <source>Your role may not move cameras.</source>
        <translation>Your role may not move cameras.</translation>
    </message>
    <message>
        <source>This camera cannot be moved.</source>
        <translation>This camera cannot be moved.</translation>
    </message>
    <message>
        <source>The camera move was refused by the server.</source>
        <translation>The camera move was refused by the server.</translation>
    </message>
    <message>
        <source>The camera move was not sent: no connection.</source>
        <translation>The camera move was not sent: no connection.</translation>
    </message>
    <message>
        <source>Tour</source>
        <translation>Tour</translation>
    </message>
    <message>
        <source>Tour the cameras shown in the tree</source>
        <translation>Tour the cameras shown in the tree</translation>
    </message>
    <message>
        <source>Pause the tour</source>
        <translation>Pause the tour</translation>
    </message>
    <message>
        <source>Stop the tour</source>
        <translation>Stop the tour</translation>
    </message>
    <message>
        <source>Tree</source>
        <translation>Tree</translation>
    </message>
    <message>
        <source>There is no saved tour named {name}.</source>
        <translation>There is no saved tour named {name}.</translation>
    </message>
    <message>
        <source>The tour {name} has no cameras left (its groups are empty).</source>
        <translation>The tour {name} has no cameras left (its groups are empty).</translation>
    </message>
    <message>
        <source>one tile</source>
        <translation>one tile</translation>
    </message>
    <message>
        <source>whole wall</source>
        <translation>whole wall</translation>
    </message>
    <message>
        <source>{name} ({where}, {s} s)</source>
        <translation>{name} ({where}, {s} s)</translation>
    </message>
    <message>
        <source>Edit tours…</source>
        <translation>Edit tours…</translation>
    </message>
    <message>
        <source>Resume the tour</source>
        <translation>Resume the tour</translation>
    </message>
    <message>
        <source>step {i}/{n}</source>
        <translation>step {i}/{n}</translation>
    </message>
    <message>
        <source>waits for the alarm</source>
        <translation>waits for the alarm</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message>
        <source>next in {s} s</source>
        <translation>next in {s} s</translation>
    </message>
    <message>
        <source> on tile {n}</source>
        <translation> on tile {n}</translation>
    </message>
    <message>
        <source>a tour needs a name</source>
        <translation>a tour needs a name</translation>
    </message>
    <message>
        <source>a tour needs at least one camera or group</source>
        <translation>a tour needs at least one camera or group</translation>
    </message>
    <message>
        <source>a step must stay 3 s to 1 h</source>
        <translation>a step must stay 3 s to 1 h</translation>
    </message>
    <message>
        <source>Tours</source>
        <translation>Tours</translation>
    </message>
    <message>
        <source>New tour</source>
        <translation>New tour</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Not saved: the name {name} is taken already.</source>
        <translation>Not saved: the name {name} is taken already.</translation>
    </message>
    <message>
        <source>Could not be saved ({why}).</source>
        <translation>Could not be saved ({why}).</translation>
    </message>
    <message>
        <source>Could not be deleted ({why}).</source>
        <translation>Could not be deleted ({why}).</translation>
    </message>
    <message>
        <source>Saved tours</source>
        <translation>Saved tours</translation>
    </message>
    <message>
        <source> s per step</source>
        <translation> s per step</translation>
    </message>
    <message>
        <source>The whole wall (a wall&apos;s worth of cameras per step)</source>
        <translation>The whole wall (a wall&apos;s worth of cameras per step)</translation>
    </message>
    <message>
        <source>One tile (the tile selected when it starts)</source>
        <translation>One tile (the tile selected when it starts)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Dwell</source>
        <translation>Dwell</translation>
    </message>
    <message>
        <source>Shows on</source>
        <translation>Shows on</translation>
    </message>
    <message>
        <source>Find a camera or group</source>
        <translation>Find a camera or group</translation>
    </message>
    <message>
        <source>Add to the tour</source>
        <translation>Add to the tour</translation>
    </message>
    <message>
        <source>Take out of the tour</source>
        <translation>Take out of the tour</translation>
    </message>
    <message>
        <source>Earlier</source>
        <translation>Earlier</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Cameras and groups</source>
        <translation>Cameras and groups</translation>
    </message>
    <message>
        <source>In this tour, in order</source>
        <translation>In this tour, in order</translation>
    </message>
    <message>
        <source>Save tour</source>
        <translation>Save tour</translation>
    </message>
    <message>
        <source>Group {name} ({n} cameras)</source>
        <translation>Group {name} ({n} cameras)</translation>
    </message>
    <message>
        <source>{id} (no longer known)</source>
        <translation>{id} (no longer known)</translation>
    </message>
    <message>
        <source>Not saved: {why}.</source>
        <translation>Not saved: {why}.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Back to the wall</source>
        <translation>Back to the wall</translation>
    </message>
    <message>
        <source>Fill the wall</source>
        <translation>Fill the wall</translation>
    </message>
    <message>
        <source>Type a camera number, then Enter</source>
        <translation>Type a camera number, then Enter</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>Snapshot</translation>
    </message>
    <message>
        <source>Patrol note…</source>
        <translation>Patrol note…</translation>
    </message>
    <message>
        <source>PTZ preset</source>
        <translation>PTZ preset</translation>
    </message>
    <message>
        <source>Preset {n}</source>
        <translation>Preset {n}</translation>
    </message>
    <message>
        <source>Remove from this tile</source>
        <translation>Remove from this tile</translation>
    </message>
    <message>
        <source>Demo faults</source>
        <translation>Demo faults</translation>
    </message>
    <message>
        <source>Make this stream fail</source>
        <translation>Make this stream fail</translation>
    </message>
    <message>
        <source>Let this stream recover</source>
        <translation>Let this stream recover</translation>
    </message>
    <message>
        <source>Click the tile to take a snapshot of first.</source>
        <translation>Click the tile to take a snapshot of first.</translation>
    </message>
    <message>
        <source>Snapshots cannot be saved at this workstation.</source>
        <translation>Snapshots cannot be saved at this workstation.</translation>
    </message>
    <message>
        <source>The snapshot folder cannot be written: {folder}</source>
        <translation>The snapshot folder cannot be written: {folder}</translation>
    </message>
    <message>
        <source>No picture to take: {camera} is not playing.</source>
        <translation>No picture to take: {camera} is not playing.</translation>
    </message>
    <message>
        <source>The snapshot of {camera} could not be written.</source>
        <translation>The snapshot of {camera} could not be written.</translation>
    </message>
    <message>
        <source>Snapshot of {camera} saved: {file}</source>
        <translation>Snapshot of {camera} saved: {file}</translation>
    </message>
    <message>
        <source>Click the tile of the camera the note is about first.</source>
        <translation>Click the tile of the camera the note is about first.</translation>
    </message>
    <message>
        <source>Video patrol, {camera}: {text}</source>
        <translation>Video patrol, {camera}: {text}</translation>
    </message>
    <message>
        <source>Note added to {id}.</source>
        <translation>Note added to {id}.</translation>
    </message>
    <message>
        <source>The demo server did not take the fault.</source>
        <translation>The demo server did not take the fault.</translation>
    </message>
    <message>
        <source>No camera {n}</source>
        <translation>No camera {n}</translation>
    </message>
    <message>
        <source>The map tiles cannot be loaded from {where}; the map is shown without them.</source>
        <translation>The map tiles cannot be loaded from {where}; the map is shown without them.</translation>
    </message>
    <message>
        <source>the tile source</source>
        <translation>the tile source</translation>
    </message>
    <message>
        <source>The basemap address {address} is not an http:// or https:// address.</source>
        <translation>The basemap address {address} is not an http:// or https:// address.</translation>
    </message>
    <message>
        <source>The basemap address {address} lacks {missing}; a tile address needs {{z}}, {{x}} and {{y}}, as in http://tiles.example/{{z}}/{{x}}/{{y}}.png.</source>
        <translation>The basemap address {address} lacks {missing}; a tile address needs {{z}}, {{x}} and {{y}}, as in http://tiles.example/{{z}}/{{x}}/{{y}}.png.</translation>
    </message>
    <message>
        <source>The basemap zoom levels {low}–{high} are not usable.</source>
        <translation>The basemap zoom levels {low}–{high} are not usable.</translation>
    </message>
    <message>
        <source>The map tile file {file} does not exist.</source>
        <translation>The map tile file {file} does not exist.</translation>
    </message>
    <message>
        <source>The map tile file {file} cannot be opened ({why}).</source>
        <translation>The map tile file {file} cannot be opened ({why}).</translation>
    </message>
    <message>
        <source>The map tile file {file} holds vector tiles; only image tiles (PNG or JPEG) can be shown.</source>
        <translation>The map tile file {file} holds vector tiles; only image tiles (PNG or JPEG) can be shown.</translation>
    </message>
    <message>
        <source>The map tile file {file} holds no tiles.</source>
        <translation>The map tile file {file} holds no tiles.</translation>
    </message>
    <message>
        <source>The map tile file {file} is not a readable MBTiles file ({why}).</source>
        <translation>The map tile file {file} is not a readable MBTiles file ({why}).</translation>
    </message>
    <message>
        <source>The basemap setting {setting} is neither a tile address such as http://tiles.example/{{z}}/{{x}}/{{y}}.png nor an .mbtiles file.</source>
        <translation>The basemap setting {setting} is neither a tile address such as http://tiles.example/{{z}}/{{x}}/{{y}}.png nor an .mbtiles file.</translation>
    </message>
    <message>
        <source>Your role may not change a unit&apos;s status.</source>
        <translation>Your role may not change a unit&apos;s status.</translation>
    </message>
    <message>
        <source>Select a unit first.</source>
        <translation>Select a unit first.</translation>
    </message>
    <message>
        <source>The unit has this status already.</source>
        <translation>The unit has this status already.</translation>
    </message>
    <message>
        <source>Units are dispatched from an alarm (the alarm queue).</source>
        <translation>Units are dispatched from an alarm (the alarm queue).</translation>
    </message>
    <message>
        <source>This status cannot follow the unit&apos;s present one.</source>
        <translation>This status cannot follow the unit&apos;s present one.</translation>
    </message>
    <message>
        <source>{name} · {count}</source>
        <translation>{name} · {count}</translation>
    </message>
    <message>
        <source>Watchlist details are shown to duty officers and supervisors only.</source>
        <translation>Watchlist details are shown to duty officers and supervisors only.</translation>
    </message>
    <message>
        <source>Offline: the entry is shown as cached, without its photo.</source>
        <translation>Offline: the entry is shown as cached, without its photo.</translation>
    </message>
    <message>
        <source>This entry is no longer on the watchlist (expired or withdrawn) and is not shown any more.</source>
        <translation>This entry is no longer on the watchlist (expired or withdrawn) and is not shown any more.</translation>
    </message>
    <message>
        <source>Save the BOLO sheet</source>
        <translation>Save the BOLO sheet</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Open the entry before printing its sheet.</source>
        <translation>Open the entry before printing its sheet.</translation>
    </message>
    <message>
        <source>The sheet could not be written to {path}: {why}</source>
        <translation>The sheet could not be written to {path}: {why}</translation>
    </message>
    <message>
        <source>BOLO sheet saved: {path}</source>
        <translation>BOLO sheet saved: {path}</translation>
    </message>
    <message>
        <source>The central services refuse watchlist details to your role.</source>
        <translation>The central services refuse watchlist details to your role.</translation>
    </message>
    <message>
        <source>This entry is no longer on the watchlist.</source>
        <translation>This entry is no longer on the watchlist.</translation>
    </message>
    <message>
        <source>The entry could not be loaded from the central services; see the log.</source>
        <translation>The entry could not be loaded from the central services; see the log.</translation>
    </message>
    <message>
        <source>The entry cannot be loaded: no connection to the central services.</source>
        <translation>The entry cannot be loaded: no connection to the central services.</translation>
    </message>
    <message>
        <source>This entry is no longer valid.</source>
        <translation>This entry is no longer valid.</translation>
    </message>
    <message>
        <source>The audit record could not be written, so this was not done; see the log.</source>
        <translation>The audit record could not be written, so this was not done; see the log.</translation>
    </message>
    <message>
        <source>female</source>
        <translation>female</translation>
    </message>
    <message>
        <source>male</source>
        <translation>male</translation>
    </message>
    <message>
        <source>diverse</source>
        <translation>diverse</translation>
    </message>
    <message>
        <source>For briefing only. Confidential: do not pass on; destroy after the valid-until date.</source>
        <translation>For briefing only. Confidential: do not pass on; destroy after the valid-until date.</translation>
    </message>
    <message>
        <source>Also known as:</source>
        <translation>Also known as:</translation>
    </message>
    <message>
        <source>Legal basis:</source>
        <translation>Legal basis:</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>Valid until:</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>Issued by:</translation>
    </message>
    <message>
        <source>Handling:</source>
        <translation>Handling:</translation>
    </message>
    <message>
        <source>Sex:</source>
        <translation>Sex:</translation>
    </message>
    <message>
        <source>Born:</source>
        <translation>Born:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <source>Vehicle:</source>
        <translation>Vehicle:</translation>
    </message>
    <message>
        <source>Printed by {who} at workstation {workstation}, {at}.</source>
        <translation>Printed by {who} at workstation {workstation}, {at}.</translation>
    </message>
    <message>
        <source>Entry {id}, version {version}</source>
        <translation>Entry {id}, version {version}</translation>
    </message>
    <message>
        <source>{p} %</source>
        <translation>{p} %</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>not verified</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>confirmed</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>Hits: {confirmed} confirmed · {rejected} rejected · {unverified} not yet verified</source>
        <translation>Hits: {confirmed} confirmed · {rejected} rejected · {unverified} not yet verified</translation>
    </message>
    <message>
        <source>No sightings known to this workstation.</source>
        <translation>No sightings known to this workstation.</translation>
    </message>
    <message>
        <source>Print BOLO sheet…</source>
        <translation>Print BOLO sheet…</translation>
    </message>
    <message>
        <source>Select an entry and press Enter (or double-click) to open its details. Opening an entry is recorded in the audit log.</source>
        <translation>Select an entry and press Enter (or double-click) to open its details. Opening an entry is recorded in the audit log.</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>Opening {name}…</translation>
    </message>
    <message>
        <source>Print a one-page BOLO sheet of this entry</source>
        <translation>Print a one-page BOLO sheet of this entry</translation>
    </message>
    <message>
        <source>This entry is no longer valid (expired or without a legal basis); it is not shown.</source>
        <translation>This entry is no longer valid (expired or without a legal basis); it is not shown.</translation>
    </message>
    <message>
        <source>Expires within a week: it must be renewed or it is withdrawn.</source>
        <translation>Expires within a week: it must be renewed or it is withdrawn.</translation>
    </message>
    <message>
        <source>Also known as</source>
        <translation>Also known as</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Born</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>Vehicle</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <source>Open alarm {id}</source>
        <translation>Open alarm {id}</translation>
    </message>
    <message>
        <source>Wanted</source>
        <translation>Wanted</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>BOLO</source>
        <translation>BOLO</translation>
    </message>
    <message>
        <source>Protection order</source>
        <translation>Protection order</translation>
    </message>
    <message>
        <source>Event ban</source>
        <translation>Event ban</translation>
    </message>
    <message>
        <source>expires today</source>
        <translation>expires today</translation>
    </message>
    <message>
        <source>%n day left</source>
        <translation>%n day left</translation>
    </message>
    <message>
        <source>%n days left</source>
        <translation>%n days left</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>Plate</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>Hits</translation>
    </message>
    <message>
        <source>{name} (aka {aliases})</source>
        <translation>{name} (aka {aliases})</translation>
    </message>
    <message>
        <source>{confirmed} confirmed, {rejected} rejected, {unverified} not yet verified</source>
        <translation>{confirmed} confirmed, {rejected} rejected, {unverified} not yet verified</translation>
    </message>
    <message>
        <source>Expires within {n} days</source>
        <translation>Expires within {n} days</translation>
    </message>
    <message>
        <source>Valid until {time}</source>
        <translation>Valid until {time}</translation>
    </message>
    <message>
        <source>Search name, alias, plate, description — Enter to search</source>
        <translation>Search name, alias, plate, description — Enter to search</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>{shown} of {total} entry</source>
        <translation>{shown} of {total} entry</translation>
    </message>
    <message>
        <source>{shown} of {total} entries</source>
        <translation>{shown} of {total} entries</translation>
    </message>
    <message>
        <source>Search: “{text}”</source>
        <translation>Search: “{text}”</translation>
    </message>
    <message>
        <source>Current entries: none</source>
        <translation>Current entries: none</translation>
    </message>
    <message>
        <source>Current entries: {total} ({parts})</source>
        <translation>Current entries: {total} ({parts})</translation>
    </message>
    <message>
        <source>Watchlist entries are shown to duty officers and supervisors only. Your role ({roles}) does not see names, photos or details; the central services refuse them too.</source>
        <translation>Watchlist entries are shown to duty officers and supervisors only. Your role ({roles}) does not see names, photos or details; the central services refuse them too.</translation>
    </message>
    <message>
        <source>Are we on top of it? — overview</source>
        <translation>Are we on top of it? — overview</translation>
    </message>
    <message>
        <source>Open alarms on the map</source>
        <translation>Open alarms on the map</translation>
    </message>
    <message>
        <source>Cameras at the most urgent alarms</source>
        <translation>Cameras at the most urgent alarms</translation>
    </message>
    <message>
        <source>Last 8 hours (this shift)</source>
        <translation>Last 8 hours (this shift)</translation>
    </message>
    <message>
        <source>Last 12 hours</source>
        <translation>Last 12 hours</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Last 24 hours</translation>
    </message>
    <message>
        <source>Custom period</source>
        <translation>Custom period</translation>
    </message>
    <message>
        <source>Shift handover report</source>
        <translation>Shift handover report</translation>
    </message>
    <message>
        <source>Make report…</source>
        <translation>Make report…</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>The PDF and a CSV of its alarms are written; both are recorded in the audit log.</source>
        <translation>The PDF and a CSV of its alarms are written; both are recorded in the audit log.</translation>
    </message>
    <message>
        <source>Shift handover report…</source>
        <translation>Shift handover report…</translation>
    </message>
    <message>
        <source>A PDF of the period for the next shift, with a CSV of its alarms</source>
        <translation>A PDF of the period for the next shift, with a CSV of its alarms</translation>
    </message>
    <message>
        <source>Save the shift handover report</source>
        <translation>Save the shift handover report</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The report could not be written to {path}: {error}</source>
        <translation>The report could not be written to {path}: {error}</translation>
    </message>
    <message>
        <source>Shift handover report written: {pdf} (and {csv})</source>
        <translation>Shift handover report written: {pdf} (and {csv})</translation>
    </message>
    <message>
        <source>The audit log could not be written, so the report was not exported.</source>
        <translation>The audit log could not be written, so the report was not exported.</translation>
    </message>
    <message>
        <source>NORMAL</source>
        <translation>NORMAL</translation>
    </message>
    <message>
        <source>ELEVATED</source>
        <translation>ELEVATED</translation>
    </message>
    <message>
        <source>HIGH</source>
        <translation>HIGH</translation>
    </message>
    <message>
        <source>CRITICAL</source>
        <translation>CRITICAL</translation>
    </message>
    <message>
        <source>ALERT LEVEL: {level}</source>
        <translation>ALERT LEVEL: {level}</translation>
    </message>
    <message>
        <source>since {time}</source>
        <translation>since {time}</translation>
    </message>
    <message>
        <source>(last known, as of {time})</source>
        <translation>(last known, as of {time})</translation>
    </message>
    <message>
        <source>P{n}</source>
        <translation>P{n}</translation>
    </message>
    <message>
        <source>+{n} beyond {t}</source>
        <translation>+{n} beyond {t}</translation>
    </message>
    <message>
        <source>Open alarms</source>
        <translation>Open alarms</translation>
    </message>
    <message>
        <source>Acknowledgement</source>
        <translation>Acknowledgement</translation>
    </message>
    <message>
        <source>unacknowledged</source>
        <translation>unacknowledged</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>Units by status</source>
        <translation>Units by status</translation>
    </message>
    <message>
        <source>Top grids by open alarms</source>
        <translation>Top grids by open alarms</translation>
    </message>
    <message>
        <source>No open alarms</source>
        <translation>No open alarms</translation>
    </message>
    <message>
        <source>Alarms per hour</source>
        <translation>Alarms per hour</translation>
    </message>
    <message>
        <source>Time to acknowledge</source>
        <translation>Time to acknowledge</translation>
    </message>
    <message>
        <source>Acknowledged → dispatched</source>
        <translation>Acknowledged → dispatched</translation>
    </message>
    <message>
        <source>Alarm rate</source>
        <translation>Alarm rate</translation>
    </message>
    <message>
        <source>FLOOD</source>
        <translation>FLOOD</translation>
    </message>
    <message>
        <source>%n alarm created</source>
        <translation>%n alarm created</translation>
    </message>
    <message>
        <source>%n alarms created</source>
        <translation>%n alarms created</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>False alarm</source>
        <translation>False alarm</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <source>New alarms per hour</source>
        <translation>New alarms per hour</translation>
    </message>
    <message>
        <source>New alarms per 10 minutes</source>
        <translation>New alarms per 10 minutes</translation>
    </message>
    <message>
        <source>{percent} %</source>
        <translation>{percent} %</translation>
    </message>
    <message>
        <source>P{priority}</source>
        <translation>P{priority}</translation>
    </message>
    <message>
        <source>{state} ({disposition})</source>
        <translation>{state} ({disposition})</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>Made by:</source>
        <translation>Made by:</translation>
    </message>
    <message>
        <source>Workstation:</source>
        <translation>Workstation:</translation>
    </message>
    <message>
        <source>Made at:</source>
        <translation>Made at:</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Made from the local cache while offline; data as of {as_of}</source>
        <translation>Made from the local cache while offline; data as of {as_of}</translation>
    </message>
    <message>
        <source>Alarms handled</source>
        <translation>Alarms handled</translation>
    </message>
    <message>
        <source>No alarms were raised or closed in this period.</source>
        <translation>No alarms were raised or closed in this period.</translation>
    </message>
    <message>
        <source>Alarms raised</source>
        <translation>Alarms raised</translation>
    </message>
    <message>
        <source>Closed total</source>
        <translation>Closed total</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Response times against targets</source>
        <translation>Response times against targets</translation>
    </message>
    <message>
        <source>No response times were measured in this period.</source>
        <translation>No response times were measured in this period.</translation>
    </message>
    <message>
        <source>Percentile</source>
        <translation>Percentile</translation>
    </message>
    <message>
        <source>Alarms measured</source>
        <translation>Alarms measured</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Within target</source>
        <translation>Within target</translation>
    </message>
    <message>
        <source>Met?</source>
        <translation>Met?</translation>
    </message>
    <message>
        <source>Not measurable</source>
        <translation>Not measurable</translation>
    </message>
    <message>
        <source>P{percent}</source>
        <translation>P{percent}</translation>
    </message>
    <message>
        <source>{percentile}: {value}</source>
        <translation>{percentile}: {value}</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>{percent} % within {target}</source>
        <translation>{percent} % within {target}</translation>
    </message>
    <message>
        <source>Alarm flood (ISA-18.2, &gt; {threshold} per {minutes} min): time in flood {hours} h {mins} min; busiest {minutes} minutes: {busiest} alarms</source>
        <translation>Alarm flood (ISA-18.2, &gt; {threshold} per {minutes} min): time in flood {hours} h {mins} min; busiest {minutes} minutes: {busiest} alarms</translation>
    </message>
    <message>
        <source>Overdue cases</source>
        <translation>Overdue cases</translation>
    </message>
    <message>
        <source>No overdue cases in this period.</source>
        <translation>No overdue cases in this period.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>not acknowledged</source>
        <translation>not acknowledged</translation>
    </message>
    <message>
        <source>over {duration}</source>
        <translation>over {duration}</translation>
    </message>
    <message>
        <source>Units at the time of the report</source>
        <translation>Units at the time of the report</translation>
    </message>
    <message>
        <source>No units were known at the time of the report.</source>
        <translation>No units were known at the time of the report.</translation>
    </message>
    <message>
        <source>Notable alarms</source>
        <translation>Notable alarms</translation>
    </message>
    <message>
        <source>No notable alarms in this period.</source>
        <translation>No notable alarms in this period.</translation>
    </message>
    <message>
        <source>{id} ({priority}, {kind})</source>
        <translation>{id} ({priority}, {kind})</translation>
    </message>
    <message>
        <source>Units: {units}</source>
        <translation>Units: {units}</translation>
    </message>
    <message>
        <source>Open items handed over</source>
        <translation>Open items handed over</translation>
    </message>
    <message>
        <source>No open items are handed over.</source>
        <translation>No open items are handed over.</translation>
    </message>
    <message>
        <source>Age at period end</source>
        <translation>Age at period end</translation>
    </message>
    <message>
        <source>Confidential — for the shift handover</source>
        <translation>Confidential — for the shift handover</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Page {page} of {pages}</translation>
    </message>
    <message>
        <source>Video is off: the VLC library (libVLC) is not installed on this workstation. Ask your administrator to install the packages {packages}.</source>
        <translation>Video is off: the VLC library (libVLC) is not installed on this workstation. Ask your administrator to install the packages {packages}.</translation>
    </message>
    <message>
        <source>The site configuration {path} could not be read, so the standard settings are in use.</source>
        <translation>The site configuration {path} could not be read, so the standard settings are in use.</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <source>the profile folder is read-only</source>
        <translation>the profile folder is read-only</translation>
    </message>
    <message>
        <source>the disk reports an error</source>
        <translation>the disk reports an error</translation>
    </message>
    <message>
        <source>This workstation cannot open its files in {folder} ({reason}). Without them it can neither keep the hall&apos;s picture nor queue commands, so it does not connect. Ask IT to make the folder writable or free disk space, then log in again.</source>
        <translation>This workstation cannot open its files in {folder} ({reason}). Without them it can neither keep the hall&apos;s picture nor queue commands, so it does not connect. Ask IT to make the folder writable or free disk space, then log in again.</translation>
    </message>
    <message>
        <source>This workstation cannot save to its disk: {reason}. Alarms and units stay live, but every command is refused until it can, and a restart would show older data. Free disk space or call IT.</source>
        <translation>This workstation cannot save to its disk: {reason}. Alarms and units stay live, but every command is refused until it can, and a restart would show older data. Free disk space or call IT.</translation>
    </message>
    <message>
        <source>This workstation can save to its disk again; commands are accepted.</source>
        <translation>This workstation can save to its disk again; commands are accepted.</translation>
    </message>
</context>
<context>
    <name>AlarmQueueView</name>
    <message>
        <source>Search title, address, source or id</source>
        <translation>Search title, address, source or id</translation>
    </message>
    <message>
        <source>P{p}</source>
        <translation>P{p}</translation>
    </message>
    <message>
        <source>Show priority {p} alarms</source>
        <translation>Show priority {p} alarms</translation>
    </message>
    <message>
        <source>All open</source>
        <translation>All open</translation>
    </message>
    <message>
        <source>New only</source>
        <translation>New only</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <source>On scene</source>
        <translation>On scene</translation>
    </message>
    <message>
        <source>Closed in the last {h} h</source>
        <translation>Closed in the last {h} h</translation>
    </message>
    <message>
        <source>Only mine (acknowledged or raised by me)</source>
        <translation>Only mine (acknowledged or raised by me)</translation>
    </message>
    <message>
        <source>Kinds</source>
        <translation>Kinds</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>Stations</translation>
    </message>
    <message>
        <source>Clear these filters</source>
        <translation>Clear these filters</translation>
    </message>
    <message>
        <source>Filters ({n})</source>
        <translation>Filters ({n})</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filters</translation>
    </message>
    <message>
        <source>{n} closed in the last {h} h (read only)</source>
        <translation>{n} closed in the last {h} h (read only)</translation>
    </message>
    <message>
        <source>{n} open</source>
        <translation>{n} open</translation>
    </message>
    <message>
        <source>{n} unacknowledged</source>
        <translation>{n} unacknowledged</translation>
    </message>
    <message>
        <source>{n} overdue</source>
        <translation>{n} overdue</translation>
    </message>
    <message>
        <source>{n} shown</source>
        <translation>{n} shown</translation>
    </message>
</context>
<context>
    <name>CameraTree</name>
    <message>
        <source>Find a camera by name or number</source>
        <translation>Find a camera by name or number</translation>
    </message>
    <message>
        <source>By station</source>
        <translation>By station</translation>
    </message>
    <message>
        <source>By group</source>
        <translation>By group</translation>
    </message>
    <message>
        <source>{name}  ({online}/{total} online)</source>
        <translation>{name}  ({online}/{total} online)</translation>
    </message>
    <message>
        <source>{name} (offline)</source>
        <translation>{name} (offline)</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <source>Type a command or part of its name</source>
        <translation>Type a command or part of its name</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Command</translation>
    </message>
    <message>
        <source>Matching commands</source>
        <translation>Matching commands</translation>
    </message>
    <message>
        <source>No command matches “{text}”.</source>
        <translation>No command matches “{text}”.</translation>
    </message>
    <message>
        <source>No commands are available.</source>
        <translation>No commands are available.</translation>
    </message>
    <message>
        <source>“{title}” is not available right now.</source>
        <translation>“{title}” is not available right now.</translation>
    </message>
    <message>
        <source>“{title}” takes nothing after its name; remove “{argument}”.</source>
        <translation>“{title}” takes nothing after its name; remove “{argument}”.</translation>
    </message>
    <message>
        <source>Suggestions are not available.</source>
        <translation>Suggestions are not available.</translation>
    </message>
    <message>
        <source>No suggestions for “{argument}”.</source>
        <translation>No suggestions for “{argument}”.</translation>
    </message>
    <message>
        <source>Type: {words}</source>
        <translation>Type: {words}</translation>
    </message>
    <message>
        <source>‹{hint}›</source>
        <translation>‹{hint}›</translation>
    </message>
    <message>
        <source>Tab completes</source>
        <translation>Tab completes</translation>
    </message>
    <message>
        <source>“{title}” failed: {error}</source>
        <translation>“{title}” failed: {error}</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Enter your password.</source>
        <translation>Enter your password.</translation>
    </message>
    <message>
        <source>The password cannot be checked right now. Call the supervisor.</source>
        <translation>The password cannot be checked right now. Call the supervisor.</translation>
    </message>
    <message>
        <source>The password could not be checked. Try again.</source>
        <translation>The password could not be checked. Try again.</translation>
    </message>
    <message>
        <source>Wrong password. Try again.</source>
        <translation>Wrong password. Try again.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Workstation locked</source>
        <translation>Workstation locked</translation>
    </message>
    <message>
        <source>Locked since {time}</source>
        <translation>Locked since {time}</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Unlock it on the main screen.</source>
        <translation>Unlock it on the main screen.</translation>
    </message>
</context>
<context>
    <name>MiniMap</name>
    <message>
        <source>Mini map</source>
        <translation>Mini map</translation>
    </message>
    <message>
        <source>No location</source>
        <translation>No location</translation>
    </message>
</context>
<context>
    <name>MuteButton</name>
    <message>
        <source>Sounds off</source>
        <translation>Sounds off</translation>
    </message>
    <message>
        <source>Alarm sounds are turned off in Workstation → Settings.</source>
        <translation>Alarm sounds are turned off in Workstation → Settings.</translation>
    </message>
    <message>
        <source>Alarm sounds are on. Click to mute them for {n} minutes.</source>
        <translation>Alarm sounds are on. Click to mute them for {n} minutes.</translation>
    </message>
    <message>
        <source>Muted {time}</source>
        <translation>Muted {time}</translation>
    </message>
    <message>
        <source>Alarm sounds are muted until {t}; they come back by themselves. Click to turn them on now.</source>
        <translation>Alarm sounds are muted until {t}; they come back by themselves. Click to turn them on now.</translation>
    </message>
    <message>
        <source>P1 waiting</source>
        <translation>P1 waiting</translation>
    </message>
    <message>
        <source>A priority 1 alarm waits for acknowledgement; its reminder sounds again when the mute ends.</source>
        <translation>A priority 1 alarm waits for acknowledgement; its reminder sounds again when the mute ends.</translation>
    </message>
    <message>
        <source>Alarm sounds on</source>
        <translation>Alarm sounds on</translation>
    </message>
</context>
<context>
    <name>PaletteAction</name>
    <message>
        <source>Command palette…</source>
        <translation>Command palette…</translation>
    </message>
</context>
<context>
    <name>Panes</name>
    <message>
        <source>Video wall</source>
        <translation>Video wall</translation>
    </message>
    <message>
        <source>Video wall: live camera tiles</source>
        <translation>Video wall: live camera tiles</translation>
    </message>
    <message>
        <source>Alarm queue</source>
        <translation>Alarm queue</translation>
    </message>
    <message>
        <source>Alarm queue and the alarm workflow</source>
        <translation>Alarm queue and the alarm workflow</translation>
    </message>
    <message>
        <source>Grid map</source>
        <translation>Grid map</translation>
    </message>
    <message>
        <source>Grid map: districts and patrol grids</source>
        <translation>Grid map: districts and patrol grids</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Leadership and large-event overview</source>
        <translation>Leadership and large-event overview</translation>
    </message>
    <message>
        <source>Big screen</source>
        <translation>Big screen</translation>
    </message>
    <message>
        <source>Big-screen mode for the hall wall</source>
        <translation>Big-screen mode for the hall wall</translation>
    </message>
    <message>
        <source>Unit board</source>
        <translation>Unit board</translation>
    </message>
    <message>
        <source>Unit status board</source>
        <translation>Unit status board</translation>
    </message>
    <message>
        <source>Watchlist</source>
        <translation>Watchlist</translation>
    </message>
    <message>
        <source>Watchlist pane</source>
        <translation>Watchlist pane</translation>
    </message>
    <message>
        <source>Not available in this version.
It comes with: {issue}</source>
        <translation>Not available in this version.
It comes with: {issue}</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Duty officer</source>
        <translation>Duty officer</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Video patrol</source>
        <translation>Video patrol</translation>
    </message>
    <message>
        <source>Leadership</source>
        <translation>Leadership</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Your saved settings could not be read, so the standard settings are in use.</source>
        <translation>Your saved settings could not be read, so the standard settings are in use.</translation>
    </message>
    <message>
        <source>The old file was kept as {name}.</source>
        <translation>The old file was kept as {name}.</translation>
    </message>
    <message>
        <source>Set by the site configuration ({path})</source>
        <translation>Set by the site configuration ({path})</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Same as the system</translation>
    </message>
    <message>
        <source>Large text (for wall screens and projection)</source>
        <translation>Large text (for wall screens and projection)</translation>
    </message>
    <message>
        <source>Play alarm and notice sounds</source>
        <translation>Play alarm and notice sounds</translation>
    </message>
    <message>
        <source>Sound volume</source>
        <translation>Sound volume</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>This position is exempt from the idle lock by site policy: the screen does not lock by itself. Lock it with Ctrl+L when you leave.</source>
        <translation>This position is exempt from the idle lock by site policy: the screen does not lock by itself. Lock it with Ctrl+L when you leave.</translation>
    </message>
    <message>
        <source>The screen locks after this many minutes without keyboard or mouse input. Alarms still sound while it is locked.</source>
        <translation>The screen locks after this many minutes without keyboard or mouse input. Alarms still sound while it is locked.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Seconds to acknowledge a P{p} alarm</source>
        <translation>Seconds to acknowledge a P{p} alarm</translation>
    </message>
    <message>
        <source>never group</source>
        <translation>never group</translation>
    </message>
    <message>
        <source> new alarms in 10 min</source>
        <translation> new alarms in 10 min</translation>
    </message>
    <message>
        <source> km/h</source>
        <translation> km/h</translation>
    </message>
    <message>
        <source>Put a new P1 alarm&apos;s cameras on the video wall</source>
        <translation>Put a new P1 alarm&apos;s cameras on the video wall</translation>
    </message>
    <message>
        <source>Low latency (desks that steer cameras)</source>
        <translation>Low latency (desks that steer cameras)</translation>
    </message>
    <message>
        <source>Smooth, 1.5 s behind (wall screens)</source>
        <translation>Smooth, 1.5 s behind (wall screens)</translation>
    </message>
    <message>
        <source>Automatic (by the graphics card found)</source>
        <translation>Automatic (by the graphics card found)</translation>
    </message>
    <message>
        <source>Software (no graphics card)</source>
        <translation>Software (no graphics card)</translation>
    </message>
    <message>
        <source>Hardware (graphics card)</source>
        <translation>Hardware (graphics card)</translation>
    </message>
    <message>
        <source>ageing after</source>
        <translation>ageing after</translation>
    </message>
    <message>
        <source>stale after</source>
        <translation>stale after</translation>
    </message>
    <message>
        <source>lost after</source>
        <translation>lost after</translation>
    </message>
    <message>
        <source>dispatched, en route within</source>
        <translation>dispatched, en route within</translation>
    </message>
    <message>
        <source>en route, on scene within</source>
        <translation>en route, on scene within</translation>
    </message>
    <message>
        <source>welfare check every</source>
        <translation>welfare check every</translation>
    </message>
    <message>
        <source>https://tiles.hall.local/{z}/{x}/{y}.png or a .mbtiles file; empty: no basemap</source>
        <translation>https://tiles.hall.local/{z}/{x}/{y}.png or a .mbtiles file; empty: no basemap</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>Volume:</source>
        <translation>Volume:</translation>
    </message>
    <message>
        <source>Lock the screen after:</source>
        <translation>Lock the screen after:</translation>
    </message>
    <message>
        <source>Acknowledge within:</source>
        <translation>Acknowledge within:</translation>
    </message>
    <message>
        <source>Group repeats within:</source>
        <translation>Group repeats within:</translation>
    </message>
    <message>
        <source>Alarm flood above:</source>
        <translation>Alarm flood above:</translation>
    </message>
    <message>
        <source>ETA assumes:</source>
        <translation>ETA assumes:</translation>
    </message>
    <message>
        <source>Video:</source>
        <translation>Video:</translation>
    </message>
    <message>
        <source>Video decoding:</source>
        <translation>Video decoding:</translation>
    </message>
    <message>
        <source>Positions:</source>
        <translation>Positions:</translation>
    </message>
    <message>
        <source>Unit timers:</source>
        <translation>Unit timers:</translation>
    </message>
    <message>
        <source>Map tiles:</source>
        <translation>Map tiles:</translation>
    </message>
    <message>
        <source>{n} %</source>
        <translation>{n} %</translation>
    </message>
</context>
<context>
    <name>UnitPickerDialog</name>
    <message>
        <source>Dispatch units</source>
        <translation>Dispatch units</translation>
    </message>
    <message>
        <source>this alarm</source>
        <translation>this alarm</translation>
    </message>
    <message>
        <source>Filter by callsign or kind</source>
        <translation>Filter by callsign or kind</translation>
    </message>
    <message>
        <source>Note to the units (optional)</source>
        <translation>Note to the units (optional)</translation>
    </message>
    <message>
        <source>Space or 1–9: choose · type: filter · Enter: dispatch · Esc: cancel</source>
        <translation>Space or 1–9: choose · type: filter · Enter: dispatch · Esc: cancel</translation>
    </message>
    <message>
        <source>Verify the watchlist match first</source>
        <translation>Verify the watchlist match first</translation>
    </message>
    <message>
        <source>This alarm is closed</source>
        <translation>This alarm is closed</translation>
    </message>
    <message>
        <source>Choose at least one unit (Space)</source>
        <translation>Choose at least one unit (Space)</translation>
    </message>
    <message>
        <source>P{p}</source>
        <translation>P{p}</translation>
    </message>
    <message>
        <source>Priority {p} (1 is the most urgent)</source>
        <translation>Priority {p} (1 is the most urgent)</translation>
    </message>
    <message>
        <source>Already on this alarm</source>
        <translation>Already on this alarm</translation>
    </message>
    <message>
        <source>{status} and on no alarm: it can be sent once it reports available</source>
        <translation>{status} and on no alarm: it can be sent once it reports available</translation>
    </message>
    <message>
        <source>On another alarm: only a supervisor may reassign it</source>
        <translation>On another alarm: only a supervisor may reassign it</translation>
    </message>
    <message>
        <source>Dispatch %n unit to {title}?</source>
        <translation>Dispatch %n unit to {title}?</translation>
    </message>
    <message>
        <source>Dispatch %n units to {title}?</source>
        <translation>Dispatch %n units to {title}?</translation>
    </message>
    <message>
        <source>This takes {units} off their current alarm.</source>
        <translation>This takes {units} off their current alarm.</translation>
    </message>
    <message>
        <source>Dispatch %n unit</source>
        <translation>Dispatch %n unit</translation>
    </message>
    <message>
        <source>Dispatch %n units</source>
        <translation>Dispatch %n units</translation>
    </message>
    <message>
        <source>No unit can be sent</source>
        <translation>No unit can be sent</translation>
    </message>
    <message>
        <source>{n} chosen</source>
        <translation>{n} chosen</translation>
    </message>
    <message>
        <source>{n} hidden by the filter</source>
        <translation>{n} hidden by the filter</translation>
    </message>
    <message>
        <source>{shown} of {total} units shown</source>
        <translation>{shown} of {total} units shown</translation>
    </message>
</context>
<context>
    <name>_MatchDelegate</name>
    <message>
        <source>not available</source>
        <translation>not available</translation>
    </message>
    <message>
        <source>‹{hint}›</source>
        <translation>‹{hint}›</translation>
    </message>
</context>
<context>
    <name>_MatchModel</name>
    <message>
        <source>Not available right now.</source>
        <translation>Not available right now.</translation>
    </message>
</context>
</TS>
