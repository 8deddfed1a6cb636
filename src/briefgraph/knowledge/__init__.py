"""Knowledge the users may extend lives here as versioned data files, not code,
with one loader per kind of file; `Knowledge` holds all of it for the stages."""

from __future__ import annotations

from .files import data_path, read_data_lines
from .model import Knowledge, KnowledgeFiles

__all__ = ["Knowledge", "KnowledgeFiles", "data_path", "read_data_lines"]
