"""Edit dialogs: each collects plain values and hands them to a service to validate."""
