"""`supplint server` end to end: a real LSP client (pytest-lsp) starts `python -m supplint server` over stdio and
checks what an editor would see, by rule code and range."""

from __future__ import annotations

import asyncio

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from conftest import EXAMPLES, ROOT
from lsp_client import SERVER, apply_edits, change, codes_at, edits_of, fixture, open_doc, published, request, start

pytestmark = pytest.mark.asyncio

D3_5000 = (EXAMPLES / "d3-5000-softgel.yaml").read_text(encoding="utf-8")
D3_K2 = (EXAMPLES / "d3-k2-softgel.yaml").read_text(encoding="utf-8")
UG = (EXAMPLES / "selenium-chromium-ug.yaml").read_text(encoding="utf-8")


@fixture(config=SERVER)
async def client(lsp_client: LanguageClient, tmp_path):
    (tmp_path / ".git").mkdir()  # the workspace is a repository: pages may name labels anywhere in it
    await start(lsp_client, tmp_path)
    lsp_client.root = tmp_path
    yield
    await request(lsp_client.shutdown_session())


def uri(client, name: str, text: str | None = None) -> str:
    path = client.root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if text is not None:
        path.write_text(text, encoding="utf-8")
    return path.as_uri()


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines()) if needle in line)


async def code_actions(
    client, doc_uri: str, at: types.Diagnostic | int, only: list[str] | None = None
) -> list[types.CodeAction]:
    """What the editor offers for a diagnostic (its range, and it in the context), or at a cursor on a line."""
    if isinstance(at, int):
        where, diagnostics = types.Range(types.Position(at, 0), types.Position(at, 0)), []
    else:
        where, diagnostics = at.range, [at]
    params = types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=doc_uri),
        range=where,
        context=types.CodeActionContext(diagnostics=diagnostics, only=only),
    )
    return list(await request(client.text_document_code_action_async(params)) or [])


async def test_open_reports_upper_limit_on_the_amount_line(client):
    doc = uri(client, "d3.yaml", D3_5000)
    found = await open_doc(client, doc, D3_5000)
    amount = line_of(D3_5000, "amount: 125 mcg")
    sup201 = [d for d in found if d.code == "SUP201"]
    assert len(sup201) == 1 and sup201[0].range.start.line == amount == 12
    assert sup201[0].range.start.character == D3_5000.splitlines()[amount].index("125")
    assert sup201[0].severity == types.DiagnosticSeverity.Error and sup201[0].source == "supplint"
    assert sup201[0].code_description.href.endswith("/docs/rules.md#sup201-above-upper-limit")
    assert {"SUP101", "SUP202"} <= codes_at(found, amount)
    assert next(d for d in found if d.code == "SUP101").severity == types.DiagnosticSeverity.Warning


async def test_editing_into_a_clean_d3_k2_label_clears_the_diagnostics(client):
    doc = uri(client, "d3.yaml", D3_5000)
    await open_doc(client, doc, D3_5000)
    assert await change(client, doc, 2, D3_K2) == []


async def test_an_incremental_edit_moves_only_what_changed(client):
    doc = uri(client, "d3.yaml", D3_5000)
    await open_doc(client, doc, D3_5000)
    amount = line_of(D3_5000, "amount: 125 mcg")
    start = D3_5000.splitlines()[amount].index("125 mcg (5,000 IU)")
    edit = types.Range(types.Position(amount, start), types.Position(amount, start + len("125 mcg (5,000 IU)")))
    found = await change(client, doc, 2, "50 mcg (2,000 IU)", edit)
    assert "SUP201" not in codes_at(found) and "SUP101" in codes_at(found, amount)


