"""Disease claims in the shapes real pages give them (issue 11): list items under a framing line, a heading's
disease claimed by the paragraph below it, promises that a disease will not come back, comparisons with a drug, and
the mentions around them that are no claim (cautions about the reader's medication, trial news, whom a product is
not for). Pages go through the library API and the CLI, labels through the library API; findings are compared by
code and line (and column where a line holds several), never by message text.
"""

from __future__ import annotations

import json

import pytest

import supplint
from conftest import ROOT, run_cli

PAGES = ROOT / "tests" / "fixtures" / "pages"

# fixture -> the SUP404 findings, by line (and column where one line holds several).
EXPECTED = {
    # lines 10-11: list items under "It may help with:"; 12: a structure/function item of the same list;
    # 14-17: "Benefits:" with structure/function items; 19-22: "Do not take ... if you have:" (a caution's list);
    # 24/26: the heading names the disease, the paragraph below claims it; 28: "results similar to prescription
    # NSAIDs"; 30: three claims in one paragraph; 32: the reader's medication.
    "joint-formula-product.md": [(10, 3), (11, 3), (26, 1), (28, 57), (30, 12), (30, 39), (30, 54)],
    # line 7: a fact; 8: trial news; 9: the reader's medication; 10-14: "Talk to your doctor first if you have:";
    # 15: what a drug is prescribed for; 16: "if you have heart disease you may benefit from fish oil";
    # 17-21: "Our softgels may help with:" (an abnormal state item, a structure/function item); 22: structure/function.
    "fish-oil-heart-guide.html": [(16, 16), (19, 5)],
    # A flyer pasted from a PDF: 8-9 words broken by a hyphen (across the line, and with a space after it); 11 capitals;
    # 13 three claims whose full stops lost their spaces; 15 "the stone" after the sentence that names kidney stones;
    # 17 "studied for its ability to"; 19 a testimonial with numbers; 21 "first line of defense" and a disease
    # hashtag; 23 hashtags that name no disease ("#flushot" holds "flu" only as part of another word); 25-31 the
    # reader's medication, an agency's name, a statistic, "no cure"; 33 "if you have heart disease you may benefit".
    "herbal-flyer-pdf-copy.md": [
        (8, 46),
        (9, 34),
        (11, 11),
        (13, 12),
        (13, 45),
        (13, 52),
        (15, 45),
        (17, 49),
        (19, 40),
        (21, 40),
        (21, 45),
        (33, 13),
    ],
}


def page_findings(text: str, name: str = "post.md") -> list[tuple[int, int]]:
    return [(f.line, f.column) for f in supplint.check_text(text, name, select=["SUP404"]) if f.code == "SUP404"]


def post(body: str) -> list[int]:
    """The lines of SUP404 on a Markdown page whose body starts on line 3."""
    return [line for line, _ in page_findings(f"# Post\n\n{body}\n")]


def label_count(claims: list[str]) -> int:
    entries = "".join(f"  - {json.dumps(claim)}\n" for claim in claims)
    text = f"product: Example Supplement\nfacts: []\nclaims:\n{entries}"
    return sum(f.code == "SUP303" for f in supplint.check_text(text, "x.yaml", select=["SUP303"]))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_shaped_pages(name):
    found = page_findings((PAGES / name).read_text(encoding="utf-8"), name)
    assert found == EXPECTED[name]


def test_the_cli_reports_the_same_findings():
    result = run_cli(
        "check", str(PAGES / "joint-formula-product.md"), "--select", "SUP404", "--output-format", "json", "--exit-zero"
    )
    assert result.returncode == 0, result.stderr
    found = [(f["code"], f["line"]) for f in json.loads(result.stdout)]
    assert found == [("SUP404", line) for line, _ in EXPECTED["joint-formula-product.md"]]


def test_three_claims_in_a_paragraph_are_three_findings_at_their_own_sentences():
    paragraph = "It soothes arthritis. It also shrinks tumors. And it works like an antidepressant."
    found = page_findings(f"# Post\n\nOur turmeric formula, reviewed.\n\n{paragraph}\n")
    assert [line for line, _ in found] == [5, 5, 5]
    assert [column for _, column in found] == [12, 39, 54]  # "arthritis", "tumors", "works like an antidepressant"
    assert label_count([paragraph]) == 3
    assert label_count(paragraph.split(". ")) == 3  # the same claims as three label entries


@pytest.mark.parametrize(
    ("framing", "claims"),
    [
        ("It may help with:", True),
        ("Benefits:", True),
        ("Uses:", True),
        ("Traditionally used for:", True),
        ("Do not take if you have:", False),  # a caution's list
        ("Ask your doctor first if you have:", False),
        ("Not suitable for people with:", False),
        ("Symptoms of gout include:", False),  # a page that informs: no framing word
    ],
)
def test_list_items_under_a_framing_line(framing, claims):
    lines = post(f"{framing}\n\n- arthritis\n- kidney stones\n\nWe ship in recyclable glass jars.")
    assert lines == ([5, 6] if claims else [])


def test_a_list_of_structure_function_items_is_no_claim():
    assert post("It may help with:\n\n- healthy joints\n- restful sleep\n- occasional sleeplessness") == []


def test_a_long_paragraph_after_the_list_is_read_as_prose_again():
    body = (
        "Benefits:\n\n- gout\n\nMany readers have asked us about arthritis, which affects millions of adults and "
        "is more common in women, so we have collected what the research says about it below."
    )
    assert post(body) == [5]


@pytest.mark.parametrize(
    ("body", "lines"),
    [
        ("## Rheumatoid arthritis\n\nOur formula eases its morning stiffness.", [5]),
        (
            "## Rheumatoid arthritis\n\nRheumatoid arthritis is an autoimmune disease. It affects about 1% of adults.",
            [],
        ),
        ("## Rheumatoid arthritis\n\nAsk your doctor about it.", []),
    ],
)
def test_a_heading_names_the_disease_the_paragraph_below_claims(body, lines):
    assert post(body) == lines


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("Never have a herpes outbreak again.", True),  # a promise, not a negation
        ("You will never suffer from migraines with this formula.", True),
        ("Never take more than two capsules if you have kidney disease.", False),  # a caution
        ("This blend gives results similar to the leading prostate drugs.", True),  # (g)(2)(vi) comparisons
        ("Numerous studies show equal effectiveness compared to drugs like Prozac.", True),
        ("80 percent more effective than the world's number one cancer drug.", True),
        ("Without the side effects of antihistamines.", True),
        ("A natural alternative to Synthroid.", True),
        ("Strontium may reduce the risk of osteoporosis.", True),  # not the calcium health claim
        (
            "Adequate calcium throughout life, as part of a well-balanced diet, may reduce the risk of osteoporosis.",
            False,
        ),  # the authorized claim (101.72)
        ("This supplement reduces the effects of arthritis.", True),
        ("St. John's wort may reduce the effects of birth control pills.", False),  # an interaction
        ("Statins are prescribed for high cholesterol.", False),  # what a drug is for
        ("If you take diuretics, ask your doctor before using potassium.", False),  # the reader's medication
        ("Metformin, used for type 2 diabetes, can lower vitamin B12 levels.", False),  # what a drug is used for
        ("Proton pump inhibitors used to treat GERD can reduce magnesium absorption.", False),
        ("Lower stroke risk by up to 29%.", True),
        ("Shark cartilage keeps tumors from growing.", True),
        ("Clinical studies of turmeric in the treatment of gout are lacking.", False),
        ("Most herbal supplements lack clinical trials for gout.", False),
        ("Adjunct therapy in HIV.", True),  # (g)(2)(vii) an augmented therapy
        ("Will significantly reduce prostate size.", True),  # a sign of BPH
        ("GlucoType2 capsules", True),  # (g)(2)(iv)(A) the product's name
        ("Prostate Therapy Tea Formula", True),
    ],
)
def test_shapes_on_pages_and_labels_alike(text, claim):
    assert bool(post(text)) is claim
    assert (label_count([text]) > 0) is claim


