"""Structure stage: title, date, genre, sections, related reading, tags, furniture."""

from __future__ import annotations

import pytest

from briefgraph.knowledge import Knowledge
from briefgraph.knowledge.tagwords import TagVocabulary
from briefgraph.pipeline import STAGES, run_stages, start_analysis
from briefgraph.records import RawDocument
from briefgraph.stages.structure import find_structure
from briefgraph.stages.tags import learn_tags, split_tags

SHIPPED_TAGS = Knowledge.default().tags

BRIEF = """March 4, 2024 | Flash Brief

Turkey to Host Black Sea Grain Talks

March 4, 2024 | Flash Brief

Turkey to Host Black Sea Grain Talks

Latest Developments

Turkish Foreign Minister Hakan Fidan will receive Russian and Ukrainian delegations in Istanbul from March 6 through March 8 for talks on reviving grain shipments across the Black Sea.

Expert Analysis

“Ankara wants to be seen as the indispensable broker between Moscow and Kyiv.” Jane Example, Senior Fellow at the Example Institute

Ankara Pursues Its Mediator Role

Russia left the grain corridor deal in July 2023. Two days later, Russian forces struck port facilities in Odesa.

Turkey’s balancing act between Russia and NATO,” by John Writer

Ukraine Reopens Sea Lanes Without Moscow,” Example Flash Brief

Issues:

Turkey Russia Ukraine Maritime Security Military and Political Power
"""


def structure_of(text: str, **hints: str) -> dict:
    analysis = start_analysis(RawDocument(text=text, source="<test>", **hints))
    return find_structure(analysis)


def test_brief_header_gives_title_date_and_genre():
    info = structure_of(BRIEF)["document"]
    assert info.title == "Turkey to Host Black Sea Grain Talks", info.title
    assert info.published == "2024-03-04", info.published
    assert info.genre == "Flash Brief", info.genre


def test_brief_sections_have_exact_offsets():
    out = structure_of(BRIEF)
    info, text = out["document"], BRIEF.rstrip()
    headings = [(s.heading, s.kind) for s in info.sections]
    assert ("Latest Developments", "body") in headings, headings
    assert ("Expert Analysis", "body") in headings, headings
    assert ("Ankara Pursues Its Mediator Role", "body") in headings, headings
    for section in info.sections:
        if section.heading and section.kind == "body":
            assert text[section.start:section.end].startswith(section.heading), section
    kinds = [s.kind for s in info.sections]
    assert kinds[0] == "header" and kinds[-2:] == ["related", "tags"], kinds
    # the attribution line under the block quote is not a heading
    assert not any(s.heading and s.heading.startswith("Jane Example") for s in info.sections)


def test_related_reading_titles_and_authors():
    related = structure_of(BRIEF)["document"].related
    assert [r.title for r in related] == [
        "Turkey’s balancing act between Russia and NATO",
        "Ukraine Reopens Sea Lanes Without Moscow",
    ], related
    assert related[0].author == "John Writer"
    assert related[1].author is None


def test_tag_line_keeps_multi_word_tags_whole():
    tags = structure_of(BRIEF)["document"].tags
    assert tags == ["Turkey", "Russia", "Ukraine", "Maritime Security", "Military and Political Power"], tags


def test_repeated_page_header_is_blanked_and_offsets_stay_exact():
    out = structure_of(BRIEF)
    analysed, text = out["analysed_text"], BRIEF.rstrip()
    assert len(analysed) == len(text)
    assert analysed.count("Turkey to Host Black Sea Grain Talks") == 1
    assert "March 4, 2024 | Flash Brief" not in analysed
    first_body = text.index("Turkish Foreign Minister")
    assert analysed[first_body:first_body + 24] == "Turkish Foreign Minister"


def test_wire_story_dateline_is_not_a_title():
    text = ("ANKARA, Turkey (AP) — Turkey's parliament on Tuesday approved Sweden's bid to join NATO, "
            "removing a major obstacle to the alliance's expansion.\n\nThe vote was 287 to 55.")
    info = structure_of(text)["document"]
    assert info.title is None, info.title
    assert info.genre is None


