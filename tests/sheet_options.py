"""The evidence sheet's links for the options in equal detail, the questions to ask a clinic,
checking an IND or a trial, and reporting a side effect: the parts the sheet gained on 6 Dec 2026.

Like the allow-lists in test_evidence and tests/content/test_content, copied from the sheet
(reference/evidence.md, outside this repository) so that the tests stand alone; a new source goes
into the sheet first. Links are as the sheet gives them, `http://` where it has no other.
"""

from __future__ import annotations

# The sheet's entries added or changed on 6 Dec 2026 were checked against stored copies that day,
# and from then on every undated page is shown "undated; stored copy checked 6 Dec 2026".
RECHECKED = "2026-12-06"
RECHECKED_UNDATED: tuple[int | None, str | None] = (None, RECHECKED)

# Pages the sheet gives no date for, each as checked on RECHECKED
UNDATED_LINKS = (
    # CDC
    "https://archive.cdc.gov/www_cdc_gov/hai/outbreaks/stem-cell-products.html",
    # ISSCR
    "https://www.closerlookatstemcells.org/stem-cells-medicine/stem-cell-treatments-what-to-ask/",
    # Renova labels (copy)
    "http://www.rxlist.com/renova-drug/indications-dosage.htm",
    # BOTOX Cosmetic prescribing information
    "https://dailymed.nlm.nih.gov/dailymed/fda/fdaDrugXsl.cfm?setid=485d9b71-6881-42c5-a620-"
    "a4360c7192ab&type=display",
    # Allergan
    "https://hcp.botoxcosmetic.com/product-information",
    # Mayo Clinic
    "https://www.mayoclinic.org/diseases-conditions/acne/in-depth/acne-treatments/art-20045892",
    # AAD
    "https://www.aad.org/public/cosmetic/younger-looking/chemical-peels-faqs",
    # NHS Somerset
    "https://formulary.nhssomerset.nhs.uk/?page_id=1168",
    # NHS
    "http://nhs.uk/conditions/osteoarthritis/treatment/",
    # Northern Care Alliance NHS Trust
    "https://www.northerncarealliance.nhs.uk/patient-information/patient-leaflets/"
    "physiotherapy-osteoarthritis-therapy-session-3",
    # NHS
    "http://www.nhs.uk/Conditions/Anti-inflammatories-non-steroidal/Pages/Side-effects.aspx",
    # NHS 111 Wales
    "https://111.wales.nhs.uk/encyclopaedia/k/article/kneereplacement/",
    # Bradford Teaching Hospitals
    "https://virtualclinics.bradfordhospitals.nhs.uk/joint-school/knee-pathway",
    # NHS Choices
    "http://www.channel4embarrassingillnesses.com/men-in-white-coats/hair-loss/drugs-and-"
    "surgical-treatment-for-male-and-female-p/",
    # NHS
    "https://developer.api.nhs.uk/widgets/condition/?condition=/conditions/hair-loss/",
    # Finasteride 1 mg US label (copy)
    "https://drugs-library.com/drugs/finasteride_abd87058.html",
    # AAD
    "https://www.newswise.com/articles/finding-the-right-treatment-for-hereditary-hair-loss",
    # Trial registry copy, NCT04388982
    "https://meddatax.com/clinical-trials/NCT04388982",
    # NHS
    "https://www.nhs.uk/conditions/parkinsons-disease/treatment/",
    # NICE
    "https://nice.org.uk/consultations/2566/6/indications-and-current-treatment",
    # NICE
    "https://nice.org.uk/guidance/ta217/ifp/chapter/the-condition-and-the-treatments",
    # Alzheimer's Research UK
    "https://www.alzheimersresearchuk.org/about-dementia/types-of-dementia/alzheimers-"
    "disease/treatments/",
    # NICE
    "https://www.nice.org.uk/guidance/ta375/ifp/chapter/The-condition-and-the-treatments",
    # NHS
    "https://www.nhs.uk/conditions/rheumatoid-arthritis/treatment/",
    # University Hospitals Bristol
    "https://uhbristol.nhs.uk/patients-and-visitors/your-hospitals/bristol-royal-infirmary/"
    "what-we-do/rheumatology/conditions-we-treat/rheumatoid-arthritis",
    # American College of Rheumatology
    "https://www.rheumatology.org/I-Am-A/Patient-Caregiver/Diseases-Conditions/Living-Well-"
    "with-Rheumatic-Disease/The-Immune-System-Its-Link-to-Rheumatic-Disease",
    # Hong Kong Department of Health
    "https://hanweb.kanhan.com/TuniS/www.advancedtherapyinfo.gov.hk/cbb/en/consumer/ct_qa.html",
    # ISSCR
    "http://www.closerlookatstemcells.org/What_to_Ask.html",
    # ClinicalTrials.gov
    "https://clinicaltrials.gov/ct2/info/about",
    # ClinicalTrials.gov
    "https://mecc.libguides.com/c.php?g=1346924&p=10006036",
    # WHO
    "https://www.who.int/clinical-trials-registry-platform",
)
# link -> (year; the date of the page when the sheet gives one)
DATED_LINKS: dict[str, tuple[int | None, str | None]] = {
    # FDA
    "https://fosterfollynews.net/2019/10/20/considering-stem-cell-treatments": (2019, "2019-10-20"),
    # Hughes et al.
    "https://doi.org/10.7326/0003-4819-158-11-201306040-00002": (2013, "2013-06-04"),
    # Chng et al.
    "https://cochranelibrary.com/cdsr/doi/10.1002/14651858.CD014391/full": (2021, "2021-08-19"),
    # FDA
    "https://webharvest.gov/peth04/20041025020704/http://www.cfsan.fda.gov/~lrd/tprenova.html": (
        1996,
        "1996-01-02",
    ),
    # Fransen et al.
    "http://bjsm.bmjjournals.com/content/49/24/1554.full.txt": (2015, None),
    # Patient.info
    "https://patient.info/health/knee-replacement/outcomes-complications": (2017, "2017-07-04"),
    # van Zuuren et al.
    "https://cochranelibrary.com/cdsr/doi/10.1002/14651858.CD007628.pub4/information": (
        2016,
        "2016-05-26",
    ),
    # Regaine foam UK product information, 2018 (copy)
    "https://rxreasoner.com/monographs/regaine-foam/precautions": (2018, None),
    # Mella et al.
    "https://paperexplained.cn/articles/paper/detail/11c6ae7dcfe75855477ac71361540bc418f65fe0": (
        2010,
        None,
    ),
    # Reuters
    "https://www.drug-injury.com/drug_injury/2012/04/sexual-side-effects-added-to-merck-drug-"
    "labels.html": (2012, "2012-04-12"),
    # FDA
    "https://webarchive.library.unt.edu/eot2008/20090118171539/http://www.fda.gov/bbs/topics/"
    "ANSWERS/ANS00842.html": (1997, "1997-12-22"),
    # AAD
    "https://www.newswise.com/articles/finding-the-right-treatments-for-genetic-hair-loss": (
        2022,
        "2022-07-21",
    ),
    # Xie et al.
    "https://doi.org/10.1136/gpsych-2023-101143": (2023, "2023-10-11"),
    # Park & Stacy
    "https://doi.org/10.4061/2011/485063": (2011, None),
    # van Dyck et al.
    "https://doi.org/10.1056/NEJMoa2212948": (2023, None),
    # LEQEMBI prescribing information
    "https://nctr-crs.fda.gov/fdalabel/services/spl/set-ids/9d1ff786-e577-410a-a273-"
    "c4d7d0e4e975/spl-doc": (2026, "2026-01-23"),
}

