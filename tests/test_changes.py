"""The one notion of change shared by Timeline.diff, the calendar merge and the CalDAV sync."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup.changes import Changed, Changes, diff


@attrs.frozen
class Item:
    key: str
    text: str = ""
    live: bool = True


def _fields(a: Item, b: Item) -> list[str]:
    return [f.name for f in attrs.fields(Item) if getattr(a, f.name) != getattr(b, f.name)]


def _diff(before: list[Item], after: list[Item]) -> Changes[Item]:
    return diff(before, after, key=lambda i: i.key, fields=_fields, live=lambda i: i.live)


class TestDiff:
    def test_added_changed_cancelled_and_unchanged(self) -> None:
        before = [Item("a", "1"), Item("b", "1"), Item("c", "1"), Item("d", "1")]
        after = [Item("b", "2"), Item("a", "1"), Item("e", "1"), Item("c", "1", live=False)]
        changes = _diff(before, after)
        assert changes.added == (Item("e", "1"),)
        assert changes.changed == (
            Changed(before=Item("b", "1"), after=Item("b", "2"), fields=("text",)),
        )
        # c is still there but cancelled: the new version (it can say why); d is gone: the old one.
        assert changes.cancelled == (Item("c", "1", live=False), Item("d", "1"))
        assert changes.unchanged == 1
        assert len(changes) == 4
        assert list(changes) == [
            ("added", Item("e", "1")),
            ("changed", Item("b", "2")),
            ("cancelled", Item("c", "1", live=False)),
            ("cancelled", Item("d", "1")),
        ]

    def test_nothing_changed_is_falsy(self) -> None:
        items = [Item("a"), Item("b", live=False)]
        changes = _diff(items, items)
        assert not changes
        assert changes.unchanged == 2

    def test_dead_things_are_neither_added_nor_cancelled(self) -> None:
        changes = _diff([Item("gone", live=False)], [Item("new", live=False)])
        assert not changes
        assert changes.unchanged == 2

    def test_coming_back_to_life_is_a_change(self) -> None:
        changes = _diff([Item("a", live=False)], [Item("a")])
        assert [c.fields for c in changes.changed] == [("live",)]

    def test_duplicate_keys_are_refused(self) -> None:
        with pytest.raises(ValueError, match="share the key 'a'"):
            _diff([Item("a"), Item("a")], [])

    @given(
        st.lists(
            st.builds(Item, st.sampled_from("abcdef"), st.sampled_from("xy"), st.booleans()),
            unique_by=lambda i: i.key,
        ),
        st.lists(
            st.builds(Item, st.sampled_from("abcdef"), st.sampled_from("xy"), st.booleans()),
            unique_by=lambda i: i.key,
        ),
    )
    def test_every_key_is_accounted_for_once(self, before: list[Item], after: list[Item]) -> None:
        changes = _diff(before, after)
        keys = {i.key for i in before} | {i.key for i in after}
        touched = (
            [i.key for i in changes.added]
            + [c.after.key for c in changes.changed]
            + [i.key for i in changes.cancelled]
        )
        assert len(touched) == len(set(touched))
        assert len(touched) + changes.unchanged == len(keys)
        assert not _diff(after, after)
