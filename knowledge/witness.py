"""A citizen's account of a violation, told apart from a question about the rule.

The intent step (``knowledge.intent``) asks this module whether a message tells
what someone else did: an actor other than the writer ("pak kades", "oknum
camat", "tetangga saya yang pns", "my neighbour"), an election act, and a sign
that it really happened (seen, when, evidence in hand, whose) — or, short of
those, a statement long enough to say what someone in a role did. It also finds
the words that stand for reporting ("lapor", "ngadu", "kasih tau ke siapa").
Every word class lives in ``knowledge/lexicon/intents.toml``; the comments here
say what for.
"""

from __future__ import annotations

import itertools
from functools import lru_cache

from knowledge.lexicon import word_classes
from knowledge.normalize import stem

_V = word_classes("intents.toml", "words")
_W = word_classes("intents.toml", "witness")
_S = word_classes("intents.toml", "smalltalk")

# Reporting, and the question words around it (see knowledge/intent.py).
_REPORT_STEMS = _V["report_stems"]
_DESIRE = _V["desire"]
_QUESTION = _V["question"]
_PURPOSE = _V["purpose"]
_CONDITIONAL = _V["conditional"]
_INTERROGATIVES = _V["interrogatives"]
_YES_NO_TAIL = _V["yes_no_tail"]
# Telling someone, to whom or where: "kasih tau ke siapa", "matur dhateng sinten".
_TELL = _V["tell"]
_GIVE = _V["give"]
_KNOW = _V["know"]
_WHERE = _V["where"]
_WHOM = _V["whom"]
_TO = _V["to"]
# "… kami": words before which "kami" is not a place or person the writer names as theirs.
_NOT_OWNER = _V["not_owner"]
# "laporkan ini", "report this": the thing just told.
_THIS = _V["this"]
_ADDRESS = _S["address"]
_CHANNELS = _V["channels"]

# Who: the writer, the people close to them, the people a citizen reports on.
_FIRST_PERSON = _W["first_person"]
_RELATIONS = _W["relations"]
_COMMUNITY = _W["community"]
_OWNERS = _W["owners"]
_SELF_FILLERS = _W["self_fillers"]
_AS_ONESELF = _W["as_oneself"]
_ACTORS = _W["actors"]
_STATUSES = _W["statuses"]
_FORMER = _W["former"]
# Someone in a role ("kepala dinas", "guru"), not just a status ("asn", "pns").
ROLES = _ACTORS - _STATUSES
_HEADS = _W["heads"]
_INSTITUTIONS = _W["institutions"]
_PROMISE = _W["promise"]
_PARTICULAR = _W["particular"]
_THIRD_PERSON = _W["third_person"]
_PLACES = _W["places"]
_HERE = _W["here"]
_SCENE = _W["scene_words"]
_MEDIA = _W["media"]
_OUTRAGE = _W["outrage"]
_COMPLAINT = _W["complaint"]
_SHOULD = _W["should"]
# The writer's own stake: "bingung", "takut karir sy", "boleh nolak?"
_OWN_STAKE = _W["own_stake"]
_REFUSING = _W["refusing"]
_MUST = _W["must"]
# "saya wajib datang?": a duty by rule, the writer's own question
_DUTY = _W["duty"]
# "gimana ini", "piye iki", "kumaha ieu" (the regional forms reach here as "ini")
_THIS_HERE = _W["this_here"]
# "gimana tuh?", "itu gimana?", "piye kuwi": pointing at what was just told
_POINTERS = _THIS_HERE | _W["pointers"]
# Not the people pressed: "nyuruh kami …", "minta ini", "ajak untuk …"
_NOT_PRESSED = _FIRST_PERSON | _THIS | _NOT_OWNER | _W["not_pressed"]
_CONTRAST = _W["contrast"]
_CONTRAST_ALONE = _W["contrast_alone"]
_NOT_YET = _W["not_yet"]
# Who may press others: roles, and the superiors among the relations ("atasan").
_SUPERIORS = _W["superiors"]
# Pressed against one's will: "keberatan", "tertekan"; "ga mau", "tidak nyaman".
_RELUCTANCE = _W["reluctance"]
_UNWILLING = _W["unwilling"]
_WRONG = _W["wrong"]
# Chat particles that ask when they end a clause ("boleh gak", "gak sih").
_PARTICLES = _W["particles"]
# Words a chat "enggak" tags as a question: "bisa gak", "apa enggak", "masalah gak".
_TAGGED = _W["tagged"]
# What: an election act, pressure on someone, what was said.
_POLITICS = _W["politics"]
_PRESSING = _W["pressing"]
_PRESSED = _W["pressed"]
# A reward for a choice made: "kasih nilai tambahan buat yg milih capres tertentu".
_GIVING = _W["giving"]
_REWARDS = _W["rewards"]
_CHOICE = _W["choice"]
_BEFORE_CHOICE = _W["before_choice"]
_FREE = _W["free"]
_SPEECH = _W["speech"]
_NEGATION = _W["otherwise"]
# That it happened: seen, when, a habit, a request for action, evidence in hand.
_SEEN = _W["seen"]
_PAST = _W["past"]
_PAST_UNITS = _W["past_units"]
_HABITUAL = _W["habitual"]
_NOW = _W["now"]
_TODAY_UNITS = _W["today_units"]
_ACTION = _W["action"]
_REQUEST = _W["request"]
_HELD_EVIDENCE = _W["evidence"]
_HOLDING = _W["holding"]
_HANDING = _W["handing"]
# "ada yang …", "ada orang …", "seseorang": someone not named
_SOMEONE = _W["someone"]
_SOMEONE_AFTER = _W["someone_after"]
_SOMEONE_WORDS = _W["someone_words"]
_SOMEONE_FROM = _W["someone_from"]
# A breach named: "melanggar", "pelanggaran"; "tidak netral", "kurang netral".
_BREACH = _W["breach"]
_NEUTRAL = _W["neutral"]
_UNNEUTRAL = _W["unneutral"]
_IDENTIFIED = _W["identified"]
# "rekan kerja", "teman sekantor": what makes a relation a workmate
_MATES = _W["mates"]
# "… sama atasan", "… oleh kepala dinas": who did the pressing, after a passive
_AGENT = _W["agent"]
# "sudah lapor", "pernah ngadu": reported before
_ALREADY = _W["already"]
_WRONGDOING = _W["wrongdoing"]
# "tadi", "kemarin": when the act was done, surely (English past verbs also ask rules)
_RECENT = _W["recent"]
# "kena sanksi", "bisa dipidana": what an act costs the one who did it
_SANCTIONS = _W["sanctions"]
# "beliau", "dia": the one who acted, as the subject of the question
_THIRD_PARTY = _W["third_party"]
_STATUS = _W["status_asked"]
PROCESS_NOUNS = _W["process_nouns"]
_PROCESS_NOUNS = PROCESS_NOUNS
_FORMAL_ADDRESS = _W["formal_address"]
_UNSURE = _W["unsure"]
_DOCUMENTS = _W["documents"]
# What a question after an account asks: about the rules, about what was told, the
# teller's safety, what to do, or the writer's own dilemma.
_ABOUT_RULES = _W["about_rules"]
_WHAT_TO_DO = _W["what_to_do"]
_DEEDS = _W["deeds"]
_RULE_ASKED = _W["rule_asked"]
_ONE_OF = _W["one_of"]
_TOLD_SUBJECT = _W["told_subject"]
_HOW = _W["how"]
_HOW_PARTICLES = _W["how_particles"]
_SAFETY = _W["safety"]
_DILEMMA = _W["dilemma"]
_PRESENTING = _W["presenting"]

# A statement (no question in it) this long in which someone else does something
# political tells what happened: "Kepala dinas memaksa bawahannya menghadiri kampanye
# cabup" is an account, "camat ikut kampanye" (a topic typed as a search) is not.
MIN_ACCOUNT_WORDS = 8
# "camat kami kampanye pakai mobil dinas, lapor kemana?": this many words before the
# report word tell what happened.
MIN_TOLD_WORDS = 5
# An account this long that names someone in a role and an election act tells it.
MIN_ELECTION_ACCOUNT_WORDS = 6
# The last words of a message: where a question after an account is asked.
QUESTION_TAIL = 6
# "…, itu melanggar kan?": the few last words that judge what was told.
JUDGED_TAIL = 4
# How far after a passive ("disuruh …") its agent ("sama atasan") may stand.
AGENT_REACH = 8
# "saya punya fotonya", "rekamannya sudah saya simpan": how far a holding word may stand
# from the evidence held.
HOLDING_REACH = 3
# A chat account this short can still tell what someone did when it says where
# ("guru pns pose 2 jari di ig", "kades pake kaos caleg pas posyandu").
MIN_SCENE_WORDS = 5


# "lpr", "lapr": a report word typed without some vowels keeps at least this many
# consonants.
MIN_TYPO_CONSONANTS = 3
# Words remembered by the per-word readings below (as the stemmer's cache is bounded).
WORD_CACHE_SIZE = 8192
_VOWELS = frozenset("aeiou")