def test_page_prose_that_reports_research_is_no_claim():
    """A page also informs: the form used in studies of a disease, or a trial's result, is no claim there (a label's
    claim text saying the same is one: see the shapes above)."""
    assert post("This is the form used in most studies of people with diabetes.") == []
    assert post("A large trial found that omega-3 supplements did not lower the rate of heart attacks.") == []


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        # Text copied from PDFs and social posts: the same claim however it was typed.
        ("Used as a cure for SEI-\nZURES.", True),
        ("Fights dia- betes naturally.", True),
        ("A well-being blend for self-care.", False),  # a compound word stays one
        ("CURES ARTHRITIS. RELIEVES GOUT.", True),
        ("Kidney StoneTreatment That Dissolves Stones", True),  # words glued where a space was lost
        ("Loving my morning tea #cancerfighter", True),
        ("Plants for fatigue . . . # postcovid, # longcovidrecovery", True),
        ("#flushot #wellness #selfcare", False),
        ("I can finally say I no longer have herpes.", True),  # "no longer" ends the disease: no negation
        ("Take if suffering from glaucoma.", True),
        ("Just say 'No!' to prescription drugs and risky herpes treatments.", True),
        ("Safe and natural, unlike harsh prescription medications.", True),
        ("He has been able to go off Lyrica and Gralise.", True),
        ("Designed to alleviate chemo fog.", True),
        ("Reduces neuropathic pain.", True),
        # Mentions: the reader's drug said of people who take it, an agency's name, facts of a disease.
        ("Those who are taking warfarin should ask a pharmacist first.", False),
        ("When people are prescribed blood thinners, their clotting is monitored with a test.", False),
        ("According to the Centers for Disease Control and Prevention, 38 million Americans have diabetes.", False),
        ("A common cold is an infection of the upper respiratory tract.", False),
        ("Gout occurs when too much uric acid forms crystals in a joint.", False),
        ("Diabetes is not completely curable, but its control depends on the patient.", False),
        ("High blood pressure increases the risk of heart failure and stroke.", False),
        ("Nearly two-thirds of adults with hypertension use dietary supplements.", False),
        (
            "Consumers who rely on unapproved products claiming to cure or treat diabetes may not receive appropriate "
            "treatment.",
            False,
        ),
    ],
)
def test_copied_and_mentioned_shapes_on_pages_and_labels_alike(text, claim):
    assert bool(post(text)) is claim
    assert (label_count([text]) > 0) is claim


def test_glued_sentences_on_a_label_are_one_finding_each():
    assert label_count(["It soothes arthritis.Our blend also shrinks tumors.Works like an antidepressant."]) == 3


def test_a_disease_is_pointed_back_at_over_one_sentence_that_names_none():
    body = (
        "Osteoarthritis comes from aggravated Vata. It leads to stiff joints. Shallaki provides relief in this "
        "condition."
    )
    assert post(body) == [3]
    # ... but not over two: the reference is too far to be the same disease.
    assert post("Gout is painful. Cherries are red. Summer is short. The tea relieves the pain.") == []


# What the products of a page are (issue: the real cold-medicine roundup, tests/data/pages/bar-advil-cold-and-sinus.md).
_DRUG_ROUNDUP = (
    "# Best cold medicines\n\n"
    "Advil Cold & Sinus is an over-the-counter medicine: ibuprofen, a pain reliever, and pseudoephedrine, a nasal "
    "decongestant.\n\n"
    "It quickly relieves sinus congestion and headaches from the common cold.\n"
)


def test_an_otc_drug_page_makes_no_supplement_claim():
    assert post(_DRUG_ROUNDUP.split("\n\n", 1)[1]) == []


def test_a_supplement_page_comparing_itself_with_a_drug_still_claims():
    body = (
        "Our turmeric supplement is a natural herbal supplement. Unlike Advil or other NSAIDs, it relieves arthritis "
        "pain without side effects.\n\nThis supplement works like ibuprofen for arthritis."
    )
    assert post(body) == [3, 5]


def test_the_same_relief_sentence_on_a_supplement_page_is_a_claim():
    # The same relief sentence on a supplement page is a claim: the page's products decide, not the sentence.
    supplement = "Our elderberry supplement is a herbal supplement.\n\nIt quickly relieves the common cold."
    assert post(supplement) == [5]


def test_a_bare_reference_list_is_no_claim_but_a_sentence_citing_a_study_is():
    references = (
        "## References\n\n"
        "1. Ma'or, Z., et al. (2006). Anti-inflammatory effects of Dead Sea minerals on human skin cells. Skin "
        "Pharmacology and Physiology, 19(4), 217-225.\n\n"
        "2. Wal P, Saraswat N. A detailed insight of the anti-inflammatory effects of curcumin. Open Med J. 2019;6:64."
    )
    assert post(references) == []
    assert post("Our formula fights inflammation and arthritis (Smith et al., 2019).") == [3]


@pytest.mark.parametrize(
    ("body", "lines"),
    [
        # A disease of one paragraph is not carried into the next one's "the product label" (melatonin roundup).
        (
            "Too much melatonin can lead to more severe side effects, such as confusion, hallucinations, or even "
            "seizures in extreme cases.\n\nTo minimize the risk of overdosing, always follow the dosage on the "
            "product label.",
            [],
        ),
        # ... but a definite reference in the next paragraph's first sentence points back at it.
        (
            "Many of our readers have suffered from kidney stones for years before they found something that "
            "worked.\n\nOur formula dissolves the stones within weeks.",
            [5],
        ),
    ],
)
def test_a_disease_carried_across_a_paragraph_break(body, lines):
    assert post(body) == lines


@pytest.mark.parametrize(
    "sentence",
    [
        "If you're pregnant, nursing, have kidney disease, or take medications, consult a qualified professional "
        "before using magnesium.",
        "Since i actively avoid the sun due to skin cancer risk, supplementation is a non-negotiable for me.",
        "Micronutrients, often referred to as vitamins and minerals, are vital to healthy development, disease "
        "prevention, and wellbeing.",
        "Boosting serotonin levels naturally can bring about profound positive changes, reducing anxiety.",
        "I realized early on that managing Amanda's blood sugar levels was crucial for effective weight management.",
    ],
)
def test_cautions_and_what_non_products_do_are_no_claim(sentence):
    assert post(sentence) == []
    assert label_count([sentence]) == 0  # read as a label's claims are (a page that names a label reads so)


def test_saying_no_to_an_abnormal_state_is_a_claim():
    assert post("It's time to say NO to sky-high blood sugar and YES to a healthier you.") == [3]


