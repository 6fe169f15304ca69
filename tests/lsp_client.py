"""A real LSP client over stdio (pytest-lsp) driving `python -m supplint server`, and the helpers the server tests
share: open, change, wait for the diagnostics of one document, apply a workspace edit."""

from __future__ import annotations

import asyncio
import re
import sys
from pathlib import Path

import pytest_lsp
from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

TIMEOUT = 20.0  # seconds for any one answer: a server that stops answering fails the test instead of hanging it


def _record(client: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
    client.diagnostics[params.uri] = params.diagnostics
    client.published.append(params)


def _register(client: LanguageClient, params: types.RegistrationParams) -> None:
    client.registrations.extend(params.registrations)


def make_client() -> LanguageClient:
    client = LanguageClient(converter_factory=default_converter)
    client.published = []
    client.registrations = []
    register_lsp_features(
        client,
        {
            **DEFAULT_CLIENT_FEATURES,
            types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: _record,
            types.CLIENT_REGISTER_CAPABILITY: _register,
        },
    )
    return client


SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "supplint", "server"], client_factory=make_client)


async def start(
    client: LanguageClient, root: Path, spec: str = "visual-studio-code", encodings: list[str] | None = None
) -> types.InitializeResult:
    capabilities = client_capabilities(spec)
    if encodings:
        capabilities.general = types.GeneralClientCapabilities(position_encodings=encodings)
    params = types.InitializeParams(
        capabilities=capabilities,
        root_uri=root.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="w")],
    )
    return await asyncio.wait_for(client.initialize_session(params), TIMEOUT)


async def published(
    client: LanguageClient, uri: str, after: int = 0, version: int | None = None
) -> list[types.Diagnostic]:
    """The first diagnostics published for ``uri`` after the ``after``-th publication (and of ``version``)."""

    async def wait():
        seen = after
        while True:
            for params in client.published[seen:]:
                seen += 1
                if params.uri == uri and (version is None or params.version == version):
                    return list(params.diagnostics)
            await asyncio.sleep(0.005)

    return await asyncio.wait_for(wait(), TIMEOUT)


async def open_doc(client: LanguageClient, uri: str, text: str, language: str = "yaml", version: int = 1):
    mark = len(client.published)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=language, version=version, text=text)
        )
    )
    return await published(client, uri, mark, version)


async def change(client: LanguageClient, uri: str, version: int, text: str, range_: types.Range | None = None):
    mark = len(client.published)
    event = (
        types.TextDocumentContentChangePartial(range=range_, text=text)
        if range_ is not None
        else types.TextDocumentContentChangeWholeDocument(text=text)
    )
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version), content_changes=[event]
        )
    )
    return await published(client, uri, mark, version)


async def request(awaitable):
    return await asyncio.wait_for(awaitable, TIMEOUT)


def codes_at(diagnostics, line: int | None = None) -> set[str]:
    """Rule codes, of the diagnostics on 0-based ``line`` when given."""
    return {d.code for d in diagnostics if line is None or d.range.start.line == line}


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    """Apply protocol text edits (UTF-16 positions) the way an editor does."""

    def split(text: str) -> list[str]:
        return re.findall(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", text) or [""]  # the protocol's line breaks only

    lines = split(text)

    def offset(position: types.Position) -> int:
        base = sum(len(line) for line in lines[: position.line])
        line = lines[position.line] if position.line < len(lines) else ""
        units = 0
        for index, ch in enumerate(line):
            if units >= position.character:
                return base + index
            units += 2 if ord(ch) > 0xFFFF else 1
        return base + len(line.rstrip("\r\n"))

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
        lines = split(text)
    return text


def edits_of(action: types.CodeAction, uri: str) -> list[types.TextEdit]:
    edit = action.edit
    if edit.document_changes:
        return [e for change in edit.document_changes if change.text_document.uri == uri for e in change.edits]
    return list(edit.changes[uri])


fixture = pytest_lsp.fixture