# Unions the readers below would otherwise join at every call (or every word).
_SPEECH_PRESSING_PROMISE = _SPEECH | _PRESSING | _PROMISE
_FIRST_PERSON_COMMUNITY = _FIRST_PERSON | _COMMUNITY
_SELF_FILLERS_STATUSES = _SELF_FILLERS | _STATUSES
_WRITER_AS = _FIRST_PERSON | _AS_ONESELF | _S["becoming"]
_ANOTHER_PEOPLE = (ROLES - _INSTITUTIONS - _FORMAL_ADDRESS - _ADDRESS) | _SUPERIORS
_ANYONE_NAMED = _ACTORS | _RELATIONS | _SOMEONE_WORDS | _THIRD_PERSON
_ANYONE_NOT_ADDRESSED = _ANYONE_NAMED - _ADDRESS - _FORMAL_ADDRESS


def _drops_vowels(short: str, full: str) -> bool:
    """``short`` is ``full`` with some vowels left out, nothing else changed."""
    rest = iter(full)
    for ch in short:
        for f in rest:
            if f == ch:
                break
            if f not in _VOWELS:
                return False
        else:
            return False
    return all(f in _VOWELS for f in rest)


def names_a_role(words: tuple[str, ...]) -> bool:
    """Someone in a role is named ("kades", "kepala sekolah"), not only "asn"."""
    return bool(set(words) & ROLES)


def asks_for_action(words: tuple[str, ...]) -> bool:
    """ "… kemarin, apa yang harus saya lakukan?", "fotonya mau saya kirim kemana?" ask
    for action on what was seen; "itu boleh dia lakukan?" asks the rule."""
    # ("salah satu calon" is "one of the candidates", not "wrong"; a rule word told
    # earlier, "… karena tahu itu dilarang. Apa yang sebaiknya saya lakukan?", asks nothing)
    start = max(len(words) - JUDGED_TAIL, 0)
    ruled = {
        w for i, w in enumerate(words) if i >= start and w in _RULE_ASKED and not _one_of(words, i)
    }
    return bool(set(words) & _WHAT_TO_DO) and not ruled


def asks_what_to_do_last(words: tuple[str, ...]) -> bool:
    """The last words ask what the writer should do ("… Apa yang sebaiknya saya
    lakukan?", "What should I do?"), not what they must do by rule ("apa yang wajib
    saya lakukan?" asks a duty) nor whether it is allowed ("itu boleh dia lakukan?")."""
    tail = set(words[-QUESTION_TAIL:])
    # "aku harus gimana?", "kudu piye?", "kedah pripun?" (read "harus bagaimana"): what to do
    must_how = any(a in _MUST and b in _HOW for a, b in itertools.pairwise(words[-QUESTION_TAIL:]))
    return bool(tail & _DEEDS or must_how) and not tail & (_RULE_ASKED | _DUTY)


def _one_of(words: tuple[str, ...], i: int) -> bool:
    """ "salah satu", "salah seorang": one of, not "wrong"."""
    return " ".join(words[i : i + 2]) in _ONE_OF


@lru_cache(maxsize=WORD_CACHE_SIZE)  # asked of each word several times per message
def is_report_word(word: str) -> bool:
    """ "lapor", "melaporkan", "ngadu", "report", "ngelaporinnya": a word for reporting."""
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
        or _regional_report_form(word)
    )


# The regional affixes around a verb the standard stemmer does not strip: "-nyo"
# (Minang, Palembang), "-nye" (Betawi), "-ne"/"-ipun" (Javanese), "-na"/"-ana" (Sundanese,
# "ngalaporkeunana") for "-nya", and the Makassar and Bugis "-ki", "-mi"; "-aken",
# "-akan", "-ake", "-ke", "-in", Sundanese "-keun", East Javanese "-no", Batak "-hon",
# Balinese "-ang"/"-kang", Minang "-an" ("malaporan") for "-kan"; "ng-", "nga-"
# (Sundanese), "ma-", "ba-" (Banjar, Manado "balapor"), "mappa-"/"pa-" (Bugis,
# Makassar), "dipun-", and the writer as "ku-" (Makassar "kulaporki") or "tak-"
# (Javanese "taklaporke") before it: "lapornyo", "laporinnye", "nglaporaken", "malapurakan",
# "dilaporno", "nglaporang", "dilaporki".
_REGIONAL_OWNERS = ("nyo", "nye", "ne", "ipun", "nya", "ana", "na", "ki", "mi")
_REGIONAL_SUFFIXES = (
    "aken",
    "akan",
    "ake",
    "keun",
    "kang",
    "ke",
    "kan",
    "in",
    "no",
    "hon",
    "ang",
    "an",
)
_REGIONAL_PREFIXES = (
    "dipun",
    "nge",
    "nga",
    "ng",
    "mappa",
    "ma",
    "me",
    "di",
    "ba",
    "pa",
    "ku",
    "tak",
)


def _regional_report_form(word: str) -> bool:
    """A report stem inside regional affixes (see above), never shorter than the stem."""
    for owner in ("", *_REGIONAL_OWNERS):
        if owner and not word.endswith(owner):
            continue
        w1 = word.removesuffix(owner) if owner else word
        for suffix in ("", *_REGIONAL_SUFFIXES):
            if suffix and not w1.endswith(suffix):
                continue
            w2 = w1.removesuffix(suffix) if suffix else w1
            for prefix in ("", *_REGIONAL_PREFIXES):
                if prefix and not w2.startswith(prefix):
                    continue
                core = w2.removeprefix(prefix) if prefix else w2
                if core in _REPORT_STEMS and len(core) >= 4 and core != word:
                    return True
                # typed in haste: "dilprin", "lprnya", "lprkan" ("lapor" without vowels)
                if len(core) >= MIN_TYPO_CONSONANTS and _drops_vowels(core, "lapor"):
                    return True
    return False


def telling_at(words: tuple[str, ...]) -> set[int]:
    """Where telling someone stands for reporting: a telling verb with "to whom" or
    "where" beside it ("sa mau kasih tahu ini ke siapa?", "kula kedah matur dhateng
    sinten?", "ka mana abdi kedah ngawartosan ieu?")."""
    found = set()
    for i, w in enumerate(words):
        telling = w in _TELL or (w in _GIVE and words[i + 1 : i + 2] and words[i + 1] in _KNOW)
        if telling and any(_to_whom(words, j) for j in range(max(0, i - 4), i + 5)):
            found.add(i)
        # "…, ini ke mana ya?", "ini ke siapa?": where to take what was just told, at
        # the end of the message (not "pns ini ke mana saja boleh …").
        tail = i >= len(words) - QUESTION_TAIL
        if tail and w in _THIS and i > 0 and any(_to_whom(words, j) for j in (i + 1, i + 2)):
            found.add(i)
    return found


def _to_whom(words: tuple[str, ...], j: int) -> bool:
    """ "kemana", "ke siapa", "dhateng sinten": where or to whom (not "paslon mana")."""
    if j >= len(words):
        return False
    return words[j] in _WHERE or (words[j] in _WHOM and j > 0 and words[j - 1] in _TO)


def witnessed(words: tuple[str, ...], report_at: list[int] | None = None) -> bool:
    """Someone else did something political, and it really happened (not a rule
    asked about): ``report_at`` are the positions of report words, if any."""
    return someone_else_acts(words) and happened(words, report_at or [])


def _mine(word: str) -> str:
    """ "lurahku", "kadesku": the actor the writer calls theirs, without "-ku"."""
    base = word.removesuffix("ku")
    return base if base != word and base in _ACTORS else word


def someone_else_acts(words: tuple[str, ...]) -> bool:
    """An actor other than the writer, and an election act; not a hypothetical."""
    # "lurahnya", "pegawainya", "kepala desanya": the actor with "-nya"; "lurahku"
    serving = _serving(words)
    named = {w.removesuffix("nya") for w in serving} | {_mine(w) for w in serving}
    if not named & _ACTORS or about_oneself(words):
        return False
    return not _hypothetical(words) and names_an_election_act(words)


