"""The intent step: is this a tip, a reminder request, small talk, or a question?

Runs on the normalized words (slang and English already mapped), before
matching. It only has to separate the few non-question intents; everything
else goes to the matcher and becomes "faq" or "unknown" there.

Reporting has three faces, told apart here so the chat can follow the person:
"saya mau lapor" wants to start a tip now (``tip``); "tadi liat pak kades
bagi sembako, mau lapor" tells what they saw (``report="witness"``: the rule,
and an offer to report it); "gimana cara lapor?" asks about reporting
(``report="how"``: the channels, and the same offer).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from knowledge.lexicon import word_classes
from knowledge.normalize import MAX_INPUT_CHARS, MAX_TOKENS, fold, is_root
from knowledge.witness import (
    MIN_ACCOUNT_WORDS,
    PROCESS_NOUNS,
    a_particular_one_presses,
    about_oneself,
    accuses,
    another_acts,
    asks_a_count,
    asks_about_the_account,
    asks_after_a_scene,
    asks_for_action,
    asks_for_the_pressed,
    asks_how_after_an_account,
    asks_how_at_a_pointed_place,
    asks_leave_to_report,
    asks_own_duty,
    asks_something,
    asks_what_to_do,
    asks_what_to_do_last,
    clause_before,
    complains,
    condemns,
    contrasts,
    happened,
    is_report_word,
    judges_a_long_account,
    judges_a_recent_act,
    judges_a_specific_account,
    judges_a_told_act,
    judges_up_front,
    judges_what_was_told,
    names_a_role,
    particular,
    presents,
    pressed_by_a_role,
    pressed_to_report,
    presses,
    reluctant,
    sets_the_scene,
    someone_else_acts,
    someone_unnamed_acts,
    telling_at,
    tells,
    told_before,
    unwilling_asks_how,
    vouched_account,
    vouches,
    without_hedge,
    witnessed,
)

__all__ = [
    "Intent",
    "asks_something",
    "detect_intent",
    "emoji_small_talk",
    "fits",
    "last_question",
    "reads_as_question",
    "sentences",
    "without_report_terms",
    "without_told_questions",
]

# Every word class lives in knowledge/lexicon/intents.toml; the comments here say what for.
_V = word_classes("intents.toml", "words")

# Someone wanting to do it now, not asking about it.
_DESIRE = _V["desire"]
# Words that turn a mention of reporting into a question about reporting.
_QUESTION = _V["question"]
# Other reporting channels: "mau lapor ke bawaslu, caranya gimana" asks how to
# use one of them, it does not start a tip with us.
_CHANNELS = _V["channels"]
REPORT_CHANNELS = _CHANNELS
# "buat lapor", "cara lapor", "tempat lapor": reporting named as a purpose or topic
_PURPOSE = _V["purpose"]
_CONDITIONAL = _V["conditional"]
# Handing over evidence is a tip even without the word "lapor".
_SEND = _V["send"]
_EVIDENCE = _V["evidence"]
_SUBSCRIBE = _V["subscribe"]
_UNSUBSCRIBE = _V["unsubscribe"]
# "tanpa like/komen/subscribe", "langganan kanal youtube caleg": a channel, not our reminders
_SUBSCRIBED_MEDIA = _V["subscribed_media"]
_REMINDED_OTHERS = _V["reminded_others"]
_HELLO = _V["hello"]
_THANKS = _V["thanks"]
_BYE = _V["bye"]
# Words allowed around a greeting without making it a question.
_FILLER = _V["filler"]
# "P" (a chat ping), "mulai", "menu", "tes": a person opening the conversation.
_OPENERS = _V["openers"]
# "izin bertanya", "mau tanya": announcing a question that has not come yet.
_ANNOUNCE = _V["announce"]
# "what does this bot do?", "bot ini bisa apa?", "kamu siapa?": about the bot itself.
_ABOUT_SUBJECT = _V["about_subject"]
_ABOUT_ASK = _V["about_ask"]
_ABOUT_OTHER = _V["about_other"]
# "apakah ini layanan resmi?", "who runs this?": the welcome and who runs it.
_ABOUT_OFFICIAL = _V["about_official"]
_ABOUT_AGENCY = _V["about_agency"]
# "dengan siapa saya berbicara?": the line itself, with no word naming the bot.
_ABOUT_TALK = _V["about_talk"]
_ABOUT_POINTING = _V["about_pointing"]
_ABOUT_PURPOSE = _V["about_purpose"]
_ABOUT_HELP_ASKED = _V["about_help_asked"]
_ABOUT_CAN_WHAT = _V["about_can_what"]
_ABOUT_CAN_WHAT_REST = _V["about_can_what_rest"]

# Question form, for telling "tadi liat kades bagi sembako" (a statement of what
# someone saw) from "kalau kades bagi sembako boleh?" (a question about the rule).
_INTERROGATIVES = _V["interrogatives"]
# "…, melanggar ga?", "…, aman kan": a yes/no question without a question word.
_YES_NO_TAIL = _V["yes_no_tail"]
# A question someone else put to others ("bikin kuis 'siapa capres terbaik'"), and the
# words that make asking the writer's own ("saya mau tanya siapa …").
_EMBEDDING = _V["embedding"]
_OWN_ASKING = _V["own_asking"]
# How far after "kuis"/"nanya" the question word of what was asked may stand.
EMBEDDED_REACH = 8
_THREAT = _V["threat"]
# How far after "diancam" what the threat says reaches.
THREAT_REACH = 3
_TAIL_FILLER = _V["tail_filler"]
_S = word_classes("intents.toml", "smalltalk")
_EMOJI_THANKS = frozenset("".join(_S["emoji_thanks"]))
_EMOJI_HELLO = frozenset("".join(_S["emoji_hello"]))
_SKIN_TONES = frozenset(chr(c) for c in range(0x1F3FB, 0x1F400))
_W = word_classes("intents.toml", "witness")
_APPRECIATION = _S["appreciation"]
_NEGATORS = _S["negators"]
_ADDRESS = _S["address"]
_FORMAL_ADDRESS = _W["formal_address"]
_PRESENCE = _S["presence"]
_INTENSIFIERS = _S["intensifiers"]
# Words allowed around small talk without making it a question.
_AROUND_SMALL_TALK = _FILLER | _ADDRESS | _PRESENCE | _INTENSIFIERS | _S["around"]
# "Dengan hormat, mohon maaf mengganggu", and the general subject of a question only
# announced ("saya ingin bertanya terkait netralitas ASN"): allowed beside an announcement.
_COURTESY = _S["courtesy"]
_TOPIC = _S["topic"]
# "saya seorang guru PNS di kabupaten …": the writer introduced (actors and places too)
_INTRODUCTION = _S["introduction"] | _W["actors"] | _W["places"] | _W["first_person"]
# (joined once here, not per message or per word)
_ANY_ADDRESS = _ADDRESS | _FORMAL_ADDRESS
_GREETED = _HELLO | _OPENERS | _THANKS | _BYE
_GREETED_ASIDE = _COURTESY | _INTRODUCTION
_TYPO_TARGETS = _HELLO | _ANNOUNCE
_ABOUT_HELP = _V["about_help"]
# The actors and places an introduction may name, what introduces them, and what turns
# a role into one wished for.
_INTRO_WHO = (
    (_W["actors"] | _W["places"])
    - _S["introduction"]
    - _ADDRESS
    - _FILLER
    - _COURTESY
    - _TOPIC
    - _PRESENCE  # "ada petugas yang bisa membantu?": someone there, not a role
)
_INTRODUCERS = _W["first_person"] | _S["introducers"]
_BECOMING = _S["becoming"]
# After these, an introduction names a place ("dari Bandung", "Kabupaten Bogor"): a
# word nothing else knows is read as that name, unless it says what someone did.
_NAMED_AFTER = _S["named_after"] | _W["places"]
_CONTENT = _W["politics"] | _W["pressing"] | _W["pressed"] | _QUESTION | _INTERROGATIVES
# Words that say nothing about what happened, around a wish to report.
_NOT_CONTENT = _V["not_content"]
# Report nouns ("laporan", "pelapor") and the passive ("dilaporkan"): about the
# process or the person reported, not about how to report.
_REPORT_NOUNS = _V["report_nouns"]
# Terms that carry the wish to report, not what happened: left out when
# matching a witness's message to the rule it breaks.
REPORT_TERMS = _V["report_terms"]
# With this many words about what happened, "mau lapor …" is a description.
MIN_CONTENT_WORDS = 2


@dataclass(frozen=True, slots=True)
class Intent:
    kind: str  # "tip" | "subscribe" | "greeting" | "question"
    small_talk: str | None = None  # "hello" | "thanks" | "bye" | "about" | "official"
    # "witness" (tells what happened) | "how" (asks how to report; with kind "tip", how to
    # report someone's breach)
    report: str | None = None
    # Whether one may report is what is asked ("guru boleh lapor kepsek yang kampanye?",
    # "mau lapor kadis yang kampanye, boleh gak?"): the yes to reporting answers it.
    leave: bool = False
    # A request to the bot to write campaign material ("bikinin pidato kampanye buat caleg
    # dong"): not ours to answer (the bot writes no one's campaign).
    writes: bool = False


def reads_as_question(words: tuple[str, ...], asked: bool = False) -> bool:
    """A question in form: a question mark, a question word anywhere, or the yes/no
    tail of everyday Indonesian ("melanggar ga", "masalah gak sih", "aman kan")."""
    tail = [w for w in words[-3:] if w not in _TAIL_FILLER]
    return (
        asked or any(w in _INTERROGATIVES for w in words) or bool(tail and tail[-1] in _YES_NO_TAIL)
    )


def without_told_questions(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words without the question words of a question someone else asked others:
    "dosen bikin kuis 'siapa capres terbaik'", "guru nanya ke murid ortunya mau pilih
    siapa" tell what was asked, they ask nothing. The writer asking ("saya mau tanya
    siapa …", "tanya, siapa …" at the start) and "nanya ke siapa" (whom to ask) keep it."""
    told: set[int] = set()
    for i, w in enumerate(words):
        # someone else named before it is the one asking ("ini bisa nanya apa aja?" is
        # the writer's question)
        if w not in _EMBEDDING or not set(words[:i]) & _W["actors"] or _asks_oneself(words, i):
            continue
        for j in range(i + 1, min(len(words), i + 1 + EMBEDDED_REACH)):
            if words[j] in _INTERROGATIVES and words[j - 1] not in _V["to"]:
                told.add(j)
    for i, w in enumerate(words):
        # "yang tidak ikut diancam tidak boleh lembur": what the threat says, not asked;
        # a tag at the very end ("…, diancam mutasi, boleh gitu?") is still asked.
        if w in _THREAT:
            for j in range(i + 1, min(len(words), i + 1 + THREAT_REACH)):
                said_after = set(words[j + 1 :]) - _YES_NO_TAIL - _TAIL_FILLER - _W["pointers"]
                if words[j] in _INTERROGATIVES and said_after:
                    told.add(j)
    return tuple(w for i, w in enumerate(words) if i not in told) if told else words


