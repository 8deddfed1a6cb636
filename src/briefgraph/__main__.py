"""`python -m briefgraph` is the `briefgraph` command."""

from .cli import main

main()
