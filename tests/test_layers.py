"""The import contracts of pyproject.toml's [tool.importlinter] (the layers, and no cycle inside a package), run
through import-linter's Python API: the package keeps them, and one import up a layer or round a package breaks
them, so the suite fails on a cycle as `lint-imports` in .ci/run does."""

from __future__ import annotations

import shutil
import sys
import tomllib

import pytest
from importlinter.cli import lint_imports  # the test extra has it: pip install -e '.[test]'

from conftest import ROOT


def _contracts() -> tuple[dict, list[dict]]:
    table = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    session = {key: value for key, value in table.items() if key != "contracts"}
    return session, table["contracts"]


def _ini(session: dict, contracts: list[dict], package: str) -> str:
    """The contracts in import-linter's INI form, for ``package`` (a copy of supplint under another name)."""

    def value(item) -> str:
        if isinstance(item, list):
            return "".join(f"\n    {part.replace('supplint', package)}" for part in item)
        return str(item).replace("supplint", package) if isinstance(item, str) else str(item)

    lines = ["[importlinter]", *(f"{key} = {value(item)}" for key, item in session.items())]
    for number, contract in enumerate(contracts):
        lines += [
            "",
            f"[importlinter:contract:{number}]",
            *(f"{key} = {value(item)}" for key, item in contract.items() if key != "name"),
            f"name = {contract['name']}",
        ]
    return "\n".join(lines) + "\n"


def test_the_package_keeps_its_layers(capsys):
    _session, contracts = _contracts()
    assert [contract["type"] for contract in contracts] == ["layers", "acyclic_siblings"]
    assert lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True) == 0, capsys.readouterr().out


LAYERS, ACYCLIC = "supplint's layers import one way", "no cycle among the modules of a package"


@pytest.mark.parametrize(
    ("module", "upward", "broken"),
    [
        # up a layer, and so round: run imports report already, label imports quantity
        ("report/summary.py", "from ..run import session", {LAYERS, ACYCLIC}),
        ("quantity/units.py", "from ..label import model", {LAYERS, ACYCLIC}),
        # round inside one layer, which only the second contract sees
        ("run/checker.py", "from . import session", {ACYCLIC}),
        ("shipped/location.py", "from . import files", {ACYCLIC}),
    ],
)
def test_an_upward_import_breaks_the_contract(tmp_path, monkeypatch, capsys, module, upward, broken):
    """A copy of the package under another name, with one function-level import pointing up (or round): broken."""
    copy = tmp_path / "supplint_probe"
    shutil.copytree(ROOT / "src" / "supplint", copy, ignore=shutil.ignore_patterns("__pycache__"))
    target = copy / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n\ndef _probe():\n    {upward}\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    session, contracts = _contracts()
    try:
        for contract in contracts:  # each contract on its own: those named break, the other is still kept
            config = tmp_path / f"{contract['type']}.ini"
            config.write_text(_ini(session, [contract], "supplint_probe"), encoding="utf-8")
            status = lint_imports(config_filename=str(config), no_cache=True)
            assert status == (1 if contract["name"] in broken else 0), (contract["name"], capsys.readouterr().out)
    finally:
        for name in [name for name in sys.modules if name.split(".")[0] == "supplint_probe"]:
            del sys.modules[name]