def _asks_oneself(words: tuple[str, ...], i: int) -> bool:
    """The asking word at ``i`` is the writer's ("saya tanya", "mau nanya"), not one
    whose "saya" owns what comes before ("guru di sekolah anak saya nanya ke murid …")."""
    before = words[i - 1]
    if before not in _OWN_ASKING:
        return False
    owned = i > 1 and words[i - 2] in _W["relations"] | _W["places"] | _W["actors"]
    return not (before in _W["first_person"] and owned)


_WRITE_VERBS = _V["write_verbs"]
_WRITE_MATERIAL = _V["write_material"]
_WRITE_ASKED = _V["write_asked"]
_WRITE_FOR = _V["write_for"]
_WRITE_WHO = _W["actors"] - _S["address"] - _W["formal_address"]
_FIRST_PERSON = _W["first_person"]
_LEAVE = _W["leave"]


def asks_to_write(words: tuple[str, ...]) -> bool:
    """ "Bikinin pidato kampanye buat calon kades dong", "help me write a campaign speech
    for my candidate" (read "boleh kamu bantu saya tulis … pidato"): the bot asked to
    write a piece of material. Not when someone in a role or status is named (other than
    the candidate it is for: "calon kades"), nor when the writer asks leave for their own
    act ("boleh saya bantu bikinin pidato buat kakak?")."""
    wordset = set(words)
    if not (wordset & _WRITE_VERBS and wordset & _WRITE_MATERIAL and wordset & _WRITE_ASKED):
        return False
    named = any(
        w in _WRITE_WHO and (i == 0 or words[i - 1] not in _WRITE_FOR) for i, w in enumerate(words)
    )
    own_leave = any(
        w in _LEAVE and words[i + 1 : i + 2] and words[i + 1] in _FIRST_PERSON
        for i, w in enumerate(words)
    )
    return not (named or own_leave)


