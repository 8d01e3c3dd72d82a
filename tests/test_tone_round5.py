"""Tone rules from held-out round 5 and development round 6 (issue 15), in new wordings.

Each family has hits (phrasings it must give an error) and near-misses (gracious
wording with the same words that must not). The wordings are not the writers':
the rules are meant to catch a whole kind of failure, however it is phrased.
"""

from __future__ import annotations

import pytest

from followup.tone import Facts, Severity, check_tone


def wrap(body: str) -> str:
    """Wrap a body in a greeting and sign-off so only the body is under test."""
    return f"Hi Ana,\n\n{body}\n\nBest regards,\nSam"


def error_rules(body: str) -> set[str]:
    return {f.rule for f in check_tone(wrap(body)) if f.severity is Severity.ERROR}


class TestConsiderationIsNotBlame:
    """'It wouldn't be fair to <them> for me to continue' is consideration, not a grievance."""

    @pytest.mark.parametrize(
        "body",
        [
            "It wouldn't be fair to Northgate Water for me to continue when I can't relocate.",
            "It would not be fair on the hiring team if I stayed in the process.",
            "It wouldn't be fair to Maria and the panel to keep them waiting.",
        ],
    )
    def test_passes(self, body: str) -> None:
        assert "blame-unfair" not in error_rules(body)

    @pytest.mark.parametrize(
        "body",
        [
            "It's not fair to candidates that you ghost them.",
            "It wasn't fair to me that the panel ignored my portfolio.",
            "That's not fair to someone who travelled four hours for you.",
        ],
    )
    def test_a_grievance_is_still_an_error(self, body: str) -> None:
        assert "blame-unfair" in error_rules(body)


class TestHedgedDeadlineIsNotADemand:
    """A hedged wish with its reason ('if there is any chance … it would help') may be refused."""

    @pytest.mark.parametrize(
        "body",
        [
            (
                "I don't want to rush you, but if there is any chance of an update before "
                "Friday, it would help me decide."
            ),
            "If there's any chance of a decision by Thursday, that would really help me plan.",
        ],
    )
    def test_passes(self, body: str) -> None:
        assert "pressure-deadline" not in error_rules(body)

    @pytest.mark.parametrize(
        "body",
        [
            "I need an update before Friday.",
            "Please update me before Friday or I will withdraw.",
            "If there is any chance you could reply by Friday, great, because I expect it.",
        ],
    )
    def test_a_deadline_for_them_is_still_an_error(self, body: str) -> None:
        assert "pressure-deadline" in error_rules(body)


