"""Tone rules narrowed and added for development round 7 (issue 15): writers P, Q and R.

Writers P and R wrote good drafts in world Englishes (Indian, Nigerian, Kenyan,
Singaporean, Filipino, Latin American, Gulf, Eastern European, formal British);
writer Q mostly bad ones (a US nurse manager and start-up founder). Each class
pairs the gracious use of a construction (must get no error from the rule) with
its hostile use (must still get one). The wordings are not the writers': a rule
is narrowed for everyone who would write the same courtesy, not one sentence.
"""

from __future__ import annotations

import pytest

from followup.tone import Severity, check_tone


def wrap(body: str) -> str:
    """Wrap a body in a greeting and sign-off so only the body is under test."""
    return f"Dear Ms. Achieng,\n\n{body}\n\nKind regards,\nSam"


def error_rules(body: str) -> set[str]:
    return {f.rule for f in check_tone(wrap(body)) if f.severity is Severity.ERROR}


class TestOwnConstraintIsNotAnAccusation:
    """A reason of one's own ('because of my father's health') accuses nobody."""

    @pytest.mark.parametrize(
        "body",
        [
            "Being on site three weeks a month is not possible for me because of my father's health.",
            "I can't relocate at the moment because I have two young children at school.",
            "I have decided to withdraw, because of my family commitments this year.",
            "I'm unable to travel in March due to my disability, so could we meet online?",
        ],
    )
    def test_passes(self, body: str) -> None:
        assert "blame-accusation" not in error_rules(body)

    @pytest.mark.parametrize(
        "body",
        [
            "Was it because of my age?",
            "I can't help feeling I was turned down because of my accent.",
            "I have to say it looks like you rejected me because I mentioned my children.",
        ],
    )
    def test_an_accusation_is_still_an_error(self, body: str) -> None:
        assert "blame-accusation" in error_rules(body)


class TestCourteousOpenerIsAWarning:
    """'I hope this email finds you well' is the ordinary opener in many Englishes."""

    @pytest.mark.parametrize(
        "body",
        [
            "Greetings of the day. I hope this email finds you well.",
            "Assalamu alaikum, and I hope this message finds you well.",
            "I trust this letter finds you in good health.",
        ],
    )
    def test_warns_without_error(self, body: str) -> None:
        findings = [f for f in check_tone(wrap(body)) if f.rule == "cliche-finds-you-well"]
        assert findings
        assert all(f.severity is Severity.WARNING for f in findings)
        assert error_rules(body) == set()


class TestOwnAnswerByADateIsNotADeadline:
    """A date for one's own answer, or another process's timetable, demands nothing."""

    @pytest.mark.parametrize(
        "body",
        [
            "Happy to jump on a call. I'm hoping to give you an answer by Friday.",
            "I am planning to give you my final decision by Monday.",
            "I should be able to come back to you with my decision by the 12th.",
            (
                "I want to be upfront with you: I'm in the final stage of one other process "
                "and expect to hear back by the 18th."
            ),
            "I need to let you know that another company has asked me to decide by Friday.",
            "Kindly let me know if anything is pending from my side; I will do the needful immediately.",
            "Please share any documents you need and I'll send them across at once.",
        ],
    )
    def test_passes(self, body: str) -> None:
        assert "pressure-deadline" not in error_rules(body)

    @pytest.mark.parametrize(
        "body",
        [
            "I expect to hear back by Friday.",
            "I want to be upfront: I need your decision by Friday.",
            "Kindly revert immediately.",
            "Please let me know the outcome at the earliest.",
        ],
    )
    def test_a_deadline_for_them_is_still_an_error(self, body: str) -> None:
        assert "pressure-deadline" in error_rules(body)


class TestANameIsNotALaugh:
    """'Ha' as a name, or the Filipino-English 'thanks ha', is not a sarcastic laugh."""

    @pytest.mark.parametrize(
        "text",
        [
            "Dear Mr. Quan,\n\nThank you for your patience yesterday.\n\nBest regards,\nNguyen Thi Thu Ha",
            "Hi Fiona,\n\nThank you ha, I really appreciate your help.\n\nRegards,\nJohn Paul",
            "Hi Min,\n\nThanks for the tour of the lab. Park Ha and I enjoyed it.\n\nBest,\nJo",
        ],
    )
    def test_passes(self, text: str) -> None:
        assert not [f for f in check_tone(text) if f.rule == "blame-dig-slow"]

    @pytest.mark.parametrize(
        "body",
        [
            "Well, that only took six weeks, ha.",
            "Thanks for the speedy update, haha.",
        ],
    )
    def test_a_laugh_at_them_is_still_an_error(self, body: str) -> None:
        assert "blame-dig-slow" in error_rules(body)