def reminds_someone_else(words: tuple[str, ...]) -> bool:
    """ "boleh saya ingatkan dia?", "ingatkan rekan yang kampanye": a subscribe word
    whose next word is another person asks about reminding them."""
    return any(
        w in _SUBSCRIBE and words[i + 1 : i + 2] and words[i + 1] in _REMINDED_OTHERS
        for i, w in enumerate(words)
    )


def detect_intent(words: tuple[str, ...], asked: bool = False) -> Intent:
    """``asked``: the raw text had a question mark (the words have lost it)."""
    if not words:
        return Intent("question")
    words = without_told_questions(words)
    words = without_hedge(words)  # "gak tau ini pelanggaran apa bukan, camat kami …"
    if len(words) > 2 and is_report_word(words[0]) and words[1] in _ANY_ADDRESS:
        # "Lapor, Pak! …", "lapor min, …": the bot addressed, not a "pak" who acted
        words = words[:1] + words[2:]
    wordset = set(words)
    small = _small_talk(words, asked)
    if small is not None:
        return Intent("greeting", small)
    if asks_to_write(words):
        return Intent("question", writes=True)
    if (
        wordset & _SUBSCRIBE
        and not wordset & _UNSUBSCRIBE
        and not someone_else_acts(words)
        and not reminds_someone_else(words)
        and not wordset & _SUBSCRIBED_MEDIA
    ):
        # "tolong ingatkan pak camat yang ikut kampanye" is about someone else's act
        return Intent("subscribe")
    if asks_a_count(words):
        # "berapa asn yang dilaporkan tidak netral di pilkada 2020?": the figures asked
        return Intent("question")
    asks = asks_something(words)
    report_at = sorted({i for i, w in enumerate(words) if is_report_word(w)} | telling_at(words))
    if report_at:
        first = report_at[0]
        if asks_leave_to_report(words, first):
            # "Can ordinary citizens like me report a civil servant who isn't neutral?":
            # whether one may report, asked of a kind of person (the answer: yes)
            return Intent("question", report="how", leave=True)
        before = words[max(0, first - 3) : first]
        # "kalau mau lapor ..." is a hypothetical, not someone reporting now
        wants = any(w in _DESIRE for w in before) and not any(w in _CONDITIONAL for w in before)
        # Report nouns ("laporan", "pelapor") are about the process unless
        # the message opens with one ("Laporan: di grup wa dinas ...").
        verb_form = first == 0 or words[first] not in _REPORT_NOUNS
        purpose = first > 0 and words[first - 1] in _PURPOSE
        elsewhere = asks and bool(wordset & _CHANNELS)
        if (wants and not elsewhere) or (verb_form and not asks and not purpose):
            return Intent("tip", report="witness" if _describes(words) else None)
        if (
            witnessed(words, report_at)
            or (not purpose and someone_else_acts(words) and particular(words))
            or (verb_form and told_before(clause_before(words, first)))
            or (verb_form and pressed_to_report(words))
            or (verb_form and not purpose and pressed_by_a_role(words))
            or (someone_else_acts(words) and names_a_role(words))
            or (verb_form and _told_by_an_insider(words, report_at))
            or (verb_form and vouched_account(words))
        ):
            # "kadis nyuruh staf pasang spanduk cabup, fotonya ada. Lapor kemana?",
            # "tetangga saya pns posting dukungan capres, bisa diadukan ke bawaslu?",
            # "gimana cara lapor kades yang kampanye": asking how (or where) to report
            # what someone in a role did is a tip, told with the rule it breaks (the
            # blind set's method says so too: tests/eval/blind/SOURCES.md, "Tips vs
            # faq"). "cara lapor asn yang tidak netral" (a status, no act named) and
            # "berapa lama batas lapor" stay questions about reporting.
            return Intent("tip", report="witness")
        if any(w not in _REPORT_NOUNS for w in (words[i] for i in report_at)):
            if accuses(words) and any(words[i] not in PROCESS_NOUNS for i in report_at):
                # "gimana cara lapor asn yg ga netral? sy cuma tau nama kantornya", "what
                # evidence do I need to report an ASN campaigning on Facebook?": asking how
                # to report someone's breach is a tip too (tests/eval/blind/SOURCES.md:
                # "… and/or asks how to report it"). The answer stays the one about
                # reporting, with the offer to report it here; "cara lapor ke bawaslu",
                # "bisa lapor tanpa nama?" (nobody accused) stay questions.
                return Intent("tip", report="how")
            return Intent("question", report="how")
    if wordset & _SEND and wordset & _EVIDENCE and wordset & _DESIRE and not asks:
        return Intent("tip", report="witness" if _describes(words) else None)
    if someone_else_acts(words):
        questioning = reads_as_question(words, asked)
        if (
            asks_for_the_pressed(words)
            or complains(words)
            or condemns(words)
            or asks_after_a_scene(words)
            or asks_what_to_do(words)
            or a_particular_one_presses(words)
            or judges_a_long_account(words)
            or judges_a_specific_account(words)
            or unwilling_asks_how(words)
            or asks_how_after_an_account(words)
            # "honorer di dinas sini bagiin kartu nama caleg ke tamu, gimana ya": at a
            # place the writer points at ("sini", "kantor kami", "sekolah anak saya")
            or asks_how_at_a_pointed_place(words)
        ):
            # "kapus nyuruh bidan ikut kampanye caleg, bidan pns wajib nurut?" (what
            # someone did to others, asked on their behalf), "camat kita kok ikut
            # deklarasi ya" (a complaint), "…, ini ga bener kan" (judged wrong).
            return Intent("tip", report="witness")
        if happened(words, []):
            # "… kemarin, apa yang harus saya lakukan?", "tadi liat pak camat kampanye,
            # itu boleh?": asking what to do about it, or about what was told, is a tip.
            asking = (
                questioning
                and not asks_for_action(words)
                # "…, aku harus gimana?", "Apa yang sebaiknya saya lakukan?"
                and not asks_what_to_do_last(words)
                # seen, or its evidence in hand: "…, ada rekaman suara. Harus ke Bawaslu?"
                and not vouches(words)
                and not asks_about_the_account(words)
                and not judges_a_recent_act(words)
                and not judges_a_told_act(words)
                and not judges_up_front(words)
            )
            return Intent("question" if asking else "tip", report="witness")
        if not questioning and (
            particular(words)
            or tells(words)
            or presses(words)
            or presents(words)
            or sets_the_scene(words)
            or contrasts(words)
        ):
            # Told, not asked: "oknum lurah ngarahin warga coblos no 1", "kepala dinas
            # memaksa bawahannya menghadiri kampanye cabup petahana".
            return Intent("tip", report="witness")
    if someone_unnamed_acts(words) and not reads_as_question(words, asked):
        # "di grup wa kantor ada yg share video kampanye cagub tiap hari"
        return Intent("tip", report="witness")
    if pressed_by_a_role(words) and (
        (judges_what_was_told(words) and happened(words, []))
        or (not reads_as_question(words, asked) and not asks_own_duty(words))
        # "… Saya tidak mau hadir. Apa yang sebaiknya saya lakukan?": unwilling, and asking
        # what to do about it (not whether they must)
        or (reluctant(words) and asks_for_action(words))
        # "… kalo nolak takut kontrakku ga diperpanjang", "… harus nurut gak? aku takut
        # dimarahin": against their will or afraid, whatever else is asked, unless it is
        # their own duty or leave ("…, saya takut, boleh saya tolak?")
        or (reluctant(words) and not asks_own_duty(words))
        # "Atasan saya meminta seluruh staf hadir … bertemu tim sukses calon gubernur. Apa
        # yang sebaiknya saya lakukan?": what to do about the pressure, a tip as well
        or asks_what_to_do_last(words)
    ):
        # Told by one of those pressed: "kades kami ngumpulin perangkat desa, suruh
        # menangin paslon 01. sy perangkat jg tp ga mau" (a question of their own,
        # "…, sy hrs nurut?", stays a question).
        return Intent("tip", report="witness")
    if presses(words) and _told_by_an_insider(words, []) and asks_what_to_do_last(words):
        # "Saya pegawai di sebuah OPD. Sekretaris dinas kami … rutin mengirimkan ajakan
        # memilih calon petahana. Apa yang dapat saya lakukan?": the writer says who they
        # are, then how someone in a role pressed others, and asks what to do about it
        return Intent("tip", report="witness")
    if (
        pressed_to_report(words)
        and happened(words, [])
        and not reads_as_question(words, asked)
        and not about_oneself(words)
    ):
        # Pressure told without naming who: "di kantor kami ada iuran wajib buat baliho
        # cabup, yang nolak diancam dimutasi".
        return Intent("tip", report="witness")
    return Intent("question")


