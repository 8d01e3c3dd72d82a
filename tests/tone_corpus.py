"""A labelled corpus of follow-up drafts for the tone check.

Most drafts answer a rejection; some follow up while a decision is pending or
thank an interviewer. "good" drafts are professional and gracious and must get
no error finding; "bad" drafts are ones a careful friend would stop you sending,
and should get at least one. The bad drafts were written first, in many voices,
and the rules were then widened to generalise, not the other way round.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NamedTuple

__all__ = ["CORPUS", "FACTS_PROBES", "Draft", "load_cases"]


class Draft(NamedTuple):
    """One labelled draft."""

    label: str  # "good" or "bad"
    channel: str
    text: str
    note: str
    facts: dict[str, Any] | None = None  # Facts fields, for drafts checked with their facts


_RAMBLING = (
    "Dear Ms. Hart,\n\n"
    + " ".join(
        [
            "Thank you for your email about the Operations Manager role.",
            "I have been thinking a lot about our conversation since the interview,",
            "and I wanted to share a few more thoughts about my background,",
            "because I am not sure I explained everything as well as I could have.",
            "In my previous job I managed a team of twelve people across two sites,",
            "and before that I spent four years in logistics, where I learned",
            "how to plan shifts, handle suppliers and keep a warehouse running.",
            "I also volunteered at a food bank, which taught me patience,",
            "and I ran a small online shop for two years with my brother.",
        ]
        * 6
    )
    + "\n\nKind regards,\nGordon"
)

_LONG_NOTE = (
    "Hi Fiona, thank you so much for the interview for the Marketing Coordinator role "
    "last Thursday. I understand you chose another candidate, and I wanted to say how much "
    "I enjoyed meeting you and the team, and how much I learned about your spring campaign "
    "and the brand refresh. I would love to stay connected."
)

_DATA = Path(__file__).parent / "data" / "tone"
_SOURCES = {
    "heldout-r1-writer-a.json": "held-out round 1, writer A (measured before joining the tests)",
    "heldout-r1-writer-b.json": "held-out round 1, writer B (measured before joining the tests)",
    "heldout-r2-writer-c.json": "held-out round 2, writer C (measured before joining the tests)",
    "heldout-r2-writer-d.json": "held-out round 2, writer D (measured before joining the tests)",
    "heldout-r3-writer-e.json": "held-out round 3, writer E (measured before joining the tests)",
    "heldout-r3-writer-f.json": "held-out round 3, writer F (measured before joining the tests)",
    "heldout-r4-writer-g.json": "held-out round 4, writer G (measured before joining the tests)",
    "heldout-r4-writer-h.json": "held-out round 4, writer H (measured before joining the tests)",
    "heldout-r5-writer-i.json": "held-out round 5, writer I (measured before joining the tests)",
    "heldout-r5-writer-j.json": "held-out round 5, writer J (measured before joining the tests)",
    "dev6-writer-k.json": "development round 6, writer K (blind; measured before tuning)",
    "dev6-writer-l.json": "development round 6, writer L (blind; measured before tuning)",
    "dev7-writer-p.json": "development round 7, writer P (measured before joining the tests)",
    "dev7-writer-q.json": "development round 7, writer Q (measured before joining the tests)",
    "dev7-writer-r.json": "development round 7, writer R (measured before joining the tests)",
    "dev-round8.json": "development round 8 (written before tuning; not held-out)",
    "dev-round9.json": "development round 9 (written before tuning; not held-out)",
    "dev-round10.json": "development round 10 (written before tuning; not held-out)",
    "dev-round11.json": "development round 11 (written before tuning; not held-out)",
    "dev-round12.json": "development round 12 (written before tuning; not held-out)",
    "dev-round13.json": "development round 13 (written before tuning; not held-out)",
    "dev-round14.json": "development round 14 (written before tuning; not held-out)",
    "dev-precision1.json": "development precision round 1 (written before tuning; not held-out)",
    "dev-precision2.json": "development precision round 2 (written before tuning; not held-out)",
}


def load_cases(name: str) -> tuple[Draft, ...]:
    """The cases of one file in ``tests/data/tone``, each noted with its id and source."""
    cases = json.loads((_DATA / name).read_text(encoding="utf-8"))
    return tuple(
        Draft(
            case["label"],
            case["channel"],
            case["text"],
            f"{case['id']} ({_SOURCES[name]}): {case['why']}",
            case["facts"],
        )
        for case in cases
    )


_WRITTEN: tuple[Draft, ...] = (
    # ---------------------------------------------------------------- good
    Draft(
        "good",
        "email",
        "Dear Ms. Johnson,\n\nThank you for letting me know about your decision regarding the "
        "Data Analyst position. While I am disappointed, I understand the decision and "
        "appreciate the time you and the team spent with me.\n\nI enjoyed learning about your "
        "work on the SQL reporting platform, and I would welcome the chance to be considered "
        "for future openings.\n\nKind regards,\nDaniel Okafor",
        "formal rejection reply mentioning SQL",
    ),
    Draft(
        "good",
        "email",
        "Hi Priya,\n\nThanks so much for the update, and for being so open throughout the "
        "process. I really enjoyed our conversation about the onboarding redesign — it gave "
        "me a lot to think about.\n\nI'd love to stay in touch, and I hope our paths cross "
        "again.\n\nAll the best,\nTom",
        "warm rejection reply",
    ),
    Draft(
        "good",
        "email",
        "Hello Mark,\n\nThank you for letting me know. I appreciated the chance to meet the "
        "team and wish you all the best with the search.\n\nBest,\nLena",
        "brief rejection reply",
    ),
    Draft(
        "good",
        "email",
        "Dear Mr. Schmidt,\n\nThank you for your mail and for the information about the "
        "decision. Of course I am a little sad, but I understand it. The interview was a very "
        "good experience for me and I learned many things about your company.\n\nIf in the "
        "future there is again an open position in the team, I would be happy to apply "
        "again.\n\nWith best regards,\nJoão Pereira",
        "non-native English, accented name",
    ),
    Draft(
        "good",
        "email",
        "Dear Dr. Åsa Lindqvist-Øberg,\n\nThank you for taking the time to tell me about the "
        "outcome personally. I valued our discussion about the AWS migration and the way your "
        "team approaches on-call. I understand you chose a candidate with more Kubernetes "
        "experience, and that is fair.\n\nIf you have a moment, I would be grateful for any "
        "feedback on where I could improve.\n\nSincerely,\nMaría José Fernández de la Cruz",
        "long accented names, 'that is fair', AWS",
    ),
    Draft(
        "good",
        "email",
        "Hi Jonas,\n\nThanks for the candid feedback on my system design answer — fair point "
        "about the caching layer, I rushed it. I've since read up on write-through caches and "
        "I'll be better prepared next time.\n\nThank you again for your time,\nAmira",
        "'fair point', thanks-again sign-off",
    ),
    Draft(
        "good",
        "email",
        "Hello Sarah,\n\nThank you for the update. I understand the role has been filled. For "
        "future openings, I'd need about four weeks' notice for my current employer, so "
        "please keep that in mind if something comes up.\n\nBest regards,\nKenji Watanabe",
        "\"I'd need\" and 'please'",
    ),
    Draft(
        "good",
        "email",
        "Hi Carlos,\n\nThank you so much! I really appreciated how welcoming everyone was "
        "during the on-site. Although it didn't work out this time, I'd be glad to reconnect "
        "in the future.\n\nWarm regards,\nNadia",
        "'thank you so much!' with a single exclamation mark",
    ),
    Draft(
        "good",
        "linkedin-note",
        "Hi Emma, thank you for the interview last week. I enjoyed our talk about ETL "
        "pipelines and would be glad to stay connected.",
        "LinkedIn note with an acronym",
    ),
    Draft(
        "good",
        "linkedin-note",
        "Hello Mr. Osei, thanks again for your time during the interview. I understand the "
        "decision and would love to keep in touch for future roles.",
        "LinkedIn note after a rejection",
    ),
    Draft(
        "good",
        "linkedin-message",
        "Hi Rachel,\n\nI wanted to thank you for the conversation about the product analytics "
        "role. Even though I wasn't selected, I learned a lot from the case study, especially "
        "the part about A/B testing.\n\nPlease let me know if there's anything I could read to "
        "prepare better for similar roles.\n\nThanks,\nVikram",
        "LinkedIn message asking for reading tips",
    ),
    Draft(
        "good",
        "task",
        "Send a thank-you note to the hiring manager and ask whether feedback is possible.",
        "task reminder",
    ),
    Draft(
        "good",
        "email",
        "Dear Ms. Chen,\n\nI hope you had a good week. I wanted to follow up on my interview "
        "for the Backend Engineer role on the 12th. I remain very interested in the position "
        "and would be happy to provide anything else you need.\n\nBest regards,\n"
        "Olusegun Adeyemi",
        "pending follow-up, 'anything else you need'",
    ),
    Draft(
        "good",
        "email",
        "Hi Daniel,\n\nThank you for letting me know about the outcome. I'm disappointed, of "
        "course, but I appreciate the quick reply. Would you be open to sharing any feedback "
        "on my interview? Please don't feel obliged — I know you are busy.\n\nBest wishes,\n"
        "Sofia",
        "asks for feedback without pressure",
    ),
    Draft(
        "good",
        "email",
        "Dear Hiring Team,\n\nThank you for considering me for the BI Developer role. I "
        "understand you went with a candidate who has more experience with GCP and dbt. I "
        "enjoyed the SQL exercise and the chat with the CTO about your ETL roadmap.\n\nI wish "
        "the team every success.\n\nRegards,\nChidi N.",
        "many acronyms",
    ),
    Draft(
        "good",
        "email",
        "Hi Hannah,\n\nThanks for the call today and for explaining the decision so clearly. "
        "I'm glad I got to meet you all!\n\nIf anything opens up on the platform team in the "
        "new year, I'd love to hear about it.\n\nCheers,\nOwen",
        "single '!', 'clearly' used kindly",
    ),
    Draft(
        "good",
        "email",
        "Marcus,\n\nThank you for the update and for your kind words about my portfolio. I "
        "understand the decision, and I'm grateful for the chance to have interviewed.\n\nAll "
        "the best,\nIngrid",
        "'Name,' greeting",
    ),
    Draft(
        "good",
        "email",
        "Good morning Ms. Patel,\n\nThank you for informing me of your decision. I enjoyed "
        "meeting the team and would welcome the opportunity to be considered for future "
        "roles.\n\nSincerely,\nAlex Moreau",
        "formal, 'Good morning'",
    ),
    Draft(
        "good",
        "email",
        "Dear Mrs. Novak,\n\nThank you very much for the interview and for your answer. I "
        "understand that you found a more experienced person. Please, if it is possible, can "
        "you tell me what I can improve? It would help me very much.\n\nThank you and best "
        "regards,\nNguyen Thi Lan",
        "non-native English, polite 'please'",
    ),
    Draft(
        "good",
        "email",
        "Hello Ben,\n\nThank you for the update. The interview was a fairly long affair, but I "
        "enjoyed every part of it, especially the pairing session. I respect the decision and "
        "hope we can stay in touch.\n\nKind regards,\nRuth",
        "'fairly' and 'affair' must not read as 'fair'/'unfair'",
    ),
    Draft(
        "good",
        "email",
        "Hi Laura,\n\nThanks for letting me know. Your note about my presentation skills was "
        "helpful — that is exactly what I need to work on, and I've already signed up for a "
        "workshop.\n\nThank you again,\nMateo",
        "'I need' used innocently",
    ),
    Draft(
        "good",
        "email",
        "Dear Mr. Yamamoto,\n\nThank you for the interview for the ML Engineer position. I "
        "appreciated the deep dive into your AWS and GCP setup and the discussion about MLOps "
        "and CI/CD. I understand you decided to move forward with another candidate, and I "
        "wish you every success with the NLP roadmap.\n\nBest regards,\nPriyanka Raghunathan",
        "acronym-heavy, CI/CD",
    ),
    Draft(
        "good",
        "linkedin-note",
        "Hi Tomás, it was a pleasure meeting you at the interview. I'd be glad to connect and "
        "follow your team's work.",
        "short LinkedIn note, accented name",
    ),
    Draft(
        "good",
        "email",
        "Dear Ms. O'Connor,\n\nThank you for meeting with me yesterday to discuss the Project "
        "Manager role. I enjoyed hearing about the hospital rollout and how the PMO supports "
        "it. Our conversation confirmed my interest in the position.\n\nPlease let me know if "
        "I can provide any further information.\n\nWarm regards,\nKwame Mensah",
        "thank-you note after an interview",
    ),
    Draft(
        "good",
        "email",
        "Hi Julia,\n\nThank you again for the interviews. After careful thought, I have "
        "decided to withdraw my application, as I have accepted another offer. I truly "
        "appreciated your time and hope to cross paths again.\n\nBest,\nSam",
        "gracious withdrawal",
    ),
    Draft(
        "good",
        "email",
        "Dear Professor Adebayo,\n\nThank you for your email. Unfortunately this wasn't the "
        "outcome I hoped for, but I'm grateful for the opportunity and for the thoughtful "
        "questions from the panel. I hope to apply again when the next postdoc position is "
        "advertised.\n\nWith thanks,\nDr. Helena Kowalczyk",
        "academic, 'unfortunately'",
    ),
    Draft(
        "good",
        "email",
        "Hey Ravi,\n\nThanks for the heads-up about the decision, and for putting in a good "
        "word with the team. No hard feelings at all — I really enjoyed the process. Let's "
        "grab coffee sometime.\n\nCheers,\nLiam",
        "casual, 'no hard feelings'",
    ),
    Draft(
        "good",
        "email",
        "Hello Mrs. Dubois,\n\nI thank you for your response. I am disappointed but I respect "
        "your choice. The discussion with you about the UX research was very interesting for "
        "me. I stay available if another opportunity comes.\n\nBest regards,\nÉlodie Marchand",
        "non-native (French) English",
    ),
    Draft(
        "good",
        "email",
        "Dear Ms. Alvarez,\n\nThank you for the thoughtful feedback. I'll work on the areas "
        "you mentioned, and I'd welcome the opportunity to interview again if a similar role "
        "opens up next year.\n\nKind regards,\nBenedikt Müller-Lüdenscheidt",
        "asks to interview again, gracefully; long umlaut name",
    ),
    Draft(
        "good",
        "linkedin-message",
        "Hello Grace,\n\nI hope you're doing well. I understand you're busy, so I'll keep this "
        "short: thank you for the interview for the QA Lead role. I enjoyed discussing your "
        "test automation strategy.\n\nBest regards,\nYusuf",
        "LinkedIn message, 'I understand'",
    ),
    Draft(
        "good",
        "email",
        "Hi Mei,\n\nThank you so much for letting me know, and please pass my thanks to Ahmed "
        "and Julie as well. I enjoyed the team lunch a lot!\n\nBest regards,\nCarla",
        "'thank you so much', single '!'",
    ),
    Draft(
        "good",
        "email",
        "Dear Hiring Committee,\n\nThank you for informing me that you will not be moving "
        "forward with my application at this time. I appreciate the careful consideration "
        "you gave to my candidacy and the time each of you invested in the interviews.\n\nI "
        "remain enthusiastic about the mission of the foundation and would be glad to be "
        "considered for future roles that match my background in grant management.\n\n"
        "Respectfully,\nAnne-Marie Leclerc",
        "very formal, 'Respectfully'",
    ),
    Draft(
        "good",
        "email",
        "Hello Ms. Ivanova,\n\nThank you for the update regarding the Analyst position. I "
        "understand and appreciate you letting me know quickly.\n\nBest regards,\nDmitri "
        "Sokolov\nData Analyst | SQL, Python, Tableau\n+1 555 0134",
        "signature block under the name",
    ),
    Draft(
        "good",
        "email",
        "Hi Noor,\n\nI hope the hiring process is going smoothly. I just wanted to follow up "
        "on the Designer role — I'm still very interested. Whenever you have news, I'd be "
        "glad to hear it.\n\nThanks,\nAisha",
        "pending follow-up without pressure",
    ),
    Draft(
        "good",
        "linkedin-note",
        "Hi Omar, thanks for the fair and friendly interview process. I'd like to stay "
        "connected and keep learning from your posts on data engineering.",
        "'fair' as praise",
    ),
    Draft(
        "good",
        "email",
        "Dear Mr. Lee,\n\nMany thanks for your kind email. Although I was not selected, I am "
        "thankful for the chance to know your team. I hope I can have chance to work with "
        "you in the future.\n\nYours sincerely,\nZhang Wei",
        "non-native English, 'Yours sincerely'",
    ),
    Draft(
        "good",
        "email",
        "Hi Fatima,\n\nThank you for the honest feedback. I'd be curious to hear which "
        "resources you'd recommend for improving my SQL skills.\n\nBest regards,\nArjun",
        "asks for resources",
    ),
    Draft(
        "good",
        "email",
        "Dear Mr. Harris,\n\nThank you for the interview on Tuesday. As discussed, I expect to "
        "finish my certification in June and will send you the certificate then. I remain "
        "very interested in the role.\n\nKind regards,\nMiriam",
        "'I expect' about the candidate's own plans",
    ),
    Draft(
        "good",
        "linkedin-note",
        "Hello Mr. Nakamura, thank you for the interview. I am sad that I was not selected, "
        "but I learned much. I hope we can stay connected.",
        "non-native LinkedIn note",
    ),
    Draft(
        "good",
        "email",
        "Hi Ola,\n\nThanks again for the interview on Monday. No rush at all — I know hiring "
        "takes time. I'm still very excited about the role and happy to answer any other "
        "questions.\n\nBest,\nTariq",
        "pending, explicitly no rush",
    ),
    Draft(
        "good",
        "email",
        "Dear Ms. Kim,\n\nThank you for the call this morning. I could start immediately if "
        "the situation changes, and I would be glad to be considered for the next cohort.\n\n"
        "Kind regards,\nJoseph",
        "'start immediately' is an offer, not pressure",
    ),
    # ----------------------------------------------------------------- bad
    Draft(
        "bad",
        "email",
        "Hi Karen,\n\nI see you've decided to go with someone else. I guess experience doesn't "
        "count for much these days. Hope it works out for you.\n\nRegards,\nPaul",
        "passive-aggressive",
    ),
    Draft(
        "bad",
        "email",
        "Dear Mr. Brown,\n\nFrankly, I was the most qualified candidate you interviewed, and I "
        "think you know it. I would like a detailed explanation of why I was rejected.\n\n"
        "Regards,\nEric",
        "entitled",
    ),
    Draft(
        "bad",
        "email",
        "Dear Ms. Smith,\n\nPlease, please reconsider. This job means everything to me and I "
        "don't know what I'll do without it. I can start tomorrow and I'll work for less.\n\n"
        "Thank you,\nMaria",
        "pleading",
    ),
    Draft(
        "bad",
        "email",
        "Hello,\n\nAfter four rounds and a take-home assignment that took my whole weekend, a "
        "two-line rejection email is pretty insulting. You could at least have had the "
        "decency to call.\n\nRegards,\nJ.",
        "bitter",
    ),
    Draft(
        "bad",
        "email",
        "Hi Tom,\n\nWow, thanks so much for the lightning-fast response — only six weeks! "
        "Really appreciate how much you value candidates' time.\n\nCheers,\nNina",
        "sarcastic",
    ),
    Draft(
        "bad",
        "email",
        "Hi Steve,\n\nI STILL haven't heard back from anyone. It has been THREE WEEKS. Is "
        "anyone actually reading these emails??\n\nThanks,\nRob",
        "shouting",
    ),
    Draft(
        "bad",
        "email",
        "Mr. Davis,\n\nI need to know the status of my application by Friday. I have other "
        "offers and I won't wait forever.\n\nRegards,\nKevin",
        "demanding, ultimatum",
    ),
    Draft(
        "bad",
        "email",
        "Dear [Hiring Manager Name],\n\nThank you for the opportunity to interview for the "
        "{role} position at [Company]. I enjoyed our conversation.\n\nBest regards,\n"
        "<YOUR NAME>",
        "leftover template placeholders",
    ),
    Draft(
        "bad",
        "email",
        "Hi Alison,\n\nAs I mentioned in my previous two emails, I'm still waiting on "
        "feedback. Not sure if my messages are getting lost, but it would be nice to get a "
        "reply at some point.\n\nThanks,\nGreg",
        "passive-aggressive 'per my last email' paraphrase",
    ),
    Draft(
        "bad",
        "email",
        "Dear Ms. Green,\n\nHonestly, I don't think your interviewers gave me a real chance. "
        "The technical round was poorly run and the questions had nothing to do with the "
        "job.\n\nSincerely,\nAndrew",
        "blames the interviewers",
    ),
    Draft(
        "bad",
        "email",
        "Hi Brian,\n\nI've been unemployed for eight months and my savings are almost gone. I "
        "was really counting on this role. Is there really nothing you can do for me?\n\n"
        "Thanks,\nDerek",
        "guilt and desperation",
    ),
    Draft(
        "bad",
        "email",
        "Hello Mr. Patel,\n\nCongratulations on finding your 'perfect' candidate. I'm sure "
        "they'll be worth the wait. Best of luck to the team — you'll need it.\n\nBest,\nChris",
        "sarcastic, scare quotes",
    ),
    Draft(
        "bad",
        "email",
        "Hi Jessica,\n\nIt's been a week since my interview and I haven't heard anything. I "
        "find this unprofessional. Please get back to me today with a decision.\n\nRegards,\n"
        "Mohammed",
        "impatient, demanding",
    ),
    Draft(
        "bad",
        "email",
        "Dear Hiring Team,\n\nI am EXTREMELY disappointed with how this process was handled. "
        "Nobody told me anything for a month.\n\nRegards,\nLaura",
        "one shouted word",
    ),
    Draft(
        "bad",
        "linkedin-note",
        _LONG_NOTE,
        "polite, but a LinkedIn connection note over 200 characters is cut off",
    ),
    Draft(
        "bad",
        "linkedin-note",
        "Hi Sam, I know I didn't get the job but I'm begging you to keep me in mind, I'll "
        "take literally any position at your company.",
        "pleading LinkedIn note",
    ),
    Draft(
        "bad",
        "email",
        "Dear Ms. Walker,\n\nI'll be sharing my experience with your hiring process on "
        "Glassdoor so other candidates know what to expect.\n\nRegards,\nTyler",
        "veiled threat",
    ),
    Draft(
        "bad",
        "email",
        "Hi Lisa,\n\nJust circling back to see if there's any update. Bumping this to the top "
        "of your inbox in case it got buried.\n\nThanks,\nJake",
        "nagging cliché",
    ),
    Draft(
        "bad",
        "email",
        "Hi Mr. Ahmed,\n\nWith respect, the interviewer clearly hadn't read my CV and kept "
        "interrupting me. I don't think that reflects well on your company.\n\nKind regards,\n"
        "Sophie",
        "blames the interviewer",
    ),
    Draft(
        "bad",
        "email",
        "Dear recruiter,\n\nFine. Your company's loss, not mine. I have better things to do "
        "than chase people who can't make up their minds.\n\n- Victor",
        "bitter, dismissive",
    ),
    Draft(
        "bad",
        "email",
        "Hi Emily,\n\nThanks a lot for wasting three hours of my life on a panel that had "
        "already made up its mind. Really professional.\n\nBest,\nOscar",
        "sarcastic and bitter",
    ),
    Draft(
        "bad",
        "email",
        "Dear Ms. Roberts,\n\nI believe a mistake has been made. I'd like you to take another "
        "look at my application and overturn the decision.\n\nRegards,\nNathan",
        "asks to overturn the decision",
    ),
    Draft("bad", "email", _RAMBLING, "rambling, far over 400 words"),
    Draft(
        "bad",
        "email",
        "Hi Andrea,\n\nI'm devastated. I've wanted to work at your company since I was a kid "
        "and I honestly don't know how to move on from this. Is there any way at all you "
        "could change your mind?\n\nLove,\nPatricia",
        "emotional, asks them to change their mind",
    ),
    Draft(
        "bad",
        "linkedin-note",
        "Hi Megan, congrats on hiring someone 'with more experience'. Hope they're everything "
        "you dreamed of. Let's connect!",
        "sarcastic LinkedIn note",
    ),
    Draft(
        "bad",
        "email",
        "Mr. Lopez,\n\nI expect to hear from you by end of day tomorrow. If I don't, I'll "
        "assume your company doesn't respect candidates.\n\nRegards,\nFrank",
        "deadline and ultimatum",
    ),
    Draft(
        "bad",
        "email",
        "Dear Sir,\n\nPlease sir, give me one more chance, I am very need this job for my "
        "family. I will do any thing you say.\n\nThank you,\nRaj",
        "pleading, non-native English",
    ),
    Draft(
        "bad",
        "email",
        "Hi Rebecca,\n\nIt feels like the decision was made before I even walked in. The whole "
        "thing seemed rigged for an internal candidate.\n\nThanks,\nJordan",
        "alleges a rigged process",
    ),
    Draft(
        "bad",
        "email",
        "Hi {{first_name}},\n\nThank you for taking the time to speak with me about the "
        "{{job_title}} role. I enjoyed learning about TODO.\n\nBest,\nAnna",
        "mail-merge placeholders left in",
    ),
    Draft(
        "bad",
        "email",
        "Dear Mr. XXX,\n\nThank you for the interview on [date]. I appreciated learning about "
        "the team.\n\nKind regards,\nTK",
        "XXX and TK markers",
    ),
    Draft(
        "bad",
        "email",
        "Hello,\n\nAfter the effort I put into this process, I deserve at least some real "
        "feedback, not a generic template. Send me the interview notes.\n\nRegards,\nMark",
        "entitled demand",
    ),
    Draft(
        "bad",
        "linkedin-message",
        "Hi Alex,\n\nWHY was I rejected?? I did EVERYTHING you asked!!\n\nRob",
        "shouting LinkedIn message",
    ),
    Draft(
        "bad",
        "email",
        "Hi Diane,\n\nNo worries about the delay, I know candidates are low on your list of "
        "priorities. I've moved on anyway.\n\nBest,\nKyle",
        "passive-aggressive",
    ),
    Draft(
        "bad",
        "email",
        "Dear Ms. Taylor,\n\nI noticed on LinkedIn that the person you hired has half my "
        "experience. I'd be curious to know what they had that I didn't.\n\nRegards,\nGeorge",
        "compares self with the hire",
    ),
    Draft(
        "bad",
        "email",
        "Hi,\n\nGot your rejection. Whatever. Good luck finding someone who'll put up with "
        "that interview process.\n\nZ",
        "curt and bitter",
    ),
    Draft(
        "bad",
        "email",
        "Hi Monica,\n\nI'm surprised you didn't make me an offer given my background at "
        "Google. Frankly I expected better judgement from your team.\n\nBest,\nIvan",
        "condescending",
    ),
    Draft(
        "bad",
        "email",
        "Hi Rachel,\n\nPer my last email, I am just touching base again regarding the status "
        "of my application. Please advise at your earliest convenience.\n\nRegards,\nHenry",
        "stacked clichés",
    ),
    Draft(
        "bad",
        "email",
        "Hi Jen,\n\nI turned down two other interviews to focus on your company, so this is a "
        "real blow. I hope you understand what you've put me through.\n\nRegards,\nAmy",
        "guilt trip",
    ),
    Draft(
        "bad",
        "email",
        "Dear team,\n\nI'd suggest you rethink how you evaluate senior engineers. Asking a "
        "principal engineer to reverse a linked list is frankly embarrassing.\n\nRegards,\n"
        "Peter",
        "condescending advice",
    ),
    Draft(
        "bad",
        "email",
        "Hi Sandra,\n\nI was ghosted for three weeks after the final round. Not even an "
        "automated reply. I guess that's how you treat people here.\n\nBest,\nLeo",
        "complains about being ghosted",
    ),
    Draft(
        "bad",
        "task",
        "Email {interviewer} TODO: add the company name",
        "task note with a placeholder",
    ),
    Draft(
        "bad",
        "linkedin-message",
        "Hey Chris,\n\nSeriously? You picked the other guy? Ridiculous. Hope you enjoy "
        "training him.\n\nDan",
        "scornful LinkedIn message",
    ),
    Draft(
        "bad",
        "email",
        "Dear Mr. Okoro,\n\nI respectfully request that you reconsider. I have attached my "
        "references again and I will call your office on Monday to discuss.\n\nSincerely,\n"
        "Grace",
        "polite wording, but presses for a reversal and announces a call",
    ),
    Draft(
        "bad",
        "email",
        "Hello Ms. Fischer,\n\nThanks for nothing, I suppose. At least now I know what your "
        "company really thinks of applicants.\n\nRegards,\nSven",
        "sarcastic",
    ),
    # ------------------------------------------------ held out (written after the rules)
    Draft(
        "bad",
        "email",
        "Hi Paula,\n\nI have to say I'm shocked. I nailed every question and the feedback you "
        "sent makes no sense. Someone on your panel must have had it in for me.\n\nRegards,\n"
        "Keith",
        "held out: accuses the panel",
    ),
    Draft(
        "bad",
        "email",
        "Dear Mr. Grant,\n\nKindly let me know the reason for my rejection within two days, "
        "failing which I will escalate this matter to your CEO.\n\nRegards,\nSuresh",
        "held out: formal ultimatum",
    ),
    Draft(
        "bad",
        "email",
        "Hi Nora,\n\nI'm so sorry to bother you again!!! I know you said no but could you maybe "
        "please think about it one more time? I would be so so grateful.\n\nThanks,\nBella",
        "held out: pleading",
    ),
    Draft(
        "bad",
        "email",
        "Hello Ms. Price,\n\nOh, I completely understand. It must be very hard to find time to "
        "send a two-line email in six weeks.\n\nBest regards,\nTheo",
        "held out: sarcasm dressed as understanding",
    ),
    Draft(
        "bad",
        "linkedin-note",
        "Hey, you interviewed me last month and never got back to me. Just thought you should "
        "know how that feels on this side.",
        "held out: reproachful LinkedIn note",
    ),
    Draft(
        "bad",
        "email",
        "Dear [Recruiter],\n\nThank you for the interview at ACME. I enjoyed meeting INSERT NAME "
        "HERE and the team.\n\nRegards,\nMo",
        "held out: placeholders in another style",
    ),
    Draft(
        "bad",
        "email",
        "Hi Jake,\n\nYour recruiter promised me a decision within a week and then disappeared. "
        "That's just not how you run a business.\n\nBest,\nAlan",
        "held out: lecturing",
    ),
    Draft(
        "bad",
        "email",
        "Dear Hiring Manager,\n\nI would appreciate it if you could tell me who you hired "
        "instead and what their salary is.\n\nRegards,\nPaul",
        "held out: intrusive request",
    ),
    Draft(
        "bad",
        "email",
        "Hi Claire,\n\nI'm honestly crying as I write this. I really thought this was the one. "
        "Please tell me there's still a chance.\n\nLove,\nEmma",
        "held out: emotional plea",
    ),
    Draft(
        "bad",
        "email",
        "Hi Dave,\n\nNo problem at all! I've already had three better offers anyway, so it's "
        "really no big deal.\n\nCheers,\nMatt",
        "held out: boastful, passive-aggressive",
    ),
    Draft(
        "bad",
        "linkedin-message",
        "Hi Yuki,\n\nI AM VERY DISAPPOINTED BY YOUR DECISION. PLEASE CALL ME.\n\nKen",
        "held out: all caps",
    ),
    Draft(
        "bad",
        "email",
        "Hi Rosa,\n\nIt's been two weeks. Any update? Hello? Anyone there?\n\nJim",
        "held out: impatient nagging",
    ),
    Draft(
        "bad",
        "email",
        "Dear Mr. Wong,\n\nLet's be honest, the role was never really open, was it? You could "
        "have saved us both the trouble.\n\nRegards,\nNikhil",
        "held out: alleges a sham process",
    ),
    Draft(
        "bad",
        "email",
        "Hi Laura,\n\nI'll keep applying every month until you hire me. You'll be hearing from "
        "me!\n\nBest,\nSteph",
        "held out: overbearing persistence",
    ),
    Draft(
        "bad",
        "task",
        "Follow up with {{recruiter_name}} about XXX",
        "held out: task with placeholders",
    ),
    Draft(
        "good",
        "email",
        "Dear Mr. Grant,\n\nThank you for your message and for the opportunity to interview. I "
        "was hoping for a different result, but I appreciate the clear and timely answer.\n\n"
        "Best regards,\nSuresh Iyer",
        "held out: formal",
    ),
    Draft(
        "good",
        "email",
        "Hi Nora,\n\nThanks for getting back to me so quickly, even with bad news. It was a "
        "genuine pleasure talking with you about community health.\n\nTake care,\nBella",
        "held out: warm, 'Take care'",
    ),
    Draft(
        "good",
        "linkedin-note",
        "Hi Yuki, I'm glad we met during the interview process. I'd like to keep following "
        "your work on the API platform.",
        "held out: LinkedIn note with API",
    ),
    Draft(
        "good",
        "email",
        "Dear Ms. Price,\n\nThank you for the update. I won't pretend I'm not disappointed, but "
        "I'm grateful to have been considered. I hope you'll keep my CV on file.\n\nKind "
        "regards,\nTheo Anagnostopoulos",
        "held out: honest about disappointment",
    ),
    Draft(
        "good",
        "email",
        "Hi Jake,\n\nThank you for letting me know, and for the honest feedback about my lack "
        "of B2B sales experience. It's a fair assessment and I'm working on it.\n\nBest,\nAlan",
        "held out: 'fair assessment', B2B",
    ),
    Draft(
        "good",
        "email",
        "Dear Dr. Mbeki,\n\nThank you for the interview and for your time. I understand the "
        "panel preferred a candidate with clinical trial experience. I hope our paths cross at "
        "the AMIA conference.\n\nWith appreciation,\nLindiwe Dlamini",
        "held out: unlisted acronym",
    ),
    Draft(
        "good",
        "email",
        "Hi Rosa,\n\nI hope your week is going well. I'm writing to follow up on the Support "
        "Lead role — is there any update on the timeline? No pressure, of course.\n\nThanks so "
        "much,\nJim",
        "held out: polite status request",
    ),
    Draft(
        "good",
        "email",
        "Hello Mr. Wong,\n\nThank you for the interview yesterday. I really enjoyed meeting "
        "you! Our chat about the NYC office expansion was a highlight.\n\nBest regards,\nNikhil",
        "held out: thank-you note",
    ),
    Draft(
        "good",
        "email",
        "Hi Steph,\n\nThanks so much for the kind note. I really appreciate that you took the "
        "time to explain why. I'll keep an eye on your careers page and would love to apply "
        "again.\n\nAll the best,\nLaura",
        "held out: warm",
    ),
    Draft(
        "good",
        "email",
        "Dear Ms. Okonkwo,\n\nThank you for letting me know. Although I'm naturally "
        "disappointed, I completely understand. Please don't hesitate to contact me if "
        "anything changes.\n\nYours truly,\nChukwuemeka",
        "held out: 'I completely understand'",
    ),
    Draft(
        "good",
        "email",
        "Hi Paula,\n\nThanks for the feedback — it was really useful. I need to get better at "
        "explaining trade-offs, and your comments showed me exactly where to start.\n\nBest,\n"
        "Keith",
        "held out: 'I need to' about self-improvement",
    ),
    Draft(
        "good",
        "linkedin-message",
        "Hello Ken,\n\nThank you for interviewing me for the SRE position. I enjoyed our "
        "discussion about on-call load and SLOs. I'd be happy to stay in touch.\n\nKind "
        "regards,\nYuki Tanaka",
        "held out: LinkedIn message with acronyms",
    ),
    Draft(
        "good",
        "email",
        "Dear Selection Committee,\n\nThank you for considering my application for the Lecturer "
        "post. I'm sorry it didn't work out this time, but I wish the department all the "
        "best.\n\nRespectfully yours,\nDr. Siobhán Ní Bhriain",
        "held out: academic, Irish name",
    ),
    Draft(
        "good",
        "email",
        "Hi Anna,\n\nThank you for the interview today. You asked whether I'd be able to "
        "relocate — I checked, and I could move by March. Happy to discuss.\n\nBest,\nPiotr",
        "held out: answers an open question",
    ),
    Draft(
        "good",
        "email",
        "Dear Mr. Dubois,\n\nThank you so much for your message! I am sorry I was not the right "
        "fit this time. I hope to meet you again at a future event.\n\nCordialement — with best "
        "regards,\nAmélie",
        "held out: non-native sign-off (a warning at most)",
    ),
    # ------------------------- held out 2 (written after the first widening)
    Draft(
        "bad",
        "email",
        "Hi Olga,\n\nI'm not going to pretend I'm fine with this. Four interviews and you"
        " couldn't even tell me why. Do better.\n\nBest,\nRyan",
        "held out 2: scolding",
    ),
    Draft(
        "bad",
        "email",
        "Dear Sir/Madam,\n\nI write to express my profound dissatisfaction with the"
        " outcome. I trust you will review my file again and correct this oversight"
        " promptly.\n\nYours faithfully,\nA. Kowalski",
        "held out 2: formal pressure",
    ),
    Draft(
        "bad",
        "linkedin-note",
        "Hi Ben, I was rejected but honestly your loss lol. Connect anyway?",
        "held out 2: flippant",
    ),
    Draft(
        "bad",
        "email",
        "Hi Zara,\n\nSo I guess the 'exciting next steps' you mentioned were just for"
        " someone else. Good to know.\n\nCheers,\nIsaac",
        "held out 2: sarcastic",
    ),
    Draft(
        "bad",
        "email",
        "Hello Ms. Reyes,\n\nI'm begging you, I have two kids and no income. Any job at"
        " all, even part-time, would save us.\n\nThank you,\nLuz",
        "held out 2: begging",
    ),
    Draft(
        "bad",
        "email",
        "Hi Mike,\n\nThanks for the rejection. Really made my day. Keep up the great"
        " work!\n\nSteve",
        "held out 2: sarcastic thanks",
    ),
    Draft(
        "bad",
        "email",
        "Dear Dr. Hale,\n\nWith all due respect, your panel lacked the expertise to"
        " evaluate my research.\n\nRegards,\nDr. Ames",
        "held out 2: condescending",
    ),
    Draft(
        "bad",
        "email",
        "Hi Tess,\n\nWHAT HAPPENED?? I thought we had a great connection!!\n\nLuke",
        "held out 2: shouting",
    ),
    Draft(
        "bad",
        "email",
        "Hi Paolo,\n\nI'll need your answer by Thursday at the latest, as I'm weighing"
        " other options.\n\nRegards,\nFinn",
        "held out 2: deadline",
    ),
    Draft(
        "bad",
        "email",
        "Hello Ms. Baptiste,\n\nI hope you sleep well knowing you turned down the best"
        " candidate you'll ever see.\n\nRegards,\nMarc",
        "held out 2: spiteful",
    ),
    Draft(
        "bad",
        "email",
        "Dear Hiring Manager,\n\nThank you for interviewing me for the {{position}} role at"
        " {{company}}.\n\nSincerely,\n{{my_name}}",
        "held out 2: placeholders",
    ),
    Draft(
        "bad",
        "email",
        "Hi Ingrid,\n\nFine, whatever you decide is fine by me I guess. Not like my opinion"
        " matters.\n\nBye,\nTom",
        "held out 2: sulking",
    ),
    Draft(
        "good",
        "email",
        "Hi Olga,\n\nThank you for telling me in person — I know those calls aren't easy to"
        " make. I learned a great deal from the four interviews.\n\nBest,\nRyan",
        "held out 2: gracious counterpart",
    ),
    Draft(
        "good",
        "email",
        "Dear Ms. Reyes,\n\nThank you for your note. I'm disappointed, but I respect the"
        " decision and would be glad to hear about part-time roles in the future.\n\nKind"
        " regards,\nLuz Herrera",
        "held out 2: gracious counterpart",
    ),
    Draft(
        "good",
        "linkedin-note",
        "Hi Paolo, thanks for a great conversation about your AWS cost work. Even though it"
        " didn't work out, I'd love to stay in touch!",
        "held out 2: gracious counterpart",
    ),
    Draft(
        "good",
        "email",
        "Hi Tess,\n\nThanks for letting me know. I honestly thought we had a great"
        " connection, so I'm a bit sad — but I understand, and I hope we can keep in"
        " touch.\n\nWarmly,\nLuke",
        "held out 2: gracious counterpart",
    ),
    Draft(
        "good",
        "email",
        "Dear Dr. Hale,\n\nThank you for the opportunity to present my research to the"
        " panel. Your questions on the statistical methods were especially helpful.\n\nWith"
        " kind regards,\nDr. Ames",
        "held out 2: gracious counterpart",
    ),
    Draft(
        "good",
        "email",
        "Hello Ms. Baptiste,\n\nMerci for your kind message. I am a little disappointed,"
        " but it was a real pleasure to meet you. I wish you a good continuation.\n\nBest"
        " regards,\nMarc Lefèvre",
        "held out 2: gracious counterpart",
    ),
    Draft(
        "good",
        "email",
        "Hi Mike,\n\nThanks for the quick reply, and for the tip about the React course."
        " Really made my day to hear that the team liked my portfolio.\n\nBest,\nSteve",
        "held out 2: gracious counterpart",
    ),
    Draft(
        "good",
        "task",
        "Call Dr. Osei's office on Thursday to thank her for the reference.",
        "held out 2: gracious counterpart",
    ),
    # ------------------------- held out 3 (written after the second widening)
    Draft(
        "bad",
        "email",
        "Hi Gemma,\n\nI must say I find it hard to believe that anyone on the shortlist was"
        " a better match than me. Perhaps you could double-check the"
        " scores.\n\nRegards,\nHugo",
        "held out 3: disbelief, entitled",
    ),
    Draft(
        "bad",
        "email",
        "Dear Ms. Ruiz,\n\nYour rejection email contained two typos, which says a lot about"
        " the attention to detail in your team.\n\nBest,\nCarmen",
        "held out 3: petty jab",
    ),
    Draft(
        "bad",
        "linkedin-note",
        "Hi Ali, I'd really, really appreciate if you could find me something, anything, at"
        " your company. I'm running out of options.",
        "held out 3: pleading note",
    ),
    Draft(
        "bad",
        "email",
        "Hey Josh,\n\nCool, so that's it then? Three months of my life for a form email."
        " Lovely.\n\nNate",
        "held out 3: bitter sarcasm",
    ),
    Draft(
        "bad",
        "email",
        "Dear Mr. Singh,\n\nPlease confirm receipt of this email and provide a full"
        " breakdown of my interview scores by Monday.\n\nRegards,\nVera",
        "held out 3: bureaucratic demand",
    ),
    Draft(
        "bad",
        "email",
        "Dear [FIRST NAME],\n\nIt was great to meet you at [COMPANY] on [DATE].\n\nBest,\nKim",
        "held out 3: placeholders",
    ),
    Draft(
        "bad",
        "email",
        "Hi Maya,\n\nHonestly I'm not surprised. Companies like yours never hire people"
        " like me.\n\nBest,\nOmar",
        "held out 3: resentful generalisation",
    ),
    Draft(
        "bad",
        "email",
        "Hi Sue,\n\nI have already told all my friends I got this job. Please don't make me"
        " look like a fool.\n\nThanks,\nBen",
        "held out 3: guilt",
    ),
    Draft(
        "bad",
        "linkedin-message",
        "Hi Lars,\n\nJUST WANTED TO SAY THANKS FOR THE INTERVIEW.\n\nBest,\nPia",
        "held out 3: all caps, friendly words",
    ),
    Draft(
        "bad",
        "email",
        "Dear Hiring Team,\n\nSince I haven't received a reply to any of my five emails, I"
        " have copied your CEO on this one.\n\nRegards,\nDavid",
        "held out 3: escalation",
    ),
    Draft(
        "good",
        "email",
        "Hi Gemma,\n\nThank you for the kind words about my portfolio. I'm disappointed,"
        " but I know it was a strong shortlist. I'd be grateful for any pointers on where I"
        " fell short.\n\nBest regards,\nHugo",
        "held out 3: gracious counterpart",
    ),
    Draft(
        "good",
        "email",
        "Dear Ms. Ruiz,\n\nThank you for your email and for the attention to detail"
        " throughout the process. It made a very good impression on me.\n\nBest,\nCarmen",
        "held out 3: gracious counterpart",
    ),
    Draft(
        "good",
        "linkedin-note",
        "Hi Ali, it was great meeting you. If anything comes up in your data team later"
        " this year, I'd be very happy to hear about it.",
        "held out 3: gracious counterpart",
    ),
    Draft(
        "good",
        "email",
        "Hi Josh,\n\nThanks for letting me know. Three months is a long process, and I"
        " appreciated how well you kept me informed throughout.\n\nCheers,\nNate",
        "held out 3: gracious counterpart",
    ),
    Draft(
        "good",
        "email",
        "Dear Mr. Singh,\n\nThank you for the decision and for offering to share my"
        " interview scores. I would find that very helpful whenever it suits"
        " you.\n\nRegards,\nVera",
        "held out 3: gracious counterpart",
    ),
    Draft(
        "good",
        "email",
        "Hi Maya,\n\nThank you for the update. I'm not surprised it was a tough choice —"
        " your team is impressive. I'd love to stay in touch.\n\nBest,\nOmar",
        "held out 3: gracious counterpart",
    ),
    # ------------------- issue 15: new families, written before their rules
    # bargaining on pay or terms after a decision
    Draft(
        "bad",
        "email",
        "Dear Ms. Patel,\n\nI understand the decision. That said, I'd be happy to take a lower salary, even 20% below what we discussed, if that would change the outcome.\n\nBest regards,\nRahul",
        "bargain: lower salary (issue)",
    ),
    Draft(
        "bad",
        "email",
        "Hi Greg,\n\nI'm happy to match whatever they were offered minus ten thousand, and I can waive the signing bonus too.\n\nThanks,\nLeo",
        "bargain: undercut the other candidate (issue)",
    ),
    Draft(
        "bad",
        "email",
        "Hello Anita,\n\nIf budget was the issue, I am flexible. I could come in at a reduced rate for the first year, no problem.\n\nRegards,\nSunil",
        "bargain: reduced rate",
    ),
    Draft(
        "bad",
        "email",
        "Dear Mr. Okoro,\n\nKindly note that I am ready to accept a lesser package than quoted earlier. Please consider my candidature once again in light of this.\n\nYours faithfully,\nChinedu",
        "bargain: formal Nigerian English, lesser package",
    ),
    Draft(
        "bad",
        "linkedin-note",
        "Hi Sam, sorry it didn't work out. For what it's worth I'd do the job for 15k less. Just saying!",
        "bargain: LinkedIn-short",
    ),
    Draft(
        "bad",
        "email",
        "Hi Jo,\n\nWhat if I worked the first month unpaid as a trial? You'd have nothing to lose.\n\nCheers,\nMo",
        "bargain: unpaid trial",
    ),
    Draft(
        "bad",
        "email",
        "Dear Hiring Team,\n\nI would like to let you know that salary is not important to me. I can lower my expectations considerably and forgo the relocation package if it helps my chances.\n\nSincerely,\nPetra",
        "bargain: lower expectations, forgo relocation",
    ),
    Draft(
        "bad",
        "email",
        "Hi Marta,\n\nWould it make a difference if I dropped my asking salary? I can be a lot cheaper than the person you chose.\n\nBest,\nIvan",
        "bargain: cheaper than the person you chose",
    ),
    # remarks about other candidates
    Draft(
        "bad",
        "email",
        "Hi Laura,\n\nThanks for the call. I do hope you didn't go with the other candidate I saw in the lobby; he didn't seem very prepared.\n\nBest,\nDan",
        "others: lobby (issue)",
    ),
    Draft(
        "bad",
        "email",
        "Dear Mr. Fox,\n\nMay I ask who you ended up hiring? I'd like to know what they had that I didn't.\n\nRegards,\nAmy",
        "others: who did you hire",
    ),
    Draft(
        "bad",
        "email",
        "Hi Raj,\n\nI heard the person you picked is a friend of the team lead. Makes sense now, I suppose.\n\nThanks,\nKaren",
        "others: insinuates nepotism",
    ),
    Draft(
        "bad",
        "linkedin-note",
        "Hi Olu, congrats on the hire. Bit surprised you went for someone so junior, but hope it works out.",
        "others: someone so junior",
    ),
    Draft(
        "bad",
        "email",
        "Dear Sir,\n\nWith due regards, I want to know on what basis the other applicant was found more suitable than me, as I have more years of experience.\n\nThanking you,\nRamesh",
        "others: formal Indian English, on what basis",
    ),
    Draft(
        "bad",
        "email",
        "Hey Tina,\n\nno worries. tbh the girl before me in the waiting room looked really nervous so I figured I had it. guess not haha.\n\nJake",
        "others: waiting room",
    ),
    Draft(
        "bad",
        "email",
        "Hi Simon,\n\nCould you tell me a bit about the successful candidate's background? I'm curious how they compare to me.\n\nBest,\nNell",
        "others: how they compare",
    ),
    # runs of emoji
    Draft("bad", "linkedin-note", "😊😊🙏🙏🔥🔥 Really hope I get it 🤞🤞🤞🤞", "emoji: issue"),
    Draft(
        "bad",
        "linkedin-message",
        "Hi Amara!! 👋\n\nThank you soooo much for the interview 🙏🙏🙏 I loved it 😍😍\n\nTalk soon 🚀",
        "emoji: heavy message",
    ),
    Draft(
        "bad",
        "email",
        "Hi Ben,\n\nThanks for the news 😢😢😢 Still hoping something comes up 🤞🏽🤞🏽\n\nBest,\nAli",
        "emoji: sad run with skin tones",
    ),
    Draft(
        "bad",
        "linkedin-note",
        "Thanks for the chat today Priya 🙌 🙌 🙌 fingers crossed 🤞",
        "emoji: spaced run",
    ),
    Draft(
        "bad",
        "email",
        "Dear Ms. Chu,\n\nThank you for the interview! 😀 I hope to hear good news 🙂 It was great meeting the team 👍 Have a great weekend 🌞\n\nBest,\nLi",
        "emoji: four spread out",
    ),
    # guilt and sacrifice
    Draft(
        "bad",
        "email",
        "Hi Claire,\n\nI turned down two other interviews because you said I was the frontrunner. My family was counting on it. I hope you can understand what this decision has cost us.\n\nRegards,\nMark",
        "guilt: issue",
    ),
    Draft(
        "bad",
        "email",
        "Dear Mr. Adeyemi,\n\nI resigned from my previous job in anticipation of joining your esteemed organisation. Now I am left with nothing. Kindly consider my situation.\n\nRegards,\nFemi",
        "guilt: resigned in anticipation",
    ),
    Draft(
        "bad",
        "email",
        "Hi Paula,\n\nI spent three full weekends preparing for this and took unpaid leave to fly out for the final round. I just wanted you to know how much I put into it.\n\nThanks,\nRuth",
        "guilt: effort listed",
    ),
    Draft(
        "bad",
        "email",
        "Hello,\n\nMy kids were so excited that mum was going to work at your company. I don't know how to tell them.\n\nBest wishes,\nJen",
        "guilt: children",
    ),
    Draft(
        "bad",
        "linkedin-message",
        "Hi Tom,\n\nAfter everything I sacrificed for this process, a two-sentence email feels like a slap in the face.\n\nBest,\nErin",
        "guilt: sacrificed, slap in the face",
    ),
    Draft(
        "bad",
        "email",
        "Dear Ms. Walsh,\n\nI declined another offer last week because I was sure about your team. I hope you realise the position this leaves me in.\n\nRegards,\nConor",
        "guilt: declined another offer",
    ),
    Draft(
        "bad",
        "email",
        "Hi Dev,\n\nI relocated my whole family to Pune for this opportunity. It's really hard to accept this now.\n\nThanks,\nNeha",
        "guilt: relocated family",
    ),
    # demands with deadlines
    Draft(
        "bad",
        "email",
        "Dear Sir,\n\nKindly revert with the reason for my rejection within 24 hours.\n\nRegards,\nVikram",
        "deadline: issue",
    ),
    Draft(
        "bad",
        "email",
        "Dear Ms. Ortiz,\n\nI expect a reply by end of business Thursday explaining the decision.\n\nRegards,\nDaniel",
        "deadline: I expect a reply by",
    ),
    Draft(
        "bad",
        "email",
        "Dear HR Team,\n\nPlease do the needful and share my interview feedback at the earliest, latest by tomorrow.\n\nThanks and regards,\nPriya",
        "deadline: do the needful, latest by tomorrow",
    ),
    Draft(
        "bad",
        "email",
        "Hello Mr. Bell,\n\nI'll give you until Friday to let me know if there's any other role for me. After that I'm moving on.\n\nRegards,\nStan",
        "deadline: I'll give you until Friday",
    ),
    Draft(
        "bad",
        "email",
        "Dear Recruiter,\n\nThis is urgent. Send me the written feedback from each panel member no later than 5pm today.\n\nRegards,\nOla",
        "deadline: urgent, no later than",
    ),
    Draft(
        "bad",
        "linkedin-message",
        "Hi Chen,\n\nNeed your feedback on my interview by Monday morning please, I have another process going.\n\nThanks\nWill",
        "deadline: need your feedback by Monday",
    ),
    Draft(
        "bad",
        "email",
        "Dear Sir/Madam,\n\nI request you to kindly furnish the evaluation sheet of my interview within two working days, failing which I will be forced to escalate.\n\nYours truly,\nAnand",
        "deadline: furnish within two working days, failing which",
    ),
    # complaints about unanswered messages
    Draft(
        "bad",
        "email",
        "Hi Maria,\n\nI've now emailed three times without a reply. Surely someone on your team can spare thirty seconds to let me know where things stand.\n\nThanks,\nPete",
        "nagging: issue",
    ),
    Draft(
        "bad",
        "email",
        "Hello,\n\nThis is my fourth email about my application and still nothing. Does anyone actually read this inbox?\n\nRegards,\nBilal",
        "nagging: fourth email",
    ),
    Draft(
        "bad",
        "email",
        "Dear Mr. Hayes,\n\nIt would have been nice to get some acknowledgement of my previous messages. It only takes a minute to reply.\n\nKind regards,\nSue",
        "nagging: only takes a minute",
    ),
    Draft(
        "bad",
        "linkedin-message",
        "Hi Jon,\n\nI've left you two voicemails and a message here with no response. Just let me know either way.\n\nThanks,\nAdam",
        "nagging: voicemails with no response",
    ),
    Draft(
        "bad",
        "email",
        "Hi Kelly,\n\nI know you're busy, but it's been three weeks of radio silence since my final interview. Is it too much to ask for a quick update?\n\nBest,\nLuis",
        "nagging: radio silence, too much to ask",
    ),
    Draft(
        "bad",
        "email",
        "Dear Team,\n\nMy previous emails have gone unanswered. I would appreciate the courtesy of a reply this time.\n\nRegards,\nHelen",
        "nagging: unanswered, courtesy of a reply",
    ),
    Draft(
        "bad",
        "email",
        "Hi Sara,\n\nFollowing up again (again!). Not sure if my messages are landing in spam or just being ignored.\n\nCheers,\nFinn",
        "nagging: being ignored",
    ),
    # pleading for intervention
    Draft(
        "bad",
        "linkedin-note",
        "Hi Ana, could you put in a word with the hiring manager for me? I'm flexible on everything - salary, start date, location.",
        "pleading: issue",
    ),
    Draft(
        "bad",
        "email",
        "Dear Ms. Obi,\n\nIs there any way you could speak to the panel on my behalf? I'm sure if they saw me again they would change their minds.\n\nBest regards,\nTunde",
        "pleading: on my behalf",
    ),
    Draft(
        "bad",
        "email",
        "Hi Ryan,\n\nPlease give me one more chance to prove myself. I promise I won't let you down.\n\nThanks,\nKate",
        "pleading: prove myself, won't let you down",
    ),
    Draft(
        "bad",
        "email",
        "Respected Sir,\n\nI humbly request you to kindly consider me for any position in your organisation, even a junior one. I will do whatever work is given.\n\nThanking you,\nSuresh",
        "pleading: humbly request any position",
    ),
    Draft(
        "bad",
        "email",
        "Hi Gail,\n\nYou know the team well - could you pull a few strings and get me another interview? I'd owe you one.\n\nBest,\nMia",
        "pleading: pull strings",
    ),
    Draft(
        "bad",
        "linkedin-message",
        "Hello Mr. Stein,\n\nI'm reaching out directly because I believe the recruiter made a mistake with my application. Could you personally look into it and make an exception?\n\nRegards,\nOmar",
        "pleading: go over the recruiter's head",
    ),
    Draft(
        "bad",
        "email",
        "Dear Dr. Lin,\n\nIf the person you selected doesn't work out, please, please call me first. I'll be waiting by the phone.\n\nYours,\nBeth",
        "pleading: waiting by the phone",
    ),
    # all in lower case, no greeting, no sign-off
    Draft("bad", "email", "thanks for the interview. let me know what you decide.", "bare: issue"),
    Draft("bad", "email", "hey so did i get the job or not? been a week", "bare: blunt"),
    Draft(
        "bad",
        "linkedin-message",
        "thx for the chat yesterday. let me know about next steps when u can",
        "bare: text-message style",
    ),
    # oversharing, plus something an error should catch
    Draft(
        "bad",
        "email",
        "Hi Dana,\n\nThanks for letting me know. Honestly this week has been awful - my landlord is selling the flat, my dog is sick, and now this. I really need this job more than you know.\n\nBest,\nGeorgia",
        "overshare: plus desperation",
    ),
    # old families, new voices
    Draft(
        "bad",
        "email",
        "Dear Mr. Ross,\n\nI am writing to express my displeasure at the way my candidature was handled. I was not even given an opportunity to present my portfolio.\n\nRegards,\nFaisal",
        "blame: formal displeasure",
    ),
    Draft(
        "bad",
        "email",
        "Hi Nat,\n\nNo offence, but your interviewer was half an hour late and clearly hadn't looked at my CV.\n\nBest,\nRob",
        "blame: interviewer late",
    ),
    Draft(
        "bad",
        "linkedin-note",
        "Hi Zoe. Rejected after 5 rounds?? Seriously? Wow.",
        "blame: LinkedIn-short",
    ),
    Draft(
        "bad",
        "email",
        "Hello Ms. Grant,\n\nI assume the decision was made on a whim, because nothing in the interview suggested otherwise.\n\nRegards,\nTheo",
        "blame: on a whim",
    ),
    Draft(
        "bad",
        "email",
        "Hi Sam,\n\nAppreciate the update I guess. Shame you couldn't see past my CV gap. Your loss, honestly.\n\nCheers,\nJess",
        "blame: CV gap, your loss",
    ),
    # gracious probes: polite messages with loaded but innocent words
    Draft(
        "good",
        "email",
        "Dear Dr. Mensah,\n\nThank you for the conversation about the urgent care expansion. It was inspiring to hear how the new clinics will cut waiting times.\n\nKind regards,\nAlicia",
        "probe: urgent care expansion",
    ),
    Draft(
        "good",
        "email",
        "Hi Rory,\n\nThanks for walking me through the automated email journey for new subscribers. I've been thinking about the re-engagement step since.\n\nBest,\nDevi",
        "probe: automated email journey",
    ),
    Draft(
        "good",
        "email",
        "Dear Ms. Levy,\n\nYou had the courtesy to call me personally, which I really appreciated. I understand the decision and hope we can stay in touch.\n\nWarm regards,\nNoah",
        "probe: had the courtesy",
    ),
    Draft(
        "good",
        "email",
        "Hi Keiko,\n\nThanks again for the interview. Your point that 'we can't afford downtime' during the migration stuck with me, and I'd love to hear how the cut-over goes.\n\nAll the best,\nMarek",
        "probe: can't afford downtime",
    ),
    Draft(
        "good",
        "email",
        "Hello Mr. Byrne,\n\nThank you for the offer. After a lot of thought, I have decided to decline it, as I've accepted a role closer to home. I hope our paths cross again.\n\nKind regards,\nFiona",
        "probe: declines an offer",
    ),
    Draft(
        "good",
        "email",
        "Dear Ms. Hartmann,\n\nI am writing to withdraw my application for the Analyst role. I enjoyed meeting the team and wish you every success with the search.\n\nSincerely,\nTobias",
        "probe: withdraws",
    ),
    Draft(
        "good",
        "email",
        "Hi Leila,\n\nI really enjoyed our talk about demand forecasting and the new inventory model. Thank you for your time and the thoughtful questions.\n\nBest regards,\nKofi",
        "probe: demand forecasting",
    ),
    Draft(
        "good",
        "email",
        "Dear Mr. Novak,\n\nThank you for the interview. Having worked for a pressure washer company, I especially liked your story about the dealer network.\n\nBest regards,\nIrene",
        "probe: pressure washer company",
    ),
    Draft(
        "good",
        "email",
        "Hi Rosa,\n\nThank you for the chat about the deadline-driven team on the newsroom desk. I work well under that kind of pace and enjoyed hearing about it.\n\nBest,\nEmil",
        "probe: deadline-driven team",
    ),
    Draft(
        "good",
        "email",
        "Hi Jonah,\n\nI know you're busy, so just a short note to say thank you for the interview on Tuesday. I enjoyed hearing about the analytics roadmap.\n\nBest,\nCarmen",
        "probe: I know you're busy",
    ),
    Draft(
        "good",
        "email",
        "Dear Ms. Ito,\n\nThank you for letting me know. Please pass on my congratulations to the successful candidate; I'm sure they'll do a great job.\n\nKind regards,\nHenrik",
        "probe: congratulates the other candidate",
    ),
    Draft(
        "good",
        "email",
        "Hi Abdul,\n\nThanks for letting me know. I understand you went with someone who has more fintech experience, which makes sense for the role.\n\nBest regards,\nLucy",
        "probe: understands the choice of another candidate",
    ),
    Draft(
        "good",
        "email",
        "Dear Mr. Clarke,\n\nThank you for the offer of the Data Scientist role. I'm excited about it. Before I sign, could we talk about the base salary? Based on my research, a figure closer to £62,000 would reflect the scope of the role.\n\nKind regards,\nAyesha",
        "probe: polite negotiation after an offer",
    ),
    Draft(
        "good",
        "email",
        "Hi Ines,\n\nThank you for the update. I'm counting on seeing you at the product meetup next month - I'd love to hear how the launch went.\n\nBest,\nPaolo",
        "probe: counting on seeing you",
    ),
    Draft(
        "good",
        "email",
        "Dear Prof. Abara,\n\nThank you for the interview. My family and I enjoyed visiting the campus, and the tour of the lab was a highlight.\n\nWith best regards,\nChiamaka",
        "probe: my family, innocently",
    ),
    Draft(
        "good",
        "email",
        "Hi Marcus,\n\nThank you for considering me. I turned down the chance to present at the conference last year, and your team's talk this year made me wish I hadn't - I learned a lot from it.\n\nBest,\nDeniz",
        "probe: turned down, innocently",
    ),
    Draft(
        "good",
        "email",
        "Dear Ms. Oyelaran,\n\nThank you for your time on Wednesday. Kindly let me know if you need any further documents from my side. I look forward to hearing from you.\n\nThanks and regards,\nAbhishek",
        "probe: Indian English, kindly let me know",
    ),
    Draft(
        "good",
        "email",
        "Dear Mr. Eze,\n\nThank you for the opportunity to interview for the Credit Analyst role. I remain keen on the position and am available should you need any further information.\n\nYours faithfully,\nNgozi Okafor",
        "probe: Nigerian formal English",
    ),
    Draft(
        "good",
        "linkedin-note",
        "Thanks for the great chat today, Priya 🙂 I'd love to stay connected.",
        "probe: a single smiley",
    ),
    Draft(
        "good",
        "linkedin-message",
        "Hi Jamal,\n\nThank you so much for the interview! 🙏 I really enjoyed meeting the team.\n\nBest,\nSofia",
        "probe: one emoji",
    ),
    Draft(
        "good",
        "email",
        "Hi Hugo,\n\nThanks for the quick reply. No response needed to this one - I just wanted to say thanks for the kind feedback.\n\nBest,\nElla",
        "probe: no response needed",
    ),
    Draft(
        "good",
        "email",
        "Dear Ms. Berger,\n\nThank you for the interview today. As requested, I'll send the writing sample by Friday. Please let me know if a different format would help.\n\nKind regards,\nJulien",
        "probe: the candidate's own deadline",
    ),
    Draft(
        "good",
        "email",
        "Hi Tamsin,\n\nThank you for the update on the timeline. You mentioned a decision within two weeks - I'm happy to wait, and I remain very interested.\n\nBest,\nOscar",
        "probe: their own timeline",
    ),
    Draft(
        "good",
        "email",
        "Dear Mr. Haddad,\n\nThank you for speaking with me. I was impressed by how the team handles urgent requests from the trading desk - it sounds like a great place to learn.\n\nBest regards,\nYara",
        "probe: urgent requests, innocently",
    ),
    Draft(
        "good",
        "email",
        "Hi Cam,\n\nThanks for letting me know. I would still love to work with you one day, so please keep me in mind for future roles.\n\nBest,\nDrew",
        "probe: future roles",
    ),
    Draft(
        "good",
        "email",
        "Dear Ms. Kowalski,\n\nThank you for the call. I'm disappointed, but the feedback about my portfolio was useful. I've spent the weekend reworking the case study you mentioned.\n\nKind regards,\nBorys",
        "probe: spent the weekend, innocently",
    ),
    Draft(
        "good",
        "email",
        "Hello Ms. Tan,\n\nThank you for the interview for the Nurse Manager position. Your description of the night-shift handover, and what the team sacrificed during the pandemic, stayed with me.\n\nSincerely,\nGrace",
        "probe: sacrificed, about the team",
    ),
    Draft(
        "good",
        "email",
        "Hi Neil,\n\nThanks for the interview yesterday. I enjoyed the discussion of how the team cut cloud costs without giving up reliability - a great example of trade-offs.\n\nCheers,\nPia",
        "probe: cut costs, innocently",
    ),
    Draft(
        "good",
        "email",
        "Dear Hiring Team,\n\nThank you for the update. I understand the position has been filled internally. I wish the new team member every success.\n\nKind regards,\nMatthias",
        "probe: filled internally",
    ),
    Draft(
        "good",
        "email",
        "Hi Elena,\n\nThank you for the interview. I've attached the short write-up on the pricing experiment we discussed, in case it's useful. No need to reply.\n\nBest,\nSaid",
        "probe: no need to reply",
    ),
    Draft(
        "good",
        "email",
        "Hi Rachel,\n\nI hope the hiring process is going well. I wanted to follow up on my interview from two weeks ago, as I haven't heard back yet. I'm still very interested in the role.\n\nBest regards,\nMin-jun",
        "probe: polite 'haven't heard back yet'",
    ),
    Draft(
        "good",
        "email",
        "Dear Mr. Diallo,\n\nThank you for your email. I am sorry to hear the decision, but I am grateful for the chance to meet your team in Dakar. I hope we can work together in the future.\n\nBest regards,\nAminata",
        "probe: non-native, sorry to hear",
    ),
    Draft(
        "good",
        "linkedin-note",
        "Hi Sven, thanks for the interview for the Pricing Lead role. Your take on discount strategy was great. I'd be glad to connect.",
        "probe: discount strategy",
    ),
    Draft(
        "good",
        "email",
        "Hi Jordan,\n\nThank you for letting me know, and for the honest feedback that the other finalist had more people-management experience. That's fair, and it's what I'm working on next.\n\nBest,\nAnika",
        "probe: other finalist, graciously",
    ),
    Draft(
        "good",
        "email",
        "Dear Ms. Brennan,\n\nThank you for the offer. I'm delighted to accept it and look forward to starting on 3 March.\n\nKind regards,\nLiam",
        "probe: accepts an offer",
    ),
    Draft(
        "good",
        "email",
        "Hi Kasia,\n\nThank you for the interview on Monday. I hope you have a lovely weekend, and I look forward to hearing from you.\n\nBest wishes,\nRobin",
        "probe: lovely weekend",
    ),
    # gracious drafts whose facts (company, role, names, topics) hold loaded words:
    # checked with those facts, they must pass
    Draft(
        "good",
        "email",
        "Dear Ms. Ruiz,\n\nThank you for the interview at ASAP Logistics. I enjoyed hearing how the team plans same-day routes.\n\nKind regards,\nOmar",
        "facts: company ASAP Logistics",
        {"company": "ASAP Logistics", "names": ["Elena Ruiz"]},
    ),
    Draft(
        "good",
        "email",
        "Hi Tom,\n\nThanks for the conversation about the waste of time in the approval flow - I've been thinking about how to measure it.\n\nBest,\nAnya",
        "facts: topic 'the waste of time in the approval flow'",
        {
            "company": "Acme",
            "topics": ["the waste of time in the approval flow"],
            "names": ["Tom Reed"],
        },
    ),
    Draft(
        "good",
        "email",
        "Dear Mr. Abebe,\n\nThank you for the interview for the role at Unfair Advantage Capital. I enjoyed the case study.\n\nBest regards,\nLena",
        "facts: company Unfair Advantage Capital",
        {"company": "Unfair Advantage Capital"},
    ),
    Draft(
        "good",
        "email",
        "Hi Priya,\n\nThank you for the chat about the SMART METERING partnership and the GPU roadmap. I learned a lot.\n\nBest,\nJon",
        "facts: topic in capitals",
        {"company": "Lumen", "topics": ["the smart metering partnership"]},
    ),
    Draft(
        "good",
        "email",
        "Hi Jess,\n\nThank you for the interview for the Last Chance Loan Recovery Specialist role. The team's empathy with customers impressed me.\n\nBest,\nMarco",
        "facts: role with 'last chance'",
        {"role": "Last Chance Loan Recovery Specialist"},
    ),
    Draft(
        "good",
        "email",
        "Dear Dr. Hale,\n\nThank you for the discussion about ghosting in online dating apps - a fascinating research question.\n\nKind regards,\nIris",
        "facts: topic about ghosting",
        {"topics": ["ghosting in online dating apps"]},
    ),
    Draft(
        "good",
        "linkedin-note",
        "Hi Grant, thanks for the interview for the Desperately Seeking Talent podcast producer role. Loved the episode list!",
        "facts: role with 'desperately'",
        {"role": "Desperately Seeking Talent podcast producer", "names": ["Grant Ellis"]},
    ),
    # ------------- issue 15, rounds 2-4: written fresh, measured, then the rules widened
    Draft(
        "bad",
        "email",
        "Hi Mark,\n\nI was a bit gutted to hear that. Honestly I thought the interview went well and I'm struggling to see where I went wrong. Would you be able to look at it again?\n\nThanks,\nJo",
        "round 2: b2: gutted, look again",
    ),
    Draft(
        "bad",
        "email",
        "Dear Ms Rahman,\n\nI note with regret that my application has been unsuccessful. I would be obliged if you could furnish me with the scoring matrix used, together with the names of the panel members, within seven days.\n\nYours sincerely,\nG. Whitfield",
        "round 2: b2: furnish within seven days",
    ),
    Draft(
        "bad", "email", "yo thanks for the interview, was fun. hmu when u decide", "round 2: b2: yo"
    ),
    Draft(
        "bad",
        "email",
        "Hi Sarah,\n\nJust wanted to flag that I've sent 3 follow-ups now and haven't heard anything. Bit disappointing tbh.\n\nCheers,\nMax",
        "round 2: b2: 3 follow-ups",
    ),
    Draft(
        "bad",
        "email",
        "Hi Anne —\n\nBummer! I really thought I nailed it 😅😅. Oh well, your loss haha.\n\n— Kev",
        "round 2: b2: nailed it, your loss",
    ),
    Draft(
        "bad",
        "email",
        "Dear Hiring Manager,\n\nI am deeply hurt by this outcome. I have given my heart and soul to prepare for this interview and my parents are very disappointed in me. I request you to please reconsider.\n\nRegards,\nKiran",
        "round 2: b2: parents disappointed",
    ),
    Draft(
        "bad",
        "email",
        "Hello Jim,\n\nI accept the decision, but just so you know, I'd be willing to come on board at a junior level with a corresponding salary.\n\nBest,\nOla",
        "round 2: b2: junior level with salary",
    ),
    Draft(
        "bad",
        "email",
        "Hi Priyanka,\n\nCongrats to whoever got it — though I'd love to know what made them stand out over me?\n\nThanks,\nDev",
        "round 2: b2: stand out over me",
    ),
    Draft(
        "bad",
        "email",
        "Dear Mr. Lim,\n\nI have been waiting for 3 weeks now without any communication from your side. This is not acceptable. Please respond.\n\nRegards,\nTan",
        "round 2: b2: without any communication",
    ),
    Draft(
        "bad",
        "email",
        "Dear Sir,\n\nI am surprised and disappointed. I cleared all the rounds and was assured by the HR that I will be selected. Kindly clarify the matter at the earliest.\n\nRegards,\nManoj",
        "round 2: b2: clarify at the earliest",
    ),
    Draft(
        "bad",
        "email",
        "Hi Jenna,\n\nThanks for your note. I have to say I don't agree with the feedback — I answered every question correctly.\n\nBest,\nTom",
        "round 2: b2: disagree with feedback",
    ),
    Draft(
        "bad",
        "email",
        "Hello,\n\nPlease note that I have not received any response regarding my interview held on 12th March. Kindly update the status immediately.\n\nRegards,\nRavi",
        "round 2: b2: update immediately",
    ),
    Draft(
        "bad",
        "email",
        "Hi Chris,\n\nI thought we really clicked, so this is honestly a shock. Are you sure you made the right call?\n\nCheers,\nDan",
        "round 2: b2: right call",
    ),
    Draft(
        "bad",
        "email",
        "Dear Ms. Howard,\n\nI wanted to let you know that I've accepted an offer elsewhere, at a significantly higher salary. Thank you for your time.\n\nRegards,\nNeil",
        "round 2: b2: higher salary elsewhere",
    ),
    Draft(
        "bad",
        "email",
        "Hey! So that's a no then? 🙁 kinda sucks. anyway let me know if anything else opens up i guess",
        "round 2: b2: so that's a no",
    ),
    Draft(
        "bad",
        "email",
        "Dear Mr. Obi,\n\nI wish to state that I am very displeased with the conduct of your HR executive who did not return my calls.\n\nYours faithfully,\nEmeka",
        "round 2: b2: displeased, calls not returned",
    ),
    Draft(
        "bad",
        "email",
        "Hi Lauren,\n\nI'd just like to say that I think the take-home task was excessive for an unpaid exercise — 12 hours is a lot to ask of candidates.\n\nBest,\nPat",
        "round 2: b2: excessive take-home",
    ),
    Draft(
        "bad",
        "email",
        "Hi Tom,\n\nHope you're well! Just following up on my application – it's been a month and I still haven't had any feedback, which is a bit frustrating.\n\nThanks,\nAnna",
        "round 2: b2: frustrating",
    ),
    Draft(
        "bad",
        "email",
        "Dear Dr. Evans,\n\nHaving reflected further, I believe the panel failed to appreciate the significance of my publication record. I would welcome the opportunity to discuss this with the chair.\n\nKind regards,\nDr. P. Mohan",
        "round 2: b2: panel failed to appreciate",
    ),
    Draft(
        "bad",
        "email",
        "Hi Kim,\n\nok, no worries. I'll just apply somewhere that actually values experience.\n\nBye",
        "round 2: b2: somewhere that values",
    ),
    Draft(
        "bad",
        "email",
        "Hello Jane,\n\nI'm sorry but I must insist on knowing why I wasn't chosen. I think I have a right to know.\n\nRegards,\nBo",
        "round 2: b2: must insist, right to know",
    ),
    Draft(
        "bad",
        "email",
        "Hi Marta,\n\nThank you. Although, I must say, the feedback that I lacked leadership experience is puzzling, considering I led a team of 10 for three years.\n\nBest,\nIgor",
        "round 2: b2: feedback puzzling",
    ),
    Draft(
        "bad",
        "email",
        "Dear Sir/Madam,\n\nSub: Request for reconsideration. I humbly submit that my performance in the interview was not assessed properly. I request you to re-evaluate.\n\nThanking you,\nP. Raju",
        "round 2: b2: reconsideration",
    ),
    Draft(
        "bad",
        "linkedin-note",
        "Hi Leo, I'm sure you get this a lot, but I really am the perfect fit and I won't take no for an answer 😉 Let's talk again!",
        "round 2: b2: won't take no",
    ),
    Draft(
        "bad",
        "email",
        "Hi,\n\nI was told I'd hear back within a week and it's now been three. I'd appreciate it if someone could actually get back to me.\n\nThanks",
        "round 2: b2: now been three",
    ),
    Draft(
        "bad",
        "email",
        "Dear Mr. Patel,\n\nAs a loyal customer of your bank for 15 years, I expected better treatment. I will be reconsidering my accounts with you.\n\nRegards,\nS. Iyer",
        "round 2: b2: customer threat",
    ),
    Draft(
        "bad",
        "email",
        "Hello Ms. Kaur,\n\nCould you please share the marks I received in each round, along with the marks of the selected candidate, so I can understand the gap?\n\nThanks,\nHarpreet",
        "round 2: b2: marks of the selected candidate",
    ),
    Draft(
        "bad",
        "email",
        "Hi Dave,\n\nNo hard feelings, but I'll be honest: I think you'll find the person you hired won't last six months.\n\nAll the best,\nGary",
        "round 2: b2: won't last",
    ),
    Draft(
        "bad",
        "email",
        "Hi there,\n\nI hate to be that person, but I've been ghosted after three interviews and honestly it's pretty poor form.\n\nBest,\nLou",
        "round 2: b2: ghosted, poor form",
    ),
    Draft(
        "bad",
        "email",
        "Dear Hiring Manager,\n\nI respectfully request that you provide written reasons for your decision, as is my right under your company's equal opportunities policy.\n\nSincerely,\nM. Adeyemi",
        "round 2: b2: my right",
    ),
    Draft(
        "bad",
        "email",
        "Hi Fiona,\n\nI really need this. I've got a baby on the way and rent due next week. Is there anything at all you can do?\n\nThanks,\nSean",
        "round 2: b2: really need this",
    ),
    Draft(
        "bad",
        "email",
        "Hey Amir,\n\nbit gutted tbh but fair enough. Would've been nice to at least get a call rather than an email though.\n\nCheers,\nJon",
        "round 2: b2: would've been nice to at least",
    ),
    Draft(
        "bad",
        "email",
        "Dear Ms Wong,\n\nFurther to my previous correspondence dated 3rd, 10th and 17th of this month, to which I have received no reply, I write once again to request an update.\n\nYours sincerely,\nF. Lam",
        "round 2: b2: received no reply",
    ),
    Draft(
        "bad",
        "email",
        "Hi Becca,\n\nI saw on LinkedIn that you hired someone from my old company — small world! Funny, they were let go from there last year. Anyway, best of luck.\n\nJess",
        "round 2: b2: they were let go",
    ),
    Draft(
        "bad",
        "email",
        "Dear Team,\n\nI trust this email finds you well. It has come to my attention that the position has been re-advertised. I find this rather odd given that I was told it had been filled. Kindly explain.\n\nRegards,\nTunde",
        "round 2: b2: kindly explain",
    ),
    Draft(
        "bad",
        "linkedin-note",
        "hi!! thx for the interview!!! hope i get it lol 🙏",
        "round 2: b2: !!!",
    ),
    Draft(
        "bad",
        "email",
        "Dear Prof. Wu,\n\nPlease find attached my revised research statement, addressing the weaknesses your committee identified. I would be grateful if the committee could review my file again in light of it.\n\nBest regards,\nMina",
        "round 2: b2: review my file again",
    ),
    Draft(
        "good",
        "email",
        "Hi Sarah,\n\nThank you for letting me know. I'd be grateful if you could share any feedback when you have a moment — no pressure at all.\n\nBest,\nMax",
        "round 2: g2",
    ),
    Draft(
        "good",
        "email",
        "Dear Mr. Lim,\n\nI hope you're well. I'm writing to follow up on my interview three weeks ago for the Audit Associate role. I remain very interested and would welcome any update on the timeline.\n\nKind regards,\nTan",
        "round 2: g2",
    ),
    Draft(
        "good",
        "email",
        "Dear Sir,\n\nThank you for the opportunity to interview for the Assistant Manager post. Kindly let me know if any additional documents are required from my end.\n\nThanking you,\nManoj Kumar",
        "round 2: g2 Indian English",
    ),
    Draft(
        "good",
        "email",
        "Hi Jenna,\n\nThanks for the feedback. I disagreed with myself afterwards about how I handled the system design question, so your note was really useful.\n\nBest,\nTom",
        "round 2: g2",
    ),
    Draft(
        "good",
        "email",
        "Hi Kim,\n\nThank you for your time. I've accepted a position elsewhere, so please withdraw my application. I hope we cross paths again.\n\nBest,\nLee",
        "round 2: g2",
    ),
    Draft(
        "good",
        "email",
        "Dear Ms. Kaur,\n\nThank you for the decision. Would it be possible to share my scores from each round? I'd like to understand where to improve.\n\nThanks,\nHarpreet",
        "round 2: g2",
    ),
    Draft(
        "good",
        "email",
        "Hi Dave,\n\nCongratulations on filling the role — I hope the new hire settles in well. Please keep me in mind for the next opening.\n\nAll the best,\nGary",
        "round 2: g2",
    ),
    Draft(
        "good",
        "email",
        "Hi Lauren,\n\nThanks for the interview. The take-home task was a great way to show my thinking, and I enjoyed it.\n\nBest,\nPat",
        "round 2: g2",
    ),
    Draft(
        "good",
        "email",
        "Dear Dr. Evans,\n\nThank you for the decision and for the panel's time. I learned a lot from the questions about my publication record.\n\nKind regards,\nDr. P. Mohan",
        "round 2: g2",
    ),
    Draft(
        "good",
        "email",
        "Hi Fiona,\n\nThanks for letting me know. I'm disappointed, as I was excited about the role, but I completely understand. If anything comes up in the future, I'd love to hear from you.\n\nBest,\nSean",
        "round 2: g2",
    ),
    Draft(
        "good",
        "email",
        "Hey Amir,\n\nthanks for the call today - really appreciated you taking the time to explain the decision.\n\nCheers,\nJon",
        "round 2: g2",
    ),
    Draft(
        "good",
        "email",
        "Dear Ms. Wong,\n\nThank you for your reply. I understand the timeline has moved, and I'm happy to wait until the end of the month for an update.\n\nYours sincerely,\nF. Lam",
        "round 2: g2",
    ),
    Draft(
        "good",
        "email",
        "Dear Hiring Committee,\n\nThank you for your letter. I accept the decision with good grace and thank each member of the panel for a fair and rigorous interview.\n\nRespectfully,\nChidi",
        "round 2: g2",
    ),
    Draft(
        "good",
        "email",
        "Hi Tom,\n\nI wanted to check whether there's any news on the Product Analyst role. I know these things take time, so please don't feel rushed.\n\nThanks,\nAnna",
        "round 2: g2",
    ),
    Draft(
        "good",
        "email",
        "Hi Leo,\n\nIt was great to meet you on Tuesday. I'm confident I'd be a good fit for the team, and I'd love to keep talking.\n\nBest,\nSky",
        "round 2: g2",
    ),
    Draft(
        "good",
        "email",
        "Dear Ms Rahman,\n\nThank you for informing me of the outcome. If it would be possible to receive brief feedback on my application, I would find it very helpful.\n\nYours sincerely,\nG. Whitfield",
        "round 2: g2",
    ),
    Draft(
        "good",
        "email",
        "Hi Priyanka,\n\nCongratulations to the person who got the role. I enjoyed the process and learned a lot.\n\nThanks,\nDev",
        "round 2: g2",
    ),
    Draft(
        "good",
        "email",
        "Dear Mr. Okafor,\n\nThank you for the offer. After careful consideration, I must respectfully decline, as the relocation isn't possible for my family at this time.\n\nKind regards,\nAda",
        "round 2: g2 decline",
    ),
    Draft(
        "good",
        "email",
        "Hi Nina,\n\nThank you for the interview! You mentioned you'd let me know by Friday — I look forward to hearing from you then.\n\nBest,\nOmar",
        "round 2: g2 their timeline",
    ),
    Draft(
        "good",
        "email",
        "Dear Sir,\n\nGreetings of the day. I am writing to thank you for the interview held on 5th March for the post of Junior Engineer. I look forward to hearing from you at your convenience.\n\nRegards,\nRavi",
        "round 2: g2 Indian English",
    ),
    Draft(
        "good",
        "email",
        "Hi Sara,\n\nI hope the launch went well! I just wanted to follow up once more on the Marketing Lead role. I'm still very keen.\n\nBest,\nFinn",
        "round 2: g2",
    ),
    Draft(
        "bad",
        "email",
        "Hi Lisa,\n\nThanks for the offer. To be honest it's a bit insulting given my experience, so I'll need at least 15% more before I consider it.\n\nRegards,\nDom",
        "round 3: b3: offer insulting",
    ),
    Draft(
        "bad",
        "email",
        "Dear Mr. Grant,\n\nI appreciate your time, however I strongly feel that the assessment did not reflect my true abilities, and I would request another opportunity to interview.\n\nSincerely,\nHana",
        "round 3: b3: assessment did not reflect",
    ),
    Draft(
        "bad",
        "linkedin-note",
        "Hey Max! Saw you rejected me lol. No stress, I'll be applying again next week and the week after that until you say yes 😂",
        "round 3: b3: persistent lol",
    ),
    Draft(
        "bad",
        "email",
        "Hello Ms. Diaz,\n\nIt's now been 10 business days since your stated deadline. Could someone please provide an update at the earliest convenience?\n\nRegards,\nPeter",
        "round 3: b3: past stated deadline",
    ),
    Draft(
        "bad",
        "email",
        "Hi Joe,\n\nI'm a little confused. You told me at the end of the interview that I was a strong fit and should expect good news. What changed?\n\nBest,\nAlex",
        "round 3: b3: what changed",
    ),
    Draft(
        "bad",
        "email",
        "Dear Recruitment Team,\n\nI am extremely disappointed with the manner in which I was treated during the final round. The interviewer was clearly uninterested and spent most of the time on his laptop.\n\nRegards,\nS. Gupta",
        "round 3: b3: treated, laptop",
    ),
    Draft(
        "bad",
        "email",
        "Hi Gemma,\n\nWell, that's a shame. I did my homework, prepped for days, and even bought a new suit for it. Oh well.\n\nBye,\nTom",
        "round 3: b3: bought a suit",
    ),
    Draft(
        "bad",
        "email",
        "Hi Paul,\n\nI will be in your area on Thursday and would like to drop by the office to discuss the decision in person. Please let me know what time works.\n\nBest,\nRita",
        "round 3: b3: drop by in person",
    ),
    Draft(
        "bad",
        "email",
        "Dear Ms. Allen,\n\nPlease be advised that I have not yet received the feedback I was promised. I trust this will be rectified promptly.\n\nRegards,\nM. Stone",
        "round 3: b3: rectified promptly",
    ),
    Draft(
        "bad",
        "email",
        "Hi Sunita,\n\nHonestly, I'm heartbroken. I've dreamed of working at your company since university and I don't know where to go from here.\n\nLove,\nAnita",
        "round 3: b3: heartbroken",
    ),
    Draft(
        "bad",
        "email",
        "Hi Greg,\n\nThanks for the quick rejection, I guess. Would it have killed you to give me some actual feedback?\n\nCheers,\nBen",
        "round 3: b3: would it have killed you",
    ),
    Draft(
        "bad",
        "linkedin-message",
        "Hi Jo,\n\nI know this is unusual, but could you share who else was on the shortlist? I'd like to connect with them.\n\nThanks,\nEd",
        "round 3: b3: who else shortlist",
    ),
    Draft(
        "bad",
        "email",
        "Dear Hiring Manager,\n\nI am writing to inform you that I will accept a salary of 20% lower than discussed if it means I can join the team. Please let me know.\n\nRegards,\nWei",
        "round 3: b3: 20% lower",
    ),
    Draft(
        "bad",
        "email",
        "Hi Natasha,\n\nI noticed the role is still listed on your website. Does this mean you haven't found anyone better than me after all? Happy to step in.\n\nBest,\nIvo",
        "round 3: b3: still listed, anyone better than me",
    ),
    Draft(
        "bad",
        "email",
        "Hi Kate,\n\nJust a friendly reminder that I'm still waiting to hear back!! Would be great to get an answer this week.\n\nThanks!\nJess",
        "round 3: b3: friendly reminder waiting",
    ),
    Draft(
        "bad",
        "email",
        "Hello,\n\nI need to know whether I got the job. I have bills to pay and a family to feed.\n\nThanks,\nRon",
        "round 3: b3: bills family to feed",
    ),
    Draft(
        "bad",
        "email",
        "Dear Dr. Adams,\n\nThe question on regression diagnostics was unfair given the job description never mentioned it. I hope future candidates are assessed more sensibly.\n\nRegards,\nChen",
        "round 3: b3: unfair question",
    ),
    Draft(
        "bad",
        "email",
        "hi tom\n\nthanks for letting me know i guess\n\nsam",
        "round 3: b3: lowercase with name",
    ),
    Draft(
        "bad",
        "email",
        "Dear Mr. Singh,\n\nIt is a matter of great regret that a candidate of my calibre has been overlooked. I hope the company realises its error in due course.\n\nYours faithfully,\nR. Menon",
        "round 3: b3: calibre overlooked, realises error",
    ),
    Draft(
        "bad",
        "linkedin-note",
        "Hi Amy, rejected again?? 3rd time applying to your company. What do I need to do, seriously?",
        "round 3: b3: what do I need to do",
    ),
    Draft(
        "bad",
        "email",
        "Hi Owen,\n\nI spoke to a friend who works in your finance team and she said the hiring manager had already picked someone before my interview. Is that true?\n\nBest,\nLiz",
        "round 3: b3: already picked someone",
    ),
    Draft(
        "bad",
        "email",
        "Hi Sam,\n\nI know I said I was fine with the decision but I've been thinking and I really think you should give me a trial week to show you what I can do.\n\nThanks,\nAri",
        "round 3: b3: trial week",
    ),
    Draft(
        "bad",
        "email",
        "Dear Ms. Park,\n\nI'm reaching out once more as my previous messages seem to have gone unnoticed. I'd really appreciate a response this time.\n\nRegards,\nDan",
        "round 3: b3: unnoticed, this time",
    ),
    Draft(
        "good",
        "email",
        "Hi Lisa,\n\nThank you so much for the offer! I'm excited about the role. Could we find a time to discuss the compensation package? I'd like to understand the bonus structure.\n\nBest regards,\nDom",
        "round 3: g3: offer discussion",
    ),
    Draft(
        "good",
        "email",
        "Dear Mr. Grant,\n\nThank you for your time and for the clear explanation of the decision. The assessment was challenging, and it showed me where to grow.\n\nSincerely,\nHana",
        "round 3: g3",
    ),
    Draft(
        "good",
        "email",
        "Hello Ms. Diaz,\n\nI hope all is well. I wanted to follow up on the Data Analyst role, as the date you mentioned for a decision has passed. I'm still very interested and would welcome any update.\n\nKind regards,\nPeter",
        "round 3: g3: date passed, politely",
    ),
    Draft(
        "good",
        "email",
        "Hi Joe,\n\nThanks for the call. I was surprised, as I'd felt the interview went well, but I appreciate your honesty and the feedback about my system design.\n\nBest,\nAlex",
        "round 3: g3: surprised, politely",
    ),
    Draft(
        "good",
        "email",
        "Hi Gemma,\n\nThat's a shame, but thank you for letting me know. I enjoyed preparing for the case study and learned a lot from it.\n\nBest,\nTom",
        "round 3: g3: that's a shame",
    ),
    Draft(
        "good",
        "email",
        "Hi Sunita,\n\nI'm sad it didn't work out — I've admired your company since university. I hope we cross paths again.\n\nWarm regards,\nAnita",
        "round 3: g3: sad, admired",
    ),
    Draft(
        "good",
        "email",
        "Dear Dr. Adams,\n\nThank you for the interview. The question on regression diagnostics caught me off guard, and I've since brushed up on it. I appreciated the rigour of the panel.\n\nRegards,\nChen",
        "round 3: g3: question caught me off guard",
    ),
    Draft(
        "good",
        "email",
        "Hi Natasha,\n\nI noticed the Analyst role has been re-posted. If it's still open, I'd love to be considered again — I've been working on the areas you mentioned.\n\nBest,\nIvo",
        "round 3: g3: re-posted, politely",
    ),
    Draft(
        "good",
        "email",
        "Hi Kate,\n\nI hope your week is going well. I'm still very interested in the role and would be grateful for any news when you have it.\n\nThanks,\nJess",
        "round 3: g3",
    ),
    Draft(
        "good",
        "email",
        "Hi Owen,\n\nThank you for the update. I understand the team went with an internal candidate, and that makes sense. I'd love to stay in touch.\n\nBest,\nLiz",
        "round 3: g3: internal candidate",
    ),
    Draft(
        "good",
        "email",
        "Dear Ms. Park,\n\nI'm reaching out once more in case my earlier note was missed. I'm still very interested in the position and happy to share anything else you need.\n\nRegards,\nDan",
        "round 3: g3: reaching out once more",
    ),
    Draft(
        "good",
        "email",
        "Hi Ben,\n\nThank you for the feedback on my take-home. You're right that the tests were thin; I've rewritten them since and it was a useful lesson.\n\nCheers,\nGreg",
        "round 3: g3: feedback, right",
    ),
    Draft(
        "good",
        "email",
        "Dear Hiring Manager,\n\nThank you for the interview on Monday. I was impressed by the team's process for code review, and the conversation confirmed my interest.\n\nRegards,\nWei",
        "round 3: g3: process, impressed",
    ),
    Draft(
        "good",
        "linkedin-note",
        "Hi Amy, thanks for considering me again for the Ops role. I'll keep building my experience and hope to apply again in the future.",
        "round 3: g3: again",
    ),
    Draft(
        "good",
        "email",
        "Hi Paul,\n\nThank you for your time. If you're ever in Leeds, I'd be glad to buy you a coffee and hear more about the platform work.\n\nBest,\nRita",
        "round 3: g3",
    ),
    Draft(
        "good",
        "email",
        "Hi Max,\n\nI know the hiring process can be long and frustrating for everyone involved, so thank you for keeping me informed.\n\nBest,\nJo",
        "round 3: g3: process frustrating for everyone",
    ),
    Draft(
        "good",
        "email",
        "Dear Ms. Allen,\n\nThank you for the decision. The feedback on my portfolio was fair and useful, and I have started reworking the case studies.\n\nRegards,\nM. Stone",
        "round 3: g3",
    ),
    Draft(
        "bad",
        "email",
        "Hi Carla,\n\nWhat the hell happened? I thought the interview went great.\n\nJosh",
        "round 4: b4: what the hell",
    ),
    Draft(
        "bad",
        "email",
        "Hi Megan,\n\nThanks for the update. Damn, that's disappointing. I really thought I had this one in the bag.\n\nCheers,\nTy",
        "round 4: b4: damn",
    ),
    Draft(
        "bad",
        "linkedin-note",
        "Hi Sophie, you were lovely in the interview! Would you like to grab a drink sometime, no strings attached? 😉",
        "round 4: b4: asking out",
    ),
    Draft(
        "bad",
        "email",
        "Dear Mr. Kline,\n\nI had frankly expected more from a company like yours. Karma has a way of catching up.\n\nRegards,\nD. Voss",
        "round 4: b4: karma, company like yours",
    ),
    Draft(
        "bad",
        "email",
        "Hi Rae,\n\nI'm disappointed but not surprised. This seems to be how things go these days.\n\nBest,\nNico",
        "round 4: b4: disappointed but not surprised",
    ),
    Draft(
        "bad",
        "email",
        "Hi Jan,\n\nI've reattached my CV in case you lost it the first time.\n\nThanks,\nMo",
        "round 4: b4: in case you lost it",
    ),
    Draft(
        "bad",
        "email",
        "Dear Hiring Panel,\n\nGiven that I travelled four hours for the interview, I expect to be reimbursed for my time and expenses.\n\nRegards,\nL. Burke",
        "round 4: b4: reimbursed for my time",
    ),
    Draft(
        "bad",
        "email",
        "Hi Will,\n\nI'm such a failure. I can't believe I blew it again. Is there any other role I could apply for? I'd take anything.\n\nSorry,\nPia",
        "round 4: b4: failure, take anything",
    ),
    Draft(
        "bad",
        "email",
        "Hi Helen,\n\nFor the record, I was never that interested in the role anyway. The salary was low and the office was depressing.\n\nRegards,\nKit",
        "round 4: b4: sour grapes",
    ),
    Draft(
        "bad",
        "email",
        "Dear Madam,\n\nI am shocked to receive your rejection mail. I had given my best and I deserve to know the exact reasons. Please send them by return of mail.\n\nRegards,\nSantosh",
        "round 4: b4: by return of mail",
    ),
    Draft(
        "bad",
        "email",
        "Hi Liam,\n\nI know you said no, but I'm not giving up! I'll be at the office on Monday morning with my portfolio. See you then!\n\nCheers,\nBex",
        "round 4: b4: turning up",
    ),
    Draft(
        "bad",
        "email",
        "Hey Craig,\n\nBummer man. Your hiring manager seemed like a bit of a jerk anyway, no offense to you.\n\nLater,\nRick",
        "round 4: b4: jerk",
    ),
    Draft(
        "bad",
        "email",
        "Dear Ms. Fischer,\n\nI must admit I am rather confused how someone with my track record was not even shortlisted for the final round.\n\nKind regards,\nHenrik",
        "round 4: b4: confused how someone with my track record",
    ),
    Draft(
        "bad",
        "email",
        "Hi Erin,\n\nAny news? It's been forever. Hellooo?\n\nZach",
        "round 4: b4: hellooo",
    ),
    Draft(
        "bad",
        "email",
        "Hi Martin,\n\nThanks for letting me know. I hope you understand that I put my life on hold for this process.\n\nBest,\nAngela",
        "round 4: b4: life on hold",
    ),
    Draft(
        "bad",
        "email",
        "Dear Dr. Cho,\n\nRespectfully, I think the panel got this one wrong. My research is a much better fit for the department than the committee seems to believe.\n\nBest regards,\nDr. Farah",
        "round 4: b4: panel got it wrong",
    ),
    Draft(
        "bad",
        "linkedin-note",
        "Hi Dan, since I wasn't good enough for the job, maybe you could at least introduce me to someone who actually makes decisions?",
        "round 4: b4: someone who makes decisions",
    ),
    Draft(
        "bad",
        "email",
        "Hi Tara,\n\nPlease tell the team I said thanks for nothing. Kidding! Sort of.\n\nBen",
        "round 4: b4: thanks for nothing kidding",
    ),
    Draft(
        "bad",
        "email",
        "Dear Sir,\n\nYour HR person was extremely rude to me on the phone. I want her to apologise.\n\nRegards,\nImran",
        "round 4: b4: want an apology",
    ),
    Draft(
        "bad",
        "email",
        "Hello Ms. Roy,\n\nIn light of the rejection, I would like to request a 30-minute call with the hiring manager so I can understand why I was not selected and address any concerns.\n\nThanks,\nArun",
        "round 4: b4: call with the hiring manager to address concerns",
    ),
    Draft(
        "bad",
        "email",
        "Hi Nora,\n\nNo worries at all! I'm sure you'll realise soon enough that you picked the wrong person. Take care!\n\nSteve",
        "round 4: b4: picked the wrong person",
    ),
    Draft(
        "bad",
        "email",
        "Hi Jules,\n\nI don't usually do this, but I've cc'd my mentor, who is a senior director at your parent company, to see if anything can be done.\n\nBest,\nRoss",
        "round 4: b4: cc mentor",
    ),
    Draft(
        "good",
        "email",
        "Hi Carla,\n\nThank you for letting me know. I was hoping for a different outcome, but I really enjoyed meeting you and the team.\n\nBest,\nJosh",
        "round 4: g4",
    ),
    Draft(
        "good",
        "linkedin-note",
        "Hi Sophie, it was lovely meeting you in the interview. I'd be glad to stay connected and follow the team's work.",
        "round 4: g4: lovely",
    ),
    Draft(
        "good",
        "email",
        "Dear Mr. Kline,\n\nThank you for your time. Although I'm disappointed, I understand, and I wish the company every success with the new product line.\n\nRegards,\nD. Voss",
        "round 4: g4",
    ),
    Draft(
        "good",
        "email",
        "Hi Jan,\n\nThanks again for the interview. I've attached the updated portfolio we talked about, in case it's useful for future roles.\n\nThanks,\nMo",
        "round 4: g4: attached",
    ),
    Draft(
        "good",
        "email",
        "Dear Hiring Panel,\n\nThank you for covering my travel for the interview; it made the day much easier. I enjoyed meeting everyone.\n\nRegards,\nL. Burke",
        "round 4: g4: travel covered",
    ),
    Draft(
        "good",
        "email",
        "Hi Will,\n\nThanks for the honest feedback. I know I stumbled on the SQL questions, and I'm working on it. I'd love to apply again next year.\n\nBest,\nPia",
        "round 4: g4: stumbled",
    ),
    Draft(
        "good",
        "email",
        "Dear Madam,\n\nThank you for informing me of the decision. I would be grateful to know any areas in which I could improve, whenever convenient.\n\nRegards,\nSantosh",
        "round 4: g4 Indian English",
    ),
    Draft(
        "good",
        "email",
        "Hi Liam,\n\nThank you for the decision and for the kind words about my portfolio. I'll keep working on it and hope to apply again.\n\nCheers,\nBex",
        "round 4: g4",
    ),
    Draft(
        "good",
        "email",
        "Dear Ms. Fischer,\n\nThank you for letting me know I was not shortlisted for the final round. I'd appreciate any pointers on how to strengthen my application in future.\n\nKind regards,\nHenrik",
        "round 4: g4: not shortlisted",
    ),
    Draft(
        "good",
        "email",
        "Hi Martin,\n\nThanks for letting me know. It was a long process, and I appreciated how clearly you communicated at each step.\n\nBest,\nAngela",
        "round 4: g4: long process",
    ),
    Draft(
        "good",
        "email",
        "Dear Dr. Cho,\n\nThank you for the panel's careful consideration. I was glad to present my research, and I hope to collaborate with the department in the future.\n\nBest regards,\nDr. Farah",
        "round 4: g4",
    ),
    Draft(
        "good",
        "email",
        "Hello Ms. Roy,\n\nThank you for the update. If the hiring manager has a moment, I'd be grateful for any brief feedback on my interview, by email or however is easiest.\n\nThanks,\nArun",
        "round 4: g4: feedback via hiring manager",
    ),
    Draft(
        "good",
        "email",
        "Hi Jules,\n\nThank you for the interview. My mentor, who introduced us, sends her regards, and I'd like to thank you both for the opportunity.\n\nBest,\nRoss",
        "round 4: g4: mentor",
    ),
    Draft(
        "good",
        "email",
        "Hi Tara,\n\nPlease thank the team for me — I learned a lot from the pairing exercise and enjoyed it.\n\nBest,\nBen",
        "round 4: g4: thank the team",
    ),
    Draft(
        "good",
        "email",
        "Hi Helen,\n\nThank you for the decision. I was very interested in the role, and I'd be glad to be considered if anything similar opens up.\n\nRegards,\nKit",
        "round 4: g4",
    ),
    Draft(
        "good",
        "email",
        "Dear Sir,\n\nThank you for the interview call. Your HR colleague was very helpful in arranging the schedule, and I appreciated it.\n\nRegards,\nImran",
        "round 4: g4: HR helpful",
    ),
    Draft(
        "good",
        "email",
        "Hi Zach,\n\nHello again! I hope you had a good holiday. I wanted to check in on the Designer role when you have a moment.\n\nBest,\nErin",
        "round 4: g4: hello again",
    ),
    # ------------- issue 15, round 5: written fresh, measured (13 of 20 caught), then widened
    Draft(
        "bad",
        "email",
        "Hi Rhona,\n\nThat's fine. I'm sure the lucky winner will do a great job. Not.\n\nAndy",
        "round 5: b5: not.",
    ),
    Draft(
        "bad",
        "email",
        "Dear Mr. Hughes,\n\nI would be willing to accept the position on a contract basis, at a day rate well below market, if that helps you reconsider.\n\nRegards,\nK. Sato",
        "round 5: b5: day rate below market",
    ),
    Draft(
        "bad",
        "email",
        "Hi Joanne,\n\nI left my previous role to focus on this application and I've now been out of work for two months. I'm not sure how much longer I can keep going like this.\n\nRegards,\nMel",
        "round 5: b5: left role, out of work",
    ),
    Draft(
        "bad",
        "email",
        "Hi Arjun,\n\nGentle nudge #3 :) Would love to hear back at some point this decade.\n\nCheers,\nPriya",
        "round 5: b5: nudge #3, this decade",
    ),
    Draft(
        "bad",
        "email",
        "Dear Madam,\n\nI request you to kindly intimate the status of my application by tomorrow EOD positively.\n\nThanking you,\nRaghav",
        "round 5: b5: intimate by EOD",
    ),
    Draft(
        "bad",
        "linkedin-note",
        "Hi Moe, you know the CTO right? Any chance you can nudge him about my application? Would mean the world.",
        "round 5: b5: nudge the CTO",
    ),
    Draft(
        "bad",
        "email",
        "Hi Fran,\n\nI've got to be honest, the guy who got the job has half my experience and he's a mate of the manager. Just saying.\n\nBest,\nPhil",
        "round 5: b5: mate of the manager",
    ),
    Draft(
        "bad",
        "email",
        "Hello,\n\n🙏🙏🙏 please please consider me again 🙏🙏🙏\n\nSiddharth",
        "round 5: b5: prayer hands",
    ),
    Draft(
        "bad",
        "email",
        "Hi Laura,\n\nmy wife has been crying all week since we got the news. we had planned our move around this job. I hope you can find it in your heart to reconsider\n\nregards\nmatt",
        "round 5: b5: wife crying, find it in your heart",
    ),
    Draft(
        "bad",
        "email",
        "Dear Sir,\n\nThis is the fifth reminder regarding my feedback request. Kindly treat this as a matter of priority.\n\nRegards,\nOkonkwo",
        "round 5: b5: fifth reminder",
    ),
    Draft(
        "bad",
        "email",
        "Hi Dana,\n\nI'm flexible on salary, title, start date, location - literally anything. Just give me a shot.\n\nThanks!\nKyle",
        "round 5: b5: literally anything",
    ),
    Draft(
        "bad",
        "email",
        "hello thanks for your time but honestly i think you made the wrong choice. good luck",
        "round 5: b5: lowercase wrong choice",
    ),
    Draft(
        "bad",
        "email",
        "Hi Gus,\n\nI'm sure you're very busy with more important candidates, so I won't take up any more of your precious time.\n\nBest,\nLeila",
        "round 5: b5: precious time",
    ),
    Draft(
        "bad",
        "email",
        "Dear Ms. Quinn,\n\nPlease provide, in writing, the specific criteria on which I was assessed and the scores given by each interviewer. I look forward to receiving this within five working days.\n\nYours sincerely,\nD. Barrett",
        "round 5: b5: within five working days",
    ),
    Draft(
        "bad",
        "email",
        "Hi Ken,\n\nI know the decision's made, but I really feel I deserve another shot. Could we set up one more call? I promise it'll be worth your while.\n\nBest,\nZoe",
        "round 5: b5: deserve another shot",
    ),
    Draft(
        "bad",
        "email",
        "Hi Bea,\n\nYou guys seriously need to sort out your recruitment process. Nobody told me anything for weeks.\n\nJames",
        "round 5: b5: sort out your process",
    ),
    Draft(
        "bad",
        "email",
        "Hi Ryan,\n\nFunny how the job was reposted the day after you rejected me. Anyway.\n\nBest,\nSara",
        "round 5: b5: funny how",
    ),
    Draft(
        "bad",
        "email",
        "Dear Hiring Manager,\n\nI gave up a job offer from your competitor to wait for your decision. Now I have neither. I hope you're happy.\n\nRegards,\nT. Oyelowo",
        "round 5: b5: gave up an offer, hope you're happy",
    ),
    Draft(
        "bad",
        "email",
        "Hi Kat,\n\nHappy to come in at whatever salary works for you, I just really want to be part of the team!! Please reconsider 🙏\n\nLove,\nEvie",
        "round 5: b5: whatever salary",
    ),
    Draft(
        "bad",
        "email",
        "Hi Sam,\n\nIs the other finalist really that much better than me? I'd honestly like to know what tipped it.\n\nThanks,\nRob",
        "round 5: b5: other finalist better than me",
    ),
    Draft(
        "good",
        "email",
        "Hi Rhona,\n\nThank you for letting me know. I hope the new hire enjoys working with you as much as I enjoyed meeting you.\n\nBest,\nAndy",
        "round 5: g5",
    ),
    Draft(
        "good",
        "email",
        "Dear Mr. Hughes,\n\nThank you for the update. If a contract role opens up in the team, I'd be glad to hear about it.\n\nRegards,\nK. Sato",
        "round 5: g5 contract",
    ),
    Draft(
        "good",
        "email",
        "Hi Arjun,\n\nI hope you're well. Just a gentle follow-up on the Data Lead role — I'm still very keen and happy to answer any questions.\n\nCheers,\nPriya",
        "round 5: g5 gentle follow-up",
    ),
    Draft(
        "good",
        "email",
        "Dear Madam,\n\nThank you for the interview on Monday. Kindly let me know if you require any further information from my side.\n\nThanking you,\nRaghav",
        "round 5: g5 Indian English",
    ),
    Draft(
        "good",
        "linkedin-note",
        "Hi Moe, thanks for introducing me to the team last month. I enjoyed the interview and would love to stay in touch.",
        "round 5: g5",
    ),
    Draft(
        "good",
        "email",
        "Hi Fran,\n\nThank you for the call. I understand the role went to someone with more management experience, which makes sense.\n\nBest,\nPhil",
        "round 5: g5",
    ),
    Draft(
        "good",
        "email",
        "Hi Laura,\n\nThank you for letting me know. We'd been excited about the move, so it's a disappointment, but I understand. I hope our paths cross again.\n\nRegards,\nMatt",
        "round 5: g5 disappointment",
    ),
    Draft(
        "good",
        "email",
        "Hi Dana,\n\nI'm flexible on the start date if anything comes up later in the year. Thank you again for your time.\n\nThanks,\nKyle",
        "round 5: g5 flexible start date",
    ),
    Draft(
        "good",
        "email",
        "Hi Gus,\n\nI know you're very busy, so thank you for taking the time to write back. I appreciate it.\n\nBest,\nLeila",
        "round 5: g5 busy",
    ),
    Draft(
        "good",
        "email",
        "Dear Ms. Quinn,\n\nThank you for your letter. If it's possible to share the criteria used in the assessment, I'd find it helpful for future applications.\n\nYours sincerely,\nD. Barrett",
        "round 5: g5 criteria politely",
    ),
    Draft(
        "good",
        "email",
        "Hi Ken,\n\nThank you for the decision. I'd welcome another shot at a role like this in the future, and I'll keep working on my presentation skills.\n\nBest,\nZoe",
        "round 5: g5 another shot future",
    ),
    Draft(
        "good",
        "email",
        "Hi Bea,\n\nThank you for the interview. I enjoyed learning about how the recruitment team is redesigning its process for graduates.\n\nBest,\nJames",
        "round 5: g5 recruitment process",
    ),
    Draft(
        "good",
        "email",
        "Hi Ryan,\n\nI noticed the role was reposted — if it's still open, I'd be glad to be considered again.\n\nBest,\nSara",
        "round 5: g5 reposted",
    ),
    Draft(
        "good",
        "email",
        "Dear Hiring Manager,\n\nThank you for your decision. I'm grateful for the chance to interview and wish the team every success.\n\nRegards,\nT. Oyelowo",
        "round 5: g5",
    ),
    Draft(
        "good",
        "email",
        "Hi Sam,\n\nThanks for the update. I hear the other finalist was excellent — congratulations to them, and thank you for the experience.\n\nThanks,\nRob",
        "round 5: g5 other finalist excellent",
    ),
    # ------------- issue 15, round 6: written fresh, measured (11 of 20 caught), then widened
    Draft(
        "bad",
        "email",
        "Hi Nadia,\n\nBefore you close the file: I'm prepared to drop my notice period and start on a lower grade if it makes things easier for you.\n\nBest,\nOwen",
        "round 6: b6: lower grade",
    ),
    Draft(
        "bad",
        "email",
        "Dear Ms. Ferreira,\n\nI couldn't help noticing that the candidate waiting after me was wearing trainers and had his CV on his phone. I hope standards haven't slipped.\n\nRegards,\nGraham",
        "round 6: b6: trainers",
    ),
    Draft(
        "bad",
        "linkedin-note",
        "Thanks for the interview!!! 🎉🎉🎉 so pumped 💪💪",
        "round 6: b6: emoji celebrate",
    ),
    Draft(
        "bad",
        "email",
        "Hi Tess,\n\nI moved across the country and signed a year-long lease because I was sure I'd get this. Not sure what to do now.\n\nThanks,\nBrandon",
        "round 6: b6: lease",
    ),
    Draft(
        "bad",
        "email",
        "Dear Hiring Team,\n\nI await your response within 48 hours, failing which I shall assume you have nothing to say.\n\nRegards,\nP. Nair",
        "round 6: b6: await within 48 hours",
    ),
    Draft(
        "bad",
        "email",
        "Hi Frank,\n\nThis is now my third attempt to reach someone about my application. Do let me know if I should stop bothering.\n\nRegards,\nIda",
        "round 6: b6: third attempt",
    ),
    Draft(
        "bad",
        "email",
        "Hi Lucia,\n\nIs there someone senior you could forward my CV to? I really think if the director saw it personally, things would be different.\n\nBest,\nTomasz",
        "round 6: b6: forward to the director",
    ),
    Draft(
        "bad",
        "email",
        "hi, got your email. bit gutted ngl. any chance u can tell me what went wrong",
        "round 6: b6: lowercase ngl",
    ),
    Draft(
        "bad",
        "email",
        "Hi Marta,\n\nI've been thinking about this all weekend and I can't sleep. Please, just tell me what I did wrong. I'll fix it, I promise.\n\nTom",
        "round 6: b6: can't sleep",
    ),
    Draft(
        "bad",
        "email",
        "Dear Mr. Park,\n\nNo response to my last three emails. Is this how you treat all your candidates?\n\nRegards,\nLena",
        "round 6: b6: how you treat",
    ),
    Draft(
        "bad",
        "email",
        "Hi Sergio,\n\nI'll accept 10k under the advertised range and can start tomorrow. Let me know!\n\nCheers,\nDami",
        "round 6: b6: 10k under range",
    ),
    Draft(
        "bad",
        "email",
        "Hi Jade,\n\nCould you let me know who the other shortlisted candidates were and what their backgrounds were? I'm trying to benchmark myself.\n\nThanks,\nOla",
        "round 6: b6: other shortlisted backgrounds",
    ),
    Draft(
        "bad",
        "email",
        "Dear Mr. Ahmed,\n\nI have done everything asked of me through six rounds of interviews. My children have barely seen me for a month. I feel I am owed at least a phone call.\n\nRegards,\nRuth",
        "round 6: b6: owed a phone call",
    ),
    Draft(
        "bad",
        "email",
        "Hi Ben,\n\nRespond by Friday please or I'll take that as a no and share my experience on Glassdoor.\n\nRegards,\nAl",
        "round 6: b6: respond by friday glassdoor",
    ),
    Draft(
        "bad",
        "email",
        "Hi Carmen,\n\nI really hope there's a way to change this. Could you ask the team to give me a second chance? I'll do a free project to prove it.\n\nBest,\nLuca",
        "round 6: b6: free project",
    ),
    Draft(
        "bad",
        "email",
        "Hi Ivy,\n\nJust checking you got my previous six messages? Starting to feel like I'm talking to a wall.\n\nThanks,\nRick",
        "round 6: b6: talking to a wall",
    ),
    Draft(
        "bad",
        "email",
        "Dear Sir,\n\nI have been waiting since two months for your kind reply. Please do reply at least now.\n\nRegards,\nAbdul",
        "round 6: b6: at least now",
    ),
    Draft(
        "bad",
        "email",
        "Hi Kim,\n\nWith respect, your hiring manager seemed more interested in her coffee than in my answers.\n\nBest,\nJay",
        "round 6: b6: more interested in her coffee",
    ),
    Draft(
        "bad",
        "email",
        "Dear Panel,\n\nI sincerely believe that a re-interview would allow me to demonstrate my true potential, and I request that one be scheduled at your earliest.\n\nRegards,\nV. Kumar",
        "round 6: b6: re-interview",
    ),
    Draft(
        "bad",
        "linkedin-note",
        "Hey, I'll literally do the job for free for a month, just let me in 😅",
        "round 6: b6: free for a month",
    ),
    Draft(
        "good",
        "email",
        "Hi Nadia,\n\nThank you for the decision. I'd be glad to be considered for future roles, including at a more junior level if that's a better fit.\n\nBest,\nOwen",
        "round 6: g6: junior level future",
    ),
    Draft(
        "good",
        "email",
        "Dear Ms. Ferreira,\n\nThank you for the interview. It was nice to chat with the other candidates in the waiting area too — a friendly group.\n\nRegards,\nGraham",
        "round 6: g6: other candidates friendly",
    ),
    Draft(
        "good",
        "linkedin-note",
        "Thanks for the interview today, Jo! 🎉 It was great to meet the team.",
        "round 6: g6: one emoji",
    ),
    Draft(
        "good",
        "email",
        "Hi Tess,\n\nThank you for letting me know. I recently moved to the area and would love to stay in touch about future roles.\n\nThanks,\nBrandon",
        "round 6: g6: moved",
    ),
    Draft(
        "good",
        "email",
        "Dear Hiring Team,\n\nThank you for your time. I look forward to your response whenever it is convenient.\n\nRegards,\nP. Nair",
        "round 6: g6",
    ),
    Draft(
        "good",
        "email",
        "Hi Frank,\n\nI'm following up on my application for the Analyst role. I understand things are busy; I'm still very interested.\n\nRegards,\nIda",
        "round 6: g6",
    ),
    Draft(
        "good",
        "email",
        "Hi Lucia,\n\nThank you for passing my CV on to the director last month — that was very kind. I enjoyed the interview.\n\nBest,\nTomasz",
        "round 6: g6: passing CV on",
    ),
    Draft(
        "good",
        "email",
        "Hi Marta,\n\nI've been thinking about your feedback all weekend — it was really useful, thank you.\n\nTom",
        "round 6: g6: thinking all weekend",
    ),
    Draft(
        "good",
        "email",
        "Hi Sergio,\n\nThank you for the offer. The salary is within the advertised range, and I'm happy to accept.\n\nCheers,\nDami",
        "round 6: g6: advertised range accept",
    ),
    Draft(
        "good",
        "email",
        "Dear Mr. Ahmed,\n\nThank you for the six rounds — it was a thorough process and I learned a lot about the team.\n\nRegards,\nRuth",
        "round 6: g6: six rounds",
    ),
    Draft(
        "good",
        "email",
        "Hi Carmen,\n\nThank you for the update. I'd be glad to work on a small sample project if that would ever be useful for a future role.\n\nBest,\nLuca",
        "round 6: g6: sample project",
    ),
    Draft(
        "good",
        "email",
        "Dear Sir,\n\nThank you for your kind reply. I look forward to hearing from you regarding next steps.\n\nRegards,\nAbdul",
        "round 6: g6: kind reply",
    ),
    # ------------- issue 15, round 7: written fresh, measured (8 of 15 caught), then widened
    Draft(
        "bad",
        "email",
        "Dear Ms. Lowe,\n\nI'm sure you had your reasons, though I can't for the life of me work out what they were.\n\nRegards,\nBarry",
        "round 7: b7: for the life of me",
    ),
    Draft(
        "bad",
        "email",
        "Hi Pete,\n\nAfter I spent my own money flying in for the final round, a two-paragraph rejection feels pretty cold.\n\nBest,\nSuzy",
        "round 7: b7: own money, cold",
    ),
    Draft(
        "bad",
        "email",
        "Dear Mr. Fontaine,\n\nI'd happily forgo a salary increase from my current level and accept the same pay, if you'd reconsider me for the role.\n\nYours sincerely,\nClaire",
        "round 7: b7: forgo an increase",
    ),
    Draft(
        "bad",
        "linkedin-note",
        "Hi Ella, heard you went with an internal guy. Classic. Good luck with that 😉",
        "round 7: b7: classic",
    ),
    Draft(
        "bad",
        "email",
        "Hi Sandra,\n\nHope you're well! Quick question - who got the job in the end? Just curious 😊\n\nThanks,\nMolly",
        "round 7: b7: who got the job",
    ),
    Draft(
        "bad",
        "email",
        "Hi Rob,\n\n😭😭😭 I was so sure about this one. Can you please help me out here?\n\nAmy",
        "round 7: b7: crying emoji",
    ),
    Draft(
        "bad",
        "email",
        "Dear Hiring Committee,\n\nPlease note that should I not receive a reply by 30 June, I will take the matter further.\n\nYours faithfully,\nJ. Okafor",
        "round 7: b7: take the matter further",
    ),
    Draft(
        "bad",
        "email",
        "Hi Leo,\n\nI've tried calling, emailing and messaging you on LinkedIn. At this point I'd just like a yes or no.\n\nThanks,\nRaj",
        "round 7: b7: tried calling emailing messaging",
    ),
    Draft(
        "bad",
        "email",
        "Hi Eve,\n\nIs there anything you can do to get me in front of the hiring manager one more time? I feel like I didn't get to show my real self.\n\nBest,\nNoah",
        "round 7: b7: in front of the hiring manager",
    ),
    Draft(
        "bad",
        "email",
        "Dear Dr. Stein,\n\nI accepted a reduced teaching load at my current institution on the understanding that I would be joining your department. I hope you appreciate the difficulty this creates.\n\nRegards,\nDr. Ruiz",
        "round 7: b7: on the understanding",
    ),
    Draft(
        "bad",
        "email",
        "thank you for the interview i hope i get it i really need it",
        "round 7: b7: lowercase need it",
    ),
    Draft(
        "bad",
        "email",
        "Hi Quinn,\n\nI'll be honest, the feedback you gave was pretty generic and didn't help me at all.\n\nCheers,\nPaige",
        "round 7: b7: generic feedback",
    ),
    Draft(
        "bad",
        "email",
        "Hi Marco,\n\nHow about this: hire me on probation for three months at half pay, and if I don't deliver, let me go.\n\nBest,\nYusuf",
        "round 7: b7: half pay probation",
    ),
    Draft(
        "bad",
        "email",
        "Dear Ms. Nwosu,\n\nIt is disheartening that after all my efforts, I was not even given the courtesy of feedback.\n\nRegards,\nChika",
        "round 7: b7: given the courtesy",
    ),
    Draft(
        "bad",
        "email",
        "Hi Ana,\n\nI'm writing to ask you to escalate my application to your head of engineering — I think the team missed something.\n\nThanks,\nDiego",
        "round 7: b7: escalate to head",
    ),
    Draft(
        "good",
        "email",
        "Dear Ms. Lowe,\n\nThank you for letting me know. I'm sure it was a difficult choice, and I appreciated the chance to meet the team.\n\nRegards,\nBarry",
        "round 7: g7",
    ),
    Draft(
        "good",
        "email",
        "Hi Pete,\n\nThanks for flying me in for the final round — it was great to see the office. I appreciated the detailed note about the decision.\n\nBest,\nSuzy",
        "round 7: g7",
    ),
    Draft(
        "good",
        "email",
        "Hi Sandra,\n\nHope you're well! I wanted to say congratulations on filling the role, and thank you again for the interview.\n\nThanks,\nMolly",
        "round 7: g7",
    ),
    Draft(
        "good",
        "email",
        "Hi Leo,\n\nI've tried to keep this short: thank you for the interview, and I'd welcome any update when you have one.\n\nThanks,\nRaj",
        "round 7: g7: tried",
    ),
    Draft(
        "good",
        "email",
        "Hi Eve,\n\nThank you for the interview. I'd love to meet the hiring manager again in a future process, and I'll keep working on my system design.\n\nBest,\nNoah",
        "round 7: g7: meet again future",
    ),
    Draft(
        "good",
        "email",
        "Hi Quinn,\n\nThank you for the feedback. It was helpful, and I'd be glad to hear any more detail if you have time.\n\nCheers,\nPaige",
        "round 7: g7",
    ),
    Draft(
        "good",
        "email",
        "Dear Ms. Nwosu,\n\nThank you for the courtesy of a reply and for your kind feedback.\n\nRegards,\nChika",
        "round 7: g7: courtesy of a reply thanks",
    ),
)

CORPUS: tuple[Draft, ...] = _WRITTEN + tuple(
    draft for name in sorted(_SOURCES) for draft in load_cases(name)
)

FACTS_PROBES: tuple[Draft, ...] = tuple(d for d in _WRITTEN if d.facts)
"""Good drafts written to need their facts: an error without them, none with them."""
