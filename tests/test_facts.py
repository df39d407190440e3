"""Facts of the built-in tour that were once wrong, or missing, held so they cannot come back.

Each test names the fact as the evidence sheet (reference/evidence.md, outside this repository)
gives it. The tests read the loaded tour, as every command does, rather than the YAML files.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from helpers import CLAIM_SECTIONS, run_cli
from sheet_options import OPTION_AUTHORS, PAPER_TITLES
from test_evidence import ALLOWED, CHECKED, UNLINKED, sheet_entry

from exotour import glossary
from exotour.model import EvidenceNote, GlossaryEntry, Section, Source, Tour

URL = re.compile(r"https?://[^\s\"'<>\\)]+")
DOI = re.compile(r"(?<![\w/.])10\.\d{4,9}/[^\s\"'<>\\]+")


def flat(text: str) -> str:
    """Text with Markdown emphasis gone and all whitespace one space, for phrase checks."""
    return " ".join(text.replace("**", "").split())


def section(tour: Tour, section_id: str) -> Section:
    return tour.sections[tour.index_of(section_id)]


def authored(tour: Tour) -> tuple[Section, ...]:
    """The sections written by hand: all but the generated Sources."""
    return tour.sections[:-1]


def sources(tour: Tour) -> Iterator[tuple[Section, EvidenceNote, Source]]:
    for part in tour.sections:
        for note in part.evidence:
            for source in note.sources:
                yield part, note, source


def citing(tour: Tour, link: str) -> list[tuple[Section, EvidenceNote]]:
    """(section, note) of every note that cites LINK."""
    return [(part, note) for part, note, source in sources(tour) if source.link == link]


def texts(tour: Tour) -> Iterator[tuple[str, str]]:
    """(where, text) of every piece of text the tour shows a reader."""
    yield "tour", f"{tour.title} {tour.subtitle} {tour.disclaimer} {tour.bottom_line}"
    for part in authored(tour):
        yield f"{part.id} title and takeaway", f"{part.title} {part.takeaway}"
        yield f"{part.id} body", part.body
        for index, note in enumerate(part.evidence):
            yield f"{part.id} evidence[{index}]", note.text
        for index, question in enumerate(part.quiz):
            words = " ".join((question.question, *question.choices, question.explanation))
            yield f"{part.id} quiz[{index}]", words
    for entry in tour.glossary:
        yield f"glossary {entry.term}", f"{' '.join(entry.names)} {entry.definition}"


def entry(tour: Tour, name: str) -> GlossaryEntry:
    found = glossary.lookup(tour.glossary, name)
    assert found is not None, name
    return found


# -- the glossary ----------------------------------------------------------------------------------


def test_glossary_ind_explains_an_investigational_new_drug_application_not_approval(
    capsys: pytest.CaptureFixture[str],
) -> None:
    result = run_cli(["glossary", "IND"], capsys)
    assert (result.status, result.err) == (0, "")
    heading = result.out.splitlines()[0]
    assert heading == "IND"
    text = flat(result.out)
    assert "investigational new drug application" in text
    assert "a plan to test a new drug in people, sent to" in text and "lets it go ahead" in text
    assert "An IND is not approval." in text
    # Approval is named only to say an IND is not it: never as what the term means.
    assert text.count("approval") == 1
    assert "FDA-approved" not in text and "Permission from" not in text
    # The sheet does not say that an IND forbids sale: only a report on one case quotes FDA so.
    assert "sold" not in text


# Names a reader may type, each of which once led to, or could be mistaken for, another entry.
DIFFERENT_CONCEPTS = [
    ("IND", "FDA approval"),
    ("investigational new drug", "FDA approval"),
    ("investigational new drug", "IND"),  # the drug, not the application
    ("regenerative", "regenerative medicine"),  # only a prefix: a word, not the field
    ("mesenchymal stromal cell", "mesenchymal stem cell"),
    ("IV", "IV infusion"),  # into a vein, not a drip
    ("intravenous", "infusion"),
    ("placebo control", "placebo-controlled trial"),  # a group, not the trial
    ("investigational new drug application", "FDA approval"),
    ("premarket review", "FDA approval"),
    ("endosome", "multivesicular body"),
    ("endosomes", "MVB"),
    ("placebo", "placebo-controlled trial"),
    ("regenerative medicine products", "regenerative medicine"),
    ("control group", "placebo-controlled trial"),
    ("Yellow Card", "MHRA"),
    ("FDA", "FDA approval"),
]


@pytest.mark.parametrize(("one", "other"), DIFFERENT_CONCEPTS)
def test_no_alias_of_one_entry_names_a_different_concept(tour: Tour, one: str, other: str) -> None:
    found = glossary.lookup(tour.glossary, one)
    assert found != entry(tour, other), (one, other)


def test_fda_approval_is_only_approval(tour: Tour) -> None:
    approval = entry(tour, "FDA approval")
    names = " ".join(approval.names).casefold()
    for wrong in ("ind", "investigational", "review", "trial"):
        assert not re.search(rf"\b{wrong}\b", names), wrong
    assert "no exosome product is FDA-approved" in flat(approval.definition)


def test_an_endosome_is_not_a_multivesicular_body_but_holds_the_kind(tour: Tour) -> None:
    body = entry(tour, "multivesicular body")
    assert not {name.casefold() for name in body.names} & {"endosome", "endosomes"}
    assert "a kind of endosome" in body.definition
    assert "kind of endosome" in entry(tour, "endosome").definition


def test_immune_modulation_is_credited_to_the_book_chapter(tour: Tour) -> None:
    definition = flat(entry(tour, "immune modulation").definition)
    assert "A book chapter reports" in definition
    assert "2023 review" not in definition
    assert "preclinical" not in definition  # the chapter does not say cell, animal or human


# -- how sources are cited -------------------------------------------------------------------------

BAI = "https://doi.org/10.1002/ski2.348"
ISEV_NOTICE = (
    "Patient information and safety notice: extracellular vesicles/exosomes and unproven therapies"
)
# The journals of the papers the sheet cites, as it abbreviates them. A paper's title is given only
# where the sheet gives one; otherwise its source has none, and its reference names the journal.
JOURNALS = (
    "J Extracell Vesicles",
    "Cell Commun Signal",
    "Cell Death Dis",
    "Cell 2019;177",
    "J Cosmet Dermatol",
    "Skin Health Dis",
    "Dermatol Surg",
    "J Stem Cell Res",
    "Stem Cell Res Ther",
    "Stem Cell Investig",
    "JAMA Dermatol",
    "Stem Cell Reports",
    "Cytotherapy",
    "Gen Psychiatr",
    "Ann Intern Med",
)


def test_the_skin_review_is_bai_et_al_with_its_doi_and_no_title(tour: Tour) -> None:
    cited = [source for _, _, source in sources(tour) if source.link == BAI]
    assert cited
    for source in cited:
        assert (source.author, source.year, source.doi) == ("Bai et al.", 2024, "10.1002/ski2.348")
        assert source.title is None  # its title was not verified: cited without one
        assert source.reference == "Skin Health Dis 2024;4(6):e348"  # the journal, drawn plainly
    for _, _, source in sources(tour):
        assert "Skin Health and Disease" not in (source.author or "")
        assert "(journal)" not in (source.author or "")
        assert "pubmed" not in source.link


def test_every_paper_is_cited_by_author_journal_and_doi_never_a_description(tour: Tour) -> None:
    for part, _, source in sources(tour):
        if source.doi:
            where = (part.id, source.author, source.reference)
            # a paper's title only where the sheet gives it
            assert source.title is None or source.title in PAPER_TITLES, where
            assert (source.reference or "").startswith(JOURNALS), where
            assert not re.search(r"\b(review|study|studies|of \d+)\b", source.reference or "", re.I)


# Every author and organisation the sheet names for a source it gives, copied from it. A name the
# sheet does not give is checked against the paper's own record first, or left out.
SHEET_AUTHORS = frozenset(
    {
        *("FDA", "ISEV", "NICE", "NHS", "Mayo Clinic", "WHO", "MHRA", "Health Canada"),
        *("MedPage Today", "Pew Charitable Trusts"),
        *("Fujita et al.", "Théry et al.", "Welsh et al.", "Witwer et al.", "Börger et al."),
        *("Lener et al.", "Rezaie et al.", "Malkin & Bratman", "Jeppesen et al."),
        *("Fusco et al.", "Van Delen et al.", "Olumesi & Goldberg", "Bai et al."),
        *("Queen et al.", "East & Dordevic", "Giebel, Kordelas & Börger"),
        *("Soltani-Arabshahi et al.", "Friedmann et al.", "Asadpour et al."),
        *("Fransen et al.", "van Zuuren et al.", "Xie et al."),
        *("EurekAlert", "CDC", "ClinicalTrials.gov"),
        *OPTION_AUTHORS,
    }
)
JOURNAL_REFERENCE = re.compile(r"\d+:\d+|;\d")  # "51:409-415", "2024;4(6)": a citation's numbers


def test_no_title_is_a_journal_reference(tour: Tour) -> None:
    for part, _, source in sources(tour):
        if source.title:
            assert not JOURNAL_REFERENCE.search(source.title), (part.id, source.title)
            assert not source.title.startswith(JOURNALS), (part.id, source.title)


def test_every_author_is_one_the_sheet_gives(tour: Tour) -> None:
    for part, _, source in sources(tour):
        if source.author is not None:
            assert source.author in SHEET_AUTHORS, (part.id, source.author)
    stem_cell_2021 = [s for _, _, s in sources(tour) if s.doi == "10.1186/s13287-021-02378-7"]
    assert stem_cell_2021 and all(s.author is None for s in stem_cell_2021)  # not given: left out


def test_no_source_is_dated_after_its_note(tour: Tour) -> None:
    for part, note, source in sources(tour):
        note_year = int(note.as_of[:4])
        if source.year is not None:
            assert source.year <= note_year, (part.id, source.citation())
        if source.accessed is not None:
            assert source.accessed[:4] <= note.as_of[:4], (part.id, source.citation())


def test_an_undated_page_is_dated_by_its_check_not_a_year(tour: Tour) -> None:
    undated = [s for _, _, s in sources(tour) if s.year is None]
    assert undated
    for source in undated:
        assert source.accessed == CHECKED, source.citation()
        assert "(undated; stored copy checked 6 Dec 2026)." in source.citation()
    for _, _, source in sources(tour):
        assert source.year != int(CHECKED[:4]), source.citation()  # the check is no publication


def test_every_linkless_source_has_a_reference(tour: Tour) -> None:
    linkless = [(part.id, s) for part, _, s in sources(tour) if not s.link]
    assert {s.reference for _, s in linkless} == set(UNLINKED)  # each the sheet gives, listed
    for where, source in linkless:
        assert source.reference, where


def test_the_sheets_linkless_sources_are_listed_where_the_text_relies_on_them(tour: Tour) -> None:
    listed = {s.reference: part.id for part, _, s in sources(tour) if not s.link}
    assert listed["Warning letter 23-649343 to Kimera Labs, 1 Sep 2023"] == "trials-and-harms"
    assert listed["News report, 16 Dec 2019"] == "trials-and-harms"  # MedPage Today, Nebraska
    generated = flat(tour.sections[-1].body)
    assert "FDA, Warning letter 23-649343 to Kimera Labs, 1 Sep 2023." in generated


def test_isevs_notice_has_its_title_with_the_slash(tour: Tour) -> None:
    notices = [source for _, _, source in sources(tour) if source.author == "ISEV"]
    assert notices
    assert {source.title for source in notices} == {ISEV_NOTICE}


def test_every_link_and_doi_anywhere_in_the_tour_is_from_the_evidence_sheet(tour: Tour) -> None:
    found = 0
    for where, text in texts(tour):
        for url in URL.findall(text):
            found += 1
            assert url.rstrip(".,;:") in ALLOWED, (where, url)
        for doi in DOI.findall(text):
            found += 1
            assert f"https://doi.org/{doi.rstrip('.,;:')}" in ALLOWED, (where, doi)
    for part, _, source in sources(tour):
        found += 1
        assert source.link in ALLOWED or source.reference in UNLINKED, (part.id, source.link)
    assert found
    assert "pubmed.ncbi.nlm.nih.gov" not in " ".join(ALLOWED)


def test_a_source_the_sheet_gives_no_date_for_says_so_and_is_as_of_the_check(tour: Tour) -> None:
    for part, note, source in sources(tour):
        year, _ = sheet_entry(source)
        if year is None:
            text = flat(note.text)
            assert note.as_of == CHECKED, (part.id, source.link)
            assert "6 December 2026" in text, (part.id, source.link)
            assert re.search(r"\bundated\b|do not record", text), (part.id, source.link)
            assert not re.search(r"\bas of 6 December 2026\b", text, re.I), part.id


# -- the corrected facts ---------------------------------------------------------------------------

RSC = "https://books.rsc.org/books/edited-volume/890/chapter/674707"
OLUMESI = "https://doi.org/10.1111/jocd.15930"


def test_immune_and_blood_vessel_effects_come_from_the_book_chapter(tour: Tour) -> None:
    notes = citing(tour, RSC)
    assert [part.id for part, _ in notes] == ["how-does-it-work"]
    (_, note) = notes[0]
    text = flat(note.text)
    assert "a book chapter reports" in text
    assert "shift immune responses, promote blood-vessel growth" in text
    assert '"have not been sufficiently dissected yet"' in text
    assert "mesenchymal stromal cells" in text and not re.search(r"\bstem\b", text)
    assert "preclinical" not in text  # the chapter does not say where its evidence comes from
    (source,) = note.sources
    assert source.reference == "RSC Books chapter; authors and year unknown"
    for _, other in citing(tour, OLUMESI):
        assert "immune" not in other.text, "the 2023 review covers skin uses"


def test_the_covid_statement_is_about_covid_only_and_lener_is_the_general_call(
    tour: Tour,
) -> None:
    (_, covid), *_ = citing(tour, "https://doi.org/10.1016/j.jcyt.2020.05.002")
    text = flat(covid.text)
    assert "is about COVID-19 only" in text
    assert "encouraged proper trials" not in text
    lener = citing(tour, "https://doi.org/10.3402/jev.v4.30087")
    assert [part.id for part, _ in lener] == ["future"]
    assert "proper clinical trials and regulatory oversight" in flat(lener[0][1].text)


def test_van_delen_gives_the_conclusion_then_the_limits(tour: Tour) -> None:
    (part, note), *_ = citing(tour, "https://doi.org/10.1002/jev2.12458")
    assert part.id == "safety"
    text = flat(note.text)
    conclusion = text.index("concludes that EV-based therapy was safe in those trials")
    limits = text.index("The limits:")
    assert text.index("serious adverse events were rare") < conclusion < limits
    # The estimate and its 95% confidence interval, said in words.
    assert "0.7%, about 7 in every 1,000 people" in text
    assert "between 1 and 52 in every 1,000" in text
    assert "4.4%, about 44 in every 1,000" in text and "between 7 and 222 in every 1,000" in text


def test_jeppesen_is_quoted_as_the_paper_says_it(tour: Tour) -> None:
    safety = section(tour, "safety")
    quote = '"are not vehicles of active DNA release"'
    assert any(quote in flat(note.text) for note in safety.evidence)
    assert any(quote in flat(question.explanation) for question in safety.quiz)
    for where, text in texts(tour):
        assert "do not actively release DNA" not in flat(text), where


def test_fdas_harm_reports_are_for_all_unapproved_regenerative_products(tour: Tour) -> None:
    safety = section(tour, "safety")
    for text in [note.text for note in safety.evidence] + [q.explanation for q in safety.quiz]:
        if "blindness" in text:
            assert "not specific to exosomes" in flat(text), text[:60]
            assert "unapproved regenerative products" in flat(text), text[:60]


def test_takeaways_add_no_cause_or_certainty(tour: Tour) -> None:
    assert "because" not in section(tour, "safety").takeaway
    future = section(tour, "future").takeaway
    assert "expects" not in future and "will" not in future.split()
    assert "may" in future.split()
    for part in authored(tour)[:7]:
        assert not re.search(r"\b(because|expects?|proves?|guarantees?)\b", part.takeaway), part.id


def test_witwer_et_al_are_researchers_from_four_societies(tour: Tour) -> None:
    (_, note), *_ = citing(tour, "https://doi.org/10.1080/20013078.2019.1609206")
    text = flat(note.text)
    assert "researchers from four scientific societies (SOCRATES, ISEV, ISCT and ISBT)" in text
    assert "position paper" not in text


def test_fusco_counts_the_40_studies_it_found_not_every_study(tour: Tour) -> None:
    fusco = citing(tour, "https://doi.org/10.1002/jev2.12433")
    assert fusco
    for where, text in texts(tour):
        said = flat(text)
        assert not re.search(r"every published human study|all 40 published", said), where
    for _, note in fusco:
        assert "found 40" in flat(note.text) or "40 published human studies" in flat(note.text)


def test_no_control_group_is_described_never_none_existed(tour: Tour) -> None:
    benefits = section(tour, "benefits")
    for link in (
        "https://doi.org/10.52793/JSCR.2021.2(2)-21",
        "https://doi.org/10.21037/sci.2017.09.06",
    ):
        (_, note), *_ = citing(tour, link)
        assert "No control group is described" in note.text, link
    for where, text in texts(tour):
        assert not re.search(r"\b(had|with) no control group\b", text), where
    assert benefits.evidence


def test_the_likely_illegal_line_is_labelled_as_us_law(tour: Tour) -> None:
    found = 0
    for part in authored(tour):
        pieces = [*part.body.split("\n\n"), *(note.text for note in part.evidence)]
        pieces += [f"{q.question} {q.explanation}" for q in part.quiz]
        for piece in pieces:
            if re.search(r"\blikely (means the offer is )?illegal", flat(piece)):
                found += 1
                assert "US law" in flat(piece), (part.id, piece[:60])
    assert found >= 2


def test_the_tour_says_the_article_names_no_author_and_no_date(tour: Tour) -> None:
    for section_id in ("what-are-exosomes", "before-you-decide"):
        assert "names no author and gives no date" in flat(section(tour, section_id).body)


def test_nothing_says_currently_on_its_own(tour: Tour) -> None:
    for where, text in texts(tour):
        assert not re.search(r"\bcurrently\b", text, re.I), where


# -- each claim answered where the article makes it ------------------------------------------------

# The sheet's table "Where the article and the evidence part ways": each claim, the section where
# the article makes it, the words of the claim in that section, and a phrase of the answering note.
CLAIMS = {
    "lack DNA": ("safety", "lack DNA", "is contested, not settled"),
    "generally considered safe": (
        "safety",
        "generally considered safe",
        "None of the regulators or scientific societies cited in this tour describes exosome "
        "products as generally safe",
    ),
    "mechanisms": (
        "how-does-it-work",
        "They modulate the immune response",
        "shown mainly in cell and animal studies",
    ),
    "benefits": (
        "benefits",
        "being explored for a wide range of conditions",
        "all were small pilot studies",
    ),
    "many patients report": ("benefits", "Many patients report", "anecdotes"),
    "non-invasive": ("future", "non-invasive", "lists IV infusion and direct injection"),
    "experimental": (
        "future",
        "experimental in many countries",
        "regulated as drugs and biological products",
    ),
    "protocols": (
        "safety",
        "if protocols aren't followed properly",
        "places the risk in the unapproved products themselves",
    ),
    "rejection or tumor": ("safety", "significantly reduced", "no long-term human data"),
    "reputable labs": (
        "safety",
        "reputable labs",
        "that is not a category that regulators use",
    ),
    "more clinical trials": (
        "future",
        "more clinical trials and research emerge",
        "most without a placebo control",
    ),
}


@pytest.mark.parametrize("claim", list(CLAIMS))
def test_each_claim_is_answered_in_its_own_section(tour: Tour, claim: str) -> None:
    section_id, words, answer = CLAIMS[claim]
    assert section_id in CLAIM_SECTIONS
    part = section(tour, section_id)
    assert words in flat(part.body), claim
    notes = [note for note in part.evidence if answer in flat(note.text)]
    assert notes, f"{claim}: no note in {section_id} says {answer!r}"
    assert all(note.sources for note in notes)


@pytest.mark.parametrize(
    ("link", "section_id", "found"),
    [
        ("https://doi.org/10.52793/JSCR.2021.2(2)-21", "benefits", "reported improvements"),
        ("https://doi.org/10.21037/sci.2017.09.06", "benefits", "reported improvements"),
        ("https://doi.org/10.1002/jev2.12458", "safety", "serious adverse events were rare"),
    ],
)
def test_what_the_studies_found_stands_beside_its_limits(
    tour: Tour, link: str, section_id: str, found: str
) -> None:
    notes = [note for part, note in citing(tour, link) if part.id == section_id]
    assert notes
    text = flat(notes[0].text)
    assert found in text
    assert re.search(r"cannot show|The limits", text), link


# -- the missing half of the decision --------------------------------------------------------------
# The options for each condition are content/decision.yaml's (tests/test_decision_content.py); the
# section keeps what happens without treatment.


@pytest.mark.parametrize(
    "phrase",
    [
        "The condition does not inevitably get worse, but symptoms fluctuate and flares are common",
        "What happens if you do not want to have treatment?",
        "male and female pattern baldness are permanent",
        "describes it as progressive",
        "early on people may need no treatment, as symptoms are usually mild",
        "Alzheimer's disease: NICE says it gets worse over time",
        "the joints become damaged over time and stop working properly",
        "Tendon problems: no source in this tour says",
        "used sunscreen only when they chose aged more",
    ],
)
def test_the_course_without_treatment(tour: Tour, phrase: str) -> None:
    assert phrase in flat(section(tour, "before-you-decide").body)


def test_the_tour_names_where_to_find_trials_and_report_harm(tour: Tour) -> None:
    part = section(tour, "trials-and-harms")
    body = flat(part.body)
    for name in ("ClinicalTrials.gov", "WHO ICTRP", "MedWatch", "Yellow Card", "Health Canada"):
        assert name in body, name
    # ClinicalTrials.gov's and WHO's own words, not shortened to "not a government review".
    assert (
        '"The U.S. government does not review or approve the safety and science of all studies '
        'listed on this website."'
    ) in body
    assert '"The WHO ICTRP is not a clinical trials registry"' in body
    assert "Ask for the IND number" in body and "FDA's acknowledgment of the IND" in body
    assert "names the IRB" in body
    assert "ocod@fda.hhs.gov" in body
    assert "suspected side effects of healthcare products" in body
    cited = {source.link for note in part.evidence for source in note.sources}
    assert "https://www.who.int/clinical-trials-registry-platform" in cited  # WHO's own page
    assert "https://fda.gov/Safety/MedWatch/HowToReport/default.htm" in cited
    assert "https://yellowcard.mhra.gov.uk/what-to-report" in cited


@pytest.mark.parametrize(
    "phrase",
    [
        "Nebraska",
        "A news report (MedPage Today, 16 December 2019)",
        "Kimera Labs",
        "positive sterility result",
        # Only what the report on this case quotes, never a general rule:
        "one IND was for a COVID-19 trial. It quotes FDA that an IND does not let a company "
        '"commercially distribute or test market an investigational new drug"',
        "microneedling can cause granulomatous reactions",
        "Japan",
        "likely under-reported",
    ],
)
def test_harms_reported_and_product_quality(tour: Tour, phrase: str) -> None:
    assert phrase in flat(section(tour, "trials-and-harms").body)


def test_facts_read_in_a_copy_are_said_with_care(tour: Tour) -> None:
    body = flat(section(tour, "trials-and-harms").body)
    assert "A copy of its About text says" in body
    assert "A reprint of FDA's page of 3 June 2021 says" in body
    assert "(The letter was read in a reprint.)" in body


# -- the corrections of 6 Dec 2026 -----------------------------------------------------------------

FUJITA = "https://doi.org/10.1016/j.stemcr.2024.09.008"
FUJITA_RELEASE = "https://eurekalert.org/news-releases/1061413"


def test_fujita_is_a_letter_and_the_us_and_eu_wording_is_its_press_release(tour: Tour) -> None:
    (part, letter), *others = citing(tour, FUJITA)
    assert not others and part.id == "future"
    text = flat(letter.text)
    assert "a three-page letter" in text and "is not a study" in text
    assert "biological products" not in text and "European Union" not in text
    (_, release), *_ = citing(tour, FUJITA_RELEASE)
    said = flat(release.text)
    assert "A press release about the Fujita letter" in said
    assert "European Union" in said and "take them with care" in said
    quiz = " ".join(f"{q.question} {' '.join(q.choices)} {q.explanation}" for q in part.quiz)
    assert "A three-page letter, not a study" in quiz
    for where, words in texts(tour):
        assert not re.search(r"\b2024 analysis\b", words), where


def test_friedmann_is_a_systematic_review_of_microneedling(tour: Tour) -> None:
    (_, note), *_ = citing(tour, "https://doi.org/10.1097/DSS.0000000000004450")
    text = flat(note.text)
    assert "systematic review of microneedling" in text
    assert "13 studies, with 15 patients" in text
    assert '"can rarely occur and may be treatment-resistant"' in text
    assert "Neither paper was about exosomes" in text


def test_no_text_says_mostly_uncontrolled_or_the_sheet_of_sources(tour: Tour) -> None:
    for where, words in texts(tour):
        said = flat(words)
        assert "mostly uncontrolled" not in said, where
        assert "sheet of sources" not in said, where
        assert "preclinical work" not in said, where


# Each area the article names, with the FDA page that says nothing is approved there: the 2021
# copy only for joints and neurological conditions, as the sheet limits it; else the 2019 notice.
FDA_2019 = (
    "https://www.fda.gov/vaccines-blood-biologics/safety-availability-biologics/"
    "public-safety-notification-exosome-products"
)
FDA_2021 = (
    "https://www.fda.gov/vaccines-blood-biologics/consumers-biologics/"
    "important-patient-and-consumer-information-about-regenerative-medicine-therapies"
)
AREAS = {
    "Skin": FDA_2019,
    "Joints": FDA_2021,
    "Hair loss": FDA_2019,
    "Brain and nerve conditions": FDA_2021,
    "Autoimmune and inflammatory diseases": FDA_2019,
}


@pytest.mark.parametrize("area", list(AREAS))
def test_benefits_says_nothing_is_approved_for_each_area(tour: Tour, area: str) -> None:
    benefits = section(tour, "benefits")
    (note,) = [n for n in benefits.evidence if n.text.startswith(f"{area}:")]
    text = flat(note.text)
    assert re.search(r"no exosome product is FDA-approved at all|no regenerative product", text)
    assert AREAS[area] in {source.link for source in note.sources}
    if AREAS[area] == FDA_2021:
        assert "a copy of FDA's page of 3 June 2021" in text  # read in a copy: said with care
    assert "any of these five areas" in flat(benefits.body)


def test_the_2021_copy_is_not_extended_to_skin_hair_or_autoimmune(tour: Tour) -> None:
    for _, note in citing(tour, FDA_2021):
        text = flat(note.text)
        if "no regenerative product" in text:
            assert not re.search(r"\b(skin|hair|autoimmune)\b", text, re.I), text[:60]


# Wrong answers once so absurd that no reader would pick them.
ABSURD = (
    "always swallowed as a pill",
    "Over US$1 million",
    "They were always free",
    "Tiny surgeons",
)


def test_quiz_wrong_answers_are_ones_a_reader_could_believe(tour: Tour) -> None:
    for part in authored(tour):
        for question in part.quiz:
            for choice in question.choices:
                assert not any(absurd.casefold() in choice.casefold() for absurd in ABSURD), choice


def test_the_sources_are_dated_once_as_checked_against_stored_copies(tour: Tour) -> None:
    generated = flat(tour.sections[-1].body)
    assert generated.count("checked against stored copies, 1-6 Dec 2026") == 1