def _told_by_an_insider(words: tuple[str, ...], report_at: list[int]) -> bool:
    """The writer says who they are, then what someone else in a role did, and asks how
    to report it: "Saya seorang PNS … Atasan saya menginstruksikan seluruh staf
    menghadiri acara cabup. Ke mana saya dapat melaporkan hal ini?" (their own
    description does not make it their own act). It must read as an account: a sign
    that it happened, someone in particular, or the length of a story."""
    return another_acts(words) and (
        happened(words, report_at) or particular(words) or len(words) >= 2 * MIN_ACCOUNT_WORDS
    )


def _describes(words: tuple[str, ...]) -> bool:
    """Whether a wish to report also says what happened ("mau lapor camat kampanye")."""
    content = [
        w
        for w in words
        if not is_report_word(w)
        and w not in _DESIRE
        and w not in _FILLER
        and w not in _HELLO
        and w not in _QUESTION
        and w not in _NOT_CONTENT
        and w not in _SEND
        and w not in _EVIDENCE
        and len(w) > 1
    ]
    return len(content) >= MIN_CONTENT_WORDS


def without_report_terms(terms: tuple[str, ...]) -> str:
    """A witness's message as the matcher should read it: what happened, not the wish."""
    kept = [t for t in terms if t not in REPORT_TERMS]
    return " ".join(kept) if kept else " ".join(terms)


