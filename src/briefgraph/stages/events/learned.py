"""The learned layer: a logistic regression that scores each drafted event (source,
trigger, target) for whether it is an event the text tells, over sparse features of
the parse (trigger type, its dependency path, the actors' kinds, negation,
modality, section, quotes). A draft scored below the model's threshold is dropped.

The model is data (knowledge/events/candidate-model.json: feature weights, bias,
threshold, `enabled`), built by `make train` (tools/train_candidates.py) from our own
corpus's tuning parts with a fixed seed, and applied here in pure Python. A model
that is not `enabled` keeps every draft: the rules decide alone.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

from ...knowledge.files import data_path
from .coding import plover_type, root
from .sections import quote_at, section_kind

if TYPE_CHECKING:
    from .context import Context
    from .drafts import Draft

MODEL_FILE = "events/candidate-model.json"
SCREENED_KINDS = ("verb", "noun")  # a quote's statement event is never screened
# An attack the text tells without naming its target is never screened: the features cannot tell an
# attack whose target the text leaves unsaid from one whose target the rules missed (LOG-events, round 15)
UNTARGETED_KEPT = ("ASSAULT",)
PATH_DEPTH = 3  # dependency labels from the trigger up towards the sentence root


@dataclass(frozen=True)
class CandidateModel:
    """Weights of a logistic regression over feature strings, and the threshold under
    which a draft is dropped."""

    weights: Mapping[str, float] = field(default_factory=dict)
    bias: float = 0.0
    threshold: float = 0.0
    enabled: bool = False
    meta: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | Path) -> CandidateModel:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(weights=dict(data["weights"]), bias=float(data["bias"]), threshold=float(data["threshold"]),
                   enabled=bool(data.get("enabled", False)), meta=dict(data.get("meta", {})))

    def to_json(self) -> str:
        data = {"enabled": self.enabled, "threshold": self.threshold, "bias": self.bias, "meta": dict(self.meta),
                "weights": {k: self.weights[k] for k in sorted(self.weights)}}
        return json.dumps(data, indent=1, sort_keys=False) + "\n"

    def probability(self, features: list[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def shipped_model() -> CandidateModel:
    """The model shipped in the package (an empty, disabled one if the file is missing)."""
    path = data_path(MODEL_FILE)
    return CandidateModel.load(path) if path.is_file() else CandidateModel()


def screen(ctx: Context, drafts: list[Draft], model: CandidateModel | None = None) -> list[Draft]:
    """The drafts the model keeps (all of them when it is not enabled)."""
    model = model if model is not None else shipped_model()
    if not model.enabled:
        return drafts
    dropped = [d for d in drafts
               if screened(ctx, d) and model.probability(features(ctx, d, drafts)) < model.threshold]
    return [d for d in drafts if not any(d is e or targetless_twin(ctx, d, e) for e in dropped)]


def targetless_twin(ctx: Context, draft: Draft, dropped: Draft) -> bool:
    """"Student leaders threatened to boycott the Education Ministry's talks": a targetless draft
    of the same source, PLOVER type and sentence as a targeted draft the model dropped goes with
    it (finish() would have absorbed it in the targeted one: left alone it is the false event the
    drop meant to remove). A targetless attack stays (UNTARGETED_KEPT)."""
    codes = ctx.know.patterns.codes
    kind = plover_type(codes, draft.coding)
    return draft.target is None and dropped.target is not None and screened(ctx, draft) \
        and draft.source.id == dropped.source.id and draft.trigger.sent.start == dropped.trigger.sent.start \
        and kind is not None and kind == plover_type(codes, dropped.coding)


def screened(ctx: Context, draft: Draft) -> bool:
    """Whether the model judges the draft: a verb's or noun's event, save a targetless attack."""
    if draft.kind not in SCREENED_KINDS:
        return False
    return draft.target is not None or plover_type(ctx.know.patterns.codes, draft.coding) not in UNTARGETED_KEPT


def features(ctx: Context, draft: Draft, drafts: list[Draft]) -> list[str]:
    """The feature strings of one draft among its document's drafts."""
    trigger = draft.trigger
    plover = plover_type(ctx.know.patterns.codes, draft.coding) or "none"
    out = [f"kind={draft.kind}", f"plover={plover}", f"root={root(draft.coding)}",
           f"weak={draft.coding.weak}", f"dep={trigger.dep_}",
           f"tag={trigger.tag_}", f"kind_tag={draft.kind}|{trigger.tag_}", f"path={dep_path(trigger)}",
           f"neg={draft.negated}", f"modality={draft.modality}", f"light={draft.anchor.i != trigger.i}"]
    out += actor_features(ctx, draft)
    out += clause_features(draft)
    out += context_features(ctx, draft, plover)
    section, expert = section_kind(ctx, trigger.idx)
    out += [f"section={section}", f"quoted={quote_at(ctx, trigger.idx) is not None}", f"expert={expert}"]
    same_sentence = [d for d in drafts if d.trigger.sent.start == trigger.sent.start and screened(ctx, d)]
    rank = sorted({d.trigger.i for d in same_sentence} | {trigger.i}).index(trigger.i)  # an unscreened draft too
    out += [f"sent_triggers={min(len({d.trigger.i for d in same_sentence}), 3)}", f"sent_rank={min(rank, 2)}",
            f"sources_here={min(sum(d.trigger.i == trigger.i for d in same_sentence), 2)}"]
    return out


