"""Helpers of the events tests: a text through the real structure and parse
stages, with the actors, times and quotes attached by hand so that the tests
exercise the events stage alone."""

from __future__ import annotations

import re
import sys
from contextlib import contextmanager

from briefgraph.knowledge import Knowledge
from briefgraph.pipeline import STAGES, run_stages, start_analysis
from briefgraph.records import Actor, Analysis, Quote, RawDocument, TimeExpr
from briefgraph.stages.events import find_events
from briefgraph.stages.events.context import Context, EventKnowledge

ACTOR_TYPES = {
    "Egypt": ("GPE", ["Egyptian", "Egyptian government", "Cairo"]),
    "Ethiopia": ("GPE", ["Addis Ababa"]),
    "Sudan": ("GPE", ["Khartoum"]),
    "Hamas": ("ORG", []),
    "Israel": ("GPE", ["Israeli"]),
    "Turkey": ("GPE", ["Turkish", "Ankara"]),
    "Moscow": ("GPE", []),
    "Qatar": ("GPE", ["Doha"]),
    "Hezbollah": ("ORG", []),
    "Sameh Shoukry": ("PERSON", ["Shoukry"]),
    "Lina Haddad": ("PERSON", ["Haddad"]),
    "Omar Farouk": ("PERSON", ["Farouk"]),
}


COUNTRIES = {"Egypt": "EGY", "Ethiopia": "ETH", "Sudan": "SDN", "Israel": "ISR", "Turkey": "TUR", "Qatar": "QAT"}


