"""Qt item models for the lists of the window: rows of plain values, one module per list."""