# Each family: phrasings it must give an error (none of them a writer's sentence) ...
FAMILY_HITS = [
    # gifts, money and hospitality for the people deciding
    ("I'd like to send you a small gift to say thank you.", "pressure-gift"),
    ("I've left a bottle of wine at reception for the panel.", "pressure-gift"),
    ("Could I take you out for dinner to thank you?", "pressure-gift"),
    ("I have two spare seats for Saturday if you and a guest would like them.", "pressure-gift"),
    ("I'd like to buy the team some chocolates while you decide.", "pressure-gift"),
    ("What's your home address? I'd like to post something to you.", "pressure-gift"),
    ("A voucher is on its way to your office, just a little something.", "pressure-gift"),
    # watching their read receipts, profile views, online status or private life
    ("I can see you've opened my email three times but haven't replied.", "pressure-surveillance"),
    ("LinkedIn shows you've read my message, so I'm guessing you're busy.", "pressure-surveillance"),
    ("I saw you were active on LinkedIn last night, so I know you've seen it.", "pressure-surveillance"),
    ("I noticed you viewed my profile again yesterday.", "pressure-surveillance"),
    ("Saw on your Facebook that your son graduated, congrats!", "pressure-surveillance"),
    ("My message shows as read since Tuesday.", "pressure-surveillance"),
    ("Read receipts are on, so I know it reached you.", "pressure-surveillance"),
    # handing over material that is not yours
    ("I've attached the internal pricing deck from my current employer.", "confidential-breach"),
    ("Happy to share our client list if it helps your team.", "confidential-breach"),
    ("I'll be bringing my client files across with me.", "confidential-breach"),
    ("I've attached the board papers from last quarter.", "confidential-breach"),
    ("I posted my answers to your take-home on GitHub.", "confidential-breach"),
    ("I saved the report to my personal email so I could show you.", "confidential-breach"),
    ("There's a non-solicit in my contract, but my clients follow me.", "confidential-breach"),
    ("I've already spoken quietly to several of my key accounts.", "confidential-breach"),
    # asking them to bend the truth
    ("Could the offer letter say £70,000? It's only for the mortgage application.", "dishonesty-request"),
    ("Could the letter show the bonus as if it were guaranteed?", "dishonesty-request"),
    ("Please send the reference request to my manager rather than to Compliance.", "dishonesty-request"),
    ("I'd prefer the warning didn't end up on my reference.", "dishonesty-request"),
    # the person hired, a named colleague, gossip about a rival
    ("Could you tell me who you hired instead?", "other-candidates-hire"),
    ("Was it an internal candidate?", "other-candidates-hire"),
    ("Please send me the successful candidate's name.", "other-candidates-hire"),
    ("I looked up the successful candidate on LinkedIn.", "other-candidates-hire"),
    ("I'd like to know how her numbers compared with mine.", "other-candidates-hire"),
    ("Another applicant was let go from my last firm for performance issues.", "other-candidates-hire"),
    ("I don't want to speak out of turn, but you should check his references.", "other-candidates-hire"),
    # telling them they are out of date
    ("You may have been thinking of an older way of doing it.", "condescension-out-of-date"),
    ("That hasn't been best practice for several years now.", "condescension-out-of-date"),
    ("It's easy to lose touch once you manage people.", "condescension-out-of-date"),
    ("Happy to show your engineers how it's done these days.", "condescension-out-of-date"),
    ("No offence, but the exercise felt old.", "condescension-out-of-date"),
    # contempt for the people the role serves
    ("Most customers are clueless about their own data, honestly.", "blame-contempt"),
    ("Nurses can be stuck in their ways, so I'd push hard.", "blame-contempt"),
    ("Half of my colleagues are allergic to anything new.", "blame-contempt"),
    # gloating over their bad news
    ("Sorry to hear about the layoffs; as I predicted, the model wasn't working.", "sarcasm-gloat"),
    ("Those are precisely the risks I flagged in my interview.", "sarcasm-gloat"),
    ("If you're rebuilding the leadership team, do get in touch.", "sarcasm-gloat"),
    ("My day rate has doubled since then, mind you.", "sarcasm-gloat"),
    # spite after a rejection
    ("Connecting so you can see what you turned down.", "sarcasm-spite"),
    ("Good luck explaining that decision to your board.", "sarcasm-spite"),
    ("I still aced it, whatever the panel thought.", "sarcasm-spite"),
    ("I'll prove you wrong.", "sarcasm-spite"),
    # skipping their process, withdrawal as a lever
    ("Can we skip the final panel interview? I have another offer.", "pressure-skip-process"),
    ("Unless you can fast-track me to an offer, I'll have to withdraw.", "pressure-skip-process"),
    ("The CEO round feels like a formality at this point.", "pressure-skip-process"),
    ("I'm confident I'd breeze through the final round anyway.", "pressure-skip-process"),
    # withdrawing at the last minute after accepting elsewhere
    ("Can't make today's 2pm interview, I took another job on Monday.", "withdrawal-late"),
    ("I accepted another offer last week and meant to let you know earlier.", "withdrawal-late"),
    (
        "I've accepted another role, but keep me in mind for anything more senior.",
        "withdrawal-late",
    ),
    # selling them something
    ("I'm offering a 15% discount on my coaching to your team.", "solicitation"),
    ("I'd love to send you a free sample of our skincare range.", "solicitation"),
    ("It's a great side income, and I'd love you to join my team!", "solicitation"),
    # romance
    ("You looked stunning in the interview.", "familiarity-romantic"),
    ("The best part was your smile, honestly.", "familiarity-romantic"),
    ("Fancy a drink sometime, just the two of us?", "familiarity-romantic"),
    # expenses
    ("I've included my wife's flights in the expense claim.", "pressure-expenses"),
    ("I upgraded to business class; the receipt is attached for reimbursement.", "pressure-expenses"),
    ("The hotel bill includes the minibar, which I've added to my expenses.", "pressure-expenses"),
    # leaving soon
    ("This would realistically be a one-year stint for me before I travel.", "commitment-short-stay"),
    ("I'd plan to time my move around my bonus in March.", "commitment-short-stay"),
    ("It's an eighteen-month role for me, which suits us both.", "commitment-short-stay"),
    # going round the recruiter
    ("I don't think you're aware of how your recruiter treats people.", "pressure-over-head"),
    ("I'd be glad to speak with you directly instead.", "pressure-over-head"),
    ("I'm sure as CEO you'd want to know.", "pressure-over-head"),
    ("I found your team on LinkedIn and sent them my ideas.", "pressure-over-head"),
    # negotiating against yourself, talking yourself down, leaks, rebuttals
    ("If £60k is a stretch, I'd be happy at £55k.", "desperation-underselling"),
    ("I'd be fine without the relocation allowance too.", "desperation-underselling"),
    ("I probably oversold my Python in the interview.", "self-deprecation"),
    ("Could you give me the inside scoop on the salary band?", "confidential-request"),
    ("Did he say anything about me after the interview?", "confidential-request"),
    ("I'd ask that the panel reconvene.", "pressure-reconsider"),
    ("I believe the decision was based on a misunderstanding of my CV.", "pressure-reconsider"),
]

