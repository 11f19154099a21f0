import datetime as dt
from pathlib import Path

import pytest

from bot import cli
from knowledge import load_knowledge_base
from knowledge.verdicts import asks_permission, stale_entries
from tests.conftest import REPO

FIXTURES = Path(__file__).parent / "fixtures" / "faq"


def defects_after(data_dir: Path, old: str, new: str, file: str = "medsos.toml") -> list[str]:
    path = data_dir / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return load_knowledge_base(data_dir).check()


def test_fixture_is_clean(data_dir: Path) -> None:
    assert load_knowledge_base(data_dir).check() == []


def test_unknown_citation(data_dir: Path) -> None:
    found = defects_after(data_dir, '"PP 94/2021 Pasal 5 huruf n angka 4"', '"PP 99/2099 Pasal 4"')
    assert any("unknown citation 'PP 99/2099 Pasal 4'" in d for d in found)


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


@pytest.mark.parametrize(
    ("old", "new", "defect"),
    [
        (
            'answer = """Tidak boleh. Fasilitas negara',
            'answer = """Ya. Fasilitas negara',
            'verdict dilarang, but the answer does not open with "Tidak boleh"',
        ),
        (
            'verdict = "dilarang"\nsources = ["PP 94/2021 Pasal 5 huruf n angka 5"]',
            'verdict = "boleh_bersyarat"\nsources = ["PP 94/2021 Pasal 5 huruf n angka 5"]',
            'verdict boleh_bersyarat, but the first sentence does not say "Boleh',
        ),
        (
            'answer = """Laporkan ke Bawaslu',
            'answer = """Boleh. Laporkan ke Bawaslu',
            "verdict info, but the answer opens with a permission word",
        ),
        (
            '"prosedur melaporkan pegawai negeri ikut politik praktis"',
            '"boleh gak pns melaporkan atasannya sendiri ke bawaslu"',
            "asks whether something is allowed, but the verdict is info",
        ),
        (
            '"where can i report a civil servant who is not neutral"',
            '"is a civil servant allowed to report his own boss"',
            "asks whether something is allowed, but the verdict is info",
        ),
    ],
    ids=[
        "ya-under-dilarang",
        "bersyarat-without-condition",
        "info-says-boleh",
        "boleh-under-info",
        "allowed-under-info",
    ],
)
def test_verdict_answers_the_question_asked(
    data_dir: Path, old: str, new: str, defect: str
) -> None:
    found = defects_after(data_dir, old, new, file="kampanye.toml")
    assert any(defect in d for d in found), found


@pytest.mark.parametrize(
    ("phrasing", "asks"),
    [
        ("min kalo asn like status caleg boleh gak sih??", True),
        ("Bolehkah PNS jadi petugas KPPS?", True),
        ("blh gk p3k ikut kampanye", True),
        ("is a retired pns allowed to join a campaign team", True),
        ("can a village head campaign for a candidate", True),
        ("may a pppk employee campaign for a candidate", True),
        ("siapa saja yang boleh melapor ke bawaslu", False),  # who may: a "who" question
        ("kok menteri boleh kampanye tapi pns tidak", False),  # why
        ("bupati cuti kampanye boleh, kok kadis gak boleh", False),
        ("how can i report a civil servant", False),
        ("can you list what civil servants cannot do", False),  # a request
        ("can i still report to kasn", False),  # a capability
        ("can a pns be fired for liking a post", False),  # a possibility
        ("apakah pppk wajib netral", False),
    ],
)
def test_which_phrasings_ask_for_permission(phrasing: str, asks: bool) -> None:
    assert asks_permission(phrasing) is asks


def test_review_dates_warn_after_twelve_months_without_failing(data_dir: Path) -> None:
    kb = load_knowledge_base(data_dir)  # every fixture entry was reviewed 2026-11-25
    assert stale_entries(kb.entries, dt.date(2027, 11, 24)) == []
    warned = stale_entries(kb.entries, dt.date(2027, 11, 25))
    assert len(warned) == len(kb.entries)
    assert "last reviewed 2026-11-25" in warned[0]
    assert kb.check() == []  # a stale entry is a reminder, not a defect


def test_knowledge_check_prints_warnings_and_exits_zero(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cli, "knowledge_base", lambda _settings=None: load_knowledge_base(data_dir))
    argv = ["--config", str(REPO / "config.toml"), "knowledge", "check"]
    assert cli.main([*argv, "--today", "2028-01-01"]) == 0
    out = capsys.readouterr().out
    assert out.count("warning: ") == 5
    assert out.strip().endswith("5 entries, 37 regulations, 0 defects, 5 warnings")
    assert cli.main([*argv, "--today", "2026-12-05"]) == 0
    assert "warning: " not in capsys.readouterr().out
    (data_dir / "kampanye.toml").write_text(
        (data_dir / "kampanye.toml")
        .read_text()
        .replace('"""Tidak boleh. Fasilitas', '"""Ya. Fasilitas'),
        encoding="utf-8",
    )
    assert cli.main([*argv, "--today", "2026-12-05"]) == 1
