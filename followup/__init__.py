"""followup: follow-up plans after a job interview, above all when the answer was no.

Plans are compositions of steps; scheduling one for an interview gives a
timeline of dated, explained actions with drafted messages, which
[`to_ical`][followup.to_ical] turns into calendar reminders.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from followup.errors import (
    ExportError,
    FollowupError,
    InputFileError,
    InvalidStepError,
    NotFoundError,
    SchedulingError,
    TemplateError,
    ValidationError,
)

if TYPE_CHECKING:
    from followup import presets
    from followup.case import Case
    from followup.channels import Channel
    from followup.codec import from_dict, to_dict
    from followup.ical import to_ical
    from followup.model import (
        Candidate,
        Contact,
        Decision,
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
    from followup.plan import Plan
    from followup.steps import (
        ExploreOpenings,
        FeedbackRequest,
        KeepInTouch,
        LinkedInConnect,
        Network,
        RejectionReply,
        StatusCheck,
        ThankYou,
    )
    from followup.timeline import Action, Occurrences, Timeline
    from followup.timing import Anchor, BusinessDays, HolidayCalendar, Recurrence, SendWindow, When
    from followup.typing import Step
    from followup.typing import StepContext as Context

__version__ = "0.1.0"

__all__ = [
    "Action",
    "Anchor",
    "BusinessDays",
    "Candidate",
    "Case",
    "Channel",
    "Contact",
    "Context",
    "Decision",
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
    "NotFoundError",
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
    "from_dict",
    "presets",
    "to_dict",
    "to_ical",
]


# Names load on first use (PEP 562): `import followup` stays light for the command line and
# for apps that only need part of the library; icalendar loads only when exporting.
_LAZY = {
    "presets": "followup.presets",
    "Case": "followup.case",
    "from_dict": "followup.codec",
    "to_dict": "followup.codec",
    "Candidate": "followup.model",
    "Channel": "followup.channels",
    "Contact": "followup.model",
    "Decision": "followup.model",
    "HistoryRecord": "followup.model",
    "Interview": "followup.model",
    "Message": "followup.model",
    "OutOfOffice": "followup.model",
    "Outcome": "followup.model",
    "OutcomeChanged": "followup.model",
    "OutcomeStatus": "followup.model",
    "ReplyReceived": "followup.model",
    "Snoozed": "followup.model",
    "Status": "followup.model",
    "StepDone": "followup.model",
    "StepSkipped": "followup.model",
    "Context": "followup.typing",
    "Plan": "followup.plan",
    "ExploreOpenings": "followup.steps",
    "FeedbackRequest": "followup.steps",
    "KeepInTouch": "followup.steps",
    "LinkedInConnect": "followup.steps",
    "Network": "followup.steps",
    "RejectionReply": "followup.steps",
    "StatusCheck": "followup.steps",
    "Step": "followup.typing",
    "ThankYou": "followup.steps",
    "Action": "followup.timeline",
    "Occurrences": "followup.timeline",
    "Timeline": "followup.timeline",
    "Anchor": "followup.timing",
    "BusinessDays": "followup.timing",
    "HolidayCalendar": "followup.timing",
    "Recurrence": "followup.timing",
    "SendWindow": "followup.timing",
    "When": "followup.timing",
    "to_ical": "followup.ical",
}

# Exported under another name than the module's: `followup.Context` is the protocol a step's
# `actions(ctx)` receives.
_RENAMED = {"Context": "StepContext"}


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'followup' has no attribute {name!r}")
    import importlib

    module = importlib.import_module(module_name)
    value = module if name == "presets" else getattr(module, _RENAMED.get(name, name))
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
