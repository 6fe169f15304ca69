"""Sites as they are written: Hugo posts with TOML front matter, MDX posts, disclosures in GFM footnotes.

Each test builds a small site in a temporary folder (a `.git` folder makes it the repository, so label paths resolve
inside it) and checks it through the CLI (`check --output-format json`) or the library (`supplint.check_text`),
by code and line.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import supplint
from conftest import EXAMPLES, run_cli

D3_LABEL = EXAMPLES / "d3-5000-softgel.yaml"  # SUP101, SUP201 and SUP202 on its line 13
D3_CODES = ["SUP101", "SUP201", "SUP202"]

DISCLOSURE = "This post contains affiliate links: we may earn a commission if you buy through them."
CONSULT = "Talk to your healthcare provider before starting a supplement."
LINK = "[Example D3](https://amzn.to/3abcdef)"

HUGO_POST = f"""+++
title = "Vitamin D3 5,000 IU, reviewed"
date = 2026-11-02T09:00:00Z
draft = false
supplements = [
  "../../labels/d3.yaml",
]
[params]
author = "Sam"
+++
# Vitamin D3 5,000 IU, reviewed

{DISCLOSURE}

Our pick is {LINK}.

{CONSULT}
"""

MISSING_POST = f"""+++
title = "A label that was never written"
supplements = ["../../labels/no-such-label.yaml"]
+++
# Coming soon

