"""The facts of one interview: people, the interview, its outcome and what has happened since.

Every class is a frozen ``attrs`` class whose validators run when it is built, so
a bad value fails at once with a [`ValidationError`][followup.errors.ValidationError] that
names the field and the value.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import attrs

from followup import _validate as v
from followup import channels
from followup.errors import ValidationError
from followup.timing import (
    WAKING_HOURS,
    HolidayCalendar,
    HolidaysLike,
    SendWindow,
    holiday_calendar,
)
from followup.typing import Tone

if TYPE_CHECKING:
    from followup.names import Address

__all__ = [
    "Candidate",
    "Contact",
    "Decision",
    "HistoryRecord",
    "Interview",
    "Message",
    "OutOfOffice",
    "Outcome",
    "OutcomeChanged",
    "OutcomeStatus",
    "ReplyReceived",
    "Snoozed",
    "Status",
    "StepDone",
    "StepSkipped",
]


class OutcomeStatus(str, enum.Enum):
    """Where the application stands."""

    PENDING = "pending"
    REJECTED = "rejected"
    OFFER = "offer"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return self.value


class Decision(str, enum.Enum):
    """What the candidate decided about an offer."""

    PENDING = "pending"
    ACCEPT = "accept"
    DECLINE = "decline"

    def __str__(self) -> str:
        return self.value


class Status(str, enum.Enum):
    """The state of a scheduled action relative to ``now``."""

    UPCOMING = "upcoming"
    DUE = "due"
    OVERDUE = "overdue"
    DONE = "done"
    CANCELLED = "cancelled"

    def __str__(self) -> str:
        return self.value


def _tuple_of_str(value: Iterable[str] | str | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def _check_topics(
    _inst: object, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
) -> None:
    for i, topic in enumerate(value):
        if not isinstance(topic, str) or not topic.strip():
            raise ValidationError(
                f"{attribute.name}[{i}]",
                topic,
                "a non-empty phrase such as 'the data platform migration'",
            )


def _greeting_names(
    name: str, family: str | None = None, honorific: str | None = None
) -> tuple[str, str, str | None]:
    """(informal, formal, titled) greeting names for a contact's name; see `Contact`."""
    named = _address(name, family, honorific, None)
    return named.first, named.formal, named.titled


def _address(name: str, family: str | None, honorific: str | None, region: str | None) -> Address:
    from followup.names import ENGLISH_TITLES, Address, address, parse_name, with_honorific

    try:
        parsed = parse_name(name, family)
    except ValidationError:  # only a title: nothing better to greet by than what was written
        return Address(first=name.strip(), formal=name.strip())
    # The contact's own honorific replaces any title written in the name.
    return address(with_honorific(parsed, honorific), region=region, titles=ENGLISH_TITLES)


