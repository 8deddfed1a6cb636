"""Named places the gazetteer lacks (issue 15): a capitalised name the text follows with
a place noun ("the Sambisa forest", "Zzyzx district", "Natuna Islands") is a place of
kind "other", its country the one the text ties it to or else the one the document names
most, never with a guessed point."""

from __future__ import annotations

from typing import Any

from ..places import Place, resolve
from .place_finder import Finder
from .place_mention import Mention


def named_place_noun(span: Any, cues: Any) -> bool:
    """Whether the span is a capitalised name ending in a place noun: "Sambisa forest",
    "Korangi industrial area" (one modifier between, cues `place_noun_modifiers`)."""
    if len(span) < 2:
        return False
    last = span[-1]
    name = span[:-2] if len(span) > 2 and span[-2].lower_ in cues["place_noun_modifiers"] else span[:-1]
    return last.lower_ in cues["named_place_nouns"] and proper_words(name, cues["name_particles"])


def unknown_named_place(span: Any, cues: Any, qualifier: str | None, counts: Any) -> Place | None:
    """The place of kind "other" a named place noun makes, or None without a country."""
    if not named_place_noun(span, cues):
        return None
    country = qualifier or document_country(counts)
    if country is None:
        return None
    return Place(span.text, "other", country, None, 0.0, 0.0)


def document_country(counts: Any) -> str | None:
    """The country the document names most, when one is named more than any other."""
    ranked = counts.most_common(2) if counts else []
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return str(ranked[0][0])
    return None


def told_place(finder: Finder, span: Any) -> Mention | None:
    """A place the gazetteer lacks that the text names with a place noun: "the Lebanese
    village of Khiam", "the Syrian town of Zzyzx, Syria" -> name and country, no point
    (never a guessed one); "the village of Pazigyi" in a story of Myanmar: the country
    the document names most (document_country), else no place."""
    root = span.root
    if root.pos_ != "PROPN" or root.dep_ != "pobj" or root.head.lower_ != "of" or \
            not finder.place_noun(root.head.head):
        return None
    country = finder.qualifier(span) or document_country(finder.context(span.text))
    if country is None:
        return None
    noun = root.head.head.lemma_.lower()
    kind = "city" if noun in finder.cues["town_nouns"] else "region" if noun in finder.cues["region_words"] \
        else "feature"
    place = Place(span.text, kind, country, None, 0.0, 0.0)
    return Mention(span.start_char, span.end_char, span.text, place, root, point=False)


def demonym_place(finder: Finder, span: Any) -> Mention | None:
    """"off the Libyan coast", "in Iranian waters": a demonym before a noun of cues
    `demonym_place_nouns` is a place (kind "other", no point) of the demonym's country."""
    if len(span) != 2 or span[1].lower_ not in finder.cues["demonym_place_nouns"]:
        return None
    country = finder.gaz.demonym_country(span[0].text)
    if country is None:
        return None
    place = Place(span.text, "other", country, None, 0.0, 0.0)
    return Mention(span.start_char, span.end_char, span.text, place, span.root, point=False)


def named_unknown(finder: Finder, span: Any) -> Mention | None:
    """"the Sambisa forest": an unknown name before a place noun (unknown_named_place)."""
    place = unknown_named_place(span, finder.cues, finder.qualifier(span), finder.context(span.text))
    return Mention(span.start_char, span.end_char, span.text, place, span.root, point=False) if place else None


def facility_mentions(finder: Finder) -> list[Mention]:
    """Sites named by a capitalised name ending in a facility noun ("Dhaka University", "Kim Il
    Sung Square", "Moi Avenue"), from the NER's facilities, organisations and people (a site
    named after a person) and the actors' organisations: kind "other", no point, in the country
    the text ties it to ("Yerevan's Republic Square"), else of a town the name holds
    (town_country), else the one the document names most (document_country)."""
    nlp = finder.nlp
    # a site named after a person ("Kim Il Sung Square") may be tagged as that person
    spans = {(ent.start_char, ent.end_char) for ent in nlp.ents if ent.label_ in ("FAC", "ORG", "PERSON")}
    spans |= {(s, e) for a in finder.doc.actors if a.type == "ORG" for s, e in a.mentions}
    out = []
    for start, end in sorted(spans):
        span = nlp.char_span(start, end, alignment_mode="expand")
        if span is not None and span[0].lower_ == "the":
            span = span[1:]
        if span is None or len(span) < 2 or span[-1].lower_ not in finder.cues["facility_nouns"] or \
                not all(t.text[:1].isupper() for t in span if t.is_alpha):
            continue
        context = finder.context(span.text)
        country = finder.qualifier(span) or town_country(finder, span[:-1], context) or document_country(context)
        place = Place(span.text, "other", country, None, 0.0, 0.0)
        out.append(Mention(span.start_char, span.end_char, span.text, place, span.root, point=False))
    return out