# A greeting or an announcement typed in haste ("selamat siyang", "assalamualaykum",
# "ijin bertnya"): a word no class and no Indonesian root knows, this long at least,
# one letter away from a greeting word with the same first letter, is read as it.
MIN_TYPO_LENGTH = 5
MAX_TYPO_EDITS = 1


@lru_cache(maxsize=4096)
def _greeting_typo(word: str) -> str:
    """``word`` as the greeting or announcing word it was mistyped from, or itself."""
    if len(word) < MIN_TYPO_LENGTH or not word.isalpha() or word in _KNOWN_SMALL_TALK:
        return word
    if is_root(word):
        return word  # "salah" is a word of its own, not "salam" mistyped
    near = {
        w
        for w in _TYPO_TARGETS
        if w[0] == word[0]
        and len(w) >= MIN_TYPO_LENGTH - 1
        and Levenshtein.distance(word, w, score_cutoff=MAX_TYPO_EDITS) <= MAX_TYPO_EDITS
    }
    return min(near) if len(near) == 1 else word


def _small_talk(words: tuple[str, ...], asked: bool = False) -> str | None:
    """ "hello"/"thanks"/"bye"/"about" when the message is nothing but small talk
    ("official" when it asks whether the service is official, or who runs it)."""
    words = tuple(_greeting_typo(w) for w in words)
    wordset = set(words)
    if _about_the_bot(words, asked):
        return "official" if wordset & (_ABOUT_OFFICIAL | _ABOUT_AGENCY) else "about"
    negated = bool(wordset & _NEGATORS)
    # A question announced, not yet asked: "Selamat pagi, mohon izin, saya ingin
    # menanyakan sesuatu terkait netralitas ASN" (courtesies and the general subject).
    announced = bool(wordset & _ANNOUNCE)
    greeted = announced or bool(wordset & _GREETED)
    kinds: list[str] = []
    for i, word in enumerate(words):
        if word in _INTRO_WHO and not _introduced(words, i):
            return None  # "ulun PNS, handak KPPS, kawa kah?": a role wished for, asked
        if (greeted and word in _GREETED_ASIDE) or (
            announced and (word in _TOPIC or word.isdigit())  # "pemilu 2024"
        ):
            continue
        if greeted and i > 0 and words[i - 1] in _NAMED_AFTER and word not in _CONTENT:
            continue  # "saya ASN di Kabupaten Bogor", "a civil servant from Bandung": a name
        if (word.isdigit() or word in _S["got_through"]) and wordset & _OPENERS:
            continue  # "test 123", "tes, masuk gak?": trying the line out
        if word in _S["for_now"] and i > 0 and words[i - 1] in _S["closing"]:
            kinds.append("bye")  # "udah dulu ya min"
        elif word in _APPRECIATION and i > 0 and words[i - 1] in _S["able"]:
            continue  # "ada yang bisa membantu?" asks for help, it thanks nobody
        elif word in _THANKS or (word in _APPRECIATION and not negated):
            kinds.append("thanks")  # "oke paham, membantu sekali", never "kurang jelas"
        elif word in _BYE:
            kinds.append("bye")
        elif word in _HELLO or word in _OPENERS or word in _ANNOUNCE:
            kinds.append("hello")
        elif word not in _AROUND_SMALL_TALK:
            return None
    if not kinds and wordset & _S["acknowledge"] and not asked:
        return "thanks"  # "ok", "ok min" (read "boleh"), after an answer
    if not kinds:
        # "kak?", "pak", "ada yang online?": calling someone, nothing asked yet.
        # ("lg online?", "online ga": whether anyone is there, asked)
        tail = words[-1] in _YES_NO_TAIL
        calling = bool(wordset & _ADDRESS) or len(wordset & _PRESENCE) >= 2
        calling = calling or bool(wordset & _S["on_duty"] and (asked or tail))
        return "hello" if calling else None
    for kind in ("thanks", "bye", "hello"):
        if kind in kinds:
            return kind
    return None


