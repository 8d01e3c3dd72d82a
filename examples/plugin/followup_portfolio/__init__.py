"""followup-portfolio: a step that sends a link to your portfolio two weeks after a rejection.

The package registers the step kind ``portfolio-link`` through the
``followup.steps`` entry point (see ``pyproject.toml``), so interview files can
use it once the package is installed::

    [[plan.steps]]
    kind = "portfolio-link"
    url = "https://samrivera.example/portfolio"

It uses only followup's public names: the step's fields come from
``followup.fields`` (checked as the built-in steps' are), its context is
``followup.typing.StepContext`` and the link goes into the template through
``followup.render.literal``.
"""

from __future__ import annotations

from datetime import time, timedelta
from importlib.resources import files

import attrs
from dateutil.relativedelta import relativedelta

from followup import Action, Anchor, BusinessDays, OutcomeStatus, SendWindow, When, fields
from followup.render import literal
from followup.typing import StepContext, StopReason, Tone

__all__ = ["PortfolioLink"]

#: Where the link goes in a template: ``{{`` is a literal brace for the
#: renderer, so the template stays valid and the step puts the link there.
LINK = "{{portfolio_url}}"


def _packaged(tone: str) -> str:
    folder = files(__package__).joinpath("templates")
    name = f"portfolio-link.{tone}.email.txt"
    if not folder.joinpath(name).is_file():
        name = "portfolio-link.warm.email.txt"
    return folder.joinpath(name).read_text(encoding="utf-8")


@attrs.frozen(kw_only=True)
class PortfolioLink:
    """Email a link to your portfolio two weeks after a rejection.

    Args:
        url: The portfolio's address.
        id: Step id.
        after: How long after the rejection (default 2 weeks).
        at: Local time of day (the recipient's zone).
        window: The send window.
        outcomes: Outcomes it applies to (rejected).
        stop_on: What stops it (nothing by default).
        tone: A tone for this step only (default: the plan's).
        template: Email template text replacing the packaged one; write
            {{portfolio_url}} where the link goes.
    """

    url: str = attrs.field(validator=fields.check_url)
    id: str = fields.step_id("portfolio-link")
    after: relativedelta | timedelta | BusinessDays = attrs.field(
        factory=lambda: relativedelta(weeks=2)
    )
    at: time = time(10, 0)
    window: SendWindow = fields.window()
    outcomes: frozenset[OutcomeStatus] = fields.outcomes("rejected")
    stop_on: frozenset[StopReason] = fields.stop_on()
    tone: Tone | None = fields.tone()
    template: str | None = fields.template()

    def actions(self, ctx: StepContext) -> list[Action]:
        who = ctx.reply_contact(self.id)
        text = self.template or _packaged(self.tone or ctx.tone)
        return [
            ctx.action(
                self,
                when=When(anchor=Anchor.OUTCOME, offset=self.after, at=self.at),
                recipient=who,
                title=f"Send {who.name} a link to your portfolio ({ctx.interview.company})",
                kind="portfolio-link",
                template=text.replace(LINK, literal(self.url)),
                links=(self.url,),
                window=self.window,
                stop_on=self.stop_on,
                tone=self.tone,
            )
        ]
