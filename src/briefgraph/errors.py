"""One exception tree for the library: the CLI and the HTTP API turn these into
one-line messages and exit codes; the library never prints or exits."""

from __future__ import annotations


class BriefgraphError(Exception):
    """Base of every error briefgraph raises on purpose."""


class InputError(BriefgraphError):
    """An input cannot be read as a document. The message names the input and the reason."""

    def __init__(self, source: str, reason: str):
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class ModelError(BriefgraphError):
    """The spaCy pipeline is missing or is not the one briefgraph was built for."""


class KnowledgeError(BriefgraphError):
    """A knowledge data file (actors, patterns, tags) is malformed."""


class StoreError(BriefgraphError):
    """The store cannot be opened, migrated or written."""
