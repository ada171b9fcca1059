"""Use cases of the secretariat. Each takes a Session and plain values, validates, and raises
BoardroomError with a message a clerk can read; the caller owns the transaction."""
