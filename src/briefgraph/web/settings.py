"""What the server is configured with. The web layer is, with the CLI, the only
place that reads the environment (`Settings.from_env`)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..store import Store

DEFAULT_MAX_BODY = 5 * 1024 * 1024


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes", "on")


def _env_token() -> str | None:
    token = os.environ.get("BRIEFGRAPH_API_TOKEN")
    path = os.environ.get("BRIEFGRAPH_API_TOKEN_FILE")
    if not token and path:
        try:
            token = Path(path).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise StoreError(f"{path}: cannot read the API token file ({exc.strerror or exc})") from None
    return token or None


@dataclass
class Settings:
    """What the server is configured with; `from_env` reads the BRIEFGRAPH_* variables.

    `token` is the bearer token that `POST /documents` requires (ingest is refused
    when none is set); with `protect_reads` the queries require it too."""

    db: str | None = None
    token: str | None = None
    protect_reads: bool = False
    max_body_bytes: int = DEFAULT_MAX_BODY
    store: Store | None = field(default=None, repr=False)

    @classmethod
    def from_env(cls, **overrides: Any) -> Settings:
        values: dict[str, Any] = {
            "db": os.environ.get("BRIEFGRAPH_DB"),
            "token": _env_token(),
            "protect_reads": _env_flag("BRIEFGRAPH_API_PROTECT_READS"),
        }
        if os.environ.get("BRIEFGRAPH_API_MAX_BODY", "").isdigit():
            values["max_body_bytes"] = int(os.environ["BRIEFGRAPH_API_MAX_BODY"])
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)


