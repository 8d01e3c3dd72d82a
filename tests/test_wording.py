"""What a draft may say about the person it goes to (followup.wording)."""

from __future__ import annotations

from datetime import datetime

import attrs
import pytest

from followup import presets
from followup.model import Contact, Interview
from followup.names import role_forms
from followup.wording import people_met, recipient_topics


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("the research repository she wants to build", "the research repository you want to build"),
        ("how he runs his team", "how you run your team"),
        ("what she has built in two years", "what you have built in two years"),
        ("the clinic she's built", "the clinic you've built"),
        ("the backlog he tries to clear", "the backlog you try to clear"),
        ("how she pushes for change", "how you push for change"),
        ("the workshop she led with her interns", "the workshop you led with your interns"),
        ("what I asked her about the rota", "what I asked you about the rota"),
        ("the thesis she is writing", "the thesis you are writing"),
        ("her plans for the lab", "your plans for the lab"),
        ("the rota she will change", "the rota you will change"),
        # Nothing about them: unchanged.
        ("the hospital's new theatre schedule", "the hospital's new theatre schedule"),
        ("the Shepherd Street depot", "the Shepherd Street depot"),
    ],
)
def test_their_own_topics_are_said_to_them(interview: Interview, written: str, said: str) -> None:
    jane = attrs.evolve(interview.interviewers[0], topics=(written,))
    iv = attrs.evolve(interview, interviewers=(jane,))
    assert recipient_topics(iv, jane) == (said,)


def test_interview_wide_topics_are_left_as_written(interview: Interview) -> None:
    # The interview's own topics are not about the one person: no guess at who "she" is.
    jane = attrs.evolve(interview.interviewers[0], topics=())
    iv = attrs.evolve(interview, interviewers=(jane,), topics=("the unit she manages",))
    assert recipient_topics(iv, jane) == ("the unit she manages",)


def test_a_note_to_her_says_you(interview: Interview, now: datetime) -> None:
    jane = attrs.evolve(
        interview.interviewers[0],
        topics=("the research repository she wants to build",),
        linkedin="https://www.linkedin.com/in/janedoe",
    )
    iv = attrs.evolve(interview, interviewers=(jane,))
    timeline = presets.after_interview().schedule(iv, now=now)
    bodies = [a.message.body for a in timeline if a.message is not None and a.recipient == jane]
    assert bodies
    assert all(" she " not in body for body in bodies)
    assert any("you want to build" in body for body in bodies)


def test_people_met(interview: Interview) -> None:
    riley = Contact(name="Riley Park")
    assert people_met(interview) == interview.interviewers
    assert people_met(attrs.evolve(interview, interviewers=(), recruiter=riley)) == (riley,)
    assert people_met(attrs.evolve(interview, interviewers=(), recruiter=None)) == ()


@pytest.mark.parametrize("tone", ["formal", "warm", "brief"])
@pytest.mark.parametrize(
    "role",
    [
        "Lecturer in Environmental Chemistry",
        "Senior Clinical Pharmacist, Oncology",
        "Head of Customer Success",
    ],
)
def test_status_check_subjects_keep_a_long_role(
    interview: Interview, now: datetime, tone: str, role: str
) -> None:
    # A frame that fits 60 characters only by dropping the role ("My application") gives way to
    # one that keeps it: a recruiter with many openings must see which one the mail is about.
    iv = attrs.evolve(interview, role=role)
    timeline = presets.after_interview(tone=tone).schedule(iv, now=now)
    subjects = [
        a.message.subject for a in timeline if a.step == "status-check" and a.message is not None
    ]
    assert len(subjects) == 2
    for subject in subjects:
        assert subject is not None
        assert len(subject) <= 60
        assert any(form in subject for form in role_forms(role)), subject


@pytest.mark.parametrize("tone", ["formal", "warm", "brief"])
@pytest.mark.parametrize(
    "role", ["Data Engineer", "Senior Clinical Pharmacist, Oncology and Haematology"]
)
def test_a_withdrawal_says_so_in_its_subject(
    interview: Interview, now: datetime, tone: str, role: str
) -> None:
    # A recruiter sees from the subject alone that the candidate withdraws ("My application" hid it).
    from followup.model import Outcome

    iv = attrs.evolve(interview, role=role)
    outcome = Outcome.withdrawn(at=now.date(), reason="I have accepted another role.")
    timeline = presets.after_interview(tone=tone).schedule(iv, outcome=outcome, now=now)
    (action,) = [a for a in timeline if a.step == "withdrawal"]
    assert action.message is not None
    subject = action.message.subject
    assert subject is not None
    assert "withdraw" in subject.casefold(), subject
    assert len(subject) <= 60
    assert subject[:1].isupper()


class TestSentence:
    @pytest.mark.parametrize(
        ("written", "expected"),
        [
            (None, None),
            ("   ", None),
            ("it  stayed\twith me", "it stayed with me."),
            ("it stayed with me!", "it stayed with me!"),
            ("as you said, “ship it”", "as you said, “ship it”"),
            ("the notes (attached)", "the notes (attached)"),
        ],
    )
    def test_a_line_as_a_sentence(self, written: str | None, expected: str | None) -> None:
        from followup.wording import sentence

        assert sentence(written) == expected

    def test_a_reason_takes_a_capital_and_a_full_stop_after_a_bracket(self) -> None:
        # The reason a company or the candidate gave, as steps.py has always written it.
        from followup.steps import _reason

        assert _reason("budget  changes (again)") == "Budget changes (again)."
        assert _reason("closer to home?") == "Closer to home?"
        assert _reason(None) is None
