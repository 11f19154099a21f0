"""Regulation registry: which laws the answers may cite, and what became of them."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

REGISTRY_PATH = Path(__file__).with_name("regulations.toml")
STATUSES = frozenset({"berlaku", "dicabut", "tidak berlaku"})


@dataclass(frozen=True, slots=True)
class Regulation:
    short: str
    title: str
    number: str
    year: int
    kind: str
    status: str
    replaced_by: str | None
    note: str
    plain: str
    link: str | None = None


def load_regulations(path: Path = REGISTRY_PATH) -> dict[str, Regulation]:
    """Read the registry; a broken registry is our bug, so it raises."""
    with path.open("rb") as fh:
        raw = tomllib.load(fh)
    regs: dict[str, Regulation] = {}
    for item in raw.get("regulation", []):
        reg = Regulation(
            short=str(item["short"]),
            title=str(item["title"]),
            number=str(item["number"]),
            year=int(item["year"]),
            kind=str(item["kind"]),
            status=str(item["status"]),
            replaced_by=item.get("replaced_by"),
            note=str(item.get("note", "")),
            plain=str(item["plain"]),
            link=item.get("link"),
        )
        if not reg.plain.strip():
            raise ValueError(f"regulation {reg.short}: plain name is empty")
        if reg.link is not None and not reg.link.startswith("https://"):
            raise ValueError(f"regulation {reg.short}: link must be an https URL")
        if reg.status not in STATUSES:
            raise ValueError(f"regulation {reg.short}: unknown status {reg.status!r}")
        if reg.short in regs:
            raise ValueError(f"regulation {reg.short} registered twice")
        regs[reg.short] = reg
    for reg in regs.values():
        if reg.replaced_by is not None and reg.replaced_by not in regs:
            raise ValueError(f"regulation {reg.short}: replaced_by {reg.replaced_by} unknown")
    return regs


def cited_regulation(citation: str, regs: dict[str, Regulation]) -> Regulation | None:
    """The regulation a citation names, or None.

    Longest short name first, so "SE MenPANRB 4/2024" is never read as a
    shorter name that happens to be its prefix; the name must end the text
    or be followed by a space so "UU 7/2017" does not claim "UU 7/20170".
    """
    text = citation.strip()
    for short in sorted(regs, key=len, reverse=True):
        if text == short or text.startswith(short + " "):
            return regs[short]
    return None


@dataclass(frozen=True, slots=True)
class Citation:
    """One machine citation ("UU 7/2017 Pasal 280 ayat (2) huruf f") read for people."""

    source: str
    article: str
    regulation: Regulation | None

    @property
    def plain(self) -> str:
        """The regulation's plain name with the article, e.g. "UU Pemilu (UU 7/2017) Pasal 280"."""
        if self.regulation is None:
            return self.source
        name = self.regulation.plain
        if not self.article:
            return name
        return f"{name}{' ' if name.endswith(')') else ', '}{self.article}"


def read_citation(citation: str, regs: dict[str, Regulation]) -> Citation:
    """Split a citation into its regulation and the article that follows the short name."""
    text = citation.strip()
    reg = cited_regulation(text, regs)
    article = text[len(reg.short) :].strip() if reg is not None else ""
    return Citation(source=text, article=article, regulation=reg)
