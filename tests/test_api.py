"""The library API as a CMS hook uses it: selections as strings, configs as mappings, labels in memory, fixes."""

from __future__ import annotations

import pytest

import supplint
from conftest import EXAMPLES, ROOT
from supplint.api import linter as linter_for

D3 = (EXAMPLES / "d3-5000-softgel.yaml").read_text(encoding="utf-8")  # SUP101, SUP201, SUP202 on line 13
PAGE = "---\nsupplements: [labels/d3.yaml]\n---\nWe earn a commission on purchases. Talk to your doctor first.\n"


def at(findings) -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in findings]


def test_a_selection_string_is_split_at_commas_not_into_letters():
    assert at(supplint.check_text(D3, "d3.yaml", select="SUP2")) == [("SUP201", 13), ("SUP202", 13)]
    assert at(supplint.check_text(D3, "d3.yaml", select="SUP101,SUP201")) == [("SUP101", 13), ("SUP201", 13)]
    assert at(supplint.check_text(D3, "d3.yaml", ignore="SUP2")) == [("SUP101", 13)]


def test_bytes_are_read_as_a_file_is():
    assert at(supplint.check_text(D3.encode("utf-8"), "d3.yaml")) == at(supplint.check_text(D3, "d3.yaml"))
    assert at(supplint.check_text(b"product: x\nbrand: \xff\n", "bad.yaml")) == [("SUP001", 2)]


def test_labels_in_memory_and_no_disk_reads():
    with_label = supplint.check_text(PAGE, "post.md", labels={"labels/d3.yaml": D3}, read_files=False)
    assert at(with_label) == [("SUP101", 2), ("SUP201", 2), ("SUP202", 2)]
    assert at(supplint.check_text(PAGE, "post.md", read_files=False)) == [("SUP405", 2)]


def test_read_files_false_never_opens_a_file(monkeypatch, tmp_path):
    (tmp_path / "labels").mkdir()
    (tmp_path / "labels" / "d3.yaml").write_text(D3, encoding="utf-8")
    import builtins
    import os

    opened = []
    real_open, real_os_open = builtins.open, os.open
    monkeypatch.setattr(builtins, "open", lambda *a, **k: opened.append(a[0]) or real_open(*a, **k))
    monkeypatch.setattr(os, "open", lambda *a, **k: opened.append(a[0]) or real_os_open(*a, **k))
    found = supplint.check_text(PAGE, str(tmp_path / "post.md"), read_files=False)
    assert at(found) == [("SUP405", 2)]
    assert not [p for p in opened if "d3.yaml" in str(p)]


def test_config_as_a_mapping_or_a_file(tmp_path):
    assert at(supplint.check_text(D3, "d3.yaml", config={"ignore": ["SUP101"], "severity": {"SUP201": "warning"}})) == [
        ("SUP201", 13),
        ("SUP202", 13),
    ]
    (tmp_path / "supplint.toml").write_text('select = ["SUP101"]\n', encoding="utf-8")
    assert at(supplint.check_text(D3, "d3.yaml", config=tmp_path / "supplint.toml")) == [("SUP101", 13)]
    from supplint.run.config import ConfigError

    with pytest.raises(ConfigError):
        supplint.check_text(D3, "d3.yaml", config={"populaton": "adults"})


def test_fix_text_writes_what_check_fix_would():
    fixed = supplint.fix_text("product: Se Supplement\nfacts:\n  - {name: Selenium, amount: 55 ug}\n", "se.yaml")
    assert "55 mcg" in fixed and "ug" not in fixed
    assert supplint.fix_text(D3, "d3.yaml") == D3  # nothing safe to fix


def test_check_stack():
    calcium = (EXAMPLES / "calcium-d3-tablet.yaml").read_text(encoding="utf-8")
    found = supplint.check_stack([D3, calcium], names=["d3.yaml", "calcium.yaml"])
    assert {f.code for f in found} == {"SUP501"}
    with pytest.raises(ValueError):
        supplint.check_stack(["product: [", D3])


def test_the_package_is_typed():
    assert (ROOT / "src" / "supplint" / "py.typed").is_file()


# --- the engine's contract: what it returns and what it offers the subjects it checks ---


def test_a_check_returns_the_resolved_label_beside_its_findings():
    linter = linter_for("d3.yaml")
    checked = linter.check(D3, "d3.yaml")
    assert at(checked.findings) == at(supplint.check_text(D3, "d3.yaml"))
    assert checked.resolved.label.product == "High Potency Vitamin D3 5,000 IU"
    vitamin_d = checked.resolved.rows_of("vitamin-d")
    assert [(row.path, row.per_serving) for row in vitamin_d] == [(("facts", 0), 125.0)]
    assert checked.doc.value_span(vitamin_d[0].amount_path).line == 13
    assert checked.stack is None


def test_a_stack_file_returns_its_stack_and_a_page_no_label():
    path = EXAMPLES / "stacks" / "daily-stack.yaml"
    checked = linter_for(str(path)).check(path.read_text(encoding="utf-8"), str(path))
    assert [m.resolved.label.product for m in checked.stack.members] == [
        "Complete Multi 50+",
        "Calcium 1,100 mg + D3",
        "Vitamin D3 5,000 IU with K2 (MK-7)",
    ]
    assert {f.code for f in checked.findings} >= {"SUP501"} and checked.resolved is None
    page = linter_for("post.md", labels={"labels/d3.yaml": D3}, read_files=False).check(PAGE, "post.md")
    assert page.resolved is None and page.stack is None and at(page.findings)[0] == ("SUP101", 2)


def test_the_linter_offers_every_operation_of_the_engine_contract_with_its_parameters():
    import inspect

    from supplint.engine import Linter
    from supplint.subjects.contract import Engine

    wanted = {name for name, member in vars(Engine).items() if callable(member) and not name.startswith("_")}
    assert wanted >= {"finding", "findings", "run_rules", "check", "check_label", "suppressed"}
    for name in sorted(wanted):
        assert list(inspect.signature(getattr(Linter, name)).parameters) == list(
            inspect.signature(getattr(Engine, name)).parameters
        ), name
    linter = linter_for("d3.yaml")
    for name in Engine.__annotations__:
        assert hasattr(linter, name), name


def test_the_named_builtin_codes_are_the_builtin_rules_of_the_shipped_packs():
    from supplint import codes
    from supplint.ruleset.registry import registry

    named = {value for key, value in vars(codes).items() if key.isupper()}
    builtin = {code for code, spec in registry().rules.items() if spec.kind == "builtin"}
    assert named and named <= builtin


def test_the_user_facing_errors_share_one_base_and_keep_their_own_names():
    from supplint.errors import SupplintError
    from supplint.ruleset.registry import SelectionError
    from supplint.run.config import ConfigError

    with pytest.raises(SupplintError) as raised:
        supplint.check_text(D3, "d3.yaml", config={"populaton": "adults"})
    assert isinstance(raised.value, ConfigError)
    with pytest.raises(SelectionError):
        supplint.check_text(D3, "d3.yaml", select="SUP999x")
