"""What changed between two versions of the same things: added, changed and cancelled.

One idea, used everywhere a change is applied: [`followup.Timeline.diff`][followup.timeline.Timeline.diff]
compares two timelines action by action, the calendar merge compares the events
of an existing file with a new export, and the CalDAV sync compares the objects
on a server with the same export. Each of them calls `diff` with its own
key and its own notion of which fields differ, so "what changed" means the same
thing in the three places.

The module is pure and generic: it knows nothing of actions or calendars.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import Generic, TypeVar

import attrs

from followup.errors import ValidationError

__all__ = ["Changed", "Changes", "diff"]

T = TypeVar("T")


@attrs.frozen(kw_only=True)
class Changed(Generic[T]):
    """One thing present in both versions whose content differs.

    Args:
        before: The previous version.
        after: The new version.
        fields: The names of the fields that differ, in a stable order.
    """

    before: T
    after: T
    fields: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Changes(Generic[T]):
    """The difference between two versions, in the order of the new one (then the old one).

    Args:
        added: Things only the new version has.
        changed: Things both have, with different content.
        cancelled: Things the old version had as live and the new one does not: the
            new version when it is still there (marked cancelled, so it can say why),
            else the old one.
        unchanged: How many things need nothing done: the same in both versions, or
            not live in either.
    """

    added: tuple[T, ...] = ()
    changed: tuple[Changed[T], ...] = ()
    cancelled: tuple[T, ...] = ()
    unchanged: int = 0

    def __bool__(self) -> bool:
        """True when anything was added, changed or cancelled."""
        return bool(self.added or self.changed or self.cancelled)

    def __len__(self) -> int:
        """How many things were added, changed or cancelled."""
        return len(self.added) + len(self.changed) + len(self.cancelled)

    def __iter__(self) -> Iterator[tuple[str, T]]:
        """``("added", new)``, ``("changed", new)`` and ``("cancelled", old)`` pairs, in that order."""
        for item in self.added:
            yield "added", item
        for change in self.changed:
            yield "changed", change.after
        for item in self.cancelled:
            yield "cancelled", item


def diff(
    before: Iterable[T],
    after: Iterable[T],
    *,
    key: Callable[[T], Hashable],
    fields: Callable[[T, T], Iterable[str]],
    live: Callable[[T], bool] = lambda _item: True,
) -> Changes[T]:
    """Compare two versions of a collection, matched by ``key``.

    Args:
        before: The previous version.
        after: The new version.
        key: What identifies a thing across versions (an action id, a calendar UID).
        fields: The names of the fields in which two versions of one thing differ;
            empty when they are the same.
        live: Whether a thing still applies. A thing that was live before and is
            not live now counts as cancelled, not as changed; one that was not live
            before and is not live now is unchanged; one that comes back to life is
            changed.

    Returns:
        The `Changes`, ``added`` and ``changed`` in the order of ``after``,
        ``cancelled`` in the order of ``after`` and then of ``before``.

    Raises:
        ValidationError: two things in one version share a key (a ``ValueError``).
    """
    old = _index(before, key, "before")
    new = _index(after, key, "after")
    added: list[T] = []
    changed: list[Changed[T]] = []
    cancelled: list[T] = []
    unchanged = 0
    for k, item in new.items():
        prev = old.get(k)
        if prev is None:
            if live(item):
                added.append(item)
            else:
                unchanged += 1
            continue
        if live(prev) and not live(item):
            cancelled.append(item)
            continue
        names = tuple(fields(prev, item))
        if names:
            changed.append(Changed(before=prev, after=item, fields=names))
        else:
            unchanged += 1
    cancelled += [item for k, item in old.items() if k not in new and live(item)]
    unchanged += sum(1 for k, item in old.items() if k not in new and not live(item))
    return Changes(
        added=tuple(added), changed=tuple(changed), cancelled=tuple(cancelled), unchanged=unchanged
    )


def _index(items: Iterable[T], key: Callable[[T], Hashable], side: str) -> dict[Hashable, T]:
    out: dict[Hashable, T] = {}
    for item in items:
        k = key(item)
        if k in out:
            raise ValidationError(
                "key", k, f"a key no other item of the {side} version has (two share the key {k!r})"
            )
        out[k] = item
    return out
