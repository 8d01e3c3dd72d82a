"""followup: follow-up plans after a job interview, above all when the answer was no.

Plans are compositions of steps; scheduling one for an interview gives a
timeline of dated, explained actions with drafted messages, which
:func:`to_ical` turns into calendar reminders.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from followup import presets
from followup.errors import (
    ExportError,
    FollowupError,
    InputFileError,
    InvalidStepError,
    SchedulingError,
    TemplateError,
    ValidationError,
)
from followup.model import (
    Candidate,
    Channel,
    Contact,
    HistoryRecord,
    Interview,
    Message,
    Outcome,
    OutcomeChanged,
    OutcomeStatus,
    OutOfOffice,
    ReplyReceived,
    Snoozed,
    Status,
    StepDone,
    StepSkipped,
)
from followup.plan import Context, Plan
from followup.steps import (
    ExploreOpenings,
    FeedbackRequest,
    KeepInTouch,
    LinkedInConnect,
    Network,
    RejectionReply,
    StatusCheck,
    Step,
    ThankYou,
)
from followup.timeline import Action, Occurrences, Timeline
from followup.timing import Anchor, BusinessDays, HolidayCalendar, Recurrence, SendWindow, When

if TYPE_CHECKING:
    from followup.ical import to_ical

__version__ = "0.1.0"

__all__ = [
    "Action",
    "Anchor",
    "BusinessDays",
    "Candidate",
    "Channel",
    "Contact",
    "Context",
    "ExploreOpenings",
    "ExportError",
    "FeedbackRequest",
    "FollowupError",
    "HistoryRecord",
    "HolidayCalendar",
    "InputFileError",
    "Interview",
    "InvalidStepError",
    "KeepInTouch",
    "LinkedInConnect",
    "Message",
    "Network",
    "Occurrences",
    "OutOfOffice",
    "Outcome",
    "OutcomeChanged",
    "OutcomeStatus",
    "Plan",
    "Recurrence",
    "RejectionReply",
    "ReplyReceived",
    "SchedulingError",
    "SendWindow",
    "Snoozed",
    "Status",
    "StatusCheck",
    "Step",
    "StepDone",
    "StepSkipped",
    "TemplateError",
    "ThankYou",
    "Timeline",
    "ValidationError",
    "When",
    "__version__",
    "presets",
    "to_ical",
]


def __getattr__(name: str) -> Any:
    # icalendar is imported only when a calendar is exported, so `import followup` stays light.
    if name == "to_ical":
        from followup.ical import to_ical

        return to_ical
    raise AttributeError(f"module 'followup' has no attribute {name!r}")
