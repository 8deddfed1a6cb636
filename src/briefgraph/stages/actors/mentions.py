"""Mentions from spaCy's named entities: each entity is labelled for the stage, cut at
line breaks and brackets, cleaned and put through the NER fixes (ner_fixes.py); then
two places joined by "and" become one, and names spaCy left untagged after a title,
on the attribution line under a quote or before a place noun are added."""

from __future__ import annotations

import re
from types import MappingProxyType

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Span, Token

from ...places import resolve
from ..place_misread import dictionary_words
from ..quotes.speakers import ATTRIBUTION_LINE_WORDS  # one bound on how long an attribution line is
from .context import CONNECTORS, Context, is_city
from .keys import place_gone_to, place_moved_to_or_from
from .model import Mention
from .ner_fixes import fix_entity

NER_LABELS = MappingProxyType({"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "LOC",
                               "NORP": "NORP"})
# kept only when named as a facility ("Tower 22")
FACILITY_LABELS = frozenset({"EVENT", "LAW", "PRODUCT", "WORK_OF_ART"})
NOT_NAME_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
# "the disputed Batken section of their border": a part of a border named after a place
BORDER_PART = re.compile(r"(?:section|sector|stretch|segment)\s+of\s+(?:the|their|its)\s+(?:\w+\s+)?"
                         r"(?:border|frontier|boundary|front line)\b")
TITLED_JOINERS = CONNECTORS | frozenset({"at", "in", "on", "to", "with", "from"})
# '"..." Name Name, Title' on the quote's line or the next: a quote ending its sentence, then
# 2-4 name words and a comma or dash; the name words allow particles ("bin", "al-", "de")
_NAME_WORD = r"(?:[A-Z][\w.'’-]*|(?:al|bin|de|van|von|da|el)(?:-[A-Z][\w'’-]*)?)"
_AUTHOR_AFTER_QUOTE = re.compile(
    rf"[.!?…][”\"]\s*(?:\n\s*)*(?:[—–-]\s*)?(?P<name>[A-Z][\w.'’-]*(?:[ \u00a0]{_NAME_WORD}){{1,3}})(?=,|\s[—–-]\s)")


def entity_label(ent: Span, ctx: Context) -> str | None:
    """The stage's label of a spaCy entity, or None when it names no actor."""
    label = NER_LABELS.get(ent.label_)
    if label is None and ent.label_ in FACILITY_LABELS:
        words = [w.lower() for w in re.findall(r"[A-Za-z]+", ent.text)]
        facility = ctx.nouns.get("facility", {})
        if words and (words[0] in facility or words[-1] in facility) and ent.text[:1].isupper():
            label = "LOC"
    if label is None and ent.label_ not in NOT_NAME_LABELS and ent.text[:1].isupper():
        # a place spaCy took for something else ("the port of Odesa" as a LANGUAGE)
        if ctx.cue_around(ent.start_char, ent.end_char) == "place" and is_city(ent.text):
            label = "GPE"
    return label


def ner_mentions(ctx: Context) -> list[Mention]:
    out: list[Mention] = []
    for ent in ctx.nlp.ents:
        label = entity_label(ent, ctx)
        if label is not None:
            out.extend(_entity_mentions(ctx, ent, label))
    return join_place_pairs(out, ctx)


def _entity_mentions(ctx: Context, ent: Span, label: str) -> list[Mention]:
    """The pieces of an entity between line breaks and brackets, fixed."""
    out: list[Mention] = []
    pos = ent.start_char
    for piece in re.split(r"(\n|\(|\))", ctx.text[ent.start_char:ent.end_char]):
        s, e = ctx.clean_span(pos, pos + len(piece))
        pos += len(piece)
        if piece in {"\n", "(", ")"}:
            continue
        if e - s < 2 or not any(c.isalpha() for c in ctx.text[s:e]):
            continue
        if ctx.quoted(s, e) and ctx.kb.lookup(ctx.text[s:e]) is None:
            continue
        out.extend(fix_entity(ctx, s, e, label))
    return out


def join_place_pairs(mentions: list[Mention], ctx: Context) -> list[Mention]:
    """"Sistan and Baluchestan province": spaCy's two places joined by "and" before a
    place noun are one place."""
    place = ctx.nouns.get("place", {})
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (prev is not None and prev.label in {"GPE", "LOC"} and m.label in {"GPE", "LOC"}
                and ctx.text[prev.end:m.start] == " and "
                and (m.text.split()[-1].lower() in place
                     or (re.match(r"\s+([a-z]+)", ctx.text[m.end:m.end + 20]) or [None, ""])[1] in place)):
            out[-1] = Mention(prev.start, m.end, ctx.text[prev.start:m.end], "GPE", "ner", prev.zone, cue="place")
            continue
        out.append(m)
    return out


