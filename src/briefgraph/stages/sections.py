"""What kind of section a stretch of text is in, shared by the stages that ask.

"Is this an expert-opinion section?" has one answer for every stage: the
structure stage's kind "expert-analysis", or a heading that holds one of the
phrases of knowledge/words.txt `opinion_headings` as whole words ("Expert
Analysis", "Analysis: the deal", "What experts say"). Stages pass the list
(`knowledge.words["opinion_headings"]`), so this module holds no word list.

The sections with no body text (`NO_BODY_SECTIONS`: the header, related reading, tag lists)
are the same for every stage too: no actor's body zone, no speech, no event.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..records import Section

NO_BODY_SECTIONS = frozenset({"header", "related", "tags"})  # the structure stage's kinds


def is_opinion_heading(heading: str | None, phrases: Iterable[str]) -> bool:
    """True when the heading holds one of `phrases` as whole words, case-insensitively."""
    if not heading:
        return False
    lowered = " ".join(heading.lower().split())
    return any(re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", lowered) for phrase in phrases)


def is_opinion_section(section: Section | None, phrases: Iterable[str]) -> bool:
    """True for a section of experts' opinions (by its kind or its heading)."""
    return section is not None and (section.kind == "expert-analysis" or is_opinion_heading(section.heading, phrases))