def _mentions(text: str, names: list[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for name in sorted(names, key=len, reverse=True):
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            if not any(m.start() < e and s < m.end() for s, e in spans):
                spans.append((m.start(), m.end()))
    return sorted(spans)


def analysed(text: str, times: list[tuple[str, str]] = (), quotes: list[tuple[str, str, str]] = (),
             roles: dict[str, list[str]] | None = None, published: str | None = None) -> Analysis:
    """Structure + parse of `text`, with the actors of ACTOR_TYPES it names, the
    given times (text, value) and quotes (text, speaker name, kind)."""
    (doc,), failures = run_stages([start_analysis(RawDocument(text=text, source="<test>", published=published))],
                                  [s for s in STAGES if s.name in ("structure", "truecase", "parse")])
    assert doc is not None, f"structure/parse failed: {failures}"
    actors = []
    for name, (kind, aliases) in ACTOR_TYPES.items():
        mentions = _mentions(doc.text, [name, *aliases])
        if mentions:
            actors.append(Actor(id=f"a{len(actors) + 1}", name=name, type=kind, aliases=aliases,
                                roles=(roles or {}).get(name, []), country=COUNTRIES.get(name),
                                mentions=mentions))
    found_times = []
    for time_text, value in times:
        start = doc.text.index(time_text)
        found_times.append(TimeExpr(time_text, value, None, start, start + len(time_text)))
    found_quotes = []
    for quote_text, speaker, kind in quotes:
        start = doc.text.index(quote_text)
        speaker_id = next(a.id for a in actors if a.name == speaker)
        found_quotes.append(Quote(quote_text, speaker_id, kind, "said", start, start + len(quote_text)))
    return doc.with_additions({"actors": actors, "times": sorted(found_times, key=lambda t: t.start),
                               "quotes": found_quotes})


def events_of(doc: Analysis, knowledge: Knowledge | None = None) -> list[tuple]:
    """(source, plover, cameo root, target, negated, modality, date) of each event, by actor name."""
    names = {a.id: a.name for a in doc.actors}
    return [(names[e.source], e.plover, (e.cameo or "")[:2], names.get(e.target), e.negated, e.modality, e.date)
            for e in find_events(doc, knowledge or Knowledge.default())["events"]]


def find(found: list[tuple], source: str, plover: str | None) -> tuple:
    hits = [e for e in found if e[0] == source and e[1] == plover]
    assert hits, f"no {plover} event by {source} in {found}"
    return hits[0]


def context_of(text: str, **kwargs) -> Context:
    """The events rules' view of `text` (analysed as by `analysed`)."""
    return Context.of(analysed(text, **kwargs), EventKnowledge.of(Knowledge.default()))


def token(ctx: Context, word: str, nth: int = 0):
    """The nth token whose text is `word`."""
    hits = [t for t in ctx.nlp if t.text == word]
    assert len(hits) > nth, f"no {word!r} (#{nth}) in {ctx.text!r}"
    return hits[nth]


def plover_of(text: str, word: str, kind: str = "verb") -> str | None:
    """The PLOVER type the dictionary gives `word` of `text` as a verb or an event noun."""
    from briefgraph.stages.events.coding import noun_coding, verb_coding

    ctx = context_of(text)
    lookup = verb_coding if kind == "verb" else noun_coding
    code = lookup(ctx.know.patterns, token(ctx, word))
    return None if code is None else code.plover or ctx.know.patterns.codes.plover_of(code.cameo)


def names(actors) -> list[str | None]:
    return [a.name if a is not None else None for a in actors]


@contextmanager
def extra_actors(**types: tuple[str, list[str]]):
    """ACTOR_TYPES with more actors for the duration of a test."""
    ACTOR_TYPES.update(types)
    try:
        yield
    finally:
        for name in types:
            ACTOR_TYPES.pop(name)


def rules_without_tests(module, rule_tuples: dict) -> list[str]:
    """The rules of `rule_tuples` that `module` has no test_<rule name> for."""
    return [f"{name}.{rule.__name__}" for name, rules in rule_tuples.items() for rule in rules
            if not hasattr(module, f"test_{rule.__name__}")]


def every_rule_test(module_name: str, rule_tuples: dict):
    """The test that every rule of `rule_tuples` has a test_<rule name> in the module
    `module_name` (each rules test file binds it as its own test_every_rule_has_a_test)."""
    def test_every_rule_has_a_test():
        missing = rules_without_tests(sys.modules[module_name], rule_tuples)
        assert not missing, f"rules without a test_<rule name> in {module_name}: {missing}"
    return test_every_rule_has_a_test


def draft_by(text: str, trigger: str):
    """The context of `text` and the first draft its sentences give for the word `trigger`."""
    from briefgraph.stages.events.triggers import sentence_events
    ctx = context_of(text)
    drafts = [d for sent in ctx.nlp.sents for d in sentence_events(ctx, sent)]
    hits = [d for d in drafts if d.trigger.text == trigger]
    assert hits, f"no draft triggered by {trigger!r}: {[d.trigger.text for d in drafts]}"
    return ctx, hits[0]


def pipeline_events(text: str, cameo: bool = False) -> list[tuple]:
    """(source, plover[, cameo], target) of each event the whole pipeline finds in `text`, by actor name."""
    from briefgraph.pipeline import analyse
    doc = next(iter(analyse([RawDocument(text=text, source="test", format="text")])))
    assert isinstance(doc, Analysis), f"the pipeline failed on {text!r}: {doc}"
    names = {a.id: a.name for a in doc.actors}
    return [(names.get(e.source or ""), e.plover, *((e.cameo,) if cameo else ()), names.get(e.target or ""))
            for e in doc.events]


def coded_events(text: str) -> list[tuple]:
    """(source, plover, cameo, target) of each event the whole pipeline finds in `text`."""
    return pipeline_events(text, cameo=True)


def texts(candidates) -> list[str]:
    """The words of a candidate list, the LATE mark as "LATE"."""
    from briefgraph.stages.events.targets import Late
    return [t.text if not isinstance(t, Late) else "LATE" for t in candidates]


def coded(ctx, word):
    """The pattern coding of the verb `word` in `ctx`."""
    from briefgraph.stages.events.coding import verb_coding
    return verb_coding(ctx.know.patterns, token(ctx, word))


def drafts_of(ctx, finder=None):
    """The drafts a trigger finder (default: triggers.verb_events) gives for the first sentence."""
    from briefgraph.stages.events import triggers
    sent = next(iter(ctx.nlp.sents))
    return (finder or triggers.verb_events)(ctx, sent, triggers.light_nouns(ctx, sent))


def actor_by_rule(rule, text, word, depth=0, target=False, nth=0, **kwargs):
    """What one ACTOR_RULES rule makes of `word` in `text`: a name, "NOBODY" or None."""
    from briefgraph.stages.events.arguments import NOBODY, Ask
    ctx = context_of(text, **kwargs)
    verdict = rule(ctx, Ask(token(ctx, word, nth), depth, target))
    return "NOBODY" if verdict is NOBODY else (verdict.name if verdict is not None else None)