def dep_path(token: Token) -> str:
    labels = []
    node = token
    for _ in range(PATH_DEPTH):
        labels.append(node.dep_)
        if node.head.i == node.i:
            break
        node = node.head
    return ">".join(labels)


def actor_features(ctx: Context, draft: Draft) -> list[str]:
    """The source's and the target's kinds, and where they are said around the trigger."""
    source, target = draft.source, draft.target
    sent = draft.trigger.sent
    out = [f"src_type={source.type}", f"src_generic={source.category is not None}",
           f"src_side={side(ctx, source.id, draft.trigger, sent.start_char, sent.end_char)}",
           f"tgt_type={target.type if target else 'none'}"]
    if target is not None:
        out += [f"tgt_side={side(ctx, target.id, draft.trigger, sent.start_char, sent.end_char)}",
                f"same_country={bool(source.country) and source.country == target.country}"]
    out.append(f"plover_tgt={plover_type(ctx.know.patterns.codes, draft.coding)}|{target is not None}")
    return out


def side(ctx: Context, actor_id: str, trigger: Token, start: int, end: int) -> str:
    """Whether the actor is named in the trigger's sentence before it, after it, or not at all."""
    spots = [(s, e, a) for s, e, a in ctx.mentions if a.id == actor_id and start <= s < end]
    if not spots:
        return "outside"
    s, e, actor = min(spots, key=lambda m: abs(m[0] - trigger.idx))
    named = "name" if ctx.text[s:e] == actor.name else "alias"  # "Sanaa" for the Houthis, "Moscow" for Russia
    return ("before|" if s < trigger.idx else "after|") + named


def clause_features(draft: Draft) -> list[str]:
    """The anchor verb's auxiliaries and objects: tense and aspect, passives, a bare participle."""
    anchor = draft.anchor
    deps = {c.dep_ for c in anchor.children}
    auxes = sorted({c.lemma_.lower() for c in anchor.children if c.dep_ in ("aux", "auxpass")})
    return [f"aux={'+'.join(auxes) or 'none'}", f"obj={'dobj' in deps}", f"passive={'auxpass' in deps}",
            f"subj={bool(deps & {'nsubj', 'nsubjpass', 'csubj'})}", f"prep={'prep' in deps}",
            f"anchor_dep={anchor.dep_}", f"anchor_tag={anchor.tag_}"]


def context_features(ctx: Context, draft: Draft, plover: str) -> list[str]:
    """What the text says around the draft, in terms that are not words: how many target candidates
    the rules saw, which other actors the sentence names, how often the source and target are named
    in the document, how deep the anchor's clause sits, and the type by the source's kind."""
    source, target = draft.source, draft.target
    sent = draft.trigger.sent
    here = {a.id for s, _e, a in ctx.mentions if sent.start_char <= s < sent.end_char}
    others = len(here - {source.id, target.id if target else ""})
    has_target = target is not None
    return [f"cands={has_target}|{min(len(draft.candidates), 2)}", f"others={has_target}|{min(others, 2)}",
            f"plover_others={plover}|{has_target}|{min(others, 1)}",
            f"src_named={min(len(source.mentions), 3)}",
            f"tgt_named={min(len(target.mentions), 3) if target else 'none'}",
            f"depth={min(clause_depth(draft.anchor), 3)}",
            f"plover_generic={plover}|{source.category is not None}", f"plover_src={plover}|{source.type}"]


def clause_depth(token: Token) -> int:
    """How many heads lie between the token and its sentence's root."""
    depth = 0
    while token.head.i != token.i and depth < 10:
        token, depth = token.head, depth + 1
    return depth