def titled_name_mentions(ctx: Context) -> list[Mention]:
    """Names spaCy leaves untagged after a title ("… Special Envoy for the Middle
    East Mikhail Bogdanov met …"): two or three capitalised proper nouns, outside
    every entity, with a title word among the few words before them."""
    out: list[Mention] = []
    covered = {i for ent in ctx.nlp.ents for i in range(ent.start, ent.end)}
    tokens = list(ctx.nlp)
    i = 0
    while i < len(tokens):
        j = i
        while (j < len(tokens) and j - i < 3 and tokens[j].pos_ == "PROPN" and tokens[j].text[:1].isupper()
               and tokens[j].text.isalpha() and tokens[j].i not in covered
               and not ctx.is_title_word(tokens[j].text)):
            j += 1
        run = tokens[i:j]
        after = tokens[j] if j < len(tokens) else None
        before = [t for t in tokens[max(0, i - 8):i] if t.sent == tokens[i].sent]
        joined = i > 0 and tokens[i - 1].lower_ in TITLED_JOINERS
        if (len(run) >= 2 and not joined and (after is None or after.pos_ != "PROPN")
                and any(ctx.is_title_word(t.text) for t in before)
                and ctx.kb.lookup(" ".join(t.text for t in run)) is None):
            s0, e0 = run[0].idx, run[-1].idx + len(run[-1].text)
            out.append(Mention(s0, e0, ctx.text[s0:e0], "PERSON", "ner", ctx.zone_at(s0), titled=True))
        i = max(j, i + 1)
    return out


def quote_author_mentions(ctx: Context) -> list[Mention]:
    """The name on the attribution line under a block quote ('"..." Mereani Tuilagi,
    Senior Fellow at ...'), on the quote's line or the next, when spaCy left it untagged."""
    out: list[Mention] = []
    covered = [(ent.start_char, ent.end_char) for ent in ctx.nlp.ents if ent.label_ == "PERSON"]
    for match in _AUTHOR_AFTER_QUOTE.finditer(ctx.text):
        s0, e0 = match.span("name")
        if any(s < e0 and s0 < e for s, e in covered) or ctx.kb.lookup(match.group("name")) is not None:
            continue
        words = match.group("name").split()
        line_end = ctx.text.find("\n", e0)
        rest = ctx.text[s0:len(ctx.text) if line_end < 0 else line_end]
        if words[0].lower() in STOP_WORDS or any(ctx.is_title_word(w) for w in words) \
                or len(rest.split()) > ATTRIBUTION_LINE_WORDS:
            continue
        out.append(Mention(s0, e0, ctx.text[s0:e0], "PERSON", "ner", ctx.zone_at(s0), author=True))
    return out


def region_name_mentions(ctx: Context) -> list[Mention]:
    """Places spaCy leaves untagged before a place noun ("struck the Kharkiv region", "in
    Khost province"): one to three capitalised words, outside every name entity, before a
    place noun (nouns.csv kind "place"), when the gazetteer knows the name with the noun
    or without it; a GPE mention of the whole phrase. A region word that is also a common
    word (places/cues.txt `ambiguous_region_words`, "state") makes one only after a name the
    gazetteer has as a region: "Kebbi state", not "Russian state media". Before a part of a
    border ("the Batken section of their border") the name alone is the place."""
    place_nouns = ctx.nouns.get("place", {})
    ambiguous = ctx.place_cues["ambiguous_region_words"]
    named = {i for ent in ctx.nlp.ents if ent.label_ in NER_LABELS and ent.label_ != "NORP"
             for i in range(ent.start, ent.end)}
    out: list[Mention] = []
    for noun in ctx.nlp:
        border_part = BORDER_PART.match(ctx.text, noun.idx) is not None
        if (noun.lower_ not in place_nouns and noun.lower_ not in ambiguous and not border_part) \
                or not noun.text.islower() \
                or noun.i == 0:
            continue
        run: list[Token] = []
        k = noun.i - 1
        while k >= 0 and len(run) < 3 and ctx.nlp[k].text[:1].isupper() and ctx.nlp[k].is_alpha \
                and ctx.nlp[k].i not in named and not ctx.nlp[k].is_sent_start:
            run.insert(0, ctx.nlp[k])
            k -= 1
        if not run:
            continue
        name = " ".join(t.text for t in run)
        if resolve(f"{name} {noun.text}") is None and resolve(name) is None \
                and not unknown_admin_region(ctx, run, noun):
            continue
        if noun.lower_ in ambiguous and getattr(resolve(name), "kind", "") != "region":
            continue  # "Kebbi state", not "Russian state media"
        s0, e0 = run[0].idx, (run[-1].idx + len(run[-1].text)) if border_part else noun.idx + len(noun.text)
        out.append(Mention(s0, e0, ctx.text[s0:e0], "GPE", "ner", ctx.zone_at(s0), cue="place"))
    return out


