<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name />
    <message>
      <source>The wall screen {screen} was disconnected; its panes moved to the main screen.</source>
      <translation>The wall screen {screen} was disconnected; its panes moved to the main screen.</translation>
    </message>
    <message>
      <source>Return to main window</source>
      <translation>Return to main window</translation>
    </message>
    <message>
      <source>Save layout</source>
      <translation>Save layout</translation>
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
      <source>The demo server did not start. See the log for details.</source>
      <translation>The demo server did not start. See the log for details.</translation>
    </message>
    <message>
      <source>P</source>
      <translation>P</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Title</translation>
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
      <source>Acknowledge</source>
      <translation>Acknowledge</translation>
    </message>
    <message>
      <source>Units</source>
      <translation>Units</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>Source</translation>
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
      <source>{n} %</source>
      <translation>{n} %</translation>
    </message>
  </context>
</TS>