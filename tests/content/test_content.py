"""The built-in content: every part of the article is there, faithfully; every source is allowed.

The allowed links are copied from the project's evidence sheet (reference/evidence.md) so that the
repository's tests stand alone; a new source means adding it there first, then here.
"""

from __future__ import annotations

import re

import pytest
from helpers import ARTICLE_IDS
from sheet_options import OPTION_LINKS

from exotour.content.loader import builtin_content_dir
from exotour.model import Section, Tour

FDA_2019 = (
    "https://www.fda.gov/vaccines-blood-biologics/safety-availability-biologics/"
    "public-safety-notification-exosome-products"
)
ALLOWED_URLS = frozenset(
    {
        FDA_2019,
        "https://www.fda.gov/safety/medical-product-safety-information/"
        "public-safety-alert-due-marketing-unapproved-stem-cell-and-exosome-products",
        "https://www.fda.gov/vaccines-blood-biologics/consumers-biologics/"
        "consumer-alert-regenerative-medicine-products-including-stem-cells-and-exosomes",
        "https://www.fda.gov/vaccines-blood-biologics/consumers-biologics/"
        "important-patient-and-consumer-information-about-regenerative-medicine-therapies",
        "https://www.isev.org/"
        "patient-information-and-safety-notice--extracellular-vesicles-exosomes-and-unproven-therapies",
        "https://books.rsc.org/books/edited-volume/890/chapter/674707",
        "https://www.mayoclinic.org/diseases-conditions/wrinkles/diagnosis-treatment/drc-20354931",
        "https://www.nice.org.uk/guidance/ng226",
        "https://www.mayoclinic.org/diseases-conditions/tendinitis/diagnosis-treatment/drc-20378248",
        "https://www.mayoclinic.org/diseases-conditions/hair-loss/diagnosis-treatment/drc-20372932",
        "https://trialsearch.who.int",
        "https://www.who.int/clinical-trials-registry-platform",
        "https://clinicaltrials.gov/ct2/info/about",
        "https://archive.cdc.gov/www_cdc_gov/hai/outbreaks/stem-cell-products.html",
        "https://eurekalert.org/news-releases/1061413",
        "https://fosterfollynews.net/2019/10/20/considering-stem-cell-treatments",
        "https://www.medpagetoday.com/special-reports/exclusives/108371",
        "https://fda.gov/Safety/MedWatch/HowToReport/default.htm",
        "https://www.fda.gov/vaccines-blood-biologics/consumers-biologics/"
        "reporting-adverse-events-related-stem-cells-exosomes-or-other-products-marketed-regenerative",
        "https://yellowcard.mhra.gov.uk/what-to-report",
        "https://canada.ca/en/health-canada/services/drugs-health-products/medeffect-canada/"
        "adverse-reaction-reporting.html",
    }
)
ALLOWED_DOIS = frozenset(
    {
        "10.1016/j.stemcr.2024.09.008",
        "10.1080/20013078.2018.1535750",
        "10.1002/jev2.12404",
        "10.1080/20013078.2019.1609206",
        "10.1016/j.jcyt.2020.05.002",
        "10.3402/jev.v4.30087",
        "10.1186/s12964-022-00959-4",
        "10.1038/s41419-020-02803-4",
        "10.1016/j.cell.2019.02.029",
        "10.1002/jev2.12433",
        "10.1002/jev2.12458",
        "10.1111/jocd.15930",
        "10.1002/ski2.348",
        "10.1097/DSS.0000000000004480",
        "10.52793/JSCR.2021.2(2)-21",
        "10.1186/s13287-021-02378-7",
        "10.21037/sci.2017.09.06",
        "10.1001/jamadermatol.2013.6955",
        "10.1097/DSS.0000000000004450",
        "10.1186/s13287-023-03335-2",
        "10.1136/gpsych-2023-101143",
    }
)
# The sheet's links for the options, the questions to ask and the checks (content/decision.yaml)
DOI_LINK = "https://doi.org/"
ALLOWED_URLS |= {link for link in OPTION_LINKS if not link.startswith(DOI_LINK)}
ALLOWED_DOIS |= {link.removeprefix(DOI_LINK) for link in OPTION_LINKS if link.startswith(DOI_LINK)}

URL = re.compile(r"https?://[^\s\"'<>\\]+")
DOI = re.compile(r"(?<![\w/.])10\.\d{4,9}/[^\s\"'<>\\]+")


def flat(text: str) -> str:
    """Text with Markdown emphasis gone and all whitespace one space, for phrase checks."""
    return " ".join(text.replace("**", "").split())


def section(tour: Tour, section_id: str) -> Section:
    return tour.sections[tour.index_of(section_id)]


