"""Tests for the channel registry: one vocabulary for actions, messages, templates, tone and calendar."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import attrs
import pytest

from followup import (
    Candidate,
    Contact,
    Interview,
    KeepInTouch,
    LinkedInConnect,
    Outcome,
    Plan,
    RejectionReply,
    channels,
)
from followup.errors import TemplateError, ValidationError
from followup.render import Template, TemplateSet, render
from followup.tone import check_tone

NY = ZoneInfo("America/New_York")


@pytest.fixture
def interview() -> Interview:
    return Interview(
        company="Acme Corp",
        role="Data Engineer",
        start=datetime(2026, 11, 20, 14, tzinfo=NY),
        candidate=Candidate(name="Sam Rivera", email="sam@example.com"),
        interviewers=[Contact(name="Jane Doe", email="jane@acme.example", linkedin="https://www.linkedin.com/in/janedoe")],
    )


class TestRegistry:
    def test_the_four_channels(self) -> None:
        assert channels.names() == ("email", "linkedin-note", "linkedin-message", "task")
        assert channels.message_channels() == ("email", "linkedin-note", "linkedin-message")

    def test_each_channel_says_what_it_is(self) -> None:
        email, note, message, task = (channels.get(n) for n in channels.names())
        assert (email.subject, email.limit, email.unit, email.advised, email.letter) == (True, 400, "words", 200, True)
        assert (note.subject, note.variants, note.limit, note.unit, note.letter) == (False, True, 200, "characters", False)
        assert (message.subject, message.limit, message.letter) == (False, 8000, True)
        assert (task.message, task.limit, task.address) == (False, None, "none")
        assert note.instruction.format(to="Jane") == "send Jane this note on LinkedIn."
        assert message.instruction.format(to="Jane") == "send Jane this message on LinkedIn."

    def test_unknown_names_are_refused_with_a_hint(self) -> None:
        with pytest.raises(ValidationError) as info:
            channels.get("emial")
        assert "did you mean 'email'?" in str(info.value)
        with pytest.raises(ValidationError) as info:
            channels.get("linkedin")
        assert "'linkedin-note'" in str(info.value)
        assert "'linkedin-message'" in str(info.value)

    def test_a_name_is_taken_once(self) -> None:
        with pytest.raises(ValidationError):
            channels.register(attrs.evolve(channels.EMAIL, limit=10))
        assert channels.register(channels.EMAIL) is channels.EMAIL  # the same one again is fine


class TestAddingAChannel:
    """SMS later is one registry entry plus its templates: nothing else names channels."""

    @pytest.fixture
    def sms(self) -> channels.Channel:
        sms = channels.Channel(
            name="sms", description="a text message", limit=160, letter=False,
            instruction="text {to} this message.",
        )
        channels.register(sms)
        yield sms
        channels._CHANNELS.pop("sms")

    def test_templates_tone_and_actions_use_it(self, sms: channels.Channel, interview: Interview) -> None:
        assert "sms" in channels.message_channels()
        template = Template.from_string("Hi {first_name}, thanks from {candidate}.", name="x", channel="sms")
        assert template.subject is None
        with pytest.raises(TemplateError):
            Template.from_string("Subject: no\n\nHi", name="x", channel="sms")
        [finding] = check_tone("x" * 161, "sms")
        assert finding.rule == "length"
        templates = TemplateSet.builtin().with_template("thank-you", "warm", "sms", "Hi {first_name}, thank you! {signature}")
        out = render("thank-you", {"first_name": "Jane", "company": "Acme", "role": "Dev", "candidate": "Sam", "signature": "Sam"}, channel="sms", templates=templates)
        assert out.body == "Hi Jane, thank you! Sam"
        step = KeepInTouch(channel="sms", template="Hi {first_name}, how is {company}? {signature}")
        action = Plan.of(step).schedule(
            interview, outcome=Outcome.rejected(at=date(2026, 11, 24)), now=datetime(2026, 11, 25, tzinfo=NY)
        )["keep-in-touch"]
        assert action.channel == "sms"
        assert action.message is not None
        assert action.message.channel == "sms"


class TestOneVocabulary:
    def test_actions_and_messages_name_their_channel(self, interview: Interview) -> None:
        plan = Plan.of(RejectionReply(), LinkedInConnect(note_limit=300), KeepInTouch(channel="linkedin-message"))
        tl = plan.schedule(interview, outcome=Outcome.rejected(at=date(2026, 11, 24)), now=datetime(2026, 11, 25, tzinfo=NY))
        assert {a.id: a.channel for a in tl} == {
            "rejection-reply": "email",
            "linkedin-connect.jane-doe": "linkedin-note",
            "keep-in-touch": "linkedin-message",
        }
        for a in tl:
            assert a.message is not None
            assert a.message.channel == a.channel
        note = tl["linkedin-connect.jane-doe"].message
        assert note is not None
        assert note.limit == 300

    def test_a_channel_that_carries_no_message_is_refused_for_drafts(self) -> None:
        with pytest.raises(ValidationError) as info:
            KeepInTouch(channel="task")
        assert info.value.field == "channel"
        with pytest.raises(ValidationError):
            KeepInTouch(channel="linkedin")

    def test_filter_checks_the_name(self, interview: Interview) -> None:
        tl = Plan.of(RejectionReply()).schedule(
            interview, outcome=Outcome.rejected(at=date(2026, 11, 24)), now=datetime(2026, 11, 25, tzinfo=NY)
        )
        assert tl.filter(channel="email").ids == ("rejection-reply",)
        with pytest.raises(ValidationError):
            tl.filter(channel="mail")
