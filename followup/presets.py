"""Ready-made plans for the common cases, each default a keyword parameter.

The defaults and where they come from are in the project's design brief:
thank-you about 3 hours after the interview; status checks 2 business days
after the expected decision date; a reply to a rejection 1 business day after
it; a LinkedIn request 2 business days later; check-ins about every 3 months;
a monthly look at the company's open roles; a networking task after a week.
After an offer: an acknowledgement 1 business day after it, a decision task 2
business days before its deadline, then a gracious decline (with check-ins and
LinkedIn connections) or an acceptance (with notes to the panel and a task to
withdraw elsewhere). After a withdrawal: a short note 1 business day later, then
check-ins.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from followup.model import Decision, OutcomeStatus
from followup.plan import Plan
from followup.steps import (
    ExploreOpenings,
    FeedbackRequest,
    KeepInTouch,
    LinkedInConnect,
    Network,
    OfferAccept,
    OfferDeadline,
    OfferDecline,
    OfferReply,
    OfferWelcome,
    RejectionReply,
    StatusCheck,
    ThankYou,
    Withdrawal,
    WithdrawElsewhere,
)
from followup.timing import BusinessDays, SendWindow
from followup.typing import Tone

__all__ = ["PRESETS", "after_interview", "after_offer", "after_rejection", "after_withdrawal"]


def after_rejection(
    *,
    reply_after: BusinessDays | relativedelta | timedelta = BusinessDays(1),
    separate_feedback_request: bool = False,
    feedback_after: BusinessDays | relativedelta | timedelta = BusinessDays(2),
    linkedin: bool = True,
    linkedin_after: BusinessDays | relativedelta | timedelta = BusinessDays(2),
    linkedin_note_limit: int = 200,
    keep_in_touch_first: relativedelta | None = None,
    keep_in_touch_every: relativedelta | None = None,
    keep_in_touch_count: int | None = 4,
    keep_in_touch_until: date | None = None,
    keep_in_touch_channel: str = "email",
    openings_every: relativedelta | None = None,
    openings_count: int | None = 6,
    network_after: relativedelta | timedelta | BusinessDays | None = None,
    window: SendWindow | None = None,
    tone: Tone = "warm",
) -> Plan:
    """The plan after a rejection: reply, ask for feedback, connect, keep in touch, look around.

    Args:
        reply_after: Offset of the reply after the rejection (1 business day).
        separate_feedback_request: Ask for feedback in its own message instead of in the reply.
        feedback_after: Offset of that message after the reply (2 business days).
        linkedin: Include the LinkedIn connection request.
        linkedin_after: Offset of the request after the reply (2 business days).
        linkedin_note_limit: Note length limit: 200 (free) or 300 (Premium).
        keep_in_touch_first: First check-in after the rejection (3 months; at least 1).
        keep_in_touch_every: Interval between check-ins (3 months).
        keep_in_touch_count: Number of check-ins (4), or None with ``keep_in_touch_until``.
        keep_in_touch_until: Last date for a check-in.
        keep_in_touch_channel: ``email``, or ``linkedin-message`` for LinkedIn messages.
        openings_every: Interval of the open-roles review (1 month).
        openings_count: Number of reviews (6).
        network_after: Offset of the networking task (1 week).
        window: Send window for every step (weekdays 09:00–17:00).
        tone: formal, warm or brief.

    Returns:
        The plan; its steps apply to the rejected outcome.
    """
    w = window or SendWindow()
    every = keep_in_touch_every or relativedelta(months=3)
    steps: list[object] = [
        RejectionReply(after=reply_after, ask_feedback=not separate_feedback_request, window=w),
    ]
    if separate_feedback_request:
        steps.append(FeedbackRequest(after=feedback_after, window=w))
    if linkedin:
        steps.append(
            LinkedInConnect(after=linkedin_after, note_limit=linkedin_note_limit, window=w)
        )
    steps += [
        KeepInTouch(
            first=keep_in_touch_first or every,
            every=every,
            count=None if keep_in_touch_until is not None else keep_in_touch_count,
            until=keep_in_touch_until,
            channel=keep_in_touch_channel,
            window=w,
        ),
        ExploreOpenings(
            every=openings_every or relativedelta(months=1),
            first=openings_every or relativedelta(months=1),
            count=openings_count,
            window=w,
        ),
        Network(after=network_after or relativedelta(weeks=1), window=w),
    ]
    return Plan.of(*steps, tone=tone, name="after-rejection").only("rejected")  # type: ignore[arg-type]


def after_offer(
    *,
    reply_after: BusinessDays | relativedelta | timedelta = BusinessDays(1),
    decide_before: BusinessDays | relativedelta | timedelta = BusinessDays(2),
    answer_after: BusinessDays | relativedelta | timedelta = BusinessDays(1),
    linkedin: bool = True,
    linkedin_after: BusinessDays | relativedelta | timedelta = BusinessDays(2),
    linkedin_note_limit: int = 200,
    keep_in_touch_first: relativedelta | None = None,
    keep_in_touch_every: relativedelta | None = None,
    keep_in_touch_count: int | None = 4,
    keep_in_touch_channel: str = "email",
    welcome_after: BusinessDays | relativedelta | timedelta = BusinessDays(1),
    window: SendWindow | None = None,
    tone: Tone = "warm",
) -> Plan:
    """The plan after an offer: acknowledge it, decide by the deadline, then decline or accept.

    While the decision is pending: a reply to whoever made the offer 1 business day
    after it (``offer-reply``), and a task 2 business days before ``respond_by``
    (``offer-deadline``). Declined: a gracious decline the business day after you
    decide, by the deadline (``offer-decline``), LinkedIn connections to the panel
    members whose profiles are known (``offer-linkedin-connect``) and check-ins
    (``offer-keep-in-touch``). Accepted: a thank-you with your yes (``offer-accept``),
    a short note to each other interviewer (``offer-welcome``) and a task to
    withdraw from your other processes (``withdraw-elsewhere``).

    Args:
        reply_after: Offset of the acknowledgement after the offer (1 business day).
        decide_before: The decision task, before ``respond_by`` (2 business days).
        answer_after: Offset of your answer after you decide (1 business day; the
            same day when the deadline leaves no more).
        linkedin: Connect with the panel after a decline.
        linkedin_after: Offset of the requests after the decline (2 business days).
        linkedin_note_limit: Note length limit: 200 (free) or 300 (Premium).
        keep_in_touch_first: First check-in after the decline (3 months).
        keep_in_touch_every: Interval between check-ins (3 months).
        keep_in_touch_count: Number of check-ins (4).
        keep_in_touch_channel: ``email``, or ``linkedin-message``.
        welcome_after: Offset of the notes to the panel after your acceptance (1 business day).
        window: Send window for every step (weekdays 09:00–17:00).
        tone: formal, warm or brief.

    Returns:
        The plan; its steps apply to the offer outcome.
    """
    w = window or SendWindow()
    every = keep_in_touch_every or relativedelta(months=3)
    declined = frozenset({Decision.DECLINE})
    offer = frozenset({OutcomeStatus.OFFER})
    steps: list[object] = [
        OfferReply(after=reply_after, window=w),
        OfferDeadline(before=decide_before, window=w),
        OfferDecline(after=answer_after, window=w),
    ]
    if linkedin:
        steps.append(
            LinkedInConnect(
                id="offer-linkedin-connect",
                after_step="offer-decline",
                after=linkedin_after,
                note_limit=linkedin_note_limit,
                known_profiles_only=True,
                outcomes=offer,
                decisions=declined,
                window=w,
            )
        )
    steps += [
        KeepInTouch(
            id="offer-keep-in-touch",
            first=keep_in_touch_first or every,
            every=every,
            count=keep_in_touch_count,
            channel=keep_in_touch_channel,
            outcomes=offer,
            decisions=declined,
            window=w,
        ),
        OfferAccept(after=answer_after, window=w),
        OfferWelcome(after=welcome_after, window=w),
        WithdrawElsewhere(after=answer_after, window=w),
    ]
    return Plan.of(*steps, tone=tone, name="after-offer").only("offer")  # type: ignore[arg-type]


def after_withdrawal(
    *,
    note_after: BusinessDays | relativedelta | timedelta = BusinessDays(1),
    keep_in_touch_first: relativedelta | None = None,
    keep_in_touch_every: relativedelta | None = None,
    keep_in_touch_count: int | None = 4,
    keep_in_touch_channel: str = "email",
    window: SendWindow | None = None,
    tone: Tone = "warm",
) -> Plan:
    """The plan after you withdraw: a short note 1 business day later, then check-ins.

    The note (``withdrawal``) goes to the recruiter, else the main contact:
    thanks, a clear withdrawal, your reason if you gave one, the door left open.
    Check-ins (``withdrawal-keep-in-touch``) follow every 3 months, 4 times.

    Args:
        note_after: Offset of the note after the withdrawal (1 business day).
        keep_in_touch_first: First check-in after the withdrawal (3 months).
        keep_in_touch_every: Interval between check-ins (3 months).
        keep_in_touch_count: Number of check-ins (4).
        keep_in_touch_channel: ``email``, or ``linkedin-message``.
        window: Send window for every step.
        tone: formal, warm or brief.

    Returns:
        The plan; its steps apply to the withdrawn outcome.
    """
    w = window or SendWindow()
    every = keep_in_touch_every or relativedelta(months=3)
    return Plan.of(
        Withdrawal(after=note_after, window=w),
        KeepInTouch(
            id="withdrawal-keep-in-touch",
            first=keep_in_touch_first or every,
            every=every,
            count=keep_in_touch_count,
            channel=keep_in_touch_channel,
            outcomes=frozenset({OutcomeStatus.WITHDRAWN}),
            window=w,
        ),
        tone=tone,
        name="after-withdrawal",
    ).only("withdrawn")


def after_interview(
    *,
    thank_you_after: timedelta = timedelta(hours=3),
    status_checks: int = 2,
    status_check_after_decision: BusinessDays = BusinessDays(2),
    status_check_without_decision: BusinessDays = BusinessDays(7),
    status_check_then: BusinessDays = BusinessDays(5),
    window: SendWindow | None = None,
    tone: Tone = "warm",
    offers: bool = True,
    withdrawals: bool = True,
    **after_rejection_options: object,
) -> Plan:
    """The plan from the end of the interview: thank-you notes and status checks while pending,
    branching to [`after_rejection`][followup.presets.after_rejection] when a rejection arrives, to `after_offer`
    when an offer does, and to `after_withdrawal` when you withdraw.

    Args:
        thank_you_after: Offset of the thank-you notes after the interview ends (3 hours).
        status_checks: How many status checks (1 or 2).
        status_check_after_decision: Offset after the expected decision date (2 business days).
        status_check_without_decision: Offset after the interview with no date (7 business days).
        status_check_then: Offset between the two checks (5 business days).
        window: Send window for every step.
        tone: formal, warm or brief.
        offers: Include the offer branch (`after_offer`, its defaults).
        withdrawals: Include the withdrawal branch (`after_withdrawal`, its defaults).
        **after_rejection_options: Passed on to [`after_rejection`][followup.presets.after_rejection].
    """
    w = window or SendWindow()
    pending = Plan.of(
        ThankYou(after=thank_you_after, window=w),
        StatusCheck(
            attempts=status_checks,
            after_decision=status_check_after_decision,
            without_decision=status_check_without_decision,
            then=status_check_then,
            window=w,
        ),
    )
    rejected = after_rejection(window=w, tone=tone, **after_rejection_options)  # type: ignore[arg-type]
    branches = [pending, rejected]
    if offers:
        branches.append(after_offer(window=w, tone=tone))
    if withdrawals:
        branches.append(after_withdrawal(window=w, tone=tone))
    return Plan.of(*branches, tone=tone, name="after-interview")


PRESETS: dict[str, Callable[..., Plan]] = {
    "after-interview": after_interview,
    "after-rejection": after_rejection,
    "after-offer": after_offer,
    "after-withdrawal": after_withdrawal,
}
"""The presets by the names interview files use."""
