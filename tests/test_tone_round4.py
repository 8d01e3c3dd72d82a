"""Tone rules from the misses of held-out round 4 (issue 15), tested in new wordings.

Each family has hits (phrasings it must give an error) and near-misses (innocent
wording with the same words that must not). The wordings are not the round-4
writers': the rules are meant to generalise to the next round's writers.
"""

from __future__ import annotations

import pytest

from followup.tone import Facts, Severity, check_tone


def wrap(body: str) -> str:
    """Wrap a body in a greeting and sign-off so only the body is under test."""
    return f"Hi Ana,\n\n{body}\n\nBest regards,\nSam"


def error_rules(body: str, facts: Facts | None = None) -> set[str]:
    found = check_tone(wrap(body), facts=facts)
    return {f.rule for f in found if f.severity is Severity.ERROR}


def flagged(body: str, rule: str) -> list[str]:
    return [f.text for f in check_tone(wrap(body)) if f.rule == rule]


class TestOwnDeadlineIsNotPressure:
    """A candidate passing on a deadline someone else set them is information."""

    @pytest.mark.parametrize(
        "body",
        [
            (
                "I've been asked to respond to another offer by Wednesday 14 May, so any "
                "update before then would be welcome; I understand if that isn't possible."
            ),
            "My current school has asked me to confirm by 30 April whether I'll stay on.",
            "I need to give the other firm my answer by Friday, so I wanted you to know.",
            "The agency needs me to sign by the 12th, purely for planning purposes.",
            "I was told to accept or decline their offer within five working days.",
        ],
    )
    def test_passes(self, body: str) -> None:
        assert "pressure-deadline" not in error_rules(body)

    @pytest.mark.parametrize(
        "body",
        [
            "I need you to respond by Wednesday.",
            "Please confirm by 30 April whether I'm still in the running.",
            "I expect a reply by end of week.",
            "I'd appreciate a response by Friday.",
        ],
    )
    def test_a_deadline_for_them_is_still_an_error(self, body: str) -> None:
        assert "pressure-deadline" in error_rules(body)


class TestLinkInBrackets:
    def test_a_described_link_is_a_warning_not_an_error(self) -> None:
        body = "As promised, here is the link to the cover series: [portfolio link]"
        found = [f for f in check_tone(wrap(body)) if f.rule.startswith("placeholder")]
        assert [(f.rule, f.severity, f.text) for f in found] == [
            ("placeholder-link", Severity.WARNING, "[portfolio link]")
        ]

    @pytest.mark.parametrize(
        ("body", "text"),
        [
            ("I enjoyed meeting [Name] and the team.", "[Name]"),
            ("I'm excited about [Company]'s growth.", "[Company]"),
            ("Please see [link to be added later] for details.", "[link to be added later]"),
        ],
    )
    def test_other_brackets_are_still_placeholders(self, body: str, text: str) -> None:
        assert flagged(body, "placeholder-brackets") == [text]