def _check_family_name(instance: Contact, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    v.check_optional_name(instance, attribute, value)
    if value is not None:
        from followup.names import parse_name

        try:
            parse_name(instance.name)
        except ValidationError:
            return  # the name itself is reported by its own check
        parse_name(instance.name, value)  # raises ValidationError("family_name", ...)


def _own_holidays(value: HolidaysLike) -> HolidayCalendar | None:
    calendar = holiday_calendar(value)
    return calendar if calendar else None


@attrs.frozen(kw_only=True)
class Contact:
    """Someone at the company: an interviewer, a recruiter, the sender of a decision.

    Args:
        name: Full name, as it should appear in a greeting's source ("Jane Doe").
        email: Email address, if known.
        linkedin: LinkedIn profile URL, if known.
        title: Job title, if known.
        timezone: IANA zone the person works in; defaults to the interview's zone.
        topics: What was discussed with this person: the hook for a personal note.
        holidays: The holidays of where the person works, when the country of their
            zone is not it: a country or subdivision code ("GB-SCT", "DE-BY"), dates,
            a code and dates, or a [`HolidayCalendar`][followup.timing.HolidayCalendar]. Messages
            to them skip these; left out, the country of their zone (or the plan's, when
            the plan names a part of that country and the zone is that country's only one,
            "GB-SCT", or the candidate's own, "CA-ON" in Toronto), else the plan's.
        greeting: The name to greet them by, in every tone, when it is not the one
            the name gives ("Bob" for "Robert Smith" who said "call me Bob").
        promised: Something you said you would send this person ("the paper on
            directed evolution I mentioned"); the thank-you note delivers it.
        moment: One or two sentences, in your own words and written to this person,
            about something from your conversation ("Our debate about scorecards ran
            over, and your point on calibration has stayed with me."). The thank-you
            note to them includes it as written, straight after the thanks and in
            place of the sentence that recalls their topics (a topic it already names
            is not recalled again); their connection note carries it when the note
            stays within its limit, else recalls a topic. A recruiter who was not in
            the conversation (and gets no thank-you) reads theirs in the first status
            check. One that opens with thanks ("Thank you for walking me round the
            lab.") is the draft's thanks, in place of its own. No one else's draft
            carries it.
        family_name: Their family name as written in ``name``, when the name alone
            does not tell: written first ("Kim" in "Kim Min-jun", "Nagy" in "Nagy
            Katalin") or two surnames ("Duarte Lima"); a romanised Korean name
            ("Choi Eun-ji") is read family name first without it. Greetings use it:
            "Dear Mr. Kim" in every tone (with a title), "Dear Kim Min-jun" (formal,
            no title; in every tone for someone working in Korea, China or
            Taiwan; "Dear Sato-san" for "Sato Kenji" working in Japan), else "Hi
            Min-jun".
        honorific: How to address them, when the name does not say or says it
            otherwise: "Ms", "Mr.", "Dr", "Prof.", "Mx", "Puan", "Ibu", "Pak", "san".
            A formal greeting is the honorific and the family name ("Dear Ms Tan" for
            "Tan Wei Ling" with ``family_name = "Tan"``), or the person's own name
            before a patronymic or with a Malay or Indonesian honorific ("Dear Puan Nur
            Aisyah" for "Nur Aisyah binti Ahmad", "Dear Pak Budi" for "Budi Santoso")
            or a single name ("Dear Mr Sukarno"); "Prof." is written "Professor"
            ("Dear Professor Hartmann") and "san" follows the family name ("Dear
            Tanaka-san"). Warm and brief notes use it too, after "Dear", when it
            is an Indonesian or Japanese honorific ("Dear Ibu Wulandari"), when the
            name is written family name first ("Dear Ms Choi"), or when they work
            in Korea, Japan, China, Taiwan, Indonesia, Germany, Austria,
            Switzerland or Liechtenstein; a doctor's or professor's stays in every
            tone ("Hello Dr Byrne"); otherwise warm and brief notes use the given
            name ("Hi Jane" for a "Ms." in Ohio). Without one, someone working in
            Japan is greeted by the family name and "-san" in every tone ("Dear
            Sato-san"), when the family name can be told: ``family_name``, or a common
            Japanese family name in either order ("Sato Kenji", "Kenji Sato"). ``greeting`` still wins. An Indonesian or Malay honorific
            written at the start of ``name`` ("Ibu Wulandari", "Pak Budi Santoso",
            "Encik Ahmad bin Ali") counts as this.
    """

    name: str = attrs.field(validator=v.check_name)
    email: str | None = attrs.field(default=None, validator=v.check_email)
    linkedin: str | None = attrs.field(default=None, validator=v.check_url)
    title: str | None = attrs.field(default=None, validator=v.check_optional_text)
    timezone: str | None = attrs.field(default=None, validator=v.check_timezone)
    topics: tuple[str, ...] = attrs.field(
        default=(), converter=_tuple_of_str, validator=_check_topics
    )
    holidays: HolidayCalendar | None = attrs.field(default=None, converter=_own_holidays)
    greeting: str | None = attrs.field(default=None, validator=v.check_optional_name)
    promised: str | None = attrs.field(default=None, validator=v.check_optional_line)
    moment: str | None = attrs.field(default=None, validator=v.check_multiline_text)
    family_name: str | None = attrs.field(default=None, validator=_check_family_name)
    honorific: str | None = attrs.field(default=None, validator=v.check_optional_name)

    @property
    def first_name(self) -> str:
        """The name a warm greeting uses: ``greeting`` when given, else the given name
        ("Ingrid" for "Dr. Ingrid Müller"), or the formal form when there is none
        ("Dr. Müller"); never a bare title. A name that is nothing but a title ("Dr.")
        has no better name to greet by and is used as written."""
        return self.greeting or _greeting_names(self.name, self.family_name, self.honorific)[0]

    @property
    def formal_name(self) -> str:
        """The name a formal greeting uses: ``greeting`` when given, else the title
        and family name when a title is written ("Dr. Müller", "Ms. García López"),
        else the given name ("Orla" for "Orla Brady": "Dear Orla Brady" reads as a
        mail merge), except that a name written family name first is used whole
        ("Nagy Katalin")."""
        return self.greeting or _greeting_names(self.name, self.family_name, self.honorific)[1]

    def address(self, region: str | None = None) -> Address:
        """How to greet and name this person in each tone, given the country they work in.

        ``greeting`` wins in every tone (see
        [`greeting_address`][followup.names.greeting_address]); otherwise see
        [`address`][followup.names.address]: in Korea, Japan, China, Taiwan,
        Indonesia and the German-speaking countries, or for a name written
        family name first, a title applies in every tone ("Dear Ms Choi"), as
        do the Indonesian and Japanese honorifics everywhere ("Dear Ibu
        Wulandari").

        Args:
            region: The country they work in ("KR"), if known.

        Returns:
            The names for each tone.
        """
        if self.greeting:
            from followup.names import greeting_address

            return greeting_address(self.greeting)
        return _address(self.name, self.family_name, self.honorific, region)

    @property
    def titled_name(self) -> str | None:
        """The name with a title kept in every tone ("Dr. Brady", "Prof. Weber"), or None.

        A doctor, professor or cleric is greeted with the title even in a warm or
        brief note ("Hello Dr. Brady"); a courtesy title ("Ms.") is for formal
        notes only. With ``greeting`` given, that greeting when it starts with
        such a title.
        """
        if self.greeting:
            from followup.names import parse_name

            try:
                kept = parse_name(self.greeting).keeps_title
            except ValidationError:
                kept = False
            return self.greeting if kept else None
        return _greeting_names(self.name, self.family_name, self.honorific)[2]


@attrs.frozen(kw_only=True)
class Candidate:
    """The person following up.

    Args:
        name: Full name, used to sign messages.
        email: Address messages are sent from.
        phone: Phone number for the signature.
        linkedin: LinkedIn profile URL.
        signature: A sign-off block used instead of the name alone.
        timezone: IANA zone for the candidate's own tasks; defaults to the interview's zone.
        holidays: The candidate's holidays, for their own tasks: a country or subdivision
            code, dates, a code and dates, or a [`HolidayCalendar`][followup.timing.HolidayCalendar];
            left out, the plan's, else the country of the candidate's zone.
        reminder_window: The candidate's own hours for calendar reminders (default
            every day, 08:00–21:00 in their zone): a message due at night for them
            (an afternoon send to Los Angeles from Berlin) is reminded of at the
            window's close before it, with the send time in the recipient's zone.
    """

    name: str = attrs.field(validator=v.check_name)
    email: str | None = attrs.field(default=None, validator=v.check_email)
    phone: str | None = attrs.field(default=None, validator=v.check_optional_text)
    linkedin: str | None = attrs.field(default=None, validator=v.check_url)
    signature: str | None = attrs.field(default=None, validator=v.check_multiline_text)
    timezone: str | None = attrs.field(default=None, validator=v.check_timezone)
    holidays: HolidayCalendar | None = attrs.field(default=None, converter=_own_holidays)
    reminder_window: SendWindow = attrs.field(
        default=WAKING_HOURS, validator=attrs.validators.instance_of(SendWindow)
    )


def _contacts(value: Iterable[Contact] | None) -> tuple[Contact, ...]:
    return () if value is None else tuple(value)


def _check_contacts(
    _inst: object, attribute: attrs.Attribute[tuple[Contact, ...]], value: tuple[Contact, ...]
) -> None:
    if len(value) > v.MAX_PEOPLE:
        raise ValidationError(
            f"{attribute.name}[{v.MAX_PEOPLE}]",
            value[v.MAX_PEOPLE],
            f"at most {v.MAX_PEOPLE} interviewers (this interview names {len(value)})",
        )
    for i, c in enumerate(value):
        if not isinstance(c, Contact):
            raise ValidationError(f"{attribute.name}[{i}]", c, "a Contact")


def _zone_of(start: datetime) -> str | None:
    key = getattr(start.tzinfo, "key", None)
    return key if isinstance(key, str) else None


@attrs.frozen(kw_only=True)
class Interview:
    """One interview and the facts the follow-up needs.

    Args:
        company: The company's name.
        role: The role interviewed for.
        start: When the interview started: an aware datetime.
        duration: How long it lasted (default one hour).
        timezone: IANA zone of the interview; defaults to ``start``'s ``ZoneInfo`` key,
            and then follows ``start`` through ``attrs.evolve``.
        candidate: The person following up.
        interviewers: The people met; thank-you notes go to each. Empty, the
            recruiter is the person met (a screening call).
        recruiter: The recruiter or coordinator, if any.
        stage: "phone screen", "final round", ...
        topics: What was discussed overall (each interviewer may have their own).
        decision_expected: The date a decision was promised, if any.
        other_offer_by: The date by which you must answer another offer, if you
            hold one: a status check sent on or before it says so, as
            information, and that you would rather join this company ("I hold
            another offer, which expires on Monday 30 November; I would much
            rather join Acme.").
        careers_url: The company's careers page.
        highlights: One or two sentences, in your own words, on why you fit the
            role ("I spent four years cutting no-show rates at 30 clinics."); the
            thank-you notes include them as written.
        promised: Something you said you would send; the thank-you note to the
            main contact, the first interviewer, delivers it (give a contact their
            own ``promised`` when you promised it to someone else).
        news: One or two sentences of your own news since you last spoke ("I now
            lead our packaging work in Vietnam."), for the keep-in-touch notes
            that come months later; they include it as written.
        key: A stable identifier for this interview (used in action and calendar ids);
            derived from company, role and start when left out (and derived again by
            ``attrs.evolve`` when they change); a key given stays.

    Raises:
        ValidationError: a field is not valid; the message names it.
    """

    company: str = attrs.field(validator=v.check_name)
    role: str = attrs.field(validator=v.check_name)
    start: datetime = attrs.field(validator=v.check_aware_in_range)
    candidate: Candidate = attrs.field(validator=v.instance_of(Candidate, "a Candidate"))
    duration: timedelta = attrs.field(
        default=timedelta(hours=1), validator=v.check_interview_length
    )
    # What was given, if anything; the public `timezone` and `key` below are what is in force.
    # attrs.evolve() passes on only what was given, so derived values follow `start`, `company`
    # and `role` instead of keeping their old values silently.
    _given_timezone: str | None = attrs.field(
        default=None, alias="timezone", validator=v.check_timezone, eq=False, repr=False
    )
    timezone: str = attrs.field(init=False)
    interviewers: tuple[Contact, ...] = attrs.field(
        default=(), converter=_contacts, validator=_check_contacts
    )
    recruiter: Contact | None = attrs.field(
        default=None, validator=v.optional_instance_of(Contact, "a Contact, or None")
    )
    stage: str | None = attrs.field(default=None, validator=v.check_optional_text)
    topics: tuple[str, ...] = attrs.field(
        default=(), converter=_tuple_of_str, validator=_check_topics
    )
    decision_expected: date | None = attrs.field(default=None)
    other_offer_by: date | None = attrs.field(default=None)
    careers_url: str | None = attrs.field(default=None, validator=v.check_url)
    highlights: str | None = attrs.field(default=None, validator=v.check_multiline_text)
    promised: str | None = attrs.field(default=None, validator=v.check_optional_line)
    news: str | None = attrs.field(default=None, validator=v.check_multiline_text)
    _given_key: str | None = attrs.field(default=None, alias="key", eq=False, repr=False)
    key: str = attrs.field(init=False)

    @timezone.default
    def _default_timezone(self) -> str:
        if self._given_timezone is not None:
            return self._given_timezone
        # Runs before the validators: a naive start must be reported as such, not as a zone problem.
        v.check_aware_in_range(self, attrs.fields(Interview).start, self.start)
        name = _zone_of(self.start)
        if name is None:
            raise ValidationError(
                "timezone",
                None,
                "an IANA zone name; start's tzinfo is not a ZoneInfo, so give timezone=",
            )
        return name

    @key.default
    def _default_key(self) -> str:
        if self._given_key is not None:
            return self._given_key
        from followup._ids import interview_key

        return interview_key(self.company, self.role, self.start)

    @decision_expected.validator
    @other_offer_by.validator
    def _check_interview_day(self, attribute: attrs.Attribute[date | None], value: date | None) -> None:
        """A day on or after the interview: when a decision is due, when another offer expires."""
        if value is None:
            return
        if isinstance(value, datetime) or not isinstance(value, date):
            raise ValidationError(attribute.name, value, "a date such as date(2026, 11, 27)")
        v.check_range(attribute.name, value)
        if value < self.start.astimezone(self.zone).date():
            raise ValidationError(attribute.name, value, "a date on or after the interview")

    @_given_key.validator
    def _check_key(self, attribute: attrs.Attribute[str | None], value: str | None) -> None:
        if value is not None and (
            not isinstance(value, str)
            or not value
            or not value.isascii()
            or any(not (ch.isalnum() or ch in "-_.") for ch in value)
        ):
            raise ValidationError("key", value, "ASCII letters, digits, '-', '_' or '.'")

    @property
    def derived(self) -> frozenset[str]:
        """The fields computed rather than given: ``"timezone"`` (from ``start``) and ``"key"``
        (from company, role and start) when left out. ``attrs.evolve`` computes them again."""
        return frozenset(
            name
            for name, given in (("timezone", self._given_timezone), ("key", self._given_key))
            if given is None
        )

    @property
    def zone(self) -> ZoneInfo:
        """The interview's zone as a ``ZoneInfo``."""
        return v.zone(self.timezone)

    @property
    def end(self) -> datetime:
        """When the interview ended (``start + duration`` of elapsed time), in the interview's zone.

        The duration is added to the instant, not to the wall clock, so an interview that
        runs across a daylight-saving change ends when it really ended.
        """
        return (self.start.astimezone(UTC) + self.duration).astimezone(self.zone)

    def zone_of(self, contact: Contact | Candidate | None) -> str:
        """The IANA zone a contact (or the candidate) works in."""
        if contact is not None and contact.timezone:
            return contact.timezone
        return self.timezone


def _outcome_status(value: Any) -> OutcomeStatus:
    return v.to_enum(OutcomeStatus, "status", value)


def _decision(value: Any) -> Decision:
    return v.to_enum(Decision, "decision", value)


def _day_of(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def _check_plain_date(_inst: object, attribute: attrs.Attribute[date | None], value: date | None) -> None:
    if value is None:
        return
    if isinstance(value, datetime) or not isinstance(value, date):
        raise ValidationError(attribute.name, value, "a date such as date(2026, 12, 7)")
    v.check_range(attribute.name, value)


def _check_bool(_inst: object, attribute: attrs.Attribute[bool], value: bool) -> None:
    if not isinstance(value, bool):
        raise ValidationError(attribute.name, value, "true or false")


@attrs.frozen(kw_only=True)
class Outcome:
    """The decision, or the lack of one.

    Use the constructors: ``Outcome.pending()``, ``Outcome.rejected(at=...)``,
    ``Outcome.offer(at=..., respond_by=...)``, ``Outcome.withdrawn(at=...)``.

    Args:
        status: pending, rejected, offer or withdrawn.
        at: When it arrived: a date or an aware datetime (required unless pending).
        contact: Who sent it, if known; replies to a rejection or an offer go to them.
        respond_by: For an offer: the date the company asked for an answer by.
        decision: For an offer: ``pending`` (default), ``accept`` or ``decline``.
        decided: When you decided (a date or an aware datetime; default ``at``): the
            decline or the acceptance is timed from it.
        reason: One line you are happy to share: why you decline the offer or
            withdraw ("I have accepted a role closer to home"). Drafts quote it.
            For a rejection: the reason the company gave ("the team wanted more
            quantitative experience"); the reply and the feedback request ask about it.
        written: For an offer: the written offer has arrived (else the
            acknowledgement asks for it).
        start_date: For an offer: the start date agreed. The acceptance names it
            with day and month ("I look forward to starting on 4 January"), and so
            does the note to each interviewer after it.
        note: One or two sentences, in your own words, of anything else the reply
            to the decision should say: terms agreed in an acceptance ("Thank you
            for agreeing to the relocation support and a hybrid first month."), a
            personal line in the reply to a rejection, in a decline or in a
            withdrawal. The reply includes it as written, after the decision.
        open_to: What you would welcome hearing about later, written to follow
            "hear about" ("a Nairobi-based post", "helping set up the simulation
            course"); every frame keeps it the object of a sentence: the reply to a
            rejection, the decline, the withdrawal and the check-ins after any of
            them name it instead of "future roles".

    Raises:
        ValidationError: a field is not valid, or does not go with the status
            (a decision without an offer, a deadline before the offer arrived).
    """

    status: OutcomeStatus = attrs.field(converter=_outcome_status)
    at: date | datetime | None = attrs.field(default=None, validator=v.check_aware_or_date)
    contact: Contact | None = attrs.field(
        default=None, validator=v.optional_instance_of(Contact, "a Contact, or None")
    )
    respond_by: date | None = attrs.field(default=None, validator=_check_plain_date)
    decision: Decision = attrs.field(default=Decision.PENDING, converter=_decision)
    decided: date | datetime | None = attrs.field(default=None, validator=v.check_aware_or_date)
    reason: str | None = attrs.field(default=None, validator=v.check_optional_line)
    written: bool = attrs.field(default=False, validator=_check_bool)
    start_date: date | None = attrs.field(default=None, validator=_check_plain_date)
    note: str | None = attrs.field(default=None, validator=v.check_multiline_text)
    open_to: str | None = attrs.field(default=None, validator=v.check_optional_line)

    def __attrs_post_init__(self) -> None:
        if self.status is not OutcomeStatus.PENDING and self.at is None:
            raise ValidationError("at", None, f"the date the {self.status.value} outcome arrived")
        offer = self.status is OutcomeStatus.OFFER
        # A reason and open_to belong to an answer of no: a rejection, a withdrawal or a
        # declined offer.
        no = (
            self.status in (OutcomeStatus.WITHDRAWN, OutcomeStatus.REJECTED)
            or self.decision is Decision.DECLINE
        )
        if self.decision is not Decision.PENDING and not offer:
            raise ValidationError(
                "decision",
                self.decision.value,
                f'nothing: only an offer has a decision (this outcome is {self.status.value}); '
                'set status = "offer", or remove decision',
            )
        if self.respond_by is not None and not offer:
            raise ValidationError(
                "respond_by",
                self.respond_by,
                f"nothing: only an offer has a deadline (this outcome is {self.status.value})",
            )
        if self.written and not offer:
            raise ValidationError("written", True, "nothing: only an offer is written")
        if self.start_date is not None and not offer:
            raise ValidationError(
                "start_date",
                self.start_date,
                f"nothing: only an offer has a start date (this outcome is {self.status.value})",
            )
        self._check_not_before_offer("start_date", self.start_date, "the start date you agreed")
        if self.note is not None and self.status is OutcomeStatus.PENDING:
            raise ValidationError(
                "note",
                self.note,
                "nothing: a note is for the reply to a decision (a rejection, an offer or "
                "a withdrawal); remove it while the outcome is pending",
            )
        if self.open_to is not None and not no:
            raise ValidationError(
                "open_to",
                self.open_to,
                "what you would welcome hearing about later, only with a rejection, a "
                'withdrawal or a declined offer (status = "rejected" or "withdrawn", or '
                'decision = "decline"); remove it otherwise',
            )
        self._check_not_before_offer(
            "respond_by", self.respond_by, "the deadline the company gave for your answer"
        )
        if self.decided is not None:
            if self.decision is Decision.PENDING:
                raise ValidationError(
                    "decided",
                    self.decided,
                    'a date only with a decision: set decision = "accept" or "decline", or remove decided',
                )
            if self.at is not None and _day_of(self.decided) < _day_of(self.at):
                raise ValidationError(
                    "decided",
                    self.decided,
                    f"a date on or after the offer arrived ({_day_of(self.at).isoformat()})",
                )
        if self.reason is not None and not no:
            raise ValidationError(
                "reason",
                self.reason,
                'a reason only with a rejection, a withdrawal or a declined offer (status = '
                '"rejected" or "withdrawn", or decision = "decline"); remove it otherwise',
            )

    def _check_not_before_offer(self, name: str, value: date | None, what: str) -> None:
        if value is not None and self.at is not None and value < _day_of(self.at):
            raise ValidationError(
                name, value, f"a date on or after the offer arrived ({_day_of(self.at).isoformat()}): {what}"
            )

    @property
    def since(self) -> date | datetime | None:
        """When this outcome took effect: the decision for a decided offer, else ``at``."""
        if self.decision is not Decision.PENDING and self.decided is not None:
            return self.decided
        return self.at

    @classmethod
    def pending(cls) -> Outcome:
        """No decision yet."""
        return cls(status=OutcomeStatus.PENDING)

    @classmethod
    def rejected(
        cls,
        *,
        at: date | datetime,
        contact: Contact | None = None,
        reason: str | None = None,
        note: str | None = None,
        open_to: str | None = None,
    ) -> Outcome:
        """A rejection that arrived ``at`` a date (or an aware datetime).

        Args:
            at: When it arrived.
            contact: Who sent it.
            reason: The reason they gave, in one line ("the team wanted more
                quantitative experience"): the feedback question asks about it.
            note: A line of your own for the reply, included as written.
            open_to: What you would welcome hearing about later ("a product role
                in payments"): the reply names it.
        """
        return cls(
            status=OutcomeStatus.REJECTED,
            at=at,
            contact=contact,
            reason=reason,
            note=note,
            open_to=open_to,
        )

    @classmethod
    def offer(
        cls,
        *,
        at: date | datetime,
        contact: Contact | None = None,
        respond_by: date | None = None,
        decision: Decision | str = Decision.PENDING,
        decided: date | datetime | None = None,
        reason: str | None = None,
        written: bool = False,
        start_date: date | None = None,
        note: str | None = None,
        open_to: str | None = None,
    ) -> Outcome:
        """An offer, and what you decided about it.

        Args:
            at: When it arrived.
            contact: Who made it: the acknowledgement and your answer go to them.
            respond_by: The date they asked for your answer by.
            decision: ``pending``, ``accept`` or ``decline``.
            decided: When you decided (default ``at``).
            reason: For a decline: one line you are happy to share.
            written: The written offer has arrived.
            start_date: The start date agreed: the acceptance names it.
            note: A sentence or two of your own for the reply (terms agreed in an
                acceptance), included as written.
            open_to: For a decline: what you would welcome hearing about later.
        """
        return cls(
            status=OutcomeStatus.OFFER,
            at=at,
            contact=contact,
            respond_by=respond_by,
            decision=decision,
            decided=decided,
            reason=reason,
            written=written,
            start_date=start_date,
            note=note,
            open_to=open_to,
        )

    @classmethod
    def withdrawn(
        cls,
        *,
        at: date | datetime,
        contact: Contact | None = None,
        reason: str | None = None,
        note: str | None = None,
        open_to: str | None = None,
    ) -> Outcome:
        """You withdrew from the process.

        Args:
            at: When.
            contact: Whom to tell (default: the recruiter, else the first interviewer).
            reason: One line you are happy to share.
            note: A sentence or two of your own for the note, included as written.
            open_to: What you would welcome hearing about later ("a Nairobi-based
                post"): the note and the check-ins after it name it.
        """
        return cls(
            status=OutcomeStatus.WITHDRAWN,
            at=at,
            contact=contact,
            reason=reason,
            note=note,
            open_to=open_to,
        )


def _check_step_id(_inst: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(attribute.name, value, "a step id such as 'thank-you'")


_when = attrs.field(validator=v.check_aware_or_date)


@attrs.frozen(kw_only=True)
class StepDone:
    """A step (or one recipient's action of it) was done.

    Args:
        step: The step id, or an action id such as ``thank-you.jane-doe``.
        at: When it was done (a date or an aware datetime).
        contact: Limit the record to one recipient (name or email).
    """

    step: str = attrs.field(validator=_check_step_id)
    at: date | datetime = _when
    contact: str | None = attrs.field(default=None, validator=v.check_optional_text)


@attrs.frozen(kw_only=True)
class StepSkipped:
    """A step (or one recipient's action of it) was skipped on purpose.

    Args:
        step: The step id, or an action id.
        at: When it was skipped.
        contact: Limit the record to one recipient (name or email).
    """

    step: str = attrs.field(validator=_check_step_id)
    at: date | datetime = _when
    contact: str | None = attrs.field(default=None, validator=v.check_optional_text)


@attrs.frozen(kw_only=True)
class ReplyReceived:
    """Someone at the company replied: nudges (status checks) stop.

    Args:
        at: When the reply arrived.
        contact: Who replied (name or email), if it matters.
    """

    at: date | datetime = _when
    contact: str | None = attrs.field(default=None, validator=v.check_optional_text)


@attrs.frozen(kw_only=True)
class OutOfOffice:
    """An auto-reply said someone is away: their messages move to after ``until``.

    Args:
        until: The last day away; actions move to the next business day after it.
        contact: Whose absence (name or email); everyone's when left out.
        at: When the auto-reply arrived (actions due before it are left alone).
    """

    until: date = attrs.field()
    contact: str | None = attrs.field(default=None, validator=v.check_optional_text)
    at: date | datetime | None = attrs.field(default=None, validator=v.check_aware_or_date)

    @until.validator
    def _check_until(self, attribute: attrs.Attribute[date], value: date) -> None:
        if isinstance(value, datetime) or not isinstance(value, date):
            raise ValidationError("until", value, "a date such as date(2026, 12, 4)")
        v.check_range("until", value)


@attrs.frozen(kw_only=True)
class Snoozed:
    """One step's action moved to a later time.

    Args:
        step: The step id, or an action id.
        until: The new date (fitted into the send window) or aware datetime.
        contact: Limit to one recipient (name or email).
    """

    step: str = attrs.field(validator=_check_step_id)
    until: date | datetime = attrs.field(validator=v.check_aware_or_date)
    contact: str | None = attrs.field(default=None, validator=v.check_optional_text)


@attrs.frozen(kw_only=True)
class OutcomeChanged:
    """A new outcome arrived: the plan switches branch.

    Args:
        outcome: The new outcome (not pending), with when it arrived and who sent it.
    """

    outcome: Outcome = attrs.field(validator=v.instance_of(Outcome, "an Outcome"))

    @outcome.validator
    def _check_not_pending(self, attribute: attrs.Attribute[Outcome], value: Outcome) -> None:
        if value.at is None:
            raise ValidationError("outcome.at", None, "the date the new outcome arrived")


HistoryRecord = StepDone | StepSkipped | ReplyReceived | OutOfOffice | Snoozed | OutcomeChanged
"""Any one of the history record classes."""


@attrs.frozen(kw_only=True)
class Message:
    """A drafted message, ready to copy, open as an ``.eml`` draft or send.

    Args:
        step: The id of the step that drafted it.
        channel: The channel's name: ``email``, ``linkedin-note`` or
            ``linkedin-message`` (see [`followup.channels`][followup.channels]).
        to: The recipient (may lack an email address).
        subject: The subject line (on channels that have one).
        body: The text, greeting and sign-off included.
        tone: The tone it was written in.
        sender: The candidate, for the From header of drafts.
        limit: The length limit it was written to, when it differs from the
            channel's (a LinkedIn note of 300 characters with Premium).
    """

    step: str
    channel: str = attrs.field(validator=channels.check)
    to: Contact | None = None
    subject: str | None = None
    body: str
    tone: Tone = attrs.field(default="warm", validator=v.check_tone)
    sender: Candidate | None = None
    limit: int | None = None

    def to_eml(self) -> bytes:
        """This message as an RFC 5322 draft (``X-Unsent: 1``), in bytes."""
        from followup.drafts import to_eml

        return to_eml(self)

    def mailto(self) -> str:
        """This message as a ``mailto:`` URI (RFC 6068)."""
        from followup.drafts import mailto

        return mailto(self)
