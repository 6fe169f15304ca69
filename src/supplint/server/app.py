"""The protocol's handlers: which document is checked when, and what goes back to the editor.

Every handler is guarded: an exception in one becomes a log message in the editor and the server goes on. The
engine (rules, reference data) loads after the initialize answer, in `initialized`, so the editor hears back as
soon as the protocol library has loaded; lsprotocol's types alone take most of the start.
"""

from __future__ import annotations

import functools
import os
import traceback

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from ..codes import INTERNAL_ERROR
from ..run.config import FILENAMES as CONFIG_NAMES
from ..version import __version__
from . import actions
from .diagnostics import config_diagnostic, diagnostic
from .documents import Document, Documents, Overlay, apply_change, path_of

#: Files whose change on disk matters: configs (rebuild the settings) and labels (re-check the pages naming them).
WATCHED = ["**/supplint.toml", "**/.supplint.toml", "**/pyproject.toml", "**/*.yaml", "**/*.yml"]


class SupplintServer(LanguageServer):
    def __init__(self):
        super().__init__("supplint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.documents = Documents()
        self.overlay = Overlay(self.documents)
        self._resolver = None
        self.root = os.getcwd()

    @property
    def resolver(self):
        if self._resolver is None:
            from ..run.settings import Overrides, Resolver

            self._resolver = Resolver(Overrides())
        return self._resolver

    @property
    def encoding(self) -> str:
        try:
            return str(self.workspace.position_encoding or "utf-16")
        except RuntimeError:  # before initialize
            return "utf-16"

    def log(self, message: str, kind: types.MessageType = types.MessageType.Error) -> None:
        try:
            self.window_log_message(types.LogMessageParams(type=kind, message=message))
        except Exception:  # noqa: BLE001 - nowhere left to report to; stderr is the editor's log at best
            traceback.print_exc()

    def check(self, doc: Document) -> None:
        from .lint import lint

        outcome = lint(doc, self.resolver, self.overlay, self.log)
        doc.findings = outcome.findings
        positions = doc.positions(self.encoding)
        found = [diagnostic(positions, f) for f in outcome.findings]
        if outcome.config_error:
            found.insert(0, config_diagnostic(outcome.config_error))
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=doc.uri, diagnostics=found, version=doc.version)
        )

    def check_dependents(self, path: str, skip: Document | None = None) -> None:
        """Re-check the open pages that name the label at ``path``."""
        for page in self.documents.pages_naming(path):
            if page is not skip:
                self.check(page)

    def check_all(self) -> None:
        for doc in self.documents:
            self.check(doc)

    def rebuild(self) -> None:
        """A config changed: settings are read again for every file, and every open document is checked again."""
        self._resolver = None
        self.check_all()

    def versioned_edits(self) -> bool:
        caps = self.client_capabilities
        workspace = caps.workspace if caps is not None else None
        edit = workspace.workspace_edit if workspace else None
        return bool(edit and edit.document_changes)


def guarded(handler):
    """A failure in one request or notification is logged; the server keeps answering."""

    @functools.wraps(handler)
    def run(server: SupplintServer, params):
        try:
            return handler(server, params)
        except Exception:  # noqa: BLE001 - the server must outlive any one message
            server.log(f"supplint server: {handler.__name__} failed; please report it:\n{traceback.format_exc()}")
            return None

    return run


def _warm_up(ls: SupplintServer) -> None:
    """Load the rules, the reference data and the page parser now, while the editor is still opening files."""
    from ..reference.tables import reference
    from ..ruleset.registry import registry
    from ..subjects import page as check  # noqa: F401
    from . import lint  # noqa: F401 - the engine and the settings

    registry()
    reference()
    _ = ls.resolver  # built now: the first check does not wait for it


def is_config(path: str) -> bool:
    return os.path.basename(path) in CONFIG_NAMES


