"""The library API as a CMS hook uses it: selections as strings, configs as mappings, labels in memory, fixes."""

from __future__ import annotations

import pytest

import supplint
from conftest import EXAMPLES, ROOT

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
    assert at(supplint.check_text(D3, "d3.yaml", config={"ignore": ["SUP101"], "severity": {"SUP201": "warning"}})) == \
        [("SUP201", 13), ("SUP202", 13)]
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
