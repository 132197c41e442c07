"""Who does what, who may decide what, and where a career leads.

- :func:`raci_matrix` and :func:`check_responsibilities`: the RACI matrix of a
  set of roles, and the findings that show where responsibilities are unclear.
- :func:`may_decide`: whether a role may decide a :class:`~csroles.Request`
  alone, and if not, the lowest level that may.
- :func:`career_paths_from`, :func:`career_paths_to` and :func:`career_path`:
  the roles a role leads to, the roles that lead to it, and the way between two.

>>> from csroles import Duty, check_responsibilities, default_catalog, raci_matrix
>>> raci_matrix(default_catalog()).accountable(Duty.HANDLE_COMPLAINTS)
('customer_service_manager',)
>>> check_responsibilities(default_catalog())
()

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum
from collections import deque
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import cast

import attrs

from csroles._mapping import FrozenMapping
from csroles._validation import enum_check, fail
from csroles.catalog import Catalog, default_catalog
from csroles.roles import Duty, Raci, Request, Role
from csroles.vocabulary import Level

__all__ = [
    "AuthorityDecision",
    "FindingCode",
    "RaciMatrix",
    "ResponsibilityFinding",
    "career_path",
    "career_paths_from",
    "career_paths_to",
    "check_responsibilities",
    "may_decide",
    "raci_matrix",
]


def _roles_of(roles: Catalog | Iterable[Role], function: str) -> tuple[Role, ...]:
    if isinstance(roles, Catalog):
        return roles.roles
    if isinstance(roles, str | bytes | Mapping) or not isinstance(roles, Iterable):
        fail(function, "roles", roles, "a Catalog or an iterable of Role")
    result = tuple(roles)
    keys: set[str] = set()
    for index, role in enumerate(result):
        if not isinstance(role, Role):
            fail(function, f"roles[{index}]", role, "a Role")
        if role.key in keys:
            fail(function, f"roles[{index}].key", role.key, "a key that no other role uses")
        keys.add(role.key)
    return result


# ---------------------------------------------------------------- RACI matrix


_check_duty = enum_check(Duty)
_check_raci = enum_check(Raci)


@attrs.frozen(kw_only=True)
class RaciMatrix:
    """Which roles are Responsible, Accountable, Consulted or Informed for each duty.

    Attributes:
        roles: The role keys (the matrix's columns), in the order given.
        duties: The duties some role has a part in (its rows), in :class:`~csroles.Duty` order.
        cells: ``cells[duty][role_key]`` is the role's letter for the duty;
            roles with no part in a duty are absent from its row.

    >>> from csroles import Duty, Raci, default_catalog, raci_matrix
    >>> matrix = raci_matrix(default_catalog())
    >>> matrix.get(Duty.HIRE, "customer_service_supervisor")
    <Raci.RESPONSIBLE: 'responsible'>
    >>> matrix.with_letter(Duty.ANALYSE_CUSTOMER_NEEDS, Raci.CONSULTED)
    ('customer_advocate',)

    .. versionadded:: 0.1.0
    """

    roles: tuple[str, ...]
    duties: tuple[Duty, ...]
    cells: Mapping[Duty, Mapping[str, Raci]]

    def get(self, duty: Duty, role: str) -> Raci | None:
        """The letter of ``role`` (a key) for ``duty``, or None if it has no part in it."""
        duty = _check_duty("RaciMatrix.get", "duty", duty)
        given: object = role
        if not isinstance(given, str):
            fail("RaciMatrix.get", "role", role, "a role key")
        row = self.cells.get(duty)
        return None if row is None else row.get(role)

    def with_letter(self, duty: Duty, raci: Raci) -> tuple[str, ...]:
        """The keys of the roles with letter ``raci`` for ``duty``, in column order."""
        duty = _check_duty("RaciMatrix.with_letter", "duty", duty)
        raci = _check_raci("RaciMatrix.with_letter", "raci", raci)
        row = self.cells.get(duty, {})
        return tuple(key for key in self.roles if row.get(key) is raci)

    def responsible(self, duty: Duty) -> tuple[str, ...]:
        """The roles responsible for ``duty`` (they do the work)."""
        return self.with_letter(duty, Raci.RESPONSIBLE)

    def accountable(self, duty: Duty) -> tuple[str, ...]:
        """The roles accountable for ``duty`` (they answer for it); one is the healthy number."""
        return self.with_letter(duty, Raci.ACCOUNTABLE)

    def to_markdown(self) -> str:
        """The matrix as a markdown table: one row a duty, the roles of each letter.

        >>> from csroles import default_catalog, raci_matrix
        >>> print(raci_matrix(default_catalog()).to_markdown().splitlines()[0])
        | duty | responsible | accountable | consulted | informed |
        """
        lines = [
            "| duty | responsible | accountable | consulted | informed |",
            "|---|---|---|---|---|",
        ]
        for duty in self.duties:
            cells = [", ".join(f"`{k}`" for k in self.with_letter(duty, raci)) for raci in Raci]
            lines.append(f"| `{duty.value}` | " + " | ".join(cells) + " |")
        return "\n".join(lines) + "\n"


def raci_matrix(roles: Catalog | Iterable[Role]) -> RaciMatrix:
    """The RACI matrix of a catalog, or of any roles (for instance those an org chart holds).

    >>> from csroles import Duty, default_catalog, raci_matrix
    >>> matrix = raci_matrix(default_catalog())
    >>> matrix.responsible(Duty.HANDLE_RETURNS), matrix.accountable(Duty.HANDLE_RETURNS)
    (('customer_service_representative',), ('customer_service_manager',))

    .. versionadded:: 0.1.0
    """
    members = _roles_of(roles, "raci_matrix")
    rows: dict[Duty, dict[str, Raci]] = {}
    for role in members:
        for responsibility in role.responsibilities:
            rows.setdefault(responsibility.duty, {}).setdefault(role.key, responsibility.raci)
    duties = tuple(duty for duty in Duty if duty in rows)
    return RaciMatrix(
        roles=tuple(dict.fromkeys(role.key for role in members)),
        duties=duties,
        cells=FrozenMapping({duty: FrozenMapping(rows[duty]) for duty in duties}),
    )


class FindingCode(enum.StrEnum):
    """The stable codes of :class:`ResponsibilityFinding`.

    ======================= ====================================================
    code                    finding
    ======================= ====================================================
    ``no_accountable``      a duty that roles take part in, but none is accountable for
    ``several_accountable`` a duty with more than one accountable role
    ``role_without_duties`` a role with no duty at all
    ``indistinct_roles``    two roles with different titles but the same level
                            and the same duties with the same letters
    ======================= ====================================================

    >>> from csroles import FindingCode
    >>> FindingCode.NO_ACCOUNTABLE == "no_accountable"
    True

    .. versionadded:: 0.1.0
    """

    NO_ACCOUNTABLE = "no_accountable"
    SEVERAL_ACCOUNTABLE = "several_accountable"
    ROLE_WITHOUT_DUTIES = "role_without_duties"
    INDISTINCT_ROLES = "indistinct_roles"


@attrs.frozen(kw_only=True)
class ResponsibilityFinding:
    """One place where responsibilities are unclear.

    Attributes:
        code: What kind of problem it is (stable, for programs).
        subject: The duty (its value) or the role key the finding is about.
        related: The other role keys involved (the responsible or accountable
            roles of a duty; the earlier role an indistinct role duplicates).
        message: The finding in words, for people.

    >>> from csroles import FindingCode, ResponsibilityFinding
    >>> ResponsibilityFinding(
    ...     code=FindingCode.ROLE_WITHOUT_DUTIES,
    ...     subject="greeter",
    ...     message="role 'greeter' has no duties",
    ... ).code.value
    'role_without_duties'

    .. versionadded:: 0.1.0
    """

    code: FindingCode
    subject: str
    related: tuple[str, ...] = ()
    message: str


def check_responsibilities(roles: Catalog | Iterable[Role]) -> tuple[ResponsibilityFinding, ...]:
    """Findings that show where responsibilities are unclear (*LiveAgent roles*: titles should make clear who is responsible for what).

    Duty findings come first, in :class:`~csroles.Duty` order, then role
    findings in the order of the roles. The built-in catalog has none.

    >>> from csroles import Raci, check_responsibilities, default_catalog
    >>> import attrs
    >>> catalog = default_catalog()
    >>> csm = catalog.get("customer_service_manager")
    >>> blurred = catalog.replace(
    ...     attrs.evolve(
    ...         csm,
    ...         responsibilities=[
    ...             attrs.evolve(r, raci=Raci.RESPONSIBLE) if r.duty == "handle_returns" else r
    ...             for r in csm.responsibilities
    ...         ],
    ...     )
    ... )
    >>> for finding in check_responsibilities(blurred):
    ...     print(finding.code.value, finding.subject, finding.related)
    no_accountable handle_returns ('customer_service_representative', 'customer_service_manager')

    .. versionadded:: 0.1.0
    """
    members = _roles_of(roles, "check_responsibilities")
    matrix = raci_matrix(members)
    findings: list[ResponsibilityFinding] = []
    for duty in matrix.duties:
        accountable = matrix.accountable(duty)
        if not accountable:
            responsible = matrix.responsible(duty)
            findings.append(
                ResponsibilityFinding(
                    code=FindingCode.NO_ACCOUNTABLE,
                    subject=duty.value,
                    related=responsible,
                    message=f"no role is accountable for duty {duty.value!r}"
                    + (f" (responsible: {', '.join(responsible)})" if responsible else ""),
                )
            )
        elif len(accountable) > 1:
            findings.append(
                ResponsibilityFinding(
                    code=FindingCode.SEVERAL_ACCOUNTABLE,
                    subject=duty.value,
                    related=accountable,
                    message=f"{len(accountable)} roles are accountable for duty {duty.value!r}: "
                    f"{', '.join(accountable)}; one should be",
                )
            )
    seen: dict[tuple[Level, frozenset[tuple[Duty, Raci]]], list[Role]] = {}
    for role in members:
        if not role.responsibilities:
            findings.append(
                ResponsibilityFinding(
                    code=FindingCode.ROLE_WITHOUT_DUTIES,
                    subject=role.key,
                    message=f"role {role.key!r} has no duties",
                )
            )
            continue
        shape = (role.level, frozenset((r.duty, r.raci) for r in role.responsibilities))
        earlier = seen.setdefault(shape, [])
        twin = next((other for other in earlier if other.titles != role.titles), None)
        if twin is not None:
            findings.append(
                ResponsibilityFinding(
                    code=FindingCode.INDISTINCT_ROLES,
                    subject=role.key,
                    related=(twin.key,),
                    message=f"roles {twin.key!r} and {role.key!r} have different titles but the "
                    f"same level ({role.level.value}) and the same duties: their titles do not "
                    "say who is responsible for what",
                )
            )
        earlier.append(role)
    return tuple(findings)


# ---------------------------------------------------------------- authority


@attrs.frozen(kw_only=True)
class AuthorityDecision:
    """Whether a role may decide a request alone, why, and who may if it may not.

    Attributes:
        role: The key of the role asked.
        request: What was asked.
        allowed: Whether the role may decide it alone.
        reason: Why, in words.
        lowest_level: The lowest level at which a role of the catalog may
            decide it alone (None if no role may).
        deciders: The keys of the roles at ``lowest_level`` that may, in catalog order.

    >>> from csroles import Request, may_decide
    >>> decision = may_decide("call_center_manager", Request.hire())
    >>> decision.allowed, decision.reason
    (True, 'call_center_manager may approve hires')

    .. versionadded:: 0.1.0
    """

    role: str
    request: Request
    allowed: bool
    reason: str
    lowest_level: Level | None
    deciders: tuple[str, ...]


def may_decide(
    role: Role | str, request: Request, *, catalog: Catalog | None = None
) -> AuthorityDecision:
    """Whether ``role`` may decide ``request`` alone, with the reason and the lowest level that may.

    ``role`` is a :class:`~csroles.Role` or the key of one in ``catalog``
    (default: :func:`~csroles.default_catalog`). In the built-in catalog,
    individual contributors may decide nothing alone (*What is a CSR*: representatives
    do not make the rules), supervisors may change priorities, and managers
    and above may decide everything.

    >>> from csroles import Request, may_decide
    >>> decision = may_decide("customer_service_representative", Request.refund(30, "EUR"))
    >>> decision.allowed, decision.lowest_level, decision.deciders[0]
    (False, <Level.MANAGER: 'manager'>, 'customer_service_manager')
    >>> print(decision.reason)
    customer_service_representative may not grant refunds or credits; the lowest level that may is manager (customer_service_manager, customer_support_manager, ...)
    >>> may_decide("customer_service_supervisor", Request.priority_change()).reason
    'customer_service_supervisor may change priorities'

    .. versionadded:: 0.1.0
    """
    if catalog is None:
        catalog = default_catalog()
    elif not isinstance(catalog, Catalog):
        fail("may_decide", "catalog", catalog, "a Catalog or None")
    if not isinstance(request, Request):
        fail("may_decide", "request", request, "a Request")
    if isinstance(role, str):
        role = catalog.get(role)
    elif not isinstance(role, Role):
        fail("may_decide", "role", role, "a Role or a role key")
    authority = role.authority
    refusal = authority._refusal(request)
    level, deciders = _lowest(catalog, request)
    if refusal is None:
        reason = f"{role.key} {authority._grant(request)}"
    elif level is None:
        reason = (
            f"{role.key} {refusal}; no role of the catalog may decide {request.describe()} alone"
        )
    else:
        names = ", ".join(deciders[:2]) + (", ..." if len(deciders) > 2 else "")
        reason = f"{role.key} {refusal}; the lowest level that may is {level.value} ({names})"
    return AuthorityDecision(
        role=role.key,
        request=request,
        allowed=refusal is None,
        reason=reason,
        lowest_level=level,
        deciders=deciders,
    )


_Lowest = tuple[Level | None, tuple[str, ...]]


def _lowest(catalog: Catalog, request: Request) -> _Lowest:
    """The lowest level whose roles may decide ``request``, and those roles in catalog order.

    The answer for a non-monetary action depends on the action alone; for a
    refund or credit, on the amount and a per-currency ladder of the roles'
    limits. Both are kept in the catalog's cache.
    """
    memo = catalog._memo
    if not request.action.is_monetary:
        known = memo.get(("lowest", request.action))
        if known is None:
            known = _scan(_by_level(catalog, monetary=False), request)
            memo[("lowest", request.action)] = known
        return cast("_Lowest", known)
    ladder = memo.get(("ladder", request.currency))
    if ladder is None:
        ladder = _ladder(catalog, cast("str", request.currency))
        memo[("ladder", request.currency)] = ladder
    amount = cast("Decimal", request.amount)
    for level, highest, limits in cast("_Ladder", ladder):
        if amount <= highest:
            return level, tuple(key for key, limit in limits if amount <= limit)
    return None, ()


_NO_LIMIT = Decimal("Infinity")
_Ladder = tuple[tuple[Level, Decimal, tuple[tuple[str, Decimal], ...]], ...]


def _ladder(catalog: Catalog, currency: str) -> _Ladder:
    """Per level, lowest first: the refund limits in ``currency`` of the roles that have one.

    A limit in another currency counts as none (currencies are not
    converted); a limit without a currency is zero or unlimited (``Authority``).
    No limit compares as an infinite Decimal here.
    """
    rungs = []
    for level, roles in _by_level(catalog, monetary=True):
        limits = tuple(
            (
                role.key,
                _NO_LIMIT if role.authority.refund_limit is None else role.authority.refund_limit,
            )
            for role in roles
            if role.authority.currency in (None, currency)
        )
        if limits:
            rungs.append((level, max(limit for _, limit in limits), limits))
    return tuple(rungs)


def _by_level(catalog: Catalog, *, monetary: bool) -> tuple[tuple[Level, tuple[Role, ...]], ...]:
    """The catalog's roles grouped by level, lowest first (only those with a refund limit if monetary)."""
    key = ("by_level", monetary)
    groups = catalog._memo.get(key)
    if groups is None:
        grouped: dict[Level, list[Role]] = {}
        for role in catalog.roles:
            if not monetary or role.authority.refund_limit != 0:
                grouped.setdefault(role.level, []).append(role)
        groups = tuple((level, tuple(grouped[level])) for level in Level if level in grouped)
        catalog._memo[key] = groups
    return cast("tuple[tuple[Level, tuple[Role, ...]], ...]", groups)


def _scan(groups: tuple[tuple[Level, tuple[Role, ...]], ...], request: Request) -> _Lowest:
    for level, roles in groups:
        deciders = tuple(role.key for role in roles if role.authority.permits(request))
        if deciders:
            return level, deciders
    return None, ()


# ---------------------------------------------------------------- careers


def _resolve(role: Role | str, catalog: Catalog | None, function: str) -> tuple[Role, Catalog]:
    if catalog is None:
        catalog = default_catalog()
    elif not isinstance(catalog, Catalog):
        fail(function, "catalog", catalog, "a Catalog or None")
    if isinstance(role, Role):
        return role, catalog
    if not isinstance(role, str):
        fail(function, "role", role, "a Role or a role key")
    return catalog.get(role), catalog


def career_paths_from(role: Role | str, *, catalog: Catalog | None = None) -> tuple[Role, ...]:
    """Every role a career starting at ``role`` can reach, nearest first (*ServiceNow CSR*).

    Roles at the same distance come in the order the career paths list them.
    The starting role is not included, even when a path leads back to it.

    >>> from csroles import career_paths_from
    >>> [role.key for role in career_paths_from("call_center_agent")]
    ['customer_service_representative', 'customer_service_manager', 'customer_service_supervisor', 'customer_support_engineer']

    .. versionadded:: 0.1.0
    """
    start, catalog = _resolve(role, catalog, "career_paths_from")
    seen = {start.key}
    order: list[Role] = []
    queue = deque([start])
    while queue:
        current = queue.popleft()
        for key in current.career_paths:
            if key not in seen:
                seen.add(key)
                reached = catalog.get(key)
                order.append(reached)
                queue.append(reached)
    return tuple(order)


def career_paths_to(role: Role | str, *, catalog: Catalog | None = None) -> tuple[Role, ...]:
    """Every role of ``catalog`` from which a career can reach ``role``, nearest first.

    The reverse of :func:`career_paths_from`: first the roles whose career
    paths list ``role``, then the roles that lead to those, and so on; roles
    at the same distance come in catalog order. The target is not included,
    even when a path leads back to it. In the built-in catalog the
    representative is reached from the positions *ServiceNow CSR* names:
    call-center, sales-support and technical-support roles.

    >>> from csroles import career_paths_to
    >>> [role.key for role in career_paths_to("customer_service_representative")]
    ['call_center_agent', 'customer_support_engineer', 'sales_support_representative']

    .. versionadded:: 0.1.0
    """
    end, catalog = _resolve(role, catalog, "career_paths_to")
    seen = {end.key}
    order: list[Role] = []
    frontier = [end.key]
    while frontier:
        reached = [
            other
            for other in catalog.roles
            if other.key not in seen and any(key in other.career_paths for key in frontier)
        ]
        seen.update(other.key for other in reached)
        order.extend(reached)
        frontier = [other.key for other in reached]
    return tuple(order)


def career_path(
    start: Role | str, end: Role | str, *, catalog: Catalog | None = None
) -> tuple[Role, ...]:
    """The shortest career from ``start`` to ``end``, both included; empty if there is none.

    Among paths of the same length, the one following earlier-listed career
    paths wins. From a role to itself the path is that role alone.

    >>> from csroles import career_path
    >>> [role.key for role in career_path("call_center_agent", "customer_service_manager")]
    ['call_center_agent', 'customer_service_representative', 'customer_service_manager']
    >>> career_path("customer_service_manager", "call_center_agent")
    ()

    .. versionadded:: 0.1.0
    """
    first, catalog = _resolve(start, catalog, "career_path")
    last, _ = _resolve(end, catalog, "career_path")
    if first.key == last.key:
        return (first,)
    parents: dict[str, Role] = {}
    seen = {first.key}
    queue = deque([first])
    while queue:
        current = queue.popleft()
        for key in current.career_paths:
            if key in seen:
                continue
            seen.add(key)
            parents[key] = current
            if key == last.key:
                path = [catalog.get(key)]
                while path[-1].key != first.key:
                    path.append(parents[path[-1].key])
                return tuple(reversed(path))
            queue.append(catalog.get(key))
    return ()
