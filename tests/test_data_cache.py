"""The cache of the validated shipped packs and tables (data_cache.py): used when it matches the data and code it
was made from, and otherwise ignored, whatever is wrong with it: the run's findings never depend on it."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES, ROOT
from supplint.cli import cli
from supplint.kinds import _claims
from supplint.label.model import Label
from supplint.quantity import units
from supplint.reference import tables as reference
from supplint.ruleset import registry
from supplint.run import config
from supplint.shipped import cache as data_cache
from supplint.shipped import files as data
from supplint.shipped import location, validators

LABEL = EXAMPLES / "d3-k2-4000iu-mismatch.yaml"  # SUP201 and SUP207 on line 14
EXPECTED = [("SUP201", "error", 14), ("SUP207", "error", 14)]


def _forget() -> None:
    """What a new process would start from: nothing loaded, nothing validated."""
    for function in (
        registry.registry,
        reference.reference,
        data_cache.key,
        data.load,
        data._parsed,
        data.rules_dir,
        units.factor,
        units._factors,
        _claims.vocabulary,
        _claims.read_text,  # a verdict remembered from an earlier test would not ask for the vocabulary
        config._validator,
    ):
        function.cache_clear()
    validators.defer(Label, "label")  # the label model's validator is found (or built) again on first use


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("SUPPLINT_CACHE_DIR", str(folder))
    monkeypatch.delenv("SUPPLINT_NO_CACHE", raising=False)
    _forget()
    yield folder
    _forget()  # the other tests go on with data loaded as usual, not with this test's


def check(path=LABEL) -> tuple[int, list[tuple[str, str, int]]]:
    result = CliRunner().invoke(cli, ["check", str(path), "--isolated", "--output-format", "json"])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, [(f["code"], f["severity"], f["line"]) for f in json.loads(result.stdout)]


def _no_validation(monkeypatch) -> None:
    def refuse():
        raise AssertionError("the packs were validated again")

    monkeypatch.setattr(registry, "build", refuse)


def test_first_run_writes_the_cache_and_the_next_uses_it(cache, monkeypatch):
    assert check() == (1, EXPECTED)
    assert sorted(p.name.rsplit("-", 1)[0] for p in cache.glob("*.pickle")) == [
        "data",
        "label-schema",
        "reference",
        "registry",
        "vocabulary-data-disease-claims.yaml",
    ]
    _forget()
    _no_validation(monkeypatch)
    assert check() == (1, EXPECTED)


def _rewrite(path, change: str) -> None:
    raw = path.read_bytes()
    header = data_cache._MAGIC + data_cache.key().encode()
    if change == "truncated":
        path.write_bytes(raw[: len(raw) // 2])
    elif change == "flipped byte":
        middle = len(raw) - 100
        path.write_bytes(raw[:middle] + bytes([raw[middle] ^ 0x55]) + raw[middle + 1 :])
    elif change == "empty":
        path.write_bytes(b"")
    elif change == "garbage":
        path.write_bytes(os.urandom(len(raw)))
    elif change == "other key":
        path.write_bytes(data_cache._MAGIC + b"0" * 64 + raw[len(header) :])
    else:  # a payload whose digest matches but which is not a pickle, or is one of something else
        payload = b"\x80\x05not a pickle" if change == "digest of a non-pickle" else pickle.dumps({"SUP201": None})
        path.write_bytes(header + hashlib.blake2b(payload, digest_size=32).digest() + payload)


@pytest.mark.parametrize(
    "change",
    ["truncated", "flipped byte", "empty", "garbage", "other key", "digest of a non-pickle", "pickle of another type"],
)
def test_a_corrupt_cache_is_ignored_and_replaced(cache, monkeypatch, change):
    check()
    files = sorted(cache.glob("*.pickle"))
    for path in files:
        _rewrite(path, change)
    _forget()
    assert check() == (1, EXPECTED)
    # Validated again, and written back whole: the next run loads it.
    _forget()
    _no_validation(monkeypatch)
    assert check() == (1, EXPECTED)
    assert sorted(cache.glob("*.pickle")) == files


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_cache_file_others_could_write_is_not_read(cache, monkeypatch):
    check()
    for path in cache.glob("registry-*.pickle"):
        path.chmod(0o666)
    _forget()
    calls = []
    build = registry.build
    monkeypatch.setattr(registry, "build", lambda: calls.append(1) or build())
    assert check() == (1, EXPECTED)
    assert calls == [1]


@pytest.fixture
def rules_copy(tmp_path, monkeypatch):
    """A copy of the shipped rule data that the test may change, read instead of the real one."""
    copy = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", copy)
    monkeypatch.setattr(location, "rules_dir", lambda: copy)  # the cache's key reads it here
    monkeypatch.setattr(data, "rules_dir", lambda: copy)
    monkeypatch.setattr(data.rules_dir, "cache_clear", lambda: None, raising=False)
    return copy


def _edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_cache_is_ignored_when_the_data_changes(cache, rules_copy):
    assert check() == (1, EXPECTED)
    pack = rules_copy / "packs" / "core.yaml"
    text = pack.read_text(encoding="utf-8")
    start = text.index("code: SUP201")
    at = text.index("severity: error", start)
    pack.write_text(text[:at] + "severity: warning" + text[at + len("severity: error") :], encoding="utf-8")
    _forget()
    assert check() == (1, [("SUP201", "warning", 14), ("SUP207", "error", 14)])
    assert len(list(cache.glob("registry-*.pickle"))) == 2  # one per version of the data


def test_invalid_data_is_refused_even_with_a_cache_of_the_valid_data(cache, rules_copy):
    check()
    _edit(rules_copy / "packs" / "core.yaml", "code: SUP201", "code: SUP201\n  colour: red")
    _forget()
    result = CliRunner().invoke(cli, ["check", str(LABEL), "--isolated"])
    assert result.exit_code == 2
    assert "core.yaml" in result.stderr and "colour" in result.stderr
    assert len(list(cache.glob("registry-*.pickle"))) == 1  # nothing written for data that did not validate


def test_a_table_change_is_seen_too(cache, rules_copy):
    check()
    text = (rules_copy / "data" / "nutrients.yaml").read_text(encoding="utf-8")
    (rules_copy / "data" / "nutrients.yaml").write_text(text + "\n# a comment changes the bytes\n", encoding="utf-8")
    _forget()
    assert check() == (1, EXPECTED)
    assert len(list(cache.glob("reference-*.pickle"))) == 2


def test_an_unwritable_cache_folder_only_costs_the_validation(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("SUPPLINT_CACHE_DIR", str(blocker / "cache"))
    _forget()
    try:
        assert check() == (1, EXPECTED)
        assert check() == (1, EXPECTED)
    finally:
        _forget()


def test_the_cache_can_be_turned_off(cache, monkeypatch):
    monkeypatch.setenv("SUPPLINT_NO_CACHE", "1")
    assert check() == (1, EXPECTED)
    assert not cache.exists()


_RUN = """
import sys
from supplint.cli import main
sys.argv = ["supplint", "check", "--isolated", "--output-format", "json", sys.argv[1]]
try:
    main()