def trim(link: str) -> str:
    link = link.rstrip(".,;:")
    while link.endswith(")") and link.count(")") > link.count("("):
        link = link[:-1].rstrip(".,;:")
    return link


def test_the_sections_the_issue_names_in_order(tour: Tour) -> None:
    assert tour.section_ids[: len(ARTICLE_IDS)] == ARTICLE_IDS
    assert [s.added_by_tour for s in tour.sections[:7]] == [False] * 7
    assert section(tour, "before-you-decide").added_by_tour
    assert section(tour, "trials-and-harms").added_by_tour


@pytest.mark.parametrize("section_id", ARTICLE_IDS)
def test_each_section_has_a_one_sentence_takeaway_a_body_and_keywords(
    tour: Tour, section_id: str
) -> None:
    part = section(tour, section_id)
    assert part.takeaway.endswith((".", "?")), part.takeaway
    assert not re.search(r"[.!?]\s+[A-Z]", part.takeaway), "one sentence only"
    assert "\n" not in part.takeaway
    assert len(part.body.split()) >= 40
    assert len(part.keywords) >= 3
    assert len(set(k.casefold() for k in part.keywords)) == len(part.keywords)


@pytest.mark.parametrize("section_id", ["what-is-exosome-therapy", "safety"])
def test_therapy_and_safety_say_no_exosome_product_is_fda_approved(
    tour: Tour, section_id: str
) -> None:
    notes = [
        note
        for note in section(tour, section_id).evidence
        if "no exosome product is FDA-approved" in flat(note.text)
    ]
    assert notes, f"{section_id} has no FDA-approval note"
    (note,) = notes[:1]
    assert note.as_of == "2019-12-06"
    assert "December 2019" in note.text
    assert FDA_2019 in [source.url for source in note.sources]