# link -> (year, or None for an undated page; the date of the page when the sheet gives one)
OPTION_LINKS: dict[str, tuple[int | None, str | None]] = {
    **dict.fromkeys(UNDATED_LINKS, RECHECKED_UNDATED),
    **DATED_LINKS,
}

# The authors and organisations the sheet names for these sources.
OPTION_AUTHORS = frozenset(
    {
        *("CDC", "ISSCR", "Hong Kong Department of Health", "ClinicalTrials.gov"),
        *("Hughes et al.", "Chng et al.", "Allergan", "AAD", "NHS Somerset", "Patient.info"),
        *("Northern Care Alliance NHS Trust", "NHS 111 Wales", "Bradford Teaching Hospitals"),
        *("NHS Choices", "Mella et al.", "Reuters", "Xie et al.", "Park & Stacy"),
        *("Alzheimer's Research UK", "van Dyck et al.", "University Hospitals Bristol"),
        *("American College of Rheumatology",),
    }
)
# The papers whose titles the sheet gives; any other paper is cited without one.
PAPER_TITLES = frozenset(
    {
        "Sunscreen and Prevention of Skin Aging: A Randomized Trial",
        "Granulomatous Reactions From Microneedling: A Systematic Review of the Literature",
        "Dopamine-Induced Nonmotor Symptoms of Parkinson's Disease",
        "Lecanemab in Early Alzheimer's Disease",
        "Clinical safety and efficacy of allogenic human adipose mesenchymal stromal cells-derived"
        " exosomes in patients with mild to moderate Alzheimer's disease: a phase I/II clinical"
        " trial",
    }
)