def test_a_page_that_embeds_a_supplement_label_is_read_whatever_drugs_it_names():
    label = "```supplement\nproduct: Example Elderberry\nfacts:\n  - {name: Zinc, amount: 15 mg}\n```\n"
    body = _DRUG_ROUNDUP.split("\n\n", 1)[1]
    found = page_findings(f"# Our pick\n\n{label}\n{body}\n")
    # Read as a label's claims are: the drug classes of line 9 and the relief claim of line 11 (without the label
    # the same prose raises nothing, test_an_otc_drug_page_makes_no_supplement_claim).
    assert [line for line, _ in found] == [9, 11]


def test_a_team_pattern_with_a_top_level_alternation_matches_either_branch():
    # Each entry waits for a literal it cannot match without; an entry "a|b" needs a's or b's, not a's alone.
    config = {"rules": {"SUP404": {"extra-diseases": ["snorkitis|flibbertigibbet"]}}}
    text = "# Our pick\n\nOur omega-3 soothes the flibbertigibbet.\n"
    found = supplint.check_text(text, "post.md", select=["SUP404"], config=config)
    assert [(f.code, f.line) for f in found] == [("SUP404", 3)]


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        # Shapes of the fourth fresh holdout's misses (claims5), in our own words: promises of being spared a disease,
        # prevention idioms and nouns, acting "against" it, comparisons and going without a drug, smoking cessation,
        # hangovers, brain injury, a "mild" disease (mild is exempt only for FDA's structure/function states), and a
        # claim with a consult note appended in its own clause.
        ("A daily cup and you will never catch the flu.", True),
        ("Stay active without suffering from arthritis.", True),
        ("This herbal tonic keeps colds at bay all winter.", True),
        ("Our extract works against herpes outbreaks.", True),
        ("Within three months the tumor had shrunk.", True),
        ("A thorough reversal of fatty liver in weeks.", True),
        ("It helps more than prescription antidepressants ever did.", True),
        ("Does the same job as statins, naturally.", True),
        ("Two months on these capsules and I am off my blood pressure meds.", True),
        ("Relief from arthritis without resorting to painkillers.", True),
        ("Helps you stop smoking for good.", True),
        ("Prevents hangovers the morning after.", True),
        ("Speeds recovery from a traumatic brain injury.", True),
        ("Tested in mild Alzheimer's disease, this formula improves memory.", True),
        ("Our joint supplement may be useful for people with gout, but check with your doctor first.", True),
        # The mentions around them: a denial with a negative subject, other products' advertising, what doctors
        # prescribe, a disease's usual treatments, the reader's painkillers, seeing a specialist, drinks as the
        # subject, how a disease is treated in general, that drugs exist, a sign of a disease, a definition, a
        # statistic, and a condition that says whom a caution is for.
        ("No herbal product has been proven to cure Lyme disease.", False),
        ("These pills were advertised as cures for cancer.", False),
        ("Rheumatologists often prescribe steroids for lupus flares.", False),
        ("The standard treatments for psoriasis include creams and light therapy.", False),
        ("Many people take painkillers for back pain and arthritis.", False),
        ("If you have diabetes, see a podiatrist once a year.", False),
        ("Coffee and alcohol are diuretics.", False),
        ("Treating asthma requires an inhaler and a plan.", False),
        ("There are several drugs for migraine on the market.", False),
        ("Blurred vision can be a sign of glaucoma.", False),
        ("Dementia is an umbrella term for diseases of memory and thinking.", False),
        ("In the US, 37 million adults currently have kidney disease.", False),
        ("If you have kidney disease, you should ask your doctor before taking magnesium.", False),
        ("Take it for occasional sleeplessness and mild muscle soreness.", False),  # FDA's own states stay exempt
        # ... and the fifth sample's (read after it was scored): a therapy's outcome improved, pregnancy loss and the
        # CKD abbreviation named, specialists' prescriptions, denials of a slowing, what a drug can cause, comorbidity,
        # a definition told as "is when", a statistic with an aside.
        ("Boosts chemotherapy response in weeks.", True),
        ("Our blend lowers the risk of miscarriage.", True),
        ("Our probiotic slows CKD progression.", True),
        ("Neurologists usually prescribe anticonvulsants for epilepsy.", False),
        ("Herbal teas don't slow the progression of kidney disease.", False),
        ("High doses can sometimes even cause kidney stones.", False),
        ("Lupus patients often have kidney problems as well.", False),
        ("Gout is when uric acid crystals build up in a joint.", False),
        ("About 1 in 10 adults - some 30 million people - have diabetes.", False),
    ],
)
def test_fourth_holdout_shapes_on_pages_and_labels_alike(text, claim):
    assert bool(post(text)) is claim
    assert (label_count([text]) > 0) is claim


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        # A drug class is a claim in page prose when said of a product ((g)(2)(v)): beside a cue word, in a sentence
        # about a product, or as the whole run; otherwise it names drugs.
        ("Ginger is a natural anti-inflammatory.", True),
        ("Elderberry has strong antiviral properties.", True),
        ("Oregano oil acts as an antibiotic.", True),
        ("Antibacterial", True),
        ("These capsules are antifungal.", True),  # a sentence about a product
        ("It works where antibiotics never could.", False),  # no drug class said of the product, no disease
        ("Relief from sinusitis that antibiotics never could give.", True),  # ... but a comparison beside a disease
        ("Many people reach for painkillers such as ibuprofen after a long run.", False),
        ("Decongestants and antihistamines fill the pharmacy shelves every winter.", False),
        ("Your grandmother probably kept laxatives in the cabinet.", False),
        ("Being on antidepressants made me tired all the time.", False),  # the reader's drug (claims6)
        ("Ginger has the benefit of being anti-inflammatory.", True),  # what the product is, told as a benefit
    ],
)
def test_a_drug_class_on_a_page_is_a_claim_when_said_of_a_product(text, claim):
    assert bool(post(text)) is claim


