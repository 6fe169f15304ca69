"""Page mode end to end: the issue's affiliate-post scenario, labels named or embedded by pages, suppression in
HTML comments, fixes inside embedded labels, and the repository boundary for label references."""

from __future__ import annotations

import json
import shutil

import pytest

import supplint
from conftest import EXAMPLES, run_in_process

GOOD = (EXAMPLES / "pages" / "best-vitamin-d3-k2.md").read_text(encoding="utf-8")
DISCLOSURE = (
    "*This post contains affiliate links: if you buy through them we may earn a commission, at no extra "
    "cost to you.*\n\n"
)


@pytest.fixture
def site(tmp_path):
    """A small site: a posts/ folder beside a labels/ folder, inside a git repository."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "labels").mkdir()
    (tmp_path / "posts").mkdir()
    shutil.copy(EXAMPLES / "d3-k2-softgel.yaml", tmp_path / "labels" / "d3-k2.yaml")
    shutil.copy(EXAMPLES / "d3-5000-softgel.yaml", tmp_path / "labels" / "d3-5000.yaml")
    return tmp_path


def post(site, text: str, name: str = "post.md"):
    path = site / "posts" / name
    path.write_text(text.replace("../d3-k2-softgel.yaml", "../labels/d3-k2.yaml"), encoding="utf-8")
    return path


def found(path) -> list[tuple[str, int]]:
    return sorted((f.code, f.line) for f in supplint.check_file(path))


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_a_disclosed_post_with_a_consult_note_and_a_d3_k2_label_passes(site):
    assert found(post(site, GOOD)) == []


def test_without_the_disclosure_it_gets_sup401_at_the_affiliate_link(site):
    text = GOOD.replace(DISCLOSURE, "")
    assert found(post(site, text)) == [("SUP401", line_of(text, "[Example Naturals"))]


def test_with_the_disclosure_below_the_first_link_it_gets_sup402_at_the_disclosure(site):
    text = GOOD.replace(DISCLOSURE, "") + "\n" + DISCLOSURE
    assert found(post(site, text)) == [("SUP402", line_of(text, "*This post contains"))]


def test_naming_a_5000_iu_d3_only_label_puts_its_findings_on_the_page(site):
    text = GOOD.replace("../d3-k2-softgel.yaml", "../labels/d3-5000.yaml")
    path = post(site, text)
    findings = supplint.check_file(path)
    assert sorted((f.code, f.line) for f in findings) == [("SUP101", 4), ("SUP201", 4), ("SUP202", 4)]
    assert all(f.file == str(path) and f.message.startswith("../labels/d3-5000.yaml:13: ") for f in findings)


def test_without_the_consult_note_it_gets_sup403_at_the_label(site):
    text = GOOD.replace(
        "Talk to your healthcare provider before starting a supplement, especially if you take", "If you take"
    )
    assert found(post(site, text)) == [("SUP403", 4)]


@pytest.mark.parametrize(
    ("reference", "why"),
    [
        ("../labels/none.yaml", "does not exist"),
        ("../labels", "is a directory"),
        ("../../outside.yaml", "outside the repository"),
        ("/etc/passwd", "absolute path"),
    ],
)
def test_broken_references_are_sup405_and_never_read_outside(site, reference, why):
    (site.parent / "outside.yaml").write_text("product: x\nfacts: []\n")
    path = post(site, f"---\nsupplements: [{reference}]\n---\n# Post\n\nTalk to your doctor first.\n")
    (finding,) = supplint.check_file(path)
    assert (finding.code, finding.line) == ("SUP405", 2) and why in finding.message


def test_an_embedded_label_is_checked_at_page_lines_and_fixed_in_place(site):
    text = (
        "# Post\n\nTalk to your doctor first.\n\n```supplement\nproduct: Example B12 Supplement\nfacts:\n"
        "  - {name: Vitamin B12, amount: 5 ug, dv: 208%}\nwarnings: Ask your doctor before use.\n```\n"
    )
    path = post(site, text)
    assert found(path) == [("SUP208", 8)]
    (finding,) = supplint.check_file(path)
    assert text.splitlines()[7][finding.column - 1 :].startswith("5 ug")
    result = run_in_process("check", "--fix", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert path.read_text() == text.replace("5 ug", "5 mcg")


def test_an_html_page_with_a_script_label_and_a_sponsored_link(site):
    html = (EXAMPLES / "pages" / "roundup.html").read_text().replace("100 mcg", "100 ug")
    path = post(site, html, "roundup.html")
    (finding,) = supplint.check_file(path)
    assert finding.code == "SUP208"
    assert html.splitlines()[finding.line - 1][finding.column - 1 :].startswith("100 ug")
    no_disclosure = post(
        site,
        html.replace("We earn a commission on purchases made through links on this page.", ""),
        "nodisclosure.html",
    )
    assert ("SUP401", line_of(html, 'rel="sponsored')) in found(no_disclosure)


def test_html_comment_suppression_and_unused_ones(site):
    text = GOOD.replace(DISCLOSURE, "<!-- supplint: disable=SUP401 -->\n")
    path = post(site, text)
    # the comment is not above the link it meant: it suppresses nothing, and the link is still undisclosed
    assert found(path) == [("SUP009", line_of(text, "<!--")), ("SUP401", line_of(text, "[Example Naturals"))]
    text = GOOD.replace(DISCLOSURE, "<!-- supplint: disable-file=missing-affiliate-disclosure -->\n\n")
    assert found(post(site, text)) == []
    text = GOOD.replace("[Example Naturals", "<!-- supplint: disable=SUP401 -->\n[Example Naturals").replace(
        DISCLOSURE, ""
    )
    assert found(post(site, text)) == []


def test_stdin_page_uses_the_filename_for_its_kind():
    result = run_in_process(
        "check",
        "--output-format",
        "json",
        "--stdin-filename",
        "post.md",
        "-",
        stdin="# Post\n\n[D3](https://amzn.to/abc)\n",
    )
    assert [(f["code"], f["line"]) for f in json.loads(result.stdout)] == [("SUP401", 3)]


def test_jobs_give_the_same_output_as_one_process(tmp_path):
    for index in range(40):
        shutil.copy(EXAMPLES / "d3-5000-softgel.yaml", tmp_path / f"label-{index:02}.yaml")
        shutil.copy(EXAMPLES / "pages" / "no-disclosure.md", tmp_path / f"page-{index:02}.md")
    serial = run_in_process("check", "--output-format", "json", "--jobs", "1", str(tmp_path))
    parallel = run_in_process("check", "--output-format", "json", "--jobs", "2", str(tmp_path))
    assert serial.returncode == parallel.returncode == 1
    assert serial.stdout == parallel.stdout and len(json.loads(serial.stdout)) == 160


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("This supplement prevents osteoporosis.", True),
        ("It cured my arthritis in a month.", True),  # past tense
        ("It lowers your blood pressure.", True),  # an implied claim carries its own verb
        ("A natural alternative to statins.", True),
        ("It is a natural antiviral.", True),
        ("It can lower blood pressure in hypertension.", True),
        ("A lower dose is safer for people with kidney disease.", False),  # "lower" as an adjective
        ("Vitamin D deficiency is common in winter.", False),
        ("Suitable for people with celiac disease.", False),
        ("Stock up before cold and flu season.", False),
        ("This product is not intended to diagnose, treat, cure, or prevent any disease.", False),
        ("Vitamin D and K2 support healthy bones.", False),
    ],
)
def test_page_disease_claims(sentence, claim):
    codes = [f.code for f in supplint.check_text(f"# Post\n\n{sentence}\n", "post.md")]
    assert codes == (["SUP404"] if claim else [])


def test_iherb_referral_code_is_an_affiliate_link():
    assert [
        f.code for f in supplint.check_text("# P\n\n[B12](https://www.iherb.com/pr/x/1?rcode=ABC123)\n", "p.md")
    ] == ["SUP401"]
