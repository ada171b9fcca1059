"""Meetings: identity that outlives every reschedule."""

import uuid


def new_uid() -> str:
    """A calendar UID that never changes for the meeting, so invites update, not duplicate."""
    return f"{uuid.uuid4()}@boardroom"
