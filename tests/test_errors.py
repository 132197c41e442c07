import pytest
from hypothesis import given
from hypothesis import strategies as st

import csroles
from csroles import errors

VALUE_ERRORS = [
    csroles.InvalidEntityError,
    csroles.HierarchyError,
    csroles.CalendarError,
]
LOOKUP_ERRORS = [csroles.UnknownRoleError, csroles.UnknownTitleError, csroles.RoutingError]
# An unknown position is both a hierarchy problem and a failed lookup.
BOTH = [csroles.UnknownPositionError]


@pytest.mark.parametrize("cls", VALUE_ERRORS)
def test_value_errors_are_csroles_and_value_errors(cls: type[Exception]) -> None:
    assert issubclass(cls, csroles.CsrolesError)
    assert issubclass(cls, ValueError)
    assert not issubclass(cls, LookupError)


@pytest.mark.parametrize("cls", LOOKUP_ERRORS)
def test_lookup_errors_are_csroles_and_lookup_errors(cls: type[Exception]) -> None:
    assert issubclass(cls, csroles.CsrolesError)
    assert issubclass(cls, LookupError)
    assert not issubclass(cls, ValueError)


@pytest.mark.parametrize("cls", BOTH)
def test_unknown_positions_are_hierarchy_and_lookup_errors(cls: type[Exception]) -> None:
    assert issubclass(cls, csroles.HierarchyError)
    assert issubclass(cls, LookupError)


def test_base_is_a_plain_exception() -> None:
    assert issubclass(csroles.CsrolesError, Exception)
    assert not issubclass(csroles.CsrolesError, (ValueError, LookupError))


def test_every_public_error_is_exported() -> None:
    assert set(errors.__all__) == {
        "CsrolesError",
        *(c.__name__ for c in VALUE_ERRORS + LOOKUP_ERRORS + BOTH),
    }
    for name in errors.__all__:
        assert getattr(csroles, name) is getattr(errors, name)


@given(message=st.text())
def test_message_is_kept_verbatim(message: str) -> None:
    for cls in [csroles.CsrolesError, *VALUE_ERRORS]:
        assert str(cls(message)) == message
    # LookupError quotes nothing either: the message is the whole text.
    for cls in LOOKUP_ERRORS:
        assert cls(message).args == (message,)


def test_caught_as_builtin() -> None:
    with pytest.raises(ValueError, match=r"Account\.weight"):
        raise csroles.InvalidEntityError("Account.weight: -1, expected a positive number")
    with pytest.raises(LookupError, match="agnet"):
        raise csroles.UnknownRoleError("no role 'agnet'; did you mean 'agent'?")