def _serving(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words without a civil-service status said to be a former one: "pensiunan
    PNS", "pensiunan guru PNS", "mantan ASN" (the role words after a former-status
    word, when they end in a status). "mantan kades" stays: a former village head
    handing out money is still an account."""
    kept: list[str] = []
    i = 0
    while i < len(words):
        kept.append(words[i])
        if words[i] in _FORMER:
            j = i + 1
            while j < len(words) and words[j].removesuffix("nya") in _ACTORS:
                j += 1
            if j > i + 1 and words[j - 1].removesuffix("nya") in _STATUSES:
                i = j
                continue
        i += 1
    return tuple(kept)


def _hypothetical(words: tuple[str, ...]) -> bool:
    """ "kalau saya lihat pns kampanye, harus gimana": a hypothetical; "kades bilang
    kalau gak pilih no 2 …" tells what someone said, and "… nyuruh pegawai milih paslon
    2, kalau tidak dimutasi" a threat ("otherwise"), not a supposition."""
    return any(
        w in _CONDITIONAL
        # ("menjanjikan perbaikan jalan kalau dia menang": a promise told; "takut dipecat
        # kalau nolak": the writer's fear, not a supposed act)
        and not set(words[max(0, i - 5) : i]) & _SPEECH_PRESSING_PROMISE
        and not set(words[max(0, i - 3) : i]) & _OWN_STAKE
        and not (i > 2 and words[i + 1 : i + 2] and words[i + 1] in _NEGATION)
        # "…, kalo nolak takut kontrakku ga diperpanjang": refusing is what the writer
        # fears the cost of, not a supposed act
        # ("… jika kami menolak", "kalau aku nolak": the writer named before it)
        and not (i > 2 and _refusing_after(words, i + 1))
        # "kalau saya laporin pak camat …, identitas saya aman?": the condition is the
        # reporting, not what happened
        and not any(is_report_word(x) for x in words[i + 1 : i + 3])
        for i, w in enumerate(words)
    )


def _refusing_after(words: tuple[str, ...], j: int) -> bool:
    """Refusing at ``j``, perhaps after the writer: "nolak", "kami menolak"."""
    if j < len(words) and words[j] in _FIRST_PERSON_COMMUNITY:
        j += 1
    return j < len(words) and words[j] in _REFUSING


def another_acts(words: tuple[str, ...]) -> bool:
    """Someone in a role other than the writer acts in an election matter, even when the
    writer first says who they are: "Saya seorang PNS … Atasan saya menginstruksikan
    seluruh staf menghadiri acara cabup", "I'm an honorer … the camat gathered all the
    village heads …". The role must stand apart from the writer's own description
    ("saya guru", "saya pegawai di sebuah dinas": not another), and not be wished for."""
    if _hypothetical(words) or not names_an_election_act(words):
        return False
    people = _ANOTHER_PEOPLE
    for i, w in enumerate(words):
        if w.removesuffix("nya") not in people:
            continue
        j = i - 1
        while j >= 0 and words[j] in _SELF_FILLERS_STATUSES:
            j -= 1  # "saya seorang pns guru": still the writer
        if j >= 0 and words[j] in _WRITER_AS:
            continue
        after = words[i + 1 :]
        if names_an_election_act(after) or set(after) & _PRESSING:
            return True
    return False


def a_particular_one_presses(words: tuple[str, ...]) -> bool:
    """A particular person in a role pressed others into an election act: "guru pns di
    smp anak saya menyuruh murid bawa pulang brosur caleg", "kades kami ngarahin semua
    milih paslon 1" — a concrete account whatever is asked after it, unless the writer
    is among those pressed or asks their own duty ("…, saya wajib ikut?")."""
    # (a sure sign: "terus", "senin" are also the words of a rule asked)
    sure = particular(words) or _recent(words) or _saw_it(words) or _own_place(words)
    if not sure or not presses(words):
        return False
    if _writer_pressed(words) or _hypothetical(words) or about_oneself(words):
        return False
    # ("kabid kami minta tiap staf nyetor …, harus ikut?": what the writer must do)
    tail = set(words[-QUESTION_TAIL:])
    if tail & (_MUST | _DILEMMA | _DUTY) and not tail & _THIRD_PARTY:
        return False
    return not (tail & _FIRST_PERSON and tail & _RULE_ASKED)


def unwilling_asks_how(words: tuple[str, ...]) -> bool:
    """Pressed by someone in a role against their will, the writer ends with "how" and not
    with what they must do: "pak kadis kami tiap rapat nyelipin pesan pilih paslon 01, sy
    ga nyaman, gmn ya" asks what can be done about it ("…, sy harus gimana?" asks their
    own duty)."""
    said = [w for w in words if w not in _PARTICLES]
    if not said or said[-1] not in _HOW or set(said[-QUESTION_TAIL:]) & _MUST:
        return False
    return _reluctant(words) and pressed_by_a_role(words)


def judges_a_told_act(words: tuple[str, ...]) -> bool:
    """Someone else's act told as done, then "that" judged: "A civil servant at our land
    office told people queuing to vote for the incumbent. Is that okay?" (a sure time, or
    told in the English past). Not when the writer was pressed or is the one who acts;
    "Bapak saya pensiun bulan lalu …, sudah boleh kan?" (no "that" judged) stays a
    question."""
    if _writer_pressed(words) or about_oneself(words):
        return False
    told = _recent(words) or bool(set(words) & (_PAST - _RECENT))
    return told and judges_what_was_told(words)


def _own_place(words: tuple[str, ...]) -> bool:
    """The writer names the place as theirs: "di tempat saya kerja", "kantor kami",
    "sekolahku" (where it happened, not a rule asked in general)."""
    return any(a in _PLACES and b in _FIRST_PERSON for a, b in itertools.pairwise(words)) or any(
        w.endswith("ku") and w[:-2] in _PLACES for w in words
    )


def _pointed_place(words: tuple[str, ...]) -> bool:
    """The writer points at the place where it happens: theirs ("kantor kami", "desa
    abdi", "desaku"), here ("di dinas sini", "kantor sini", "kelurahan ini"), or one of
    theirs' ("sekolah anak saya", "kantor suami saya")."""
    if _own_place(words):
        return True
    for i, (a, b) in enumerate(itertools.pairwise(words)):
        if a not in _PLACES:
            continue
        if b in _HERE or (b in _THIS_HERE and i > 0 and words[i - 1] in _SCENE):
            return True  # "dinas sini", "di kelurahan ini"
        after = words[i + 2 : i + 3]
        if b in _RELATIONS and after and after[0] in _OWNERS:
            return True  # "sekolah anak saya"
    return False


def asks_how_at_a_pointed_place(words: tuple[str, ...]) -> bool:
    """Someone else's election act told at a place the writer points at, then only "how"
    ("honorer di kantor sini bagiin kalender caleg ke tamu, gimana ya", "guru di sekolah
    anak saya pake kaos capres pas ngajar, itu gimana?"): an account of what goes on
    there, asked what to make of it. Not the writer's own act, a relative's ("suami saya
    di kantor sini …" is asked on their behalf), a plan ("mau nyalon") or a rule."""
    said = list(words)
    while said and said[-1] in _HOW_PARTICLES | _PARTICLES | _ADDRESS | _V["tail_filler"]:
        said.pop()  # "…, gimana ya min"
    if said and said[-1] in _TOLD_SUBJECT and len(said) > 1 and said[-2] in _HOW:
        said = said[:-1]  # "…, gimana tuh"
    if not said or said[-1] not in _HOW:
        return False
    account = tuple(said[:-1])
    while account and account[-1] in _POINTERS:
        account = account[:-1]  # "…, itu gimana?"
    return (
        _pointed_place(account)
        and someone_else_acts(account)
        and not talks_rules(account)
        and not _writer_pressed(account)
        and not set(account) & _DESIRE
        and not _relative_acts(account)
    )


def judges_a_long_account(words: tuple[str, ...]) -> bool:
    """A story of someone in a role pressing others, told at length, whose last words ask
    whether that breaks the rules: "Guru PPPK di sekolah anak … masang twibbon calon
    bupati, lan ngajak murid-murid … Niki melanggar nggih?". A short one ("kepsek nyuruh
    guru milih caleg, itu boleh?") asks the rule, and the writer pressed asks their own."""
    return (
        len(words) >= 2 * MIN_ACCOUNT_WORDS
        and presses(words)
        and judges_what_was_told(words)
        and not _writer_pressed(words)
        and not _hypothetical(words)
    )


def pressed_to_report(words: tuple[str, ...]) -> bool:
    """Someone pressed into an election act, which is worth reporting: "saya asn,
    dipaksa atasan milih paslon 2, bisa lapor kemana?", "… yang nolak diancam"."""
    return bool(set(words) & _PRESSED) and not _hypothetical(words) and names_an_election_act(words)


def names_someone(words: tuple[str, ...]) -> bool:
    """Anyone the writer could report: a role, a status, a relation ("pak lurah", "ada
    pns", "tetangga"), or someone not named."""
    named = {w.removesuffix("nya") for w in words}
    return bool(named & _ANYONE_NAMED)


def accuses(words: tuple[str, ...]) -> bool:
    """Someone other than the writer is said to break the rules: a role, a status or a
    relation with an election act ("asn yang kampanye di fb", "kades bagi amplop") or a
    breach named of someone in particular ("atasan yang melanggar netralitas", "asn ga
    netral, sy tau nama dan kantornya"). "Bapak/Ibu"
    addressed is nobody accused, and the writer accused ("saya pns, dilaporkan tidak
    netral …") tells their own case."""
    named = {w.removesuffix("nya") for w in words}
    people = _ANYONE_NOT_ADDRESSED
    if not named & people or about_oneself(words):
        return False
    if names_an_election_act(words) or _reports_someone(words):
        return True
    breached = bool(set(words) & _BREACH) or any(
        a in _UNNEUTRAL and b in _NEUTRAL for a, b in itertools.pairwise(words)
    )
    # "cara lapor asn yang tidak netral" names a kind of person, "lapor atasan yang ga
    # netral" and "… ga netral, sy cuma tau nama dan kantornya" someone in particular
    someone = named & (ROLES | _RELATIONS) - _ADDRESS - _FORMAL_ADDRESS
    return breached and bool(someone or particular(words) or set(words) & _IDENTIFIED)