# Every word small talk knows: none of them is read as a typo of another.
_KNOWN_SMALL_TALK = (
    _HELLO
    | _THANKS
    | _BYE
    | _OPENERS
    | _ANNOUNCE
    | _AROUND_SMALL_TALK
    | _COURTESY
    | _TOPIC
    | _APPRECIATION
    | _ABOUT_SUBJECT
    | _ABOUT_ASK
    | _ABOUT_OTHER
)


def emoji_small_talk(text: str) -> str | None:
    """ "thanks"/"hello" for a message of nothing but emoji such as 🙏, 👍 or 👋 (the
    normalizer drops them, leaving no words)."""
    marks = [c for c in text if not c.isspace() and c not in "\ufe0f\u200d"]
    if not marks:
        return None
    if all(c in _EMOJI_THANKS or c in _SKIN_TONES for c in marks):
        return "thanks"
    if all(c in _EMOJI_HELLO or c in _SKIN_TONES for c in marks):
        return "hello"
    return None


def _introduced(words: tuple[str, ...], i: int) -> bool:
    """The role or place at ``i`` tells who is writing ("saya seorang guru PNS", "saya
    ASN di Kabupaten …"), not a role wished for ("mau KPPS", "ingin jadi PPS")."""
    return bool(set(words[:i]) & _INTRODUCERS) and words[i - 1] not in _BECOMING


