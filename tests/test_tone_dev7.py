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

from followup.tone import Facts, Severity, check_tone


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


# ---------------------------------------------------------------- writer Q's kinds of failure


def _pairs(rule: str, hits: list[str], passes: list[str]) -> list[tuple[str, str, bool]]:
    return [(rule, body, True) for body in hits] + [(rule, body, False) for body in passes]


_FAMILIES = [
    *_pairs(
        "confidential-recording",
        [
            "I recorded our Zoom session so I could go back over your feedback properly.",
            "I went back over my recording of our call last night.",
            "Listening back to the recording, I realised I rushed the answer.",
            "I also transcribed the scenario you walked us through.",
            "At around the 32-minute mark you asked about contrast in dark mode.",
            "I've taped the whole interview so my mentor can review it.",
        ],
        [
            "Thank you for sending the recording of the panel session.",
            "I recorded my own answers to practise before the interview.",
            "After rewatching your keynote on YouTube, I read the paper you mentioned.",
            "As you suggested, I recorded a short video introduction for the team.",
            "Our conversation about the recording studio was a highlight.",
        ],
    ),
    *_pairs(
        "pressure-lobbying",
        [
            "Before she decides, I'd value 15 minutes with you.",
            "Could you look at my profile and give your view before the team decides?",
            "I would be grateful if you could review the decision personally.",
            "Could you arrange for me to meet another director?",
            "I hope you will forgive me for writing to you directly.",
            "Before Linda makes her final decision, I'd welcome your perspective.",
        ],
        [
            "Before you decide, I'd be glad to answer any other questions.",
            "I know the team will decide next week; thank you for your time.",
            "Thank you for reviewing my portfolio before the panel.",
            "As you suggested, I'd value 15 minutes with you before the panel decides.",
        ],
    ),
    *_pairs(
        "blame-shifting",
        [
            "That Datix was mostly down to pharmacy and the night coordinator.",
            "To be honest, the outage was really the fault of the previous team.",
            "It wasn't really my fault: the handover was incomplete.",
            "Anyone in my position that night would have done the same thing.",
            "I just didn't want you to think it was a competence issue.",
        ],
        [
            "The incident was my fault, and I now double-check every high-risk dose.",
            "The delay was down to a supplier strike, and I learned to build in buffers.",
            "The rota is set by the charge nurse each week.",
            "I took full responsibility; it wasn't anyone else's fault.",
        ],
    ),
    *_pairs(
        "pressure-used-as-leverage",
        [
            "When I showed your offer to my manager, they came back with a 35% raise.",
            "Honestly, your offer is what made it happen, so thank you for that!",
            "Having a concrete offer in hand was the only way to get my company to take my salary seriously.",
            "I was never completely sure about moving, but the offer gave me the leverage I needed.",
        ],
        [
            "After a lot of thought I've decided to stay in my current role.",
            "My current employer made a counteroffer, and I've decided to stay.",
            "Thank you for the offer; I showed the team page to my partner and we loved it.",
            "I mentioned your offer of a start date in May to my family, who were delighted.",
        ],
    ),
    *_pairs(
        "presumption-absence",
        [
            "How many call-offs are allowed per quarter?",
            "Before it turns into a write-up, how much flexibility is there?",
            "Do you need a doctor's note for sick days, or just a call-in?",
            "How many sick days am I allowed before there's a problem?",
            "How strict are you about attendance?",
        ],
        [
            "How many call shifts a month are typical on the unit?",
            "How many patients does each nurse usually look after on days?",
            "I haven't missed a shift in three years.",
            "Could you tell me more about how the weekend rotation works?",
        ],
    ),
    *_pairs(
        "pressure-reopen-terms",
        [
            (
                "I've signed and returned the contract. Now that it's official, there are a few "
                "things I wanted to raise."
            ),
            "I've signed the offer. I assume none of this is a problem.",
            "I'm delighted to accept the offer. I'd like my title to be Senior Engineering Manager.",
        ],
        [
            "I've signed and returned the contract, and I'm looking forward to 1 March.",
            "Before I sign the offer, could we talk about working from Lisbon?",
            "I accept the offer. As discussed, my title will be Senior Engineer.",
        ],
    ),
    *_pairs(
        "familiarity-private-channel",
        [
            "I hope you don't mind me contacting you here rather than at your work address.",
            "I found this address on your sea-swimming club's website.",
            "If you're ever swimming at the Forty Foot on a Saturday, I'm usually there around 8!",
        ],
        [
            "I found your email address on the company's careers page.",
            "If you're ever in Leeds for the conference, the team there is great.",
            "Thank you for giving me your direct line for any questions.",
        ],
    ),
    *_pairs(
        "commitment-stepping-stone",
        [
            "4 North would be the perfect stepping stone for that.",
            "I see this role as a stepping stone to product management.",
            "I'd move to the ICU as soon as I'm eligible.",
            "My plan is to get my one year of acute care experience, then move on.",
        ],
        [
            "Your residency was a stepping stone for many of your charge nurses, you said.",
            "I'd love to build strong foundations on 4 North.",
            "I'm eligible to start as soon as my registration comes through.",
        ],
    ),
    *_pairs(
        "confidential-taken",
        [
            "I've already exported my full contact list and account notes from our Salesforce instance.",
            "Several of those buyers would follow me.",
            "I have exported the rate cards so you can see exactly how we price the same lanes.",
            "Last week a 71-year-old retired judge came up to our unit after a fall.",
        ],
        [
            "I exported the quarterly report you asked for from the public dashboard.",
            "I exported the client database into the new CRM during the migration.",
            "My 72-year-old father, a retired judge, was treated on your unit last year.",
            "I know the health-system buyers in the region well.",
            "I care for many patients over 70 on our unit.",
        ],
    ),
    *_pairs(
        "confidential-publish",
        [
            "I've drafted a piece using your comments for my newsletter.",
            "I'm writing a short post based on our conversation.",
            "I'd love to quote you in my newsletter next week.",
            "I'll keep it anonymous and just describe you as a nurse manager in Denver.",
        ],
        [
            "With your permission, I'd love to quote you in my newsletter.",
            "I've written a short piece on sepsis bundles that you might enjoy.",
            "Would you be comfortable with me quoting you in my newsletter?",
        ],
    ),
    *_pairs(
        "integrity-unauthorised-access",
        [
            "I ran some light scans against api.lumorapay.sg last night.",
            "I spent a couple of hours poking at your public-facing surface.",
            "I was able to send about 400 requests in a minute without being blocked.",
            "I ran a quick port scan on your staging servers.",
        ],
        [
            "I ran some scans on my home lab to practise for the role.",
            "I'd be glad to take part in your bug bounty if I'm invited.",
            "As part of the take-home, I ran a load test against the sample service.",
            "I was able to send the report before the deadline.",
        ],
    ),
    *_pairs(
        "blame-insinuation",
        [
            "I couldn't help noticing that everyone on the panel appeared to be under 35.",
            "I'd hate to think my 30 years of experience was seen as a liability.",
            "You asked how I'd feel reporting to someone younger.",
            "It's difficult to see it any other way.",
        ],
        [
            "The panel was a good mix of engineering and product people.",
            "My 30 years of experience were clearly valued in the conversation.",
            "I'd be happy reporting to the head of brand.",
        ],
    ),
]