async def test_astral_characters_and_micro_signs_do_not_shift_columns(client):
    # The emoji is one code point and two UTF-16 units; µ and ≥ are one of each.
    row = '  - {name: "Chromium 🌿 ≥ µ", amount: 35 ug, dv: 100%}'
    text = UG.replace("  - name: Chromium\n    as: chromium picolinate\n    amount: 35 ug\n    dv: 100%\n", row + "\n")
    assert row in text
    doc = uri(client, "ug.yaml", text)
    found = await open_doc(client, doc, text)
    line = line_of(text, "🌿")
    hit = next(d for d in found if d.code == "SUP208" and d.range.start.line == line)
    utf16 = lambda s: len(s.encode("utf-16-le")) // 2  # noqa: E731
    assert hit.range.start.character == utf16(row[: row.index("35 ug")])
    assert hit.range.end.character == utf16(row[: row.index("35 ug") + len("35 ug")])
    micro = next(d for d in found if d.code == "SUP208" and d.range.start.line != line)
    micro_line = text.splitlines()[micro.range.start.line]
    assert micro.range.end.character == micro_line.index("55 µg") + len("55 µg")
    fix = next(
        a
        for a in await code_actions(client, doc, hit)
        if a.kind == types.CodeActionKind.QuickFix and a.title.startswith("SUP208")
    )
    assert apply_edits(text, edits_of(fix, doc)).splitlines()[line] == row.replace("35 ug", "35 mcg")


async def test_a_yaml_line_separator_does_not_move_later_lines(client):
    # YAML breaks lines at U+2028 too, the protocol does not: the amount is on the editor's line 2.
    text = "product: Vitamin D3\u2028facts:\n  - name: Vitamin D3\n    amount: 125 mcg\n"
    doc = uri(client, "sep.yaml", text)
    found = await open_doc(client, doc, text)
    hit = next(d for d in found if d.code == "SUP201")
    assert (hit.range.start.line, hit.range.start.character) == (2, len("    amount: "))


async def test_ug_quick_fix_writes_mcg(client):
    doc = uri(client, "ug.yaml", UG)
    found = await open_doc(client, doc, UG)
    line = line_of(UG, "amount: 35 ug")
    assert "SUP208" in codes_at(found, line)
    hit = next(d for d in found if d.code == "SUP208" and d.range.start.line == line)
    fixes = [
        a
        for a in await code_actions(client, doc, hit)
        if a.kind == types.CodeActionKind.QuickFix and a.title.startswith("SUP208")
    ]
    assert len(fixes) == 1 and fixes[0].is_preferred
    (edit,) = edits_of(fixes[0], doc)
    column = UG.splitlines()[line].index("ug")
    assert edit.new_text == "mcg"
    assert (edit.range.start.line, edit.range.start.character, edit.range.end.character) == (line, column, column + 2)
    fixed = apply_edits(UG, [edit])
    assert "SUP208" not in codes_at(await change(client, doc, 2, fixed), line)


async def test_fix_all_applies_every_safe_fix(client):
    doc = uri(client, "ug.yaml", UG)
    found = await open_doc(client, doc, UG)
    actions = await code_actions(client, doc, 0, only=[types.CodeActionKind.SourceFixAll])
    assert [a.kind for a in actions] == ["source.fixAll.supplint"]
    fixed = apply_edits(UG, edits_of(actions[0], doc))
    assert "amount: 55 mcg" in fixed and "amount: 35 mcg" in fixed
    # At a cursor it comes with a quick fix, not on a line that has none.
    hit = next(d for d in found if d.code == "SUP208")
    assert "source.fixAll.supplint" in [a.kind for a in await code_actions(client, doc, hit)]
    assert "source.fixAll.supplint" not in [a.kind for a in await code_actions(client, doc, line_of(UG, "brand:"))]
    assert "SUP208" not in codes_at(await change(client, doc, 2, fixed))


