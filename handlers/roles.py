"""Who may do what: roles come from ``[roles]`` in config, checked in one place."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    CITIZEN = "citizen"
    ASN = "asn"
    HR = "hr"
    ADMIN = "admin"


@dataclass(frozen=True)
class RoleBook:
    """Identities granted privileged roles; everyone is a citizen and may ask."""

    admins: frozenset[str] = frozenset()
    hr_officers: frozenset[str] = frozenset()
    granted: Mapping[str, frozenset[Role]] = field(default_factory=dict)
    # HR identity -> office name: whose staff that officer's broadcasts reach.
    offices: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        admins: Iterable[str] = (),
        hr_officers: Iterable[str] = (),
        granted: Mapping[str, Iterable[Role]] | None = None,
        offices: Mapping[str, str] | None = None,
    ) -> RoleBook:
        """``offices`` (``[roles] hr_offices``) makes each of its identities an HR officer too."""
        offices = {_canonical(k): " ".join(v.split()) for k, v in (offices or {}).items()}
        return cls(
            admins=frozenset(_canonical(a) for a in admins),
            hr_officers=frozenset(_canonical(h) for h in hr_officers) | frozenset(offices),
            granted={k: frozenset(v) for k, v in (granted or {}).items()},
            offices=offices,
        )

    def roles_of(self, identity: str) -> frozenset[Role]:
        roles = {Role.CITIZEN, Role.ASN}
        who = _canonical(identity)
        if who in self.hr_officers:
            roles.add(Role.HR)
        if who in self.admins:
            roles.update({Role.ADMIN, Role.HR})
        roles.update(self.granted.get(identity, ()))
        if Role.ADMIN in roles:
            roles.add(Role.HR)
        return frozenset(roles)

    def office_of(self, identity: str) -> str | None:
        return self.offices.get(_canonical(identity))

    def known_offices(self) -> tuple[str, ...]:
        return tuple(sorted(set(self.offices.values())))

    def chats_with(self, role: Role) -> frozenset[str]:
        """Identities holding ``role`` by configuration (for alerts)."""
        people = self.admins if role is Role.ADMIN else self.admins | self.hr_officers
        return frozenset(people | {k for k, v in self.granted.items() if role in v})


def _canonical(identity: str) -> str:
    # "whatsapp:+62…" and "whatsapp:62…" are the same person.
    if identity.startswith("whatsapp:") and not identity.startswith("whatsapp:+"):
        return "whatsapp:+" + identity.removeprefix("whatsapp:")
    return identity.strip()
