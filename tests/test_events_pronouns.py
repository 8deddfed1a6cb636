"""stages/events/pronouns.py: whom a pronoun stands for (the speaker of the quote it is in, the
reporter of the clause it is the subject of); documents written for these tests, through the whole
pipeline."""

from __future__ import annotations

from briefgraph.stages.events import pronouns
from events_fixtures import every_rule_test, token

RULE_TUPLES = {"PRONOUN_RULES": pronouns.PRONOUN_RULES}


test_every_rule_has_a_test = every_rule_test(__name__, RULE_TUPLES)


def context_of(text: str):
    """The events rules' view of `text` after the full pipeline's actors, quotes and times."""
    from briefgraph.knowledge import Knowledge
    from briefgraph.pipeline import analyse
    from briefgraph.records import RawDocument
    from briefgraph.stages.events.context import Context, EventKnowledge
    doc = next(iter(analyse([RawDocument(text=text, source="test", format="text")])))
    return Context.of(doc, EventKnowledge.of(Knowledge.default()))


def test_quote_speaker():
    ctx = context_of("“We will not accept this,” said Kenya's foreign minister, Musalia Mudavadi.")
    speaker = pronouns.quote_speaker(ctx, token(ctx, "We"))
    assert speaker is not None and speaker.name == "Musalia Mudavadi", speaker
    assert pronouns.quote_speaker(ctx, token(ctx, "this")) is None, "not a speaker's pronoun"


def test_reporter():
    ctx = context_of("Mozambique's defence ministry announced a joint operation on Sunday. "
                     "Rwanda's government said it would deploy 500 soldiers within a month.")
    actor = pronouns.reporter(ctx, token(ctx, "it"))
    assert actor is not None and actor.name == "Rwanda", f"'it' is the government that said so: {actor}"
    ctx = context_of("Egypt condemned the raid on Monday. Sudan said that it had not been consulted.")
    assert pronouns.reporter(ctx, token(ctx, "it")).name == "Sudan"
    ctx = context_of("Egypt condemned the raid on Monday. It said nothing else.")
    assert pronouns.reporter(ctx, token(ctx, "It")) is None, "no reported clause"
