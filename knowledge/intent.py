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

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from knowledge.lexicon import word_classes
from knowledge.normalize import MAX_INPUT_CHARS, MAX_TOKENS, fold, stem

# Every word class lives in knowledge/lexicon/intents.toml; the comments here say what for.
_V = word_classes("intents.toml", "words")

# Verbs (as stems) that mean reporting a violation.
_REPORT_STEMS = _V["report_stems"]
# Someone wanting to do it now, not asking about it.
_DESIRE = _V["desire"]
# Words that turn a mention of reporting into a question about reporting.
_QUESTION = _V["question"]
# Other reporting channels: "mau lapor ke bawaslu, caranya gimana" asks how to
# use one of them, it does not start a tip with us.
_CHANNELS = _V["channels"]
# "buat lapor", "cara lapor", "tempat lapor": reporting named as a purpose or topic
_PURPOSE = _V["purpose"]
_CONDITIONAL = _V["conditional"]
# Handing over evidence is a tip even without the word "lapor".
_SEND = _V["send"]
_EVIDENCE = _V["evidence"]
_SUBSCRIBE = _V["subscribe"]
_UNSUBSCRIBE = _V["unsubscribe"]
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

# Question form, for telling "tadi liat kades bagi sembako" (a statement of what
# someone saw) from "kalau kades bagi sembako boleh?" (a question about the rule).
_INTERROGATIVES = _V["interrogatives"]
# "…, melanggar ga?", "…, aman kan": a yes/no question without a question word.
_YES_NO_TAIL = _V["yes_no_tail"]
_TAIL_FILLER = _V["tail_filler"]
# Telling an account of a violation (who, what, when, evidence).
_W = word_classes("intents.toml", "witness")
_FIRST_PERSON = _W["first_person"]
_RELATIONS = _W["relations"]
_COMMUNITY = _W["community"]
_SEEN = _W["seen"]
_PAST = _W["past"]
_PAST_UNITS = _W["past_units"]
_HABITUAL = _W["habitual"]
_NOW = _W["now"]
_TODAY_UNITS = _W["today_units"]
_ACTION = _W["action"]
_REQUEST = _W["request"]
_PLACES = _W["places"]
_THIRD_PERSON = _W["third_person"]
_ABOUT_RULES = _W["about_rules"]
_AS_ONESELF = _W["as_oneself"]
_PRESSING = _W["pressing"]
_SELF_FILLERS = _W["self_fillers"]
_PRESSED = _W["pressed"]
_SPEECH = _W["speech"]
_WHAT_TO_DO = _W["what_to_do"]
_RULE_ASKED = _W["rule_asked"]
_UNSURE = _W["unsure"]
_TOLD_SUBJECT = _W["told_subject"]
_SAFETY = _W["safety"]
_DILEMMA = _W["dilemma"]
_DOCUMENTS = _W["documents"]
_HOW = _W["how"]
_NEGATION = _W["otherwise"]
# The last words of a message: where a question after an account is asked.
QUESTION_TAIL = 6
_PARTICULAR = _W["particular"]
_OWNERS = _W["owners"]
_ACTORS = _W["actors"]
_STATUSES = _W["statuses"]
_ROLES = _ACTORS - _STATUSES
_POLITICS = _W["politics"]
_HELD_EVIDENCE = _W["evidence"]
_TELL = _V["tell"]
_GIVE = _V["give"]
_KNOW = _V["know"]
_WHERE = _V["where"]
_WHOM = _V["whom"]
_TO = _V["to"]
_HOLDING = _W["holding"]
# "… kami": words before which "kami" is not a place or person the writer names as theirs.
_NOT_OWNER = _V["not_owner"]
# "laporkan ini", "report this": the thing just told.
_THIS = _V["this"]
_S = word_classes("intents.toml", "smalltalk")
_APPRECIATION = _S["appreciation"]
_NEGATORS = _S["negators"]
_ADDRESS = _S["address"]
_PRESENCE = _S["presence"]
_INTENSIFIERS = _S["intensifiers"]
# Words allowed around small talk without making it a question.
_AROUND_SMALL_TALK = _FILLER | _ADDRESS | _PRESENCE | _INTENSIFIERS | _S["around"]
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
# A statement (no question in it) this long in which someone else does something
# political tells what happened: "Kepala dinas memaksa bawahannya menghadiri kampanye
# cabup" is an account, "camat ikut kampanye" (a topic typed as a search) is not.
MIN_ACCOUNT_WORDS = 8
# "camat kami kampanye pakai mobil dinas, lapor kemana?": this many words before the
# report word tell what happened.
MIN_TOLD_WORDS = 5