async def test_suppress_action_writes_a_comment_that_silences_the_rule(client):
    doc = uri(client, "d3.yaml", D3_5000)
    found = await open_doc(client, doc, D3_5000)
    line = line_of(D3_5000, "amount: 125 mcg")
    hit = next(d for d in found if d.code == "SUP201")
    (action,) = [a for a in await code_actions(client, doc, hit) if a.title == "Suppress SUP201 on this line"]
    (edit,) = edits_of(action, doc)
    assert edit.range.start.line == line and edit.new_text.strip() == "# supplint: disable=SUP201"
    found = await change(client, doc, 2, apply_edits(D3_5000, [edit]))
    assert "SUP201" not in codes_at(found) and "SUP009" not in codes_at(found) and "SUP202" in codes_at(found, line)


async def test_suppress_action_on_a_page_writes_an_html_comment(client):
    text = (EXAMPLES / "pages" / "disease-claim.md").read_text(encoding="utf-8")
    doc = uri(client, "pages/disease-claim.md", text)
    found = await open_doc(client, doc, text, "markdown")
    claim = next(d for d in found if d.code == "SUP404")
    (action,) = [a for a in await code_actions(client, doc, claim) if a.title == "Suppress SUP404 on this line"]
    (edit,) = edits_of(action, doc)
    assert "<!-- supplint: disable=SUP404 -->" in edit.new_text
    assert "SUP404" not in codes_at(await change(client, doc, 2, apply_edits(text, [edit])))


async def test_hover_explains_the_rule(client):
    doc = uri(client, "d3.yaml", D3_5000)
    await open_doc(client, doc, D3_5000)
    line = line_of(D3_5000, "amount: 125 mcg")
    at = types.Position(line, D3_5000.splitlines()[line].index("125") + 2)
    result = await request(
        client.text_document_hover_async(
            types.HoverParams(text_document=types.TextDocumentIdentifier(uri=doc), position=at)
        )
    )
    assert result.contents.kind == types.MarkupKind.Markdown
    assert "## SUP201 above-upper-limit" in result.contents.value and "## SUP101 d3-without-k2" in result.contents.value
    nothing = await request(
        client.text_document_hover_async(
            types.HoverParams(text_document=types.TextDocumentIdentifier(uri=doc), position=types.Position(5, 0))
        )
    )
    assert nothing is None


PAGE = """---
title: A vitamin D review
supplements:
  - ../labels/d3.yaml
---
# Vitamin D

Ask your doctor before you take a supplement.
"""


async def test_a_label_edit_relints_the_open_page_that_names_it(client):
    label = uri(client, "labels/d3.yaml", D3_5000)
    page = uri(client, "posts/review.md", PAGE)
    reference_line = line_of(PAGE, "../labels/d3.yaml")
    found = await open_doc(client, page, PAGE, "markdown")
    assert "SUP201" in codes_at(found, reference_line)
    mark = len(client.published)
    await open_doc(client, label, D3_5000)
    await published(client, page, mark)  # opening the label checks the page again too
    mark = len(client.published)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=label, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=D3_K2)],
        )
    )
    assert "SUP201" not in codes_at(await published(client, page, mark))  # the unsaved text, not the disk
    (client.root / "labels" / "d3.yaml").write_text(D3_K2, encoding="utf-8")
    mark = len(client.published)
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=label))
    )
    assert "SUP201" not in codes_at(await published(client, page, mark))
    # Closed again, the label is read from the disk, which was changed behind the editor's back.
    (client.root / "labels" / "d3.yaml").write_text(D3_5000, encoding="utf-8")
    mark = len(client.published)
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=label))
    )
    assert "SUP201" in codes_at(await published(client, page, mark), reference_line)


async def test_a_label_changed_on_disk_relints_the_page(client):
    label = uri(client, "labels/d3.yaml", D3_K2)
    page = uri(client, "posts/review.md", PAGE)
    assert "SUP201" not in codes_at(await open_doc(client, page, PAGE, "markdown"))
    (client.root / "labels" / "d3.yaml").write_text(D3_5000, encoding="utf-8")
    mark = len(client.published)
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(changes=[types.FileEvent(uri=label, type=types.FileChangeType.Changed)])
    )
    assert "SUP201" in codes_at(await published(client, page, mark), line_of(PAGE, "../labels/d3.yaml"))