def test_a_framing_line_after_a_claim_does_not_point_back_at_its_disease():
    """ "Our softgels may help with:" introduces the list below it; the disease of the sentence before is not its own
    (the list items are read under it: tests/fixtures/pages/fish-oil-heart-guide.html)."""
    body = "If you have gout you may benefit from cherry extract.\n\nOur capsules may help with:\n\n- sleep"
    assert post(body) == [3]


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        # Shapes of the sixth fresh sample's misses (claims6), in our own words: a disease helped by the product (the
        # passive), diseased cells turned back to normal, a disease's misery "solved", protection as a noun, the
        # signs of ADHD acted on, a comparison with a therapy, infections named by their lay names and abbreviations,
        # a drug class named by its organ, a sentence that "i.e." does not end, a heavy metal's toxicity as a state
        # the product acts on.
        ("Conditions reported to have been helped by it include asthma.", True),
        ("Noni is said to change cancer cells back to normal.", True),
        ("Created to solve the misery of gout flare-ups.", True),
        ("Natural flu protection for the whole family.", True),
        ("Helps calm hyperactivity in children.", True),
        ("Better than radiation for skin tumors, say users.", True),
        ("Soothes STD symptoms naturally.", True),
        ("Clears chlamydia without a doctor visit.", True),
        ("Our capsules are a gentle thyroid medication from nature.", True),
        ("Destroys 99% of the organisms that matter [i.e.] Gonorrhea.", True),
        ("Useful for lead toxicity and arthritis alike.", True),
        ("There are natural options to treat psoriasis.", True),
        ("This blend puts prescription painkillers to shame for joint pain.", True),
        # The mentions around them: definitions and kinds of a disease, the commonest form, its types, a cause,
        # research that failed, a claim reported in the press's words or as other sellers', what people with a
        # disease take, what a device, a therapy or a drug does, that treatment options exist, the reader's own
        # medication, the product's own risk of toxicity.
        ("Psoriasis is defined as a chronic autoimmune condition of the skin.", False),
        ("Rosacea and eczema are both chronic skin conditions.", False),
        ("Autism is a complex developmental disorder.", False),
        ("Type 2 diabetes is the most common form of diabetes.", False),
        ("There are two main types of arthritis.", False),
        ("Gout is a joint condition usually caused by uric acid.", False),
        ("Studies have failed to show that garlic prevents colds.", False),
        ("The brand was touted as an alternative to antidepressants.", False),
        ("Online sellers make claims that they cure diabetes.", False),
        ("People with heart failure often take several medications.", False),
        ("Asthma can be managed with inhalers and medication.", False),
        ("Hearing aids can lower the volume of tinnitus for many people.", False),
        ("Some people with migraines find relief from physical therapy.", False),
        ("There are many treatment options for psoriasis.", False),
        ("Your thyroid medication may need a new dose.", False),
        ("High doses carry a risk of toxicity in people with liver disease.", False),
        ("Her homemade broth puts the store-bought kind to shame.", False),
        # ... and the seventh sample's (read after it was scored once): helpful "to" people with a disease, a drug
        # class told as what the product is "being"; the mentions: a disease's kind, its signs, a population's share,
        # people affected, a risk told as likelihood, a believed cause, what "it" is, what is not known, drugs as the
        # subject, a herb "looked at" for a disease, insufficient evidence.
        ("Turmeric can be helpful to people living with arthritis.", True),
        ("Our extract has the benefit of being antiviral.", True),
        ("Relieves the joint pain suffered by 60% of arthritis patients.", True),
        ("Lupus is a type of autoimmune disease.", False),
        ("Stiff joints are often the first signs of arthritis.", False),
        ("About 30% of asthma patients have allergies too.", False),
        ("Millions of people are affected by migraines every year.", False),
        ("Smokers are twice as likely to develop gum disease.", False),
        ("Rosacea is believed to be caused by several factors.", False),
        ("It's a chronic condition of the skin.", False),
        ("It is still unclear why some people develop lupus.", False),
        ("Prescription drugs and physical therapy can ease arthritis pain.", False),
        ("Ginger has been looked at for migraine relief in small trials.", False),
        ("There is insufficient evidence that zinc shortens colds.", False),
        # ... and the eighth sample's (read after it was scored once): bone loss treated; how a disease is diagnosed,
        # what "the disease" causes, "1 in N" shares, a state that is not a disease, a drug class defined as a drug,
        # a disorder "that involves" its signs, a drug class followed by a drug noun, what a hormone therapy does.
        ("Our calcium blend helps reverse bone loss in older women.", True),
        ("Gout is usually diagnosed by testing fluid from the joint.", False),
        ("Worldwide the disease causes millions of fractures.", False),
        ("1 in 3 adults over 65 have high blood pressure.", False),
        ("Prediabetes is not considered a disease by every doctor.", False),
        ("Statins are a common prescription medication for high cholesterol.", False),
        ("Eczema is a condition that involves dry, itchy skin.", False),
        ("Many people dislike the drowsiness of antihistamine medications for hay fever.", False),
        ("Hormone replacement therapy lowers the risk of osteoporosis.", False),
        # A fact in one clause does not take back the product's claim in another (the reader, claims6).
        ("Diabetes is a disease in which blood sugar is too high; our supplement lowers blood sugar naturally.", True),
        ("Diabetes is a disease in which blood sugar is too high; daily walks lower it.", False),
        ("Eczema is a common skin condition, and this tea clears eczema flare-ups.", True),
    ],
)
def test_sixth_sample_shapes_on_pages_and_labels_alike(text, claim):
    assert bool(post(text)) is claim
    assert (label_count([text]) > 0) is claim


@pytest.mark.parametrize(
    "text, claim",
    [
        # The tenth sample's classes (claims7, constructed variants, read after it was scored once): stones passed or
        # dissolved, a disease by its abbreviation, its clinical name or its British spelling, a claim verb's agent
        # noun, a disease reversible by natural means, natural approaches for a disease, "ideal for" one, a natural
        # substance said to be the drug class, and a negation inside a bracketed aside.
        ("Our herbal tea helps you pass stones with less pain.", True),
        ("This citrate formula can dissolve existing stones.", True),
        ("Milk thistle extract shows promise for NAFLD.", True),
        ("Horse chestnut eases the swelling of varicosities.", True),
        ("Our balm soothes haemorrhoid flare-ups.", True),
        ("Water is the best kidney stone dissolver there is.", True),
        ("Arthritis is reversible through herbs and diet.", True),
        ("Herbal approaches for psoriasis that really work.", True),
        ("Ideal for people with arthritis.", True),
        ("Many herbal extracts are antivirals too.", True),
        ("Our tea (not tested by the FDA) helps dissolve kidney stones.", True),
        # ... and the near-misses that stay mentions: the stone passing on its own, a disease preventable with no
        # means named, the reader's or a doctor's over-the-counter or prescribed drug, antibiotics needed or
        # prescribed, a doctor's examination, a disease's natural course, its triggers, the autoimmune attack, how
        # many it affects, drugs that are a class, and a negation in an aside that holds the disease.
        ("Most stones will pass on their own within a few weeks.", False),
        ("Type 2 diabetes is largely preventable.", False),
        ("If your arthritis flares, take an over-the-counter pain reliever.", False),
        ("For hay fever, health experts usually recommend prescription antihistamines.", False),
        ("You may need antibiotics to clear a sinus infection.", False),
        ("Antibiotics may be prescribed to treat strep throat.", False),
        ("With blood in your stool, get examined by a doctor to rule out colon cancer.", False),
        ("Eczema often improves with age.", False),
        ("Common triggers of eczema include stress and heat.", False),
        ("In lupus, the immune system mistakenly attacks healthy tissue.", False),
        ("Gout affects many men over forty.", False),
        ("Most allergy medicines are antihistamines.", False),
        ("Our tea (it does not cure arthritis) is a calming evening blend.", False),
    ],
)
def test_tenth_sample_shapes_on_pages(text, claim):
    assert post(text) == ([3] if claim else [])


@pytest.mark.parametrize(
    "text, claim",
    [
        # The eleventh sample's classes (claims7, constructed variants, read after it was scored once): an infection
        # named by its germ, restless legs without "syndrome", AMD, success claimed for a disease, a superlative of
        # research said of a supplement; and the mentions: research reported, drugs in dosage forms as the subject
        # (not herbal ones), what tends to worsen a disease, a fact about AMD.
        ("Our mastic capsules help clear H. pylori.", True),
        ("Magnesium relieves restless legs at night.", True),
        ("Lutein may lower your AMD risk.", True),
        ("Users report great success with our salve against cold sores.", True),
        ("Turmeric is one of the most researched supplements for arthritis.", True),
        ("Herbal creams are often used for cold sores.", True),
        ("Turmeric has been researched for arthritis in small trials.", False),
        ("Prescription creams can clear cold sores faster.", False),
        ("Alcohol tends to worsen restless legs.", False),
        ("AMD is the leading cause of vision loss in older adults.", False),
    ],
)
def test_eleventh_sample_shapes_on_pages(text, claim):
    assert post(text) == ([3] if claim else [])