def test_first_line_headline_is_the_title_and_reading_time_is_furniture():
    text = ("Drone strike hits power plant in eastern Ukraine\n\n2 min read\n\n"
            "KYIV (Reuters) - A drone struck a power plant in the Kharkiv region overnight, "
            "the regional governor said on Monday.")
    out = structure_of(text)
    assert out["document"].title == "Drone strike hits power plant in eastern Ukraine"
    assert "2 min read" not in out["analysed_text"]


def test_press_release_contact_lines_are_furniture():
    text = ("Aid reaches the islands\n\nThe agency flew 40 tonnes of supplies to the islands on Monday.\n\n"
            "For further information, please contact:\nAgency Geneva, media relations, +41 22 000 0000\n\n"
            "Media enquiries: Minister's office, (02) 6200 0000")
    out = structure_of(text)
    for line in ("please contact", "media relations", "Media enquiries"):
        assert line not in out["analysed_text"], f"a contact line is no story text: {line}"
    assert "40 tonnes of supplies" in out["analysed_text"]


def test_sentence_first_line_is_not_a_title():
    text = ("Following a week of talks in Doha, negotiators from both sides said on Sunday that they had "
            "agreed on the outline of a prisoner exchange.\n\nA second round is planned.")
    assert structure_of(text)["document"].title is None


def test_a_line_with_nothing_after_it_is_the_body_not_a_title():
    text = "The Emir of Qatar Hosted Rwandan President Paul Kagame at the Amiri Diwan in Doha."
    out = structure_of(text)
    assert out["document"].title is None, "a title heads something: a lone line is the document's body"
    assert [s.kind for s in out["document"].sections] == ["body"], out["document"].sections
    headline = structure_of(text.rstrip(".") + "\n\nTalks went on until the evening.")
    assert headline["document"].title is not None, "a title-cased line with a body after it stays the title"


def test_press_release_genre_and_date_line():
    text = ("FOR IMMEDIATE RELEASE\nJune 12, 2024\n\nSecretary Announces New Aid for Flood Victims\n\n"
            "WASHINGTON — The Secretary of State announced $20 million in humanitarian assistance today.\n\n###")
    info = structure_of(text)["document"]
    assert info.genre == "Press Release"
    assert info.published == "2024-06-12"
    assert info.title == "Secretary Announces New Aid for Flood Victims"


def test_hints_from_the_input_win():
    info = structure_of(BRIEF, published="2024-03-05", title="A Given Title")["document"]
    assert info.published == "2024-03-05"
    assert info.title == "A Given Title"


def test_inline_further_reading_is_a_related_item():
    text = ("Envoy Meets Rebels\n\nThe envoy met rebel leaders in Juba on Monday, officials said.\n\n"
            "Further reading: Sudan's War Explained")
    related = structure_of(text)["document"].related
    assert [r.title for r in related] == ["Sudan's War Explained"]


@pytest.mark.parametrize("line, tags", [
    ("Lebanon Palestinian Politics Russia Syria", ["Lebanon", "Palestinian Politics", "Russia", "Syria"]),
    ("Iran, Gulf States, Arms Control", ["Iran", "Gulf States", "Arms Control"]),
    ("Saudi Arabia North Korea Iran", ["Saudi Arabia", "North Korea", "Iran"]),
    ("Kenya Horn of Africa", ["Kenya", "Horn of Africa"]),
    # seas and regions of the place knowledge are known tags
    ("Iran Strait of Hormuz Shipping", ["Iran", "Strait of Hormuz", "Shipping"]),
    # unknown words: a head noun joins the word before it
    ("Chad Sahelian Relations Niger", ["Chad", "Sahelian Relations", "Niger"]),
])
def test_split_tags(line, tags):
    assert split_tags(line, SHIPPED_TAGS) == tags


