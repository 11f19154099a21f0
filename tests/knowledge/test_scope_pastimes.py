"""A civil servant's side trade is not a neutrality question (answered honestly, no
entry's verdict); named with a candidate, a party or an election it is ours again. (Social
media as a pastime is answered by medsos-konten-netral: tests/knowledge/test_acts.py.)
Reporting to another office ("lapor SPT") comes without the offer
to report a violation."""

import pytest

from knowledge import KnowledgeBase


@pytest.mark.parametrize(
    "text",
    [
        "pppk boleh gabung mlm gak?",
        "guru pns ikut bisnis mlm skincare, boleh?",
        "asn boleh jualan online di marketplace?",
        "pns boleh jadi reseller baju?",
        "guru pppk boleh terima endorse produk?",
    ],
)
def test_side_trade_and_pastime_are_out_of_scope(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    assert answer.match is None and answer.intent != "tip"


@pytest.mark.parametrize(
    "text",
    [
        "asn boleh main tiktok joget pakai jingle caleg?",
        "pns boleh bikin konten youtube dukung capres?",
    ],
)
def test_with_a_candidate_named_they_are_ours(kb: KnowledgeBase, text: str) -> None:
    assert kb.ask(text).match is not None


@pytest.mark.parametrize(
    "text",
    ["cara lapor spt tahunan pns gimana?", "batas lapor lhkpn kapan ya"],
)
def test_reporting_elsewhere_brings_no_offer_to_report(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    assert answer.match is None and answer.report is None


def test_asking_how_to_report_a_violation_keeps_the_offer(kb: KnowledgeBase) -> None:
    assert kb.ask("gimana cara lapor pns yang ikut kampanye?").report == "how"


@pytest.mark.parametrize("text", ["slmt mlm min", "met mlm kak"])
def test_mlm_still_greets_in_the_evening(kb: KnowledgeBase, text: str) -> None:
    assert kb.ask(text).intent == "greeting"


def test_mlm_still_tells_when(kb: KnowledgeBase) -> None:
    assert kb.ask("td mlm liat pak lurah bagi amplop caleg di pos ronda").intent == "tip"


@pytest.mark.parametrize(
    "text",
    [
        # a wish to report one's own pay or papers: the office that handles them
        "mau lapor, gaji saya 2 bulan belum dibayar, ngadu kemana?",
        "lapor bu, ktp saya hilang, nanti bisa nyoblos pakai apa?",
        "lapor kemana kalau tpp saya telat cair?",
    ],
)
def test_reporting_ones_own_pay_or_papers_is_not_a_tip(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    assert answer.intent != "tip" and answer.match is None


@pytest.mark.parametrize(
    "text",
    [
        "lapor pak, kades kami kampanye pakai mobil dinas",
        "mau lapor, kabid potong tpp staf yang gak mau dukung petahana",
    ],
)
def test_reporting_a_violation_stays_a_tip(kb: KnowledgeBase, text: str) -> None:
    assert kb.ask(text).intent == "tip"


@pytest.mark.parametrize(
    "text",
    [
        "kontrak p3k sy habis tahun depan, bisa perpanjang kontrak gak?",
        "Is PPPK contract renewal automatic?",
        "tim sukses mau bikin jingle pakai lagu dangdut terkenal, perlu izin lagu?",
    ],
)
def test_contract_terms_and_campaign_material_are_out_of_scope(
    kb: KnowledgeBase, text: str
) -> None:
    assert kb.ask(text).match is None


@pytest.mark.parametrize(
    "text",
    [
        "pppk yang jadi timses bisa diputus kontraknya?",
        "guru pns boleh bikin jingle buat caleg?",
        "bikin desain spanduk caleg pakai komputer kantor pas jam istirahat boleh?",
    ],
)
def test_with_a_civil_servant_or_campaign_act_they_are_ours(kb: KnowledgeBase, text: str) -> None:
    assert kb.ask(text).match is not None
