"""Templates in both languages, and hostile user text escaped for every channel."""

from __future__ import annotations

import html
from pathlib import Path

import jinja2
import pytest

from handlers.markup import (
    LIT_CLOSE,
    LIT_OPEN,
    Trusted,
    split_text,
    to_plain,
    to_telegram_html,
    to_whatsapp,
)
from handlers.messages import clean_text
from handlers.render import LOCALES, TEMPLATES, Renderer

HOSTILE = [
    "<b>bold</b> & <script>alert(1)</script>",
    "*not bold* _not italic_ `not code` ~strike~",
    "a" * 10_000,
    "emoji 🧕🏽👨‍👩‍👧 and flags 🇮🇩",
    "RTL \u202eevil\u202c مرحبا שלום",
    "NUL\x00byte and \x07bell and \ue000marker\ue001",
    "\"quotes\" 'single' <&>",
]


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer()


def test_both_locales_have_the_same_templates_and_labels(renderer: Renderer) -> None:
    names = {loc: sorted(p.name for p in (TEMPLATES / loc).iterdir()) for loc in LOCALES}
    assert names["id"] == names["en"]
    assert set(renderer.labels("id")) == set(renderer.labels("en"))


def test_missing_variable_fails_loudly(renderer: Renderer) -> None:
    with pytest.raises(jinja2.UndefinedError):
        renderer.text("unknown_command", {})


def test_missing_template_fails_loudly(renderer: Renderer) -> None:
    with pytest.raises(jinja2.TemplateNotFound):
        renderer.text("no_such_template", {})


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("evil", HOSTILE)
def test_user_text_is_escaped_in_telegram_html(renderer: Renderer, locale: str, evil: str) -> None:
    safe = clean_text(evil)
    text = renderer.text("unknown_command", {"command": safe}, locale)
    out = to_telegram_html(text)
    assert html.escape(safe, quote=False) in out
    # The only tags are the template's own; user "<b>" never becomes a tag.
    assert "<script>" not in out and "<b>bold</b>" not in out
    assert "\x00" not in out and LIT_OPEN not in out and LIT_CLOSE not in out


@pytest.mark.parametrize("evil", HOSTILE)
def test_user_markup_is_not_interpreted_on_whatsapp(renderer: Renderer, evil: str) -> None:
    text = renderer.text("language_ask", {"given": clean_text(evil)}, "id")
    out = to_whatsapp(text)
    if "*not bold*" in evil:
        assert "*not bold*" not in out  # defused with a word joiner
        assert "*\u2060not bold*\u2060" in out
    assert to_plain(text).count("Bahasa") >= 1


def test_template_markup_is_converted_per_channel() -> None:
    text = "*Tebal* dan _miring_ dan `KODE-1234`"
    assert to_telegram_html(text) == "<b>Tebal</b> dan <i>miring</i> dan <code>KODE-1234</code>"
    assert to_whatsapp(text) == "*Tebal* dan _miring_ dan ```KODE-1234```"
    assert to_plain(text) == "Tebal dan miring dan KODE-1234"


def test_trusted_knowledge_text_keeps_its_markup_but_html_is_escaped(renderer: Renderer) -> None:
    text = renderer.text(
        "answer",
        {
            "verdict": "dilarang",
            "answer": Trusted("Tidak boleh. *Like* <i>apa pun</i>."),
            "sources": ["PP 94/2021 Pasal 5 huruf n"],
            "question": "q",
            "reviewed": "2026-11-25",
        },
    )
    out = to_telegram_html(text)
    assert "<b>⛔ Dilarang</b>" in out
    assert "<b>Like</b>" in out
    assert "&lt;i&gt;apa pun&lt;/i&gt;" in out
    assert "PP 94/2021 Pasal 5 huruf n" in out


def test_snake_case_words_are_not_italicised() -> None:
    assert to_telegram_html("perintah tanya_aturan_baru") == "perintah tanya_aturan_baru"


def test_split_text_respects_limit_and_keeps_everything() -> None:
    text = ("kata " * 2000).strip()
    parts = split_text(text, 4096)
    assert all(len(p) <= 4096 for p in parts)
    assert " ".join(parts).split() == text.split()
    assert split_text("x" * 5000, 1000)[0] == "x" * 1000


def test_clean_text_strips_controls_but_keeps_lines() -> None:
    assert clean_text("a\x00b\r\nc\td\x1b[31m") == "ab\nc\td[31m"
    assert len(clean_text("z" * 100_000)) == 20_000


def test_every_template_parses(renderer: Renderer) -> None:
    for locale in LOCALES:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES / locale))
        for path in Path(TEMPLATES / locale).glob("*.j2"):
            env.parse(path.read_text(encoding="utf-8"))