@pytest.mark.parametrize(
    "text, claim",
    [
        # The fifteenth sample's classes (claims9, constructed variants, read after it was scored once): "warding off"
        # a disease, "effective on" one, supporting the people who have one, multiple sclerosis and intraocular
        # pressure by their abbreviations, tinnitus by its lay name, a medication said to be avoidable, an effect
        # "similar to" a named drug; and the near-misses that stay lawful: a ward of a hospital, "effective on an
        # empty stomach", support for busy people, a degree after a name, milliseconds, the new year rung in, a
        # medication that may be needed, a plant compound's likeness to aspirin, a drug's side effects compared.
        ("Elderberry is known for warding off the flu.", True),
        ("Our lysine balm is effective on shingles blisters.", True),
        ("Vitamin D supports women with lupus.", True),
        ("Omega-3 capsules help people with MS walk further.", True),
        ("Bilberry can lower IOP within weeks.", True),
        ("Ginkgo eases the ringing in your ears.", True),
        ("With our herbal drops, medication can often be avoided.", True),
        ("Berberine lowers blood sugar similar to metformin.", True),
        ("The clinic's cardiac ward is on the second floor.", False),
        ("This formula is most effective on an empty stomach.", False),
        ("Our shakes support people with busy lives.", False),
        ("Written by Jane Doe, MS, RD, who helps people eat well.", False),
        ("The capsule dissolves within 300 ms of reaching the stomach.", False),
        ("We rang in the new year with a toast.", False),
        ("Medication may be needed if a cough lasts for weeks.", False),
        ("Willow bark contains salicin, similar to aspirin.", False),
        ("Side effects similar to statins are rare with red yeast rice.", False),
    ],
)
def test_fifteenth_sample_shapes_on_pages(text, claim):
    assert post(text) == ([3] if claim else [])


@pytest.mark.parametrize(
    "claim",
    [
        "Effective on cold sores and fever blisters",
        "Supports patients with fibromyalgia",
        "Helps lower IOP naturally",
        "Works similar to finasteride",
    ],
)
def test_fifteenth_sample_shapes_on_labels(claim):
    assert label_count([claim]) == 1


@pytest.mark.parametrize(
    "text, claim",
    [
        # Lay names ICD-10-CM and the Disease Ontology do not give (claims9, constructed): lice and styes, which have
        # no other sense, and boils and piles, which have one; the near-misses are that other sense beside a claim
        # word of its own, and a caution that names the disease.
        ("Tea tree shampoo helps get rid of lice.", True),
        ("A warm compress with chamomile heals a stye.", True),
        ("Neem capsules treat boils from the inside.", True),
        ("Our witch hazel wipes soothe piles.", True),
        ("Once the water boils, add the ginger, which soothes digestion.", False),
        ("It all boils down to habits that improve sleep.", False),
        ("We have piles of research on how turmeric supports joints.", False),
        ("Clutter piles up, and that increases stress.", False),
        ("Do not use if you have piles.", False),
    ],
)
def test_lay_disease_names_with_and_without_an_ordinary_sense(text, claim):
    assert post(text) == ([3] if claim else [])


@pytest.mark.parametrize(
    "text, claim",
    [
        # The sixteenth sample's classes (mentions10, constructed variants, read after it was scored once), each
        # mention beside a near-miss claim that must stay flagged: a drug as the subject of what it does (not a
        # supplement likened to one); a therapy that is no product as the subject (not a supplement); "attack" as
        # a noun (the disease it names stays a term); a germ that naturally lives in the gut (not "naturally
        # kills"); treatments available after "no cure" (not a supplement after it); a disease's triggers, its
        # untreated course and who is more likely to get it; a "however" inside a denial of a substitute.
        ("Antibiotics are drugs that kill bacteria and clear an infection.", False),
        ("Antibiotics kill the bacteria behind strep throat.", False),
        ("Many people take antibiotics to treat sinus infections.", False),
        ("Antibiotics remain the standard treatment for Lyme disease.", False),
        ("Berberine works like antibiotics that kill bacteria in the gut.", True),
        ("Oregano oil is a natural antibiotic that kills the bacteria behind sinus infections.", True),
        ("Yoga may help people with arthritis cope with pain.", False),
        ("Acupuncture can reduce nausea during chemotherapy for cancer.", False),
        ("Ashwagandha may help people with depression cope.", True),
        ("Someone has a heart attack every 40 seconds, and diabetes raises the chance.", False),
        ("Patients with asthma know the fear of a sudden attack at night.", False),
        ("Our fish oil prevents heart attacks.", True),
        ("Candida naturally lives in the mouth and gut of most people.", False),
        ("Our probiotic naturally fights Candida overgrowth.", True),
        ("Although there is no cure for lupus, treatments are available to ease flares.", False),
        ("Although there is no cure for lupus, our turmeric can ease flares.", True),
        ("Stress and poor sleep are factors that may trigger a migraine.", False),
        ("If left untreated, high blood sugar can damage the kidneys.", False),
        ("Women are three times more likely to develop lupus than men.", False),
        ("Smokers with angina (chest pain) have twice the risk of a heart attack.", False),
        ("Our hawthorn extract eases angina (chest pain).", True),
        ("Zinc is not, however, a substitute for antibiotics in treating pneumonia.", False),
        ("Zinc is a substitute for antibiotics in treating pneumonia.", True),
        # ... and the claim word "attack" read as a verb used to stand in for, and one the sample missed.
        ("Bromelain is helpful at the onset of a gout flare.", True),
        ("Our elderberry syrup shortens the duration of colds.", True),
        # ... and a lower risk of a disease said of those who take the product, which the verb "attack" stood in for.
        ("People who took our CoQ10 were three times less likely to have a heart attack.", True),
        ("Women are less likely than men to have gout.", False),
    ],
)
def test_sixteenth_sample_shapes_on_pages(text, claim):
    assert post(text) == ([3] if claim else [])


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        # The oxidation of blood lipids is an antioxidant's effect, not the cholesterol level a sign speaks of.
        ("- Reduces oxidation of LDL cholesterol", False),
        ("Olive polyphenols help protect LDL cholesterol from oxidation.", False),
        ("Our extract lowers the peroxidation of blood lipids.", False),
        # ... while the level itself, lowered beside it, is the sign it always was.
        ("Our fish oil lowers LDL cholesterol and reduces oxidation of LDL.", True),
        ("Our fish oil reduces LDL cholesterol.", True),
    ],
)
def test_lipid_oxidation_is_not_a_cholesterol_level(text, claim):
    assert post(text) == ([3] if claim else [])