def _reports_someone(words: tuple[str, ...]) -> bool:
    """Someone in a role is the one reported ("sudah melaporkan kepala desa ke bawaslu",
    "I reported a lurah …", "mau ngadu soal kades"), or someone was reported already
    ("udah lapor pns …, blm ada kabar"). Words after "ke" are where it goes ("lapor ke
    dinas"), and a superior after "lapor" is whom one tells ("sudah lapor atasan")."""
    for i, w in enumerate(words):
        if not is_report_word(w) or w in _PROCESS_NOUNS:
            continue
        after: set[str] = set()
        for x in words[i + 1 : i + 4]:
            if x in _TO:
                break
            after.add(x.removesuffix("nya"))
        after -= _ADDRESS | _FORMAL_ADDRESS | _RELATIONS | _SUPERIORS
        if after & ROLES or (i > 0 and words[i - 1] in _ALREADY and after & _ACTORS):
            return True
    return False


_HEDGE_NOT = _W["hedge_not"]
_HEDGE_KNOW = _W["hedge_know"]
_HEDGE_DOUBT = _W["hedge_doubt"]
_HEDGE_SORRY = _W["hedge_sorry"]
_HEDGE_WRONG = _W["hedge_wrong"]
_HEDGE_WHETHER = _W["hedge_whether"]
_HEDGE_JUDGED = _W["hedge_judged"]
_HEDGE_BUT = _W["hedge_but"]
# A hedge opens the message (after a greeting, an address or "saya") and leaves an
# account at least this long behind it.
MIN_HEDGED_ACCOUNT = 4
# How many words an apology ("maaf kalau saya salah") may take.
SORRY_REACH = 4
_HEDGE_POINTERS = _THIS | _W["this_here"]
_HEDGE_BREACH = _HEDGE_JUDGED & (_BREACH | _WRONGDOING | {"termasuk", "counts", "matters"})