def unknown_admin_region(ctx: Context, run: list[Token], noun: Token) -> bool:
    """ "the Maktaaral district": a name the gazetteer lacks before a noun of administrative
    divisions (places/cues.txt `admin_region_nouns`), right after "the", of one or two words
    none in the English dictionary nor a state's name or demonym, the last not ending as a
    demonym does (cues `demonym_endings`: "the Zorvanian province"), is a division's name."""
    return noun.lower_ in ctx.place_cues["admin_region_nouns"] and len(run) <= 2 and run[0].i > 0 \
        and ctx.nlp[run[0].i - 1].lower_ == "the" \
        and not any(t.lower_ in dictionary_words() or ctx.state_of(t.text) is not None for t in run) \
        and not run[-1].lower_.endswith(tuple(ctx.place_cues["demonym_endings"]))


_DASHED_PAIR = re.compile(r"\b([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?)[–—-]([A-Z][\w'’]*(?: [A-Z][\w'’]*)?) ([a-z]+)\b")


def dashed_place_pairs(ctx: Context) -> list[Mention]:
    """The two ends of a crossing, road or border written "A–B" before a place or facility
    noun ("the Petrapole–Benapole crossing", "the Torkham-Jalalabad road"), when the
    gazetteer knows both ends and spaCy tagged neither as a name: two GPE mentions."""
    nouns = {**ctx.nouns.get("place", {}), **ctx.nouns.get("facility", {})}
    named = [(ent.start_char, ent.end_char) for ent in ctx.nlp.ents if ent.label_ in NER_LABELS]
    out: list[Mention] = []
    for match in _DASHED_PAIR.finditer(ctx.text):
        if match.group(3) not in nouns or any(s < match.end(2) and match.start(1) < e for s, e in named):
            continue
        if resolve(match.group(1)) is None or resolve(match.group(2)) is None:
            continue
        for k in (1, 2):
            s0, e0 = match.span(k)
            out.append(Mention(s0, e0, match.group(k), "GPE", "ner", ctx.zone_at(s0), cue="place"))
    return out


# NER labels under which spaCy hides a town it does not know as one ("in Kaffrine" as a PRODUCT)
MISREAD_PLACE_LABELS = frozenset({"", "NORP", "PRODUCT", "WORK_OF_ART", "LANGUAGE"})
# the dictionary (WordNet's nouns) holds big cities' names too ("odesa", "paris"), and "Novi Sad"
# has "sad": a place this big is the place whatever words it shares with the dictionary
BIG_PLACE_POPULATION = 100_000


def misread_place_mentions(ctx: Context) -> list[Mention]:
    """Places spaCy tags as something else or not at all, in a place slot ("the bus crash in
    Kaffrine", "the port of Hodeidah", "withdrew from Manbij"): proper nouns in a place slot
    (`_place_slot`) that the gazetteer knows, no word of them a word of the
    English dictionary unless the place is a big one ("near Odesa", "in Novi Sad"), and no
    knowledge-base name; a GPE mention."""
    out: list[Mention] = []
    for token in ctx.nlp:
        if token.pos_ != "PROPN" or token.dep_ not in {"pobj", "dobj"} or token.ent_type_ not in MISREAD_PLACE_LABELS \
                or not _place_slot(token, ctx):
            continue
        start = token.i
        while start > token.sent.start and token.doc[start - 1].pos_ == "PROPN" \
                and token.doc[start - 1].dep_ == "compound" and token.doc[start - 1].ent_type_ in MISREAD_PLACE_LABELS:
            start -= 1
        span = token.doc[start:token.i + 1]
        if not span.text[:1].isupper() or not all(t.is_alpha for t in span) or ctx.kb.lookup(span.text) is not None:
            continue
        place = resolve(span.text)
        if place is None or (any(t.lower_ in dictionary_words() for t in span)
                             and (place.population or 0) < BIG_PLACE_POPULATION):
            continue
        out.append(Mention(span.start_char, span.end_char, span.text, "GPE", "ner", ctx.zone_at(span.start_char),
                           cue="place"))
    return out


