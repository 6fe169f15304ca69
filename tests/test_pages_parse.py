"""The two page parsers: what they read out of realistic affiliate posts, and where it sits on the page."""

from __future__ import annotations

import json
import re
import textwrap

import pytest

from conftest import EXAMPLES, ROOT, run_in_process
from supplint.findings import Span
from supplint.label.loader import load
from supplint.pages import Page, Prose
from supplint.pages.context import span_at
from supplint.pages.html import parse_html
from supplint.pages.markdown import _markdown, parse_markdown


def page_text(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def find(source: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """1-based (line, column) of the nth occurrence of ``needle`` in ``source``."""
    at = -1
    for _ in range(nth + 1):
        at = source.index(needle, at + 1)
    line = source.count("\n", 0, at) + 1
    return line, at - (source.rfind("\n", 0, at) + 1) + 1


def where_in_prose(page: Page, word: str) -> tuple[int, int]:
    """Page line of ``word`` through the Prose contract (run line + line breaks before it), and the run's order."""
    for run in page.prose:
        at = run.text.find(word)
        if at >= 0:
            return run.line + run.text.count("\n", 0, at), run.order
    raise AssertionError(f"{word!r} is not in the prose")


def all_prose(page: Page) -> str:
    return "\n".join(run.text for run in page.prose)


def label_position(label, source_line: int, source_column: int) -> tuple[int, int]:
    """Page position of a label position, by the Embedded contract."""
    return label.line + source_line - 1, label.column + source_column - 1


def ordered(page: Page) -> list[tuple[int, str]]:
    items = [(run.order, "prose:" + run.text.split()[0]) for run in page.prose]
    items += [(link.order, "link:" + link.url) for link in page.links]
    items += [(label.order, "label") for label in page.labels]
    return sorted(items)


# --- Markdown ----------------------------------------------------------------------------------------------------

POST = page_text("""
    ---
    title: "Best Vitamin D3 Supplements of 2025"
    description: Our picks, tested.
    supplements:
      - labels/d3-5000.yaml
      - "labels/k2-mk7.yaml"
    ---
    # The 5 Best Vitamin D3 Supplements

    *Disclosure:* As an Amazon Associate we earn from qualifying purchases.
    We may earn a commission when you buy through
    links on this page.

    Our top pick is [Sunny D3 5000 IU](https://www.amazon.com/dp/B00X?tag=supplint-20&linkCode=ll1) and
    the runner-up is <a href="https://amzn.to/3xYz" rel="Sponsored NoFollow">NatureWell D3</a>.

    <!-- supplint: disable=SUP401 -->
    Vitamin D supports normal bone health.

    ```supplement
    name: Sunny D3 5000 IU
    serving: 1 softgel
    rows:
      - name: Vitamin D3
        amount: 125 mcg
    ```
    """)


@pytest.fixture(scope="module")
def post() -> Page:
    return parse_markdown(POST)


def test_markdown_front_matter_references(post):
    assert post.kind == "markdown"
    assert post.problems == []
    assert [ref.path for ref in post.references] == ["labels/d3-5000.yaml", "labels/k2-mk7.yaml"]
    first, second = post.references
    assert (first.line, first.column, first.end_column) == (5, 5, 5 + len("labels/d3-5000.yaml"))
    assert (second.line, second.column) == (6, 5)  # the quoted scalar's span starts at its quote
    assert post.front_matter_line == 4


def test_markdown_front_matter_title_and_description_are_prose(post):
    title, description = post.prose[:2]
    assert title.text == "Best Vitamin D3 Supplements of 2025"
    assert (title.line, title.column, title.order) == (2, *find(POST, "Best Vitamin")[1:], 0)
    assert description.text == "Our picks, tested."
    assert (description.line, description.column, description.order) == (*find(POST, "Our picks"), 1)


def test_markdown_front_matter_is_not_body_prose(post):
    text = all_prose(post)
    assert "supplements" not in text and "labels/" not in text


def test_markdown_heading_and_disclosure_paragraph(post):
    heading = post.prose[2]
    assert heading.text == "The 5 Best Vitamin D3 Supplements"
    assert (heading.line, heading.column) == find(POST, "The 5 Best")
    disclosure = post.prose[3]
    assert disclosure.text.startswith("Disclosure: As an Amazon Associate")  # emphasis markers are not text
    assert (disclosure.line, disclosure.column) == find(POST, "Disclosure:")  # its first character, past the `*`


def test_markdown_soft_breaks_keep_page_lines(post):
    assert where_in_prose(post, "commission")[0] == find(POST, "commission")[0]
    assert where_in_prose(post, "links on this page")[0] == find(POST, "links on this page")[0] == 12


def test_markdown_link_with_affiliate_tag(post):
    link = next(link for link in post.links if "amazon.com" in link.url)
    assert link.url == "https://www.amazon.com/dp/B00X?tag=supplint-20&linkCode=ll1"
    assert link.rel == frozenset()
    assert link.text == "Sunny D3 5000 IU"
    assert (link.line, link.column) == find(POST, "[Sunny D3")
    run = next(run for run in post.prose if run.order == link.order)
    assert run.text[link.offset : link.offset + len(link.text)] == link.text
    assert "amazon.com" not in run.text and "tag=" not in run.text


def test_markdown_raw_html_anchor_in_paragraph(post):
    link = next(link for link in post.links if "amzn.to" in link.url)
    assert link.rel == {"sponsored", "nofollow"}
    assert link.text == "NatureWell D3"
    assert (link.line, link.column) == find(POST, '<a href="https://amzn.to')
    run = next(run for run in post.prose if run.order == link.order)
    assert run.text[link.offset : link.offset + len(link.text)] == "NatureWell D3"
    assert run.line + run.text.count("\n", 0, link.offset) == link.line
    assert "<a" not in run.text and "rel=" not in run.text


def test_markdown_comment_own_line(post):
    (comment,) = post.comments
    assert comment.text.strip() == "supplint: disable=SUP401"
    assert (comment.line, comment.column, comment.end_line) == (*find(POST, "<!--"), find(POST, "<!--")[0])
    assert comment.own_line


def test_markdown_supplement_fence_maps_back_exactly(post):
    (label,) = post.labels
    assert label.line == find(POST, "name: Sunny")[0] and label.column == 1
    assert label.text.startswith("name: Sunny D3 5000 IU\n")
    doc = load(label.text)
    span = doc.value_span(("rows", 0, "amount"))
    assert label_position(label, span.line, span.column) == find(POST, "125 mcg")


def test_markdown_document_order(post):
    assert ordered(post) == [
        (0, "prose:Best"),
        (1, "prose:Our"),
        (2, "prose:The"),
        (3, "prose:Disclosure:"),
        (4, "link:https://amzn.to/3xYz"),
        (4, "link:https://www.amazon.com/dp/B00X?tag=supplint-20&linkCode=ll1"),
        (4, "prose:Our"),
        (5, "prose:Vitamin"),
        (6, "label"),
    ]
    orders = [run.order for run in post.prose]
    assert orders == sorted(orders) and len(set(orders)) == len(orders)


def test_markdown_code_is_not_prose():
    source = page_text("""
        Take `cures_everything()` daily and ``more `code` here`` too.

            indented code cures cancer

        ```python
        print("treats diabetes")
        ```

        ~~~
        prevents flu
        ~~~

        <script>var claim = "cures";</script>
        <style>.cure { color: red }</style>

        After the code.
        """)
    page = parse_markdown(source)
    text = all_prose(page)
    for word in ("cures", "cancer", "treats", "prevents", "claim", "color", "code`"):
        assert word not in text
    first = page.prose[0].text
    assert first.split() == ["Take", "daily", "and", "too."]  # a space stands in for each span: no "Takedaily"
    assert page.labels == []
    assert where_in_prose(page, "After")[0] == find(source, "After")[0]


def test_markdown_code_span_over_a_line_break_keeps_lines():
    source = "Take `a\nb` daily\nand cure nothing.\n"
    page = parse_markdown(source)
    assert where_in_prose(page, "cure")[0] == 3


def test_markdown_third_line_of_a_paragraph():
    source = page_text("""
        Intro.

        Magnesium glycinate is gentle,
          and many readers say
        it cures insomnia overnight.
        """)
    page = parse_markdown(source)
    line, _ = where_in_prose(page, "cures")
    assert line == find(source, "cures")[0] == 5


def test_markdown_hard_breaks_keep_lines():
    source = "Line one  \nline two\\\nline three cures\n"
    page = parse_markdown(source)
    assert where_in_prose(page, "cures")[0] == 3
    assert page.prose[0].text == "Line one\nline two\nline three cures"


def test_markdown_link_on_a_later_line():
    source = "Buy it\nfrom [this shop](https://shop.example/?ref=abc) today.\n"
    page = parse_markdown(source)
    (link,) = page.links
    assert (link.line, link.column) == find(source, "[this")
    assert link.offset == page.prose[0].text.index("this shop")


def test_markdown_autolinks_and_bare_urls_are_links_not_prose():
    source = "See <https://amzn.to/cure-all> or https://example.com/cures-cancer?tag=x-20, today.\n"
    page = parse_markdown(source)
    assert [link.url for link in page.links] == [
        "https://amzn.to/cure-all",
        "https://example.com/cures-cancer?tag=x-20",
    ]
    assert [link.column for link in page.links] == [find(source, "<https")[1], find(source, "https://example")[1]]
    text = page.prose[0].text
    assert "cure" not in text and "http" not in text
    assert text.split() == ["See", "or", ",", "today."]
    assert {link.order for link in page.links} == {page.prose[0].order}


def test_markdown_image_alt_text_is_not_prose():
    source = "Best![cures cancer](x.png)pick. [![badge](b.png)](https://amzn.to/b)\n"
    page = parse_markdown(source)
    assert page.prose[0].text.split() == ["Best", "pick."]
    (link,) = page.links
    assert link.url == "https://amzn.to/b" and link.text == ""


def test_markdown_image_only_link_gets_its_own_slot():
    source = "[![Buy on Amazon](button.png)](https://amzn.to/x)\n\nNext paragraph.\n"
    page = parse_markdown(source)
    (link,) = page.links
    assert link.order == 0 and link.offset == 0 and (link.line, link.column) == (1, 1)
    assert page.prose[0].order == 1


def test_markdown_html_block_links_sit_in_the_run_that_holds_their_text():
    source = page_text("""
        Intro paragraph.

        <div class="cta">
          <a class="btn" href="https://amzn.to/cta" rel="sponsored">Cures
          everything</a>
        </div>

        After.
        """)
    page = parse_markdown(source)
    assert [run.text for run in page.prose] == ["Intro paragraph.", "Cures\neverything", "After."]
    assert (page.prose[1].line, page.prose[1].column) == find(source, "Cures")
    (link,) = page.links
    assert link.rel == {"sponsored"} and link.text == "Cures everything"
    assert (link.line, link.column) == find(source, "<a class")
    assert (link.order, link.offset) == (1, 0)  # as on an HTML page: in document order among the runs
    assert [run.order for run in page.prose] == [0, 1, 2]


def test_markdown_comments_inline_and_multiline():
    source = page_text("""
        Some text <!-- supplint: disable=SUP402 --> more.

        <!--
        supplint: disable-file
        -->

        - item <!-- note -->
        """)
    page = parse_markdown(source)
    inline, block, item = page.comments
    assert (inline.line, inline.column, inline.own_line) == (*find(source, "<!-- supplint"), False)
    assert inline.text.strip() == "supplint: disable=SUP402"
    assert (block.line, block.column, block.end_line, block.own_line) == (3, 1, 5, True)
    assert "disable-file" in block.text
    assert (item.line, item.column, item.own_line) == (*find(source, "<!-- note"), False)
    assert "supplint" not in all_prose(page)


def test_markdown_comment_own_line_inside_a_list():
    source = "- first\n\n  <!-- supplint: disable=SUP401 -->\n  second cures\n"
    page = parse_markdown(source)
    (comment,) = page.comments
    assert (comment.line, comment.column, comment.own_line) == (3, 3, True)


def test_markdown_broken_front_matter_is_sup001_at_page_line():
    source = page_text("""
        ---
        title: Best picks
        supplements: [labels/a.yaml
        ---
        Body text.
        """)
    page = parse_markdown(source)
    (problem,) = page.problems
    assert problem.code == "SUP001"
    assert problem.span.line in (3, 4) and problem.span.line > 1  # where YAML noticed it, on the page
    assert "front matter" in problem.message
    assert page.references == [] and page.front_matter_line is None
    assert [run.text for run in page.prose] == ["Body text."]


def test_markdown_front_matter_error_line_is_offset():
    source = "---\ntitle: ok\nbad: [unclosed\nother: 1\n---\n"
    (problem,) = parse_markdown(source).problems
    yaml_problem = None
    try:
        load("title: ok\nbad: [unclosed\nother: 1\n")
    except Exception as error:  # noqa: BLE001 - the loader's own verdict is the reference
        yaml_problem = error.problem
    assert (problem.span.line, problem.span.column) == (yaml_problem.span.line + 1, yaml_problem.span.column)


def test_markdown_supplements_with_numbers_is_sup002():
    source = "---\nsupplements: [1, 2]\n---\nText.\n"
    page = parse_markdown(source)
    assert [problem.code for problem in page.problems] == ["SUP002", "SUP002"]
    assert [(problem.span.line, problem.span.column) for problem in page.problems] == [(2, 15), (2, 18)]
    assert "entry 1" in page.problems[0].message
    assert page.references == []
    assert page.front_matter_line == 2


def test_markdown_supplements_mixed_entries():
    source = "---\nsupplements:\n  - labels/a.yaml\n  - {file: b.yaml}\n  - ''\n---\n"
    page = parse_markdown(source)
    assert [ref.path for ref in page.references] == ["labels/a.yaml"]
    assert [(problem.code, problem.span.line) for problem in page.problems] == [("SUP002", 4), ("SUP002", 5)]


def test_markdown_supplements_as_one_string_or_wrong_type():
    page = parse_markdown("---\nsupplements: labels/one.yaml\n---\n")
    assert [(ref.path, ref.line, ref.column) for ref in page.references] == [("labels/one.yaml", 2, 14)]
    page = parse_markdown("---\nsupplements:\n  a: 1\n---\n")
    (problem,) = page.problems
    assert problem.code == "SUP002" and "a mapping" in problem.message and problem.span.line == 3
    assert parse_markdown("---\nsupplements:\n---\n").problems == []


def test_markdown_front_matter_that_is_not_a_mapping():
    (problem,) = parse_markdown("---\n- just\n- a list\n---\n").problems
    assert (problem.code, problem.span.line) == ("SUP002", 2)


def test_markdown_duplicate_front_matter_key_is_reported():
    page = parse_markdown("---\nsupplements: [a.yaml]\nsupplements: [b.yaml]\n---\n")
    assert [(problem.code, problem.span.line) for problem in page.problems] == [("SUP002", 3)]


def test_markdown_unclosed_front_matter():
    page = parse_markdown("---\ntitle: x\n\nText that cures.\n")
    (problem,) = page.problems
    assert (problem.code, problem.span.line) == ("SUP001", 1)
    assert "cures" in all_prose(page)  # the body is still read


def test_markdown_front_matter_closed_by_dots_and_multiline_title():
    source = "---\ntitle: >\n  Magnesium that\n  cures anxiety\n...\nBody.\n"
    page = parse_markdown(source)
    title = page.prose[0]
    assert title.text == "Magnesium that\ncures anxiety"
    assert (title.line, title.column) == (3, 3)
    assert where_in_prose(page, "cures")[0] == 4


def test_markdown_only_front_matter():
    page = parse_markdown("---\nsupplements: [labels/a.yaml]\n---\n")
    assert [ref.path for ref in page.references] == ["labels/a.yaml"]
    assert page.prose == [] and page.links == [] and page.labels == [] and page.problems == []


def test_markdown_empty_file():
    for text in ("", "\n", "   \n\n"):
        page = parse_markdown(text)
        assert page == Page("markdown")


def test_markdown_table_cells():
    source = page_text("""
        | Product | Claim | Buy |
        |---|---|---|
        | Sunny D3 | Supports bone health | [Amazon](https://amzn.to/d3?tag=x-20) |
        | Mag Calm | Cures anxiety | [Shop](https://shop.example/m) |
        """)
    page = parse_markdown(source)
    assert [run.text for run in page.prose] == [
        "Product",
        "Claim",
        "Buy",
        "Sunny D3",
        "Supports bone health",
        "Amazon",
        "Mag Calm",
        "Cures anxiety",
        "Shop",
    ]
    cures = next(run for run in page.prose if run.text == "Cures anxiety")
    assert (cures.line, cures.column) == find(source, "Cures anxiety")
    shop = page.links[1]
    assert (shop.line, shop.column) == find(source, "[Shop]")
    assert shop.order == page.prose[-1].order and shop.offset == 0


def test_markdown_repeated_table_cells_get_their_own_columns():
    source = "| a | a |\n|---|---|\n| x | x |\n"
    page = parse_markdown(source)
    assert [(run.text, run.column) for run in page.prose] == [("a", 3), ("a", 7), ("x", 3), ("x", 7)]


def test_markdown_nested_lists():
    source = page_text("""
        - Vitamin D3
          - supports immunity
            1. cures colds
        - Zinc
        """)
    page = parse_markdown(source)
    assert [(run.text, run.line, run.column) for run in page.prose] == [
        ("Vitamin D3", 1, 3),
        ("supports immunity", 2, 5),
        ("cures colds", 3, 8),
        ("Zinc", 4, 3),
    ]


def test_markdown_blockquote_and_setext_heading():
    source = "Big Title\n=========\n\n> Quoted claim\n> cures gout\n"
    page = parse_markdown(source)
    heading, quote = page.prose
    assert (heading.text, heading.line, heading.column) == ("Big Title", 1, 1)
    assert (quote.line, quote.column) == (4, 3)
    assert where_in_prose(page, "cures")[0] == 5


def test_markdown_fence_in_a_list_and_info_words():
    source = page_text("""
        1. Our pick:

           ```supplement title="Sunny"
           name: Sunny D3
           serving: 1 softgel
           ```

        ```yaml
        name: not a label
        ```

        ```supplements
        name: not either
        ```
        """)
    page = parse_markdown(source)
    (label,) = page.labels
    assert (label.line, label.column) == (4, 4)
    doc = load(label.text)
    span = doc.value_span(("serving",))
    assert label_position(label, span.line, span.column) == find(source, "1 softgel")
    assert "not a label" not in all_prose(page)


def test_markdown_fence_in_blockquote():
    source = "> ```supplement\n> name: Q\n> ```\n"
    (label,) = parse_markdown(source).labels
    assert (label.text, label.line, label.column) == ("name: Q\n", 2, 3)


def test_markdown_order_of_labels_and_links_between_prose():
    source = page_text("""
        First.

        ```supplement
        name: A
        ```

        <a href="https://amzn.to/a">Buy A</a>

        Then [B](https://amzn.to/b).

        <p>
        <a href="https://amzn.to/c">C</a>
        </p>

        Last.
        """)
    page = parse_markdown(source)
    # A line that starts with <a> and goes on is a paragraph (its words are prose); an HTML block's text is a run
    # of its own, and a link in it sits in the run that holds its text, as on an HTML page.
    assert ordered(page) == [
        (0, "prose:First."),
        (1, "label"),
        (2, "link:https://amzn.to/a"),
        (2, "prose:Buy"),
        (3, "link:https://amzn.to/b"),
        (3, "prose:Then"),
        (4, "link:https://amzn.to/c"),
        (4, "prose:C"),
        (5, "prose:Last."),
    ]


def test_markdown_crlf_is_read_like_lf():
    lf = parse_markdown(POST)
    crlf = parse_markdown(POST.replace("\n", "\r\n"))
    assert crlf == lf
    assert all("\r" not in run.text for run in crlf.prose)
    assert all("\r" not in label.text for label in crlf.labels)


def test_markdown_entities_and_escapes():
    source = "Fish &amp; krill oil \\*not\\* a cure.\n"
    page = parse_markdown(source)
    assert page.prose[0].text == "Fish & krill oil *not* a cure."
    assert (page.prose[0].line, page.prose[0].column) == (1, 1)


def test_markdown_parser_is_built_once():
    assert _markdown() is _markdown()


# --- HTML --------------------------------------------------------------------------------------------------------

HTML_POST = page_text("""
    <!DOCTYPE html>
    <html lang="en">
    <head>
      <meta charset="utf-8">
      <title>Best Magnesium Supplements for Sleep</title>
      <meta name="description" content="Magnesium that cures insomnia, ranked.">
      <link rel="stylesheet" href="/style.css">
      <link rel="supplement" href="labels/mag-glycinate.yaml">
      <style>.cures { color: red; }</style>
      <script>window.claim = "treats anxiety";</script>
    </head>
    <body>
    <!-- supplint: disable=SUP401 -->
    <article>
      <h1>Top 3 Magnesium Picks</h1>
      <p class="disclosure">As an Amazon Associate we earn from
        qualifying purchases. This post contains
        affiliate links.</p>
      <p>Our pick is <a href="https://www.amazon.com/dp/B01?tag=mag-20" rel="Sponsored  NOFOLLOW">Calm
        Mag Glycinate</a> for <code>cures()</code> better sleep.</p>
      <pre><code>prevents cancer</code></pre>
      <script type="application/x-supplement+yaml">
        name: Calm Mag Glycinate
        serving: 2 capsules
        rows:
          - name: Magnesium
            amount: 200 mg
      </script>
      <ul>
        <li>Gentle on the stomach</li>
        <li>Third-party tested <!-- checked 2025 --></li>
      </ul>
    </article>
    </body>
    </html>
    """)


@pytest.fixture(scope="module")
def html_post() -> Page:
    return parse_html(HTML_POST)


def test_html_prose_runs(html_post):
    assert html_post.kind == "html"
    texts = [run.text for run in html_post.prose]
    assert texts == [
        "Best Magnesium Supplements for Sleep",
        "Magnesium that cures insomnia, ranked.",
        "Top 3 Magnesium Picks",
        "As an Amazon Associate we earn from\nqualifying purchases. This post contains\naffiliate links.",
        "Our pick is Calm\nMag Glycinate for better sleep.",
        "Gentle on the stomach",
        "Third-party tested",
    ]


def test_html_positions_of_runs(html_post):
    title, description, heading = html_post.prose[:3]
    assert (title.line, title.column) == find(HTML_POST, "Best Magnesium")
    assert (description.line, description.column) == find(HTML_POST, "Magnesium that")
    assert (heading.line, heading.column) == find(HTML_POST, "Top 3")
    assert where_in_prose(html_post, "affiliate links")[0] == find(HTML_POST, "affiliate links")[0]
    assert where_in_prose(html_post, "qualifying")[0] == find(HTML_POST, "qualifying")[0]


def test_html_hidden_text_is_not_prose(html_post):
    text = all_prose(html_post)
    for word in ("color", "treats", "cures()", "prevents", "Calm Mag Glycinate\n", "200 mg", "checked"):
        assert word not in text
    assert "for better sleep" in text  # the <code> left a space, not a join


def test_html_link(html_post):
    (link,) = html_post.links
    assert link.url == "https://www.amazon.com/dp/B01?tag=mag-20"
    assert link.rel == {"sponsored", "nofollow"}
    assert link.text == "Calm Mag Glycinate"
    assert (link.line, link.column) == find(HTML_POST, '<a href="https://www.amazon')
    run = next(run for run in html_post.prose if run.order == link.order)
    assert run.text[link.offset :].startswith("Calm\nMag Glycinate")
    assert run.line + run.text.count("\n", 0, link.offset) == link.line


def test_html_label_script_maps_back_exactly(html_post):
    (label,) = html_post.labels
    assert label.text.startswith("name: Calm Mag Glycinate\nserving: 2 capsules\n")
    assert label.line == find(HTML_POST, "name: Calm")[0]
    assert label.column == find(HTML_POST, "name: Calm")[1]
    doc = load(label.text)
    assert doc.data["rows"][0]["amount"] == "200 mg"
    span = doc.value_span(("rows", 0, "amount"))
    assert label_position(label, span.line, span.column) == find(HTML_POST, "200 mg")


def test_html_reference_and_comments(html_post):
    (ref,) = html_post.references
    assert ref.path == "labels/mag-glycinate.yaml"
    assert (ref.line, ref.column) == find(HTML_POST, "labels/mag-glycinate.yaml")
    assert ref.end_column == ref.column + len(ref.path)
    block, inline = html_post.comments
    assert (block.line, block.column, block.own_line) == (*find(HTML_POST, "<!-- supplint"), True)
    assert block.text.strip() == "supplint: disable=SUP401"
    assert (inline.line, inline.own_line) == (find(HTML_POST, "<!-- checked")[0], False)
    assert html_post.problems == []


def test_html_document_order(html_post):
    assert ordered(html_post) == [
        (0, "prose:Best"),
        (1, "prose:Magnesium"),
        (2, "prose:Top"),
        (3, "prose:As"),
        (4, "link:https://www.amazon.com/dp/B01?tag=mag-20"),
        (4, "prose:Our"),
        (5, "label"),
        (6, "prose:Gentle"),
        (7, "prose:Third-party"),
    ]


def test_html_label_on_the_tag_line():
    source = '<p>Intro</p>\n<script type="application/x-supplement+yaml">name: Inline\nserving: 1 tablet\n</script>\n'
    page = parse_html(source)
    (label,) = page.labels
    assert (label.line, label.column) == find(source, "name: Inline")
    assert label.text == "name: Inline\nserving: 1 tablet\n"
    span = load(label.text).value_span(("name",))
    assert label_position(label, span.line, span.column) == find(source, "Inline")  # the first line maps exactly


def test_html_label_with_blank_lines_and_type_case():
    source = (
        '<div>\n  <script type=" Application/X-Supplement+YAML ">\n      name: A\n\n      rows:\n'
        "        - name: Zinc\n          amount: 15 mg\n  </script>\n</div>\n"
    )
    (label,) = parse_html(source).labels
    assert label.text == "name: A\n\nrows:\n  - name: Zinc\n    amount: 15 mg\n"
    assert (label.line, label.column) == (3, 7)
    span = load(label.text).value_span(("rows", 0, "amount"))
    assert label_position(label, span.line, span.column) == find(source, "15 mg")


def test_html_other_scripts_are_not_labels():
    page = parse_html('<script type="application/ld+json">{"name": "x"}</script><p>Hi</p>')
    assert page.labels == [] and [run.text for run in page.prose] == ["Hi"]


def test_html_whitespace_collapses_but_lines_stay():
    source = "<p>Ashwagandha   is\n\n   an   adaptogen\n      that cures\tstress.</p>\n"
    page = parse_html(source)
    (run,) = page.prose
    assert run.text == "Ashwagandha is\n\nan adaptogen\nthat cures stress."
    assert (run.line, run.column) == (1, 4)
    assert where_in_prose(page, "cures")[0] == 4


def test_html_run_starting_after_a_line_break():
    source = "<div>\n  <p>\n    Sleep better\n  </p>\n</div>\n"
    (run,) = parse_html(source).prose
    assert (run.text, run.line, run.column) == ("Sleep better", 3, 5)


def test_html_text_split_into_chunks_is_one_run():
    source = "<p>Take 5 < 10 mg &amp; never exceed 3 <> doses.</p>"
    (run,) = parse_html(source).prose
    assert run.text == "Take 5 < 10 mg & never exceed 3 <> doses."


def test_html_hidden_elements():
    source = page_text("""
        <body>
        <p>Visible <tt>cures</tt> <kbd>cures</kbd> words.</p>
        <noscript>Enable JS to see our cures</noscript>
        <template><p>cures template</p></template>
        <svg><text>cures svg</text></svg>
        <pre><code>cures code</code></pre>
        <p>End.</p>
        </body>
        """)
    page = parse_html(source)
    assert [run.text for run in page.prose] == ["Visible words.", "End."]


def test_html_meta_supplements_and_missing_href():
    source = (
        '<head><meta name="supplements" content="labels/a.yaml, labels/b.yaml">\n<link rel="supplement"></head><p>x</p>'
    )
    page = parse_html(source)
    assert [ref.path for ref in page.references] == ["labels/a.yaml", "labels/b.yaml"]
    assert [ref.column for ref in page.references] == [find(source, "labels/a")[1], find(source, "labels/b")[1]]
    (problem,) = page.problems
    assert (problem.code, problem.span.line) == ("SUP002", 2)


def test_html_tables_and_lists():
    source = page_text("""
        <table>
          <tr><th>Product</th><th>Claim</th></tr>
          <tr><td>Calm Mag</td><td>Cures <b>anx</b>iety</td></tr>
        </table>
        <ol><li>One<ul><li>Nested cure</li></ul></li><li>Two</ol>
        """)
    page = parse_html(source)
    assert [run.text for run in page.prose] == [
        "Product",
        "Claim",
        "Calm Mag",
        "Cures anxiety",
        "One",
        "Nested cure",
        "Two",
    ]
    cell = page.prose[3]
    assert (cell.line, cell.column) == find(source, "Cures")


def test_html_image_link_gets_its_own_slot():
    source = '<p><a href="https://amzn.to/x" rel="sponsored"><img src="buy.png" alt="cures"></a></p><p>Next</p>'
    page = parse_html(source)
    (link,) = page.links
    assert (link.text, link.order, link.offset) == ("", 0, 0)
    assert page.prose[0].order == 1 and "cures" not in all_prose(page)


def test_html_unclosed_tags_and_no_head_or_body():
    source = "<title>Post</title>\n<p>One cure\n<p>Two <a href=/x>link\n<li>Three"
    page = parse_html(source)
    assert [run.text for run in page.prose] == ["Post", "One cure", "Two link", "Three"]
    (link,) = page.links
    assert link.text == "link Three"  # an unclosed <a> runs on, as in a browser
    assert link.order == page.prose[2].order


def test_html_bare_urls_are_not_prose():
    (run,) = parse_html("<p>Visit https://example.com/cures-all now.</p>").prose
    assert run.text == "Visit now."


def test_html_crlf_and_bom():
    lf = parse_html(HTML_POST)
    assert parse_html(HTML_POST.replace("\n", "\r\n")) == lf
    assert parse_html("\ufeff" + HTML_POST) == lf


def test_html_empty_file():
    assert parse_html("") == Page("html")
    assert parse_html("<html><body></body></html>\n") == Page("html")


def test_html_multiline_comment():
    source = "<p>x</p>\n  <!--\n  supplint: disable-file\n  -->\n<p>y</p>"
    (comment,) = parse_html(source).comments
    assert (comment.line, comment.column, comment.end_line, comment.own_line) == (2, 3, 4, True)


def test_html_hidden_text_and_tags_over_lines_keep_page_lines():
    source = (
        '<p>Take <code>x = 1\ny = 2</code> daily, <a\n href="https://amzn.to/x">buy</a>\n'
        "it <!--\nnote\n--> and it cures.</p>"
    )
    page = parse_html(source)
    assert where_in_prose(page, "daily")[0] == 2
    assert where_in_prose(page, "buy")[0] == 3
    assert where_in_prose(page, "cures")[0] == find(source, "cures")[0] == 6
    (link,) = page.links
    run = page.prose[0]
    assert run.text[link.offset : link.offset + 3] == "buy" and link.line == 2


# --- Exact page positions of prose offsets (Prose.anchors and span_at) --------------------------------------------

_WORD = re.compile(r"[A-Za-z0-9]+")


def assert_words_exact(source: str, page: Page, *expected: str) -> int:
    """Every ASCII word of every prose run, mapped through ``span_at``, points at exactly that word on its page
    line; ``expected`` words must be among them (so the check is never vacuous). Returns how many were checked."""
    source_lines = source.replace("\r\n", "\n").lstrip("\ufeff").split("\n")
    checked, seen = 0, set()
    for run in page.prose:
        assert run.anchors, f"no anchors for {run.text!r}"
        assert list(run.anchors) == sorted(run.anchors)
        assert (run.anchors[0][1], run.anchors[0][2]) == (run.line, run.column)
        for match in _WORD.finditer(run.text):
            word = match.group()
            span = span_at(run, match.start(), match.end())
            line = source_lines[span.line - 1]
            assert line[span.column - 1 : span.column - 1 + len(word)] == word, (word, span, line, run.anchors)
            assert (span.end_line, span.end_column) == (span.line, span.column + len(word)), (word, span)
            checked += 1
            seen.add(word)
    assert not set(expected) - seen, set(expected) - seen
    return checked


def test_span_at_the_disease_claim_example_points_at_the_word():
    source = (EXAMPLES / "pages" / "disease-claim.md").read_text(encoding="utf-8")
    page = parse_markdown(source)
    run = next(run for run in page.prose if "arthritis" in run.text)
    at = run.text.index("arthritis")
    span = span_at(run, at, at + len("arthritis"))
    assert (span.line, span.column, span.end_column) == (*find(source, "arthritis"), find(source, "arthritis")[1] + 9)
    assert_words_exact(source, page, "arthritis", "Turmeric", "weeks", "medication")


def test_cli_reports_the_disease_claim_at_the_word():
    path = EXAMPLES / "pages" / "disease-claim.md"
    result = run_in_process("check", "--output-format", "json", str(path.relative_to(ROOT)))
    (finding,) = [f for f in json.loads(result.stdout) if f["code"] == "SUP404"]
    line, column = find(path.read_text(encoding="utf-8"), "arthritis")
    assert (finding["line"], finding["column"], finding["end_column"]) == (line, column, column + len("arthritis"))


MARKDOWN_POSITIONS = page_text(r"""
    ---
    title: "Fish \"oil\" \u0026 krill, it's ''fine'' guide"
    description: Our picks,
      tested over
      several lines.
    ---
    # Heading with *emphasis* and `code` here

    Our favourite turmeric capsule [Example Turmeric](https://shareasale.com/r.cfm?b=1&u=2) cures arthritis in weeks.
    Fish &amp; krill oil \*not\* a cure &copy; 2025 caf&eacute;s **strong** and ~~struck~~ words.
        indented continuation with [ref link][r] and ![alt text](img.png) after `a` b.

    - first item with `inline code` then words
      continued in the item
      - nested item **bold** text <span>html</span> tail
        and its continuation &#38; more

    > quoted text with [link](http://x.y "title") after
    > second quoted line \_escaped\_ word
    lazy continuation line

    | Product | Dose &amp; form | Note \| pipe |
    |---|---|---|
    | Alpha D3 | 5000 IU | cures colds \| maybe |
    | Beta K2  | 100 mcg | see https://example.com/x now |

    1. ordered item one
    2. ordered   item   two with <https://auto.link/x> autolink and [**bold *link*** text](https://a.b) end

    Line with hard break  
    next line after hard break\
    and backslash break, `code over
    two lines` then more.

    [r]: https://example.com/ref
    """)  # noqa: W291 - the two spaces that end a line are a Markdown hard break


def test_markdown_every_word_maps_to_its_page_position():
    page = parse_markdown(MARKDOWN_POSITIONS)
    checked = assert_words_exact(
        MARKDOWN_POSITIONS,
        page,
        "Fish",
        "oil",
        "krill",
        "fine",
        "guide",
        "tested",
        "several",
        "Heading",
        "emphasis",
        "here",
        "arthritis",
        "not",
        "cure",
        "2025",
        "caf",
        "s",
        "strong",
        "struck",
        "words",
        "indented",
        "ref",
        "after",
        "b",
        "continued",
        "nested",
        "bold",
        "tail",
        "continuation",
        "more",
        "quoted",
        "escaped",
        "lazy",
        "Dose",
        "form",
        "pipe",
        "maybe",
        "Beta",
        "now",
        "ordered",
        "autolink",
        "link",
        "text",
        "end",
        "next",
        "backslash",
        "then",
    )
    assert checked > 100
    assert page.prose[0].text == "Fish \"oil\" & krill, it's ''fine'' guide"
    assert page.prose[1].text == "Our picks,\ntested over\nseveral lines."


def test_markdown_word_positions_with_crlf():
    source = MARKDOWN_POSITIONS.replace("\n", "\r\n")
    page = parse_markdown(source)
    assert page == parse_markdown(MARKDOWN_POSITIONS)
    assert_words_exact(source, page, "arthritis", "pipe", "continuation")


def test_markdown_anchor_after_an_entity_and_an_escape():
    source = "Fish &amp; krill oil \\*not\\* a cure.\n"
    (run,) = parse_markdown(source).prose
    at = run.text.index("krill")
    assert span_at(run, at, at + 5).column == find(source, "krill")[1]
    star = run.text.index("*")  # an escaped character maps to itself, after its backslash
    assert span_at(run, star, star + 1).column == find(source, "*")[1]
    assert run.anchors[0] == (0, 1, 1)


def test_markdown_span_over_removed_markup_ends_at_the_word():
    source = "Buy [Example Turmeric](https://shareasale.com/r?b=1) today.\n"
    (run,) = parse_markdown(source).prose
    at = run.text.index("Turmeric")
    span = span_at(run, at, at + len("Turmeric"))  # not stretched over the URL that follows in the source
    assert (span.column, span.end_column) == (find(source, "Turmeric")[1], find(source, "Turmeric")[1] + 8)
    span = span_at(run, 0, len(run.text))
    assert (span.line, span.column, span.end_line, span.end_column) == (1, 1, 1, len(source.rstrip("\n")) + 1)


def test_markdown_front_matter_block_scalars_and_single_quotes():
    source = page_text("""
        ---
        title: |
          Literal title line
            more indented line
        description: 'It''s a ''quoted'' one'
        ---
        Body.
        """)
    page = parse_markdown(source)
    assert page.prose[0].text == "Literal title line\n  more indented line"
    assert page.prose[1].text == "It's a 'quoted' one"
    assert_words_exact(source, page, "Literal", "indented", "It", "s", "quoted", "one", "Body")


HTML_POSITIONS = page_text("""
    <!doctype html>
    <html><head>
      <title>Best &amp; Worst Magnesium</title>
      <meta name="description" content="Magnesium that cures
          insomnia &amp; anxiety, ranked.">
    </head>
    <body>
      <h1>Magnesium <em>glycinate</em> review</h1>
      <p>Our favourite <a href="https://amzn.to/x?tag=a&amp;b=c" rel="sponsored">Calm Mag</a> cures insomnia in
         weeks &mdash; caf&eacute;s &amp; bars say so &#8212; truly&nbsp;fast.
         Visit https://example.com/page for more.</p>
      <ul>
        <li>first item <strong>bold</strong> text</li>
        <li>second
            item over lines</li>
      </ul>
      <table><tr><td>Alpha &lt;D3&gt; dose</td><td>5000 IU</td></tr></table>
      <blockquote>quoted <code>code</code> words</blockquote>
      <p>&nbsp;&nbsp;Leading entities then words</p>
    </body></html>
    """)


def test_html_every_word_maps_to_its_page_position():
    page = parse_html(HTML_POSITIONS)
    checked = assert_words_exact(
        HTML_POSITIONS,
        page,
        "Best",
        "Worst",
        "Magnesium",
        "cures",
        "insomnia",
        "anxiety",
        "ranked",
        "glycinate",
        "review",
        "Calm",
        "weeks",
        "caf",
        "s",
        "bars",
        "truly",
        "fast",
        "Visit",
        "more",
        "bold",
        "item",
        "lines",
        "Alpha",
        "D3",
        "dose",
        "5000",
        "quoted",
        "words",
        "Leading",
        "then",
    )
    assert checked > 40
    description = next(run for run in page.prose if run.text.startswith("Magnesium that"))
    assert description.text == "Magnesium that cures\ninsomnia & anxiety, ranked."  # its line break is kept
    leading = next(run for run in page.prose if "Leading" in run.text)
    assert (leading.line, leading.column) == find(HTML_POSITIONS, "Leading")


def test_html_word_positions_with_crlf_and_bom():
    source = "\ufeff" + HTML_POSITIONS.replace("\n", "\r\n")
    page = parse_html(source)
    assert page == parse_html(HTML_POSITIONS)
    assert_words_exact(source, page, "anxiety", "fast", "lines")


def test_span_at_without_anchors_falls_back_to_run_arithmetic():
    run = Prose("Our pick\ncures colds", 3, 5, 0)
    assert span_at(run, 4, 8) == Span(3, 9, 3, 13)
    assert span_at(run, 9, 14) == Span(4, 1, 4, 6)


def test_span_at_with_anchors():
    run = Prose("Our pick\ncures colds", 3, 5, 0, ((0, 3, 5), (4, 3, 30), (8, 4, 3)))
    assert span_at(run, 0, 3) == Span(3, 5, 3, 8)
    assert span_at(run, 4, 8) == Span(3, 30, 3, 34)
    assert span_at(run, 9, 14) == Span(4, 4, 4, 9)
    assert span_at(run, 6, 6) == Span(3, 32, 3, 32)


def test_markdown_tab_indented_lines_map_to_their_words():
    # markdown-it turns a tab it partly strips into spaces; the words still map to where they are.
    source = "1. Take \\*one\\* daily\n\tcontinued &amp; then\n   - nested\n\t  item words\n"
    page = parse_markdown(source)
    assert_words_exact(source, page, "Take", "one", "daily", "continued", "then", "nested", "item", "words")


# --- real CMS output: schema.org offers, and the furniture around a post ---------------------------------------------


def _stdin_page(select: str, filename: str, text: str):
    """``supplint check`` on ``text`` read from standard input as ``filename``, JSON output, only ``select``."""
    return run_in_process(
        "check", "--select", select, "--output-format", "json", "-", "--stdin-filename", filename, stdin=text
    )


JSON_LD_PAGE = page_text(
    """
    <html><head>
    <script type="application/ld+json">
    {"@context": "https://schema.org", "@type": "Product", "name": "Example Magnesium",
     "offers": {"@type": "Offer", "price": "19.00", "url": "https://www.amazon.com/dp/B0EXAMPLE1?tag=site-20"}}
    </script>
    <script type="application/ld+json">{"@type": "Article", "headline": "not an offer",
     "url": "https://example.com/post"}</script>
    <script type="application/ld+json">{ broken</script>
    </head><body><p>Magnesium glycinate is the supplement we take: 200 mg per capsule.</p></body></html>
    """
)


def test_html_json_ld_offers_are_product_links():
    page = parse_html(JSON_LD_PAGE)
    assert [(link.url, link.text) for link in page.links] == [
        ("https://www.amazon.com/dp/B0EXAMPLE1?tag=site-20", "Example Magnesium")
    ]
    link = page.links[0]
    assert (link.line, link.column) == find(JSON_LD_PAGE, "https://www.amazon.com/dp/")
    assert [run.text for run in page.prose][-1].startswith("Magnesium glycinate")


def test_html_json_ld_offer_makes_the_page_recommend_and_need_a_disclosure():
    result = _stdin_page("SUP401,SUP403", "p.html", JSON_LD_PAGE)
    line = find(JSON_LD_PAGE, "https://www.amazon.com/dp/")[0]
    assert sorted((f["code"], f["line"]) for f in json.loads(result.stdout)) == [("SUP401", line), ("SUP403", line)]


FURNITURE_PAGE = page_text(
    """
    <html><body>
    <div class="cookie-banner"><p>We use cookies. <a href="https://amzn.to/3cookie1">Deals</a></p></div>
    <article><h1>Lemon muffins</h1><p>Mix flour, sugar and lemon zest; bake for 20 minutes.</p></article>
    <aside class="jp-relatedposts"><h3>Related</h3><ul><li>
      <a href="/best-magnesium-supplements/">The best magnesium supplements, vitamin D capsules and fish oil</a>
    </li></ul></aside>
    <section id="comments" class="comments-area"><ol class="comment-list"><li class="comment">
      <p>Turmeric capsules cured my arthritis! <a href="https://amzn.to/3comment">these</a></p>
    </li></ol></section>
    <footer><p>Baked in Leeds.</p></footer>
    </body></html>
    """
)


def test_html_comments_related_posts_and_cookie_banners_are_not_the_page():
    page = parse_html(FURNITURE_PAGE)
    assert [run.text for run in page.prose] == [
        "Lemon muffins",
        "Mix flour, sugar and lemon zest; bake for 20 minutes.",
        "Baked in Leeds.",
    ]
    assert page.links == []


def test_html_furniture_neither_claims_nor_recommends():
    result = _stdin_page("SUP401,SUP403,SUP404", "p.html", FURNITURE_PAGE)
    assert json.loads(result.stdout) == []
    # the same reader's comment in the post itself is the page's claim
    inline = FURNITURE_PAGE.replace('<section id="comments" class="comments-area">', "<section>").replace(
        '<ol class="comment-list"><li class="comment">', "<ol><li>"
    )
    result = _stdin_page("SUP404", "p.html", inline)
    assert [(f["code"], f["line"]) for f in json.loads(result.stdout)] == [
        ("SUP404", find(inline, "Turmeric capsules")[0])
    ]


MDX_COMPONENTS = page_text(
    """
    # Our magnesium pick

    Magnesium glycinate is the supplement we take: 200 mg per capsule.

    <AffiliateButton variant="primary" href="https://amzn.to/3abcdef" rel="sponsored">Buy on Amazon</AffiliateButton>

    <ProductCard name="Example" buyUrl="https://www.iherb.com/pr/example/12345" />

    <Chart rows={[{ href: "https://amzn.to/inside-code" }]} /> <Callout type="info">No link here.</Callout>
    """
)


def test_mdx_components_with_a_link_prop_are_links():
    page = parse_markdown(MDX_COMPONENTS, mdx=True)
    assert [(link.url, link.rel, link.text) for link in page.links] == [
        ("https://amzn.to/3abcdef", frozenset({"sponsored"}), "Buy on Amazon"),
        ("https://www.iherb.com/pr/example/12345", frozenset(), ""),
    ]
    assert [(link.line, link.column) for link in page.links] == [
        find(MDX_COMPONENTS, "<AffiliateButton"),
        find(MDX_COMPONENTS, "<ProductCard"),
    ]
    assert "No link here." in [run.text.strip() for run in page.prose]


def test_mdx_component_link_is_checked_like_an_a_tag():
    result = _stdin_page("SUP401,SUP403", "p.mdx", MDX_COMPONENTS)
    line = find(MDX_COMPONENTS, "<AffiliateButton")[0]
    assert sorted((f["code"], f["line"]) for f in json.loads(result.stdout)) == [("SUP401", line), ("SUP403", line)]


def test_markdown_html_link_cards_keep_their_words_apart():
    """A Hugo theme's link card: an <a> round <div>s, one a line of link cards (tests/data/pages/halixia-*)."""
    text = page_text(
        """
        # Boosting serotonin

        <a class="ma-link" href="https://www.awin1.com/cread.php?awinmid=1&awinaffid=2"><div class="ma-card"><div class="ma-name"><p>Healthspan</p></div><div class="ma-paid-text"><span>Paid</span></div></div></a>
        """
    )
    page = parse_markdown(text)
    assert [(link.text, link.line, link.column) for link in page.links] == [("Healthspan Paid", 3, 1)]


TEMPLATED_POST = page_text(
    """
    # Our magnesium pick

    {{< notice info >}}We earn a commission on purchases made through links in this post.{{< /notice >}}

    Magnesium glycinate is the supplement we take: 200 mg per capsule.

    {{< button href="https://amzn.to/3abcdef" >}}Buy on Amazon{{< /button >}}

    {% include affiliate-box.html url="https://www.amazon.com/dp/B000000000?tag=site-20" name="Example" %}

    Price: {{ site.data.price }} {% if page.sale %}on sale{% endif %}, a {curly} aside and a brace {{ left open.

    ```liquid
    {% include example.html %}
    ```
    """
)


def test_markdown_template_tags_are_not_prose_but_their_urls_are_links():
    page = parse_markdown(TEMPLATED_POST)
    texts = [" ".join(run.text.split()) for run in page.prose]
    assert "We earn a commission on purchases made through links in this post." in texts
    assert "Buy on Amazon" in texts
    assert "Price: on sale , a {curly} aside and a brace {{ left open." in texts  # a blanked tag leaves its space
    assert not any("{%" in text or "{{<" in text or "include" in text for text in texts)
    notice = next(run for run in page.prose if run.text.startswith("We earn"))
    assert (notice.line, notice.column) == find(TEMPLATED_POST, "We earn")
    assert [(link.url, link.line, link.column) for link in page.links] == [
        ("https://amzn.to/3abcdef", *find(TEMPLATED_POST, "https://amzn.to/")),
        ("https://www.amazon.com/dp/B000000000?tag=site-20", *find(TEMPLATED_POST, "https://www.amazon.com/dp/")),
    ]


def test_markdown_template_tags_keep_the_disclosure_in_time():
    result = _stdin_page("SUP401,SUP402,SUP406", "p.md", TEMPLATED_POST)
    assert json.loads(result.stdout) == []


# --- what each run is (Prose.role), and the markup that decides it ----------------------------------------------------

FIXTURES = ROOT / "tests" / "fixtures" / "pages"


def _found(name: str, select: str = "SUP401,SUP403,SUP404,SUP406") -> list[tuple[str, int]]:
    """``supplint check`` on a page fixture: its scored findings by code and line."""
    ran = run_in_process("check", "--select", select, "--output-format", "json", "--exit-zero", str(FIXTURES / name))
    assert ran.returncode == 0, ran.stderr
    return sorted((f["code"], f["line"]) for f in json.loads(ran.stdout))


def test_markdown_roles_from_the_markup():
    source = page_text("""
        ---
        title: Magnesium for sleep
        description: What we take and why.
        ---

        # Our picks

        We tried six brands.

        - one capsule at night
        - two with dinner

          a second paragraph in the item

        | Brand | Form |
        |---|---|
        | Calm | glycinate |

        > a quoted paragraph

        <div class="note">
        <h2>Heads up</h2>
        <p>Ask your doctor first.</p>
        <ul><li>Not for children</li><li><p>Nor in pregnancy</p></li></ul>
        loose words
        </div>
        """)
    roles = [(run.text.split()[0], run.role) for run in parse_markdown(source).prose]
    assert roles == [
        ("Magnesium", "title"),
        ("What", "description"),
        ("Our", "heading"),
        ("We", "paragraph"),
        ("one", "item"),
        ("two", "item"),
        ("a", "item"),
        ("Brand", "cell"),
        ("Form", "cell"),
        ("Calm", "cell"),
        ("glycinate", "cell"),
        ("a", "paragraph"),
        ("Heads", "heading"),
        ("Ask", "paragraph"),
        ("Not", "item"),
        ("Nor", "item"),
        ("loose", "unknown"),
    ]


def test_html_roles_from_the_markup():
    source = page_text("""
        <html><head><title>Zinc guide</title>
        <meta name="description" content="Which zinc to take."></head>
        <body><h2>Forms</h2><p>Zinc comes in many forms.</p>
        <ul><li>picolinate<p>well absorbed</p>and cheap</li></ul>
        <table><tr><th>Form</th><td>gluconate</td></tr></table>
        <div>loose text</div></body></html>
        """)
    roles = [(run.text.split()[0], run.role) for run in parse_html(source).prose]
    assert roles == [
        ("Zinc", "title"),
        ("Which", "description"),
        ("Forms", "heading"),
        ("Zinc", "paragraph"),
        ("picolinate", "item"),
        ("well", "item"),  # a <p> inside an <li> is the item's text (WordPress lists)
        ("and", "item"),
        ("Form", "cell"),
        ("gluconate", "cell"),
        ("loose", "unknown"),
    ]


def test_a_list_item_is_read_as_one_by_its_markup_not_its_length():
    # A long <li> after "it helps with:" is still one of that list's items (a disease named there is claimed); a
    # short <p> after such a line is a paragraph, not an item. The word-count guess had both the other way round.
    assert _found("joint-benefits-roles.html", "SUP404") == [("SUP404", 10)]


def test_markdown_indented_html_inside_an_open_div_is_markup_not_code():
    # A post whose body is HTML indented for reading (a WordPress export that the site inserts as HTML): after the
    # first blank line CommonMark would make the rest an indented code block. The claim, the consult note and the
    # tracking link inside it count; the study title under "References" is cited, not claimed.
    assert _found("probiotic-html-body.md") == [("SUP401", 14), ("SUP404", 11)]


def test_markdown_indented_html_without_an_open_element_stays_code():
    source = page_text("""
        Intro.

            <a href="https://amzn.to/x">cures arthritis</a>
        """)
    page = parse_markdown(source)
    assert page.links == [] and [run.text for run in page.prose] == ["Intro."]


def test_markdown_html_block_runs_split_at_block_elements_with_links_in_place():
    source = page_text("""
        <div>
        <p>We earn a commission.</p>
        <p>Buy <a href="https://amzn.to/x">Calm</a> today.</p>
        </div>
        """)
    page = parse_markdown(source)
    assert [(run.text, run.order, run.role) for run in page.prose] == [
        ("We earn a commission.", 0, "paragraph"),
        ("Buy Calm today.", 1, "paragraph"),
    ]
    (link,) = page.links
    assert (link.order, link.offset, link.text) == (1, 4, "Calm")
    assert (link.line, link.column) == find(source, "<a href")


def test_html_pre_holds_words_unless_it_holds_code():
    # An old page's whole text in one <pre>: its words are prose, each blank-line paragraph a run of its own; a
    # <pre class="highlight"> (or one around <code>) is code.
    assert _found("herb-notes-pre.html", "SUP404") == [("SUP404", 8)]
    page = parse_html((FIXTURES / "herb-notes-pre.html").read_text(encoding="utf-8"))
    texts = [" ".join(run.text.split()) for run in page.prose]
    assert "How to use: Take one capsule with water." in texts
    assert not any("cures_cancer" in text for text in texts)


def test_markdown_pre_in_an_html_block_holds_words_unless_marked_as_code():
    source = page_text("""
        <div>
        <pre>Take one capsule daily.</pre>
        <pre class="language-python">cures = True</pre>
        </div>
        """)
    assert [run.text for run in parse_markdown(source).prose] == ["Take one capsule daily."]


def test_toml_and_json_front_matter_roles():
    toml = '+++\ntitle = "Zinc for colds"\ndescription = "What the trials found."\n+++\n\nBody text.\n'
    json_page = '{\n  "title": "Zinc for colds",\n  "description": "What the trials found."\n}\n\nBody text.\n'
    for source in (toml, json_page):
        assert [run.role for run in parse_markdown(source).prose] == ["title", "description", "paragraph"]


def _scored(source: str, filename: str = "post.md", codes=("SUP401", "SUP403", "SUP404")) -> list[tuple[str, int]]:
    import supplint

    return sorted((f.code, f.line) for f in supplint.check_text(source, filename, select=list(codes)))


def test_markdown_reader_comments_section_is_left_out_until_the_next_heading_of_its_level():
    # A blog export keeps readers' comments under "## Comments" (tests/data/pages/criticalmas-supplements-2019.md):
    # a reader's disease is not the page's claim. The post's own words before it, and a section after it at the
    # same level, are read.
    source = page_text("""
        # Thinking about supplements

        Our turmeric capsules cure arthritis.

        ## 3 Comments

        ### Jim

        Your curcumin cured my arthritis, and [this one](https://amzn.to/abc) cures diabetes.

        ## Our verdict

        Red yeast rice cures heart disease.
        """)
    assert _scored(source, codes=("SUP404",)) == [("SUP404", 3), ("SUP404", 13)]
    assert [link.url for link in parse_markdown(source).links] == []


def test_markdown_comments_heading_needs_the_shape_of_one():
    # "Responses to treatment" is a section of the article, not readers' responses; "12 thoughts on “X”" and
    # "Leave a Reply" are WordPress's comment headings.
    kept = page_text("""
        # Zinc

        ## Responses to treatment

        Zinc capsules cure the common cold.
        """)
    assert _scored(kept, codes=("SUP404",)) == [("SUP404", 5)]
    for heading in ("12 thoughts on “Zinc”", "Leave a Reply", "Comments:"):
        dropped = f"# Zinc\n\n## {heading}\n\nZinc capsules cure the common cold.\n"
        assert _scored(dropped, codes=("SUP404",)) == [], heading


def test_a_link_whose_words_ask_to_buy_is_a_product_link():
    # An advertorial's order button goes to the brand's landing page, which has no product-page shape
    # (tests/data/pages/omax3-relieved-inflammation.html): its words say it sells.
    page = page_text("""
        <html><body>
        <h1>How fish oil helped my joints</h1>
        <p>I take two omega-3 softgels of fish oil every day.</p>
        <a href="https://dm.example.com/lp1001/?utm_source=advertorial">GET 50% OFF YOUR FIRST BOX NOW!*</a>
        </body></html>
        """)
    assert _scored(page, "ad.html", ("SUP403",)) == [("SUP403", 4)]
    for words in ("Buy now", "Order today", "Add to cart", "Check price", "Claim your bottle"):
        assert _scored(page.replace("GET 50% OFF YOUR FIRST BOX NOW!*", words), "ad.html", ("SUP403",)) == [
            ("SUP403", 4)
        ], words
    for words in ("Learn more", "Read the study", "Shop", "Our order of topics", "Buy the book", "Order your copy"):
        assert _scored(page.replace("GET 50% OFF YOUR FIRST BOX NOW!*", words), "ad.html", ("SUP403",)) == [], words


def test_front_matter_product_links_are_links_at_their_lines():
    # A theme's product cards come from front matter (tests/data/pages/wildwell-omega-3-guide.md): their hrefs are
    # links of the page, each at its value's line; an image URL is not.
    source = page_text("""
        ---
        title: Omega-3 fish oil, simply
        products:
          - title: Fish oil softgels
            image_url: https://images.example.com/fish.jpg
            href: https://www.amazon.co.uk/s?k=fish+oil&tag=example-21
        ---

        Take two fish oil softgels with a meal; omega-3 capsules keep best in the fridge.
        """)
    page = parse_markdown(source)
    assert [(link.url, link.text, (link.line, link.column)) for link in page.links] == [
        ("https://www.amazon.co.uk/s?k=fish+oil&tag=example-21", "Fish oil softgels", find(source, "https://www.am"))
    ]
    assert _scored(source) == [("SUP401", 6), ("SUP403", 6)]
    disclosed = source.replace("keep best in the fridge.", "keep best in the fridge. We earn a commission on sales.")
    assert _scored(disclosed) == [("SUP403", 6)]
    plain = source.replace("href: https://www.amazon.co.uk/s?k=fish+oil&tag=example-21", "href: /blog/fish-oil")
    assert _scored(plain) == [] and [link.url for link in parse_markdown(plain).links] == ["/blog/fish-oil"]


def test_toml_and_json_front_matter_product_links_are_links_at_their_urls():
    # Hugo keeps product cards in TOML (`[[products]]`) or JSON front matter as well; each URL is a link where it is
    # written, a repeated URL at its own place.
    toml = page_text("""
        +++
        title = "Fish oil"

        [[products]]
        title = "Softgels"
        href = "https://amzn.to/abc"

        [[products]]
        title = "Algae oil"
        buy_url = "https://amzn.to/abc"
        image_url = "https://images.example.com/a.jpg"
        +++

        Take two fish oil softgels; omega-3 capsules keep best in the fridge.
        """)
    links = [(link.text, (link.line, link.column)) for link in parse_markdown(toml).links]
    assert links == [("Softgels", find(toml, "https://amzn")), ("Algae oil", find(toml, "https://amzn", 1))]
    assert _scored(toml) == [("SUP401", 6), ("SUP403", 6)]
    json_page = (
        '{\n  "title": "Fish oil",\n  "products": [{"title": "Softgels", "href": "https://amzn.to/abc"}]\n}\n\n'
        "Take two fish oil softgels; omega-3 capsules keep best in the fridge.\n"
    )
    (link,) = parse_markdown(json_page).links
    assert (link.text, link.line, link.column) == ("Softgels", *find(json_page, "https://amzn"))


def test_an_element_that_navigates_on_click_is_a_link_to_where_it_goes():
    # Sales pages make their order buttons <button onclick="window.location.href='...'"> with no <a> at all (a
    # supplement brand's product page, TonyxMavrick/zero-click-digital-ocean-testing benefits.html): the button is a
    # link, its words the button's, so a ClickBank hoplink behind it is an affiliate link and the page recommends.
    page = page_text("""
        <html><body>
        <p>Two omega-3 fish oil softgels a day keep my joints moving.</p>
        <div class="cta"><button onclick="window.location.href='https://abc.hop.clickbank.net/?tid=x'">Order
        <b>Now</b></button> and more words</div>
        <span onclick="track('click')">Not a link</span>
        </body></html>
        """)
    (link,) = parse_html(page).links
    assert (link.url, link.text, (link.line, link.column)) == (
        "https://abc.hop.clickbank.net/?tid=x",
        "Order Now",
        find(page, "<button"),
    )
    assert _scored(page, "p.html", ("SUP401", "SUP403")) == [("SUP401", 3), ("SUP403", 3)]
    for handler in (
        "location.assign('https://abc.hop.clickbank.net/')",
        "window.open('https://abc.hop.clickbank.net/')",
    ):
        changed = page.replace("window.location.href='https://abc.hop.clickbank.net/?tid=x'", handler)
        assert [link.url for link in parse_html(changed).links] == ["https://abc.hop.clickbank.net/"], handler
    # the same button in a Markdown post's HTML block
    post = "# Fish oil\n\nTwo omega-3 fish oil softgels a day.\n\n" + page.split("<body>\n", 1)[1].split("</body>")[0]
    (link,) = parse_markdown(post).links
    assert (link.url, link.text) == ("https://abc.hop.clickbank.net/?tid=x", "Order Now")


def test_an_iframe_is_a_link_and_amazons_ad_unit_an_affiliate_one():
    # Amazon Associates' text and image links are iframes whose src carries the Associate ID as tracking_id=: an
    # affiliate link the reader sees and clicks. A video embed is a plain link.
    page = page_text("""
        <html><body>
        <p>I take two magnesium glycinate capsules, 200 mg each, at night.</p>
        <iframe title="Magnesium" src="//ws-na.amazon-adsystem.com/widgets/q?ad_type=product_link&tracking_id=example-20&asins=B00X"></iframe>
        </body></html>
        """)
    (link,) = parse_html(page).links
    assert (link.text, (link.line, link.column)) == ("Magnesium", find(page, "<iframe"))
    assert _scored(page, "p.html", ("SUP401", "SUP403")) == [("SUP401", 3), ("SUP403", 3)]
    video = page.replace(
        "//ws-na.amazon-adsystem.com/widgets/q?ad_type=product_link&tracking_id=example-20&asins=B00X",
        "https://www.youtube.com/embed/abc123",
    )
    assert [link.url for link in parse_html(video).links] == ["https://www.youtube.com/embed/abc123"]
    assert _scored(video, "p.html", ("SUP401", "SUP403")) == []
    post = "# Magnesium\n\n" + page.split("<body>\n", 1)[1].split("</body>")[0]
    assert _scored(post, "p.md", ("SUP401",)) == [("SUP401", 4)]
