"""Store, query, export and serve commands of the `briefgraph` CLI (issue 7).

They are declared on their own Typer app and added to the main one in cli.py.
"""

from __future__ import annotations

import typer

commands = typer.Typer()
