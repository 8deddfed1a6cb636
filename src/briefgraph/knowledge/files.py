"""Knowledge the users may extend lives here as versioned data files, not code.

`data_path` finds a shipped file; `read_data_lines` reads a line-oriented file
(`#` comments and blank lines skipped) from the package or a user path.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from ..errors import KnowledgeError


def data_path(name: str) -> Path:
    """Path of a data file shipped in briefgraph/knowledge/."""
    return Path(str(resources.files("briefgraph.knowledge").joinpath(name)))


def read_data_lines(path: str | Path) -> Iterator[str]:
    """Non-blank, non-comment lines of a data file, stripped."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise KnowledgeError(f"{path}: cannot read knowledge file ({exc.strerror or exc})") from None
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            yield line