# Written by the helper who wrote the rules, before widening them: the rules of
# the first draft caught 42 of 46 of these hits and gave an error to 6 of the
# 32 near-misses below (docs/tone.md); both were fixed by construction.
HITS = [
    # criticism or lecturing of their process or people, framed as feedback
    (
        (
            "A small observation, offered in the spirit of helping you improve: the panel "
            "ran over by forty minutes."
        ),
        "blame-critique",
    ),
    (
        (
            "Some friendly feedback on your interview process: three rounds for a junior "
            "post is a lot."
        ),
        "blame-critique",
    ),
    (
        (
            "I mention it not to complain but because your take-home test was clearly "
            "written for a different role."
        ),
        "blame-critique",
    ),
    (
        "Honestly, two of the panel had plainly not looked at my portfolio before we started.",
        "blame-critique",
    ),
    (
        "A timed coding quiz tells you very little about how someone works with a team.",
        "blame-critique",
    ),
    ("A process this long will lose you good candidates to faster firms.", "blame-critique"),
    (
        "At my agency we stopped using group assessments years ago, and our retention improved.",
        "blame-critique",
    ),
    # running down the current employer, or leaking its figures
    (
        "My current manager is a real control freak, which is why I'm keen to move.",
        "blame-current-employer",
    ),
    (
        "Between us, my present employer doesn't pay on time and cuts corners on safety.",
        "blame-current-employer",
    ),
    ("The reason I'm looking is that the owner is dodgy with overtime.", "blame-current-employer"),
    (
        "Last year my accounts billed £4.2m for Harper Reed, led by Norland Foods (£1.9m).",
        "blame-current-employer",
    ),
    (
        "I've attached last quarter's margin breakdown by client so you can see what I'd bring.",
        "blame-current-employer",
    ),
    # sarcasm in thanks
    ("Thank you at last for getting back to me.", "sarcasm-thanks"),
    ("Thanks for eventually replying, seven weeks on.", "sarcasm-thanks"),
    ("I do appreciate the reply, which came only after my fourth email.", "sarcasm-thanks"),
    ("I'm sure you picked the best candidate, whoever that may be.", "sarcasm-thanks"),
    # predicting that the chosen hire will fail
    (
        (
            "Thank you for letting me know your decision. If the new hire doesn't work out, as "
            "so often happens with external appointments, I'm here."
        ),
        "sarcasm-hire-fails",
    ),
    (
        (
            "I understand you went with another candidate. I'll be keeping an eye on how things "
            "go and I'm ready to step in if required."
        ),
        "sarcasm-hire-fails",
    ),
    # threats to their reputation
    (
        "It's a small industry and people talk, so I hope we can resolve this quickly.",
        "pressure-threat-reputation",
    ),
    (
        "I'd hate for this to become the story people tell about your graduate scheme.",
        "pressure-threat-reputation",
    ),
    (
        "Word gets around fast among nurses here, and I'd rather it was good news I was sharing.",
        "pressure-threat-reputation",
    ),
    # selling yourself short, unconditional availability
    ("Any salary you offer will be absolutely fine with me.", "desperation-underselling"),
    ("I wouldn't even need to see the contract, honestly.", "desperation-underselling"),
    (
        "I'm happy to take every night and every weekend shift nobody else wants.",
        "desperation-underselling",
    ),
    (
        "I'm so thankful someone would even consider a school leaver like me.",
        "desperation-underselling",
    ),
    ("I can work any hours you need, day or night.", "desperation-underselling"),
    # new demands slipped into an acceptance
    (
        (
            "I'm pleased to accept the offer. A couple of minor points to confirm: I'll be "
            "working from home on Fridays and starting at 10am."
        ),
        "pressure-accept-demands",
    ),
    ("I accept the position. I assume all of the above is fine.", "pressure-accept-demands"),
    (
        (
            "I'm delighted to accept; I'll sign once the amended contract with the Senior "
            "title arrives."
        ),
        "pressure-accept-demands",
    ),
    # chasing, counted
    (
        "Further to my email on Monday and my call on Tuesday, I wanted to check again.",
        "nagging-repeated",
    ),
    (
        (
            "I know you said the decision would be next week, but I wanted to check if there "
            "was any news."
        ),
        "nagging-repeated",
    ),
    ("I'll try you again this afternoon if I don't hear back.", "nagging-repeated"),
    # private health and relationship detail
    (
        "Apologies for getting a little teary when we talked about my last job.",
        "oversharing-health",
    ),
    (
        "My psychiatrist has just upped my dose, so I should be much calmer next time.",
        "oversharing-health",
    ),
    (
        "The break-up has been really tough, which is why I seemed distracted.",
        "oversharing-health",
    ),
    ("I can assure you my depression will never affect my work.", "oversharing-health"),
    # the job is beneath me, I'll leave when I can
    (
        "To be honest the position is a bit below my experience, but it would do for now.",
        "presumption-beneath-me",
    ),
    ("I'd take it until something more senior comes along.", "presumption-beneath-me"),
    (
        "It would be just a stepping stone for me while I finish my MBA applications.",
        "presumption-beneath-me",
    ),
    ("The duties would be a breeze for someone with my background.", "presumption-beneath-me"),
    # talking down to them: basic failures, small firm, their leadership, fixed in months
    (
        "The gaps in your onboarding are elementary ones that any decent manager could close.",
        "condescension-dismissive",
    ),
    ("I could have all of this sorted within my first quarter.", "condescension-dismissive"),
    (
        "Your management team clearly failed to hold the line on quality.",
        "condescension-dismissive",
    ),
    ("Impressive work for a company of your size!", "condescension-dismissive"),
    ("I'm confident I could take your studio to the next level.", "condescension-dismissive"),
    ("I hope you find someone who suits where you are.", "condescension-dismissive"),
    # a deadline put as a wish
    ("I'd welcome an answer before close of business Friday.", "pressure-deadline"),
]

