"""The rule packs and reference data are consistent, and every rule's documented examples really do what they say."""

from __future__ import annotations

import re

import pytest

import supplint
from supplint.reference.tables import reference
from supplint.ruleset.registry import registry
from supplint.shipped import files as data

RULES = registry().rules


def _suffix(spec) -> str:
    return ".md" if spec.target == "page" else ".yaml"


@pytest.mark.parametrize("code", sorted(code for code, spec in RULES.items() if spec.examples.fires is not None))
def test_documented_example_fires(code):
    spec = RULES[code]
    found = {f.code for f in supplint.check_text(spec.examples.fires, f"{spec.name}.fires{_suffix(spec)}")}
    assert code in found
    if spec.kind != "builtin":  # a semantic rule must fire on a well-formed label, not beside a parse error
        assert not {c for c in found if c.startswith("SUP00") and c != code}


@pytest.mark.parametrize("code", sorted(RULES))
def test_documented_example_passes(code):
    spec = RULES[code]
    found = {f.code for f in supplint.check_text(spec.examples.passes, f"{spec.name}.passes{_suffix(spec)}")}
    assert code not in found
    assert not {c for c in found if c.startswith("SUP00")}  # quiet because it is right, not because it is broken


def test_only_the_safety_nets_lack_an_example_that_fires():
    """internal-error fires only on a bug (tests/test_internal_error.py plants one), unsupported-population only on a
    gap in the tables (tests/test_populations.py makes one); every other rule shows an example."""
    assert {code for code, spec in RULES.items() if spec.examples.fires is None} == {"SUP005", "SUP008"}


def test_every_rule_is_the_catalogues():
    """Codes and names are stable public API: every implemented rule is in rules/catalogue.yaml with its name and
    severity, and every catalogue code no pack implements is reserved (selecting it says "not implemented yet")."""
    from supplint.ruleset.registry import catalogue

    listed = {entry.code: (entry.name, entry.severity) for entry in catalogue()}
    assert len(listed) == len(catalogue()), "a code is listed twice in rules/catalogue.yaml"
    assert {code: (spec.name, spec.severity) for code, spec in RULES.items()} == {
        code: listed.get(code) for code in RULES
    }
    assert set(registry().planned) == set(listed) - set(RULES)
    assert len({name for name, _ in listed.values()}) == len(listed), "a name is listed twice"


SPEC = data.rules_dir().parents[1] / "shared" / "spec" / "rules.md"


@pytest.mark.skipif(not SPEC.is_file(), reason="../shared/spec/rules.md is not beside this checkout")
def test_the_catalogue_is_the_specs():
    """rules/catalogue.yaml copies the rows of ../shared/spec/rules.md (the project's public contract), so a
    fresh clone tests its packs against the catalogue; where the spec is beside the checkout, the two must agree."""
    from supplint.ruleset.registry import catalogue

    rows = re.findall(
        r"^\| (SUP\d{3}) \| ([a-z0-9-]+) \| (error|warning|info) \|", SPEC.read_text(encoding="utf-8"), re.M
    )
    assert rows, "spec/rules.md has no catalogue table"
    assert sorted((entry.code, entry.name, entry.severity) for entry in catalogue()) == sorted(rows)


def test_every_kind_module_is_listed():
    """kinds.index lists the kinds by hand; a kind module left out of it would be a kind no pack can use."""
    import pkgutil

    import supplint.kinds as package
    from supplint.kinds import modules
    from supplint.kinds.index import KINDS, MERGED

    on_disk = {info.name for info in pkgutil.iter_modules(package.__path__) if not info.name.startswith("_")}
    assert on_disk - {"index", "spec"} == {name for name, _ in KINDS.values()}  # spec: the models kinds extend
    assert list(modules()) == list(KINDS)
    assert {spec.kind for spec in RULES.values()} - {"builtin"} <= set(KINDS)
    assert set(MERGED).isdisjoint(KINDS)  # an old kind's name keeps meaning "write the new spelling"


def test_every_cited_source_exists():
    ref = reference()
    cited = {key for spec in RULES.values() for key in spec.sources}
    for nutrient in ref.nutrients.values():
        cited |= set(nutrient.dv_sources) | set(nutrient.ul.sources if nutrient.ul else ())
    for conversions in ref.conversions.values():
        for conv in conversions:
            cited |= set(conv.sources)
            assert conv.sources, f"conversion {conv} has no source"
    assert cited <= set(ref.sources)