except SystemExit:
    print("pint" in sys.modules, file=sys.stderr)
"""


def test_a_cached_run_converts_units_without_importing_pint(tmp_path, write):
    """1 mg of vitamin B12 against its Daily Value in mcg: the factor comes from pint once, then from the cache."""
    label = write(
        "b12.yaml",
        (EXAMPLES / "b12-sublingual.yaml").read_text(encoding="utf-8").replace("amount: 1,000 mcg", "amount: 1 mg"),
    )
    env = {**os.environ, "SUPPLINT_CACHE_DIR": str(tmp_path / "cache")}
    runs = [
        subprocess.run([sys.executable, "-c", _RUN, str(label)], capture_output=True, text=True, env=env, timeout=120)
        for _ in range(2)
    ]
    findings = [[(f["code"], f["line"]) for f in json.loads(run.stdout)] for run in runs]
    assert findings[0] == findings[1] and ("SUP202", 13) in findings[0]
    assert [run.stderr.split()[-1] for run in runs] == ["True", "False"]


INVALID = sorted((EXAMPLES / "invalid").glob("*.yaml"))


def _report(paths, *options) -> tuple[int, list]:
    result = CliRunner().invoke(cli, ["check", *map(str, paths), "--output-format", "json", *options])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


def _no_schema_generation(monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("pydantic generated the schema again")

    monkeypatch.setattr(Label, "model_rebuild", refuse)


def test_labels_validate_alike_with_the_cached_schema_and_without(cache, monkeypatch):
    """Invalid labels (unknown keys, malformed amounts, units, populations, misspelt keys): the same findings, code,
    line, column and message, from pydantic's own build (cache off, then a miss) and from the cached schema."""
    paths = [*INVALID, LABEL, EXAMPLES / "joint-formula-disease-claim.yaml"]
    monkeypatch.setenv("SUPPLINT_NO_CACHE", "1")
    uncached = _report(paths, "--isolated")
    assert not cache.exists()
    assert {f["code"] for f in uncached[1]} >= {"SUP002", "SUP003", "SUP004", "SUP303"}
    monkeypatch.delenv("SUPPLINT_NO_CACHE")
    _forget()
    assert _report(paths, "--isolated") == uncached  # a miss: built by pydantic, and its schema kept
    assert list(cache.glob("label-schema-*.pickle"))
    _forget()
    _no_schema_generation(monkeypatch)
    _no_validation(monkeypatch)
    assert _report(paths, "--isolated") == uncached


