"""The `briefgraph` command: parses arguments, calls the library, prints.

One module per family of commands (`extract`; `store` for ingest/query/export/serve;
`brief`),
all on the one Typer app of `app.py`.
"""

from __future__ import annotations

import sys

from . import brief, extract, store  # noqa: F401  (register their commands on the app)
from .app import app, err

__all__ = ["app", "main"]


def main(argv: list[str] | None = None) -> None:
    """Console entry point: no traceback for users unless --debug."""
    args = sys.argv[1:] if argv is None else argv
    try:
        app(args=args, standalone_mode=True)
    except SystemExit:
        raise
    except Exception as exc:  # an unexpected bug: one line, unless --debug
        if "--debug" in args:
            raise
        err.print(f"[bold red]error[/]: internal error: {type(exc).__name__}: {exc} "
                  "(run again with --debug for the traceback)", markup=True)
        sys.exit(2)


if __name__ == "__main__":  # pragma: no cover
    main()
