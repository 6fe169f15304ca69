"""Seeded fuzzing of the whole CLI: a few thousand mutated labels, pages, stacks, DSLD records and text panels per
run, through json, sarif, html and junit (and, batch by batch in turn, every other format), plus `import text` and
`import dsld`. Any exception, SUP008 (internal-error), exit status other than 0 or 1, hang or output that does not
parse fails the test, naming the seed and index that rebuild the input (tests/fuzzing.py; bench/fuzz.py runs more).

SUPPLINT_FUZZ_SEED and SUPPLINT_FUZZ_COUNT change the run (the default is the same inputs every time, so CI is
deterministic; another seed explores further).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import fuzzing

SEED = int(os.environ.get("SUPPLINT_FUZZ_SEED", "20261"))
COUNT = int(os.environ.get("SUPPLINT_FUZZ_COUNT", "2000"))
BATCH = 250
BATCHES = range(0, COUNT, BATCH)
SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def fuzz(tmp_path_factory):
    seeds = fuzzing.load_seeds()
    work = tmp_path_factory.mktemp("fuzz")
    fuzzing.prepare(work, seeds)
    return seeds, work, fuzzing.known_codes(), tmp_path_factory.mktemp("fuzz-failures")


def _fail(failures, folder: Path) -> None:
    saved = fuzzing.save(failures, folder, SEED)
    lines = [failure.report(SEED) for failure in failures[:20]]
    pytest.fail(
        f"{len(failures)} fuzz failure(s); inputs saved under {folder} ({len(saved)} files):\n" + "\n".join(lines),
        pytrace=False,
    )


@pytest.mark.parametrize("start", BATCHES, ids=lambda start: f"inputs-{start}")
def test_mutated_inputs_get_findings_in_every_format(fuzz, start):
    seeds, work, codes, failures_folder = fuzz
    batch = fuzzing.mutants(SEED, start, min(BATCH, COUNT - start), seeds)
    others = fuzzing.OTHER_FORMATS
    formats = fuzzing.MAIN_FORMATS + (others[(start // BATCH) % len(others)],)
    outputs: dict[str, str] = {}
    fuzzing.write_mutants(work, batch)
    try:
        failures = fuzzing.check_batch(work, batch, formats, codes, outputs=outputs)
        failures += fuzzing.check_imports(work, batch)
    finally:
        fuzzing.remove_mutants(work, batch)
    if failures:
        _fail(failures, failures_folder)
    if start == 0:  # the schema check costs as much as the run: one batch's SARIF is the sample
        jsonschema = pytest.importorskip("jsonschema")
        schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
        errors = list(jsonschema.Draft4Validator(schema).iter_errors(json.loads(outputs["sarif"])))
        assert not errors, [error.message for error in errors[:5]]


def test_the_mutator_is_deterministic_and_covers_every_kind_of_seed():
    seeds = fuzzing.load_seeds()
    first = fuzzing.mutants(SEED, 0, 300, seeds)
    again = fuzzing.mutants(SEED, 0, 300, seeds)
    assert [m.data for m in first] == [m.data for m in again]
    assert fuzzing.mutants(SEED, 299, 1, seeds)[0].data == first[299].data  # an input depends only on its index
    assert {m.seed.suffix for m in first} == {".yaml", ".md", ".html", ".json", ".txt"}
    used = {name for m in first for name in m.mutations}
    assert used == {name for name, *_ in fuzzing.MUTATIONS}


def test_the_checks_catch_what_they_are_for():
    """The fuzz test is only as good as its output checks: each kind of breakage is caught."""
    codes = frozenset({"SUP001", "SUP101"})
    files = {"a.yaml"}
    finding = {"code": "SUP101", "file": "a.yaml"}
    assert fuzzing.check_output("json", json.dumps([finding]), files, codes) is None
    assert "SUP008" in fuzzing.check_output("json", json.dumps([{**finding, "code": "SUP008"}]), files, codes)
    assert "unknown rule" in fuzzing.check_output("json", json.dumps([{**finding, "code": "SUP999"}]), files, codes)
    assert "does not parse" in fuzzing.check_output("json", '[{"code": "SUP101"', files, codes)
    assert "</html>" in fuzzing.check_output("html", "<html><body>", files, codes)
    assert "does not parse" in fuzzing.check_output("junit", "<testsuites>", files, codes)
    assert "missing" in fuzzing.check_output("junit", "<testsuites></testsuites>", files, codes)
    with pytest.raises(fuzzing.Hang), fuzzing.deadline(0.05):
        while True:
            pass