# ... and gracious wording with the same words, which must get no error.
FAMILY_NEAR_MISSES = [
    "Thank you for the lovely gift bag at the open day.",
    "The envelope with the contract arrived safely this morning.",
    "I've sent you my references and the portfolio link.",
    "I worked on the support tickets queue for three years.",
    "I'd love to bring my experience in hospitality to the hotel.",
    "Thank you for sending the welcome hamper, it was a lovely surprise.",
    "I left my portfolio at reception for you.",
    "I can see you've read my message, and I'm happy to wait for your decision.",
    "I saw on your company's Instagram that the new store opened.",
    "I've read your article on open banking and loved it.",
    "Thanks for viewing my portfolio during the interview.",
    "I forwarded your invitation to my personal email so I can reply from my phone.",
    "I attached the anonymised case study from my portfolio, which my employer has published.",
    "I'd bring my client relationships and ten years of experience.",
    "I'm attaching my references, as you asked.",
    "I led the incident reporting review in my trust.",
    "I posted about the great day on LinkedIn.",
    "I'd be glad to share the public annual report we discussed.",
    "Who will I be reporting to in the role?",
    "Could you tell me who the other members of the panel were so I can thank them?",
    "Congratulations to whoever you chose; I'm sure they'll do well.",
    "I looked up the team on LinkedIn before the interview and loved the projects.",
    "I was thinking of an older approach myself, and your question made me rethink it.",
    "I'd be happy to walk the team through my portfolio if useful.",
    "That is not a criticism of the offer, just a mismatch with what I'm looking for.",
    "No offence taken at all!",
    "Most of my students were brilliant, and they taught me patience.",
    "I saw the news about the branch closures, and I'm sorry; I hope the team is OK.",
    "Those are exactly the issues I'd love to help with.",
    "I still think about what you said on leadership.",
    "Enjoy the rest of your week!",
    "I'd love to skip ahead and hear about next steps.",
    "I'm not able to make the interview on Tuesday because of a family emergency; could we rearrange?",
    "Please keep me in mind for future roles.",
    "I ran a small coaching business for two years, which taught me to sell.",
    "Your warm welcome put me at ease.",
    "I'd love to grab a coffee sometime if you're open to it.",
    "I upgraded the company's CRM to the new version.",
    "If the salary is a stretch for the budget, could we discuss other options?",
    "I know I should have asked about the start date sooner.",
    "I'd like to address the feedback you gave by taking a course.",
    "The offer letter shows £52,000; could you confirm the on-call allowance is separate?",
    "Could you put me in touch with whoever coordinates the language course?",
    "Thank you for calling rather than sending a form email; it meant a lot.",
    "I'm at the final stage with one other company and expect their decision by the 14th.",
]


class TestFamilies:
    @pytest.mark.parametrize(("body", "rule"), FAMILY_HITS)
    def test_hits_are_errors_of_their_family(self, body: str, rule: str) -> None:
        assert rule in error_rules(body)

    @pytest.mark.parametrize("body", FAMILY_NEAR_MISSES)
    def test_near_misses_are_not_errors(self, body: str) -> None:
        assert error_rules(body) == set()


class TestAcceptanceConditions:
    """Unagreed conditions stated as settled, in a draft that accepts."""

    ACCEPT = "I'm delighted to accept the offer. "

    @pytest.mark.parametrize(
        "body",
        [
            "Just to confirm the arrangements we'll be working to: a four-day week.",
            "I'll need every Friday afternoon off for my course.",
            "I'll also be keeping my consultancy running alongside the role.",
            "I assume the allowance will be at the top of the range.",
            "I'd like to skip the two-week induction programme.",
        ],
    )
    def test_hits(self, body: str) -> None:
        assert "pressure-accept-demands" in error_rules(self.ACCEPT + body)

    @pytest.mark.parametrize(
        "body",
        [
            "As agreed, I'll need every Friday afternoon off for my course.",
            "I assume the induction starts on the Monday.",
        ],
    )
    def test_near_misses(self, body: str) -> None:
        assert "pressure-accept-demands" not in error_rules(self.ACCEPT + body)


