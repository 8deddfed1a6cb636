"""Share of extracted events that carry a location, and of located events that carry
coordinates, over the given inputs (default: samples/ and ../shared/eval/dev).

    .venv/bin/python tools/located_share.py [PATH ...]
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def main() -> int:
    from briefgraph.pipeline import analyse
    from briefgraph.readers import read_inputs
    from briefgraph.records import Analysis

    root = Path(__file__).resolve().parents[1]
    paths = sys.argv[1:] or [str(root / "samples"), str(root.parent / "shared" / "eval" / "dev")]
    events = located = with_point = 0
    how: Counter[str] = Counter()
    for result in analyse(read_inputs(paths)):
        if not isinstance(result, Analysis):
            continue
        for event in result.events:
            events += 1
            if event.location is not None:
                located += 1
                how[event.location.how or "?"] += 1
                with_point += event.location.lat is not None and event.location.lon is not None
    share = round(located / events, 3) if events else 0
    print(json.dumps({"events": events, "located": located, "located_share": share,
                      "with_coordinates": round(with_point / located, 3) if located else 0, "how": dict(how)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