def build() -> SupplintServer:
    server = SupplintServer()

    @server.feature(types.INITIALIZE)
    @guarded
    def initialize(ls: SupplintServer, params: types.InitializeParams):
        folders = params.workspace_folders or []
        root = folders[0].uri if folders else params.root_uri
        if root:
            path, is_file = path_of(root, None, ls.root)
            if is_file:
                ls.root = path

    @server.feature(types.INITIALIZED)
    @guarded
    def initialized(ls: SupplintServer, params: types.InitializedParams):
        _warm_up(ls)
        caps = ls.client_capabilities.workspace
        watch = caps.did_change_watched_files if caps else None
        if watch and watch.dynamic_registration:
            options = types.DidChangeWatchedFilesRegistrationOptions(
                watchers=[types.FileSystemWatcher(glob_pattern=glob) for glob in WATCHED]
            )
            ls.client_register_capability(
                types.RegistrationParams(
                    registrations=[
                        types.Registration(
                            id="supplint-watch",
                            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                            register_options=options,
                        )
                    ]
                )
            )

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    @guarded
    def did_open(ls: SupplintServer, params: types.DidOpenTextDocumentParams):
        item = params.text_document
        path, is_file = path_of(item.uri, item.language_id, ls.root)
        doc = Document(item.uri, path, is_file, item.text, item.version)
        ls.documents.open(doc)
        ls.check(doc)
        if doc.is_label and is_file:
            ls.check_dependents(path, doc)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    @guarded
    def did_change(ls: SupplintServer, params: types.DidChangeTextDocumentParams):
        doc = ls.documents.get(params.text_document.uri)
        if doc is None:
            return
        for change in params.content_changes:
            apply_change(doc, change, ls.encoding)
        doc.version = params.text_document.version
        ls.check(doc)
        if doc.is_label and doc.is_file:
            ls.check_dependents(doc.path, doc)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    @guarded
    def did_save(ls: SupplintServer, params: types.DidSaveTextDocumentParams):
        doc = ls.documents.get(params.text_document.uri)
        path = doc.path if doc else path_of(params.text_document.uri, None, ls.root)[0]
        if is_config(path):
            ls.rebuild()
        elif doc is not None:
            ls.check(doc)
            if doc.is_label and doc.is_file:
                ls.check_dependents(doc.path, doc)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    @guarded
    def did_close(ls: SupplintServer, params: types.DidCloseTextDocumentParams):
        doc = ls.documents.close(params.text_document.uri)
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[])
        )
        if doc is not None and doc.is_label and doc.is_file:
            ls.check_dependents(doc.path)  # they read the file on disk again

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    @guarded
    def did_change_watched(ls: SupplintServer, params: types.DidChangeWatchedFilesParams):
        paths = [path_of(change.uri, None, ls.root) for change in params.changes]
        if any(is_file and is_config(path) for path, is_file in paths):
            ls.rebuild()
            return
        for path, is_file in paths:
            if is_file and ls.documents.label_at(path) is None:  # an open label speaks for itself
                ls.check_dependents(path)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(code_action_kinds=actions.KINDS))
    @guarded
    def code_action(ls: SupplintServer, params: types.CodeActionParams):
        doc = ls.documents.get(params.text_document.uri)
        if doc is None or not doc.findings:
            return None
        only = params.context.only
        positions = doc.positions(ls.encoding)
        versioned = ls.versioned_edits()
        found: list[types.CodeAction] = []
        quick = actions.wanted(only, types.CodeActionKind.QuickFix)
        linter = None
        # Neovim asks at the cursor and names the line's diagnostics in the context; VS Code asks for a range.
        named = {(d.code, d.range.start.line, d.range.start.character) for d in params.context.diagnostics}
        for finding in doc.findings:
            if not quick:
                break
            diag = diagnostic(positions, finding)
            if not (
                actions.overlaps(diag.range, params.range.start, params.range.end)
                or (diag.code, diag.range.start.line, diag.range.start.character) in named
            ):
                continue
            if finding.fix:
                found.append(actions.quick_fix(doc, positions, finding, diag, versioned))
            if finding.code == INTERNAL_ERROR:
                continue  # a crash is not the file's to silence
            if linter is None:
                linter = ls.resolver.for_path(doc.path).linter_for(doc.path)
            action = actions.suppression(doc, positions, finding, linter, diag, versioned)
            if action is not None:
                found.append(action)
        # Asked for by kind (on save, or from a menu) it is always computed; next to the quick fixes of a cursor
        # only where one of them is a fix, since VS Code asks on every cursor move and fixing re-checks the file.
        asked = bool(only) and actions.wanted(only, actions.FIX_ALL)
        if (
            asked or (not only and any(a.kind == types.CodeActionKind.QuickFix and a.is_preferred for a in found))
        ) and any(f.fix for f in doc.findings):
            action = actions.fix_all(doc, positions, ls.resolver, versioned)
            if action is not None:
                found.append(action)
        return found or None

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    @guarded
    def on_hover(ls: SupplintServer, params: types.HoverParams):
        from .hover import hover

        doc = ls.documents.get(params.text_document.uri)
        return hover(doc, ls.encoding, params.position) if doc is not None else None

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_LINK)
    @guarded
    def document_link(ls: SupplintServer, params: types.DocumentLinkParams):
        doc = ls.documents.get(params.text_document.uri)
        if doc is None:
            return None
        from .links import links

        return links(doc, ls.encoding, lambda path: ls.documents.label_at(path) is not None)

    return server
