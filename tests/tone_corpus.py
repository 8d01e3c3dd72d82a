"""A labelled corpus of follow-up drafts for the tone check.

Most drafts answer a rejection; some follow up while a decision is pending or
thank an interviewer. "good" drafts are professional and gracious and must get
no error finding; "bad" drafts are ones a careful friend would stop you sending,
and should get at least one. The bad drafts were written first, in many voices,
and the rules were then widened to generalise, not the other way round.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["CORPUS", "Draft"]


class Draft(NamedTuple):
    """One labelled draft."""

    label: str  # "good" or "bad"
    channel: str
    text: str
    note: str


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

CORPUS: tuple[Draft, ...] = (
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
        "Dear [FIRST NAME],\n\nIt was great to meet you at [COMPANY] on"
        " [DATE].\n\nBest,\nKim",
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
)