@dataclass(frozen=True, slots=True)
class Intent:
    kind: str  # "tip" | "subscribe" | "greeting" | "question"
    small_talk: str | None = None  # "hello" | "thanks" | "bye" | "about" for greetings
    report: str | None = None  # "witness" (tells what happened) | "how" (asks how to report)


def _is_report_word(word: str) -> bool:
    if word in _REPORT_STEMS or word.startswith("report"):
        return True
    # Jakarta forms the stemmer does not know: "ngelaporinnya", "laporinnya", "ngaduin".
    base = word.removesuffix("nya").removesuffix("in")
    bare = base.removeprefix("nge") if base.startswith("nge") else base
    return (
        any(
            len(form) > 4 and (form in _REPORT_STEMS or stem(form) in _REPORT_STEMS)
            for form in {word, base, bare}
        )
        or bare in _REPORT_STEMS
    )


def reads_as_question(words: tuple[str, ...], asked: bool = False) -> bool:
    """A question in form: a question mark, a question word anywhere, or the yes/no
    tail of everyday Indonesian ("melanggar ga", "masalah gak sih", "aman kan")."""
    tail = [w for w in words[-3:] if w not in _TAIL_FILLER]
    return (
        asked or any(w in _INTERROGATIVES for w in words) or bool(tail and tail[-1] in _YES_NO_TAIL)
    )


def detect_intent(words: tuple[str, ...], asked: bool = False) -> Intent:
    """``asked``: the raw text had a question mark (the words have lost it)."""
    if not words:
        return Intent("question")
    wordset = set(words)
    small = _small_talk(words)
    if small is not None:
        return Intent("greeting", small)
    if wordset & _SUBSCRIBE and not wordset & _UNSUBSCRIBE and not _someone_else_acts(words):
        # "tolong ingatkan pak camat yang ikut kampanye" is about someone else's act
        return Intent("subscribe")
    asks = asks_something(words)
    report_at = sorted({i for i, w in enumerate(words) if _is_report_word(w)} | _telling_at(words))
    if report_at:
        first = report_at[0]
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
            _witnessed(words, report_at)
            or (not purpose and _someone_else_acts(words) and _particular(words))
            or (verb_form and _told_before(_clause_before(words, first)))
            or (verb_form and _pressed_to_report(words))
            or (_someone_else_acts(words) and bool(set(words) & _ROLES))
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
            return Intent("question", report="how")
    if wordset & _SEND and wordset & _EVIDENCE and wordset & _DESIRE and not asks:
        return Intent("tip", report="witness" if _describes(words) else None)
    if _someone_else_acts(words):
        questioning = reads_as_question(words, asked)
        if _happened(words, []):
            # "… kemarin, apa yang harus saya lakukan?", "fotonya mau saya kirim kemana?"
            # ask for action on what they saw; "itu boleh dia lakukan?" asks the rule.
            for_action = set(words) & _WHAT_TO_DO and not set(words) & _RULE_ASKED
            asking = questioning and not for_action and not _asks_about_the_account(words)
            return Intent("question" if asking else "tip", report="witness")
        if not questioning and (_particular(words) or _tells(words)):
            # Told, not asked: "oknum lurah ngarahin warga coblos no 1", "kepala dinas
            # memaksa bawahannya menghadiri kampanye cabup petahana".
            return Intent("tip", report="witness")
    if (
        _pressed_to_report(words)
        and _happened(words, [])
        and not reads_as_question(words, asked)
        and not _about_oneself(words)
    ):
        # Pressure told without naming who: "di kantor kami ada iuran wajib buat baliho
        # cabup, yang nolak diancam dimutasi".
        return Intent("tip", report="witness")
    return Intent("question")