# ("mohon izin, layanan ini melayani apa saja?": a question announced)
# (unions made once: built per message they were a fifth of reading the intent)
_AROUND_THE_BOT = _FILLER | _HELLO | _ADDRESS | _AROUND_SMALL_TALK | _COURTESY | _ANNOUNCE
_ABOUT_THE_BOT = _ABOUT_SUBJECT | _ABOUT_ASK | _ABOUT_OTHER | _ABOUT_HELP | _ABOUT_TALK
_SAID_OF_THE_BOT = _ABOUT_THE_BOT | _AROUND_THE_BOT | _TOPIC | _ABOUT_AGENCY


def _about_the_bot(words: tuple[str, ...], asked: bool = False) -> bool:
    """ "bot ini bisa apa?", "halo min, ini bot soal netralitas ASN ya?", "ini siapa ya?",
    "am I talking to a human?", "bisa pakai bahasa jawa?": a question about the bot
    itself, with greetings and the general subject around it."""
    wordset = {w for w in words if not w.isdigit()}  # "tersedia 24 jam?"
    around = _AROUND_THE_BOT
    if not wordset <= _SAID_OF_THE_BOT:
        return False
    if wordset & _ABOUT_AGENCY and not wordset & _ABOUT_SUBJECT:
        return False  # "pns bisa tanya apa aja ke bawaslu?": the agency, not the bot
    # "ini siapa?", "ini apa ya?": the bot pointed at, with nothing else said ("P3K itu
    # apa" asks what P3K is)
    # ("is this official?", "who runs this?": read "apakah ini resmi", "siapa runs ini")
    pointed = wordset - around <= (
        _ABOUT_ASK | _ABOUT_OFFICIAL | _ABOUT_PURPOSE | _ABOUT_POINTING
    ) and bool(wordset & _ABOUT_POINTING)
    # "ini bisa nanya apa aja?", "min bisa bantu apa?": what the bot helps with
    helps = bool(wordset & _ABOUT_HELP) and bool(wordset & _ABOUT_HELP_ASKED)
    # "hi, what can you do?" (read "halo bisa apa"), "bisa apa aja?": nothing else said
    helps = helps or (_ABOUT_CAN_WHAT <= wordset and wordset - around <= _ABOUT_CAN_WHAT_REST)
    # "dengan siapa saya berbicara?": who is on the other end ("siapa yang menjawab
    # laporan?" asks after a report instead)
    talks = bool(wordset & _ABOUT_TALK) and not wordset & PROCESS_NOUNS
    subject = bool(wordset & _ABOUT_SUBJECT) or pointed or helps or talks
    tail = [w for w in words[-2:] if w not in _TAIL_FILLER]
    asking = bool(wordset & _ABOUT_ASK) or asked or bool(tail and tail[-1] in _YES_NO_TAIL)
    return subject and asking