NEAR_MISSES = [
    "Thank you for asking for my feedback on the process: the scheduling was smooth.",
    "Since you asked, one suggestion on the process: a map to the building would help.",
    "I enjoyed the case, and it told me a lot about how the team thinks.",
    "The course was clearly designed for beginners, which suited me when I started.",
    "I've learned a great deal from my current manager, and I'm grateful to her.",
    "My current employer is a small family firm, and I've loved working there.",
    "I grew my client book to about $3m in annual revenue over four years.",
    "I led the Northgate refurbishment (£2m) from design to handover.",
    "Thank you for finally putting a name to the role I've been describing for years!",
    "Thank you for the quick turnaround on the references.",
    "You've made a great choice in Priya; she's brilliant, and I wish you both well.",
    "If things change in future, please keep me in mind.",
    "Word travels fast: I heard about your award from a colleague, congratulations!",
    "It's a small world: my old lecturer works in your analytics team.",
    "I'm happy to work weekends, as the advert mentioned.",
    "I'd be glad to cover nights on the rota when needed.",
    "Thank you for the offer. Could you send the written details, including pay?",
    "I'm delighted to accept the offer. As agreed, I'll work from home on Fridays.",
    "I'm delighted to accept, and I'll sign as soon as the contract arrives.",
    "Further to my email last week, I wanted to share the certificate you asked about.",
    "I'll call again tomorrow as you suggested.",
    "My GP surgery's reception team taught me a lot about patient care.",
    "Our clinic supports people with anxiety medication reviews.",
    "I got a bit emotional hearing how the charity began, in a good way.",
    "I know the role is more junior than my last one, and that's what I want right now.",
    "While I continue my studies part-time, the evening shifts suit me well.",
    "The problems were basic ones in my first draft, and I fixed them afterwards.",
    "I loved hearing about a small team with big plans for the region.",
    "I'd love to help the team take the product to the next level.",
    "It's a good fit for where the team is heading.",
    "The package wasn't quite where I need it to be, so I'll decline with thanks.",
    "I'll be keeping the date free for the second round.",
    "Some days are better than others on a busy ward, and I loved the pace.",
    "I'd love to work for a company like yours one day.",
    "Thank you for the offer; I'd welcome the written details by post or email.",
]


class TestRound4Families:
    @pytest.mark.parametrize(("body", "rule"), HITS)
    def test_hits_are_errors_of_their_family(self, body: str, rule: str) -> None:
        assert rule in error_rules(body)

    @pytest.mark.parametrize("body", NEAR_MISSES)
    def test_near_misses_are_not_errors(self, body: str) -> None:
        assert error_rules(body) == set()

    def test_the_chosen_hire_only_in_a_reply_to_a_decision(self) -> None:
        # "I'm ready to step in if needed" offers cover in a thank-you note; after
        # a decision for someone else it positions the writer as the replacement.
        body = "I'm ready to step in if needed over the summer."
        assert "sarcasm-hire-fails" not in error_rules(body)
        decided = "I understand you chose another candidate. " + body
        assert "sarcasm-hire-fails" in error_rules(decided)

    def test_accept_demands_only_when_accepting(self) -> None:
        body = "A few small points to confirm: the start date and the title."
        assert "pressure-accept-demands" not in error_rules(body)
        assert "pressure-accept-demands" in error_rules("I'm happy to accept. " + body)

    def test_facts_hide_a_company_name_but_not_the_construction(self) -> None:
        facts = Facts(company="Word Travels Ltd")
        body = "I enjoyed meeting the Word Travels Ltd team."
        assert error_rules(body, facts=facts) == set()