def _place_slot(token: Token, ctx: Context) -> bool:
    """Where a place is: after a locative preposition ("in Kaffrine"), a place gone to or left
    ("withdrew from Manbij", "a convoy sent to Kaffrine", "entered Manbij"), "of" after a place noun."""
    if token.dep_ == "dobj":
        return place_gone_to(token, ctx)
    prep = token.head
    if prep.lower_ in ctx.locative_preps or place_moved_to_or_from(token, ctx):
        return True
    return prep.lower_ == "of" and prep.head.lower_ in ctx.nouns.get("place", {})


def org_noun_name_mentions(ctx: Context) -> list[Mention]:
    """Organisations spaCy leaves untagged beside a noun of organisations (nouns.csv kind
    "org"): "the state-owned company Belpechat", "the ELN rebel group". One to three
    capitalised proper nouns, none in a name entity nor at a sentence's start, right after
    the noun or before it (one lower-case word may stand between: "rebel"), with a word
    outside the English dictionary or an acronym; an ORG mention."""
    org_nouns = ctx.nouns.get("org", {})
    out: list[Mention] = []
    for noun in ctx.nlp:
        if noun.lower_ not in org_nouns or not noun.text.islower():
            continue
        for run in (_name_run(ctx, noun.i + 1, 1), _name_run(ctx, noun.i - 1, -1),
                    _name_run(ctx, noun.i - 2, -1) if noun.i >= 2 and ctx.nlp[noun.i - 1].text.islower() else []):
            if run and (not all(t.lower_ in dictionary_words() for t in run) or _acronym(run)):
                s0, e0 = run[0].idx, run[-1].idx + len(run[-1].text)
                out.append(Mention(s0, e0, ctx.text[s0:e0], "ORG", "ner", ctx.zone_at(s0), cue="org"))
                break
    return out


def org_head_name_mentions(ctx: Context) -> list[Mention]:
    """Organisations spaCy leaves untagged or cuts whose name ends in a capitalised head word
    of organisations (nouns.csv kind "org-head": "the Carthage Policy Circle", "Russia's
    Northern Fleet", "its National Gendarmerie"): the head mid-sentence, no capitalised word
    after it, and one to four capitalised words before it, none a head title word ("Director"), a demonym or at
    a sentence's start; an ORG mention of the whole name (spaCy's shorter entities inside it
    yield to it; one over it or beyond it keeps its own)."""
    heads = ctx.nouns.get("org-head", {})
    spans = {i: ent for ent in ctx.nlp.ents for i in range(ent.start, ent.end)}
    out: list[Mention] = []
    for head in ctx.nlp:
        noun = heads.get(head.lower_)
        if noun is None or not head.text.istitle() or head.is_sent_start or _capitalised(ctx, head.i + 1):
            continue
        k = head.i - 1
        while k >= 0 and head.i - k <= 4 and _capitalised(ctx, k) and not ctx.nlp[k].is_sent_start \
                and not ctx.is_head_title(ctx.nlp[k].text) and ctx.nlp[k].ent_type_ != "NORP":
            k -= 1
        first = k + 1
        if first == head.i or _entity_beyond(spans, first, head.i):
            continue
        s0, e0 = ctx.nlp[first].idx, head.idx + len(head.text)
        out.append(Mention(s0, e0, ctx.text[s0:e0], "ORG", "ner", ctx.zone_at(s0), sector=noun.sector, cue="org"))
    return out


def _capitalised(ctx: Context, i: int) -> bool:
    return 0 <= i < len(ctx.nlp) and ctx.nlp[i].is_alpha and ctx.nlp[i].text[:1].isupper()


def _entity_beyond(spans: dict[int, Span], first: int, last: int) -> bool:
    """A spaCy entity over the tokens first..last that starts before them or ends after them,
    or one ORG over exactly them (nothing to add)."""
    for i in (first, last):
        ent = spans.get(i)
        if ent is not None and (ent.start < first or ent.end > last + 1
                                or (ent.start == first and ent.end == last + 1 and ent.label_ == "ORG")):
            return True
    return False


def _acronym(run: list[Token]) -> bool:
    return len(run) == 1 and run[0].text.isupper() and len(run[0].text) >= 2


def _name_run(ctx: Context, i: int, step: int) -> list[Token]:
    """The capitalised untagged proper nouns from token i on in one direction (at most 3)."""
    run: list[Token] = []
    while 0 <= i < len(ctx.nlp) and len(run) < 3:
        tok = ctx.nlp[i]
        if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or not tok.is_alpha or tok.ent_type_ \
                or tok.is_sent_start or ctx.is_title_word(tok.text):
            break
        run.append(tok)
        i += step
    if step < 0:
        run.reverse()
    edge = (run[-1].i + 1 if step > 0 else run[0].i - 1) if run else -1
    if run and 0 <= edge < len(ctx.nlp) and ctx.nlp[edge].pos_ == "PROPN":
        return []  # part of a longer name
    return run