class TestWrongCompanyAsTheGoal:
    @pytest.mark.parametrize(
        ("body", "flagged"),
        [
            ("Tillwell Bank is where I want to build my career.", True),
            ("Monzo Bank is where I want to work.", True),
            # a bare name as the subject may be a place: see test_tone_fixes.py
            ("Monzo is where I want to work.", False),
            ("Cobalt Pay is where I want to build my career.", False),
            ("London is where I want to be.", False),
            ("London is where I want to build my life.", False),
        ],
    )
    def test_named_goal(self, body: str, flagged: bool) -> None:
        found = check_tone(wrap(body), facts=Facts(company="Cobalt Pay"))
        assert any(f.rule == "wrong-company" for f in found) is flagged


class TestCcLine:
    def test_copying_hr_on_a_decline_is_courtesy(self) -> None:
        assert "pressure-over-head" not in error_rules("I have decided to decline.\n\ncc: Claire Aubert")

    def test_copying_the_ceo_is_going_over_heads(self) -> None:
        assert "pressure-over-head" in error_rules("Still waiting to hear.\n\ncc: your CEO")


# Kinds of failure no writer has brought yet, found by listing what goes wrong in
# follow-ups (private channels, competitors as a threat, someone else's test work,
# remarks on personal characteristics), with their near-misses.
UNSEEN_HITS = [
    ("I found your personal email online so I thought I'd write here instead.", "pressure-surveillance"),
    ("I drove past your house on the way home.", "pressure-surveillance"),
    ("I'll be in touch with your competitors if I don't hear back.", "pressure-threat-business"),
    ("I recorded our Zoom call so I could review my answers.", "pressure-intrusion"),
    ("You won't find anyone cheaper than me.", "desperation-underselling"),
    ("I'd also be open to a date, once the process is over!", "familiarity-romantic"),
    ("I've ordered flowers for the panel to say thank you.", "pressure-gift"),
    ("I've attached screenshots of our internal dashboard.", "confidential-breach"),
    ("Here are our Q3 figures before they're announced next week.", "confidential-breach"),
    ("My flatmate helped me a lot with the take-home, to be honest.", "integrity-admission"),
    ("I asked ChatGPT to write the case study for me, hope that's OK.", "integrity-admission"),
    ("As a fellow Catholic, I know you'll understand my values.", "personal-characteristics"),
    ("Given your age, I'm sure you remember when this was done by hand.", "personal-characteristics"),
    ("I noticed you're expecting - will you be going on maternity leave?", "personal-characteristics"),
    ("The team seemed very young; I'd bring some grown-up experience.", "personal-characteristics"),
]

UNSEEN_NEAR_MISSES = [
    "My friend helped me prepare for the interview, and it paid off.",
    "As a fellow runner, I loved hearing about your marathon.",
    "I used ChatGPT to check the grammar of my cover letter.",
    "I've worked for one of your competitors, so I know the market.",
    "The team seemed young and dynamic, and I loved the atmosphere.",
    "Could we find a date for the second interview?",
    "I forwarded my personal email address to the recruiter.",
    "My wife helped me proofread my cover letter.",
    "I'll be going on paternity leave in May, so a June start would suit.",
    "The competition for the role must have been strong.",
    "I found your personal website and loved your photography.",
    "Our Q3 results, which are now public, show the growth I led.",
]


class TestUnseenKinds:
    @pytest.mark.parametrize(("body", "rule"), UNSEEN_HITS)
    def test_hits_are_errors_of_their_family(self, body: str, rule: str) -> None:
        assert rule in error_rules(body)

    @pytest.mark.parametrize("body", UNSEEN_NEAR_MISSES)
    def test_near_misses_are_not_errors(self, body: str) -> None:
        assert error_rules(body) == set()


