"""Fixes of spaCy's named entities where titles meet names (the rules of
`ner_fixes.NER_FIXES` that cut, keep or drop title words around a person):

    "Defense" of "Defense Secretary"  -> nothing (a title word)
    "President Putin"                  -> Putin, a person (title cut off)
    "... for the Middle East Mikhail Bogdanov" -> Mikhail Bogdanov, a person
    "County Trade Executive Grace Wanjiru"     -> Grace Wanjiru (the title is no organisation)
    "Kazakh Ecology" of "Kazakh Ecology Minister Aigerim Sadykova" -> nothing (the title's front)
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from ...knowledge.kb import name_key
from ...places.gazetteer import gazetteer
from ..place_misread import dictionary_words
from .context import CONNECTORS, Context
from .model import Entity, Mention

NAME_PARTICLES = frozenset({"al", "el", "bin", "ben", "ibn", "van", "von", "der", "de", "da", "di", "la", "le",
                            "abu", "abd"})


def name_then_title(ctx: Context, ent: Entity) -> list[Mention] | None:
    """A known name run into the title it qualifies ("EU Special Representative for Human
    Rights", "UN Special Envoy for Yemen"): the title is a role, not an organisation; the
    name before it stays."""
    tokens = ent.tokens
    if ent.label != "ORG" or len(tokens) < 2 or ctx.kb.lookup(ent.text) is not None:
        return None
    for i in range(1, len(tokens)):
        run = _title_run(ctx, tokens[i:])
        if run == 0:
            continue
        rest = tokens[i + run:]
        if not any(ctx.is_head_title(t.text) for t in tokens[i:i + run]) or (
                rest and rest[0].lower_ not in PORTFOLIO_WORDS):
            return None
        head = ctx.text[ent.start:tokens[i - 1].idx + len(tokens[i - 1].text)]
        if ctx.kb.lookup(head) is None:
            return None
        return [Mention(ent.start, ent.start + len(head), head, "ORG", "ner", ent.zone)]
    return None


def title_before_person(ctx: Context, ent: Entity) -> list[Mention] | None:
    """An organisation-looking run of title words right before a person ("County Trade
    Executive Grace Wanjiru", "District Education Officer Mary Atieno"): it ends in title
    words (its own or the capitalised ones after it) that lead into a PERSON entity, and
    holds no organisation, sector or body noun and no known name ("Harbour Policy Institute
    Director Tom Baker" keeps the institute): the person's title, no actor."""
    tokens = ent.tokens
    if ent.label != "ORG" or ctx.kb.lookup(ent.text) is not None:
        return None
    own = _title_run(ctx, tokens[::-1])  # the title words that end the entity
    after = ent.tokens[-1].i + 1 if tokens else len(ctx.nlp)
    while after < len(ctx.nlp) and ctx.nlp[after].text[:1].isupper() and ctx.is_title_word(ctx.nlp[after].text) \
            and not ctx.nlp[after].ent_type_:
        after += 1
    ends_in_title = own > 0 or after > (tokens[-1].i + 1 if tokens else after)
    if not tokens or not ends_in_title or after >= len(ctx.nlp) or ctx.nlp[after].ent_type_ != "PERSON" \
            or ctx.nlp[after].ent_iob_ != "B":
        return None
    words = [t.lower_ for t in tokens]
    if ctx.has_org_word(words) or any(w in ctx.generic.offices for w in words) \
            or any(ctx.kb.lookup(t.text) is not None for t in tokens):
        return None
    return []



def demonym_portfolio(ctx: Context, ent: Entity) -> list[Mention] | None:
    """A state's demonym and a capitalised portfolio read as a name right before a head title
    word and a person ("Kazakh Ecology Minister Aigerim Sadykova", "Peruvian Mining Minister
    Ana Soto"): the title's front, no actor (the phrase rules still read the demonym)."""
    tokens = ent.tokens
    if ent.label not in {"PERSON", "ORG", "NORP"} or len(tokens) < 2 or ctx.demonym_entry(tokens[0].text) is None:
        return None
    rest = tokens[1:]
    if not all(t.text[:1].isupper() and t.is_alpha for t in rest) or ctx.kb.lookup(ent.text) is not None \
            or ctx.has_org_word([t.lower_ for t in rest]) or any(ctx.kb.lookup(t.text) is not None for t in rest):
        return None
    after = tokens[-1].i + 1
    if after + 1 >= len(ctx.nlp) or not ctx.is_head_title(ctx.nlp[after].text) or not ctx.nlp[after].text[:1].isupper():
        return None
    nxt = ctx.nlp[after + 1]
    return [] if nxt.ent_type_ == "PERSON" and nxt.ent_iob_ == "B" else None

PORTFOLIO_WORDS = frozenset({"for", "of", "to", "on"})  # "Special Representative for Human Rights"


def _title_run(ctx: Context, tokens: list[Token]) -> int:
    """How many capitalised title words open `tokens`."""
    n = 0
    while n < len(tokens) and tokens[n].text[:1].isupper() and ctx.is_title_word(tokens[n].text):
        n += 1
    return n


def portfolio_in_title(ctx: Context, ent: Entity) -> list[Mention] | None:
    """A portfolio inside a title: "Under Secretary for Terrorism and Financial Intelligence";
    a person after a whole portfolio ("Secretary of State Anna Lee") is that person."""
    if ent.label not in {"ORG", "PERSON", "NORP"} or ctx.kb.lookup(ent.text) is not None:
        return None
    before = portfolio_before(ctx, ent.start)
    if before is None or (ent.label == "PERSON" and any(w[:1].isupper() for w in before)):
        return None
    return []


def title_of_portfolio(ctx: Context, ent: Entity) -> list[Mention] | None:
    """"the Minister of Foreign Affairs and Foreign Trade" read as an organisation: a
    capitalised head title word, then "of" or "for" and a portfolio of common words ("Foreign
    Affairs", "Health and Wellness"), no known name in it: a title, no actor. A name after
    "of" ("President of Kenya", "Secretary of State Ann Lee") is not this rule's."""
    tokens = ent.tokens
    if ent.label != "ORG" or len(tokens) < 3 or ctx.kb.lookup(ent.text) is not None:
        return None
    head = tokens[0].text
    if not (head[:1].isupper() and ctx.is_head_title(head)) or tokens[1].lower_ not in {"of", "for"}:
        return None
    words = [t for t in tokens[2:] if t.is_alpha and t.lower_ not in CONNECTORS]
    if not words or any(ctx.kb.lookup(t.text) is not None or not _common_word(t.lower_) for t in words):
        return None
    return []


def _common_word(word: str) -> bool:
    """A word of the English dictionary, or the plural of one ("fisheries", "resources")."""
    forms = {word, word[:-3] + "y" if word.endswith("ies") else word, word[:-1] if word.endswith("s") else word}
    return bool(forms & dictionary_words())


def person_regime(ctx: Context, ent: Entity) -> list[Mention] | None:
    """"<Person> regime": the organisation around a person ("the Assad regime")."""
    nxt = re.match(r"\s+([a-z]+)\b", ctx.text[ent.end:ent.end + 20])
    if ent.label == "PERSON" and nxt and nxt.group(1) in ctx.nouns.get("person-org", {}):
        e2 = ent.end + nxt.end()
        return [Mention(ent.start, e2, ctx.text[ent.start:e2], "ORG", "ner", ent.zone, cue="org")]
    return None


def title_in_front(ctx: Context, ent: Entity) -> list[Mention] | None:
    """Titles glued in front: "Rear Admiral Shamkhani", "President Putin", "Brig"."""
    tokens = ent.tokens
    i = 0
    stripped_head = False
    while i < len(tokens) and (ctx.is_title_word(tokens[i].text) or tokens[i].text in {".", "-"} or
                               (i + 1 < len(tokens) and ctx.demonym_entry(tokens[i].text) is not None
                                and ctx.is_title_word(tokens[i + 1].text))):
        stripped_head = stripped_head or ctx.is_head_title(tokens[i].text)
        i += 1
    if not (i and stripped_head and ent.label in {"PERSON", "ORG", "NORP"}):
        return None
    if i >= len(tokens):
        return []
    rest = tokens[i:]
    if all(t.text[:1].isupper() for t in rest) and not ctx.has_org_word([t.lower_ for t in rest]):
        s, e = ctx.clean_span(rest[0].idx, ent.end)
        return [Mention(s, e, ctx.text[s:e], "PERSON", "ner", ent.zone, titled=True)]
    return None


def person_after_title_or_place(ctx: Context, ent: Entity) -> list[Mention] | None:
    """A person glued after a title or a place: "... for the Middle East Mikhail Bogdanov",
    "the Council of Ministers of Jordan Ayman Example"; the organisation before stays."""
    tokens = ent.tokens
    if ent.label not in {"PERSON", "ORG"} or len(tokens) < 3:
        return None
    cut = person_cut(ctx, tokens)
    if cut is None:
        return None
    person = tokens[cut:]
    s = person[0].idx
    out = [Mention(s, ent.end, ctx.text[s:ent.end], "PERSON", "ner", ent.zone, titled=True)]
    head = tokens[:cut]
    while head and head[-1].lower_ in CONNECTORS:
        head = head[:-1]
    if ent.label == "ORG" and head and ctx.has_org_word([t.lower_ for t in head]):
        org = _org_without_state(ctx, head, ent.zone)
        if org is not None:
            out.insert(0, org)
    return out


def _org_without_state(ctx: Context, head: list[Token], zone: str) -> Mention | None:
    """The organisation a person was glued to, without a trailing "of <State>"."""
    k = len(head)
    for j in range(len(head) - 1, 0, -1):
        if head[j - 1].lower_ == "of" and ctx.state_of(ctx.text[head[j].idx:head[-1].idx + len(head[-1].text)]):
            k = j - 1
            break
    hs, he = ctx.clean_span(head[0].idx, head[k - 1].idx + len(head[k - 1].text))
    if he > hs:
        return Mention(hs, he, ctx.text[hs:he], "ORG", "ner", zone)
    return None


def lone_title_word(ctx: Context, ent: Entity) -> list[Mention] | None:
    """A "person" that is one title word."""
    if ent.label == "PERSON" and len(ent.tokens) == 1 and ctx.is_title_word(ent.tokens[0].text):
        return []
    return None


def portfolio_before(ctx: Context, start: int) -> list[str] | None:
    """When the words before `start` are "<head title word> for/of" (with capitalised
    words and "and" between), those words between (the portfolio so far: none when the
    name itself starts it); None when `start` is not inside a title."""
    words = re.findall(r"[\w’'.-]+", ctx.line_before(start))
    k = len(words) - 1
    while k >= 0 and (words[k][:1].isupper() or words[k] in {"and", "&"}) and not ctx.is_head_title(words[k]):
        k -= 1
    if k >= 1 and words[k] in {"for", "of"} and ctx.is_head_title(words[k - 1]):
        return words[k + 1:]
    return None


def person_cut(ctx: Context, tokens: list[Token]) -> int | None:
    """Index where a trailing personal name starts after a title word or a known
    place/organisation name inside one spaCy entity, or None."""
    best = None
    for j in range(len(tokens) - 1):
        if ctx.is_head_title(tokens[j].text) or _ends_known_name(ctx, tokens, j) or _ends_place(tokens, j):
            best = j + 1
    if best is None:
        return None
    rest = tokens[best:]
    if not 2 <= len(rest) <= 4 or best == 0:
        return None
    if any(not (t.text[:1].isupper() or t.lower_ in NAME_PARTICLES) or ctx.is_title_word(t.text) for t in rest):
        return None
    if ctx.has_org_word([t.lower_ for t in rest]) or rest[-1].lower_ in ctx.nouns.get("org-head", {}):
        return None  # "the Atlantic Rim Institute": no person "Rim Institute" after a place
    known = ctx.kb.lookup(ctx.text[rest[0].idx:rest[-1].idx + len(rest[-1].text)])
    if known and known.type not in {"", "PERSON"}:
        return None
    return best


def _ends_place(tokens: list[Token], j: int) -> bool:
    """A gazetteer place larger than a city (a country, region, sea or feature) of up to
    three capitalised tokens ends at token j ("Minister for the Pacific Jessica Harlow");
    city names are too many to tell from first names."""
    doc = tokens[0].doc
    for k in range(max(0, j - 2), j + 1):
        words = tokens[k:j + 1]
        if all(t.text[:1].isupper() for t in words):
            piece = doc.text[words[0].idx:words[-1].idx + len(words[-1].text)]
            if len(piece) > 2 and any(p.kind != "city" for p in gazetteer().lookup(piece)):
                return True
    return False


def _ends_known_name(ctx: Context, tokens: list[Token], j: int) -> bool:
    """A searchable knowledge-base name of up to five tokens ends at token j."""
    for k in range(max(0, j - 4), j + 1):
        piece = ctx.text[tokens[k].idx:tokens[j].idx + len(tokens[j].text)]
        if ctx.kb.searchable.get(name_key(piece)) and len(piece) > 2:
            return True
    return False
