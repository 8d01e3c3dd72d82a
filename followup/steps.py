"""Steps: the units a follow-up plan is made of.

A step is any object with an ``id``, the ``outcomes`` it applies to and an
``actions(ctx)`` method returning [`Action`][followup.timeline.Action] objects;
no base class is needed (see [`followup.typing.Step`][followup.typing.Step], re-exported here). The built-in steps below cover the
whole of the advice the project grew from: thank the interviewer, ask for
feedback, keep in touch, look for other opportunities, and stay gracious.

Custom steps reuse the machinery through the scheduling context: ``ctx.action``
does the timing, the send window, the recurrence, the draft and the stable id.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

import attrs
from dateutil.relativedelta import relativedelta

from followup import _validate as v
from followup import channels, fields
from followup._ids import slug
from followup.errors import SchedulingError, ValidationError
from followup.model import (
    Contact,
    Decision,
    Interview,
    Outcome,
    OutcomeChanged,
    OutcomeStatus,
    ReplyReceived,
    StepDone,
)
from followup.timing import Anchor, BusinessDays, Recurrence, SendWindow, When, local_day
from followup.typing import ChannelName, Step, StepContext, StopReason, Tone
from followup.wording import people_met, same_person, sentence

if TYPE_CHECKING:
    from followup.timeline import Action

__all__ = [
    "ExploreOpenings",
    "FeedbackRequest",
    "KeepInTouch",
    "LinkedInConnect",
    "Network",
    "OfferAccept",
    "OfferDeadline",
    "OfferDecline",
    "OfferReply",
    "OfferWelcome",
    "RejectionReply",
    "StatusCheck",
    "Step",
    "ThankYou",
    "WithdrawElsewhere",
    "Withdrawal",
]

PENDING = frozenset({OutcomeStatus.PENDING})
REJECTED = frozenset({OutcomeStatus.REJECTED})
STOPS: frozenset[StopReason] = frozenset({"reply", "outcome"})


def _check_message_channel(_inst: Any, attribute: attrs.Attribute[str], value: str) -> None:
    if channels.get(value, field=attribute.name).message is False:
        raise ValidationError(
            attribute.name,
            value,
            f"a channel that carries a message: {', '.join(channels.message_channels())}",
        )


def _id_field(default: str) -> Any:
    return fields.step_id(default)


def _outcomes_field(default: frozenset[OutcomeStatus]) -> Any:
    return fields.outcomes(*default)


def _decisions(value: Any) -> frozenset[Decision] | None:
    if value is None:
        return None
    if isinstance(value, str | Decision):
        value = (value,)
    try:
        return frozenset(Decision(d) for d in value)
    except (TypeError, ValueError) as exc:
        raise ValidationError("decisions", value, "a list among pending, accept and decline") from exc


def _decisions_field(default: frozenset[Decision] | None) -> Any:
    return attrs.field(default=default, converter=_decisions)


def _stops_field(default: frozenset[StopReason] = frozenset()) -> Any:
    return fields.stop_on(*sorted(default))


def _window_field() -> Any:
    return fields.window()


def _template_field() -> Any:
    return fields.template()


def _interviewers(ctx: StepContext, step: str) -> tuple[Contact, ...]:
    """The people met: the interviewers, else the recruiter who held a screening call alone."""
    people = people_met(ctx.interview)
    if not people:
        raise SchedulingError(
            f"the {step!r} step writes to each interviewer, but interview.interviewers is empty "
            "and there is no recruiter: add the people you met, or remove the step from the plan",
            step=step,
            field="interviewers",
        )
    return people


def _keys(people: Sequence[Contact]) -> list[str]:
    keys: list[str] = []
    for person in people:
        key = slug(person.name)
        n = 2
        while key in keys:
            key = f"{slug(person.name)}-{n}"
            n += 1
        keys.append(key)
    return keys


def _shared(step: Any) -> dict[str, Any]:
    """The keyword arguments every built-in step passes to ``ctx.action`` unchanged."""
    shared = {"window": step.window, "stop_on": step.stop_on}
    if hasattr(step, "template"):
        shared.update(tone=step.tone, template=step.template)
    return shared


def _company(ctx: StepContext) -> str:
    i = ctx.interview
    return f"({i.company}, {i.role})"


@attrs.frozen(kw_only=True)
class ThankYou:
    """A thank-you note to each interviewer, about 3 hours after the interview ends.

    The note goes out inside the send window in the interviewer's zone; when the
    window allows, within 24 hours of the interview.

    Args:
        id: Step id.
        after: Offset after the interview ends (default 3 hours).
        within: Keep it within this long after the interview when the window allows.
        window: The send window.
        outcomes: Outcomes it applies to (pending).
        stop_on: What stops it.
        tone: A tone for this step only (default: the plan's).
        template: Template text replacing the built-in one for this step.
        channel: The channel of the notes: ``email`` (or ``linkedin-message``).
    """

    id: str = _id_field("thank-you")
    after: timedelta | relativedelta | BusinessDays = timedelta(hours=3)
    within: timedelta | None = timedelta(hours=24)
    window: SendWindow = _window_field()
    outcomes: frozenset[OutcomeStatus] = _outcomes_field(PENDING)
    stop_on: frozenset[StopReason] = _stops_field()
    tone: Tone | None = fields.tone()
    template: str | None = _template_field()
    channel: ChannelName = attrs.field(default="email", validator=_check_message_channel)

    @property
    def when(self) -> When:
        return When(anchor=Anchor.INTERVIEW_END, offset=self.after, within=self.within)

    def actions(self, ctx: StepContext) -> list[Action]:
        from followup.lang import language

        people = _interviewers(ctx, self.id)
        out = []
        from followup.wording import promised_for

        for key, person in zip(_keys(people), people, strict=True):
            promised = promised_for(ctx.interview, person)
            out.append(
                ctx.action(
                    self,
                    key=key,
                    when=self.when,
                    recipient=person,
                    channel=self.channel,
                    title=f"Thank {person.name} {_company(ctx)}",
                    kind="thank-you",
                    notes=language().phrase("notes.promised", promised=promised) if promised else None,
                    **_shared(self),
                )
            )
        return out


@attrs.frozen(kw_only=True)
class StatusCheck:
    """A polite status question while the decision is pending; at most two.

    The first goes 2 business days after the expected decision date (7 business
    days after the interview when no date was given), the second 5 business days
    after the first. A reply or an outcome cancels what is left.

    Args:
        id: Step id.
        after_decision: Offset after the expected decision date.
        without_decision: Offset after the interview when no decision date is known.
        then: Offset between the first and the second check.
        attempts: How many checks, 1 or 2.
        window: The send window.
        outcomes: Outcomes it applies to (pending).
        stop_on: What stops it (a reply, an outcome).
        tone: A tone for this step only.
        template: Template text replacing the built-in one.
    """

    id: str = _id_field("status-check")
    after_decision: BusinessDays = BusinessDays(2)
    without_decision: BusinessDays = BusinessDays(7)
    then: BusinessDays = BusinessDays(5)
    attempts: int = attrs.field(default=2)
    window: SendWindow = _window_field()
    outcomes: frozenset[OutcomeStatus] = _outcomes_field(PENDING)
    stop_on: frozenset[StopReason] = _stops_field(STOPS)
    tone: Tone | None = fields.tone()
    template: str | None = _template_field()
    at: time = time(10, 0)

    @attempts.validator
    def _check_attempts(self, attribute: attrs.Attribute[int], value: int) -> None:
        if value not in (1, 2):
            raise ValidationError(
                "attempts", value, "1 or 2: more than two status checks reads as pressure"
            )

    def actions(self, ctx: StepContext) -> list[Action]:
        who = ctx.main_contact(self.id)
        if ctx.interview.decision_expected is not None:
            first = When(anchor=Anchor.DECISION_EXPECTED, offset=self.after_decision, at=self.at)
        else:
            first = When(anchor=Anchor.INTERVIEW_END, offset=self.without_decision, at=self.at)
        out = [
            ctx.action(
                self,
                key="1",
                when=first,
                recipient=who,
                title=f"Ask {who.name} about the decision {_company(ctx)}",
                kind="status-check",
                **_shared(self),
            )
        ]
        if self.attempts == 2:
            second = When(anchor=Anchor.STEP, step=f"{self.id}.1", offset=self.then, at=self.at)
            out.append(
                ctx.action(
                    self,
                    key="2",
                    when=second,
                    recipient=who,
                    title=f"Second status question to {who.name} {_company(ctx)}",
                    # Its own, shorter message: it points at the first and leaves an easy out.
                    kind="status-check-again",
                    facts=_previous(ctx, self.id, out[0]),
                    **_shared(self),
                )
            )
        return out


def _previous(ctx: StepContext, step_id: str, first: Action) -> dict[str, str | None]:
    """What a follow-up says about the message before it: its date (when it was
    really sent, if the history says so) and its subject, for a "Re:" line."""
    from followup.lang import language

    sent: date = first.due.astimezone(v.zone(first.timezone)).date()
    for record in ctx.history:
        if isinstance(record, StepDone) and record.step in (step_id, first.id) and (
            record.contact is None or first.recipient is None or _names(record.contact, first.recipient)
        ):
            at = record.at
            sent = local_day(at, v.zone(first.timezone))
    style = "day_month" if sent.year == first.due.year else "day_month_year"
    return {
        "previous_date": language().date(sent, style),
        "previous_subject": first.message.subject if first.message is not None else None,
    }


@attrs.frozen(kw_only=True)
class RejectionReply:
    """Reply to a rejection: thank them and ask for feedback, 1 business day after the notice.

    Your own ``Outcome.note`` goes in as written, after the recall; ``Outcome.open_to``
    ("a product role in payments") is named once instead of "future roles".

    Args:
        id: Step id.
        after: Offset after the rejection arrived.
        ask_feedback: Ask for feedback in this reply; set False when a separate
            [`FeedbackRequest`][followup.steps.FeedbackRequest] step asks instead.
        at: Local time of day for the reply.
        window: The send window.
        outcomes: Outcomes it applies to (rejected).
        stop_on: What stops it.
        tone: A tone for this step only.
        template: Template text replacing the built-in one.
    """

    id: str = _id_field("rejection-reply")
    after: BusinessDays | relativedelta | timedelta = BusinessDays(1)
    ask_feedback: bool = True
    at: time | None = time(10, 0)
    window: SendWindow = _window_field()
    outcomes: frozenset[OutcomeStatus] = _outcomes_field(REJECTED)
    stop_on: frozenset[StopReason] = _stops_field()
    tone: Tone | None = fields.tone()
    template: str | None = _template_field()

    def actions(self, ctx: StepContext) -> list[Action]:
        who = ctx.reply_contact(self.id)
        what = "thank them and ask for feedback" if self.ask_feedback else "thank them"
        return [
            ctx.action(
                self,
                when=When(anchor=Anchor.OUTCOME, offset=self.after, at=self.at),
                recipient=who,
                title=f"Reply to {who.name}: {what} {_company(ctx)}",
                kind="rejection-reply" if self.ask_feedback else "rejection-thanks",
                facts=_rejection_facts(ctx),
                **_shared(self),
            )
        ]


def _rejection_facts(ctx: StepContext) -> dict[str, str | None]:
    """What a reply to a rejection may say: the reason the company gave, as a sentence,
    and as a clause when it is one."""
    o = ctx.outcome
    return {
        "reason": _reason(o.reason),
        "reason_clause": _reason_clause(o.reason),
        **_own_lines(o),
        **_relayed(o, ctx.interview),
    }


def _relayed(o: Outcome, interview: Interview) -> dict[str, str | None]:
    """``relayed`` when the candidate's own note passes thanks on ("please pass my thanks
    on", the phrase file's ``relay_verbs`` and ``relay_nouns``) or names someone they met,
    by any form of their name (given, family, greeting or full): the note passes its own
    word on, and no frame relays thanks beside it. The renderer decides it only for a
    caller of `render` that gives a note without ``relayed``."""
    from followup.lang import language
    from followup.names import parse_name

    if not o.note:
        return {"relayed": None}
    if language().relays(o.note):
        return {"relayed": "yes"}
    for person in interview.interviewers:
        parsed = parse_name(person.name, person.family_name)
        forms = {person.name, parsed.full, parsed.given, parsed.family, person.greeting}
        for form in filter(None, forms):
            if len(form) > 1 and re.search(rf"(?<!\w){re.escape(form)}(?!\w)", o.note):
                return {"relayed": "yes"}
    return {"relayed": None}


def _own_lines(o: Outcome) -> dict[str, str | None]:
    """The candidate's own lines for the reply to a decision: ``note`` as written (with
    the full stop it may lack) and ``open_to``, the noun phrase as written."""
    note = sentence(o.note)
    open_to = " ".join(o.open_to.split()).rstrip(".") if o.open_to else None
    first, _, rest = (open_to or "").partition(" ")
    if open_to and rest and first in ("A", "An", "The", "Any", "Another", "Other", "More"):
        # Written as a heading ("A Nairobi-based post"), read inside a sentence.
        open_to = f"{first.lower()} {rest}"
    return {"note": note, "open_to": open_to}


def _start_date(o: Outcome) -> dict[str, str | None]:
    """The start date agreed with an offer, with its weekday, day and month (and its year
    when that is not the year of the offer)."""
    from followup.lang import language

    if o.start_date is None:
        return {"start_date": None}
    year = o.at.year if o.at is not None else o.start_date.year
    style = "long" if o.start_date.year == year else "long_year"
    return {"start_date": language().date(o.start_date, style)}


@attrs.frozen(kw_only=True)
class FeedbackRequest:
    """Ask for feedback as its own message, 2 business days after the rejection reply.

    Args:
        id: Step id.
        after_step: The step it follows (default ``rejection-reply``).
        after: Offset after that step.
        window: The send window.
        outcomes: Outcomes it applies to (rejected).
        stop_on: What stops it (a reply: they may have answered already).
        tone: A tone for this step only.
        template: Template text replacing the built-in one.
    """

    id: str = _id_field("feedback-request")
    after_step: str = "rejection-reply"
    after: BusinessDays | relativedelta | timedelta = BusinessDays(2)
    at: time | None = time(10, 0)
    window: SendWindow = _window_field()
    outcomes: frozenset[OutcomeStatus] = _outcomes_field(REJECTED)
    stop_on: frozenset[StopReason] = _stops_field(frozenset({"reply"}))
    tone: Tone | None = fields.tone()
    template: str | None = _template_field()

    def actions(self, ctx: StepContext) -> list[Action]:
        who = ctx.reply_contact(self.id)
        return [
            ctx.action(
                self,
                when=When(anchor=Anchor.STEP, step=self.after_step, offset=self.after, at=self.at),
                recipient=who,
                title=f"Ask {who.name} for feedback {_company(ctx)}",
                kind="feedback-request",
                facts=_rejection_facts(ctx),
                **_shared(self),
            )
        ]


@attrs.frozen(kw_only=True)
class LinkedInConnect:
    """A LinkedIn connection request with a short note to each interviewer.

    Sent 2 business days after the rejection reply. The note stays within
    ``note_limit`` characters (200 on free accounts, 300 with Premium). After a
    declined offer or a withdrawal the note is about the person: their own topic
    in a short clause (else meeting them), what you decided, and their ``moment``
    when it fits; whoever made the offer is thanked for it.

    Args:
        id: Step id.
        after_step: The step it follows.
        after: Offset after that step.
        note_limit: Maximum note length in characters.
        known_profiles_only: Only the people whose LinkedIn profile is known (after a
            declined offer); otherwise someone without one gets a task to find them.
        window: The send window.
        outcomes: Outcomes it applies to (rejected).
        decisions: Under an offer, the decisions it applies under (None: any).
        stop_on: What stops it.
        tone: A tone for this step only.
        template: Template text replacing the built-in one.
    """

    id: str = _id_field("linkedin-connect")
    after_step: str = "rejection-reply"
    after: BusinessDays | relativedelta | timedelta = BusinessDays(2)
    note_limit: int = attrs.field(default=200)
    known_profiles_only: bool = False
    at: time | None = None
    window: SendWindow = _window_field()
    outcomes: frozenset[OutcomeStatus] = _outcomes_field(REJECTED)
    decisions: frozenset[Decision] | None = _decisions_field(None)
    stop_on: frozenset[StopReason] = _stops_field()
    tone: Tone | None = fields.tone()
    template: str | None = _template_field()

    @property
    def channel(self) -> str:
        """Always ``linkedin-note``: a connection request carries a note."""
        return "linkedin-note"

    @note_limit.validator
    def _check_limit(self, attribute: attrs.Attribute[int], value: int) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 3000:
            raise ValidationError(
                "linkedin_note_limit", value, "a number of characters: 200 (free) or 300 (Premium)"
            )

    def actions(self, ctx: StepContext) -> list[Action]:
        people = people_met(ctx.interview)
        if self.known_profiles_only:
            # Only where a profile is known: nobody to connect with is no error.
            people = tuple(p for p in people if p.linkedin)
        elif not people:
            _interviewers(ctx, self.id)
        maker = ctx.reply_contact(self.id) if ctx.outcome.status is OutcomeStatus.OFFER else None
        return [
            ctx.action(
                self,
                key=key,
                when=When(anchor=Anchor.STEP, step=self.after_step, offset=self.after, at=self.at),
                recipient=person,
                channel=self.channel,
                title=f"Connect with {person.name} on LinkedIn {_company(ctx)}",
                # After a declined offer the note to whoever made it thanks for the offer, not
                # only the interview; the others did not make it (blind judges: "thanks again
                # for the offer" to panel members, when HR had made it).
                kind="linkedin-connect-declined" if made else "linkedin-connect",
                limit=self.note_limit,
                links=(person.linkedin,) if person.linkedin else (),
                facts=_connect_after(ctx, self.tone, rank, person, made=made, limit=self.note_limit),
                **_shared(self),
            )
            for rank, (key, person) in enumerate(zip(_keys(people), people, strict=True))
            for made in [maker is not None and same_person(maker, person)]
        ]


def _connect_after(
    ctx: StepContext,
    tone: Tone | None,
    rank: int = 0,
    person: Contact | None = None,
    *,
    made: bool = False,
    limit: int = 200,
) -> dict[str, str | None] | None:
    """The wording of a connection note after a declined offer or a withdrawal, else None.

    Sent to someone whose offer you turned down, or whose process you left, a note
    that only says "Let's stay connected" reads as if nothing had happened. The
    ``rank``-th person met gets the ``rank``-th wording (in turn), so a panel's
    notes do not share one close. Someone who did not make the offer is written
    about them: their own topic from the file in a short clause ("our conversation
    about the yard system has stayed with me"), else meeting them, never "thanks
    again for the <role> interview at <company>"; whoever made it is thanked for
    the offer. A person's ``moment`` follows, as written, when the note has room
    (the template's shorter forms leave it out otherwise).
    """
    from followup.lang import language
    from followup.wording import recipient_topics

    o = ctx.outcome
    if o.status is OutcomeStatus.OFFER and o.decision is Decision.DECLINE:
        what = "declined"
    elif o.status is OutcomeStatus.WITHDRAWN:
        what = "withdrawn"
    else:
        return None
    tone = tone or ctx.tone

    def variant(base: str, **fields: str) -> str:
        keys = language().variants(base)
        return language().phrase(keys[rank % len(keys)], **fields)

    close = variant(f"connect_after.{what}_{tone}")
    facts: dict[str, str | None] = {"note_close": close}
    if person is None:
        return facts
    met = next((p for p in people_met(ctx.interview) if same_person(p, person)), person)
    facts["note_recall"] = sentence(met.moment)
    if made:
        return facts
    topics = recipient_topics(ctx.interview, person, "linkedin-connect")
    opener = variant(f"connect_after.topic_{tone}", topic=topics[0]) if topics else None
    # Greeting, opener, close and signature within the limit, else the opener about
    # meeting them: a long topic must not push the note to the generic fallback.
    room = limit - len(close) - len(met.first_name) - len(ctx.interview.candidate.name) - 16
    if opener is None or len(opener) > room:
        opener = variant(f"connect_after.met_{tone}")
    elif met.moment and len(opener) + len(facts["note_recall"] or "") + 1 > room:
        # Their moment, in the candidate's own words, says more than the topic: when both
        # do not fit, the shorter opener about meeting them leaves it room.
        short = variant(f"connect_after.met_{tone}")
        if len(short) + len(facts["note_recall"] or "") + 1 <= room:
            opener = short
    facts["note_thanks"] = opener
    # Their topic is in the opener: the recall frames would say it again.
    facts["topic"] = facts["topic2"] = None
    return facts


def _check_first(
    _inst: Any, attribute: attrs.Attribute[relativedelta], value: relativedelta
) -> None:
    probe = relativedelta(months=1)
    from datetime import datetime as _dt

    base = _dt(2001, 1, 31)  # noqa: DTZ001 - comparing offsets only
    if not isinstance(value, relativedelta) or base + value < base + probe - timedelta(days=3):
        raise ValidationError(
            "keep_in_touch_first",
            value,
            "at least a month after the rejection (recruiters advise waiting)",
        )


@attrs.frozen(kw_only=True)
class KeepInTouch:
    """Check in now and then after a rejection: about every 3 months, 4 times.

    Args:
        id: Step id.
        first: Offset after the rejection for the first check-in (at least a month).
        every: The interval between check-ins (weeks or months).
        count: How many check-ins (or give ``until``).
        until: The last date a check-in may fall on.
        at: Local time of day.
        channel: ``email``, or ``linkedin-message`` for a LinkedIn message.
        window: The send window.
        outcomes: Outcomes it applies to (rejected); after a declined offer or a
            withdrawal the check-ins say so ("since we spoke about the offer"). They
            name ``Outcome.open_to`` when given ("I'd love to hear about a product role
            in payments"), in place of "another role like this".
        decisions: Under an offer, the decisions it applies under (None: any).
        stop_on: What stops it (nothing: a reply does not end a relationship).
        tone: A tone for this step only.
        template: Template text replacing the built-in one.
    """

    id: str = _id_field("keep-in-touch")
    first: relativedelta = attrs.field(
        factory=lambda: relativedelta(months=3), validator=_check_first
    )
    every: relativedelta = attrs.field(factory=lambda: relativedelta(months=3))
    count: int | None = 4
    until: date | None = None
    at: time = time(10, 0)
    channel: ChannelName = attrs.field(default="email", validator=_check_message_channel)
    window: SendWindow = _window_field()
    outcomes: frozenset[OutcomeStatus] = _outcomes_field(REJECTED)
    decisions: frozenset[Decision] | None = _decisions_field(None)
    stop_on: frozenset[StopReason] = _stops_field()
    tone: Tone | None = fields.tone()
    template: str | None = _template_field()
    recurrence: Recurrence = attrs.field(init=False)

    @recurrence.default
    def _recurrence(self) -> Recurrence:
        count = None if self.until is not None else self.count
        return Recurrence(every=self.every, count=count, until=self.until)

    def actions(self, ctx: StepContext) -> list[Action]:
        who = ctx.reply_contact(self.id)
        status = ctx.outcome.status
        kind = (
            "keep-in-touch-declined"
            if status is OutcomeStatus.OFFER
            else "keep-in-touch-withdrawn"
            if status is OutcomeStatus.WITHDRAWN
            else "keep-in-touch"
        )
        return [
            ctx.action(
                self,
                when=When(anchor=Anchor.OUTCOME, offset=self.first, at=self.at),
                recipient=who,
                channel=self.channel,
                title=f"Keep in touch with {who.name} {_company(ctx)}",
                kind=kind,
                facts={
                    **(_decided_month(ctx) if kind != "keep-in-touch" else {}),
                    **_last_contact(ctx, self, who),
                    # What you would welcome hearing about, named instead of "a role like this".
                    "open_to": _own_lines(ctx.outcome)["open_to"],
                },
                recurrence=self.recurrence,
                # The careers page is for you to check, not a link to paste into their inbox.
                links=(ctx.interview.careers_url,) if ctx.interview.careers_url else (),
                **_shared(self),
            )
        ]


@attrs.frozen(kw_only=True)
class ExploreOpenings:
    """A task every month for 6 months: review the company's open roles, apply where one fits.

    Args:
        id: Step id.
        first: Offset after the rejection for the first review.
        every: Interval.
        count: How many reviews (or give ``until``).
        until: Last date.
        at: Local time of day (candidate's zone).
        window: The window tasks are placed in.
        outcomes: Outcomes it applies to (rejected).
    """

    id: str = _id_field("explore-openings")
    first: relativedelta = attrs.field(factory=lambda: relativedelta(months=1))
    every: relativedelta = attrs.field(factory=lambda: relativedelta(months=1))
    count: int | None = 6
    until: date | None = None
    at: time = time(9, 0)
    window: SendWindow = _window_field()
    outcomes: frozenset[OutcomeStatus] = _outcomes_field(REJECTED)
    stop_on: frozenset[StopReason] = _stops_field()
    recurrence: Recurrence = attrs.field(init=False)

    @recurrence.default
    def _recurrence(self) -> Recurrence:
        count = None if self.until is not None else self.count
        return Recurrence(every=self.every, count=count, until=self.until)

    def actions(self, ctx: StepContext) -> list[Action]:
        i = ctx.interview
        where = (
            f"the careers page ({i.careers_url})" if i.careers_url else "the company's careers page"
        )
        return [
            ctx.action(
                self,
                when=When(anchor=Anchor.OUTCOME, offset=self.first, at=self.at),
                channel="task",
                title=f"Review open roles at {i.company}",
                notes=(
                    f"Look through {where} for roles that fit your skills better than {i.role}, "
                    f"and apply where one does; mention your earlier interview to the recruiter."
                ),
                links=(i.careers_url,) if i.careers_url else (),
                recurrence=self.recurrence,
                **_shared(self),
            )
        ]


@attrs.frozen(kw_only=True)
class Network:
    """A task one week after the rejection: reach out to people at other companies.

    Args:
        id: Step id.
        after: Offset after the rejection.
        at: Local time of day (candidate's zone).
        window: The window tasks are placed in.
        outcomes: Outcomes it applies to (rejected).
    """

    id: str = _id_field("network")
    after: relativedelta | timedelta | BusinessDays = attrs.field(
        factory=lambda: relativedelta(weeks=1)
    )
    at: time = time(9, 0)
    window: SendWindow = _window_field()
    outcomes: frozenset[OutcomeStatus] = _outcomes_field(REJECTED)
    stop_on: frozenset[StopReason] = _stops_field()

    def actions(self, ctx: StepContext) -> list[Action]:
        i = ctx.interview
        return [
            ctx.action(
                self,
                when=When(anchor=Anchor.OUTCOME, offset=self.after, at=self.at),
                channel="task",
                title=f"Reach out to people in {i.role} roles at other companies",
                notes=(
                    f"Pick two or three companies that do similar work to {i.company}; find someone in "
                    f"a {i.role} or nearby role at each and ask for a short conversation about their team."
                ),
                **_shared(self),
            )
        ]


# --- offers and withdrawals --------------------------------------------------------------------

OFFER = frozenset({OutcomeStatus.OFFER})
WITHDRAWN = frozenset({OutcomeStatus.WITHDRAWN})


def _reason_clause(text: str | None) -> str | None:
    """The company's reason as a clause that reads after "I understand that", in lower case
    ("they chose a candidate who already works with the cancer centres", "the role was
    filled internally"), or None for a phrase ("more hands-on audit experience") or a
    reason in the company's own voice ("we went with ...", which would need its pronouns
    turned round, anywhere in it). A clause opens with one of the phrase file's
    ``reason_subjects`` and has a verb: one of its ``reason_verbs``, or a word ending in
    "ed" among its first four words, not after "more" or "most" ("the panel preferred",
    but not "more advanced cloud skills"). One sentence only."""
    from followup.lang import language

    if not text:
        return None
    clause = " ".join(text.split()).rstrip(".!")
    words = re.findall(r"[^\W\d_][\w'’-]*", clause)
    lang = language()
    if len(words) < 4 or words[0].casefold() not in lang.words("reason_subjects"):
        return None
    if re.search(r"[.!?;]\s", clause) or "?" in clause:
        return None  # more than one sentence: "... internal candidate. We will keep your CV"
    folded = [w.casefold() for w in words]
    if any(w in lang.words("company_voice") for w in folded):
        return None  # "the team felt we needed ...": the company's words, not the candidate's
    verbs = lang.words("reason_verbs")
    past = any(
        len(w) > 4 and w.endswith("ed") and folded[i - 1] not in ("more", "most", "less", "least", "very")
        for i, w in enumerate(folded[1:4], start=1)
    )
    if not past and not any(w in verbs for w in folded[1:]):
        return None
    if len(words[0]) > 1 and words[0].isupper():
        return clause  # written in capitals: "tHE PANEL" would be worse than "THE PANEL"
    return clause[:1].lower() + clause[1:]


def _reason(text: str | None) -> str | None:
    """A reason given for a decision, as a sentence of a draft: capital first, full stop last.

    Unlike the candidate's other lines, a reason ending in a closing quote or bracket
    has always taken a full stop after it.
    """
    return sentence(text, capital=True, ends=".!?")


def _offer_facts(ctx: StepContext) -> dict[str, str | None]:
    """What an offer's drafts may say: the deadline (with day and month) and the reason given."""
    from followup.lang import language

    o = ctx.outcome
    return {
        "deadline": language().date(o.respond_by, "long") if o.respond_by is not None else None,
        "reason": _reason(o.reason),
        **_own_lines(o),
        **_relayed(o, ctx.interview),
        **_start_date(o),
    }


def _decided_month(ctx: StepContext) -> dict[str, str | None]:
    """The month you declined or withdrew, for a later check-in to place it ("in July").

    Left out when it is the interview's month: "we met in July ... withdrew in July" says
    the month twice.
    """
    from followup.lang import language

    o = ctx.outcome
    when = (o.decided or o.at) if o.status is OutcomeStatus.OFFER else o.at
    if when is None:
        return {"decided_month": None}
    day = when.date() if isinstance(when, datetime) else when
    met = ctx.interview.start.astimezone(ctx.interview.zone).date()
    if (day.year, day.month) == (met.year, met.month):
        return {"decided_month": None}
    return {"decided_month": language().date(day, "month")}


def _last_contact(ctx: StepContext, step: KeepInTouch, who: Contact) -> dict[str, str | None]:
    """The month you were last in touch with ``who``, for a check-in to place it ("since we
    last spoke in February"): the latest of their reply, a message to them marked done,
    an earlier check-in and the outcome they sent, from the history.

    Left out when it is the interview's month (the check-in names that already) or when
    the history says nothing of them.
    """
    from followup.lang import language

    days: list[date] = []
    for record in ctx.history:
        # Their reply, a message to them marked done, or an earlier check-in of this step.
        spoke = isinstance(record, ReplyReceived) and _names(record.contact, who)
        wrote = isinstance(record, StepDone) and (
            _names(record.contact, who)
            or (record.contact is None and record.step.split(".", 1)[0] == step.id)
        )
        if isinstance(record, ReplyReceived | StepDone) and (spoke or wrote):
            days.append(local_day(record.at, ctx.interview.zone))
        elif isinstance(record, OutcomeChanged) and record.outcome.at is not None:
            sender = record.outcome.contact
            if sender is not None and same_person(sender, who):
                days.append(local_day(record.outcome.at, ctx.interview.zone))
    o = ctx.outcome
    if o.at is not None and o.contact is not None and same_person(o.contact, who):
        days.append(local_day(o.at, ctx.interview.zone))
    if not days:
        return {"last_contact_month": None}
    last = max(days)
    met = ctx.interview.start.astimezone(ctx.interview.zone).date()
    if (last.year, last.month) == (met.year, met.month):
        return {"last_contact_month": None}
    # Placed without its year when the first check-in goes out within twelve months of it.
    first = (local_day(o.at, ctx.interview.zone) if o.at is not None else last) + step.first
    ago = (first.year - last.year) * 12 + first.month - last.month
    return {"last_contact_month": language().date(last, "month" if 0 <= ago < 12 else "month_year")}


def _names(contact: str | None, who: Contact) -> bool:
    """Whether a history record's ``contact`` (a name or an email address) is ``who``."""
    return contact is not None and contact.strip().casefold() in (
        who.name.strip().casefold(),
        (who.email or "").casefold(),
    )


def _answer_when(step: Any, ctx: StepContext, who: Contact) -> When:
    """When an answer to an offer goes: ``step.after`` the decision, but by the deadline.

    When the next business day after the decision is already past ``respond_by``,
    the answer goes the same business day: a deadline kept matters more than a
    night's sleep on the wording.
    """
    when = When(anchor=Anchor.OUTCOME, offset=step.after, at=step.at)
    o = ctx.outcome
    since = o.since
    if o.respond_by is None or since is None or not isinstance(step.after, BusinessDays):
        return when
    day = since.astimezone(v.zone(ctx.interview.zone_of(who))).date() if isinstance(since, datetime) else since
    holidays = ctx.holidays_of(who).calendar
    if step.window.add_business_days(day, step.after.n, holidays) > o.respond_by:
        return When(anchor=Anchor.OUTCOME, offset=BusinessDays(0), at=step.at)
    return when


@attrs.frozen(kw_only=True)
class OfferReply:
    """Acknowledge an offer 1 business day after it arrives, to whoever made it.

    The note thanks them, confirms receipt, asks for the written offer when it has
    not arrived (``Outcome.written``), and confirms the deadline (``respond_by``),
    or asks for one. A decision before it is due cancels it: the answer says it all.

    Args:
        id: Step id.
        after: Offset after the offer arrived (1 business day).
        at: Local time of day for the reply.
        window: The send window.
        outcomes: Outcomes it applies to (offer).
        decisions: The decisions it applies under (pending).
        stop_on: What stops it.
        tone: A tone for this step only.
        template: Template text replacing the built-in one.
    """

    id: str = _id_field("offer-reply")
    after: BusinessDays | relativedelta | timedelta = BusinessDays(1)
    at: time | None = time(10, 0)
    window: SendWindow = _window_field()
    outcomes: frozenset[OutcomeStatus] = _outcomes_field(OFFER)
    decisions: frozenset[Decision] | None = _decisions_field(frozenset({Decision.PENDING}))
    stop_on: frozenset[StopReason] = _stops_field()
    tone: Tone | None = fields.tone()
    template: str | None = _template_field()

    def actions(self, ctx: StepContext) -> list[Action]:
        who = ctx.reply_contact(self.id)
        return [
            ctx.action(
                self,
                when=When(anchor=Anchor.OUTCOME, offset=self.after, at=self.at),
                recipient=who,
                title=f"Thank {who.name} for the offer and confirm receipt {_company(ctx)}",
                kind="offer-reply-written" if ctx.outcome.written else "offer-reply",
                facts=_offer_facts(ctx),
                **_shared(self),
            )
        ]


@attrs.frozen(kw_only=True)
class OfferDeadline:
    """A task for you 2 business days before the offer's deadline: decide, then say so.

    No task when the offer has no ``respond_by``; the acknowledgement asks for one.
    An offer whose deadline is closer than that gets the task when it arrives.

    Args:
        id: Step id.
        before: How long before ``respond_by`` (2 business days).
        at: Local time of day (your zone).
        window: The window tasks are placed in.
        outcomes: Outcomes it applies to (offer).
        decisions: The decisions it applies under (pending).
        stop_on: What stops it.
    """

    id: str = _id_field("offer-deadline")
    before: BusinessDays | relativedelta | timedelta = BusinessDays(2)
    at: time = time(9, 0)
    window: SendWindow = _window_field()
    outcomes: frozenset[OutcomeStatus] = _outcomes_field(OFFER)
    decisions: frozenset[Decision] | None = _decisions_field(frozenset({Decision.PENDING}))
    stop_on: frozenset[StopReason] = _stops_field()

    def actions(self, ctx: StepContext) -> list[Action]:
        from followup.lang import language

        o = ctx.outcome
        if o.respond_by is None:
            return []
        i = ctx.interview
        deadline = language().date(o.respond_by, "long")
        return [
            ctx.action(
                self,
                when=When(anchor=Anchor.RESPOND_BY, offset=self.before, at=self.at, before=True),
                channel="task",
                title=f"Decide on the offer from {i.company}: answer due {deadline}",
                notes=(
                    f"The offer for {i.role} asks for your answer by {deadline}. Decide, then record it "
                    "with followup mark FILE --decision accept (or --decision decline --reason "
                    "'one line you are happy to share'): the plan drafts your answer."
                ),
                **_shared(self),
            )
        ]


@attrs.frozen(kw_only=True)
class OfferDecline:
    """Decline an offer graciously, the business day after you decide and by its deadline.

    Thanks, a clear no, the short reason you gave (``Outcome.reason``), your own
    ``Outcome.note`` as written, and the wish to stay in touch (naming
    ``Outcome.open_to`` when given); no hedging, nothing that reads as bargaining,
    and no question.

    Args:
        id: Step id.
        after: Offset after your decision (1 business day; the same day when the
            deadline leaves no more).
        at: Local time of day.
        window: The send window.
        outcomes: Outcomes it applies to (offer).
        decisions: The decisions it applies under (decline).
        stop_on: What stops it.
        tone: A tone for this step only.
        template: Template text replacing the built-in one.
    """

    id: str = _id_field("offer-decline")
    after: BusinessDays | relativedelta | timedelta = BusinessDays(1)
    at: time | None = time(10, 0)
    window: SendWindow = _window_field()
    outcomes: frozenset[OutcomeStatus] = _outcomes_field(OFFER)
    decisions: frozenset[Decision] | None = _decisions_field(frozenset({Decision.DECLINE}))
    stop_on: frozenset[StopReason] = _stops_field()
    tone: Tone | None = fields.tone()
    template: str | None = _template_field()

    def actions(self, ctx: StepContext) -> list[Action]:
        who = ctx.reply_contact(self.id)
        return [
            ctx.action(
                self,
                when=_answer_when(self, ctx, who),
                recipient=who,
                title=f"Decline the offer, with thanks, to {who.name} {_company(ctx)}",
                kind="offer-decline",
                facts=_offer_facts(ctx),
                **_shared(self),
            )
        ]


@attrs.frozen(kw_only=True)
class OfferAccept:
    """Accept an offer: thank whoever made it, the business day after you decide.

    The yes confirms ``Outcome.start_date`` with weekday, day and month when given, and
    your own ``Outcome.note`` (terms agreed) follows as written, in its own paragraph.

    Args:
        id: Step id.
        after: Offset after your decision (1 business day; the same day when the
            deadline leaves no more).
        at: Local time of day.
        window: The send window.
        outcomes: Outcomes it applies to (offer).
        decisions: The decisions it applies under (accept).
        stop_on: What stops it.
        tone: A tone for this step only.
        template: Template text replacing the built-in one.
    """

    id: str = _id_field("offer-accept")
    after: BusinessDays | relativedelta | timedelta = BusinessDays(1)
    at: time | None = time(10, 0)
    window: SendWindow = _window_field()
    outcomes: frozenset[OutcomeStatus] = _outcomes_field(OFFER)
    decisions: frozenset[Decision] | None = _decisions_field(frozenset({Decision.ACCEPT}))
    stop_on: frozenset[StopReason] = _stops_field()
    tone: Tone | None = fields.tone()
    template: str | None = _template_field()

    def actions(self, ctx: StepContext) -> list[Action]:
        who = ctx.reply_contact(self.id)
        return [
            ctx.action(
                self,
                when=_answer_when(self, ctx, who),
                recipient=who,
                title=f"Accept the offer, with thanks, to {who.name} {_company(ctx)}",
                kind="offer-accept",
                facts=_offer_facts(ctx),
                **_shared(self),
            )
        ]


@attrs.frozen(kw_only=True)
class OfferWelcome:
    """A short note to each interviewer after you accept: looking forward to working together.

    The person who made the offer already has your acceptance and gets no second note.
    With ``Outcome.start_date``, the note says when you start.

    Args:
        id: Step id.
        after_step: The step it follows (``offer-accept``).
        after: Offset after that step (1 business day).
        at: Local time of day.
        window: The send window.
        outcomes: Outcomes it applies to (offer).
        decisions: The decisions it applies under (accept).
        stop_on: What stops it.
        tone: A tone for this step only.
        template: Template text replacing the built-in one.
    """

    id: str = _id_field("offer-welcome")
    after_step: str = "offer-accept"
    after: BusinessDays | relativedelta | timedelta = BusinessDays(1)
    at: time | None = time(10, 0)
    window: SendWindow = _window_field()
    outcomes: frozenset[OutcomeStatus] = _outcomes_field(OFFER)
    decisions: frozenset[Decision] | None = _decisions_field(frozenset({Decision.ACCEPT}))
    stop_on: frozenset[StopReason] = _stops_field()
    tone: Tone | None = fields.tone()
    template: str | None = _template_field()

    def actions(self, ctx: StepContext) -> list[Action]:
        from followup.wording import same_person

        maker = ctx.outcome.contact
        people = [
            p for p in ctx.interview.interviewers if maker is None or not same_person(p, maker)
        ]
        if maker is None:
            # The answer went to the main contact: they need no second note either.
            main = ctx.reply_contact(self.id)
            people = [p for p in people if not same_person(p, main)]
        return [
            ctx.action(
                self,
                key=key,
                when=When(anchor=Anchor.STEP, step=self.after_step, offset=self.after, at=self.at),
                recipient=person,
                title=f"Tell {person.name} you are joining {_company(ctx)}",
                kind="offer-welcome",
                facts=_start_date(ctx.outcome),
                **_shared(self),
            )
            for key, person in zip(_keys(people), people, strict=True)
        ]


@attrs.frozen(kw_only=True)
class WithdrawElsewhere:
    """A task the business day after you accept: withdraw from your other open processes.

    Args:
        id: Step id.
        after: Offset after your decision (1 business day).
        at: Local time of day (your zone).
        window: The window tasks are placed in.
        outcomes: Outcomes it applies to (offer).
        decisions: The decisions it applies under (accept).
        stop_on: What stops it.
    """

    id: str = _id_field("withdraw-elsewhere")
    after: BusinessDays | relativedelta | timedelta = BusinessDays(1)
    at: time = time(9, 0)
    window: SendWindow = _window_field()
    outcomes: frozenset[OutcomeStatus] = _outcomes_field(OFFER)
    decisions: frozenset[Decision] | None = _decisions_field(frozenset({Decision.ACCEPT}))
    stop_on: frozenset[StopReason] = _stops_field()

    def actions(self, ctx: StepContext) -> list[Action]:
        i = ctx.interview
        return [
            ctx.action(
                self,
                when=When(anchor=Anchor.OUTCOME, offset=self.after, at=self.at),
                channel="task",
                title=f"Withdraw from your other open applications (you accepted {i.company})",
                notes=(
                    "Tell each company where you are still in process that you have accepted "
                    "another offer: a short note to the recruiter, with thanks for their time. "
                    "In each of their interview files, run followup mark FILE --outcome withdrawn "
                    "--reason 'I have accepted another offer': the plan drafts the note."
                ),
                **_shared(self),
            )
        ]


@attrs.frozen(kw_only=True)
class Withdrawal:
    """Withdraw from the process, 1 business day after you decide: a short, gracious note.

    It goes to the recruiter (or the main contact; ``Outcome.contact`` when given):
    thanks, a clear withdrawal, the reason if you gave one, your own ``Outcome.note``
    as written, and the door left open (naming ``Outcome.open_to`` when given).

    Args:
        id: Step id.
        after: Offset after the withdrawal (1 business day).
        at: Local time of day.
        window: The send window.
        outcomes: Outcomes it applies to (withdrawn).
        stop_on: What stops it.
        tone: A tone for this step only.
        template: Template text replacing the built-in one.
    """

    id: str = _id_field("withdrawal")
    after: BusinessDays | relativedelta | timedelta = BusinessDays(1)
    at: time | None = time(10, 0)
    window: SendWindow = _window_field()
    outcomes: frozenset[OutcomeStatus] = _outcomes_field(WITHDRAWN)
    stop_on: frozenset[StopReason] = _stops_field()
    tone: Tone | None = fields.tone()
    template: str | None = _template_field()

    def actions(self, ctx: StepContext) -> list[Action]:
        who = ctx.reply_contact(self.id)
        return [
            ctx.action(
                self,
                when=When(anchor=Anchor.OUTCOME, offset=self.after, at=self.at),
                recipient=who,
                title=f"Tell {who.name} you are withdrawing, with thanks {_company(ctx)}",
                kind="withdrawal",
                facts=_offer_facts(ctx),
                **_shared(self),
            )
        ]