# --- long messages ---------------------------------------------------------

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
_TOKEN = re.compile(r"[a-z0-9]+")


def fits(text: str) -> bool:
    """Whether the matcher reads all of ``text`` (it stops at a length and a word count)."""
    return len(text) <= MAX_INPUT_CHARS and len(_TOKEN.findall(fold(text))) <= MAX_TOKENS


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.findall(text) if s.strip()]


def last_question(text: str, words_of: Callable[[str], tuple[str, ...]]) -> str | None:
    """The last sentence of ``text`` that asks something: one with a question mark,
    else one with a question word. None when there is none, or when it is itself
    too long to be read whole (answering part of it would answer a fragment)."""
    parts = sentences(text)
    asking = [s for s in parts if s.endswith("?")] or [
        s for s in parts if reads_as_question(words_of(s))
    ]
    if not asking or not fits(asking[-1]):
        return None
    return asking[-1]


# A message whose words are all asking words, tails and fillers names no subject.
_SUBJECTLESS = _INTERROGATIVES | _YES_NO_TAIL | _TAIL_FILLER | _V["subjectless"]


def names_no_subject(terms: tuple[str, ...]) -> bool:
    """ "gimana?", "boleh?", "caranya gimana": only asking words, nothing asked about."""
    return bool(terms) and all(t in _SUBJECTLESS for t in terms)
