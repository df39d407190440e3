"""Evidence notes: where the tour must have them, their dates and sources, how they look, and the
closing "Before you decide" section and the disclaimer.

The allow-list below is copied from the project's evidence sheet (reference/evidence.md, outside
this repository, so CI cannot read it): every link a note cites must be one of these, with the
year (and, for dated pages, the date) the sheet gives. A new source goes into the sheet first.
"""

from __future__ import annotations

import datetime
import re

import pytest
from helpers import CLAIM_SECTIONS, run_cli
from rich import box
from sheet_options import OPTION_LINKS

from exotour.model import Source, Tour
from exotour.render import screens as render
from exotour.tui.pages import Paginator

# The sheet's undated sources were checked, against stored copies, on this date. A page the sheet
# gives no date for is cited with no year, as checked on it (`accessed`), and a note that cites it
# is as of it: that is the date the tour can vouch for.
CHECKED = "2026-12-06"
UNDATED: tuple[int | None, str | None] = (None, CHECKED)

# link -> (year, or None for an undated page; the date of the page when the sheet gives one)
ALLOWED: dict[str, tuple[int | None, str | None]] = {
    # Regulators
    "https://www.fda.gov/vaccines-blood-biologics/safety-availability-biologics/"
    "public-safety-notification-exosome-products": (2019, "2019-12-06"),
    "https://www.fda.gov/safety/medical-product-safety-information/"
    "public-safety-alert-due-marketing-unapproved-stem-cell-and-exosome-products": (
        2019,
        "2019-12-09",
    ),
    "https://www.fda.gov/vaccines-blood-biologics/consumers-biologics/"
    "consumer-alert-regenerative-medicine-products-including-stem-cells-and-exosomes": (
        2020,
        "2020-07-22",
    ),
    "https://www.fda.gov/vaccines-blood-biologics/consumers-biologics/"
    "important-patient-and-consumer-information-about-regenerative-medicine-therapies": (
        2021,
        "2021-06-03",
    ),
    "https://doi.org/10.1016/j.stemcr.2024.09.008": (2024, None),  # Fujita et al., a letter
    "https://eurekalert.org/news-releases/1061413": UNDATED,  # the press release on it
    "https://fosterfollynews.net/2019/10/20/considering-stem-cell-treatments": (
        2019,
        "2019-10-20",
    ),  # FDA Consumer Update, a reprint
    "https://archive.cdc.gov/www_cdc_gov/hai/outbreaks/stem-cell-products.html": UNDATED,  # CDC
    # Scientific societies
    "https://www.isev.org/patient-information-and-safety-notice--extracellular-vesicles-"
    "exosomes-and-unproven-therapies": (2020, "2020-08-08"),
    "https://doi.org/10.1080/20013078.2018.1535750": (2018, None),  # Théry et al., MISEV2018
    "https://doi.org/10.1002/jev2.12404": (2024, None),  # Welsh et al., MISEV2023
    "https://doi.org/10.1080/20013078.2019.1609206": (2019, None),  # Witwer et al.
    "https://doi.org/10.1016/j.jcyt.2020.05.002": (2020, None),  # Börger et al.
    "https://doi.org/10.3402/jev.v4.30087": (2015, None),  # Lener et al.
    # Biology
    "https://doi.org/10.1186/s12964-022-00959-4": (2022, None),  # Rezaie et al.
    "https://doi.org/10.1038/s41419-020-02803-4": (2020, None),  # Malkin & Bratman
    "https://doi.org/10.1016/j.cell.2019.02.029": (2019, None),  # Jeppesen et al.
    # RSC Books chapter: the sheet records no authors and no year
    "https://books.rsc.org/books/edited-volume/890/chapter/674707": UNDATED,
    # Clinical evidence
    "https://doi.org/10.1002/jev2.12433": (2024, None),  # Fusco et al.
    "https://doi.org/10.1002/jev2.12458": (2024, None),  # Van Delen et al.
    "https://doi.org/10.1111/jocd.15930": (2023, None),  # Olumesi & Goldberg
    "https://doi.org/10.1002/ski2.348": (2024, None),  # Bai et al.
    "https://doi.org/10.1097/DSS.0000000000004480": (2025, None),  # Queen et al.
    "https://doi.org/10.52793/JSCR.2021.2(2)-21": (2021, None),  # East & Dordevic
    "https://doi.org/10.1186/s13287-021-02378-7": (2021, None),  # Stem Cell Res Ther 2021
    "https://doi.org/10.21037/sci.2017.09.06": (2017, None),  # Giebel, Kordelas & Börger
    "https://doi.org/10.1136/gpsych-2023-101143": (2023, None),  # Xie et al.
    "https://doi.org/10.1001/jamadermatol.2013.6955": (2014, None),  # Soltani-Arabshahi et al.
    # Harms reported and product quality
    "https://doi.org/10.1097/DSS.0000000000004450": (2024, None),  # Friedmann et al.
    # Other options a clinician may discuss
    "https://www.mayoclinic.org/diseases-conditions/wrinkles/diagnosis-treatment/drc-20354931": (
        UNDATED
    ),
    "https://www.nice.org.uk/guidance/ng226": (2022, "2022-10-19"),
    "https://www.mayoclinic.org/diseases-conditions/tendinitis/diagnosis-treatment/"
    "drc-20378248": UNDATED,
    "https://www.mayoclinic.org/diseases-conditions/hair-loss/diagnosis-treatment/"
    "drc-20372932": UNDATED,
    # Finding registered trials
    "https://clinicaltrials.gov/ct2/info/about": UNDATED,
    "https://www.who.int/clinical-trials-registry-platform": UNDATED,  # WHO ICTRP
    "https://trialsearch.who.int": UNDATED,  # its search portal
    # Reporting a side effect
    "https://fda.gov/Safety/MedWatch/HowToReport/default.htm": UNDATED,
    "https://www.fda.gov/vaccines-blood-biologics/consumers-biologics/reporting-adverse-events-"
    "related-stem-cells-exosomes-or-other-products-marketed-regenerative": UNDATED,
    "https://yellowcard.mhra.gov.uk/what-to-report": UNDATED,
    "https://canada.ca/en/health-canada/services/drugs-health-products/medeffect-canada/"
    "adverse-reaction-reporting.html": UNDATED,
    # The market
    "https://doi.org/10.1186/s13287-023-03335-2": (2023, None),  # Asadpour et al.
    # MedPage Today's report on the Kimera letter, read in a mirror
    "https://www.medpagetoday.com/special-reports/exclusives/108371": UNDATED,
    # Other options, questions to ask a clinic, checking an IND or a trial (sheet_options.py)
    **OPTION_LINKS,
}
# The sources the sheet gives without a link, by their reference -> as ALLOWED
UNLINKED: dict[str, tuple[int | None, str | None]] = {
    "News report, 16 Dec 2019": (2019, "2019-12-16"),  # MedPage Today
    "Brief, June 2021, on unapproved stem cell and regenerative interventions": (2021, None),  # Pew
    "Warning letter 23-649343 to Kimera Labs, 1 Sep 2023": (2023, "2023-09-01"),  # FDA
}


