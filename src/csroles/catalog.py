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
import typing
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from csroles._validation import fail, quote, tuple_of
from csroles.errors import UnknownRoleError, UnknownTitleError
from csroles.roles import Raci, Responsibility, Role
from csroles.titles import TitleCandidates, TitleMatch, TitleParts, parse_title
from csroles.vocabulary import Language, Topic

__all__ = ["Catalog", "default_catalog"]

# How many titles a catalog remembers the answer for (first in, first out).
_TITLE_MEMO_SIZE = 2048
_LANGUAGES = tuple(Language)


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
        """The role a free-text title names, in any supported language.

        First the canonical and alternative titles, compared once case,
        spacing and apostrophe style are ignored; then the title is parsed
        (:func:`~csroles.parse_title`: plurals, articles, abbreviations,
        other word orders and grammatical cases) and matched with the parts
        of the roles' titles (:func:`~csroles.titles.match_title`: the same
        parts, else the closest role by function family and level).
        :meth:`match_title` says why. ``language`` restricts both steps to one
        language; without it, a title used by two roles in two languages
        goes to the role of the language the title is written in.

        Raises:
            UnknownTitleError: no role has the title and it does not parse
                (the message names the closest known titles and words), or
                the language of a title that two roles share cannot be told.
            InvalidEntityError: ``text`` is not a string or ``language`` not a Language.

        >>> from csroles import Language, default_catalog
        >>> catalog = default_catalog()
        >>> catalog.role_for_title("responsabile dell\u2019assistenza clienti").key
        'customer_support_manager'
        >>> catalog.role_for_title("Агент колл-центра", language=Language.RU).key
        'call_center_agent'
        >>> catalog.role_for_title("Gli ingegneri dell'assistenza clienti").key
        'customer_support_engineer'
        >>> catalog.role_for_title("Sr. Customer Care Manager").key
        'customer_service_manager'
        >>> catalog.role_for_title("Customer Service Wizzard")
        Traceback (most recent call last):
        ...
        csroles.errors.UnknownTitleError: no role has the title 'Customer Service Wizzard'; closest known titles: 'Customer Service Manager', ...; 'Customer Service Wizzard' is not a job title csroles knows (tried en, it): unknown word 'Wizzard' (closest: 'wizard', 'wizards')
        """
        memo = typing.cast(
            "dict[tuple[str, Language | None], Role] | None", self._memo.get("title_roles")
        )
        # Only exact types reach the memo: "en" equals Language.EN as a key.
        plain = type(text) is str and (language is None or type(language) is Language)
        role = memo.get((text, language)) if memo is not None and plain else None
        if role is not None:
            return role
        self._check_title_arguments("Catalog.role_for_title", text, language)
        exact = self._exact_title(text, language)
        role = exact[0] if exact is not None else self.get(self._parsed_title(text, language).key)
        memo = typing.cast(
            "dict[tuple[str, Language | None], Role]", self._memo.setdefault("title_roles", {})
        )
        if len(memo) >= _TITLE_MEMO_SIZE:
            del memo[next(iter(memo))]
        memo[(text, language)] = role
        return role

    def match_title(self, text: str, *, language: Language | None = None) -> TitleMatch:
        """How :meth:`role_for_title` resolves ``text``: the role key, and why.

        >>> from csroles import default_catalog
        >>> match = default_catalog().match_title("Senior Call-Centre Agents")
        >>> match.key, match.kind, match.title
        ('call_center_agent', 'closest', 'Call Center Agent')
        >>> match.reasons
        ("function family 'service' (call center) is the role's focus", "level individual equals the role's", "function 'call_center' as in 'Call Center Agent'", "position 'agent' as in 'Call Center Agent'", "decided by function over 'customer_service_representative'")
        >>> default_catalog().match_title("Bank Teller").kind
        'exact'

        .. versionadded:: 0.1.0
        """
        self._check_title_arguments("Catalog.match_title", text, language)
        exact = self._exact_title(text, language)
        if exact is not None:
            role, lang, normal = exact
            title = next(
                t for _, lg, t in _titles_of(role) if lg is lang and normalize_title(t) == normal
            )
            return TitleMatch(
                key=role.key,
                kind="exact",
                title=title,
                parts=None,
                decided_by="exact title",
                reasons=(f"the text is the role's title {title!r}",),
            )
        return self._parsed_title(text, language)

    @staticmethod
    def _check_title_arguments(owner: str, text: object, language: object) -> None:
        if not isinstance(text, str):
            fail(owner, "text", text, "a title as a string")
        if language is not None and not isinstance(language, Language):
            fail(owner, "language", language, "a Language or None")

    def _exact_title(
        self, text: str, language: Language | None
    ) -> tuple[Role, Language, str] | None:
        """The role that has ``text`` as a title once normalised, or ``None``.

        With the role come the language of that title and its normal form.
        """
        normal = normalize_title(text)
        titles = self._titles
        found = {}
        for lang in _LANGUAGES if language is None else (language,):
            role = titles.get((lang, normal))
            if role is not None:
                found[lang] = role
        if not found:
            return None
        roles = {role.key: role for role in found.values()}
        if len(roles) > 1:
            # Two roles share the words in two languages: the language the
            # text is written in decides, if the parser can tell it.
            try:
                written = parse_title(text).language
            except UnknownTitleError:
                written = None
            if written not in found:
                which = ", ".join(f"{role.key!r} in {lang.value!r}" for lang, role in found.items())
                msg = f"the title {text!r} is ambiguous: {which}; pass language= to choose"
                raise UnknownTitleError(msg)
            found = {written: found[written]}
        lang, role = next(iter(found.items()))
        return role, lang, normal

    def _parsed_title(self, text: str, language: Language | None) -> TitleMatch:
        """Parse ``text`` and match it with the parts of the roles' titles (memoized)."""
        memo = typing.cast(
            "dict[tuple[str, Language | None], TitleMatch]",
            self._memo.setdefault("title_matches", {}),
        )
        match = memo.get((text, language))
        if match is not None:
            return match
        try:
            parts = parse_title(text, language=language)
        except UnknownTitleError as error:
            languages = list(Language) if language is None else [language]
            message = f"{self._no_title_message(text, languages)}; {error}"
            raise UnknownTitleError(message) from None
        match = self._title_candidates().match(parts)
        if len(memo) >= _TITLE_MEMO_SIZE:
            del memo[next(iter(memo))]
        memo[(text, language)] = match
        return match

    def _title_candidates(self) -> TitleCandidates:
        """Every role's titles, parsed once (on first use) in their declared language."""
        cached = self._memo.get("title_candidates")
        if cached is None:
            parsed: dict[str, list[TitleParts]] = {}
            for role in self.roles:
                titles = parsed[role.key] = []
                for _, language, title in _titles_of(role):
                    for hint in (language, None):
                        try:
                            titles.append(parse_title(title, language=hint))
                            break
                        except UnknownTitleError:
                            continue
            cached = self._memo["title_candidates"] = TitleCandidates(
                parsed,
                levels={role.key: role.level for role in self.roles},
                focuses={role.key: role.focus for role in self.roles},
            )
        return typing.cast("TitleCandidates", cached)

    def _no_title_message(self, text: str, languages: list[Language]) -> str:
        normal = normalize_title(text)
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
        return f"no role has the title {text!r}{hint}"

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
    message = f"no role {quote(key)} in the catalog"
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
