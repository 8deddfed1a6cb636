"""Query results as pandas data frames (pandas is the optional extra `briefgraph[pandas]`).

    from briefgraph import query
    from briefgraph.exports import to_dataframe
    frame = to_dataframe(query.timeline(store, actor="Turkey"))
"""

from __future__ import annotations

from typing import Any


def to_dataframe(rows: list[dict[str, Any]]) -> Any:
    """A pandas DataFrame of query rows (nested lists such as `reports` stay Python objects)."""
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - depends on the environment
        from ..errors import BriefgraphError

        raise BriefgraphError("pandas is not installed: pip install 'briefgraph[pandas]'") from None
    return pd.DataFrame.from_records(rows)


class QueryResult(list):
    """A list of query rows that can also become a data frame: `.to_pandas()`."""

    def to_pandas(self) -> Any:
        return to_dataframe(list(self))