class TestWriterQFamilies:
    """Writer Q's kinds of failure, in wordings other than the writer's, with near-misses."""

    @pytest.mark.parametrize(("rule", "body", "hit"), _FAMILIES)
    def test_family(self, rule: str, body: str, hit: bool) -> None:
        assert (rule in error_rules(body)) is hit

    def test_every_finding_has_a_suggestion(self) -> None:
        rules = {rule for rule, _, _ in _FAMILIES}
        for _rule, body, hit in _FAMILIES:
            if not hit:
                continue
            for f in check_tone(wrap(body)):
                if f.rule in rules:
                    assert f.suggestion
                    assert f.message
                    assert wrap(body)[f.start : f.end] == f.text


class TestAnotherOrganisationsMission:
    """Praising another organisation's mission as what draws you is a note copied elsewhere."""

    FACTS = Facts(
        company="Bayview Community Health (San Leandro, US)",
        role="Patient Access Supervisor",
        names=("Angela Nguyen, Director of Patient Access",),
        topics=("Epic Cadence build",),
    )

    def rules(self, body: str) -> set[str]:
        return {
            f.rule
            for f in check_tone(wrap(body), facts=self.FACTS)
            if f.severity is Severity.ERROR
        }

    @pytest.mark.parametrize(
        "body",
        [
            "What excites me most is Redwood Health Alliance's commitment to community care.",
            "I have long admired Kaiser Permanente's mission.",
        ],
    )
    def test_flags(self, body: str) -> None:
        assert "wrong-company" in self.rules(body)

    @pytest.mark.parametrize(
        "body",
        [
            "What excites me most is Bayview's commitment to community care.",
            "I admire Bayview Community Health's mission.",
            "I was impressed by London's investment in transport.",
        ],
    )
    def test_passes(self, body: str) -> None:
        assert "wrong-company" not in self.rules(body)
