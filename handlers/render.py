"""Turns ``Reply`` objects into ``Outgoing`` text from the locale's templates.

Every value a template prints is marked literal (see ``markup``), unless it is
``Trusted``: user text can never inject markup into any channel's format.
Missing templates, variables or labels fail loudly (StrictUndefined).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from handlers.markup import Trusted, literal
from handlers.messages import Button, Outgoing, Reply

if TYPE_CHECKING:
    import jinja2

TEMPLATES = Path(__file__).parent / "templates"
LOCALES = ("id", "en")
DEFAULT_LOCALE = "id"


def _finalize(value: Any) -> str:
    if isinstance(value, Trusted):
        return str(value)
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, int | float):
        return str(value) if isinstance(value, int) else f"{value:g}"
    return literal(str(value))


def _thousands(value: int, locale: str) -> str:
    text = f"{value:,}"
    return text.replace(",", ".") if locale == "id" else text


class MissingLabelError(KeyError):
    pass


class Renderer:
    """One Jinja2 environment per locale, sharing the same folder layout."""

    def __init__(self, root: Path = TEMPLATES) -> None:
        import jinja2  # here: importing handlers (asnbot ask --json) needs no Jinja2

        self._envs: dict[str, jinja2.Environment] = {}
        self._labels: dict[str, dict[str, str]] = {}
        for locale in LOCALES:
            env = jinja2.Environment(
                loader=jinja2.FileSystemLoader(root / locale),
                undefined=jinja2.StrictUndefined,
                # Escaping is per channel (HTML, WhatsApp, plain): finalize marks every
                # printed value literal, and each channel escapes literals its own way.
                autoescape=False,  # noqa: S701
                finalize=_finalize,
                trim_blocks=True,
                lstrip_blocks=True,
                keep_trailing_newline=False,
                # Templates ship with the code: no stat() of the file on every render.
                auto_reload=False,
            )
            env.filters["ribuan"] = lambda v, _l=locale: Trusted(_thousands(int(v), _l))
            env.filters["trusted"] = lambda v: Trusted(str(v))
            self._envs[locale] = env
            with (root / locale / "labels.toml").open("rb") as fh:
                self._labels[locale] = _flatten(tomllib.load(fh))
            env.globals["label"] = lambda key, _l=locale: Trusted(self.label(key, _l))

    def locale(self, wanted: str | None) -> str:
        return wanted if wanted in self._envs else DEFAULT_LOCALE

    def text(self, template: str, context: Mapping[str, Any], locale: str | None = None) -> str:
        env = self._envs[self.locale(locale)]
        name = template if template.endswith(".j2") else f"{template}.j2"
        return env.get_template(name).render(**context).strip()

    def label(self, key: str, locale: str | None = None, **args: Any) -> str:
        labels = self._labels[self.locale(locale)]
        if key not in labels:
            raise MissingLabelError(key)
        return labels[key].format(**args) if args else labels[key]

    def labels(self, locale: str | None = None) -> Mapping[str, str]:
        return self._labels[self.locale(locale)]

    def render(self, reply: Reply, locale: str | None = None) -> Outgoing:
        buttons = tuple(
            Button(
                label=c.label if c.literal else self.label(c.label, locale, **c.args),
                payload=c.payload,
            )
            for c in reply.choices
        )
        text = self.text(reply.template, reply.context, locale)
        if reply.footer is not None:
            text += "\n\n" + self.text(reply.footer.template, reply.footer.context, locale)
        return Outgoing(
            text=text,
            buttons=buttons,
            photos=reply.photos,
            documents=reply.documents,
        )


def _flatten(tree: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in tree.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(_flatten(value, f"{name}."))
        else:
            flat[name] = str(value)
    return flat


@cache
def default_renderer() -> Renderer:
    return Renderer()
