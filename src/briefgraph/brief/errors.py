"""The brief's error: nothing to draft from (an unknown actor, no events)."""

from __future__ import annotations

from ..query import NotFound


class BriefError(NotFound):
    """The store holds nothing a brief on these actors could say; the message says what is missing."""
