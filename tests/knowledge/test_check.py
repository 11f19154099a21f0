import shutil
from pathlib import Path

import pytest

from knowledge import load_knowledge_base

FIXTURES = Path(__file__).parent / "fixtures" / "faq"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(FIXTURES, target)
    return target


def defects_after(data_dir: Path, old: str, new: str, file: str = "medsos.toml") -> list[str]:
    path = data_dir / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return load_knowledge_base(data_dir).check()


def test_fixture_is_clean(data_dir: Path) -> None:
    assert load_knowledge_base(data_dir).check() == []


def test_unknown_citation(data_dir: Path) -> None:
    found = defects_after(data_dir, '"PP 94/2021 Pasal 5 huruf n angka 4"', '"PP 53/2010 Pasal 4"')
    assert any("unknown citation 'PP 53/2010 Pasal 4'" in d for d in found)


def test_citation_needs_a_space_after_the_short_name(data_dir: Path) -> None:
    found = defects_after(
        data_dir, '"SKB 2022 Lampiran II tabel B butir 6", "PP', '"SKB 20221", "PP'
    )
    assert any("unknown citation 'SKB 20221'" in d for d in found)


def test_overlong_answer(data_dir: Path) -> None:
    found = defects_after(data_dir, "Cukup baca saja tanpa bereaksi.", "Panjang sekali. " * 60)
    assert any("medsos-like-caleg" in d and "characters, max 700" in d for d in found)


@pytest.mark.parametrize(
    ("old", "new", "defect"),
    [
        (
            '"asn ngeshare postingan paslon di wa boleh ga"',
            '"Min, kalo ASN like status caleg boleh gak sih??"',
            "duplicate phrasing across entries",
        ),
        (
            '"blh gk asn like foto paslon di ig"',
            '"MIN kalo asn like status caleg boleh gak sihhh"',
            "duplicate phrasing within one entry",
        ),
        ('verdict = "dilarang"', 'verdict = "terlarang"', "verdict 'terlarang'"),
        (
            'related = ["medsos-share-caleg"]',
            'related = ["medsos-nope"]',
            "related id 'medsos-nope' does not exist",
        ),
        (
            '"asn klik suka di fb calon anggota dewan"',
            '"asn pakai mobil dinas untuk kampanye"',
            "fits kampanye-mobil-dinas",
        ),
    ],
    ids=["duplicate-across", "duplicate-within", "verdict", "related", "fits-neighbour"],
)
def test_one_edit_one_defect(data_dir: Path, old: str, new: str, defect: str) -> None:
    found = defects_after(data_dir, old, new)
    assert any(defect in d for d in found), found


def test_bad_id_and_date(data_dir: Path) -> None:
    found = defects_after(data_dir, 'id = "medsos-like-caleg"', 'id = "Medsos_Like"')
    assert any("not lowercase kebab-case" in d for d in found)
    found = defects_after(data_dir, "reviewed = 2026-11-25", 'reviewed = "kemarin"')
    assert any("reviewed must be a TOML date" in d for d in found)


def test_malformed_toml_is_a_defect_not_a_traceback(data_dir: Path) -> None:
    (data_dir / "rusak.toml").write_text('[[entry]]\nid = "rusak\n', encoding="utf-8")
    kb = load_knowledge_base(data_dir)
    found = kb.check()
    assert any(d.startswith("rusak.toml: not valid TOML") for d in found)
    # the other files still load and answer
    assert kb.entry("medsos-like-caleg") is not None


def test_wrong_types_are_defects(data_dir: Path) -> None:
    (data_dir / "aneh.toml").write_text(
        '[[entry]]\nid = "aneh-satu"\nquestion = 3\nalternates = "satu"\nanswer = ""\n'
        'verdict = "boleh"\nsources = []\nreviewed = 2026-11-25\nwarna = "merah"\n',
        encoding="utf-8",
    )
    found = load_knowledge_base(data_dir).check()
    joined = "\n".join(found)
    for part in [
        "question missing",
        "alternates must be a list",
        "answer missing",
        "sources must be a non-empty list",
        "unknown field 'warna'",
    ]:
        assert part in joined


def test_duplicate_id_across_files(data_dir: Path) -> None:
    text = (data_dir / "medsos.toml").read_text(encoding="utf-8")
    (data_dir / "medsos2.toml").write_text(text, encoding="utf-8")
    found = load_knowledge_base(data_dir).check()
    assert any("id already used in medsos.toml" in d for d in found)


def test_missing_data_dir(tmp_path: Path) -> None:
    kb = load_knowledge_base(tmp_path / "nope")
    assert kb.check() and kb.entries == ()
    assert kb.ask("pns boleh kampanye?").intent == "unknown"