def test_a_config_file_validates_alike_with_the_cached_schema(cache, tmp_path, monkeypatch):
    good = tmp_path / "good" / "supplint.toml"
    good.parent.mkdir()
    good.write_text('ignore = ["SUP207"]\nfail-on = "error"\n', encoding="utf-8")
    bad = tmp_path / "bad" / "supplint.toml"
    bad.parent.mkdir()
    bad.write_text('fail-on = "loud"\n', encoding="utf-8")

    def run(config_file) -> tuple[int, str]:
        result = CliRunner().invoke(cli, ["check", str(LABEL), "--config", str(config_file), "--output-format", "json"])
        return result.exit_code, result.stdout if result.exit_code != 2 else result.stderr

    first = [run(good), run(bad)]  # a miss, validated by pydantic's adapter, and the schema kept
    assert first[0][0] == 1 and [f["code"] for f in json.loads(first[0][1])] == ["SUP201"]
    assert first[1][0] == 2 and "fail-on" in first[1][1]
    assert list(cache.glob("config-schema-*.pickle"))
    _forget()
    import pydantic

    monkeypatch.setattr(pydantic, "TypeAdapter", None)  # a cached start builds no adapter
    assert [run(good), run(bad)] == first


@pytest.mark.parametrize("change", ["garbage", "pickle of another type", "other key"])
def test_a_corrupt_schema_in_the_cache_is_a_miss(cache, change):
    paths = [*INVALID, LABEL]
    before = _report(paths, "--isolated")
    for path in cache.glob("*-schema-*.pickle"):
        _rewrite(path, change)
    _forget()
    assert _report(paths, "--isolated") == before


_PATTERNS_RUN = """
import sys
import re._compiler

compiles = []  # every pattern re's compiler compiled, for supplint and the libraries it imports
real = re._compiler.compile
re._compiler.compile = lambda pattern, flags=0: compiles.append(pattern) or real(pattern, flags)
# The command line as the process starts (before supplint.cli is imported): it reads the command there, before
# click compiles its own patterns.
sys.argv = ["supplint", "check", "--isolated", "--output-format", "json", *sys.argv[1:]]
from supplint.cli import main
from supplint.shipped import patterns
try:
    main()
except SystemExit:
    print(len(patterns._added), len(compiles), file=sys.stderr)  # supplint's own not rebuilt from the cache; all
"""


def test_a_cached_run_compiles_no_rule_pattern_and_finds_the_same(tmp_path):
    """The rules' joined patterns and vocabularies, compiled by the first run, are rebuilt from the cache by the
    next, with the same findings; with the cache off nothing is kept, and the findings are the same again."""
    paths = [
        str(EXAMPLES / name)
        for name in ("joint-formula-disease-claim.yaml", "vitamin-c-500.yaml", "pages/best-vitamin-d3-k2.md")
    ]
    env = {**os.environ, "SUPPLINT_CACHE_DIR": str(tmp_path / "cache")}
    runs = [
        subprocess.run(
            [sys.executable, "-c", _PATTERNS_RUN, *paths], capture_output=True, text=True, env=run_env, timeout=120
        )
        for run_env in (env, env, {**env, "SUPPLINT_NO_CACHE": "1"})
    ]
    reports = [json.loads(run.stdout) for run in runs]
    assert reports[0] == reports[1] == reports[2]
    assert {f["code"] for f in reports[0]} >= {"SUP303"}
    own, every = zip(*[map(int, run.stderr.split()[-2:]) for run in runs], strict=True)
    assert own[0] > 10 and own[1] == 0 and own[2] == 0  # off: none kept (nor taken from re)
    # The libraries' patterns (click, PyYAML, pydantic, markdown-it) too: re's cache had them before they asked (the
    # preload grows re's cache to hold every kept pattern, however many the vocabularies need).
    assert every[0] > 200 and every[1] < 10 and every[2] > 200
    assert list((tmp_path / "cache").glob("patterns-*.pickle"))


# A run that compiles more patterns than re keeps by default (512): a team's many patterns, or a vocabulary grown
# past it. The first such run, with an empty cache, must still keep the libraries' import-time patterns.
_MANY_PATTERNS_RUN = _PATTERNS_RUN.replace(
    "from supplint.shipped import patterns\n",
    "from supplint.shipped import patterns\n"
    "_preload = patterns.preload\n"
    "def _many():\n"
    "    _preload()\n"
    "    import atexit\n"
    "    atexit.register(lambda: [re.compile(rf'many{n}x') for n in range(600)])\n"
    "patterns.preload = _many\n",
)


def test_a_first_run_that_compiles_many_patterns_keeps_the_libraries_ones(tmp_path):
    """A first run that compiles 600 patterns more (after the preload, before the file is saved) leaves the next run
    nothing of the libraries' to compile: re's limit was raised before the run filled it."""
    paths = [str(EXAMPLES / "joint-formula-disease-claim.yaml"), str(EXAMPLES / "pages" / "best-vitamin-d3-k2.md")]
    env = {**os.environ, "SUPPLINT_CACHE_DIR": str(tmp_path / "cache")}
    runs = [
        subprocess.run(
            [sys.executable, "-c", _MANY_PATTERNS_RUN, *paths], capture_output=True, text=True, env=env, timeout=120
        )
        for _ in range(2)
    ]
    assert json.loads(runs[0].stdout) == json.loads(runs[1].stdout)
    every = [int(run.stderr.split()[-1]) for run in runs]
    assert every[0] > 200 and every[1] < 10
