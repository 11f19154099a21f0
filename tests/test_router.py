"""The router as a user meets it: commands, aliases, buttons, free text, roles."""

from __future__ import annotations

from bot.wiring import App
from handlers.markup import to_plain
from handlers.roles import Role
from tests.conftest import incoming


async def say(app: App, text: str = "", who: str = "console:tester", **kw: object) -> list[str]:
    out = await app.dispatcher.handle(incoming(text, who, **kw))
    return [to_plain(o.text) for o in out]


async def test_greeting_shows_menu(app: App) -> None:
    out = await app.dispatcher.handle(incoming("/start"))
    assert "asnbot" in to_plain(out[0].text)
    assert [b.payload for b in out[0].buttons] == [
        "menu:tanya",
        "menu:lapor",
        "menu:pengingat",
        "menu:bahasa",
    ]


async def test_help_and_its_alias_give_the_same_commands(app: App) -> None:
    assert await say(app, "/bantuan") == await say(app, "/help")
    assert "/lapor" in (await say(app, "/help"))[0]


async def test_command_with_bot_mention_and_case(app: App) -> None:
    assert await say(app, "/HELP@asn_bot") == await say(app, "/bantuan")


async def test_unknown_command_is_named_and_menu_offered(app: App) -> None:
    out = await app.dispatcher.handle(incoming("/terbang sekarang"))
    assert "/terbang" in to_plain(out[0].text)
    assert out[0].buttons


async def test_language_switch_persists_for_that_person_only(app: App) -> None:
    await say(app, "/bahasa en")
    assert "Commands" in (await say(app, "/help"))[0]
    assert "Perintah" in (await say(app, "/help", who="console:other"))[0]
    await say(app, "/language id")
    assert "Perintah" in (await say(app, "/help"))[0]


async def test_language_without_argument_offers_buttons(app: App) -> None:
    out = await app.dispatcher.handle(incoming("/bahasa klingon"))
    assert "klingon" in to_plain(out[0].text)
    assert {b.payload for b in out[0].buttons} == {"lang:id", "lang:en"}
    out = await app.dispatcher.handle(incoming(payload="lang:en"))
    assert "English" in to_plain(out[0].text)


async def test_menu_button_leads_to_its_feature(app: App) -> None:
    out = await say(app, payload="menu:tanya")
    assert "pertanyaan" in out[0].lower()


async def test_admin_command_refused_for_citizen(app: App) -> None:
    out = await say(app, "/gaps")
    assert "hanya untuk petugas" in out[0]


async def test_admin_command_allowed_for_configured_admin(app: App) -> None:
    admin = "console:boss"
    app.services.roles.granted[admin] = frozenset({Role.ADMIN})  # type: ignore[index]
    out = await say(app, "/gaps", who=admin)
    assert "hanya untuk petugas" not in out[0]


async def test_group_chatter_not_addressed_to_bot_is_ignored(app: App) -> None:
    assert await say(app, "rame banget grup ini", is_group=True, addressed=False) == []


async def test_cancel_without_anything_in_progress(app: App) -> None:
    assert "Tidak ada yang sedang berjalan" in (await say(app, "/batal"))[0]