async def test_supplements_entries_are_links_to_the_labels(client):
    label = uri(client, "labels/d3.yaml", D3_5000)
    page = uri(client, "posts/review.md", PAGE)
    await open_doc(client, page, PAGE, "markdown")
    found = await request(
        client.text_document_document_link_async(
            types.DocumentLinkParams(text_document=types.TextDocumentIdentifier(uri=page))
        )
    )
    (link,) = found
    line = line_of(PAGE, "../labels/d3.yaml")
    assert link.target == label and link.range.start.line == line
    assert link.range.start.character == PAGE.splitlines()[line].index("../")


async def test_a_config_change_relints_open_documents(client):
    doc = uri(client, "d3.yaml", D3_5000)
    assert "SUP201" in codes_at(await open_doc(client, doc, D3_5000))
    config = uri(client, "supplint.toml", 'ignore = ["SUP201"]\n')
    mark = len(client.published)
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=config))
    )
    found = await published(client, doc, mark)
    assert "SUP201" not in codes_at(found) and "SUP101" in codes_at(found)
    (client.root / "supplint.toml").write_text('select = ["SUP201"]\n', encoding="utf-8")
    mark = len(client.published)
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(changes=[types.FileEvent(uri=config, type=types.FileChangeType.Changed)])
    )
    assert codes_at(await published(client, doc, mark)) == {"SUP201"}


async def test_a_broken_config_is_one_diagnostic_not_a_crash(client):
    uri(client, "supplint.toml", 'selekt = ["SUP201"]\n')
    doc = uri(client, "d3.yaml", D3_5000)
    (only,) = await open_doc(client, doc, D3_5000)
    assert only.code is None and only.range.start.line == 0 and only.severity == types.DiagnosticSeverity.Error


async def test_a_dsld_record_is_checked_at_its_json_lines(client):
    text = (ROOT / "tests" / "fixtures" / "dsld" / "d3-5000-softgel.json").read_text(encoding="utf-8")
    doc = uri(client, "record.json", text)
    found = await open_doc(client, doc, text, "json")
    assert "SUP201" in codes_at(found)
    other = uri(client, "package.json", '{"name": "site"}')
    assert await open_doc(client, other, '{"name": "site"}', "json") == []


async def test_hostile_documents_never_stop_the_server(client):
    broken = "product: [unclosed\nfacts:\n  - name: x\n"
    assert codes_at(await open_doc(client, uri(client, "broken.yaml"), broken)) == {"SUP001"}
    garbage = "".join(chr(c) for c in range(1, 0x3000, 7)) + "\x00"
    assert codes_at(await open_doc(client, uri(client, "garbage.yaml"), garbage)) == {"SUP001"}
    # JSON can carry a lone surrogate, which no file read from disk holds and the YAML parser cannot encode
    surrogate = await open_doc(client, uri(client, "surrogate.yaml"), "product: \ud800\n")
    assert codes_at(surrogate) == {"SUP001"}
    huge = "product: x\n" + "# padding\n" * 120_000
    (too_large,) = await open_doc(client, uri(client, "huge.yaml"), huge)
    assert too_large.code == "SUP001" and too_large.range.start.line == 0
    deep = "facts: " + "[" * 50_000
    assert codes_at(await open_doc(client, uri(client, "deep.yaml"), deep)) == {"SUP001"}
    missing = "---\nsupplements:\n  - nowhere.yaml\n  - ../../../../etc/passwd\n  - /abs.yaml\n---\n# x\n"
    page = await open_doc(client, uri(client, "missing.md"), missing, "markdown")
    assert [d.range.start.line for d in page if d.code == "SUP405"] == [2, 3, 4]
    # A buffer that is no file: checked by its language, with the workspace's config.
    found = await open_doc(client, "untitled:Untitled-1", D3_5000, "yaml")
    assert "SUP201" in codes_at(found, 12)
    # Changes the server cannot place: a range past the end, a document never opened.
    past = types.Range(types.Position(9999, 5), types.Position(10_000, 0))
    assert "SUP201" in codes_at(await change(client, "untitled:Untitled-1", 2, "\n# more\n", past))
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri="file:///never/opened.yaml", version=3),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text="x")],
        )
    )
    assert (
        await request(
            client.text_document_hover_async(
                types.HoverParams(
                    text_document=types.TextDocumentIdentifier(uri="file:///never/opened.yaml"),
                    position=types.Position(0, 0),
                )
            )
        )
        is None
    )
    # Still answering: a new label gets its diagnostics.
    assert "SUP201" in codes_at(await open_doc(client, uri(client, "after.yaml"), D3_5000), 12)


