"""The role catalog: a validated, immutable collection of roles, and the built-in one.

>>> from csroles import Language, default_catalog
>>> catalog = default_catalog()
>>> len(catalog), catalog.roles[0].key
(20, 'customer_service_representative')
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
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Final

import attrs

from csroles._validation import close_matches, enum_check, fail, to_member, tuple_of
from csroles.errors import UnknownRoleError, UnknownTitleError
from csroles.roles import Raci, Responsibility, Role
from csroles.titles._normalize import quoted
from csroles.vocabulary import Language, Topic

if TYPE_CHECKING:
    from csroles._title_report import TitleReport, TitleResult
    from csroles.titles import TitleCandidates, TitleMatch, TitleParts

__all__ = ["Catalog", "TitleReport", "TitleResult", "default_catalog"]

#: How many titles a catalog remembers the role of, by default (least recently used first out).
TITLE_MEMORY: Final = 16_384
# csroles.titles.MAX_TITLE_LENGTH (a test keeps them equal), here so that building a
# catalog and finding its exact titles never import the title parser and its lexicons:
# they are imported when a title is parsed.
_MAX_TITLE_LENGTH: Final = 1000
_LANGUAGES = tuple(Language)
# Role keys are identifiers; a longer key is refused before any work.
_MAX_KEY_LENGTH: Final = 200
# How much of a refused text an error message quotes.
_SHOWN: Final = 40
_check_topic = enum_check(Topic)


def _shown(value: object) -> str:
    """``value`` quoted for a message: whole if short, else a prefix and the length."""
    if type(value) is not str:
        try:
            text = repr(value)
        except Exception:  # any repr may fail; the message must not
            text = f"<{type(value).__name__}>"
        return text if len(text) <= _SHOWN else f"{text[:_SHOWN]}..."
    return quoted(value, _SHOWN)


_OTHER_APOSTROPHES = ("\u2019", "\u2018", "\u02bc", "`", "\u00b4")


def normalize_title(text: str) -> str:
    """The form titles are compared in: NFC, casefolded, one kind of apostrophe, single spaces.

    >>> from csroles.catalog import normalize_title
    >>> normalize_title("  Responsabile  dell\u2019Assistenza clienti ")
    "responsabile dell'assistenza clienti"
    """
    if text.isascii():  # the common case, at the cost of a dict lookup's own normalising
        if "`" in text:
            text = text.replace("`", "'")
        return " ".join(text.lower().split())
    text = unicodedata.normalize("NFC", text)
    for apostrophe in _OTHER_APOSTROPHES:  # rare: a search is cheaper than a translation
        if apostrophe in text:
            text = text.replace(apostrophe, "'")
    return " ".join(text.casefold().split())


def _check_role(owner: object, field: str, value: object) -> Role:
    if not isinstance(value, Role):
        fail(owner, field, value, "a Role")
    return value


def _to_roles(value: Any) -> Any:
    if isinstance(value, list | tuple | Iterator):
        return tuple(value)
    return value


def _check_memory(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int or not 0 <= value <= 10**7:
        fail(instance, attribute.name, value, "a number of titles from 0 (remember none) to 10**7")


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

    ``title_memory`` is how many titles :meth:`role_for_title` remembers the
    role of, by their normal form (case, spacing and apostrophe style
    ignored), forgetting the least recently used first; 0 remembers none. It
    does not take part in equality.

    The builders :meth:`add`, :meth:`replace` and :meth:`remove` return new
    catalogs; nothing changes in place. To change one field of a role, use
    ``catalog.replace(attrs.evolve(catalog.get(key), field=value))``.

    >>> from csroles import Catalog, Focus, Language, Level, Role, default_catalog
    >>> mine = default_catalog().remove("telemarketer")
    >>> "telemarketer" in mine, len(mine)
    (False, 19)
    >>> Catalog(roles=[default_catalog().get("customer_advocate")])
    Traceback (most recent call last):
    ...
    csroles.errors.InvalidEntityError: Catalog.roles[0].responsibilities[3].duty: 'analyse_customer_needs', expected a duty that some role of the catalog is responsible or accountable for

    .. versionadded:: 0.1.0
    """

    roles: tuple[Role, ...] = attrs.field(converter=_to_roles, validator=tuple_of(_check_role))
    title_memory: int = attrs.field(default=TITLE_MEMORY, eq=False, validator=_check_memory)
    _by_key: dict[str, Role] = attrs.field(init=False, repr=False, eq=False)
    _titles: dict[tuple[Language, str], Role] = attrs.field(init=False, repr=False, eq=False)
    # The normal forms of _titles, whatever the language: most texts are none of them.
    _normals: frozenset[str] = attrs.field(init=False, repr=False, eq=False)
    _owners: dict[Topic, tuple[tuple[Role, Responsibility], ...]] = attrs.field(
        init=False, repr=False, eq=False
    )
    # Results of pure functions of this catalog, kept by the policies (routing).
    _memo: dict[object, object] = attrs.field(init=False, repr=False, eq=False)
    # The roles of the titles resolved, by (normal form, language), least recent first.
    _title_roles: OrderedDict[tuple[str, Language | None], Role] = attrs.field(
        init=False, repr=False, eq=False
    )

    def __attrs_post_init__(self) -> None:
        by_key, titles = self._index()
        self._check_references(by_key)
        object.__setattr__(self, "_by_key", by_key)
        object.__setattr__(self, "_titles", titles)
        object.__setattr__(self, "_normals", frozenset(normal for _, normal in titles))
        object.__setattr__(self, "_owners", _topic_owners(self.roles))
        object.__setattr__(self, "_memo", {})
        object.__setattr__(self, "_title_roles", OrderedDict())

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
            raise UnknownRoleError(_unknown_key_message(given, self.keys))
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
        return self._owners.get(_check_topic("Catalog.owners", "topic", topic), ())

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
        >>> catalog.role_for_title("Customer Service Wizzzard")
        Traceback (most recent call last):
        ...
        csroles.errors.UnknownTitleError: no role has the title 'Customer Service Wizzzard'; closest known titles: 'Customer Service Manager', ...; 'Customer Service Wizzzard' is not a job title csroles knows (tried en, it): unknown word 'Wizzzard' (closest: 'wizard', 'wizards')
        """
        if type(text) is not str or (language is not None and type(language) is not Language):
            language = self._check_title_arguments("Catalog.role_for_title", text, language)
        if len(text) > _MAX_TITLE_LENGTH:
            raise UnknownTitleError(_too_long(text))
        key = (normalize_title(text), language)
        memory = self._title_roles
        role = memory.get(key)
        if role is not None:
            memory.move_to_end(key)
            return role
        exact = (
            self._exact_title(text, language, normal=key[0]) if key[0] in self._normals else None
        )
        if exact is not None:
            role = exact[0]
        else:  # the role match_title would explain, without the explanation
            from csroles.titles._parser import quick_key

            found = quick_key(text, language)
            if found is None:
                from csroles.titles._parts import key_of

                found = key_of(self._parsed_parts(text, language))
            role = self._by_key[self._title_candidates(found[0])._choose(found)]
        if self.title_memory:
            memory[key] = role
            if len(memory) > self.title_memory:
                memory.popitem(last=False)
        return role

    def role_for_titles(
        self, texts: Iterable[str], *, language: Language | None = None
    ) -> TitleReport:
        """Resolve many titles at once: each one's role or why it was refused, and a summary.

        Texts with the same normal form are resolved once; what a report
        counts (:class:`TitleReport`) shows what a set of titles needs: how
        many resolved and by which rule, and the words most often unknown.

        Raises:
            InvalidEntityError: ``texts`` is not a collection of strings (one
                bad item names its index) or ``language`` is not a Language.

        >>> from csroles import default_catalog
        >>> report = default_catalog().role_for_titles(
        ...     [
        ...         "Customer Sucess Manager",
        ...         "CSR",
        ...         "Payroll Clerk",
        ...         "payroll  clerk",
        ...         "Support Agent",
        ...     ]
        ... )
        >>> for result in report.results:
        ...     print(result.role.key if result.role else result.refusal[:37])
        customer_success_manager
        customer_service_representative
        no role has the title 'Payroll Clerk'
        no role has the title 'payroll  clerk
        customer_support_representative
        >>> report.resolved, report.refused, dict(report.by_rule)
        (3, 2, {'exact': 1, 'parts': 1, 'closest': 1, 'typo': 1})
        >>> report.unknown_words
        (('clerk', 2), ('payroll', 2))

        .. versionadded:: 0.1.0
        """
        given: object = texts
        if isinstance(given, (str, bytes)) or not isinstance(given, Iterable):
            fail("Catalog.role_for_titles", "texts", given, "a collection of title strings")
        items = list(given)
        for index, item in enumerate(items):
            if type(item) is not str:
                fail("Catalog.role_for_titles", f"texts[{index}]", item, "a title as a string")
        language = self._check_title_arguments("Catalog.role_for_titles", "", language)
        from csroles._title_report import TitleReport

        done: dict[str, TitleResult] = {}
        results = []
        for text in items:
            normal = normalize_title(text) if len(text) <= _MAX_TITLE_LENGTH else text
            known = done.get(normal)
            if known is None:
                known = done[normal] = self._resolve_one(text, language)
            if known.text != text:
                # The role is shared; a refusal quotes the text as written.
                known = (
                    attrs.evolve(known, text=text)
                    if known.role is not None
                    else self._resolve_one(text, language)
                )
            results.append(known)
        return TitleReport.of(results, language=language)

    def _resolve_one(self, text: str, language: Language | None) -> TitleResult:
        from csroles._title_report import TitleResult

        try:
            match = self.match_title(text, language=language)
        except UnknownTitleError as error:
            return TitleResult(text=text, role=None, match=None, refusal=str(error))
        return TitleResult(text=text, role=self._by_key[match.key], match=match, refusal=None)

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
        language = self._check_title_arguments("Catalog.match_title", text, language)
        if len(text) > _MAX_TITLE_LENGTH:
            raise UnknownTitleError(_too_long(text))
        exact = self._exact_title(text, language)
        if exact is not None:
            role, lang, normal = exact
            title = next(
                t for _, lg, t in _titles_of(role) if lg is lang and normalize_title(t) == normal
            )
            from csroles.titles._match import TitleMatch

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
    def _check_title_arguments(owner: str, text: object, language: object) -> Language | None:
        """The language asked for (a member for its value), once the arguments are checked."""
        if not isinstance(text, str):
            fail(owner, "text", text, "a title as a string")
        if language is None:
            return None
        member = to_member(Language, language)
        if member is None:
            fail(owner, "language", language, "a Language (or its value) or None")
        return member

    def _exact_title(
        self, text: str, language: Language | None, *, normal: str | None = None
    ) -> tuple[Role, Language, str] | None:
        """The role that has ``text`` as a title once normalised, or ``None``.

        With the role come the language of that title and its normal form
        (``normal``, when the caller has it already).
        """
        normal = normalize_title(text) if normal is None else normal
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
            from csroles.titles._parser import parse_title

            try:
                written = parse_title(text).language
            except UnknownTitleError:
                written = None
            if written not in found:
                which = ", ".join(f"{role.key!r} in {lang.value!r}" for lang, role in found.items())
                msg = f"the title {_shown(text)} is ambiguous: {which}; pass language= to choose"
                raise UnknownTitleError(msg)
            found = {written: found[written]}
        lang, role = next(iter(found.items()))
        return role, lang, normal

    def _parsed_title(self, text: str, language: Language | None) -> TitleMatch:
        """Parse ``text`` and match it with the parts of the roles' titles."""
        parts = self._parsed_parts(text, language)
        return self._title_candidates(parts.language).match(parts)

    def _parsed_parts(self, text: str, language: Language | None) -> TitleParts:
        """The parts of ``text``, or the error that also names the closest known titles."""
        from csroles.titles._parser import parse_title

        try:
            return parse_title(text, language=language)
        except UnknownTitleError as error:
            languages = list(Language) if language is None else [language]
            message = f"{self._no_title_message(text, languages)}; {error}"
            raise UnknownTitleError(message) from None

    def _title_candidates(self, language: Language) -> TitleCandidates:
        """The roles' titles a query in ``language`` is compared with, parsed once.

        A role's titles in ``language`` when some of them read as a title,
        else all its titles that do (see :class:`~csroles.titles.TitleCandidates`);
        titles in other languages are only parsed when a query needs them.
        """
        cached = self._memo.get(("title_candidates", language))
        if cached is None:
            from csroles.titles._match import TitleCandidates

            parsed = {role.key: self._parsed_titles(role, language) for role in self.roles}
            cached = self._memo[("title_candidates", language)] = TitleCandidates(
                parsed,
                levels={role.key: role.level for role in self.roles},
                focuses={role.key: role.focus for role in self.roles},
                tiers={role.key: role.tier for role in self.roles if role.tier is not None},
            )
        return typing.cast("TitleCandidates", cached)

    def _parsed_titles(self, role: Role, language: Language) -> list[TitleParts]:
        mine = [t for _, lang, t in _titles_of(role) if lang is language]
        found = [_read_title(title, language) for title in mine]
        if not any(found):
            found = [_read_title(title, lang) for _, lang, title in _titles_of(role)]
        return [parts for parts in found if parts is not None]

    def _no_title_message(self, text: str, languages: list[Language]) -> str:
        normal = normalize_title(text)
        known = {
            normalize_title(title): title
            for role in self.roles
            for _, lang, title in _titles_of(role)
            if lang in languages
        }
        close = close_matches(normal[:_SHOWN], known, cutoff=0.5)
        hint = (
            "; closest known titles: " + ", ".join(repr(known[c]) for c in close) if close else ""
        )
        return f"no role has the title {_shown(text)}{hint}"

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
        18
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