# A second batch, written after the round-4 families had landed, by the same
# helper, before widening them again: the rules then caught 9 of these 30
# (docs/tone.md), a fair warning of how far a fresh writer's wording gets.
SECOND_HITS = [
    (
        (
            "If I may, a suggestion for future rounds: candidates at my level expect to meet "
            "the CEO before a final interview."
        ),
        "blame-critique",
    ),
    ("Your assessment centre felt like something out of 2005, to be honest.", "blame-critique"),
    (
        (
            "It might be worth telling your interviewers that reading from a script puts senior "
            "people off."
        ),
        "blame-critique",
    ),
    (
        "For what it's worth, most of your competitors have dropped whiteboard tests altogether.",
        "blame-critique",
    ),
    (
        (
            "I couldn't help noticing the interviewers hadn't agreed among themselves what the "
            "role actually is."
        ),
        "blame-critique",
    ),
    (
        "Honestly, my manager at the bakery takes all the credit and does none of the work.",
        "blame-current-employer",
    ),
    (
        "I've brought a copy of our customer list on a USB stick in case it's useful.",
        "blame-current-employer",
    ),
    ("Cheers for the update, it only took four chasers.", "sarcasm-thanks"),
    (
        "Wonderful to finally hear something, I was starting to think you'd all emigrated.",
        "sarcasm-thanks",
    ),
    ("Good luck to whoever got it; I give them six months.", "sarcasm-hire-fails"),
    (
        (
            "Thanks for letting me know the decision. When it doesn't work out with them, you "
            "know where I am."
        ),
        "sarcasm-hire-fails",
    ),
    (
        (
            "A lot of people in the trade ask me about employers, and I'll be honest with them "
            "about this one."
        ),
        "pressure-threat-reputation",
    ),
    (
        (
            "I'd hate for others to go through the same, so I'll be sharing my experience on "
            "LinkedIn."
        ),
        "pressure-threat-reputation",
    ),
    ("I'll take whatever you're paying, I'm not fussy.", "desperation-underselling"),
    (
        "I don't mind working Christmas, New Year and every bank holiday going.",
        "desperation-underselling",
    ),
    (
        (
            "I accept the offer, on the understanding that I'll report directly to the CEO "
            "rather than the COO."
        ),
        "pressure-accept-demands",
    ),
    (
        "Happy to accept! I'll be taking the whole of August off as I've already booked flights.",
        "pressure-accept-demands",
    ),
    (
        "This is just a third follow-up since Thursday in case my texts didn't come through.",
        "nagging-repeated",
    ),
    (
        "I've tried calling the office twice this morning and left a message with reception.",
        "nagging-repeated",
    ),
    (
        "I should mention I've been off sick with stress for most of this year.",
        "oversharing-health",
    ),
    (
        "My wife left in March so things have been chaotic, but work keeps me sane.",
        "oversharing-health",
    ),
    (
        "I had a panic attack in the car park beforehand, which explains the wobble.",
        "oversharing-health",
    ),
    (
        "Most of the issues I spotted on the tour are easy wins for anyone with proper training.",
        "condescension-dismissive",
    ),
]