# The families again, in paraphrases written after they were built: a check that
# each catches its kind in other words, with near-misses in the same words.
PARAPHRASE_HITS = [
    ("As a thank-you, I've arranged for a case of wine to be delivered to you.", "pressure-gift"),
    ("Happy to cover your lunch next time you're in town.", "pressure-gift"),
    ("I'd love to get you a little something for your desk.", "pressure-gift"),
    ("I noticed your status says Available, so maybe now is a good time?", "pressure-surveillance"),
    ("I'm sending the deal model we built for our client last quarter.", "confidential-breach"),
    ("I can share some of our customer contracts so you can see my terms.", "confidential-breach"),
    ("I still have access to my old firm's shared drive.", "confidential-breach"),
    ("Who ended up getting the job, if you don't mind me asking?", "other-candidates-hire"),
    ("Who did you go with in the end?", "other-candidates-hire"),
    ("Was the successful candidate more experienced than me?", "other-candidates-hire"),
    ("I heard the person you hired was fired from her last job.", "other-candidates-hire"),
    ("Your team could learn a lot from me.", "condescension-out-of-date"),
    ("Frankly, most hiring managers don't understand data engineering.", "blame-contempt"),
    ("Shame about the share price; maybe you should have hired me.", "sarcasm-gloat"),
    ("Saw the redundancies in the news. Bet you wish you'd listened to me now.", "sarcasm-gloat"),
    ("Glad I didn't get it, given what's happened to your company since.", "sarcasm-gloat"),
    ("Would it be possible to skip the assessment centre?", "pressure-skip-process"),
    ("If I have to do another round, I'll withdraw.", "pressure-skip-process"),
    ("Sorry, won't be at the interview this morning, got another offer.", "withdrawal-late"),
    ("If your team ever needs a financial adviser, here's my card.", "solicitation"),
    ("My wife sells kitchenware, let me know if you'd like a catalogue!", "solicitation"),
    ("Can I claim for my hotel upgrade and the bar bill?", "pressure-expenses"),
    ("I'll probably only stay a year or so before moving back home.", "commitment-short-stay"),
    ("I'm planning to leave once my MBA place comes through.", "commitment-short-stay"),
    ("I told the CEO, who I know from university, that your recruiter is slow.", "pressure-over-head"),
    ("Could the letter say Director, even though the role is Manager?", "dishonesty-request"),
    ("Could you backdate the contract so it covers my gap?", "dishonesty-request"),
]

PARAPHRASE_NEAR_MISSES = [
    "I'm planning to leave my current job once my notice period ends in March.",
    "I'm going to go to the open evening when it's announced.",
    "I won't be at the interview this morning because my train was cancelled; could we move it?",
    "The pay rise at my last job was backdated to April.",
    "Thank you for lunch, it was a real treat.",
    "Thanks for the wine at the welcome evening!",
    "Congratulations to the person who got the role.",
    "Congratulations to the candidate who you chose.",
    "I enjoyed learning from your team, and I hope they could learn something from me one day.",
    "I'm glad I didn't give up after the first round, given how much I learned.",
    "I built reporting templates for our clients at my last job.",
    "I still have access to my portfolio site, so I'll send the link.",
    "Let me know if you'd like a copy of my references.",
    "If your team needs anything else from me, just let me know.",
    "I told the recruiter I'm flexible on start dates.",
    "If I have to travel for the next round, I'll book the train.",
    "I'll claim the train fare as you suggested.",
    "Your status update about the award was lovely to see.",
    "Was the role filled internally in the end? Either way, thank you.",
]


class TestParaphrases:
    @pytest.mark.parametrize(("body", "rule"), PARAPHRASE_HITS)
    def test_hits_are_errors_of_their_family(self, body: str, rule: str) -> None:
        assert rule in error_rules(body)

    @pytest.mark.parametrize("body", PARAPHRASE_NEAR_MISSES)
    def test_near_misses_are_not_errors(self, body: str) -> None:
        assert error_rules(body) == set()


class TestLaterFixes:
    @pytest.mark.parametrize(
        ("body", "rule"),
        [
            ("I'd prefer it didn't end up on the reference.", "dishonesty-request"),
            ("I've copied Greg here, as I thought he'd want to know where things stand.", "pressure-over-head"),
            ("I've copied your CEO, as I know she values candidate experience.", "pressure-over-head"),
            ("Saw on Instagram your daughter won her regatta!", "pressure-surveillance"),
            ("Happy to share our client list if it helps.", "confidential-breach"),
            ("I published my write-up of your case study on Medium.", "confidential-breach"),
        ],
    )
    def test_hits(self, body: str, rule: str) -> None:
        assert rule in error_rules(body)

    @pytest.mark.parametrize(
        "body",
        [
            "I've copied Maria, who asked to be kept in the loop on scheduling.",
            "I saw on Instagram that the bakery launched a new loaf, congratulations!",
            "I got your number from the recruiter, who suggested I call.",
            "Thanks for sharing your number; I'll call at 3pm.",
            "I can't share client details, of course, but I'd be glad to talk about my approach.",
            "I attached the incident report, which was published by the trust last year.",
        ],
    )
    def test_near_misses(self, body: str) -> None:
        assert error_rules(body) == set()