def test_learned_tags_split_later_lines(tmp_path):
    user = tmp_path / "tags.txt"
    vocab = TagVocabulary.load(user)
    assert split_tags("Kenya Coastal Piracy Watch", vocab) != ["Kenya", "Coastal Piracy Watch"]
    assert learn_tags(["Coastal Piracy Watch", "Kenya"], user, vocab) == 1
    vocab = TagVocabulary.load(user)
    assert split_tags("Kenya Coastal Piracy Watch", vocab) == ["Kenya", "Coastal Piracy Watch"]
    assert learn_tags(["Coastal Piracy Watch"], user, vocab) == 0, "a known tag is not learned twice"
    assert split_tags("Kenya Coastal Piracy Watch", SHIPPED_TAGS) != ["Kenya", "Coastal Piracy Watch"], \
        "another Knowledge in the same process must not see the learned tags"


def test_structure_runs_as_a_pipeline_stage():
    stage = STAGES[0]
    assert stage.name == "structure"
    (done,), (failure,) = run_stages([start_analysis(RawDocument(text=BRIEF, source="<test>"))], [stage])
    assert failure is None and done.document.title == "Turkey to Host Black Sea Grain Talks"


def test_updated_line_with_time_is_the_publication_date():
    text = ("Niger halts oil exports\n\nUpdated 4:52 PM GMT, July 10, 2024\n\n"
            "NIAMEY, Niger (AP) — Niger suspended crude exports on Wednesday.")
    info = structure_of(text)["document"]
    assert info.published == "2024-07-10" and info.title == "Niger halts oil exports", info


def test_posted_and_updated_line_is_the_publication_date():
    text = ("Posted: Aug 14, 2025 7:05 AM | Last Updated: Aug 15, 2025 1:20 PM\n\n"
            "Nurses march on Blantyre hospital over unpaid wages\n\n"
            "Hundreds of nurses marched on Queen Elizabeth Central Hospital in Blantyre on Wednesday.")
    info = structure_of(text)["document"]
    assert info.published == "2025-08-14", info
    assert info.title == "Nurses march on Blantyre hospital over unpaid wages", info


@pytest.mark.parametrize("top", [
    "SUVA, Fiji, 3 May 2025 — ",
    "Suva, Fiji — May 3, 2025 — ",
    "Suva, 3 May 2025: ",
    "Release date: 3 May 2025\n\n",
    "Posted on May 3rd, 2025 by Mere Tuilagi\n\n",
])
def test_release_datelines_and_date_lines_date_the_page(top):
    """A release or wire dateline with a date ("SUVA, Fiji, 3 May 2025 —", "Suva, 3 May 2025:") or a date line
    with a label or a byline dates the page."""
    text = ("Fiji recalls envoy from Vanuatu\n\n" + top
            + "Fiji recalled its high commissioner from Port Vila on Friday after Vanuatu expelled two Fijian "
              "police advisers.")
    info = structure_of(text)["document"]
    assert info.published == "2025-05-03", (top, info)
    assert info.title == "Fiji recalls envoy from Vanuatu", (top, info)


@pytest.mark.parametrize("top", [
    "SUVA (3 May 2025) – ",
    "Suva (May 3, 2025) - ",
    "Suva, Saturday 3 May 2025 – ",
    "SUVA, Fiji, May 3, 2025 /PRNewswire/ -- ",
    "SUVA, Fiji, May 03, 2025 (GLOBE NEWSWIRE) -- ",
    "SUVA, Fiji--(BUSINESS WIRE)--May 3, 2025-- ",
])
def test_bracketed_and_wire_datelines_date_the_page(top):
    """A dateline with its date in brackets, after a weekday, or before a newswire's name dates the page."""
    text = ("Fiji recalls envoy from Vanuatu\n\n" + top
            + "Fiji recalled its high commissioner from Port Vila on Friday after Vanuatu expelled two Fijian "
              "police advisers.")
    info = structure_of(text)["document"]
    assert info.published == "2025-05-03", (top, info)
    assert info.datelines and info.title == "Fiji recalls envoy from Vanuatu", (top, info)


