"""Cutting text to Telegram's limits, and laying out buttons."""

from __future__ import annotations

from bot.channels.telegram.chunks import split_markup, visible_len
from bot.channels.telegram.keyboard import rows
from handlers.markup import LIT_CLOSE, LIT_OPEN, literal, to_telegram_html
from handlers.messages import Button


def test_short_text_is_one_chunk() -> None:
    assert split_markup("halo", 10) == ["halo"]


def test_prefers_paragraphs_then_lines_then_words() -> None:
    text = "satu dua tiga\n\nempat lima enam\ntujuh"
    assert split_markup(text, 20) == ["satu dua tiga", "empat lima enam", "tujuh"]


def test_a_literal_cut_in_two_stays_literal_on_both_sides() -> None:
    text = "Isi: " + literal("*tebal* <b> " * 10)
    chunks = split_markup(text, 40)
    assert len(chunks) > 1
    for chunk in chunks:
        assert chunk.count(LIT_OPEN) == chunk.count(LIT_CLOSE)
        html = to_telegram_html(chunk)
        assert "<b>" not in html.replace("&lt;b&gt;", "")  # user's * and <b> never become markup
        assert visible_len(chunk) <= 40


def test_emoji_count_twice_like_telegram_counts_them() -> None:
    chunks = split_markup("😀" * 10, 10)
    assert chunks == ["😀" * 5, "😀" * 5]
    assert split_markup("a" + "😀" * 5, 10) == ["a" + "😀" * 4, "😀"]


def test_a_word_longer_than_the_limit_is_cut_hard() -> None:
    assert split_markup("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]


def test_short_labels_share_rows_long_ones_stand_alone() -> None:
    buttons = [
        Button("❓ Tanya", "a"),
        Button("📝 Lapor", "b"),
        Button("Bolehkah ASN menghadiri kampanye sebagai penonton?", "c"),
        Button("👍", "d"),
        Button("👎", "e"),
        Button("Menu", "f"),
    ]
    assert [[b.payload for b in row] for row in rows(buttons)] == [
        ["a", "b"],
        ["c"],
        ["d", "e"],
        ["f"],
    ]