{CONSULT}
"""

BROKEN_POST = """+++
title = "Broken front matter"
supplements = ["../../labels/d3.yaml"
+++
# Broken
"""

MDX_POST = f"""---
title: Magnesium, the gentle one
---
import {{ Callout, ProductCard }} from "../../components"
import Chart from "../../components/Chart"  // cures arthritis

<ProductCard name="Example Magnesium" tagline={{"prevents migraines and cures arthritis"}} />

<Callout type="info">
  {DISCLOSURE}
</Callout>

Our pick is {LINK}.

<Chart rows={{[{{ label: "treats depression", value: 3 }}]}} />

{CONSULT}
"""

FOOTNOTE_POST = f"""# Vitamin D3

A word on how we keep this site running.[^1]

[^1]: We may earn a commission on purchases made through links in this post.

Our pick is {LINK}.

{CONSULT}
"""


@pytest.fixture
def site(tmp_path) -> Path:
    """A Hugo-shaped site: labels/, content/posts/ with a TOML post, a missing label, broken TOML, an MDX post and
    a footnote disclosure."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "labels").mkdir()
    shutil.copy(D3_LABEL, tmp_path / "labels" / "d3.yaml")
    posts = tmp_path / "content" / "posts"
    posts.mkdir(parents=True)
    for name, text in {
        "d3.md": HUGO_POST,
        "missing.md": MISSING_POST,
        "broken.md": BROKEN_POST,
        "magnesium.mdx": MDX_POST,
        "footnote.md": FOOTNOTE_POST,
    }.items():
        (posts / name).write_text(text, encoding="utf-8")
    return tmp_path


def by_file(stdout: str) -> dict[str, list[tuple[str, int]]]:
    found: dict[str, list[tuple[str, int]]] = {}
    for finding in json.loads(stdout):
        found.setdefault(finding["file"].replace("\\", "/"), []).append((finding["code"], finding["line"]))
    return {name: sorted(codes) for name, codes in found.items()}


def codes_and_lines(path: Path, text: str | None = None, **kw) -> list[tuple[str, int]]:
    text = path.read_text(encoding="utf-8") if text is None else text
    return sorted((f.code, f.line) for f in supplint.check_text(text, str(path), **kw))


# --- the whole site through the CLI -----------------------------------------------------------------------------


def test_the_site_through_the_cli(site):
    result = run_cli("check", "--output-format", "json", ".", cwd=site)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert by_file(result.stdout) == {
        # once, at the label: the posts that name it (d3.md, broken.md does not parse) get a note, not copies
        "labels/d3.yaml": [(code, 13) for code in D3_CODES],
        "content/posts/missing.md": [("SUP405", 3)],
        "content/posts/broken.md": [("SUP001", 3)],  # the array opened on line 3 never closes
        # the MDX post is walked, read as Markdown: no SUP001, no claim from its imports or JSX props
        "content/posts/footnote.md": [("SUP402", 5)],
    }
    assert "content/posts/d3.md names label ../../labels/d3.yaml, which has 3 problems" in result.stderr


def test_an_mdx_file_named_on_the_command_line_is_a_page(site):
    result = run_cli("check", "--output-format", "json", "content/posts/magnesium.mdx", cwd=site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout) == []


def test_mdx_on_standard_input_with_its_file_name(site):
    text = "import X from 'x'\n\n<X note={'cures arthritis'} />\n\nThis cures arthritis.\n"
    result = run_cli("check", "--output-format", "json", "--stdin-filename", "post.mdx", "-", stdin=text, cwd=site)
    assert by_file(result.stdout) == {"post.mdx": [("SUP404", 5)]}


# --- Hugo TOML front matter -------------------------------------------------------------------------------------


def test_a_toml_entry_draws_the_label_findings_at_its_line_and_columns(site):
    post = site / "content" / "posts" / "two.md"
    text = "+++\nsupplements = ['../../labels/nope.yaml', \"../../labels/d3.yaml\"]\n+++\n# Two\n"
    found = supplint.check_text(text, str(post), select=["SUP1", "SUP2", "SUP405"])
    places = sorted((f.code, f.line, f.column, f.end_column) for f in found)
    # 'nope' is columns 16-39 with its quotes; "d3" is 42-63 (end columns are one past the entry)
    assert places == [("SUP101", 2, 42, 64), ("SUP201", 2, 42, 64), ("SUP202", 2, 42, 64), ("SUP405", 2, 16, 40)]


def test_a_toml_string_is_one_reference(site):
    post = site / "content" / "posts" / "one.md"
    text = '+++\ntitle = "One"\nsupplements = "../../labels/d3.yaml"\n+++\n# One\n'
    assert codes_and_lines(post, text, select=["SUP1", "SUP2"]) == [(code, 3) for code in D3_CODES]


def test_the_library_matches_the_cli_on_toml_posts(site):
    posts = site / "content" / "posts"
    assert codes_and_lines(posts / "d3.md") == [(code, 6) for code in D3_CODES]
    assert codes_and_lines(posts / "missing.md") == [("SUP405", 3)]


@pytest.mark.parametrize(
    ("front_matter", "line"),
    [
        ('title = "Broken front matter"\nsupplements = ["a.yaml"\n', 3),  # the array never closes
        ('title = "x"\ntitle = "y"\n', 3),  # a duplicate key is an error in TOML
        ("title: a YAML line in TOML\n", 2),
        ('title = "x"\n[params\n', 3),
    ],
)
def test_broken_toml_is_sup001_at_its_line(tmp_path, front_matter, line):
    text = f"+++\n{front_matter}+++\n# Post\n"
    found = supplint.check_text(text, str(tmp_path / "post.md"))
    assert [(f.code, f.line) for f in found] == [("SUP001", line)]


def test_toml_front_matter_never_closed(tmp_path):
    found = supplint.check_text('+++\ntitle = "x"\n\n# Post\n', str(tmp_path / "post.md"))
    assert [(f.code, f.line) for f in found] == [("SUP001", 1)]


@pytest.mark.parametrize(
    ("supplements", "codes"),
    [
        ("supplements = 3", [("SUP002", 2)]),
        ('supplements = ["", 3, {path = "x.yaml"}]', [("SUP002", 2)] * 3),
        ("supplements = []", []),
    ],
)
def test_toml_supplements_that_are_not_paths(tmp_path, supplements, codes):
    found = supplint.check_text(f"+++\n{supplements}\n+++\n# Post\n", str(tmp_path / "post.md"))
    assert [(f.code, f.line) for f in found] == codes


def test_toml_title_and_description_are_prose_at_their_columns(tmp_path):
    title, description = 'title = "Zinc \\u0026 more: this cures colds"', "description = 'It treats arthritis.'"
    text = f"+++\n{title}\n{description}\n+++\n# Zinc\n"
    found = [
        (f.code, f.line, f.column) for f in supplint.check_text(text, str(tmp_path / "post.md")) if f.code == "SUP404"
    ]
    # the finding is at the disease word; in the title it comes after an escape (6 characters, 1 in the value)
    assert found == [("SUP404", 2, title.index("colds") + 1), ("SUP404", 3, description.index("arthritis") + 1)]


# --- Hugo JSON front matter -------------------------------------------------------------------------------------


def test_json_front_matter(site):
    post = site / "content" / "posts" / "json.md"
    text = (
        '{\n  "title": "Vitamin D3",\n  "supplements": ["../../labels/d3.yaml", "../../labels/nope.yaml"]\n}\n'
        f"# Vitamin D3\n\n{CONSULT}\n"
    )
    places = sorted((f.code, f.line, f.column) for f in supplint.check_text(text, str(post)))
    assert places == [("SUP101", 3, 19), ("SUP201", 3, 19), ("SUP202", 3, 19), ("SUP405", 3, 43)]


def test_broken_json_front_matter_is_sup001_at_its_line(tmp_path):
    found = supplint.check_text('{\n  "title": "x",\n}\n# Post\n', str(tmp_path / "post.md"))
    assert [(f.code, f.line) for f in found] == [("SUP001", 3)]


@pytest.mark.parametrize("text", ["{% include note.html %}\n# Post\n", "{{< youtube x >}}\n# Post\n"])
def test_a_template_tag_is_not_json_front_matter(tmp_path, text):
    assert supplint.check_text(text, str(tmp_path / "post.md")) == []


# --- MDX ---------------------------------------------------------------------------------------------------------


def test_imports_and_jsx_props_are_not_prose(site):
    assert codes_and_lines(site / "content" / "posts" / "magnesium.mdx") == []


def test_the_same_text_as_markdown_reads_the_props(site):
    """The control: as a .md page the JSX props and the import line are text, and claim words in them count."""
    as_markdown = site / "content" / "posts" / "magnesium.md"
    assert ("SUP404", 7) in codes_and_lines(as_markdown, MDX_POST)


def test_jsx_children_are_prose(tmp_path):
    text = "<Callout>\n    This supplement cures arthritis.\n</Callout>\n\n<Note>It treats gout.</Note>\n"
    assert codes_and_lines(tmp_path / "post.mdx", text) == [("SUP404", 2), ("SUP404", 5)]


def test_a_jsx_disclosure_before_the_link(tmp_path):
    text = f"<Callout>\n  {DISCLOSURE}\n</Callout>\n\nOur pick is {LINK}.\n"
    assert codes_and_lines(tmp_path / "post.mdx", text) == []


def test_a_disclosure_in_a_jsx_prop_is_not_a_disclosure(tmp_path):
    text = f'<Disclosure text="{DISCLOSURE}" />\n\nOur pick is {LINK}.\n'
    assert codes_and_lines(tmp_path / "post.mdx", text) == [("SUP401", 3)]


def test_a_jsx_anchor_is_an_affiliate_link(tmp_path):
    text = 'Our pick is <a href="https://example.com/d3" rel="sponsored" onClick={() => track("d3")}>D3</a>.\n'
    assert codes_and_lines(tmp_path / "post.mdx", text) == [("SUP401", 1)]


def test_code_in_mdx_keeps_its_jsx(tmp_path):
    """A fence or a code span shows JSX as an example: it is code either way, and does not unbalance the scan."""
    text = '```jsx\n<Callout note={"x">\n```\n\nA `{` brace and `<Tag` in code.\n\nThis cures arthritis.\n'
    assert codes_and_lines(tmp_path / "post.mdx", text) == [("SUP404", 7)]


def test_an_expression_in_text_is_not_prose(tmp_path):
    text = "Vitamin D {props.cures ? 'cures arthritis' : ''} supports bones.\n"
    assert codes_and_lines(tmp_path / "post.mdx", text) == []


def test_mdx_comment_directives_suppress(tmp_path):
    text = "{/* supplint: disable=SUP404 */}\nThis cures arthritis.\n\nIt treats gout.\n"
    assert codes_and_lines(tmp_path / "post.mdx", text) == [("SUP404", 4)]


def test_an_indented_line_in_mdx_is_not_code(tmp_path):
    text = "<Callout>\n\n    This cures arthritis.\n\n</Callout>\n"
    assert codes_and_lines(tmp_path / "post.mdx", text) == [("SUP404", 3)]


def test_unclosed_jsx_is_text_and_no_traceback(tmp_path):
    text = 'A { that never closes and <Tag a="b that never closes.\n\nThis cures arthritis.\n'
    assert ("SUP404", 3) in codes_and_lines(tmp_path / "post.mdx", text)


# --- footnotes -----------------------------------------------------------------------------------------------------


def test_a_footnote_disclosure_is_late_wherever_its_definition_is_written(site):
    assert codes_and_lines(site / "content" / "posts" / "footnote.md") == [("SUP402", 5)]


def test_a_footnote_disclosure_after_the_link(tmp_path):
    text = f"# D3\n\nOur pick is {LINK}.[^1]\n\n[^1]: We may earn a commission on purchases made through links.\n"
    assert codes_and_lines(tmp_path / "post.md", text + CONSULT + "\n") == [("SUP402", 5)]


def test_a_disclosure_in_the_text_before_the_link_is_not_late(tmp_path):
    text = (
        f"# D3\n\n{DISCLOSURE}[^1]\n\nOur pick is {LINK}.\n\n"
        "[^1]: We may earn a commission on purchases made through links.\n"
    )
    assert codes_and_lines(tmp_path / "post.md", text + CONSULT + "\n") == []


def test_an_unreferenced_footnote_does_not_render(tmp_path):
    """GitHub, Hugo and remark-gfm leave out a footnote nothing refers to: its words are not on the page."""
    text = f"# D3\n\n[^1]: We may earn a commission on purchases made through links.\n\nOur pick is {LINK}.\n"
    assert codes_and_lines(tmp_path / "post.md", text + CONSULT + "\n") == [("SUP401", 5)]


def test_a_footnote_reference_is_not_words(tmp_path):
    """`[^1]` renders as a superscript number: the words around it are still one sentence."""
    text = "# D3\n\nThis cures[^1] arthritis.\n\n[^1]: A note.\n"
    assert codes_and_lines(tmp_path / "post.md", text) == [("SUP404", 3)]
