from knowledge import load_knowledge_base
from knowledge.regulations import cited_regulation, load_regulations, read_citation

EXPECTED = [
    "PP 53/2010",
    "Putusan MK 121/PUU-XXII/2024",
    "Putusan MK 135/PUU-XXII/2024",
    "Putusan MK 136/PUU-XXII/2024",
    "UU 20/2023",
    "UU 5/2014",
    "PP 94/2021",
    "PP 42/2004",
    "PP 49/2018",
    "PP 11/2017",
    "SKB 2022",
    "SKB 2020",
    "UU 7/2017",
    "UU 10/2016",
    "UU 1/2015",
    "UU 6/2020",
    "Perpres 91/2024",
    "Perpres 92/2024",
    "SE MenPANRB 4/2024",
    "SE MenPANRB B/71/M.SM.00.00/2017",
    "PKPU 3/2022",
    "PKPU 2/2024",
    "Perbawaslu 7/2022",
    "Perbawaslu 9/2024",
    "UU 2/2011",
    "PP 17/2020",
    "PerBKN 7/2022",
    "PKPU 8/2022",
    "SE Mendagri 900.1.9/9095/SJ",
    "Putusan MK 65/PUU-XXI/2023",
    "UU 6/2014",
    "PP 79/2021",
    "SE MenPANRB 1/2023",
    "SE MenPANRB B/36/M.SM.00.00/2018",
    "Perpres 76/2013",
    "UU 34/2004",
    "UU 2/2002",
]


def test_every_short_name_is_registered() -> None:
    regs = load_regulations()
    assert sorted(regs) == sorted(EXPECTED)
    assert all(r.title and r.year > 1945 for r in regs.values())


def test_replacements() -> None:
    regs = load_regulations()
    assert regs["UU 5/2014"].status == "dicabut"
    assert regs["UU 5/2014"].replaced_by == "UU 20/2023"
    assert regs["PP 53/2010"].replaced_by == "PP 94/2021"
    assert "BKN" in regs["Perpres 92/2024"].note


def test_longest_short_name_wins_for_the_two_menpanrb_circulars() -> None:
    regs = load_regulations()
    found = cited_regulation("SE MenPANRB 1/2023 angka 3", regs)
    assert found is not None and found.year == 2023


def test_citation_lookup() -> None:
    regs = load_regulations()
    assert cited_regulation("UU 7/2017 Pasal 280 ayat (2) huruf f", regs) is regs["UU 7/2017"]
    assert cited_regulation("SE MenPANRB 4/2024", regs) is regs["SE MenPANRB 4/2024"]
    assert cited_regulation("UU 7/20170 Pasal 1", regs) is None
    assert cited_regulation("PP 99/2099 Pasal 4", regs) is None


def test_kb_exposes_registry() -> None:
    assert "UU 20/2023" in load_knowledge_base().regulations


def test_every_regulation_has_a_plain_name_and_links_are_official() -> None:
    regs = load_regulations()
    for reg in regs.values():
        # A name people recognise, short enough to read before the article.
        assert reg.plain.strip() and len(reg.plain) <= 90, reg.short
        if reg.link is not None:
            assert reg.link.startswith(("https://peraturan.bpk.go.id/", "https://jdih."))


def test_a_citation_reads_as_plain_name_and_article() -> None:
    regs = load_regulations()
    pemilu = read_citation("UU 7/2017 Pasal 280 ayat (2) huruf f", regs)
    assert pemilu.plain == "UU Pemilu (UU 7/2017) Pasal 280 ayat (2) huruf f"
    assert pemilu.article == "Pasal 280 ayat (2) huruf f"
    skb = read_citation("SKB 2022 Lampiran II tabel B butir 6", regs)
    assert skb.plain == (
        "Keputusan Bersama 5 instansi tentang netralitas ASN, 2022, Lampiran II tabel B butir 6"
    )
    assert read_citation("SE MenPANRB 1/2023", regs).plain.startswith("Surat Edaran MenPANRB")
    unknown = read_citation("PP 99/2099 Pasal 4", regs)
    assert unknown.regulation is None and unknown.plain == "PP 99/2099 Pasal 4"
