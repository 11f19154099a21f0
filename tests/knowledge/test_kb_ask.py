import json
import time
from pathlib import Path

import pytest

from knowledge import Answer, KnowledgeBase, load_knowledge_base

FIXTURES = Path(__file__).parent / "fixtures" / "faq"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base(FIXTURES)


def test_answers_a_paraphrase(kb: KnowledgeBase) -> None:
    answer = kb.ask("min pns boleh ngelike postingan caleg di ig ga?")
    assert answer.intent == "faq"
    assert answer.match is not None and answer.match.id == "medsos-like-caleg"
    assert answer.match.verdict == "dilarang"
    assert 0.0 < answer.match.score <= 1.0


def test_json_shape(kb: KnowledgeBase) -> None:
    data = kb.ask("boleh gak asn pakai mobil dinas buat kampanye").to_json()
    # "understood" (what was read in the question) may come with a match
    assert list(data) == ["query", "intent", "match", "suggestions", "understood", "elapsed_ms"]
    assert list(data["understood"]) == ["actor", "activity", "context", "contexts", "text"]
    assert list(data["match"]) == ["id", "question", "answer", "verdict", "sources", "score"]
    assert isinstance(data["match"]["sources"], list)
    assert isinstance(data["suggestions"], list)
    for sugg in data["suggestions"]:
        assert list(sugg) == ["id", "question", "score"]
    json.dumps(data)  # plain JSON types only


def test_unknown_shape(kb: KnowledgeBase) -> None:
    data = kb.ask("resep rendang padang yang enak").to_json()
    assert data["intent"] == "unknown"
    assert data["match"] is None


def test_intents_skip_matching(kb: KnowledgeBase) -> None:
    assert kb.ask("saya mau lapor camat ikut kampanye").intent == "tip"
    assert kb.ask("kemana lapor pelanggaran netralitas asn?").intent == "faq"
    assert kb.ask("mau langganan pengingat").intent == "subscribe"
    thanks = kb.ask("makasih kak")
    assert (thanks.intent, thanks.small_talk) == ("greeting", "thanks")


def test_top_limits_suggestions(kb: KnowledgeBase) -> None:
    assert len(kb.ask("pns kampanye", top=1).suggestions) <= 1
    assert kb.ask("pns kampanye", top=0).suggestions == ()


WHATSAPP_CHAIN = (
    """*PENTING!!* Sebarkan ke 10 grup 🙏🙏
Assalamualaikum bapak ibu, info dari grup sebelah: mulai besok semua
pegawai WAJIB ikut apel akbar jam 7 pagi, yang tidak hadir tunjangan dipotong!!!
Katanya ada hadiah undian motor 🏍️🏍️ klik link bit.ly/xyzxyz
Jangan putus di kamu ya, amin 🤲 """
    * 5
)


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "a",
        "?",
        "😀😀😀🔥",
        "x" * 50_000,
        "kampanye " * 6000,
        WHATSAPP_CHAIN,
        "'; DROP TABLE users; --",
        "<script>alert('x')</script><b>halo</b>",
        "مرحبا كيف حالك",
        "你好，请问公务员可以参加竞选吗",
        "pns\x00\x00 kampanye\x00",
        "\ud800 broken surrogate",
    ],
)
def test_bad_input_is_honest_and_fast(kb: KnowledgeBase, text: str) -> None:
    start = time.perf_counter()
    answer = kb.ask(text)
    assert time.perf_counter() - start < 0.2
    assert isinstance(answer, Answer)
    assert answer.intent in {"unknown", "greeting", "faq"}
    assert answer.intent != "tip"
    json.dumps(answer.to_json())


def test_noise_gets_no_answer(kb: KnowledgeBase) -> None:
    for text in ["", "a", "😀😀😀", "x" * 50_000, "'; DROP TABLE users; --", "你好"]:
        answer = kb.ask(text)
        assert answer.match is None, text
        assert answer.intent == "unknown", text


def test_default_instance_is_cached() -> None:
    assert load_knowledge_base() is load_knowledge_base()