def without_hedge(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words without a hedge that opens them: "gak tau ini termasuk pelanggaran apa
    bukan, camat kami kemarin …", "saya ragu apakah ini pelanggaran, kepsek …", "not sure
    if this counts, but my supervisor …", "maaf kalau salah, tapi pak kadus …". The
    writer doubts whether what follows breaks the rules; its question words and its "if"
    are the doubt's, not a question about the rules or a supposed act. A hedge must
    point at "this" (or apologise), so "saya tidak tahu apakah pns boleh …" keeps its
    question."""
    opening = set(_V["hello"]) | _ADDRESS | _FORMAL_ADDRESS | _FIRST_PERSON
    i = 0
    while i < len(words) and words[i] in opening:
        i += 1
    j = _hedge_end(words, i)
    if j is None:
        return words
    while j < len(words) and words[j] in _HEDGE_JUDGED | _HEDGE_WHETHER:
        j += 1
    while j < len(words) and words[j] in _HEDGE_BUT:
        j += 1
    rest = words[j:]
    return rest if len(rest) >= MIN_HEDGED_ACCOUNT else words


def _hedge_end(words: tuple[str, ...], i: int) -> int | None:
    """Where the doubt that opens at ``i`` has said "this" (or sorry if wrong), if it does."""
    first = words[i : i + 1]
    if first and first[0] in _HEDGE_SORRY:
        for j in range(i + 1, min(len(words), i + 1 + SORRY_REACH)):
            if words[j] in _HEDGE_WRONG - _FIRST_PERSON - {"im"}:
                return j + 1
            if words[j] not in _CONDITIONAL | _HEDGE_WRONG | _V["hello"]:
                return None
        return None
    if first and first[0] == "cmiiw":
        return i + 1
    if first and first[0] in _HEDGE_DOUBT:
        j = i + 1
    elif (
        words[i : i + 1]
        and words[i] in _HEDGE_NOT
        and words[i + 1 : i + 2]
        and (words[i + 1] in _HEDGE_KNOW)
    ):
        j = i + 2
    else:
        return None
    # "… apakah ini …", "… kalau ini …", "… if this …": the doubt points at what is told
    pointed = set(words[j : j + 3]) & _HEDGE_POINTERS
    # ("don't know if it is a violation": read "tahu kalau pelanggaran", "it" dropped)
    named = (
        bool(words[j : j + 1])
        and words[j] in _HEDGE_WHETHER
        and bool(words[j + 1 : j + 2])
        and (words[j + 1] in _HEDGE_BREACH)
    )
    return j if pointed or named else None


def without_denied(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words without a topic denied: "mau lapor pungli, bukan soal pemilu" names no
    election ("bukan soal", "bukan terkait", "not about", then up to two words)."""
    drop: set[int] = set()
    for i, w in enumerate(words[:-1]):
        if w in _V["denial"] and words[i + 1] in _V["denied_topic"]:
            drop.update(range(i, min(len(words), i + 4)))
    return tuple(w for i, w in enumerate(words) if i not in drop) if drop else words


def names_another_wrong(words: tuple[str, ...]) -> bool:
    """A wrong reported elsewhere (extortion, graft, an affair), no election act told."""
    words = without_denied(words)
    return bool(set(words) & _V["other_wrongs"]) and not names_an_election_act(words)


def names_wrongdoing(words: tuple[str, ...]) -> bool:
    """A word of a breach or of neutrality: "pelanggaran", "kecurangan", "intimidasi",
    "netralitas" ("mau lapor pelanggaran" is ours whoever did it)."""
    return bool({w.removesuffix("nya") for w in words} & (_WRONGDOING | _BREACH | _NEUTRAL))


def names_an_election_act(words: tuple[str, ...]) -> bool:
    """Any election word: a campaign, a candidate, a party, voting, a rally, or a
    candidate's ballot number ("jangan lupa nomor 3 ya", "vote number 1")."""
    return any(_political(w) for w in words) or _ballot_number(words)


# A ballot number is short: "nomor 3", "no 02" ("Nomor 1 Tahun 2023" names a regulation,
# "nomor induk" and "nomor hp 0812 …" are no candidate).
MAX_BALLOT_DIGITS = 2
_BALLOT_NUMBER = _W["ballot_number"]
_NOT_BALLOT_AFTER = _W["not_ballot_after"]


def _ballot_number(words: tuple[str, ...]) -> bool:
    """ "nomor 3", "nomer 2" (read "nomor"), "number 1": a candidate's ballot number."""
    return any(
        w in _BALLOT_NUMBER
        and words[i + 1 : i + 2]
        and words[i + 1].isdigit()
        and len(words[i + 1]) <= MAX_BALLOT_DIGITS
        and not (words[i + 2 : i + 3] and words[i + 2] in _NOT_BALLOT_AFTER)
        for i, w in enumerate(words)
    )


def _political(word: str) -> bool:
    """An election word, also with "-nya" ("calegnya", "timsesnya") or inflected."""
    return word in _POLITICS or word.removesuffix("nya") in _POLITICS or stem(word) in _POLITICS


def about_oneself(words: tuple[str, ...]) -> bool:
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
        # "rekan kerja saya pns", "teman sekantor saya guru" (English "my colleague, a PNS")
        owned = owned or (before in _MATES and i > 1 and words[i - 2] in _RELATIONS)
        # "di kampung kami, kades …", "kantor kita kadisnya …": "kami"/"kita" after a
        # place is whose place (a lost comma before "saya" is not read so)
        owned = owned or (a in _COMMUNITY and before in _PLACES)
        # "di kantor desa saya, sekdes …", "di kabupaten saya, Pak Slamet …": the writer's
        # place, then its head or someone addressed by name (a writer says "saya guru",
        # "saya pns", never "saya pak …" of themself)
        owned = owned or (before in _PLACES and b in _HEADS | _FORMAL_ADDRESS)
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


def asks_about_the_account(words: tuple[str, ...]) -> bool:
    """An account with a sure sign that it happened (seen, when, evidence, whose: not
    just "sedang" or "jumat"), ending with a question about what was told ("tadi liat
    pak camat kampanye pakai mobil dinas, itu boleh?") or about the teller's safety;
    not the writer's own dilemma ("kabid kami minta staf nyetor, harus ikut?")."""
    if not happened(tuple(w for w in words if w not in _UNSURE), []):
        return False
    tail = set(words[-QUESTION_TAIL:])
    if tail & _SHOULD and tail & (_RULE_ASKED | _YES_NO_TAIL):
        return True  # "…, harusnya ga boleh kan?": what was told judged against the rule
    if tail & _DILEMMA or _writer_pressed(words):
        return False
    if _saw_it(words):
        return True  # "tadi aku liat sendiri", "I saw it yesterday": whatever is asked
    if set(words[-3:]) & _COMPLAINT:
        return True  # "… Pak lurah bilang tidak apa-apa. Masa iya?": what was told doubted
    if _leave_for_a_relative(words):
        return False  # "Bapak saya pensiunan PNS. Apakah beliau boleh …?": asked for him
    return bool(tail & _TOLD_SUBJECT and tail & (_RULE_ASKED | _YES_NO_TAIL | _HOW)) or bool(
        tail & _SAFETY and tail & _FIRST_PERSON
    )


# "beliau boleh": leave asked for the one named before (the same leave words as the
# question whether one may report, below)
_LEAVE = _W["leave"]
_LEAVE_FILLERS = frozenset({"sekarang", "kini", "masih", "tetap", "juga", "sudah", "udah"})


def _leave_for_a_relative(words: tuple[str, ...]) -> bool:
    """The writer names their own relative ("bapak saya", "ibuku") and asks leave for
    them ("apakah beliau boleh …?", "dia sekarang diperbolehkan …?"): a question asked
    on their behalf, no account of what they did."""
    mine = any(
        w in _RELATIONS and i + 1 < len(words) and words[i + 1] in _FIRST_PERSON
        for i, w in enumerate(words)
    ) or any(w.endswith("ku") and w[:-2] in _RELATIONS for w in words)
    if not mine:
        return False
    for i, w in enumerate(words):
        if w in ("beliau", "dia"):
            j = i + 1
            while j < len(words) and words[j] in _LEAVE_FILLERS:
                j += 1
            if j < len(words) and words[j] in _LEAVE:
                return True
    return False


def judges_a_recent_act(words: tuple[str, ...]) -> bool:
    """Someone else's act told with when it happened ("tadi", "kemarin", "minggu lalu",
    seen), then its last words ask whether it breaks the rules or what it costs them
    ("kades kmi kmrn ikut kampanye cabup, boleh gt?", "… kemarin jadi jurkam. Bisa kena
    pidana nggak?", "… Apakah beliau bisa dikenai sanksi?"). Not when the writer's own
    part is asked ("…, saya boleh ikut?", "…, pns boleh ikut?"), nor, when the writer was
    among those pressed, unless the one who pressed is the subject ("beliau", "dia")."""
    if not _recent(words):
        return False
    tail = [w for w in words[-JUDGED_TAIL:] if w not in _PARTICLES]
    said = set(tail)
    if not said & (_RULE_ASKED | _SANCTIONS) or said & (_FIRST_PERSON | _DILEMMA | _STATUS):
        return False  # ("…, sudah boleh kan?": whether a status now allows it)
    return not _writer_pressed(words) or bool(said & _THIRD_PARTY)


# "apa pantas camat kami …", "emang boleh ya …", "Is it normal for …" (read "apakah
# normal"): the judgement opens the message (after a greeting, an address and these).
_JUDGING_OPENERS = _W["judging_openers"]


def judges_up_front(words: tuple[str, ...]) -> bool:
    """The first words judge, and what follows tells someone else's act with a sure time
    or as seen: "apa pantas camat kami ikut joget di panggung kampanye cagub kemarin
    malam?", "is it okay that our village head campaigned for his brother at the
    posyandu last week?" (a witnessed act judged, a tip). Without a sure time ("boleh
    kades ikut kampanye?") it asks the rule; the writer's own act or their being pressed
    is their own question."""
    sure = _recent(words) or _saw_it(words)
    told = sure or bool(set(words) & (_PAST - _RECENT))
    if not told or _writer_pressed(words) or about_oneself(words):
        return False
    if not sure and _only_a_status(words):
        # "Can a civil servant vote in a court-ordered re-run …?": an English past word,
        # and nobody but "a civil servant" in general, ask the rule
        return False
    skipped = _V["hello"] | _ADDRESS | _PARTICLES | _JUDGING_OPENERS
    said = [w for w in words if w not in skipped]
    opening = said[0] if said else ""
    if opening not in _RULE_ASKED | _WRONG:
        return False
    if not sure and said[1:2] and said[1] in _ACTORS - _FORMAL_ADDRESS:
        # "Can a PPPK teacher attend an event where a candidate was invited?" (read "boleh
        # pppk guru hadir … invited"): "may someone do it?", the English past a participle
        return False
    tail = set(words[-QUESTION_TAIL:])
    return not (tail & _FIRST_PERSON and tail & (_DILEMMA | _MUST))


def _only_a_status(words: tuple[str, ...]) -> bool:
    """The only people named are a status in general ("asn", "pns", "a civil servant"):
    no role, relation or particular person, and no place the writer points at."""
    named = {w.removesuffix("nya") for w in words}
    people = named & _ANYONE_NAMED
    return (
        bool(people)
        and people <= _STATUSES
        and not particular(words)
        and not _pointed_place(words)
        and not set(words) & _HERE
    )


def _recent(words: tuple[str, ...]) -> bool:
    """A sure time of the act: "tadi", "kemarin", "barusan", "minggu lalu", "pagi ini" (not
    "sedang" or a weekday, which questions use, nor "liat"/"ketahuan", which also mean
    "look at" and "be found out")."""
    if set(words) & _RECENT:
        return True
    return any(
        (a in _PAST_UNITS and b == "lalu") or (a in _TODAY_UNITS and b == "ini")
        for a, b in itertools.pairwise(words)
    )


def _saw_it(words: tuple[str, ...]) -> bool:
    """The writer says they saw it ("saya lihat langsung", "aku liat sendiri", "I saw"),
    and not in a document ("saya lihat di aturannya …")."""
    if set(words) & _DOCUMENTS:
        return False
    return any(
        w in _FIRST_PERSON and set(words[i + 1 : i + 3]) & _SEEN for i, w in enumerate(words)
    )


def vouches(words: tuple[str, ...]) -> bool:
    """The writer saw it themself ("saya lihat sendiri") or holds its evidence ("aku due
    fotone", "ada rekaman suara", "kami memiliki fotonya"): an account, whatever is asked
    after it ("…, harus ke Bawaslu atau polisi?", "iki piye, …")."""
    # (not "aku krungu …", "saya jadi saksi …": heard of, or a witness's job)
    sure = tuple(w for w in words if w not in _UNSURE)
    return _saw_it(sure) or any(
        w.removesuffix("nya").removesuffix("nyo") in _HELD_EVIDENCE
        and set(words[max(0, i - HOLDING_REACH) : i + HOLDING_REACH + 1]) & _HOLDING
        for i, w in enumerate(words)
    )


def vouched_account(words: tuple[str, ...]) -> bool:
    """An election act the writer saw or holds the evidence of, not supposed: "Saya
    melihat mobil dinas kantor kami dipakai mengangkut spanduk calon … Bagaimana cara
    melaporkannya?" (whoever the writer says they are; "kalau saya lihat …" supposes)."""
    # (someone to report named: "How many days do I have to report a violation after I
    # find out about it?" asks the rules)
    return (
        vouches(words)
        and names_an_election_act(words)
        and names_someone(words)
        and not _hypothetical(words)
    )


def _writer_pressed(words: tuple[str, ...]) -> bool:
    """ "kepsek minta kami semua pilih caleg …", "saya disuruh …": the writer is among
    those pressed, so a question after it is their own."""
    us = _FIRST_PERSON | _COMMUNITY  # "kmrn kita disuruh ikut …"
    return any(
        (w in _PRESSING and set(words[i + 1 : i + 3]) & us)
        or (w in _PRESSED and i > 0 and words[i - 1] in us)
        for i, w in enumerate(words)
    )


def clause_before(words: tuple[str, ...], first: int) -> tuple[str, ...]:
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


def told_before(before: tuple[str, ...]) -> bool:
    """The words before "lapor" tell, in a clause of their own, that someone else did
    it: "kapalo dinas ikuik kampanye pakai baju dinas, baa caro malapor?". "cara lapor
    kades yang kampanye" and "pns yang kampanye bisa dilaporkan?" name a kind of
    person (the actor in a "yang" clause, or after "lapor"), not what happened."""
    return (
        len(before) >= MIN_TOLD_WORDS
        and "yang" not in before
        and someone_else_acts(before)
        and not asks_something(before)
    )


def presses(words: tuple[str, ...]) -> bool:
    """Someone in a role pressing others toward an election act, told in a few words:
    "kepsek suruh murid coblos 01", "camat maksa lurah dukung cabup", or in the passive
    with the role after it ("guru2 disuruh kepsek upload twibbon capres")."""
    if not names_a_role(words):
        return False
    return (
        bool(set(words) & _PRESSING)
        or rewards(words)
        or any(w in _PRESSED and set(words[i + 1 : i + 3]) & ROLES for i, w in enumerate(words))
        or _pressed_by_agent(words)
    )


def _pressed_by_agent(words: tuple[str, ...]) -> bool:
    """The passive with its agent further on: "disuruh pasang spanduk cabup sama atasan",
    "diminta hadir di deklarasi oleh kepala dinas"."""
    return any(
        w in _PRESSED
        and any(
            words[j] in _AGENT and words[j + 1] in ROLES | _SUPERIORS
            for j in range(i + 1, min(len(words) - 1, i + 1 + AGENT_REACH))
        )
        for i, w in enumerate(words)
    )


def rewards(words: tuple[str, ...]) -> bool:
    """A reward promised or given for an election choice: "kasih nilai tambahan buat yg
    milih capres tertentu", "bonus ke staf yang dukung petahana", "mahasiswa yang datang
    ke kampanye dapat nilai A": a giving word and a reward near a choice made."""
    wordset = set(words)
    if not wordset & _GIVING or not wordset & _REWARDS:
        return False
    return any(
        w in _CHOICE and i > 0 and set(words[max(0, i - 3) : i]) & _BEFORE_CHOICE
        for i, w in enumerate(words)
    ) and names_an_election_act(words)


def pressed_by_a_role(words: tuple[str, ...]) -> bool:
    """Someone in a role pressed others into an election act, and it happened, told
    perhaps by one of those pressed: "kades kami td pagi ngumpulin perangkat desa, suruh
    menangin paslon 01. sy perangkat jg tp ga mau", "kepala dinas mengumpulkan seluruh
    staf dan meminta kami memilih petahana, saya merasa tertekan". The writer naming
    themself does not make it their own act: the act is the one who pressed."""
    return (
        (
            _a_superior_presses(words)
            # "sy honorer disuruh kpl bagian sebar brosur …, hrs gmn": the writer pressed,
            # against their will or asking what to do about it
            or (presses(words) and (_reluctant(words) or asks_what_to_do_last(words)))
        )
        and names_an_election_act(words)
        and not _hypothetical(words)
        and (happened(words, []) or len(words) >= MIN_ACCOUNT_WORDS)
    )


def _a_superior_presses(words: tuple[str, ...]) -> bool:
    """Someone with authority over others (a role, not a neighbour or a relative) is the
    one who presses, named just before the pressing verb: "kades kami td pagi ngumpulin
    …", "kepsek nyuruh semua guru …" ("tetangga … minta pasang spanduk di rumah saya"
    asks the writer a favour, and "saya disuruh atasan …" tells the writer's own case)."""
    bosses = (ROLES - _RELATIONS) | _SUPERIORS
    return any(
        w in _PRESSING and set(words[max(0, i - 4) : i]) & bosses for i, w in enumerate(words)
    )


def reluctant(words: tuple[str, ...]) -> bool:
    """The writer says they are pressed against their will (see ``_reluctant``)."""
    return _reluctant(words)


def _reluctant(words: tuple[str, ...]) -> bool:
    """The writer says they are pressed against their will: "keberatan", "tertekan",
    "terpaksa", "ga mau", "tidak nyaman"."""
    return (
        bool(set(words) & _RELUCTANCE)
        or any(a in _NEGATION and b in _UNWILLING for a, b in itertools.pairwise(words))
        # "klo nolak kontrak sy …", "jika kami menolak …": what refusing would cost
        or any(w in _CONDITIONAL and _refusing_after(words, i + 1) for i, w in enumerate(words))
    )


def judges_what_was_told(words: tuple[str, ...]) -> bool:
    """The last words ask whether what was told breaks the rule ("…, itu melanggar
    kan?", "yang begitu dibolehkan?"), not what the writer must do ("…, sy hrs nurut?")."""
    tail = set(words[-JUDGED_TAIL:])
    return (
        bool(tail & _TOLD_SUBJECT)
        and bool(tail & (_RULE_ASKED | _SHOULD))
        and not tail & (_DILEMMA | _FIRST_PERSON | _MUST)
    )


def judges_a_specific_account(words: tuple[str, ...]) -> bool:
    """Someone in a role did it at a place the writer names, or is someone particular, and
    the last words judge what was told: "guru honorer di SD anakku jadi MC kampanye caleg
    di lapangan desa. boleh gitu?", "Pak kades ngumumke nang masjid ben warga teko
    kampanyene calon bupati, iki pelanggaran ora?" (a witnessed act, judged). Without a
    scene ("kepsek nyuruh guru pasang twibbon capres, itu boleh?") it asks the rule; the
    writer pressed, or their own act, is their own question."""
    if not judges_what_was_told(words) or _writer_pressed(words) or about_oneself(words):
        return False
    account = _before_the_judgement(words)
    if _hypothetical(account) or not names_an_election_act(account):
        return False
    # (what someone means to do, "calon bupati mau kampanye di aula SMP …", has not
    # happened; a friend or a relative who did it, "temenku PNS …, itu boleh?", is asked
    # about on their behalf)
    if set(account) & _DESIRE or _relative_acts(account):
        return False
    # a place, not a medium: "guru pns pose 2 jari di ig, itu boleh?" asks the rule; and
    # someone in a role besides the place ("pns … masih kerja di dinas, boleh gitu?"
    # names only a status: an office as the scene is no one who acted)
    at_a_place = (
        sets_the_scene(account)
        and _role_beside_the_scene(account)
        and any(
            w in _SCENE and set(account[i + 1 : i + 3]) & _PLACES for i, w in enumerate(account)
        )
    )
    return at_a_place or _pointed_place(account)


def _role_beside_the_scene(words: tuple[str, ...]) -> bool:
    """Someone in a role is named, not only the office where it happened ("di dinas",
    "di kecamatan": a place after a scene word)."""
    return any(
        w.removesuffix("nya") in ROLES and not (i > 0 and words[i - 1] in _SCENE)
        for i, w in enumerate(words)
    )


def _relative_acts(words: tuple[str, ...]) -> bool:
    """A friend or a relative opens the account ("temenku PNS …", "Kawan awak PNS, dia …",
    "Bapak saya kades, …"): the one who acted is theirs."""
    told = [w for w in words if w not in _ADDRESS | _FORMAL_ADDRESS - _RELATIONS][:2]
    return bool(set(told) & _RELATIONS) or any(
        w.endswith("ku") and w[:-2] in _RELATIONS for w in told
    )


def _before_the_judgement(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words before the judging question that ends them ("…, boleh gitu?", "…, iki
    pelanggaran ora?")."""
    judging = _TOLD_SUBJECT | _RULE_ASKED | _SHOULD | _PARTICLES | _WRONG | _V["yes_no_tail"]
    judging = judging | _V["tail_filler"] | _V["interrogatives"] | {"atau", "masuk"}
    end = len(words)
    while end > 0 and words[end - 1] in judging:
        end -= 1
    return words[:end]


def asks_own_duty(words: tuple[str, ...]) -> bool:
    """The last words ask what the writer must or may do, even without a question mark
    ("…, sy hrs nurut", "saya wajib datang", "boleh sy tolak"): their own question."""
    tail = set(words[-QUESTION_TAIL:])
    return bool(tail & (_MUST | _RULE_ASKED | _DUTY))


def sets_the_scene(words: tuple[str, ...]) -> bool:
    """A short account that says where or when it was done: a role, then "di ig",
    "di grup wa", "pas posyandu", "di masjid" ("guru pns pose 2 jari di ig")."""
    if len(words) < MIN_SCENE_WORDS or not names_a_role(
        tuple(w.removesuffix("nya") for w in words)
    ):
        return False
    if talks_rules(words):
        return False
    return any(
        w in _SCENE and set(words[i + 1 : i + 3]) & (_PLACES | _MEDIA)
        for i, w in enumerate(words)
        if i > 1
    )


def asks_for_the_pressed(words: tuple[str, ...]) -> bool:
    """Someone in a role pressed others, and the question at the end is about those
    others' duty, not the writer's: "kapus nyuruh bidan ikut kampanye caleg, bidan pns
    wajib nurut?". The writer named anywhere ("sy bidan honorer, boleh ikut?") makes
    it their own dilemma."""
    if set(words) & _FIRST_PERSON or not presses(words) or _hypothetical(words):
        return False
    # the people pressed: the words after the pressing verb ("bidan", "lurah", "rt rw",
    # "warga"), named again later as the subject of the question, with a duty after it
    for i, w in enumerate(words):
        if w not in _PRESSING:
            continue
        pressed = {x.removesuffix("nya") for x in words[i + 1 : i + 3]} - _NOT_PRESSED
        for j in range(i + 4, len(words)):
            if words[j].removesuffix("nya") in pressed and set(words[j + 1 :]) & _DILEMMA:
                return names_an_election_act(words)
    return False


def asks_after_a_scene(words: tuple[str, ...]) -> bool:
    """ "guru pns pose 2 jari di tiktok, ini gimana ya min?": a short account that says
    where, then "ini gimana" (what to make of it; "itu boleh?" stays a question);
    "pak camat ikut kampanye, gimana ini?" ("kumaha ieu", "piye iki"): someone in a
    role did it, and "this" is asked about."""
    # "katanya kepsek nyuruh guru pilih caleg X, gmn ya": how, last, after an account in
    # which someone in a role pressed others (the writer not among them)
    said = tuple(w for w in words if w not in _PARTICLES)
    if said and said[-1] in _HOW and not _writer_named(words):
        account = said[:-1]
        if presses(account) and not talks_rules(account) and not _hypothetical(account):
            return True
    tail_from = max(len(words) - QUESTION_TAIL, 0)
    for i in range(len(words) - 1, tail_from - 1, -1):
        if words[i] not in _TOLD_SUBJECT:
            continue
        around = set(words[max(i - 1, tail_from) : i + 3])
        if not around & _HOW or talks_rules(words[i + 1 :], _PARTICLES):
            continue  # "ini gimana hukumnya?" asks the rule
        if words[i] in _POINTERS and words[i - 1] in _HOW:
            account = words[: i - 1]
            if names_a_role(account) and not talks_rules(account):
                return True
        # "…, itu gimana?", "niku pripun?", "eta kumaha?": the pointer first, then how,
        # closing an account in which someone in a role pressed others ("pak camat
        # ikut kampanye, itu gimana?" asks the rule)
        closing = words[i] in _POINTERS and words[i + 1 : i + 2] and words[i + 1] in _HOW
        if closing and i + 2 >= len(words) - 2 and presses(words[:i]):
            if not talks_rules(words[:i]) and not _hypothetical(words[:i]):
                return True
        return sets_the_scene(words[:i])
    return False


def _writer_named(words: tuple[str, ...]) -> bool:
    """The writer is named ("saya", "aku", "kami"), not only as the owner of a place or
    a role ("kepala dinas kami", "di desa kami": whose, not who)."""
    return any(
        w in _FIRST_PERSON
        and not (
            w in _COMMUNITY and i > 0 and words[i - 1].removesuffix("nya") in _ACTORS | _PLACES
        )
        for i, w in enumerate(words)
    )


def someone_unnamed_acts(words: tuple[str, ...]) -> bool:
    """Someone not named did an election act at a place or in a group the writer names:
    "di grup wa kantor ada yg share video kampanye cagub tiap hari" ("ada yang bilang
    pns boleh …" names no place, and talks about the rules)."""
    unnamed = (
        any(a in _SOMEONE and b in _SOMEONE_AFTER for a, b in itertools.pairwise(words))
        or bool(set(words) & _SOMEONE_WORDS)
        or _someone_from(words)
    )
    return (
        unnamed
        and names_an_election_act(words)
        and bool(set(words) & (_PLACES | _MEDIA))
        and not _hypothetical(words)
        and not talks_rules(words)
        and not about_oneself(words)
    )


def _someone_from(words: tuple[str, ...]) -> bool:
    """ "orang dari kantor kecamatan", "orang dinas", English "someone from the health
    office" (read "orang dari … kantor"): someone not named, from an office, opening
    the account."""
    return any(
        w in _SOMEONE_FROM and set(words[i + 1 : i + 5]) & _PLACES and i <= 2
        for i, w in enumerate(words)
    )


def asks_how_after_an_account(words: tuple[str, ...]) -> bool:
    """An account of what someone in a role did, then only "how about this?" ("Pak lurah
    bagi-bagi beras ada stiker paslon di kantor kelurahan. Bagaimana mi ini?", "kepala
    sekolah nyuruh guru ngumpulin fotokopi KTP buat calon independen. Gimana nih?"):
    what to make of it, asked by one who saw or heard it, not the writer's own act."""
    said = [w for w in words if w not in _HOW_PARTICLES]
    if len(said) < 3 or said[-1] not in _TOLD_SUBJECT or said[-2] not in _HOW:
        return False
    account = tuple(said[:-2])
    if about_oneself(account):
        return False
    return tells(account) or sets_the_scene(account) or presses(account) or presents(account)


_HOW_MANY = _W["how_many"]
_COUNTED = _W["counted"]


def asks_a_count(words: tuple[str, ...]) -> bool:
    """How many were reported, found or punished: "pilkada 2020 ada brp asn yg dilaporin
    ga netral?", "Berapa temuan dan laporan dugaan pelanggaran …", "How many reports of
    … violations were recorded?" (read "berapa lapor …"): the figures asked, a question,
    unless the writer saw it or names someone in particular ("saya lihat berapa pns …")."""
    counted = any(
        w in _HOW_MANY and set(words[i + 1 : i + 3]) & _COUNTED for i, w in enumerate(words)
    )
    # ("laporan dugaan pelanggaran": the alleged breaches counted, nobody in particular)
    named = particular(tuple(w for w in words if w not in _WRONGDOING))
    return counted and not (_saw_it(words) or named or _own_place(words))


_REPORTERS = _W["reporters"]
# How far before the report word the asking word may stand ("boleh ordinary warga like
# saya lapor").
LEAVE_REACH = 5


def asks_leave_to_report(words: tuple[str, ...], first: int) -> bool:
    """Whether one may report, asked by or of a kind of person: "Can ordinary citizens
    like me report a civil servant who isn't neutral?", "apakah warga biasa berhak
    melaporkan asn yang tidak netral?", "guru boleh lapor kepsek yang kampanye?", "mau
    lapor kadis yang kampanye, boleh gak?" — a question (anyone who may vote may
    report), not an account. Not when the one reported is someone in particular (the
    writer's own "kades kami", "ini", "beliau"), how or where is asked, when it
    happened ("… kemarin", "laporkan ini"), it was seen, or reporting unnamed is asked."""
    asked = any(
        words[i] in _LEAVE
        and all(w in _REPORTERS for w in words[i + 1 : first])
        # ("ini boleh lapor?": what was just told, pointed at)
        and not (i > 0 and words[i - 1] in _THIS)
        for i in range(max(0, first - LEAVE_REACH), first)
    )
    if not (asked or _leave_asked_last(words, first)):
        return False
    # ("How can I report it?", "Where can I report him?": read "boleh saya lapor", how or
    # where asked)
    return not (
        _a_particular_one_reported(words, first)
        or set(words) & (_HOW | _V["where"] | _V["whom"] | _THIS)
        or happened(words, [first])
        or particular(words)
        or vouches(words)
        or set(words) & _SAFETY
    )


# "…, boleh gak?", "…, bisa kah?", "…, boleh kan?": leave asked at the end of the message
_LEAVE_LAST = _LEAVE | _S["able"]
LEAVE_TAIL = 3


def _leave_asked_last(words: tuple[str, ...], first: int) -> bool:
    """ "aku mau lapor kadis yang kampanye, boleh gak?", "sy pns mau lapor kades kampanye,
    bisa kah?": whether reporting is allowed, asked after it (a leave word among the last
    words, nothing after it but a yes/no tag)."""
    tail = words[-LEAVE_TAIL:]
    return any(
        w in _LEAVE_LAST
        and len(words) - LEAVE_TAIL + j > first
        and all(x in _YES_NO_TAIL | _PARTICLES for x in tail[j + 1 :])
        and bool(tail[j + 1 :])
        for j, w in enumerate(tail)
    )


def _a_particular_one_reported(words: tuple[str, ...], first: int) -> bool:
    """Someone in a role named as one person, not a kind: the writer's own ("kades
    saya", "camat kami"), or a role that does not stand for a kind of person doing the
    act ("lapor kades kampanye", "lapor kepsek yang kampanye" name a kind)."""
    for i, w in enumerate(words):
        if w.removesuffix("nya") not in ROLES - _RELATIONS - _STATUSES:
            continue
        if i < first:
            # the one who would report ("guru boleh lapor …"); else one who acted first
            if set(words[i + 1 : first]) <= _LEAVE | _REPORTERS | _ACTORS | _DESIRE:
                continue
            return True
        after = words[i + 1 : i + 2]
        if after and after[0] in _OWNERS | _COMMUNITY:
            return True
    return False


def asks_what_to_do(words: tuple[str, ...]) -> bool:
    """ "pak camat ikut kampanye, aku kudu piye?", "saya harus gimana": the writer asks
    what to do about what someone else did (not pressed into it themself)."""
    if _writer_pressed(words) or set(words) & _OWN_STAKE:
        return False  # "kita disuruh ikut …, sy bingung harus gmn takut karir sy"
    return any(
        w in _FIRST_PERSON
        and set(words[i + 1 : i + 3]) & _MUST
        and set(words[i + 2 : i + 4]) & _HOW
        for i, w in enumerate(words)
    )


def talks_rules(words: tuple[str, ...], ignore: frozenset[str] = frozenset()) -> bool:
    """Words about the rules or chat question particles ("harus netral", "gak sih"),
    not counting "sih" after outrage ("parah sih") or a plain "not" inside a clause
    ("yang enggak datang …", "kalau enggak milih …")."""
    return any(
        w in _ABOUT_RULES
        and w not in ignore
        and not exclaims(words, i)
        and not _negates(words, i)
        and not _points_out(words, i)
        and not _article(words, i)
        and not (w in _FREE and i > 0 and words[i - 1] in _GIVING)
        for i, w in enumerate(words)
    )


def _article(words: tuple[str, ...], i: int) -> bool:
    """ "si bu bidan", "si kades": chat "si" before a person (read "sih", the particle,
    by the slang map) names who did it, it asks nothing."""
    return words[i] == "sih" and i + 1 < len(words) and words[i + 1] in _ACTORS


def _points_out(words: tuple[str, ...], i: int) -> bool:
    """ "…, dia kan pns": "kan" after "dia" mid-sentence says "mind you", it asks nothing
    ("… melanggar kan" at the end does)."""
    return words[i] == "kan" and 0 < i < len(words) - 1 and words[i - 1] in _TOLD_SUBJECT


def _negates(words: tuple[str, ...], i: int) -> bool:
    """ "enggak" before what is denied ("enggak dapat bansos"), not a chat question tag
    ("boleh enggak", "… enggak sih", "… melanggar enggak")."""
    # "… tapi gak mundur": a negation before the last word denies it ("boleh gak",
    # "melanggar gak sih" are tags: last word, or a particle after)
    if words[i] not in _NEGATION or i >= len(words) - 1:
        return False
    asked_before = i > 0 and words[i - 1] in _RULE_ASKED | _TAGGED
    return words[i + 1] not in _PARTICLES and not asked_before


def complains(words: tuple[str, ...]) -> bool:
    """ "kok bisa kepala dinas jadi jurkam cagub", "knp pns di kelurahan pada pake pin
    partai": a complaint about what someone in a role (or at a named office) did,
    not a question about the rules ("kenapa pns dilarang kampanye")."""
    # "kenapa tni polri gak nyoblos tapi pns": why some may not, a question of the rules
    return (
        bool(set(words) & _COMPLAINT)
        and not set(words) & _NEGATION
        and (names_a_role(words) or _at_work(words))
        and not talks_rules(words, _COMPLAINT | _PARTICLES)
        and not _hypothetical(words)
    )


def contrasts(words: tuple[str, ...]) -> bool:
    """ "sekdes nyalon caleg tapi belum mundur", "kades kampanye padahal pns": what
    someone in a role did, set against what they should have done."""
    if not names_a_role(words) or talks_rules(words):
        return False
    return bool(set(words) & _CONTRAST_ALONE) or any(
        w in _CONTRAST and words[i + 1 : i + 2] and words[i + 1] in _NEGATION | _NOT_YET
        for i, w in enumerate(words)
    )


def condemns(words: tuple[str, ...]) -> bool:
    """ "…, ini ga bener kan", "tidak pantas", "parah": what was told judged wrong; with
    someone in a role acting and the writer not among those pressed, an account."""
    judged = bool(set(words) & _OUTRAGE) or any(
        a in _NEGATION and b in _WRONG for a, b in itertools.pairwise(words)
    )
    return judged and names_a_role(words) and not set(words) & _FIRST_PERSON


def exclaims(words: tuple[str, ...], i: int) -> bool:
    """ "parah sih", "gila sih": "sih" after an outrage word exclaims, it asks nothing."""
    return i > 0 and words[i - 1] in _OUTRAGE


def presents(words: tuple[str, ...]) -> bool:
    """ "pns kampanye di fb nih min", "ini link postingan pns dukung paslon": news (or
    evidence) brought to the bot, not a question."""
    return (
        bool(set(words) & _PRESENTING)
        or any(
            a in _HANDING and b.removesuffix("nya") in _HELD_EVIDENCE
            for a, b in itertools.pairwise(words)
        )
        or _captioned(words)
    )


def _captioned(words: tuple[str, ...]) -> bool:
    """A caption under evidence: "foto: camat di panggung kampanye cabup", "video guru
    pns joget di kampanye caleg", "ss kadis ngajak staf pilih 01" — the evidence word
    first, then the person in it ("foto bareng caleg" is the writer's own photo)."""
    told = tuple(itertools.dropwhile(lambda w: w in _V["hello"] | _ADDRESS, words))
    return (
        len(told) > 2
        and told[0].removesuffix("nya") in _HELD_EVIDENCE
        and told[1] in _ACTORS | _FORMAL_ADDRESS | _SOMEONE_WORDS
    )


def tells(words: tuple[str, ...]) -> bool:
    """A statement long enough to say what someone in a role did (shorter when it names an
    election act), that does not talk about the rules ("harus netral", "kena sanksi") or
    ask in chat ("gak sih"). Other question words are left to ``reads_as_question``:
    "pegawai wajib hadir" tells. Someone named by their workplace ("bidan puskesmas",
    "pegawai kelurahan", "pns dinas sosial") is someone in particular: a short account of
    what they did tells too ("bidan puskesmas nyebar stiker caleg ke pasien"), where
    "camat ikut kampanye" is a topic typed as a search."""
    named = bool({w.removesuffix("nya") for w in words} & ROLES)
    return (
        (named and len(words) >= MIN_ACCOUNT_WORDS)
        # "kepala desa bagiin beras ke warga sebelum coblosan": shorter, with an election act
        or (named and len(words) >= MIN_ELECTION_ACCOUNT_WORDS and names_an_election_act(words))
        or (len(words) >= MIN_SCENE_WORDS and _at_work(words, _STATUSES | ROLES))
    ) and not talks_rules(words)


def _at_work(words: tuple[str, ...], who: frozenset[str] = _STATUSES) -> bool:
    """A status named with its workplace: "pegawai puskesmas", "pns dinas pu",
    "asn di kantor pertanahan" (English "a civil servant at the land office")."""
    return any(w in who and set(words[i + 1 : i + 4]) & _PLACES for i, w in enumerate(words))


def particular(words: tuple[str, ...]) -> bool:
    """A particular person is meant: "oknum camat", "beliau", or a relation beside its
    owner ("tetangga saya", "atasan kami", "guru anak saya", and English "my
    neighbour", read "saya tetangga")."""
    if set(words) & _PARTICULAR:
        return True
    return any(
        ((a in _RELATIONS and b in _OWNERS) or (a in _OWNERS and b in _RELATIONS))
        and not _sir_or_madam(words, i)
        for i, (a, b) in enumerate(itertools.pairwise(words))
    )


def _sir_or_madam(words: tuple[str, ...], i: int) -> bool:
    """ "Selamat pagi, Bapak/Ibu. Saya …": the formal "Sir/Madam" (read "bapak ibu"),
    then the writer; not "ibu saya" (my mother)."""
    return (
        i > 0
        and words[i] in _FORMAL_ADDRESS
        and words[i - 1] in _FORMAL_ADDRESS
        and words[i - 1] != words[i]
    )


def happened(words: tuple[str, ...], report_at: list[int]) -> bool:
    """Signs of a real event: when ("tadi", "minggu lalu", "hari ini", "senin"), seen, a
    habit ("tiap minggu"), "beliau", a scene ("di kantor …, …"), a request for action
    ("mohon ditindak"), "kantor saya",
    "ada … yang", a place or person named as the writer's ("camat kami"), evidence in
    hand ("videonya saya simpan"), or "laporkan ini" ("bisa dilapor gak ini") after a
    report word."""
    wordset = set(words)
    if wordset & (_PAST | _SEEN | _HABITUAL | _NOW | _THIRD_PERSON):
        return True
    opening = [w for w in words[:3] if w not in _ADDRESS]
    if opening and opening[0] == "ada":
        return True  # "ada pns …", "min, ada lurah …"
    # ("Tabe', di kantor lurah …": a greeting or an address before the scene)
    told = tuple(itertools.dropwhile(lambda w: w in _V["hello"] | _ADDRESS, words))
    if len(told) > 1 and told[0] == "di" and told[1] in _PLACES:
        return True  # "di kantor dinas, kabid …": the scene is set
    if wordset & _HERE:
        return True  # "kepsek di sini …", "disini kades …": the writer's own place
    for i, (a, b) in enumerate(itertools.pairwise(words)):
        if (a in _PAST_UNITS and b in ("lalu", "depan")) or (a in _TODAY_UNITS and b == "ini"):
            return True  # "minggu lalu", "pagi ini", "minggu depan"
        if a in _PAST_UNITS and b == "yang" and words[i + 2 : i + 3] == ("lalu",):
            return True  # "tiga hari yang lalu"
        if a in _PLACES and b in _FIRST_PERSON:
            return True  # "kantor saya", "sekolah kami"
        if a in _PLACES and b == "ini" and i > 0:
            return True  # "di sekolah ini", "kantor ini tiap apel …": where the writer is
        if a in ROLES and b == "ini" and i < len(words) - 2:
            return True  # "kades ini bagi duit …": the one the writer points at
    if any(w.endswith("ku") and w[:-2] in _PLACES | ROLES for w in words):
        return True  # "kantorku", "tempatku", "lurahku"
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


def asks_something(words: tuple[str, ...]) -> bool:
    """Whether the words ask (a question word: "boleh", "bagaimana", "kalau", …);
    a message that asks nothing and is not small talk reads as a report."""
    return any(w in _QUESTION or w.removesuffix("nya") in _QUESTION for w in words)