@pytest.mark.parametrize(
    "text, claim",
    [
        # The eighteenth sample's classes (claims18, constructed variants, read after it was scored once): a product
        # said to inactivate, flush out, expel or "adversely affect" disease agents, in the active and the passive,
        # and "<agent>-fighting"; near-misses: gut bacteria in the ordinary sense, agents inactivated by cooking or
        # killed by antibiotics, a disease's agent that kills people (a statistic).
        ("Our olive leaf extract inactivates viruses on contact.", True),
        ("The viruses inactivated by monolaurin include herpes simplex.", True),
        ("This black walnut tincture flushes out parasites.", True),
        ("Wormwood capsules expel intestinal worms.", True),
        ("Lauricidin adversely affects bacteria, yeast and viruses.", True),
        ("Our germ-fighting formula is here for flu season.", True),
        ("I recommend viral fighting essential oils every day.", True),
        ("Our probiotic supports a healthy balance of gut bacteria.", False),
        ("Probiotics populate the gut with good organisms that keep the bad ones in check.", False),
        ("Most viruses are inactivated by cooking food thoroughly.", False),
        ("Bacteria killed by antibiotics can come back resistant.", False),
        ("The flu virus kills about one million people a year around the world.", False),
        ("Our silver spray kills the flu virus.", True),
        # Drugs, surgery and a dentist's or doctor's care as what clears a disease (a fact about medicine), beside
        # the same shape with a product, which stays a claim.
        ("H. pylori can be eradicated using antibiotics and acid suppressants.", False),
        ("H. pylori can be eradicated using our mastic gum.", True),
        ("Gingivitis is reversible with professional dental cleaning.", False),
        ("Gingivitis is reversible with our herbal mouth rinse.", True),
        ("Periodontitis requires professional dental treatment to halt its progression.", False),
        ("Your doctor may prescribe a course of ursodiol to dissolve gallstones.", False),
        ("Metformin lowers blood sugar in type 2 diabetes.", False),
        ("Cinnamon and metformin both lower blood sugar in type 2 diabetes.", True),
        ("Berberine lowers blood sugar in type 2 diabetes.", True),
    ],
)
def test_eighteenth_sample_shapes_on_pages(text, claim):
    assert post(text) == ([3] if claim else [])


@pytest.mark.parametrize(
    "body, lines",
    [
        # A sentence that points back at the disease of the sentence before is judged as it would be if it named it
        # (claims18, constructed): what doctors do with drugs, and a doctor's care with no product, are no claim of
        # the product's; a product that acts on "this condition" or "the disease" still is.
        ("Eczema is common in children. Doctors treat this condition with steroid creams.", []),
        ("Eczema is common in children. Your doctor may prescribe medication for it.", []),
        ("Eczema is common in children. Our oat balm soothes this condition.", [3]),
        ("Gout is painful. Our tart cherry capsules relieve the disease.", [3]),
        ("Gout is painful. Our tart cherry capsules relieve it better than medication.", [3]),
    ],
)
def test_a_pointer_back_is_read_as_the_sentence_it_stands_for(body, lines):
    assert post(body) == lines


@pytest.mark.parametrize(
    "text, claim",
    [
        # The subject of the claim word (claims18, constructed): a drug, by name or by class, opening the clause; a
        # study's or a doctor's patients on a drug; what a course of treatment includes. Each beside the same shape
        # said of a product, which stays a claim.
        ("Proton pump inhibitors heal stomach ulcers.", False),
        ("The flu shot prevents the flu in most people.", False),
        ("Over-the-counter antacids relieve ulcer pain quickly.", False),
        ("Antiviral drugs such as Tamiflu shorten the flu.", False),
        ("Blood thinners prevent strokes in people with atrial fibrillation.", False),
        ("Like antibiotics, our colloidal silver kills the bacteria behind strep throat.", True),
        ("Our natural antibiotic kills the bacteria behind sinus infections.", True),
        ("Herbal antibiotics like oregano cure infections.", True),
        ("In trials, patients with gout who took colchicine had fewer flares.", False),
        ("In trials, patients with gout who took tart cherry had fewer flares.", True),
        ("A study found patients with eczema improved on steroid creams.", False),
        ("Patients with eczema improved on our oat balm.", True),
        ("Your treatment for hypothyroidism will likely include levothyroxine.", False),
        ("Your treatment for arthritis should include our turmeric.", True),
    ],
)
def test_a_drug_or_its_patients_as_the_subject_on_pages(text, claim):
    assert post(text) == ([3] if claim else [])


@pytest.mark.parametrize(
    "body, lines",
    [
        # What points back at the disease of the sentence before (claims18, constructed): a demonstrative with a
        # word between, the disease's agent, its episodes, the people who have it, the product named with two
        # words before its form; beside the same words in a sentence with no claim of the product's.
        ("Gout is painful. Tart cherry relieves this painful condition.", [3]),
        ("Candida overgrowth is common. Our caprylic acid kills the yeast.", [3]),
        ("Gout is painful. Tart cherry relieves flare-ups.", [3]),
        ("Gout is painful. Tart cherry can help sufferers.", [3]),
        ("Gout is painful. Our tart cherry capsules can help.", [3]),
        ("Gout is painful. People with this painful condition should avoid purines.", []),
        ("Gout is painful. Flare-ups often start at night.", []),
        ("Gout is painful. Doctors can help sufferers.", []),
        ("Candida overgrowth is common. Antifungal drugs kill the yeast.", []),
        ("Candida overgrowth is common. Sugar feeds the yeast.", []),
    ],
)
def test_what_points_back_at_the_disease_before(body, lines):
    assert post(body) == lines


@pytest.mark.parametrize(
    "text, claim",
    [
        # The nineteenth sample's classes (claims18, constructed, read after it was scored once): "no side effects"
        # beside an effect does not negate it; a product that breaks down germs; infectious conditions as a class;
        # a direction opened by the disease it is for; what helps a germ grow is a trigger. Near-misses beside each.
        ("Our extract has no side effects, making it an excellent alternative to antibiotics.", True),
        ("It has no side effects and is not a treatment for arthritis.", False),
        ("It breaks down the outer membranes of bacteria and fungi.", True),
        ("Gut bacteria break down fiber into short-chain fatty acids.", False),
        ("Used to help alleviate infectious and inflammatory conditions of the gut.", True),
        ("Infectious and inflammatory conditions need a doctor's care.", False),
        ("For acute infections, take 500 mg of honokiol twice daily.", True),
        ("For best results, take with food.", False),
        ("For adults, take two capsules daily with water.", False),
        ("Stress can help the virus grow and cause blisters.", False),
        ("Our lysine stops the virus from spreading.", True),
    ],
)
def test_nineteenth_sample_shapes_on_pages(text, claim):
    assert post(text) == ([3] if claim else [])


@pytest.mark.parametrize(
    "text, claim",
    [
        # The reader's own treatment and the body's own defence (claims18, constructed): a caution, a fact, or
        # background, each beside a product said to do the same, which stays a claim. An opening condition on the
        # reader ("If you take blood thinners,") says whom a claim is for; it does not take the claim back.
        ("If you are being treated for cancer, talk to your oncologist before taking turmeric.", False),
        ("While you are on treatment for hepatitis C, avoid milk thistle unless your doctor approves.", False),
        ("If you are being treated for cancer, our turmeric can ease the side effects of chemo.", True),
        ("If you take blood thinners, our fish oil prevents heart attacks.", True),
        ("If you take blood thinners, ask your doctor before taking our fish oil for your heart disease.", False),
        ("If you take insulin, your doctor may lower the dose to prevent hypoglycemia.", False),
        ("My doctor put me on antibiotics for the infection, and I took probiotics alongside.", False),
        ("I was treated for Lyme disease with doxycycline for three weeks.", False),
        ("I was treated for Lyme disease with our colloidal silver.", True),
        ("Your cardiologist may treat atrial fibrillation with blood thinners.", False),
        ("Hospitals treat sepsis with IV antibiotics.", False),
        ("The vaccine protects against shingles.", False),
        ("Our elderberry protects against the flu.", True),
        ("Your immune system fights off most colds within a week.", False),
        ("Your immune system fights off colds faster with our zinc lozenges.", True),
        ("Most cases of the flu resolve without treatment.", False),
        ("Our drops clear up ear infections without antibiotics.", True),
    ],
)
def test_the_readers_treatment_and_the_bodys_defence_on_pages(text, claim):
    assert post(text) == ([3] if claim else [])


