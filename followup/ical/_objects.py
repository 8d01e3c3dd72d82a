"""[`CalendarObject`][followup.ical.CalendarObject]: built on first use, not by ``followup ics``.

Each attrs class costs its generated methods' compilation at start-up; a plain export
never makes calendar objects (a CalDAV sync does).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from followup.timeline import Action

__all__ = ["CalendarObject"]


@attrs.frozen(kw_only=True)
class CalendarObject:
    """One action as a calendar object of its own (a CalDAV resource, say).

    Args:
        uid: The UID of the action's components (see [`uid_for`][followup.ical.uid_for]).
        action: The action.
        data: A whole VCALENDAR: the action's VEVENT (or VTODO) with its overrides,
            and the VTIMEZONE they need, covering every occurrence.
        digest: A hash of what the components say (``X-FOLLOWUP-HASH``; DTSTAMP,
            SEQUENCE and ``X-FOLLOWUP-SOURCE`` left out): two objects with the same
            digest mean the same.
        sequence: The SEQUENCE written.
        digests: Each component's ``X-FOLLOWUP-HASH``, in the order written (the
            series first, then its overrides).
        source: The ``X-FOLLOWUP-SOURCE`` written, if any.
    """

    # Defined in followup.ical._objects so that `followup ics` does not build it; it is
    # followup.ical's class (pickles name it so), imported from there on first use.
    __module__ = "followup.ical"

    uid: str
    action: Action
    data: bytes
    digest: str
    sequence: int = 0
    digests: tuple[str, ...] = ()
    source: str | None = None
