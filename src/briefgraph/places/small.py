"""Small places: the GeoNames towns of 1,000+ people (and the seats GeoNames lists with no
population) the gazetteer lacks, loaded once, on first use, from knowledge/places/small_places.tsv.gz
(tools/build_gazetteer.py). They are never gazetteer places: the places stage asks them only for
a place name the gazetteer does not know, and only for its country (`small_place_country`), so a
small town never beats a bigger or curated namesake nor a country the text or the document gives.
"""

from __future__ import annotations

import gzip
from collections.abc import Mapping
from functools import lru_cache

from ..errors import KnowledgeError
from ..knowledge import data_path
from .gazetteer import Place, place_key


@lru_cache(maxsize=1)
def small_places() -> dict[str, frozenset[str]]:
    """Lookup key -> the ISO3 countries of the small towns so called (read once per process, on
    first use; only the columns the country needs, to load fast)."""
    path = data_path("places/small_places.tsv.gz")
    found: dict[str, set[str]] = {}
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            header = handle.readline().rstrip("\n").split("\t")
            country, keys = header.index("country"), header.index("keys")
            for line in handle:
                row = line.rstrip("\n").split("\t")
                for key in row[keys].split("|"):
                    found.setdefault(key, set()).add(row[country])
    except (OSError, ValueError, IndexError) as exc:
        raise KnowledgeError(f"{path}: cannot read the small places ({exc})") from None
    return {key: frozenset(codes - {""}) for key, codes in found.items()}


def small_place_country(name: str, named: Mapping[str, int] | None = None,
                        towns: Mapping[str, frozenset[str]] | None = None) -> str | None:
    """The country of the small towns called `name` ("Parachinar": PAK, "Tal Afar": IRQ): when the
    document names countries (`named`, ISO3 -> count), the one of them the towns are in, if just one;
    else the towns' country when all are in one. None for a name of no small town."""
    return one_country(set((small_places() if towns is None else towns).get(place_key(name), ())), named)


def one_country(countries: set[str], named: Mapping[str, int] | None) -> str | None:
    """The one country of `countries`, within the countries the document names (`named`, ISO3 ->
    count) when it names any; None when none or several are left."""
    if named and any(named.values()):
        countries &= {code for code, count in named.items() if count > 0}
    return countries.pop() if len(countries) == 1 else None


def spelled_country(spelled: list[Place], named: Mapping[str, int] | None = None) -> str | None:
    """The country of the towns and regions a name is another transliteration of (`spelled`:
    Gazetteer.lookup_spelling, "Jisr al-Shughur" for "Jisr ash Shughur"): within the countries
    the document names (`named`, ISO3 -> count) when it names any, the one they are all in."""
    return one_country({p.country for p in spelled if p.kind != "country" and p.country}, named)