class TestWithdrawingForAnotherOfferIsNotReneging:
    """Leaving their process for another offer backs out of nothing they gave."""

    @pytest.mark.parametrize(
        "body",
        [
            (
                "I would like to withdraw from the process for the BI Developer position. "
                "Yesterday I accepted an offer from another company."
            ),
            (
                "Please accept this as the withdrawal of my application: I have accepted a role "
                "with another company closer to home."
            ),
        ],
    )
    def test_passes(self, body: str) -> None:
        assert "pressure-renege-unapologetic" not in error_rules(body)

    def test_backing_out_of_their_job_is_still_an_error(self) -> None:
        body = "I've signed with another company, so I won't make Monday."
        assert "pressure-renege-unapologetic" in error_rules(body)


class TestOnboardingRepliesAreNotPresumptuous:
    """A reply to onboarding documents (a signed contract) follows an offer."""

    @pytest.mark.parametrize(
        "body",
        [
            (
                "Good morning, and thank you for sending the onboarding documents. "
                "Please find attached the signed contract and my passport copy."
            ),
            "Thanks for the joining kit. My start date of 1 July works well for me.",
        ],
    )
    def test_passes(self, body: str) -> None:
        assert "presumption" not in error_rules(body)

    def test_before_an_offer_it_is_still_an_error(self) -> None:
        assert "presumption" in error_rules("Could you send over the contract and my start date?")


class TestKindlyAskingIsNotPleading:
    """'Kindly'/'humbly' ask for news or consideration is courtesy; for an intervention it pleads."""

    @pytest.mark.parametrize(
        "body",
        [
            "May I kindly ask if there is any update on the hiring decision?",
            "I kindly request you to give your feedback, so that I can improve.",
            "I humbly request you to consider my candidature for the post.",
            "I would kindly ask you to look at the portfolio link I forgot to include.",
            "I humbly request you to keep my profile for any opening that may arise in future.",
        ],
    )
    def test_passes(self, body: str) -> None:
        assert "pleading-intervention" not in error_rules(body)

    @pytest.mark.parametrize(
        "body",
        [
            "I humbly request you to reconsider the decision.",
            "I humbly request you to consider me.",
            "I kindly beg you to give me one more chance.",
            "Kindly request you to consider me for any other role at all.",
            "I humbly appeal to you to review the decision once again.",
        ],
    )
    def test_a_plea_is_still_an_error(self, body: str) -> None:
        assert "pleading-intervention" in error_rules(body)


class TestDecliningTheirOfferIsNotASacrifice:
    """Recalling that one declined their offer is not 'I turned down offers for you'."""

    @pytest.mark.parametrize(
        "body",
        [
            "Thank you again for your understanding when I declined the offer last month.",
            "When I turned down the job offer in May, you were very gracious about it.",
        ],
    )
    def test_passes(self, body: str) -> None:
        assert "guilt-sacrifice" not in error_rules(body)

    @pytest.mark.parametrize(
        "body",
        [
            "I turned down the offer from Acme for this role.",
            "I declined the offer at Google to wait for you.",
            "I turned down two offers for this.",
        ],
    )
    def test_a_sacrifice_is_still_an_error(self, body: str) -> None:
        assert "guilt-sacrifice" in error_rules(body)


class TestOwnSignedContractIsNotABreach:
    """Returning one's own signed contract with an acceptance hands over nothing of anyone's."""

    @pytest.mark.parametrize(
        "body",
        [
            (
                "I humbly accept the offer. I have attached the signed contract, my right to "
                "work share code and the completed new starter form, as requested."
            ),
            "Please find attached the signed contract and my passport copy.",
            "I'm enclosing the signed agreement with you for the Facilities role.",
        ],
    )
    def test_passes(self, body: str) -> None:
        assert "confidential-breach" not in error_rules(body)

    @pytest.mark.parametrize(
        "body",
        [
            "I've attached the signed SPA from the Harland deal so you can see my drafting.",
            "I'm sharing the signed contract with Norland Foods to show the terms I negotiated.",
            "I've attached the draft term sheet we are negotiating with our biggest client.",
        ],
    )
    def test_a_breach_is_still_an_error(self, body: str) -> None:
        assert "confidential-breach" in error_rules(body)