def sheet_entry(source: Source) -> tuple[int | None, str | None]:
    """What the sheet gives of SOURCE: by its link, or, for a source it gives none for, by its
    reference."""
    if source.link:
        return ALLOWED[source.link]
    return UNLINKED[source.reference or ""]


def year_of(source: Source) -> int:
    """The year a source can vouch for: its own, or for an undated page the year it was checked."""
    return source.year if source.year is not None else int((source.accessed or "")[:4])


AS_OF = re.compile(r"^\d{4}(-\d{2}-\d{2})?$")


def notes(tour: Tour) -> list[tuple[str, int]]:
    """(section id, note index) of every evidence note, for readable failures."""
    return [(s.id, i) for s in tour.sections for i in range(len(s.evidence))]


def test_every_section_the_evidence_addresses_has_a_note(tour: Tour) -> None:
    for section_id in CLAIM_SECTIONS:
        assert tour.sections[tour.index_of(section_id)].evidence, section_id


def test_every_note_has_an_as_of_date_and_linked_sources(tour: Tour) -> None:
    for section_id, index in notes(tour):
        note = tour.sections[tour.index_of(section_id)].evidence[index]
        where = f"{section_id} evidence[{index}]"
        assert AS_OF.match(note.as_of), where
        if len(note.as_of) > 4:
            datetime.date.fromisoformat(note.as_of)  # a real date
        assert note.sources, where
        for source in note.sources:
            assert source.author or source.reference, where  # a source the reader can find
            if source.link:
                assert source.link.startswith("https://"), where
            else:
                assert source.reference in UNLINKED, where