@fixture(config=SERVER)
async def utf8_client(lsp_client: LanguageClient, tmp_path):
    """A client that prefers UTF-8 positions (as Neovim 0.11 and Helix may)."""
    result = await start(lsp_client, tmp_path, "neovim@v0.10.0", encodings=["utf-8", "utf-16"])
    lsp_client.root = tmp_path
    lsp_client.encoding = result.capabilities.position_encoding
    yield
    await request(lsp_client.shutdown_session())


async def test_utf8_positions_when_the_client_prefers_them(utf8_client):
    assert utf8_client.encoding == types.PositionEncodingKind.Utf8
    row = '  - {name: "Chromium 🌿 ≥ µ", amount: 35 ug, dv: 100%}'
    text = UG.replace("  - name: Chromium\n    as: chromium picolinate\n    amount: 35 ug\n    dv: 100%\n", row + "\n")
    doc = uri(utf8_client, "ug.yaml", text)
    found = await open_doc(utf8_client, doc, text)
    line = line_of(text, "🌿")
    hit = next(d for d in found if d.code == "SUP208" and d.range.start.line == line)
    assert hit.range.start.character == len(row[: row.index("35 ug")].encode("utf-8"))
    # An edit in UTF-8 units lands where it should: "ug" replaced by "mcg" clears the finding.
    at = len(row[: row.index("35 ug") + 3].encode("utf-8"))
    fixed = await change(
        utf8_client, doc, 2, "mcg", types.Range(types.Position(line, at), types.Position(line, at + 2))
    )
    assert "SUP208" not in codes_at(fixed, line)


async def test_crlf_line_endings(client):
    text = UG.replace("\n", "\r\n")
    doc = uri(client, "crlf.yaml", text)
    found = await open_doc(client, doc, text)
    line = line_of(UG, "amount: 35 ug")
    hit = next(d for d in found if d.code == "SUP208" and d.range.start.line == line)
    (fix,) = [a for a in await code_actions(client, doc, hit) if a.title.startswith("SUP208")]
    assert apply_edits(text, edits_of(fix, doc)).split("\r\n")[line] == "    amount: 35 mcg"


async def test_watchers_are_registered_for_configs_and_labels(client):
    async def registered():
        while not client.registrations:
            await asyncio.sleep(0.01)
        return client.registrations

    (registration,) = await request(registered())
    globs = {w["globPattern"] for w in registration.register_options["watchers"]}
    assert registration.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
    assert {"**/supplint.toml", "**/pyproject.toml", "**/*.yaml"} <= globs


async def test_the_closest_config_applies_and_its_excludes_are_quiet(client):
    uri(client, "supplint.toml", 'exclude = ["drafts/**"]\n')
    uri(client, "strict/supplint.toml", 'select = ["SUP201"]\n')
    assert await open_doc(client, uri(client, "drafts/d3.yaml", D3_5000), D3_5000) == []
    assert codes_at(await open_doc(client, uri(client, "strict/d3.yaml", D3_5000), D3_5000)) == {"SUP201"}
    assert {"SUP101", "SUP201"} <= codes_at(await open_doc(client, uri(client, "d3.yaml", D3_5000), D3_5000))