def test_every_link_in_the_content_files_is_from_the_evidence_sheet() -> None:
    found_urls: set[str] = set()
    found_dois: set[str] = set()
    for path in sorted(builtin_content_dir().rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        found_urls |= {trim(url) for url in URL.findall(text)}
        found_dois |= {trim(doi) for doi in DOI.findall(text)}
    doi_links = {url for url in found_urls if url.startswith("https://doi.org/")}
    assert found_urls - doi_links <= ALLOWED_URLS
    found_dois |= {url.removeprefix("https://doi.org/") for url in doi_links}
    assert found_dois <= ALLOWED_DOIS
    assert FDA_2019 in found_urls


def test_every_cited_source_links_to_an_allowed_place(tour: Tour) -> None:
    allowed = ALLOWED_URLS | {f"https://doi.org/{doi}" for doi in ALLOWED_DOIS}
    for part in tour.sections:
        for note in part.evidence:
            assert re.search(r"\b(19|20)\d\d\b", note.as_of), "every note is dated"
            for source in note.sources:
                assert source.link in allowed or source.reference, (part.id, source.link)


# Each point of the article, in order: as the article words it, then, where the tour retells it in
# plain words (issue 18: grade 8; quoted words may be harder), the words of that retelling, every
# one of which the section must carry. A point is there when its section has the article's words,
# or all the words of its retelling.
Point = tuple[str, tuple[str, ...]]
ARTICLE_POINTS: dict[str, list[Point]] = {
    "what-are-exosomes": [
        (
            "tiny, nano-sized particles released by nearly every cell in the body",
            ("tiny, nano-sized bits that nearly every cell in the body gives off",),
        ),
        ("messenger bubbles", ()),
        (
            "proteins, lipids, RNA, and other molecules",
            ("proteins, lipids (fats), RNA and other molecules",),
        ),
        ("maintaining balance in the body", ("keep the body in balance",)),
        ("mesenchymal stem cells (MSCs)", ()),
        ("packed with powerful healing signals", ()),
        (
            "rejuvenating skin, healing injuries, and even helping manage chronic diseases",
            ("may help renew skin and heal injuries", "may even help people live with long-term"),
        ),
    ],
    "what-is-exosome-therapy": [
        (
            "injecting or applying concentrated exosomes into targeted areas of the body",
            ("a strong dose of exosomes into a part of the body", "injected", "put on the skin"),
        ),
        (
            "promote healing, reduce inflammation, and support tissue regeneration",
            ("to help healing", "to calm inflammation", "to help the body grow new tissue"),
        ),
        ("introduces living cells into the body", ("puts living cells into the body",)),
        (
            "delivers only the cellular signals, not the cells themselves",
            ("gives only the signals that cells send, not the cells",),
        ),
        (
            "often safer and less complex while still offering impressive therapeutic benefits",
            ('"often safer and less complex"', 'still gives "impressive" benefits'),
        ),
    ],
    "how-does-it-work": [
        ("text messages between cells", ()),
        ("They modulate the immune response, reducing inflammation.", ()),
        (
            "They promote tissue repair by encouraging cellular regeneration.",
            ("They help repair tissue by helping cells grow back.",),
        ),
        (
            "They stimulate collagen production, aiding in skin rejuvenation.",
            ("They boost collagen", "this renews the skin"),
        ),
        (
            "They help with angiogenesis, the formation of new blood vessels",
            ("They help angiogenesis, the growth of new blood vessels",),
        ),
        ("crucial for healing", ()),
        (
            "IV infusion, direct injection, or even topically after microneedling",
            ("an IV infusion", "an injection into the part", "on the skin, after microneedling"),
        ),
        ("often used in aesthetic treatments", ("often used in beauty treatments",)),
    ],
    "benefits": [
        ("being explored for a wide range of conditions", ()),
        ("Anti-aging and skin rejuvenation", ()),
        (
            "Improves tone, texture, reduces wrinkles and fine lines",
            ("skin tone and texture improve, with fewer wrinkles and fine lines",),
        ),
        ("Joint and musculoskeletal injuries", ()),
        (
            "Supports recovery from arthritis, tendonitis, and more",
            ("helps people recover from arthritis, tendonitis and more",),
        ),
        ("Hair loss treatment", ()),
        ("Encourages hair follicle regeneration", ("helps hair roots grow back",)),
        ("Neurological conditions", ()),
        (
            "Emerging research on potential applications in neurodegenerative diseases",
            ("new research on diseases in which nerve cells slowly die",),
        ),
        ("Autoimmune and inflammatory diseases", ()),
        (
            "Many patients report quicker recovery times, reduced pain, and noticeable "
            "improvements in skin health or mobility",
            (),
        ),
    ],
    "safety": [
        ("generally considered safe", ()),
        ("reputable labs", ()),
        ("trained medical professionals", ()),
        ("cell-free and lack DNA", ("contain no cells, and it says they lack DNA",)),
        ("rejection or tumor formation", ()),
        ("significantly reduced", ()),
        ("some stem cell therapies", ()),
        ("immune reactions or infection", ("names immune reactions", "names infection")),
        ("Always consult a licensed healthcare provider before considering this therapy.", ()),
    ],
    "future": [
        ("experimental in many countries", ()),
        (
            "gaining momentum as more clinical trials and research emerge",
            ("gaining ground", "as more clinical trials and research emerge"),
        ),
        (
            "non-invasive nature, versatility, and potential to treat a wide range of conditions",
            ("non-invasive", "can be used in many ways and could treat many conditions"),
        ),
        ("fascinating area to watch", ()),
        ("as the science matures", ()),
        (
            "healing, aging, and chronic disease management",
            ("healing, ageing and the care of long-term illness",),
        ),
    ],
    "summary": [
        ("a promising innovation in regenerative medicine", ()),
        (
            "cell-free alternative to stem cell therapies",
            ("cell-free choice in place of stem cell therapies",),
        ),
        ("impressive healing potential", ()),
        (
            "chronic injury, seeking anti-aging solutions, or exploring advanced wellness "
            "treatments",
            ("a long-term injury", "want to look younger", "trying new wellness treatments"),
        ),
        (
            "unlocking your body's natural regenerative abilities",
            ('"may hold the key"', "the body's own power to heal and renew itself"),
        ),
    ],
}


@pytest.mark.parametrize("section_id", list(ARTICLE_POINTS))
def test_every_point_of_the_article_is_in_its_section(tour: Tour, section_id: str) -> None:
    body = flat(section(tour, section_id).body)
    missing = [
        words
        for words, retold in ARTICLE_POINTS[section_id]
        if flat(words) not in body and not (retold and all(flat(r) in body for r in retold))
    ]
    assert missing == []


def test_the_five_benefit_areas_are_a_list_in_the_article_order(tour: Tour) -> None:
    body = section(tour, "benefits").body
    areas = re.findall(r"^- \*\*(.+?)\*\*", body, re.M)
    assert areas == [
        "Anti-aging and skin rejuvenation",
        "Joint and musculoskeletal injuries",
        "Hair loss treatment",
        "Neurological conditions",
        "Autoimmune and inflammatory diseases",
    ]


def test_the_tour_gives_no_promise_and_states_its_aim(tour: Tour) -> None:
    assert "not medical advice" in tour.disclaimer
    assert "clinician" in tour.disclaimer
    assert "No exosome product is approved by FDA" in tour.bottom_line
    everything = " ".join(flat(s.body) for s in tour.sections[:7])
    assert "currently" not in everything.lower(), "say 'as of' a date, never 'currently' alone"
