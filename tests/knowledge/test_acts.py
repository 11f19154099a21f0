"""What a civil servant does: the verdict follows the act, not the words around it.
Showing or urging one's political choice is taking a side; an order from a
superior or a day of leave does not lift the ban; a hobby account with no
politics in it is not campaigning. Questions written for this file, in several
registers (chat, typo, formal, English, regional); never copied from an eval set."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase

# Never a yes: an honest "I don't know" is acceptable, a boleh is not.
NO = [
    # one's political choice posted or pushed on others (PP 94/2021 Pasal 5 huruf n angka 6)
    "pns posting pilihan politik di facebook boleh?",
    "asn bikin status soal calon pilihannya di ig, aman?",
    "Bolehkah PNS mengunggah dukungan politiknya di media sosial pribadi?",
    "can a civil servant post who he supports on facebook?",
    "asn mengajak teman memilih sesuai pilihan politiknya",
    "pns ngajak temen2 nyoblos jagoannya, boleh ga",
    "Apakah ASN boleh memengaruhi sahabatnya agar memilih calon yang ia dukung?",
    "can a government employee convince friends to vote for his pick",
    # told to by a superior: the order does not make it allowed
    "kepala dinas kami minta kami hadir di kampanye, saya wajib datang?",
    "atasan nyuruh kami dtg ke kampanye cabup, hrs ikut?",
    "Apakah ASN wajib menghadiri kampanye calon apabila diperintahkan pimpinan?",
    "my boss told us to attend the incumbent's rally, do I have to go?",
    "dikongkon atasan melu kampanye, kudu teko ora?",
    "kepsek minta guru2 hadir deklarasi paslon, wajib hadir kah",
    # campaigning said plainly, and on leave
    "pns tidak boleh kampanye kan",
    "is it true civil servants can't campaign?",
    "kalo cuti trus ikut kampanye boleh ga",
    "kalau ambil cuti tahunan, pns boleh ikut kampanye?",
    "if I take annual leave can I join a campaign as a civil servant",
    # a post with a candidate in it stays a post about the candidate
    "pns bikin video tiktok dukung capres",
    "asn bikin konten hobi tapi pake jingle calon",
    "pns main tiktok joget lagu kampanye paslon",
    "asn punya akun ig boleh follow akun partai?",
    "bikin konten youtube dukung caleg",
    # a welcome speech at a contestant's event is speaking for them
    "lurah diundang temu warga yg ternyata acara posko pemenangan, diminta kasih sambutan, boleh?",
    "Apakah kepala dinas boleh memberikan sambutan pada acara yang diselenggarakan tim kampanye?",
    "can a civil servant say a few words at a gathering hosted by a candidate's volunteers?",
    # reminded oneself, then asking to go on
    "pns boleh ikut kampanye kalau sudah diingatkan atasan?",
    "pns udah ditegur atasan soal like postingan caleg, boleh lanjut?",
    # stayed in the group and took part before leaving
    "pns di grup wa relawan caleg sudah 2 bulan, aktif komen, trus keluar, masih kena?",
    "pns di-add ke grup wa timses, sy keluar setelah share 1 poster, aman?",
    # the quiet period lifts no ban
    "pas masa tenang pns boleh posting dukungan ke calon?",
    "kalau masa tenang, asn boleh share postingan paslon ga?",
    "during the quiet period can a civil servant like a candidate's post?",
    # a news article that praises a contestant is campaign material
    "pns bagikan artikel berita keberhasilan bupati incumbent yg maju lagi, boleh?",
    "Bolehkah ASN meneruskan berita yang memuji calon tertentu ke grup kantor?",
    # an order in a regional register
    "aku pns dikon kepala dinas melu kampanye cabup, piye?",
    "abdi pns dipiwarang pimpinan milu kampanye, kedah kumaha?",
    "staf kecamatan disuruh camat jadi timses paslon, wajib nurut?",
    # CLTN beside a spouse who runs allows being there, never speaking on stage
    "istri pns yang sedang cltn boleh berpidato di panggung kampanye suaminya?",
    "suami saya caleg, saya pns cltn, boleh saya kasih sambutan di kampanye dia?",
]


@pytest.mark.parametrize("text", NO)
def test_a_partisan_act_is_never_a_yes(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    if answer.match is not None:
        assert answer.match.verdict == "dilarang", (text, answer.match.id)


# The secret vote is a yes; telling or showing the choice is not that yes (the
# private boundary is UNCERTAIN in knowledge-sources Part 1 §7: say less, never yes).
SHOWN_CHOICE = [
    "Is a civil servant allowed to tell his Facebook friends which candidate he will vote for?",
    "Bolehkah ASN menyatakan pilihan politiknya secara terbuka di depan umum?",
]


@pytest.mark.parametrize("text", SHOWN_CHOICE)
def test_a_choice_shown_is_not_the_secret_vote(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    if answer.match is not None:
        assert answer.match.verdict not in {"boleh", "boleh_bersyarat"}, (text, answer.match.id)


# The neutral, official or private variant keeps its yes (knowledge-sources Part 1 §7).
YES = [
    ("asn boleh main tiktok?", "medsos-konten-netral"),
    ("pns boleh jadi youtuber?", "medsos-konten-netral"),
    ("guru pns bikin konten tiktok masak boleh?", "medsos-konten-netral"),
    (
        "Saya diminta pimpinan untuk menghadiri acara dinas bupati petahana, boleh?",
        "boleh-acara-dinas-petahana",
    ),
    ("satpol pp ditugaskan mengamankan kampanye boleh?", "boleh-hadir-tugas-kampanye"),
    ("asn boleh nyoblos?", "boleh-memilih"),
    (
        "satpol pp diperintah atasan mengamankan kampanye, wajib hadir?",
        "boleh-hadir-tugas-kampanye",
    ),
    ("asn ngobrol politik sama teman di warung boleh?", "boleh-diskusi-pribadi"),
    ("boleh gak asn melayani calon yang datang ke kantor urus surat", "boleh-layani-calon-kantor"),
    # put in a campaign group by someone else, left at once
    (
        "sy pppk dimasukin grup telegram timses cabup, langsung keluar, gpp kan?",
        "medsos-keluar-grup-pemenangan",
    ),
    (
        "i got added to a campaign whatsapp group and left right away, did i do the right thing?",
        "medsos-keluar-grup-pemenangan",
    ),
    # reminding a colleague takes no side
    ("kalau ada teman kantor posting dukung capres, boleh saya tegur?", "boleh-ingatkan-rekan"),
    (
        "Apakah ASN boleh mengingatkan rekan sejawat yang ikut kampanye agar tetap netral?",
        "boleh-ingatkan-rekan",
    ),
    ("pns oleh ngelingke kanca sing pasang stiker caleg neng motor dinas?", "boleh-ingatkan-rekan"),
]


@pytest.mark.parametrize(("text", "entry"), YES)
def test_the_neutral_act_keeps_its_entry(kb: KnowledgeBase, text: str, entry: str) -> None:
    answer = kb.ask(text)
    assert answer.match is not None, text
    assert answer.match.id == entry, (text, answer.match.id)
    assert answer.match.verdict != "dilarang", (text, answer.match.id)


# An order is answered by the entry that says what to do with it.
ORDERED = [
    "kepala dinas kami minta kami hadir di kampanye, saya wajib datang?",
    "atasan nyuruh kami dtg ke kampanye cabup, hrs ikut?",
    "bos di kantor minta kita semua datang ke rapat umum capres, harus ya?",
]


@pytest.mark.parametrize("text", ORDERED)
def test_an_order_to_campaign_gets_the_entry_on_orders(kb: KnowledgeBase, text: str) -> None:
    answer = kb.ask(text)
    assert answer.match is not None, text
    assert answer.match.id == "fasilitas-disuruh-atasan", (text, answer.match.id)
