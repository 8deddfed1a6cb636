"""The HTTP side of briefgraph: a FastAPI app over the store and its queries.

`create_app(settings)` builds it; `briefgraph serve` runs it with uvicorn. The
JSON API lives in `api.py`; web pages (a later issue) go in `pages.py` with
their `templates/` and `static/` folders.
"""

from .app import create_app
from .settings import Settings

__all__ = ["Settings", "create_app"]