def test_every_link_is_from_the_evidence_sheet_with_its_year(tour: Tour) -> None:
    for section in tour.sections:
        for note in section.evidence:
            for source in note.sources:
                found = source.link in ALLOWED or (not source.link and source.reference in UNLINKED)
                assert found, f"{section.id}: {source.citation()} is not in the sheet"
                year, checked = sheet_entry(source)
                assert source.year == year, f"{section.id}: {source.citation()}"
                if year is None:  # undated: dated by the check of its stored copy
                    assert source.accessed == checked, f"{section.id}: {source.citation()}"


def test_a_note_is_as_of_its_newest_source(tour: Tour) -> None:
    for section in tour.sections:
        for note in section.evidence:
            year = int(note.as_of[:4])
            assert year == max(year_of(source) for source in note.sources), note.text[:60]
            assert str(year) in note.text, note.text[:60]  # the date is said, not only shown
            if len(note.as_of) > 4:
                dates = {sheet_entry(source)[1] for source in note.sources}
                assert note.as_of in dates, note.text[:60]


def test_no_note_says_currently(tour: Tour) -> None:
    for section in tour.sections:
        for note in section.evidence:
            assert not re.search(r"\bcurrent(ly)?\b", note.text, re.I), note.text[:60]


def test_every_note_shows_as_a_distinct_titled_panel(tour: Tour) -> None:
    pages = Paginator(tour, 80, 24)
    for index, section in enumerate(tour.sections):
        for note in section.evidence:
            panel = render.evidence_note(note)
            assert panel.box is box.HEAVY
            assert f"What the evidence says ({note.when})" in str(panel.title)
        text = "\n".join(page.text for page in pages.pages(index))
        assert text.count("What the evidence says (") == len(section.evidence), section.id
        assert text.count("┏") == len(section.evidence), section.id  # heavy frames: notes only


# -- before you decide -----------------------------------------------------------------------------


def test_before_you_decide_follows_the_summary_and_helps_the_reader_ask(tour: Tour) -> None:
    index = tour.index_of("before-you-decide")
    assert tour.section_ids[index - 1] == "summary"
    section = tour.sections[index]
    assert section.added_by_tour
    body = " ".join(section.body.split())
    # The answer first, then the decision named, and where to weigh it.
    assert body.startswith("**In short.** No exosome product is approved by FDA")
    for needed in (
        "Should I pay a clinic for an exosome treatment, join a trial, use an established option,"
        " or wait?",
        "run `exotour decide`",
        "**Questions to ask the clinic** 1. Has FDA, or the regulator where I live, reviewed",
        "2. What is the IND number? May I see FDA's letter that acknowledges it",
        "3. Which ethics board, called an IRB, is named on the consent form?",
        "charged for such a product outside a trial likely means the offer is illegal",
        "**How to check an IND** 1. Ask the clinic for the IND number.",
        "**How to report a harm** 1. In the US, report to FDA's MedWatch",
        "**What happens without treatment**",
        "licensed clinician",
        "recommends no treatment and discourages none",
    ):
        assert needed in body, needed
    # A listing is no review: the questions never send the reader to one as if it were.
    assert "registered clinical trial" not in body
    assert "does not allow the product to be sold" not in body  # beyond its source
    assert not re.search(r"\b(you should (get|have|try|avoid)|we recommend)\b", body, re.I)


# -- the disclaimer --------------------------------------------------------------------------------

DISCLAIMER = "Educational information, not medical advice; talk to a licensed clinician."


def test_the_disclaimer_says_it_all(tour: Tour) -> None:
    assert tour.disclaimer == DISCLAIMER


@pytest.mark.parametrize(
    "argv",
    [[], ["learn", "--plain"], ["learn", "1", "--plain"], ["summary"]],
)
def test_the_disclaimer_is_shown(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(argv, capsys)
    assert result.status == 0
    assert DISCLAIMER in " ".join(result.out.split())


def test_the_first_page_of_learn_opens_with_the_disclaimer(tour: Tour) -> None:
    for size in ((80, 24), (40, 15)):
        first = Paginator(tour, *size).pages(0)[0].text
        assert " ".join(first.split()).startswith(DISCLAIMER)