def _telling_at(words: tuple[str, ...]) -> set[int]:
    """Where telling someone stands for reporting: a telling verb with "to whom" or
    "where" beside it ("sa mau kasih tahu ini ke siapa?", "kula kedah matur dhateng
    sinten?", "ka mana abdi kedah ngawartosan ieu?")."""
    found = set()
    for i, w in enumerate(words):
        telling = w in _TELL or (w in _GIVE and words[i + 1 : i + 2] and words[i + 1] in _KNOW)
        if telling and any(_to_whom(words, j) for j in range(max(0, i - 4), i + 5)):
            found.add(i)
    return found


def _to_whom(words: tuple[str, ...], j: int) -> bool:
    """ "kemana", "ke siapa", "dhateng sinten": where or to whom (not "paslon mana")."""
    if j >= len(words):
        return False
    return words[j] in _WHERE or (words[j] in _WHOM and j > 0 and words[j - 1] in _TO)


def _describes(words: tuple[str, ...]) -> bool:
    """Whether a wish to report also says what happened ("mau lapor camat kampanye")."""
    content = [
        w
        for w in words
        if not _is_report_word(w)
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


def _witnessed(words: tuple[str, ...], report_at: list[int] | None = None) -> bool:
    """Someone else did something political, and it really happened (not a rule
    asked about): ``report_at`` are the positions of report words, if any."""
    return _someone_else_acts(words) and _happened(words, report_at or [])


def _someone_else_acts(words: tuple[str, ...]) -> bool:
    """An actor other than the writer, and an election act; not a hypothetical."""
    # "lurahnya", "pegawainya", "kepala desanya": the actor with "-nya"
    named = {w.removesuffix("nya") for w in words}
    if not named & _ACTORS or _about_oneself(words):
        return False
    return not _hypothetical(words) and any(_political(w) for w in words)


def _hypothetical(words: tuple[str, ...]) -> bool:
    """ "kalau saya lihat pns kampanye, harus gimana": a hypothetical; "kades bilang
    kalau gak pilih no 2 …" tells what someone said, and "… nyuruh pegawai milih paslon
    2, kalau tidak dimutasi" a threat ("otherwise"), not a supposition."""
    return any(
        w in _CONDITIONAL
        and not set(words[max(0, i - 5) : i]) & (_SPEECH | _PRESSING)
        and not (i > 2 and words[i + 1 : i + 2] and words[i + 1] in _NEGATION)
        # "kalau saya laporin pak camat …, identitas saya aman?": the condition is the
        # reporting, not what happened
        and not any(_is_report_word(x) for x in words[i + 1 : i + 3])
        for i, w in enumerate(words)
    )


def _pressed_to_report(words: tuple[str, ...]) -> bool:
    """Someone pressed into an election act, which is worth reporting: "saya asn,
    dipaksa atasan milih paslon 2, bisa lapor kemana?", "… yang nolak diancam"."""
    return (
        bool(set(words) & _PRESSED)
        and not _hypothetical(words)
        and any(_political(w) for w in words)
    )


def _political(word: str) -> bool:
    """An election word, also with "-nya" ("calegnya", "timsesnya") or inflected."""
    return word in _POLITICS or word.removesuffix("nya") in _POLITICS or stem(word) in _POLITICS


def _about_oneself(words: tuple[str, ...]) -> bool:
    """ "sy p3k, kemarin like video caleg": the writer describes themself; "istri saya
    guru", "adik saya pppk" and "my colleague" ("saya rekan") do not."""
    for i, a in enumerate(words):
        if a not in _FIRST_PERSON:
            continue
        j = i + 1
        while j < len(words) and j - i <= 2 and words[j] in _SELF_FILLERS:
            j += 1  # "sy kan pns", "saya ini guru"
        b = words[j] if j < len(words) else ""
        before = words[i - 1] if i > 0 else ""
        # "istri saya guru", "kades kami pns": whose, not who ("di kampung, saya pns"
        # has lost its comma, so a place before the writer is not read as whose)
        owned = before in (_RELATIONS | _ACTORS) - _ADDRESS
        if b in _ACTORS and b not in _RELATIONS:
            if not owned:
                # "pak camat maksa kami pns kecamatan datang …": the writer is the one
                # someone else pressed, not the one who acts.
                if not (i > 0 and words[i - 1] in _PRESSING):
                    return True
    # "sebagai asn saya …", "selaku kepala sekolah, saya …"
    return any(
        w in _AS_ONESELF and words[i + 1 : i + 2] and words[i + 1] in _ACTORS
        for i, w in enumerate(words)
    ) and bool(set(words) & _FIRST_PERSON)


def _asks_about_the_account(words: tuple[str, ...]) -> bool:
    """An account with a sure sign that it happened (seen, when, evidence, whose: not
    just "sedang" or "jumat"), ending with a question about what was told ("tadi liat
    pak camat kampanye pakai mobil dinas, itu boleh?") or about the teller's safety;
    not the writer's own dilemma ("kabid kami minta staf nyetor, harus ikut?")."""
    if not _happened(tuple(w for w in words if w not in _UNSURE), []):
        return False
    tail = set(words[-QUESTION_TAIL:])
    if tail & _DILEMMA or _writer_pressed(words):
        return False
    if _saw_it(words):
        return True  # "tadi aku liat sendiri", "I saw it yesterday": whatever is asked
    return bool(tail & _TOLD_SUBJECT and tail & (_RULE_ASKED | _YES_NO_TAIL | _HOW)) or bool(
        tail & _SAFETY and tail & _FIRST_PERSON
    )


def _saw_it(words: tuple[str, ...]) -> bool:
    """The writer says they saw it ("saya lihat langsung", "aku liat sendiri", "I saw"),
    and not in a document ("saya lihat di aturannya …")."""
    if set(words) & _DOCUMENTS:
        return False
    return any(
        w in _FIRST_PERSON and set(words[i + 1 : i + 3]) & _SEEN for i, w in enumerate(words)
    )


def _writer_pressed(words: tuple[str, ...]) -> bool:
    """ "kepsek minta kami semua pilih caleg …", "saya disuruh …": the writer is among
    those pressed, so a question after it is their own."""
    return any(
        (w in _PRESSING and set(words[i + 1 : i + 3]) & _FIRST_PERSON)
        or (w in _PRESSED and i > 0 and words[i - 1] in _FIRST_PERSON)
        for i, w in enumerate(words)
    )


def _clause_before(words: tuple[str, ...], first: int) -> tuple[str, ...]:
    """The words before the report word at ``first``, without the question that leads
    to it ("…, baa caro malapor": "bagaimana cara" is not part of the account)."""
    end = first
    while end > 0 and (
        words[end - 1] in _QUESTION
        or words[end - 1] in _INTERROGATIVES
        or words[end - 1] in _PURPOSE
        or words[end - 1] in _DESIRE
        or words[end - 1] in _FIRST_PERSON
    ):
        end -= 1
    return words[:end]


def _told_before(before: tuple[str, ...]) -> bool:
    """The words before "lapor" tell, in a clause of their own, that someone else did
    it: "kapalo dinas ikuik kampanye pakai baju dinas, baa caro malapor?". "cara lapor
    kades yang kampanye" and "pns yang kampanye bisa dilaporkan?" name a kind of
    person (the actor in a "yang" clause, or after "lapor"), not what happened."""
    return (
        len(before) >= MIN_TOLD_WORDS
        and "yang" not in before
        and _someone_else_acts(before)
        and not asks_something(before)
    )


def _tells(words: tuple[str, ...]) -> bool:
    """A statement long enough to say what someone in a role did, that does not talk
    about the rules ("harus netral", "kena sanksi") or ask in chat ("gak sih"). Other
    question words are left to ``reads_as_question``: "pegawai wajib hadir" tells."""
    return (
        len(words) >= MIN_ACCOUNT_WORDS
        and (bool({w.removesuffix("nya") for w in words} & _ROLES) or _at_work(words))
        and not set(words) & _ABOUT_RULES
    )


def _at_work(words: tuple[str, ...]) -> bool:
    """A status named with its workplace: "pegawai puskesmas", "pns dinas pu",
    "asn di kantor pertanahan" (English "a civil servant at the land office")."""
    return any(w in _STATUSES and set(words[i + 1 : i + 4]) & _PLACES for i, w in enumerate(words))


def _particular(words: tuple[str, ...]) -> bool:
    """A particular person is meant: "oknum camat", "beliau", or a relation beside its
    owner ("tetangga saya", "atasan kami", "guru anak saya", and English "my
    neighbour", read "saya tetangga")."""
    if set(words) & _PARTICULAR:
        return True
    return any(
        (a in _RELATIONS and b in _OWNERS) or (a in _OWNERS and b in _RELATIONS)
        for a, b in itertools.pairwise(words)
    )


def _happened(words: tuple[str, ...], report_at: list[int]) -> bool:
    """Signs of a real event: when ("tadi", "minggu lalu", "hari ini", "senin"), seen, a
    habit ("tiap minggu"), "beliau", a scene ("di kantor …, …"), a request for action
    ("mohon ditindak"), "kantor saya",
    "ada … yang", a place or person named as the writer's ("camat kami"), evidence in
    hand ("videonya saya simpan"), or "laporkan ini" ("bisa dilapor gak ini") after a
    report word."""
    wordset = set(words)
    if wordset & (_PAST | _SEEN | _HABITUAL | _NOW | _THIRD_PERSON) or words[0] == "ada":
        return True
    if len(words) > 1 and words[0] == "di" and words[1] in _PLACES:
        return True  # "di kantor dinas, kabid …": the scene is set
    for i, (a, b) in enumerate(itertools.pairwise(words)):
        if (a in _PAST_UNITS and b in ("lalu", "depan")) or (a in _TODAY_UNITS and b == "ini"):
            return True  # "minggu lalu", "pagi ini", "minggu depan"
        if a in _PAST_UNITS and b == "yang" and words[i + 2 : i + 3] == ("lalu",):
            return True  # "tiga hari yang lalu"
        if a in _PLACES and b in _FIRST_PERSON:
            return True  # "kantor saya", "sekolah kami"
    if any(w.endswith("ku") and w[:-2] in _PLACES for w in words):
        return True  # "kantorku", "tempatku"
    for i, w in enumerate(words):
        if w in _ACTION and set(words[max(0, i - 2) : i]) & _REQUEST:
            return True  # "mohon segera ditindak"
        if w == "ada" and "yang" in words[i + 2 : i + 5]:
            return True  # "ada staf dinas yang …"
        if w in _COMMUNITY and i > 0 and words[i - 1] not in _FIRST_PERSON | _NOT_OWNER:
            return True  # "camat kami", "di kelurahan kami"
    held = any(w.removesuffix("nya").removesuffix("nyo") in _HELD_EVIDENCE for w in words)
    if held and wordset & _HOLDING:
        return True
    return any(set(words[i + 1 : i + 3]) & _THIS for i in report_at)


def without_report_terms(terms: tuple[str, ...]) -> str:
    """A witness's message as the matcher should read it: what happened, not the wish."""
    kept = [t for t in terms if t not in REPORT_TERMS]
    return " ".join(kept) if kept else " ".join(terms)


def asks_something(words: tuple[str, ...]) -> bool:
    """Whether the words ask (a question word: "boleh", "bagaimana", "kalau", …);
    a message that asks nothing and is not small talk reads as a report."""
    return any(w in _QUESTION or w.removesuffix("nya") in _QUESTION for w in words)


def _small_talk(words: tuple[str, ...]) -> str | None:
    """ "hello"/"thanks"/"bye"/"about" when the message is nothing but small talk."""
    if _about_the_bot(words):
        return "about"
    wordset = set(words)
    negated = bool(wordset & _NEGATORS)
    kinds: list[str] = []
    for word in words:
        if word in _THANKS or (word in _APPRECIATION and not negated):
            kinds.append("thanks")  # "oke paham, membantu sekali", never "kurang jelas"
        elif word in _BYE:
            kinds.append("bye")
        elif word in _HELLO or word in _OPENERS or word in _ANNOUNCE:
            kinds.append("hello")
        elif word not in _AROUND_SMALL_TALK:
            return None
    if not kinds:
        # "kak?", "pak", "ada yang online?": calling someone, nothing asked yet.
        calling = bool(wordset & _ADDRESS) or len(wordset & _PRESENCE) >= 2
        return "hello" if calling else None
    for kind in ("thanks", "bye", "hello"):
        if kind in kinds:
            return kind
    return None


def _about_the_bot(words: tuple[str, ...]) -> bool:
    wordset = set(words)
    return (
        bool(wordset & _ABOUT_SUBJECT)
        and bool(wordset & _ABOUT_ASK)
        and wordset <= _ABOUT_SUBJECT | _ABOUT_ASK | _ABOUT_OTHER | _FILLER
    )


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
