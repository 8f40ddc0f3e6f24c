"""The shift handover report: a printable PDF for the next shift and a CSV of the period's
alarms for whoever analyses them. Both draw ``backend_client.figures.ShiftReport`` as given;
``desktop.state.kpis`` computes it."""