@pytest.mark.parametrize(
    "text, claim",
    [
        # Disease agents by their names (claims18, constructed), beside a claim word and without one; a vaccine as
        # the subject of public health advice, beside a product called a shot.
        ("Berberine is active against Staphylococcus aureus.", True),
        ("Monolaurin inactivates cytomegalovirus.", True),
        ("Our herbs help fight SIBO.", True),
        ("Oregano oil kills Giardia.", True),
        ("Staphylococcus epidermidis lives on healthy skin.", False),
        ("Listeria is a risk in soft cheeses during pregnancy.", False),
        ("The CMV test was negative.", False),
        ("Flu shots are recommended for adults over 65.", False),
        ("HPV vaccines are recommended for teens.", False),
        ("Our immune booster shots prevent colds.", True),
        ("Homeopathic flu vaccines prevent the flu naturally.", True),
    ],
)
def test_disease_agents_by_name_and_vaccines_on_pages(text, claim):
    assert post(text) == ([3] if claim else [])


@pytest.mark.parametrize(
    "text, claim",
    [
        # What a drug class is used for (claims18, constructed from a real-sentence check), beside a supplement said
        # to be used the same way, which stays a claim.
        ("Proton pump inhibitors are used for treating stomach ulcers.", False),
        ("PPIs are also used in combination with antibiotics when treating H. pylori infection.", False),
        ("H2 blockers are prescribed for duodenal ulcers.", False),
        ("Licorice extract is used for treating stomach ulcers.", True),
    ],
)
def test_what_a_drug_class_is_used_for_on_pages(text, claim):
    assert post(text) == ([3] if claim else [])


@pytest.mark.parametrize(
    "text, claim",
    [
        # The twentieth sample's classes (claims20, constructed variants, written after it was scored once): a disease
        # someone is freed of, one battled after a word that makes it the product's use, research on effectiveness
        # against one, one resisted, a drug habit kicked, an outbreak ended, a guarantee against a disease, a remover of
        # one, and the names the list lacked (genital warts, alcohol intoxication); and the near-misses that stay
        # lawful: "free from" an allergen beside a disease, the people who battle one, research found inconclusive,
        # insulin resistance, a sugar habit, the pandemic as a time, a guarantee against defects, a makeup remover.
        ("This tea has freed thousands of people from arthritis pain.", True),
        ("Turmeric battles inflammation and arthritis pain.", True),
        ("Our zinc helps you battle colds.", True),
        ("Lab tests confirm its effectiveness against the common cold.", True),
        ("Garlic capsules help you resist colds and flu.", True),
        ("Kick your painkiller habit with our kratom blend.", True),
        ("Our immune blend will help end the pandemic.", True),
        ("Every bottle of our elderberry comes with a guarantee against the flu.", True),
        ("Our natural genital wart remover works in days.", True),
        ("This capsule speeds recovery from alcohol intoxication.", True),
        ("This product is free from gluten and safe for people with celiac disease.", False),
        ("Researchers are battling to understand Alzheimer's disease.", False),
        ("A man who battles depression may feel tired.", False),
        ("Studies of its effectiveness against cancer were inconclusive.", False),
        ("Insulin resistance is common in people with PCOS.", False),
        ("Kick the sugar habit with these tips.", False),
        ("Since the pandemic, interest in immune supplements has grown.", False),
        ("We offer a money-back guarantee against defects in every bottle of our vitamins.", False),
        ("Use a makeup remover before applying our vitamin C serum.", False),
    ],
)
def test_twentieth_sample_shapes_on_pages(text, claim):
    assert post(text) == ([3] if claim else [])


@pytest.mark.parametrize(
    "claim",
    ["Kicks the opiate habit for good", "Genital Wart Relief Drops", "Resists the flu all winter"],
)
def test_twentieth_sample_shapes_on_labels(claim):
    assert label_count([claim]) == 1


@pytest.mark.parametrize(
    "text, claim",
    [
        # The brief's classes checked after batch 20 (claims20, constructed): a treatment, remedy or cure offered for
        # joint pain or swollen joints (the signs of joint disease, which the list leaves out on their own), plaque
        # cleared from the arteries, and a testimonial that the writer's disease is gone; the near-misses: joint comfort,
        # exercise soreness, dental plaque, a headache or doubts gone.
        ("The ultimate treatment for joint pain and swelling.", True),
        ("Boswellia is a natural remedy for stiff, aching joints.", True),
        ("Our garlic formula clears plaque from your arteries.", True),
        ("Thanks to these capsules my eczema is finally gone! #grateful", True),
        ("A natural cure for headaches.", True),
        ("The best natural treatment for a runny nose and sneezing.", True),
        ("A natural remedy for swollen ankles.", True),
        ("Supports joint comfort and flexibility.", False),
        ("For relief of occasional muscle soreness after exercise.", False),
        ("Most headaches go away on their own within a few hours.", False),
        ("Your dentist removes plaque from your teeth at each cleaning.", False),
        ("My headache is gone after a glass of water.", False),
        ("My doubts are gone: I love this magnesium.", False),
    ],
)
def test_signs_without_a_disease_and_testimonials_on_pages(text, claim):
    assert post(text) == ([3] if claim else [])


@pytest.mark.parametrize(
    "text, claim",
    [
        # Disease words the list lacked, found on the dev split and the earlier holdouts after batch 20 (claims20,
        # constructed): plantar fasciitis and carbuncles by their lay names, ulcerative colitis as "UC" where it can
        # only be the disease, the habit of a drug and cravings for one, and an "ex-diabetic"; the near-misses: the
        # University of California, a craving for chocolate, an ex-smoker's risk.
        ("Try these natural cures for plantar fasciitis.", True),
        ("Our tea tree salve helps heal carbuncles fast.", True),
        ("Our curcumin helps people with UC stay in remission.", True),
        ("She studied nutrition at UC Davis before joining our team.", False),
        ("This strain removes the habit of other opiates too.", True),
        ("Kratom reduces cravings for heroin.", True),
        ("Cravings for chocolate are common before a period.", False),
        ("Now I'm an ex-diabetic thanks to this bitter melon tea.", True),
        ("An ex-smoker still has a higher risk of lung cancer than someone who never smoked.", False),
    ],
)
def test_disease_words_the_list_lacked_on_pages(text, claim):
    assert post(text) == ([3] if claim else [])


@pytest.mark.parametrize(
    "text, claim",
    [
        # The twenty-first sample's classes (claims20, constructed, after it was scored once): a vaccine as the therapy
        # the product beats, BPH as "prostatic enlargement"; the near-misses: a vaccine compared with a vaccine, a
        # negative subject.
        ("Our elderberry works better than a flu shot.", True),
        ("This colostrum is stronger than any flu vaccine.", True),
        ("Saw palmetto relieves prostatic enlargement.", True),
        ("The flu vaccine is more effective than last year's.", False),
        ("No supplement is more effective than the flu vaccine for preventing flu.", False),
        # ... and people at risk of a disease told they will benefit from the product, which the caution for who is at
        # risk used to cover; what they may benefit from besides a product stays a caution.
        ("Anyone at risk of heart disease will benefit from our formula.", True),
        ("People at risk of heart disease may benefit from talking to their doctor about statins.", False),
        ("Those at high risk of diabetes can benefit from regular screening.", False),
        ("If you are at risk of kidney stones, ask your doctor before taking calcium.", False),
    ],
)
def test_twenty_first_sample_shapes_on_pages(text, claim):
    assert post(text) == ([3] if claim else [])


