"""The shipped roles are checked here, once, instead of on every first ``default_catalog()``.

``csroles._catalog_data`` builds its roles, duties and skills without their
validators (``_unchecked``). These tests build every one of them again with
its checks, from its own fields, and require the very same value: equal, of
the same types all the way down (a plain ``"email"`` equals ``Channel.EMAIL``
but is not it), so that the shipped data is valid and already normalised.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs
import pytest
from hypothesis import given, reject
from hypothesis import strategies as st

from csroles import (
    Catalog,
    CsrolesError,
    Duty,
    InvalidEntityError,
    Raci,
    Responsibility,
    Role,
    Skill,
    SkillKind,
    default_catalog,
)
from csroles._catalog_data import ROLES, _unchecked
from csroles.strategies import authorities, pays, responsibilities, roles, skills


def _checked(value: Any) -> Any:
    """``value`` built again by the checked constructors, all the way down."""
    if attrs.has(type(value)):
        fields = {f.name: _checked(getattr(value, f.name)) for f in attrs.fields(type(value))}
        return type(value)(**fields)
    if isinstance(value, tuple | frozenset):
        return type(value)(_checked(item) for item in value)
    if isinstance(value, Mapping):
        return {key: _checked(item) for key, item in value.items()}
    return value


def _assert_same(found: Any, expected: Any, path: str = "") -> None:
    """Equal, and of the same type at every level (mappings in the same key order)."""
    assert type(found) is type(expected), path
    if attrs.has(type(found)):
        for field in attrs.fields(type(found)):
            name = field.name
            _assert_same(getattr(found, name), getattr(expected, name), f"{path}.{name}")
    elif isinstance(found, tuple):
        assert len(found) == len(expected), path
        for index, (a, b) in enumerate(zip(found, expected, strict=True)):
            _assert_same(a, b, f"{path}[{index}]")
    elif isinstance(found, frozenset):
        assert found == expected, path
        by_value = {item: item for item in expected}
        for item in found:
            _assert_same(item, by_value[item], f"{path}{{{item!r}}}")
    elif isinstance(found, Mapping):
        assert list(found) == list(expected), path
        for key in found:
            _assert_same(key, next(k for k in expected if k == key), f"{path} key")
            _assert_same(found[key], expected[key], f"{path}[{key!r}]")
    else:
        assert found == expected, path


@pytest.mark.parametrize("role", ROLES, ids=lambda role: role.key)
def test_a_shipped_role_passes_its_own_checks_unchanged(role: Role) -> None:
    _assert_same(_checked(role), role)


def test_the_shipped_catalog_passes_the_catalog_checks() -> None:
    checked = Catalog(roles=[_checked(role) for role in ROLES])
    assert checked == default_catalog()
    assert checked.keys == default_catalog().keys


def test_the_public_constructor_still_checks_a_catalog_of_shipped_roles() -> None:
    broken = attrs.evolve(ROLES[0], reports_to="no_such_role")
    with pytest.raises(InvalidEntityError, match=r"Catalog.roles\[0\].reports_to: 'no_such_role'"):
        Catalog(roles=[broken, *ROLES[1:]])


def _given(value: Any) -> Any:
    """A value's fields as a caller would give them: lists and dicts, not tuples and sets."""
    if isinstance(value, tuple | frozenset):
        return [_given(item) for item in value]
    if isinstance(value, Mapping):
        return {key: _given(item) for key, item in value.items()}
    return value


@given(
    st.one_of(
        roles(),
        responsibilities(),
        skills(),
        authorities(),
        pays(),
    ),
    st.data(),
)
def test_unchecked_builds_what_the_constructor_builds_from_valid_input(
    value: Any, data: st.DataObject
) -> None:
    cls = type(value)
    fields = {f.name: getattr(value, f.name) for f in attrs.fields(cls)}
    # Some fields left to their defaults, the others given as a caller writes them.
    kept = {
        name: _given(item)
        for name, item in fields.items()
        if attrs.fields_dict(cls)[name].default is attrs.NOTHING or data.draw(st.booleans())
    }
    try:
        expected = cls(**kept)
    except CsrolesError:  # a default that does not go with the given fields
        reject()
    _assert_same(_unchecked(cls, **kept), expected)


def test_unchecked_takes_defaults_and_factories() -> None:
    duty = _unchecked(Responsibility, duty=Duty.HANDLE_RETURNS)
    assert duty == Responsibility(duty=Duty.HANDLE_RETURNS)
    assert duty.raci is Raci.RESPONSIBLE
    assert _unchecked(Skill, kind=SkillKind.OTHER, name="crm") == Skill.parse("crm")


def test_unchecked_needs_every_field_without_a_default() -> None:
    with pytest.raises(TypeError, match="Skill: no value for name"):
        _unchecked(Skill, kind=SkillKind.OTHER)
