"""The coverage lint: every SKB 2022 item and PP 94/2021 Pasal 5 huruf n
sub-point must be reachable by asking the bot."""

from pathlib import Path

from knowledge import load_knowledge_base
from knowledge.coverage import COVERAGE_FILE, REQUIRED_RULES, check_coverage, load_coverage

FIXTURES = Path(__file__).parent / "fixtures" / "faq"


def item(item_id: str, rule: str, entries: list[str], question: str) -> str:
    """One [[item]] table of a coverage file."""
    names = ", ".join(f'"{e}"' for e in entries)
    return (
        f'\n[[item]]\nid = "{item_id}"\nrule = "{rule}"\nabout = "{item_id}"\n'
        f'entries = [{names}]\nquestions = ["{question}"]\n'
    )


GOOD_ITEM = item(
    "like",
    "SKB 2022 Lampiran II tabel B butir 6",
    ["medsos-like-caleg"],
    "min pns boleh ngelike postingan caleg?",
)


def lint(data_dir: Path, coverage: str) -> list[str]:
    """All defects of the fixture base checked against this coverage file."""
    path = data_dir.parent / "coverage.toml"
    path.write_text(coverage, encoding="utf-8")
    return load_knowledge_base(data_dir, coverage_file=path).check()


def test_real_map_covers_every_rule_and_passes() -> None:
    kb = load_knowledge_base()
    items, defects = load_coverage(COVERAGE_FILE)
    assert defects == []
    assert {item.rule for item in items} >= set(REQUIRED_RULES)
    assert len(REQUIRED_RULES) == 7 + 13 + 7
    assert check_coverage(kb, COVERAGE_FILE) == []
    # the map points at the new role/situation entries too
    named = {e for item in items for e in item.entries}
    assert {"peran-saksi-tps", "peran-pelaksana-kampanye", "situasi-atasan-pungut-dana"} <= named


def test_fixture_with_a_good_item_only_misses_the_other_rules(data_dir: Path) -> None:
    found = [d for d in lint(data_dir, GOOD_ITEM) if not d.startswith("coverage.toml: no item")]
    assert found == []


def test_broken_fixture_fails(data_dir: Path) -> None:
    broken = (
        GOOD_ITEM
        + item(
            "hilang",
            "SKB 2022 Lampiran II tabel B butir 5",
            ["skb-anggota-parpol"],
            "pns jadi anggota partai boleh?",
        )
        + item(
            "salah-jawab",
            "PP 94/2021 Pasal 5 huruf n angka 4",
            ["medsos-share-caleg"],
            "asn pakai mobil dinas untuk kampanye",
        )
        + item("kosong", "PP 94/2021 Pasal 5 huruf n angka 1", [], "pns ikut kampanye?")
    )
    found = lint(data_dir, broken)
    joined = "\n".join(found)
    assert "coverage.toml (hilang): entry 'skb-anggota-parpol' does not exist" in joined
    assert "coverage.toml (hilang): names no existing entry" in joined
    assert (
        "coverage.toml (salah-jawab): sample question 'asn pakai mobil dinas untuk kampanye' "
        "gets kampanye-mobil-dinas, not one of medsos-share-caleg"
    ) in joined
    assert "coverage.toml item 4 (kosong): names no entry" in joined
    assert "coverage.toml: no item covers SKB 2022 Lampiran II tabel A butir 1" in joined
    # the good item stays silent
    assert not any("(like)" in d for d in found)


def test_a_question_nobody_answers_is_a_defect(data_dir: Path) -> None:
    found = lint(
        data_dir, GOOD_ITEM.replace("min pns boleh ngelike postingan caleg?", "resep rendang")
    )
    assert any("sample question 'resep rendang' gets no answer" in d for d in found), found


def test_removing_an_item_from_the_real_map_is_caught(tmp_path: Path) -> None:
    text = COVERAGE_FILE.read_text(encoding="utf-8")
    start = text.index('[[item]]\nid = "skb-b5"')
    end = text.index("[[item]]", start + 1)
    edited = tmp_path / "coverage.toml"
    edited.write_text(text[:start] + text[end:], encoding="utf-8")
    found = check_coverage(load_knowledge_base(), edited)
    assert found == ["coverage.toml: no item covers SKB 2022 Lampiran II tabel B butir 5"]


def test_unknown_rule_and_bad_fields_are_defects(data_dir: Path) -> None:
    found = lint(
        data_dir,
        GOOD_ITEM.replace("SKB 2022 Lampiran II tabel B butir 6", "PP 99/2099 Pasal 4")
        + '\n[[item]]\nid = "Aneh_Id"\nrule = "SKB 2022"\nabout = ""\nwarna = "merah"\n'
        'entries = ["medsos-like-caleg"]\nquestions = "bukan daftar"\n',
    )
    joined = "\n".join(found)
    for part in [
        "(like): rule 'PP 99/2099 Pasal 4' is not a citation of regulations.toml",
        "id 'Aneh_Id' is not lowercase kebab-case",
        "about missing or empty",
        "unknown field 'warna'",
        "questions must be a non-empty list of strings",
    ]:
        assert part in joined, part


def test_missing_or_malformed_file_is_a_defect_not_a_traceback(tmp_path: Path) -> None:
    kb = load_knowledge_base(FIXTURES)
    assert check_coverage(kb, tmp_path / "nope.toml", required=()) == [
        "nope.toml: coverage file not found"
    ]
    bad = tmp_path / "coverage.toml"
    bad.write_text('[[item]]\nid = "rusak\n', encoding="utf-8")
    found = check_coverage(kb, bad, required=())
    assert len(found) == 1 and found[0].startswith("coverage.toml: not valid TOML")


def test_another_data_folder_is_not_linted_against_the_real_map(data_dir: Path) -> None:
    assert load_knowledge_base(data_dir).check() == []