def town_country(finder: Finder, words: Any, context: Any) -> str | None:
    """The country of the place these words name ("Dhaka" of "Dhaka University"), when the
    document names that country or none at all ("Republic" of "Yerevan's Republic Square"
    is no American town); else None."""
    place = resolve(words.text, finder.context(words.text)) if words.text[:1].isupper() else None
    if place is None or not place.country or (any(context.values()) and not context.get(place.country)):
        return None
    return place.country


def possessed_place(finder: Finder, span: Any) -> Mention | None:
    """"a curfew in Bamako's Commune IV", "raids in Karachi's Lyari": capitalised words the
    gazetteer lacks, owned by a town or region it knows, in a place slot (after a locative
    preposition, or the object of a verb that acts on a place) are a place inside that one,
    in its country, with no point (the owner is then its container, place_choice.inner_places)."""
    marks = [t for t in span if t.dep_ == "case" and t.lower_ in ("'s", "\u2019s", "'")]
    if len(marks) != 1 or marks[0].i == span.start or marks[0].i + 1 >= span.end:
        return None
    owner, name = span.doc[span.start:marks[0].i], span.doc[marks[0].i + 1:span.end]
    if not proper_words(name, finder.cues["name_particles"]):
        return None
    root = name.root
    slot = (root.dep_ == "pobj" and root.head.lower_ in finder.cues["locative_preps"]) or \
        (root.dep_ == "dobj" and root.head.lemma_.lower() in finder.cues["place_object_words"])
    towns = [p for p in finder.gaz.lookup(owner.text) if p.kind in ("city", "region")]
    if not slot or not towns or finder.gaz.lookup(name.text):
        return None
    town = resolve(owner.text, finder.context(owner.text), towns)
    if town is None:
        return None
    country = town.country
    place = Place(name.text, "other", country, None, 0.0, 0.0)
    return Mention(name.start_char, name.end_char, name.text, place, root, point=False)


def proper_words(words: Any, particles: Any) -> bool:
    """Capitalised words, which may hold short lower-case particles and hyphens between
    them ("Shar-e Naw", "Complexo da Maré")."""
    alpha = [t for t in words if t.is_alpha]
    return bool(alpha) and alpha[0].text[:1].isupper() and alpha[-1].text[:1].isupper() and \
        all(t.text[:1].isupper() or t.text in particles for t in alpha) and any(t.pos_ == "PROPN" for t in words)


def capital_mentions(finder: Finder) -> list[Mention]:
    """"Police in Mongolia's capital", "the capital of Mali", "the Kenyan capital": the
    capital of the country named (Gazetteer.capital), under the capital's own name."""
    out = []
    for token in finder.nlp:
        if token.lower_ != "capital" or token.pos_ != "NOUN" or token.dep_ == "compound":
            continue
        start, code = token.i, None
        for child in token.children:
            if child.dep_ == "poss" and child.i < token.i:
                code, start = finder.state_code(finder.nlp[child.left_edge.i:child.i + 1].text), child.left_edge.i
            elif child.dep_ == "amod" and child.i < token.i:
                code, start = finder.gaz.demonym_country(child.text), min(start, child.i)
        ofs = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"]
        objs = [o for o in (ofs[0].children if ofs else ()) if o.dep_ == "pobj"]
        end = token.i + 1
        if code is None and objs:
            code, end = finder.state_code(finder.nlp[objs[0].left_edge.i:objs[0].i + 1].text), objs[0].i + 1
        if code is None and [c.lower_ for c in token.children] == ["the"]:
            code = document_country(finder.context(""))  # "in the capital": the document's state
        capital = finder.gaz.capital(code) if code else None
        if capital is None:
            continue
        if start > 0 and finder.nlp[start - 1].lower_ == "the":
            start -= 1
        span = finder.nlp[start:end]
        out.append(Mention(span.start_char, span.end_char, capital.name, capital, token))
    return out