@pytest.mark.parametrize("top", [
    "PRESS RELEASE\nFiji recalls envoy from Vanuatu\nSat 3 May 2025\n\n",
    "STATEMENT\nFiji recalls envoy from Vanuatu\nSaturday, 3 May 2025\n\n",
    "Media release\nFiji recalls envoy from Vanuatu\n03.05.2025\n\n",
    "Fiji recalls envoy from Vanuatu\nDate: 03.05.2025\n\n",
])
def test_a_date_line_under_the_title_dates_the_page(top):
    """The date line printed under the title (after a genre line, or alone; "Sat 3 May 2025", "03.05.2025")."""
    text = top + "Fiji recalled its high commissioner from Port Vila on Friday."
    info = structure_of(text)["document"]
    assert info.published == "2025-05-03" and info.title == "Fiji recalls envoy from Vanuatu", (top, info)


@pytest.mark.parametrize("closing", [
    "Ministry of Foreign Affairs\nSuva\n3 May 2025",
    "Issued on 3 May 2025 by the Ministry of Foreign Affairs",
    "Suva, May 3, 2025.",
])
def test_a_signature_block_dates_an_undated_page(closing):
    """A statement dated only in its closing signature block is dated by it; the line is blanked."""
    text = ("Fiji recalls envoy from Vanuatu\n\nFiji recalled its high commissioner from Port Vila on Friday.\n\n"
            + closing + "\n")
    found = structure_of(text)
    assert found["document"].published == "2025-05-03", (closing, found["document"])
    assert "2025" not in found["analysed_text"], closing


def test_a_signature_block_does_not_override_the_page_top():
    text = ("3 May 2025\n\nFiji recalls envoy from Vanuatu\n\nFiji recalled its high commissioner on Friday.\n\n"
            "Suva, 9 May 2025\n")
    info = structure_of(text)["document"]
    assert info.published == "2025-05-03", info


def test_a_date_in_the_last_sentence_is_no_signature():
    text = ("Fiji recalls envoy from Vanuatu\n\nFiji recalled its high commissioner from Port Vila.\n\n"
            "Talks are to resume on 3 May 2025.\n")
    assert structure_of(text)["document"].published is None


@pytest.mark.parametrize("top, genre", [
    ("By Ana Ruiz | March 4, 2026", None),
    ("March 4, 2026 · 5 min read", None),
    ("March 4, 2026 | Updated 5:40 PM", None),
    ("March 4, 2026 | Flash Brief", "Flash Brief"),
    ("March 4, 2026 | World Desk", "World Desk"),
])
def test_a_byline_or_reading_time_is_no_genre(top, genre):
    text = top + "\n\nHonduras condemns detention of fishermen\n\nHonduras condemned the detention on Monday."
    info = structure_of(text)["document"]
    assert (info.genre, info.published) == (genre, "2026-03-04"), (top, info)


def test_a_release_number_line_is_header():
    text = ("PRESS RELEASE\nNo. 112/2025\n3 May 2025\n\nFiji recalls envoy from Vanuatu\n\n"
            "Fiji recalled its high commissioner from Port Vila on Friday.")
    info = structure_of(text)["document"]
    assert info.published == "2025-05-03" and info.title == "Fiji recalls envoy from Vanuatu", info


def test_head_nouns_close_unknown_multi_word_tags():
    assert split_tags("Border Disputes Central Asia Kyrgyzstan", SHIPPED_TAGS) == ["Border Disputes", "Central Asia", "Kyrgyzstan"]