@pytest.mark.parametrize(
    "text, claim",
    [
        # A label's warning to stop using the product if a condition is present, quoted on a page (claims20,
        # constructed after probing label cautions), is whom the product is not for; stopping a disease or a drug
        # stays a claim.
        ("Stop use if you have kidney disease.", False),
        ("Discontinue use if you have liver disease.", False),
        ("Stop using this product if you develop a rash or have asthma.", False),
        ("Stop use immediately if you have a seizure disorder.", False),
        ("Stop diabetes in its tracks with our bitter melon.", True),
        ("Stop taking your insulin when you start our cinnamon formula.", True),
    ],
)
def test_a_warning_to_stop_use_is_no_claim(text, claim):
    assert post(text) == ([3] if claim else [])


@pytest.mark.parametrize(
    "text, claim",
    [
        # Signs and adverse events the lists lacked (claims20, constructed probes of the brief's classes): swollen lymph
        # nodes, tingling in the feet, blood in the urine, elevated liver enzymes and PSA, bleeding or receding gums,
        # eye pressure, the fatigue of radiation therapy, food poisoning; each needs a claim word beside it, as a
        # disease does, so the near-misses that name one without an effect stay lawful.
        ("Reduces swollen lymph nodes.", True),
        ("Relieves burning and tingling in the feet.", True),
        ("Our formula lowers elevated liver enzymes.", True),
        ("Lowers elevated PSA levels.", True),
        ("Heals bleeding gums.", True),
        ("Reverses gum recession.", True),
        ("Reduces eye pressure.", True),
        ("Eases the fatigue of radiation therapy.", True),
        ("Stops diarrhea from food poisoning.", True),
        ("My dentist noticed bleeding gums.", False),
        ("Swollen lymph nodes can occur with a cold.", False),
        ("An eye exam measures your eye pressure.", False),
        ("If you notice blood in the urine, see a doctor right away.", False),
        ("Supports healthy gums and fresh breath.", False),
    ],
)
def test_signs_the_lists_lacked_need_a_claim_word(text, claim):
    assert post(text) == ([3] if claim else [])


@pytest.mark.parametrize(
    "text, claim",
    [
        # Social-media and review shapes FDA cites (claims20, constructed): a marker normal "without meds", the writer
        # stopping their own drug, a call to tag someone who needs the product for a disease; the near-misses: a
        # caution not to stop your medication, a tag for a vitamin, a road trip.
        ('⭐⭐⭐⭐⭐ "My blood pressure is finally normal without meds!" - Karen', True),
        ('"I was able to stop my metformin after 3 months" - verified buyer', True),
        ("Since starting this tea I got off my blood pressure pills.", True),
        ("Tag someone who needs this for their arthritis 🙏", True),
        ("Do not stop taking your medication without talking to your doctor.", False),
        ("Never stop your blood pressure medication on your own.", False),
        ("Tag a friend who loves vitamin C! #immunesupport", False),
        ("You need this for your next road trip!", False),
    ],
)
def test_testimonials_and_social_posts_on_pages(text, claim):
    assert post(text) == ([3] if claim else [])


@pytest.mark.parametrize(
    "text, claim",
    [
        # The body's response and a therapy's adverse events (claims20, constructed probes): an immune cell's activity
        # against a disease, the joint pain and night sweats of hormone therapy for cancer; the near-miss: a side
        # effect named in a caution.
        ("Enhances natural killer cell activity against viral infections.", True),
        ("Relieves the joint pain of aromatase inhibitors.", True),
        ("Reduces the severity of night sweats caused by tamoxifen.", True),
        ("Hot flashes are common in women taking tamoxifen; talk to your oncologist.", False),
    ],
)
def test_the_body_response_and_hormone_therapy_adverse_events_on_pages(text, claim):
    assert post(text) == ([3] if claim else [])


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        # A disease entry that holds its own claim word ("dissolves ... stones") is acted on by it, with or without
        # a subject; stones passing on their own, and a tablet dissolving, are not.
        ("Dissolves kidney stones painlessly.", True),
        ("It dissolves kidney stones within weeks.", True),
        ("Most kidney stones pass on their own.", False),
        ("The tablet dissolves quickly in water.", False),
        # A farewell to a disease, with or without "say"; to a season or a place, none.
        ("Bye-bye eczema!", True),
        ("Goodbye to gout pain.", True),
        ("Goodbye, summer!", False),
        ("We said goodbye to our old office in 2020.", False),
    ],
)
def test_own_verb_terms_and_farewells_on_pages(text, claim):
    assert post(text) == ([3] if claim else [])


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        # The twenty-second sample's classes (claims22, constructed variants, after it was scored once). Leukorrhoea in
        # its spellings, and an abnormal discharge, managed by a product; a discharge not called abnormal, or one named
        # in a caution, is none.
        ("Supports leukorrhea care.", True),
        ("Herbal tea for leucorrhoea and itching.", True),
        ("Helps manage unusual vaginal discharge.", True),
        ("A normal discharge changes through the cycle.", False),
        ("See your doctor if you notice an abnormal discharge.", False),
        # An oil named as a product by its kind, for a disease; a food or ingredient oil, none.
        ("Medicated oil for sciatica and arthritis.", True),
        ("Olive oil for arthritis?", False),
        # A benefit bullet glossed by what it works against; a parenthesis after medicines names the reader's drugs.
        ("Joint comfort (anti-arthritis).", True),
        ("Mood regulation (antidepressant).", True),
        ("Some medicines (antidepressants) interact with it.", False),
        ("Skin care (anti-ageing).", False),
    ],
)
def test_leukorrhoea_product_oils_and_glossed_bullets_on_pages(text, claim):
    assert post(text) == ([3] if claim else [])


def test_leukorrhoea_on_labels():
    assert label_count(["Supports leucorrhoea & discharge care"]) == 1
    assert label_count(["Supports vaginal comfort"]) == 0


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        # The twenty-third sample's classes (claims22, constructed variants, after it was scored once): syrups and the
        # Ayurvedic product kinds named as what to take for a disease; a food syrup and the other "ark", none.
        ("Herbal syrup for asthma and bronchitis.", True),
        ("Churna for piles and constipation.", True),
        ("Ayurvedic ark for fever.", True),
        ("Maple syrup for pancakes.", False),
        ("Noah's ark for the flood story.", False),
        # Paralysis as a disease name; a fact about what causes it is a mention.
        ("Herbal capsules for paralysis.", True),
        ("Stroke can cause paralysis.", False),
    ],
)
def test_syrups_ayurvedic_kinds_and_paralysis_on_pages(text, claim):
    assert post(text) == ([3] if claim else [])


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        # A product's users said to have less of a disease: the testimonial told as a figure.
        ("87% of users saw fewer migraines.", True),
        ("Users saw fewer ads after the update.", False),  # no disease
        ("In the trial, participants reported fewer migraines.", False),  # a study's participants, not users
        ("Customers reported fewer delivery delays in winter.", False),
    ],
)
def test_users_with_fewer_of_a_disease_on_pages(text, claim):
    assert post(text) == ([3] if claim else [])
