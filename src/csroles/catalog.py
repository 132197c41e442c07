"""The role catalog: a validated, immutable collection of roles, and the built-in one.

>>> from csroles import Language, default_catalog
>>> catalog = default_catalog()
>>> len(catalog), catalog.roles[0].key
(19, 'customer_service_representative')
>>> catalog.get("customer_success_manager").titles[Language.RU]
'Менеджер по развитию клиентов'
>>> catalog.role_for_title("Customer Care Agent").key
'customer_service_representative'

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from csroles._validation import fail, tuple_of
from csroles.errors import UnknownRoleError, UnknownTitleError
from csroles.roles import Raci, Responsibility, Role
from csroles.vocabulary import Language, Topic

__all__ = ["Catalog", "default_catalog"]


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})


def normalize_title(text: str) -> str:
    """The form titles are compared in: NFC, casefolded, one kind of apostrophe, single spaces.

    >>> from csroles.catalog import normalize_title
    >>> normalize_title("  Responsabile  dell\u2019Assistenza clienti ")
    "responsabile dell'assistenza clienti"
    """
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES).casefold()
    return " ".join(text.split())


def _check_role(owner: object, field: str, value: object) -> Role:
    if not isinstance(value, Role):
        fail(owner, field, value, "a Role")
    return value


def _to_roles(value: Any) -> Any:
    if isinstance(value, list | tuple | Iterator):
        return tuple(value)
    return value


@attrs.frozen(kw_only=True)
class Catalog:
    """A validated, immutable collection of roles, with lookup by key and by title.

    On construction the catalog checks that keys are unique, that no two
    titles (canonical or alternative) are the same in one language once
    case, spacing and apostrophe style are ignored, that every role key it
    references (career paths, ``reports_to``) is in the catalog, and that
    every duty a role has a part in has an owner: a role responsible or
    accountable for it. A breach raises
    :class:`~csroles.InvalidEntityError` naming the role and field.

    The builders :meth:`add`, :meth:`replace` and :meth:`remove` return new
    catalogs; nothing changes in place. To change one field of a role, use
    ``catalog.replace(attrs.evolve(catalog.get(key), field=value))``.

    >>> from csroles import Catalog, Focus, Language, Level, Role, default_catalog
    >>> mine = default_catalog().remove("telemarketer")
    >>> "telemarketer" in mine, len(mine)
    (False, 18)
    >>> Catalog(roles=[default_catalog().get("customer_advocate")])
    Traceback (most recent call last):
    ...
    csroles.errors.InvalidEntityError: Catalog.roles[0].responsibilities[1].duty: 'analyse_customer_needs', expected a duty that some role of the catalog is responsible or accountable for

    .. versionadded:: 0.1.0
    """

    roles: tuple[Role, ...] = attrs.field(converter=_to_roles, validator=tuple_of(_check_role))
    _by_key: dict[str, Role] = attrs.field(init=False, repr=False, eq=False)
    _titles: dict[tuple[Language, str], Role] = attrs.field(init=False, repr=False, eq=False)
    _owners: dict[Topic, tuple[tuple[Role, Responsibility], ...]] = attrs.field(
        init=False, repr=False, eq=False
    )
    # Results of pure functions of this catalog, kept by the policies (routing).
    _memo: dict[object, object] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        by_key, titles = self._index()
        self._check_references(by_key)
        object.__setattr__(self, "_by_key", by_key)
        object.__setattr__(self, "_titles", titles)
        object.__setattr__(self, "_owners", _topic_owners(self.roles))
        object.__setattr__(self, "_memo", {})

    def _index(self) -> tuple[dict[str, Role], dict[tuple[Language, str], Role]]:
        """Index the roles by key and by normalised title, refusing duplicates."""
        by_key: dict[str, Role] = {}
        titles: dict[tuple[Language, str], Role] = {}
        for index, role in enumerate(self.roles):
            if role.key in by_key:
                fail(self, f"roles[{index}].key", role.key, "a key that no other role uses")
            by_key[role.key] = role
            for field, language, title in _titles_of(role):
                normal = normalize_title(title)
                other = titles.get((language, normal))
                if other is not None:
                    fail(
                        self,
                        f"roles[{index}].{field}",
                        title,
                        f"a title not already used by role {other.key!r} in {language.value!r} "
                        "(titles are compared ignoring case, spacing and apostrophe style)",
                    )
                titles[(language, normal)] = role
        return by_key, titles

    def _check_references(self, by_key: dict[str, Role]) -> None:
        """Refuse role keys that are not in the catalog, and duties without an owner."""
        owned = {r.duty for role in self.roles for r in role.responsibilities if r.raci.owns}
        for index, role in enumerate(self.roles):
            for position, key in enumerate(role.career_paths):
                if key not in by_key:
                    fail(self, f"roles[{index}].career_paths[{position}]", key, _IN_CATALOG)
            if role.reports_to is not None and role.reports_to not in by_key:
                fail(self, f"roles[{index}].reports_to", role.reports_to, _IN_CATALOG)
            for position, responsibility in enumerate(role.responsibilities):
                if responsibility.duty not in owned:
                    fail(
                        self,
                        f"roles[{index}].responsibilities[{position}].duty",
                        responsibility.duty.value,
                        "a duty that some role of the catalog is responsible or accountable for",
                    )

    # ------------------------------------------------------------ lookup

    @property
    def keys(self) -> tuple[str, ...]:
        """The role keys, in catalog order."""
        return tuple(self._by_key)

    def __len__(self) -> int:
        return len(self.roles)

    def __iter__(self) -> Iterator[Role]:
        return iter(self.roles)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._by_key

    def get(self, key: str) -> Role:
        """The role with ``key``; :class:`~csroles.UnknownRoleError` suggests close keys if none.

        >>> from csroles import default_catalog
        >>> default_catalog().get("call_center_agent").level
        <Level.INDIVIDUAL: 'individual'>
        >>> default_catalog().get("call_centre_agent")
        Traceback (most recent call last):
        ...
        csroles.errors.UnknownRoleError: no role 'call_centre_agent' in the catalog; did you mean 'call_center_agent', 'call_center_manager' or 'call_center_director'?
        """
        given: object = key  # callers may pass anything
        role = self._by_key.get(key) if isinstance(given, str) else None
        if role is None:
            raise UnknownRoleError(_unknown_key_message(key, self.keys))
        return role

    def owners(self, topic: Topic) -> tuple[tuple[Role, Responsibility], ...]:
        """The roles that own (are responsible or accountable for) a duty covering ``topic``.

        Each role comes once, in catalog order, with the responsibility that
        covers the topic: the first it is responsible for, else the first it is
        accountable for.

        >>> from csroles import Topic, default_catalog
        >>> [(role.key, r.duty.value) for role, r in default_catalog().owners(Topic.RETURN)]
        [('customer_service_representative', 'handle_returns'), ('customer_service_manager', 'handle_returns')]
        """
        if not isinstance(topic, Topic):
            fail("Catalog.owners", "topic", topic, "a Topic")
        return self._owners.get(topic, ())

    def role_for_title(self, text: str, *, language: Language | None = None) -> Role:
        """The role whose canonical or alternative title is ``text``.

        Titles match when they are equal once case, spacing and apostrophe
        style are ignored. ``language`` restricts the search to one language;
        without it, a title used by two roles in two languages is ambiguous
        and refused. :class:`~csroles.UnknownTitleError` names the closest
        known titles when nothing matches.

        >>> from csroles import Language, default_catalog
        >>> catalog = default_catalog()
        >>> catalog.role_for_title("responsabile dell\u2019assistenza clienti").key
        'customer_support_manager'
        >>> catalog.role_for_title("Агент колл-центра", language=Language.RU).key
        'call_center_agent'
        >>> catalog.role_for_title("Customer Service Wizard")
        Traceback (most recent call last):
        ...
        csroles.errors.UnknownTitleError: no role has the title 'Customer Service Wizard'; closest known titles: 'Customer Service Manager', ...
        """
        if not isinstance(text, str):
            fail("Catalog.role_for_title", "text", text, "a title as a string")
        if language is not None and not isinstance(language, Language):
            fail("Catalog.role_for_title", "language", language, "a Language or None")
        return self._exact_title(text, language)

    def _exact_title(self, text: str, language: Language | None) -> Role:
        """Exact matching of normalised titles: the replaceable core of :meth:`role_for_title`."""
        normal = normalize_title(text)
        languages = list(Language) if language is None else [language]
        found = {
            lang: self._titles[(lang, normal)]
            for lang in languages
            if (lang, normal) in self._titles
        }
        roles = {role.key: role for role in found.values()}
        if len(roles) == 1:
            return next(iter(roles.values()))
        if roles:
            which = ", ".join(f"{role.key!r} in {lang.value!r}" for lang, role in found.items())
            msg = f"the title {text!r} is ambiguous: {which}; pass language= to choose"
            raise UnknownTitleError(msg)
        known = {
            normalize_title(title): title
            for role in self.roles
            for _, lang, title in _titles_of(role)
            if lang in languages
        }
        from difflib import get_close_matches  # only when a lookup fails

        close = get_close_matches(normal, list(known), n=3, cutoff=0.5)
        hint = (
            "; closest known titles: " + ", ".join(repr(known[c]) for c in close) if close else ""
        )
        raise UnknownTitleError(f"no role has the title {text!r}{hint}")

    # ------------------------------------------------------------ builders

    def add(self, *roles: Role) -> Catalog:
        """A new catalog with ``roles`` appended (their keys must be new).

        >>> from csroles import Duty, Focus, Language, Level, Responsibility, Role, default_catalog
        >>> night = Role(
        ...     key="night_shift_agent",
        ...     level=Level.INDIVIDUAL,
        ...     focus=Focus.SERVICE,
        ...     titles={Language.EN: "Night Shift Agent"},
        ...     responsibilities=[Responsibility(duty=Duty.HANDLE_COMPLAINTS)],
        ... )
        >>> default_catalog().add(night).keys[-1]
        'night_shift_agent'
        """
        for role in roles:
            given: object = role  # checked by Catalog() below if it is not a Role
            if isinstance(given, Role) and given.key in self._by_key:
                fail(
                    "Catalog.add",
                    "roles",
                    role.key,
                    "a role whose key is not in the catalog yet (use replace() to change one)",
                )
        return Catalog(roles=(*self.roles, *roles))

    def replace(self, *roles: Role) -> Catalog:
        """A new catalog where each of ``roles`` takes the place of the role with its key.

        >>> import attrs
        >>> from csroles import default_catalog
        >>> catalog = default_catalog()
        >>> agent = attrs.evolve(catalog.get("call_center_agent"), daily_quota=80)
        >>> catalog.replace(agent).get("call_center_agent").daily_quota
        80
        """
        by_key: dict[str, Role] = {}
        for role in roles:
            _check_role("Catalog.replace", "roles", role)
            self.get(role.key)
            by_key[role.key] = role
        return Catalog(roles=tuple(by_key.get(r.key, r) for r in self.roles))

    def remove(self, *keys: str) -> Catalog:
        """A new catalog without the roles with ``keys``.

        Removing a role that another role still refers to (career path,
        ``reports_to``) or that is the only owner of a duty raises
        :class:`~csroles.InvalidEntityError`: remove or replace those too.

        >>> from csroles import default_catalog
        >>> len(default_catalog().remove("social_media_agent", "email_support_agent"))
        17
        """
        for key in keys:
            self.get(key)
        return Catalog(roles=tuple(r for r in self.roles if r.key not in keys))


_IN_CATALOG = "the key of a role in the catalog"


def _topic_owners(
    roles: tuple[Role, ...],
) -> dict[Topic, tuple[tuple[Role, Responsibility], ...]]:
    """For each topic, the roles owning a duty that covers it, in catalog order, each once.

    A role's entry is the first duty it is responsible for, else the first it
    is accountable for.
    """
    owners: dict[Topic, dict[str, tuple[Role, Responsibility]]] = {}
    for role in roles:
        for responsibility in role.responsibilities:
            if not responsibility.raci.owns:
                continue
            for topic in responsibility.topics:
                by_role = owners.setdefault(topic, {})
                known = by_role.get(role.key)
                if known is None or (
                    known[1].raci is Raci.ACCOUNTABLE and responsibility.raci is Raci.RESPONSIBLE
                ):
                    by_role[role.key] = (role, responsibility)
    return {topic: tuple(by_role.values()) for topic, by_role in owners.items()}


def _titles_of(role: Role) -> Iterator[tuple[str, Language, str]]:
    """``(field, language, title)`` for every canonical and alternative title of ``role``."""
    for language, title in role.titles.items():
        yield f"titles[{language.value}]", language, title
    for language, alternatives in role.alternative_titles.items():
        for index, title in enumerate(alternatives):
            yield f"alternative_titles[{language.value}][{index}]", language, title


def _unknown_key_message(key: object, keys: Iterable[str]) -> str:
    keys = list(keys)
    message = f"no role {key!r} in the catalog"
    if not isinstance(key, str):
        return f"{message}; expected a role key (a snake_case string)"
    from difflib import get_close_matches  # only when a lookup fails

    close = get_close_matches(key, keys, n=3, cutoff=0.6)
    close += [k for k in keys if key and key in k and k not in close][: 3 - len(close)]
    if close:
        quoted = [repr(k) for k in close]
        choices = quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"
        return f"{message}; did you mean {choices}?"
    return message


@functools.cache
def default_catalog() -> Catalog:
    """The built-in catalog: the 19 roles of the seeds, built on first use and then shared.

    Its roles, in order: the eleven of seeds 000/001 (customer service
    representative, call center agent, customer service supervisor and
    manager, customer support representative, engineer and manager, customer
    success manager, customer experience manager, customer advocate, chief
    customer officer), then call center manager and director, live chat,
    social media and email support agents, relationship manager,
    implementation specialist (seed 003) and telemarketer (seed 004).

    >>> from csroles import default_catalog
    >>> default_catalog() is default_catalog()
    True
    >>> default_catalog().keys[:3]
    ('customer_service_representative', 'call_center_agent', 'customer_service_supervisor')

    .. versionadded:: 0.1.0
    """
    from csroles._catalog_data import ROLES

    return Catalog(roles=ROLES)