def test_every_nutrient_has_a_sourced_figure_for_every_population_or_a_reason():
    """Every DV set a population uses, and every life-stage band, has a figure with a source (primary-sources.md
    §1.2 and §3): SUP005 exists for a gap, and today there is none."""
    ref = reference()
    sets = {p.dv_set for p in ref.populations.values()}
    bands = {band for p in ref.populations.values() for band in p.bands}
    for nutrient in ref.nutrients.values():
        assert set(nutrient.dv_sets) == sets, nutrient.id
        assert all(dv.sources for dv in nutrient.dv_sets.values()), nutrient.id
        if nutrient.ul is None:
            assert nutrient.ul_note, nutrient.id
        else:
            assert nutrient.ul.sources and set(nutrient.ul.bands) == bands, nutrient.id
            assert nutrient.ul.provisional_bands <= bands, nutrient.id
        for population in ref.populations.values():
            assert population.missing(nutrient) == [], (nutrient.id, population.id)


def test_figures_primary_sources_settles_are_not_provisional():
    """primary-sources.md §8: supplemental beta-carotene is 0.3 mcg RAE per IU (0.15 is an error) and the folate UL
    is in mcg of folic acid; both are now supported, so neither is marked provisional."""
    ref = reference()
    folate = ref.nutrients["folate"].ul
    assert not folate.provisional and str(folate.measure) == "mcg"
    beta = [c for c in ref.conversions["vitamin-a"] if "beta-carotene" in c.forms and c.src.unit == "IU"]
    assert [(c.factor, c.provisional) for c in beta] == [(0.3, False)]


def test_figures_primary_sources_did_not_see_stay_provisional():
    """§1.2: the pregnancy and lactation DVs from zinc on were not seen in the FDA table copy."""
    ref = reference()
    for nid in ("zinc", "selenium", "copper", "manganese", "chromium", "molybdenum", "chloride", "potassium", "sodium"):
        assert ref.nutrients[nid].dv_sets["pregnant-lactating"].provisional, nid


def test_alias_targets_and_forms_are_known():
    ref = reference()
    for row in data.load("data/aliases.yaml"):
        assert row.get("nutrient") is None or row["nutrient"] in ref.nutrients, row
    for rule in RULES.values():
        for nutrient in [getattr(rule, "nutrient", None)] + [
            getattr(getattr(rule, side, None), "nutrient", None) for side in ("trigger", "partner")
        ]:
            assert nutrient is None or nutrient in ref.nutrients


@pytest.mark.parametrize(
    ("name", "as_", "nutrient", "forms"),
    [
        ("Vitamin D3", "cholecalciferol", "vitamin-d", {"d3"}),
        ("Vitamin K2", "menaquinone-7 (MK-7)", "vitamin-k", {"k2", "mk-7"}),
        ("Vitamin K", "phytonadione", "vitamin-k", {"k1"}),
        ("Pantothenic Acid", "calcium pantothenate", "pantothenic-acid", set()),
        ("Selenium", "sodium selenite", "selenium", set()),
        ("Vitamin E", "dl-alpha tocopheryl acetate", "vitamin-e", {"synthetic"}),
        ("Vitamin A", "β-carotene", "vitamin-a", {"beta-carotene"}),
        ("Folate", "L-5-MTHF", "folate", {"methylfolate"}),
        ("Ashwagandha root extract", "KSM-66", None, set()),
        ("Citicoline", None, None, set()),
        ("Chloride (as potassium chloride)", None, "chloride", set()),  # the source in parentheses is not the nutrient
        ("Vitamin K (as menaquinone-7)", None, "vitamin-k", {"k2"}),
    ],
)
def test_alias_matching(name, as_, nutrient, forms):
    match = reference().aliases.match(name, as_)
    assert match.nutrient == nutrient
    assert forms <= match.forms