SECOND_NEAR_MISSES = [
    "Any tips for future interviews would be welcome.",
    "I'd love a tip for next time: what would have made my answer stronger?",
    "The office felt like something out of a design magazine.",
    "I'll be sharing my experience on LinkedIn, as it was the best interview I've had.",
    "I had a breakdown of the costs ready for the panel.",
    "I loved the third email in your onboarding sequence.",
    "My wife left her job in nursing to start a business, so I know the sector.",
    "I accept the offer on the understanding that the start date is 3 June, as in your letter.",
    "It's a great course for anyone with basic Excel skills.",
    "Thanks so much for the quick reply!",
    "I kept the customer list up to date in my last role.",
    "I exported the client database into the new CRM during the migration.",
    "Most of your competitors have now moved into same-day delivery, so the timing is exciting.",
    "I've learned a lot from my manager at the bakery, who trained me on the ovens.",
    "Good luck with the launch, and I hope the new hire settles in well.",
    "I'm flexible on shift patterns, including some weekends.",
    "I'm delighted to accept. As we discussed, I'll take two weeks in August that were booked.",
]


class TestRound4FamiliesSecondBatch:
    @pytest.mark.parametrize(("body", "rule"), SECOND_HITS)
    def test_hits_are_errors_of_their_family(self, body: str, rule: str) -> None:
        assert rule in error_rules(body)

    @pytest.mark.parametrize("body", SECOND_NEAR_MISSES)
    def test_near_misses_are_not_errors(self, body: str) -> None:
        assert error_rules(body) == set()


# A third batch, on older kinds of failure the held-out writers keep finding in
# new words (critique of the product, flattery, looks, guilt, entitlement):
# written before widening, the rules caught 10 of 20 (one by the scorer's error).
THIRD_HITS = [
    (
        (
            "I had a look at your app after the interview and, honestly, the checkout flow "
            "needs a complete rethink."
        ),
        "blame-critique",
    ),
    (
        "To be frank, I was surprised you asked such basic questions for a senior post.",
        "blame-critique",
    ),
    (
        "P.S. I hope you don't mind me saying, but you have the most gorgeous eyes.",
        "familiarity",
    ),
    ("And may I say the dress you wore on Tuesday was stunning.", "familiarity"),
    (
        "To be transparent, my kids have been asking every day whether I got the job.",
        "guilt-sacrifice",
    ),
    (
        (
            "You mentioned the team is struggling with morale; in my experience that always "
            "comes from the top."
        ),
        "condescension-dismissive",
    ),
    (
        "I think you underestimated how much experience I bring, so I'd like you to look again.",
        "condescension-dismissive",
    ),
    (
        "I'd expect a senior hire like me to be given a bit more flexibility than the juniors.",
        "condescension-dismissive",
    ),
    (
        (
            "I'm still happy to come in, but only if you can cover my train fare and lunch "
            "this time."
        ),
        "pressure-conditions",
    ),
    (
        (
            "I know it's not how things are usually done, but I've taken the liberty of starting "
            "on the project plan."
        ),
        "presumption",
    ),
]

THIRD_NEAR_MISSES = [
    "I tried the app after our talk, and I loved how fast the checkout was.",
    "I loved hearing that the onboarding flow needs a rethink, which is why the role exists.",
    "It was a pleasure to meet you and hear how you built the team.",
    "My kids loved the tour, and they keep asking about the trucks!",
    "You mentioned morale after the restructure; I've led a team through one and can help.",
    "Good culture always comes from the top, and that was clear from meeting you.",
    "I think I underestimated how much the role involves, and I'm even keener now.",
    "You may have missed my email with the references, so I've attached them again.",
    "I've taken the liberty of attaching my references.",
    "The suit you recommended for the presentation day was a great tip, thank you.",
    "I'm happy to come in on Tuesday, but only if that suits the panel.",
]


class TestThirdBatch:
    @pytest.mark.parametrize(("body", "rule"), THIRD_HITS)
    def test_hits_are_errors_of_their_family(self, body: str, rule: str) -> None:
        assert rule in error_rules(body)

    @pytest.mark.parametrize("body", THIRD_NEAR_MISSES)
    def test_near_misses_are_not_errors(self, body: str) -> None:
        assert error_rules(body) == set()
