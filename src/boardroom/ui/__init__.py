"""Everything Qt: windows, widgets, item models and dialogs. Calls the services, never SQL."""