def _walk(value, key=None):
    """(key, value) for every leaf of a dumped rule spec, lists flattened."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _walk(v, k)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _walk(item, key)
    else:
        yield key, value


def test_every_nutrient_and_form_a_rule_names_exists():
    ref = reference()
    forms = frozenset().union(*ref.aliases.forms_of.values())
    for spec in RULES.values():
        for key, value in _walk(spec.model_dump()):
            if key in ("nutrient", "nutrients") and value is not None:
                assert value in ref.nutrients, (spec.code, key, value)
            if key in ("forms", "alternatives") and spec.kind in ("pairing", "form-unspecified"):
                assert value in forms, (spec.code, key, value)


def test_quantity_option_defaults_are_amounts_of_their_nutrient():
    ref = reference()
    for spec in RULES.values():
        for name, option in spec.options.items():
            if option.type == "quantity":
                assert option.nutrient, f"{spec.code} {name} does not say which nutrient it measures"
                assert ref.quantity_of(option.coerce(option.default), option.nutrient) > 0


def test_data_files_cite_known_sources():
    known = set(reference().sources)
    for name in (
        "data/statements.yaml",
        "data/disease-claims.yaml",
        "data/allergens.yaml",
        "data/aliases.yaml",
        "data/units.yaml",
        "data/consult-notes.yaml",
        "data/affiliate.yaml",
        "data/conversions.yaml",
    ):
        cited = {value for key, value in _walk(data.load(name)) if key in ("source", "sources")}
        assert cited <= known, (name, cited - known)


def test_data_files_read_the_same_without_libyaml():
    """A PyYAML built without libyaml falls back to the pure-Python loader; the data must mean the same there."""
    import yaml

    for path in sorted(data.rules_dir().rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert yaml.load(text, Loader=yaml.SafeLoader) == yaml.load(text, Loader=data.YAML_LOADER), path


def test_a_template_field_the_kind_does_not_provide_is_a_pack_error():
    from supplint.ruleset.registry import _check_rule

    spec = RULES["SUP201"]
    _check_rule(spec, "core.yaml")  # the shipped rule is fine
    with pytest.raises(data.DataError, match=r"uses \{dialy\}"):
        _check_rule(spec.model_copy(update={"message": "{dialy}/day"}), "core.yaml")
    with pytest.raises(data.DataError, match="has no message"):
        _check_rule(spec.model_copy(update={"message": ""}), "core.yaml")


def test_a_reserved_code_is_refused_as_not_implemented():
    """Every catalogue rule is implemented today; the next reserved code must still be refused clearly."""
    from supplint.kinds.spec import CatalogueEntry
    from supplint.ruleset.registry import Registry, SelectionError

    reg = registry()
    future = Registry(
        reg.rules, reg.by_name, {"SUP599": CatalogueEntry(code="SUP599", name="future-rule", severity="warning")}
    )
    for selector in ("SUP599", "future-rule"):
        with pytest.raises(SelectionError, match="not implemented yet"):
            future.select([selector])


def test_a_kind_refuses_a_rule_without_the_options_it_reads():
    from pydantic import TypeAdapter, ValidationError

    from supplint.kinds import modules

    spec = RULES["SUP207"].model_dump(by_alias=True)
    spec["options"] = {}
    with pytest.raises(ValidationError, match=r"needs the options tolerance \(number\)"):
        TypeAdapter(modules()["amounts-agree"].Spec).validate_python(spec)


def test_a_vocabulary_that_does_not_load_is_a_pack_error():
    from supplint.ruleset.registry import _check_rule

    with pytest.raises(data.DataError, match="SUP303"):
        _check_rule(RULES["SUP303"].model_copy(update={"vocabulary": "data/affiliate.yaml"}), "claims.yaml")


def test_every_rules_vocabulary_builds():
    """The registry checks only a vocabulary file's shape at start-up; building each one here catches a bad
    pattern in the data before any label meets it."""
    from supplint.kinds import modules

    built = 0
    for spec in RULES.values():
        load = getattr(modules().get(spec.kind), "VOCABULARY", None)
        if load is not None and getattr(spec, "vocabulary", None) is not None:  # a label required-text rule has none
            assert load(spec.vocabulary) is not None, spec.code
            built += 1
    assert built >= 5


def test_the_readme_links_the_generated_rule_reference_instead_of_copying_it():
    """The rules' table lives once, in docs/rules.md (generated from the packs; tests/test_cli.py checks it is
    current): the README points at it, and every rule has its section there."""
    root = data.rules_dir().parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert "](docs/rules.md)" in readme
    assert not re.search(r"^\| SUP\d{3} \|", readme, re.M), "the README copies the rules table: link docs/rules.md"
    reference_md = (root / "docs" / "rules.md").read_text(encoding="utf-8")
    assert set(re.findall(r"^## (SUP\d{3}) ", reference_md, re.M)) == set(RULES)


def test_no_kind_reaches_into_another_kind():
    """A kind uses another kind only through its public names (VOCABULARY, evaluate, ...), never a private loader."""
    import ast

    from supplint.kinds.index import KINDS

    folder = data.rules_dir().parent / "src" / "supplint" / "kinds"
    if not folder.is_dir():
        pytest.skip("an installed supplint: the kinds' sources are checked in the repository")
    kind_modules = {name for name, _ in KINDS.values()}
    for name in kind_modules:
        tree = ast.parse((folder / f"{name}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module in kind_modules:
                private = [alias.name for alias in node.names if alias.name.startswith("_")]
                assert not private, f"kinds/{name}.py imports {', '.join(private)} from kinds/{node.module}.py"