def _gold_documents():
    import json
    from pathlib import Path

    for gold_path in sorted((Path(__file__).parent / "data").glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        yield pytest.param(gold_path.parent / gold["doc"], gold, id=gold["doc"])


@pytest.mark.parametrize("path, gold", list(_gold_documents()))
def test_annotated_documents_structure_matches_gold(path, gold):
    """Our own annotated documents (tests/data, CC0): every document field the gold gives."""
    from briefgraph.readers import read_inputs

    (raw,) = list(read_inputs([str(path)]))
    info = find_structure(start_analysis(raw))["document"]
    for field in ("title", "published", "genre"):
        if gold.get(field):
            assert _norm(getattr(info, field)) == _norm(gold[field]), (field, getattr(info, field), gold[field])
    assert [_norm(t) for t in info.tags] == [_norm(t) for t in gold.get("tags", [])], info.tags
    assert [_norm(r.title) for r in info.related] == [_norm(t) for t in gold.get("related", [])], info.related


def _norm(value: str | None) -> str:
    import re

    return re.sub(r"\W+", " ", (value or "").replace("’", "'")).strip().lower()


def test_short_block_quote_with_name_and_title_is_not_related_reading():
    text = ("Expert Analysis\n\n“Beijing is testing Manila’s resolve.” Carl Example, Research Fellow\n\n"
            "Issues:\n\nChina Philippines")
    info = structure_of(text)["document"]
    assert info.related == [], info.related


@pytest.mark.parametrize("text, datelines, why", [
    pytest.param("BRUSSELS (Reuters) - The bloc met.\n\nKYIV (Reuters) - Talks went on.\nNo dateline here.",
                 ["BRUSSELS (Reuters) -", "KYIV (Reuters) -"], "a dateline on every line", id="every_line"),
    pytest.param("Geneva/Sana’a, 14 May 2024 – The agency met.\nCanberra, March 3, 2024 — Talks went on.\n"
                 "Ms Holloway, 3 March 2024 was the day.",
                 ["Geneva/Sana’a, 14 May 2024 –", "Canberra, March 3, 2024 —"],
                 "a release opens with its places and date before a dash; a name and a date with no dash are no "
                 "dateline", id="release_places_and_a_date"),
    pytest.param("OSLO, Sept 9 (Reuters) - The coast guard met.\nLAMU, Kenya, Nov 5 (AP) — Talks went on.\n"
                 "POLICE SAID, Monday 4 the crowd left.",
                 ["OSLO, Sept 9 (Reuters) -", "LAMU, Kenya, Nov 5 (AP) —"],
                 "a wire dateline gives its day and month without a year; capitals and a date with no dash are none",
                 id="wire_short_date"),
])
def test_dateline_spans(text, datelines, why):
    from briefgraph.stages.structure import dateline_spans

    spans = dateline_spans(text)
    assert [text[s:e].strip() for s, e in spans] == datelines, f"{why}: {spans}"


def test_headline_under_an_issuer_name_is_the_title_and_is_not_coded():
    text = ("Ministry of Foreign Affairs of Ruritania\nPress release\n2 May 2025\n\n"
            "Ruritania: Ministry expels two diplomats over espionage case\n\n"
            "The Ministry of Foreign Affairs today expelled two diplomats of Borduria.\n\n"
            "The ambassador was summoned on Monday.")
    info = structure_of(text)["document"]
    assert info.title == "Ruritania: Ministry expels two diplomats over espionage case"
    assert info.genre == "Press Release"
    assert [s.kind for s in info.sections] == ["header", "body"]
    assert info.sections[1].start == text.index("The Ministry of Foreign")


def test_a_title_case_headline_is_kept_before_a_section_heading():
    text = ("Ruritania Expels Two Diplomats\n\nLatest Developments\n\n"
            "Ruritania expelled two diplomats of Borduria on May 2.")
    assert structure_of(text)["document"].title == "Ruritania Expels Two Diplomats"


def test_the_page_title_may_follow_a_label_line():
    text = ("Media release\n\nRuritania sends medical teams to Borduria\n\n3 June 2025\n\n"
            "Ruritania will send two medical teams to Borduria after the floods.")
    info = structure_of(text, title="Ruritania sends medical teams to Borduria")["document"]
    assert info.genre == "Media Release"
    assert info.sections[0].kind == "header" and info.sections[0].start == 0, info.sections


def test_masthead_line_gives_the_genre_the_text_names():
    text = ("Farmers Block the Ring Road\n\nValley Courier — Local news\n\nPublished: 5 February 2025\n\n"
            "Around 150 farmers blocked the ring road with tractors on Tuesday.")
    info = structure_of(text)["document"]
    assert (info.genre, info.published) == ("Local News", "2025-02-05"), info
    assert info.title == "Farmers Block the Ring Road"
    undated = structure_of("Farmers Block the Ring Road\n\nValley Courier — Farm desk\n\n"
                           "Around 150 farmers blocked the ring road on Tuesday.")["document"]
    assert undated.genre is None, "a masthead without a known genre label gives none"


def test_genre_is_the_label_the_text_gives():
    text = "News release\n\nAgency Facilitates Detainee Transfer\n\nThe agency flew 38 detainees home on Monday."
    assert structure_of(text)["document"].genre == "News Release", "a news release is not renamed a press release"


def test_html_masthead_genre_reaches_the_document():
    text = "Envoy Meets Rebels\n\nThe envoy met rebel leaders in Juba on Monday."
    info = structure_of(text, masthead=["By Jane Example | March 5, 2024", "March 5, 2024 | Analysis"])["document"]
    assert info.genre == "Analysis", "a byline is no genre; the known label is"


def test_a_release_with_no_date_line_is_dated_by_its_dateline():
    text = ("News release\n\nAgency Facilitates Detainee Transfer\n\n"
            "Geneva, 14 May 2024 – The agency flew 38 detainees home on Monday.\n\n"
            "Amman, 20 May 2024 – A second flight followed.")
    assert structure_of(text)["document"].published == "2024-05-14", "the first dateline dates the release"
    dated = structure_of("June 3, 2024\n\n" + text)["document"]
    assert dated.published == "2024-06-03", "a date line of the page wins over the dateline"


@pytest.mark.parametrize("line", [
    "KAMPALA, March 9 (Reuters) - ",
    "NUKU’ALOFA, Sept 23 (Reuters) - ",
    "KISUMU, Kenya, Nov 5 (Reuters) - ",
    "TBILISI, March 5 -- ",
    "Kampala, March 9 (Reuters) - ",
])
def test_a_wire_dateline_without_its_year_is_a_dateline(line):
    """A wire dateline whose day has no year ("KAMPALA, March 9 (Reuters) -") is the place the story was filed
    from, not the first sentence's subject; it dates no page (no year)."""
    text = "Uganda detains Kenyan fishermen\n\n" + line + "Ugandan police arrested 14 Kenyan fishermen on Sunday."
    info = structure_of(text)["document"]
    start = text.index(line)
    assert info.datelines == [(start, start + len(line))], (line, info.datelines)
    assert info.published is None, info


def test_a_sentence_opening_with_a_day_is_no_dateline():
    text = "Uganda detains Kenyan fishermen\n\nOn March 9 - a Sunday - Ugandan police arrested 14 fishermen."
    assert not structure_of(text)["document"].datelines


STORY_WITH_READ_MORE = ("Gunmen Attack Police Post\n\n"
                        "Gunmen attacked a police post in Mandera county on Tuesday, killing two officers, police said.\n\n"
                        "{marker}\n\n"
                        "Kenyan troops later arrested three suspects in the town of El Wak, the army said.")


@pytest.mark.parametrize("marker", ["READ MORE: Kenya extends curfew in coastal counties",
                                    "READ MORE:\n\nKenya extends curfew in coastal counties",
                                    "ALSO READ: Kenya extends curfew in coastal counties"])
def test_read_more_line_is_one_related_item_and_the_story_goes_on(marker):
    text = STORY_WITH_READ_MORE.format(marker=marker)
    info = structure_of(text)["document"]
    assert [r.title for r in info.related] == ["Kenya extends curfew in coastal counties"]
    assert [s.kind for s in info.sections] == ["header", "body", "related", "body"], info.sections
    assert "El Wak" in text[info.sections[3].start:info.sections[3].end]