def _read_title(title: str, language: Language) -> TitleParts | None:
    """A catalog's title as parts said to be in the language the catalog gives it in."""
    from csroles.titles._parser import read_as_written
    from csroles.titles._parts import relabel

    parts = read_as_written(title, language) or read_as_written(title, None)
    return None if parts is None else relabel(parts, language)


def _too_long(text: str) -> str:
    return (
        f"no role has the title {_shown(text)}: longer than any title "
        f"(at most {_MAX_TITLE_LENGTH} characters)"
    )


def _unknown_key_message(key: object, keys: Iterable[str]) -> str:
    keys = list(keys)
    if not isinstance(key, str):
        return f"no role {_shown(key)} in the catalog; expected a role key (a snake_case string)"
    message = f"no role {_shown(key)} in the catalog"
    if len(key) > _MAX_KEY_LENGTH:
        return f"{message}: longer than any role key (at most {_MAX_KEY_LENGTH} characters)"
    close = close_matches(key, keys)
    close += [k for k in keys if key and key in k and k not in close][: 3 - len(close)]
    if close:
        quoted = [repr(k) for k in close]
        choices = quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"
        return f"{message}; did you mean {choices}?"
    return message


@functools.cache
def default_catalog() -> Catalog:
    """The built-in catalog: the 20 roles of the articles, built on first use and then shared.

    Its roles, in order: the eleven of *LiveAgent roles* (customer service
    representative, call center agent, customer service supervisor and
    manager, customer support representative, engineer and manager, customer
    success manager, customer experience manager, customer advocate, chief
    customer officer), then call center manager and director, live chat,
    social media and email support agents, relationship manager,
    implementation specialist (*G2 service philosophy*), telemarketer (*What
    is a CSR*) and sales support representative (*ServiceNow CSR*).

    >>> from csroles import default_catalog
    >>> default_catalog() is default_catalog()
    True
    >>> default_catalog().keys[:3]
    ('customer_service_representative', 'call_center_agent', 'customer_service_supervisor')

    .. versionadded:: 0.1.0
    """
    from csroles._catalog_data import ROLES

    return Catalog(roles=ROLES)


# The classes of a batch of titles are defined on first use, not when the
# catalog is first built: creating an attrs class costs about a millisecond.
_LAZY = ("TitleReport", "TitleResult")


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from csroles import _title_report

        value = getattr(_title_report, name)
        globals()[name] = value
        return value
    msg = f"module 'csroles.catalog' has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
