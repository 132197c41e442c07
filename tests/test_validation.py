from datetime import UTC, datetime, timedelta

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from csroles import Channel, InvalidEntityError
from csroles import _validation as v


@attrs.frozen(kw_only=True)
class Sample:
    id: str = attrs.field(validator=v.validator(v.check_identifier))
    zone: str | None = attrs.field(default=None, validator=v.optional_validator(v.check_zone))
    channel: Channel = attrs.field(default=Channel.PHONE, validator=v.member_of(Channel))
    channels: tuple[Channel, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.items(v.enum_check(Channel))
    )


def test_identifier() -> None:
    assert Sample(id="c-1").id == "c-1"
    for bad in ["", " c", "c ", 3, None]:
        with pytest.raises(InvalidEntityError, match=r"Sample\.id: .* expected a non-empty string"):
            Sample(id=bad)  # type: ignore[arg-type]


def test_zone() -> None:
    assert Sample(id="x", zone="Europe/Rome").zone == "Europe/Rome"
    for bad in ["Mars/Olympus", "", "../etc/passwd", 5]:
        with pytest.raises(InvalidEntityError, match=r"Sample\.zone: .* IANA"):
            Sample(id="x", zone=bad)  # type: ignore[arg-type]


def test_enums_and_items() -> None:
    sample = Sample(id="x", channel=Channel.EMAIL, channels=[Channel.CHAT, Channel.FAX])
    assert sample.channels == (Channel.CHAT, Channel.FAX)
    with pytest.raises(InvalidEntityError, match=r"Sample\.channel: 'pigeon', expected a Channel"):
        Sample(id="x", channel="pigeon")  # type: ignore[arg-type]
    # A member's plain value is taken, and the field keeps the member.
    assert Sample(id="x", channel="email").channel is Channel.EMAIL  # type: ignore[arg-type]
    assert Sample(id="x", channels=["chat"]).channels[0] is Channel.CHAT
    with pytest.raises(InvalidEntityError, match=r"Sample\.channels\[1\]: 'pigeon'"):
        Sample(id="x", channels=[Channel.CHAT, "pigeon"])


def test_aware() -> None:
    now = datetime(2026, 5, 1, 10, tzinfo=UTC)
    assert v.check_aware("E", "at", now) is now
    with pytest.raises(InvalidEntityError, match=r"E\.at: .* naive"):
        v.check_aware("E", "at", now.replace(tzinfo=None))
    with pytest.raises(InvalidEntityError, match=r"E\.at: '2026', expected an aware datetime"):
        v.check_aware("E", "at", "2026")


@given(st.timedeltas(min_value=timedelta(0)))
def test_duration_keeps_timedeltas(value: timedelta) -> None:
    assert v.check_duration(Sample, "d", value) == value


def test_duration_rules() -> None:
    assert v.check_duration("S", "d", pendulum.duration(hours=2)) == timedelta(hours=2)
    assert type(v.check_duration("S", "d", pendulum.duration(hours=2))) is timedelta
    with pytest.raises(InvalidEntityError, match="months and years"):
        v.check_duration("S", "d", pendulum.duration(months=1))
    with pytest.raises(InvalidEntityError, match=r"S\.d: .* zero or more"):
        v.check_duration("S", "d", timedelta(seconds=-1))
    assert v.check_duration("S", "d", timedelta(-1), allow_negative=True) == timedelta(-1)
    with pytest.raises(InvalidEntityError, match="timedelta"):
        v.check_duration("S", "d", 3600)


def test_fail_names_the_owner() -> None:
    with pytest.raises(InvalidEntityError, match=r"^Sample\.x: 1, expected y$"):
        v.fail(Sample, "x", 1, "y")
    with pytest.raises(InvalidEntityError, match=r"^Sample\.x: 1, expected y$"):
        v.fail(Sample(id="a"), "x", 1, "y")


def test_collection_converters() -> None:
    assert Sample(id="x", channels=iter([Channel.FAX])).channels == (Channel.FAX,)
    assert v.to_frozenset([1, 1, 2]) == frozenset({1, 2})


def test_collection_converters_pass_non_collections_on_for_the_validator() -> None:
    assert v.to_tuple("ab") == "ab"  # type: ignore[comparison-overlap]
    assert v.to_tuple(3) == 3  # type: ignore[arg-type, comparison-overlap]
    assert v.to_frozenset({"a": 1}) == {"a": 1}  # type: ignore[comparison-overlap]
    assert v.to_frozenset([[1]]) == [[1]]  # type: ignore[comparison-overlap]
    with pytest.raises(
        InvalidEntityError, match=r"^Sample\.channels: 'chat', expected a collection"
    ):
        Sample(id="x", channels="chat")


def test_items_of_a_frozenset_are_checked_in_a_stable_order() -> None:
    @attrs.frozen
    class Tags:
        tags: frozenset[Channel] = attrs.field(
            converter=v.to_frozenset, validator=v.items(v.enum_check(Channel))
        )

    with pytest.raises(InvalidEntityError, match=r"^Tags\.tags\[0\]: 'a', expected a Channel"):
        Tags(tags={"b", "a", Channel.FAX})


_WORDS = st.text(alphabet="abcq_ ", max_size=30)


@given(_WORDS, st.lists(_WORDS, max_size=6), st.floats(0, 1), st.integers(1, 4))
def test_close_matches_are_difflibs(
    word: str, candidates: list[str], cutoff: float, n: int
) -> None:
    import difflib

    expected = difflib.get_close_matches(word, candidates, n=n, cutoff=cutoff)
    assert v.close_matches(word, candidates, n=n, cutoff=cutoff) == expected


@given(st.lists(_WORDS, min_size=1, max_size=4), st.data())
def test_close_matches_agree_at_the_length_boundary(
    candidates: list[str], data: st.DataObject
) -> None:
    # Words around the longest length that could still match, where the shortcut decides.
    import difflib

    base = data.draw(st.sampled_from(candidates))
    cutoff = data.draw(st.sampled_from([0.5, 0.6, 0.75, 0.8, 1.0]))
    longest = max(map(len, candidates))
    limit = int(longest * (2 - cutoff) / cutoff)
    word = base + "q" * max(0, data.draw(st.integers(limit - 2, limit + 2)) - len(base))
    expected = difflib.get_close_matches(word, candidates, cutoff=cutoff)
    assert v.close_matches(word, candidates, cutoff=cutoff) == expected


def test_close_matches_skip_a_word_longer_than_any_match_allows() -> None:
    # "abc" against "abc" and 4 more: ratio 2 * 3 / 10 = 0.6, the cutoff itself.
    assert v.close_matches("abcdefg", ["abc"]) == ["abc"]
    assert v.close_matches("abcdefgh", ["abc"]) == []
    assert v.close_matches("q" * 5_000_000, ["customer", "service"]) == []
