"""The question judge behind IV303 and IV304: accuracy on the corpus, one line per kind."""

# One case per table line, so table lines run long.

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from infoview import judge
from infoview.judge import grammar, text

CORPUS = Path(__file__).parent / "data" / "questions.csv"
BAR = 0.9  # issue 11: precision and recall of at least 0.9 for both rules, on both splits


PROBE = Path(__file__).parent / "data" / "probe.csv"
WIDE = Path(__file__).parent / "data" / "wide.csv"
REACH = Path(__file__).parent / "data" / "reach.csv"


def corpus() -> list[dict[str, str]]:
    rows = []
    for path in (CORPUS, PROBE, WIDE, REACH):
        with path.open(encoding="utf-8", newline="") as handle:
            rows += list(csv.DictReader(handle))
    return rows


def figures(split: str, label: str) -> tuple[float, float]:
    rows = [row for row in corpus() if row["split"] == split]
    verdict = judge.online if label == "online" else judge.job
    flagged = {row["id"] for row in rows if verdict(row["question"])}
    wanted = {row["id"] for row in rows if row["label"] == label}
    hits = len(flagged & wanted)
    return hits / len(flagged), hits / len(wanted)


@pytest.mark.parametrize("split", ["train", "test", "probe-dev", "wide-dev", "reach-dev"])
@pytest.mark.parametrize("label", ["online", "job"])
def test_corpus_precision_and_recall_meet_the_bar(split: str, label: str) -> None:
    """The other splits are left out on purpose: a test on a held-out one would make it a
    tuning split, and the model's figures on the ones it trains on are its own rows."""
    precision, recall = figures(split, label)
    assert precision >= BAR, f"{label} precision on {split}: {precision:.2f}"
    assert recall >= BAR, f"{label} recall on {split}: {recall:.2f}"


# -- what a website answers, by kind, in many fields -------------------------------------------

WHAT_IT_DOES = "asks what the organisation does"
OFFERS = "asks about the organisation's products, services or clients"
SIZE = "asks the size of the whole organisation"
AGE = "asks how old the organisation is"
OWNERS = "asks who owns or runs the organisation"
STRUCTURE = "asks how the organisation is structured or funded"
PLACE = "asks where the organisation is"
PUBLISHED = "asks what the organisation publishes about itself"
FINANCES = "asks how the organisation is doing financially"

ONLINE = [
    # what it does, in other words or for other nouns
    ("What is your organisation all about?", WHAT_IT_DOES, "what is your organisation all about"),
    ("What does your nonprofit do?", WHAT_IT_DOES, "what does your nonprofit do"),
    ("What does your hospital do?", WHAT_IT_DOES, "what does your hospital do"),
    ("What exactly does the agency do?", WHAT_IT_DOES, "what exactly does the agency do"),
    ("Tell me what your company does.", WHAT_IT_DOES, "what your company does"),
    (
        "Could you give me an overview of the studio?",
        WHAT_IT_DOES,
        "give me an overview of the studio",
    ),
    (
        "What is the school district responsible for?",
        WHAT_IT_DOES,
        "what is the school district responsible for",
    ),
    ("What does Marlow & Reyes do?", WHAT_IT_DOES, "what does Marlow & Reyes do"),
    ("What does [company name] do?", WHAT_IT_DOES, "what does [company name] do"),
    # products, services and who is served
    ("What services does the company offer?", OFFERS, "what services does the company offer"),
    ("Who are your clients?", OFFERS, "who are your clients"),
    (
        "What kinds of cases does the clinic handle?",
        OFFERS,
        "what kinds of cases does the clinic handle",
    ),
    ("Who does the union represent?", OFFERS, "who does the union represent"),
    ("What programs does the college offer?", OFFERS, "what programs does the college offer"),
    ("Who are the startup's customers?", OFFERS, "who are the startup's customers"),
    # age, size and place, phrased other ways
    (
        "How long has the company been in business?",
        AGE,
        "how long has the company been in business",
    ),
    ("When did the hospital open?", AGE, "when did the hospital open"),
    ("What year was the lab established?", AGE, "what year was the lab established"),
    ("What is the size of the organisation?", SIZE, "what is the size of the organisation"),
    ("How many beds does the hospital have?", SIZE, "how many beds does the hospital have"),
    (
        "How many students does the district serve?",
        SIZE,
        "how many students does the district serve",
    ),
    ("How many people work at the agency?", SIZE, "how many people work at the agency"),
    ("What is the nonprofit's annual budget?", SIZE, "what is the nonprofit's annual budget"),
    ("Where is it headquartered?", PLACE, "where is it headquartered"),
    ("Where are the firm's offices?", PLACE, "where are the firm's offices"),
    ("In what cities does the company operate?", PLACE, "in what cities does the company operate"),
    # ownership, leadership and structure
    ("Who is the CEO?", OWNERS, "who is the ceo"),
    ("Is it publicly or privately owned?", OWNERS, "is it publicly or"),
    ("Who founded the studio?", OWNERS, "who founded the studio"),
    ("Is the hospital part of a larger health system?", OWNERS, "is the hospital part of"),
    ("What are its divisions?", STRUCTURE, "what are its divisions"),
    ("How is the nonprofit funded?", STRUCTURE, "how is the nonprofit funded"),
    # mission, history, practice areas
    ("What is the agency's mission?", PUBLISHED, "what is the agency's mission"),
    ("What are the firm's practice areas?", PUBLISHED, "what are the firm's practice areas"),
    # the probe set's kinds (tests/data/probe.csv), in fields it does not cover
    ("What is the brewery's industry?", WHAT_IT_DOES, "what is the brewery's industry"),
    ("What are its areas of expertise?", WHAT_IT_DOES, "what are its areas of expertise"),
    ("Who is the agency's best-known client?", OFFERS, "who is the agency's best-known client"),
    ("What is your product line?", OFFERS, "what is your product line"),
    ("Does the museum host fundraising events?", OFFERS, "does the museum host fundraising events"),
    (
        "Who are the newspaper's main advertisers?",
        OFFERS,
        "who are the newspaper's main advertisers",
    ),
    ("How many clients does it serve?", SIZE, "how many clients does it serve"),
    ("How many staff do you currently have?", SIZE, "how many staff do you currently have"),
    ("How long have you been in business?", AGE, "how long have you been in business"),
    (
        "Who sits on the charity's board of trustees?",
        OWNERS,
        "who sits on the charity's board of trustees",
    ),
    ("Who holds the top positions at the council?", OWNERS, "who holds the top positions"),
    ("Have there been recent changes in leadership?", OWNERS, "changes in leadership"),
    (
        "Where does the theatre get its funding?",
        STRUCTURE,
        "where does the theatre get its funding",
    ),
    ("Has the startup been profitable?", FINANCES, "has the startup been profitable"),
    ("What is the volume of annual sales?", FINANCES, "volume of annual sales"),
    (
        "Has the company expanded internationally?",
        PLACE,
        "has the company expanded internationally",
    ),
    ("What statute created the authority?", PUBLISHED, "what statute created the authority"),
    ("Does the hospital have Magnet status?", PUBLISHED, "does the hospital have Magnet status"),
    ("How does the university rank nationally?", PUBLISHED, "how does the university rank"),
    ("Has the studio won any awards?", PUBLISHED, "has the studio won any awards"),
    ("What is the company's stock price?", PUBLISHED, "stock price"),
    # who it serves, its legal form, branches and fund size, in other words
    (
        "Which neighbourhoods does the housing agency serve?",
        OFFERS,
        "which neighbourhoods does the housing agency serve",
    ),
    (
        "What areas does the police department cover?",
        OFFERS,
        "what areas does the police department cover",
    ),
    ("What is the legal structure of the cooperative?", OWNERS, "what is the legal structure"),
    ("Do you have offices outside the country?", PLACE, "do you have offices outside"),
    ("What is the size of the fund?", SIZE, "size of the fund"),
    # tests/data/reach.csv kinds: facts in other words, "you" as the organisation where only
    # an organisation fits the verb, and nouns for a church, a city or a store
    ("Are you a Magnet facility?", PUBLISHED, "are you a Magnet facility"),
    ("Is the hospital accredited?", PUBLISHED, "is the hospital accredited"),
    ("Where does the university rank?", PUBLISHED, "where does the university rank"),
    (
        "Has the hospital had any recent layoffs?",
        PUBLISHED,
        "has the hospital had any recent layoffs",
    ),
    (
        "What type of industry is the company in?",
        WHAT_IT_DOES,
        "what type of industry is the company in",
    ),
    ("What do you guys do?", WHAT_IT_DOES, "what do you guys do"),
    ("Where did the credit union start?", AGE, "where did the credit union start"),
    ("Why was the church started?", AGE, "why was the church started"),
    ("When did the bakery open its first shop?", AGE, "when did the bakery open its first"),
    (
        "Is the practice well established or a relatively young one?",
        AGE,
        "is the practice well established or a relatively young one",
    ),
    ("What year did you open?", AGE, "what year did you open"),
    ("Is it a small or a large firm?", SIZE, "is it a small"),
    ("What is the endowment of the university?", SIZE, "what is the endowment of the university"),
    ("What is your annual revenue?", SIZE, "what is your annual revenue"),
    ("What is the startup valued at?", FINANCES, "what is the startup valued at"),
    (
        "What share of the market does the bank hold?",
        FINANCES,
        "share of the market does the bank hold",
    ),
    ("What is the price of a share of its stock?", FINANCES, "price of a share of its stock"),
    (
        "Is the theatre run primarily on donations?",
        STRUCTURE,
        "is the theatre run primarily on donations",
    ),
    (
        "What are the various ministries of the church?",
        OFFERS,
        "what are the various ministries of the church",
    ),
    (
        "What municipal services does the city provide?",
        OFFERS,
        "what municipal services does the city provide",
    ),
    ("Do you host school groups?", OFFERS, "do you host school groups"),
    ("What populations do you serve?", OFFERS, "what populations do you serve"),
    ("What markets do you operate in?", OFFERS, "what markets do you operate in"),
    ("What are your biggest accounts?", OFFERS, "what are your biggest accounts"),
    ("Where are you headquartered?", PLACE, "where are you headquartered"),
    ("Who are the major donors?", OWNERS, "who are the major donors"),
    ("What is the parent company?", OWNERS, "what is the parent company"),
    ("What companies has it acquired?", OWNERS, "what companies has it acquired"),
    (
        "Are you publicly traded or privately held?",
        OWNERS,
        "are you publicly traded or privately held",
    ),
    ("Who owns you?", OWNERS, "who owns you"),
    ("How many rooms does the hotel have?", SIZE, "how many rooms does the hotel have"),
    ("How many people do they employ?", SIZE, "how many people do they employ"),
    ("How are they organised?", STRUCTURE, "how are they organised"),
    ("Where is this company?", PLACE, "where is this company"),
    ("What does it manufacture?", OFFERS, "what does it manufacture"),
    ("Does the practice accept Medicaid?", OFFERS, "does the practice accept Medicaid"),
    # a research checklist's items, asked of "it" and "they"
    ("What does it do?", WHAT_IT_DOES, "what does it do"),
    ("Who are its customers?", OFFERS, "who are its customers"),
    ("What is its size?", SIZE, "what is its size"),
    ("What is the number of employees?", SIZE, "what is the number of employees"),
    ("What year was it founded?", AGE, "what year was it founded"),
    ("How long have they been in business?", AGE, "how long have they been in business"),
    ("Who owns it?", OWNERS, "who owns it"),
    ("Who is its CEO?", OWNERS, "who is its ceo"),
    ("Where are its offices?", PLACE, "where are its offices"),
    ("Why does your church exist?", WHAT_IT_DOES, "why does your church exist"),
    ("How did they start?", AGE, "how did they start"),
    ("Could you share the history of this church?", PUBLISHED, "share the history of this church"),
    ("Was it founded ten years ago?", AGE, "was it founded ten years ago"),
    ("Approximately how many people work on the farm?", SIZE, "how many people work on the farm"),
    ("Who are the named partners?", OWNERS, "who are the named partners"),
    # "you" as the organisation, where only it can be meant
    ("How many people do you employ?", SIZE, "how many people do you employ"),
    ("Where are you located?", PLACE, "where are you located"),
    ("What do you sell?", OFFERS, "what do you sell"),
    ("How many members does the club have?", SIZE, "how many members does the club have"),
    ("How many students are enrolled?", SIZE, "how many students are enrolled"),
    ("What does your record label do?", WHAT_IT_DOES, "what does your record label do"),
    (
        "What insurance does the practice accept?",
        PUBLISHED,
        "what insurance does the practice accept",
    ),
    ("How much is tuition at the college?", PUBLISHED, "how much is tuition at the college"),
    ("Who owns the place?", OWNERS, "who owns the place"),
    ("Who's in charge here?", OWNERS, "who is in charge here"),
    ("What is the name of the CEO?", OWNERS, "what is the name of the ceo"),
    ("Is this a franchise?", OWNERS, "is this a franchise"),
    ("What services are offered?", OFFERS, "what services are offered"),
    (
        "Could you describe your company's main services?",
        OFFERS,
        "describe your company's main services",
    ),
    (
        "Could you give me some background on the company?",
        PUBLISHED,
        "some background on the company",
    ),
    (
        "Can you give me background information on the agency?",
        PUBLISHED,
        "background information on the agency",
    ),
    (
        "What is the organizational size and scope?",
        SIZE,
        "what is the organizational size and scope",
    ),
    ("What is the management structure?", OWNERS, "what is the management structure"),
    ("What press coverage has the hospital had?", PUBLISHED, "press coverage has the hospital had"),
    # a research note's fragments
    ("Year founded?", AGE, "year founded"),
    ("Number of county employees?", SIZE, "number of county employees"),
    ("4. Headquarters location?", PLACE, "headquarters location"),
    ("CEO?", OWNERS, "ceo"),
    ("Annual budget?", SIZE, "annual budget"),
    ("Key clients?", OFFERS, "key clients"),
    ("Services offered?", OFFERS, "services offered"),
    ("Locations?", PLACE, "locations"),
    ("Mission and values?", PUBLISHED, "mission and values"),
    ("Public or private?", OWNERS, "public or private"),
    ("Founded when?", AGE, "founded when"),
    ("# of employees?", SIZE, "number of employees"),
    ("Would you mind telling me who your main clients are?", OFFERS, "who your main clients are"),
    ("I'd like to know where the headquarters is.", PLACE, "where the headquarters is"),
    ("I was wondering how big the firm is.", SIZE, "how big the firm is"),
    (
        "I'd love to hear about the history of the firm.",
        PUBLISHED,
        "i'd love to hear about the history of the firm",
    ),
    (
        "What sector does the nonprofit work in?",
        WHAT_IT_DOES,
        "what sector does the nonprofit work in",
    ),
    ("Does the college offer online degrees?", OFFERS, "does the college offer online degrees"),
    ("What software does the startup build?", OFFERS, "what software does the startup build"),
    ("Where is the district office?", PLACE, "where is the district office"),
    (
        "What's the graduation rate at the high school?",
        PUBLISHED,
        "what is the graduation rate at the high school",
    ),
    (
        "What percentage of donations go to programs?",
        PUBLISHED,
        "what percentage of donations go to programs",
    ),
    (
        "What does a company like Stripe actually sell?",
        WHAT_IT_DOES,
        "what does a company like Stripe actually sell",
    ),
    ("What was last year's revenue?", SIZE, "what was last year's revenue"),
    # "like yours", an adverb, a merger, the services an agency provides
    (
        "What does a clinic like yours actually do?",
        WHAT_IT_DOES,
        "what does a clinic like yours actually do",
    ),
    (
        "Tell me what the food bank really does for people.",
        WHAT_IT_DOES,
        "what the food bank really does for people",
    ),
    ("Did the bank just merge with another bank?", OWNERS, "did the bank just merge"),
    (
        "Could you describe the services the county's child welfare agency provides?",
        OFFERS,
        "describe the services the county's child welfare agency provides",
    ),
    # more fragments, asked indirectly, clients described, ownership "still"
    ("Total teaching staff across the district?", SIZE, "total teaching staff across the district"),
    ("Number of hotels in the chain?", SIZE, "number of hotels in the chain"),
    ("How many people does the plant employ?", SIZE, "how many people does the plant employ"),
    (
        "Roughly how many nurses does the whole health system employ?",
        SIZE,
        "how many nurses does the whole health system employ",
    ),
    (
        "I was curious whether the firm has an office in London.",
        PLACE,
        "whether the firm has an office in London",
    ),
    ("Principal's name?", OWNERS, "principal's name"),
    ("I was wondering when the clinic was founded?", AGE, "when the clinic was founded"),
    ("Do you know when the co-op first opened?", AGE, "when the co-op first opened"),
    ("Are your customers mostly restaurants?", OFFERS, "are your customers mostly"),
    (
        "Which sectors do most of the agency's clients come from?",
        OFFERS,
        "which sectors do most of the agency's clients come from",
    ),
    (
        "What kinds of clients does the brokerage work with?",
        OFFERS,
        "what kinds of clients does the brokerage work with",
    ),
    ("Is the practice still family-owned?", OWNERS, "is the practice still family-owned"),
    ("Who is on the exec team?", OWNERS, "who is on the exec team"),
    ("How big are they?", SIZE, "how big are they"),
    ("Is the shelter a 501(c)(3)?", OWNERS, "is the shelter a 501c3"),
    ("Does the agency report to the governor?", OWNERS, "does the agency report to"),
    ("I was curious which laws the agency enforces.", OFFERS, "which laws the agency enforces"),
    (
        "What does the county's planning office actually do?",
        WHAT_IT_DOES,
        "what does the county's planning office actually do",
    ),
    (
        "Does the clinic only treat children?",
        OFFERS,
        "does the clinic only treat children",
    ),
    # a public body named by its kind, and an advocate's causes
    (
        "How many firefighters does the fire department have?",
        SIZE,
        "how many firefighters does the fire department have",
    ),
    ("Who heads the federal department?", OWNERS, "who heads the federal department"),
    ("When was the police department founded?", AGE, "when was the police department founded"),
    ("What does the coalition lobby for?", WHAT_IT_DOES, "what does the coalition lobby for"),
    (
        "What issues does the advocacy group campaign on?",
        OFFERS,
        "what issues does the advocacy group campaign",
    ),
    # a sports club's standing and owner
    ("Which league does the team play in?", PUBLISHED, "which league does the team play"),
    (
        "How many championships has the club won?",
        PUBLISHED,
        "how many championships has the club won",
    ),
    ("Who owns the team?", OWNERS, "who owns the team"),
    ("What did the company originally do?", WHAT_IT_DOES, "what did the company originally do"),
    (
        "What did the startup make before it pivoted?",
        WHAT_IT_DOES,
        "what did the startup make before it pivoted",
    ),
    (
        "What are the most important products and services?",
        OFFERS,
        "what are the most important products and services",
    ),
    (
        "What types of program services are provided?",
        OFFERS,
        "what types of program services are provided",
    ),
    # what kind of organisation it is, its reach and designations, its leader's name
    ("Is it a startup?", WHAT_IT_DOES, "is it a startup"),
    ("Is it a teaching hospital?", WHAT_IT_DOES, "is it a teaching hospital"),
    ("Are they local or global?", PLACE, "are they local or global"),
    ("What are its foreign operations?", PLACE, "its foreign operations"),
    ("What are its new products?", OFFERS, "what are its new products"),
    ("What recent press has there been?", PUBLISHED, "what recent press has there been"),
    ("When was the last funding round?", STRUCTURE, "when was the last funding round"),
    ("How many silks does the chambers have?", SIZE, "how many silks does the chambers have"),
    ("What was last year's EBIT?", SIZE, "what was last year's ebit"),
    (
        "What has the company been in the news for recently?",
        PUBLISHED,
        "what has the company been in the news for",
    ),
    ("What is the patient population?", OFFERS, "what is the patient population"),
    (
        "What's the patient demographics and case mix?",
        OFFERS,
        "what is the patient demographics and case mix",
    ),
    ("What is the fire chief's name?", OWNERS, "what is the fire chief's name"),
    ("What trauma level is the hospital?", PUBLISHED, "what trauma level is the hospital"),
    (
        "Is the hospital a Level 1 trauma center?",
        PUBLISHED,
        "is the hospital a Level 1 trauma center",
    ),
    (
        "What drugs do they currently have on the market?",
        OFFERS,
        "what drugs do they currently have on the market",
    ),
    ("How is this company performing?", FINANCES, "how is this company performing"),
    ("What has been in the news recently about your company?", PUBLISHED,
     "in the news recently about your company"),
    ("What recent projects has your company completed?", PUBLISHED,
     "projects has your company completed"),
    ("What brands are in the agency's portfolio?", OFFERS,
     "what brands are in the agency's portfolio"),
    ("How would you describe the company values?", PUBLISHED, "describe the company's values"),
    ("What organizations does the nonprofit partner with?", OFFERS,
     "what organizations does the nonprofit partner with"),
    ("Which industries are most of your customers in?", OFFERS,
     "industries are most of your customers in"),
    ("Does the firm mostly do residential work?", OFFERS,
     "does the firm mostly do residential work"),
]  # fmt: skip

# Left alone: the principle's exclusions and the false positives the issue names.
ONLY_THEY_CAN_ANSWER = [
    "How many people work in your department?",  # a team's size is not on the website
    "What jobs did you hold before your current position?",  # the person's own past
    "How many nurses work on your unit?",
    "How many people are in your lab group?",
    "How big is your team?",
    "What does your department do differently from the rest of the hospital?",
    "What does a typical day look like?",
    "What does a paralegal do at a firm like yours?",
    "How would you describe the culture of the agency?",
    "How is the company's strategy changing?",
    "How does your firm compare to its competitors?",
    "What kinds of cases does the firm give to new paralegals?",
    "When did you join the company?",
    "Why did you choose this practice area?",
    "What are your clients like to work with?",
    "What does the firm do when a filing deadline is missed?",
    "Tell me about your role at the company.",
    "How many people do you manage at the company?",
    "How many layers are there between me and the CEO?",  # a fragment starts a clause
    "Total staff on your unit?",  # a unit's count, not the organisation's
    "When the hospital was founded, what was your role?",  # asked of the interviewee
    "Are your patients mostly elderly?",  # a nurse's own patients
    "What does your department do?",  # a unit's work, not the organisation's
    "What system does the firm use for billing?",  # a tool, not a health system
    "What does the network team do?",  # a team
    "What about the budget for your program?",  # a programme's budget
    "Does the school offer professional development courses for teachers?",  # staff's, not clients'
    "Does the hospital provide IV teams?",
    "Where is your office?",  # the meeting's place
    "What was your graduation rate in nursing school?",  # the interviewee's school
    "What percentage of your time goes to admin work?",  # the interviewee's week
    "How have the agency's budget, its services and clientele changed?",  # a list, not a note
    "How do you find new clients? Any tips?",
    "Tell me the history of your career.",
    "What platforms does the agency use to reach people?",  # its practice, not its offer
    "I wonder if your team has people in London.",
    "How did you decide to work for a 501(c)(3)?",  # the interviewee's choice
    "Number of people in your department?",
    "Team size?",
    "Could you describe the programs the hospital offers to new nurses?",
    "How did the merger change your job?",
    "When did the company start hiring paralegals?",
    "How many nurses are on your floor?",
    "How many students are in your class?",
    "How is the company doing compared with competitors?",
    "How did the merger affect your work?",
    "Who was your most memorable client?",
    "How is your department funded compared with others?",
    "How does the district support new teachers?",
    "What made you choose this organisation?",
    "How has the organisation's mission shaped your work?",
    "What does your lab technician do each day?",
    "Which of your programs do you find most rewarding?",  # an opinion, not the list
    "What legal structure do most small practices choose?",  # the field, not this one
    "Which of the firm's practice areas do you enjoy most?",
    # what reach.csv's new patterns must leave alone: the person, the team, the field
    "How has the restaurant's change of ownership affected the kitchen culture?",
    "Is this a new or replacement position?",  # the post's age, not the organisation's
    "Is your unit small?",
    "Where does the firm stand on remote work?",
    "Who do you serve in your role?",
    "Are you a nonprofit employee?",
    "Are you a first-generation college student?",
    "When did you open your own practice?",
    "What are your main clients like?",
    "What share of the market do small firms have?",
    "How many clients do you personally see in a week?",
    "Who are the founding partners you admire most?",
    "How many patients do they see a day?",  # the doctors' day, not the practice's size
    "Where is the company going?",
    "Who leads them?",  # "them" may be a team
    "How did you start?",
    "How many people work on your team?",
    "What is the number of employees on your team?",
    "Where are you based these days?",  # the person, not the organisation
    "What do you make in a year?",  # the person's pay: not IV303's
    "What clubs should I join in college?",
    "How many students are enrolled in your class?",
    "What insurance did you need for your practice?",
    "What is tuition like for most paralegal programs?",
    "Who is in charge of your team?",
    "What is the name of your manager?",
    "What training programs are available?",
    "What services are available to students in your office?",
    "Tell me about the company's clients you enjoy most.",
    "Could you give me some background on your role at the company?",
    "Can you give an overview of the company culture?",
    "So what is it REALLY like?",  # capitals for emphasis, not a name
    "What is the management structure of your team like?",
    "What funding issues does the district face?",  # its challenges, not what it offers
    "How many people work in the marketing department?",  # a company's department: a unit
    "What is the culture like in the police department?",
    "How many championships has your team won at work?",
    "Who owns the project on your team?",
    "What did you originally do before you went into law?",
    "What are the most important skills for this work?",
    "What types of off-season programs are available?",
    # what one thinks of the organisation, and what the person has
    "Is it a good company?",
    "Is this a stable company?",
    "Are you a good employer?",
    "What degrees do you have?",
    "What courses do you have to take?",
    "What is it like working at a trauma center?",
    "What is your manager's name?",
    "What is the patient population like on your unit?",
    "Have you been in the news?",
]


@pytest.mark.parametrize(("question", "kind", "trigger"), ONLINE)
def test_online_names_the_kind_and_the_words(question: str, kind: str, trigger: str) -> None:
    assert judge.online(question) == judge.Verdict(kind, trigger)


@pytest.mark.parametrize("question", ONLY_THEY_CAN_ANSWER)
def test_online_leaves_alone_what_only_they_can_answer(question: str) -> None:
    assert judge.online(question) is None


# -- job-seeking, by kind -----------------------------------------------------------------------

ASKS = "asks for a job or a way into one"
PAY = "asks what you would be paid"
PRESUMES = "presumes you already hold the post"
RESUME = "hands over a résumé or work samples"
INTERVIEW = "treats the meeting as a job interview"

JOB = [
    # asking to be hired without the words "hiring" or "openings"
    ("How do I get hired here?", ASKS, "how do i get hired here"),
    ("Could you find me a job in your unit?", ASKS, "find me a job"),
    ("Would you keep me in mind if something opens up?", ASKS, "keep me in mind"),
    ("Can you get me an interview with your manager?", ASKS, "get me an interview"),
    ("Does your lab have room for a research assistant?", ASKS, "room for a research assistant"),
    (
        "Is the district looking for substitute teachers?",
        ASKS,
        "is the district looking for substitute teachers",
    ),
    ("Are you hiring?", ASKS, "are you hiring"),
    ("Do you know of any openings?", ASKS, "any openings"),
    ("Can you tell your manager about me?", ASKS, "tell your manager about me"),
    ("Are you guys hiring any junior developers?", ASKS, "are you guys hiring"),
    (
        "Would your clinic be willing to take me on?",
        ASKS,
        "would your clinic be willing to take me on",
    ),
    ("Are there any trainee spots on your team?", ASKS, "are there any trainee spots on your team"),
    ("What roles are open at the agency?", ASKS, "what roles are open at the agency"),
    ("Would you consider hiring me?", ASKS, "hiring me"),
    ("Any chance you're hiring?", ASKS, "chance you're hiring"),
    ("how much wud i get paid", PAY, "how much would i get paid"),
    ("Is it better to apply online or through you?", ASKS, "apply online or through you"),
    ("Do I have what it takes to work here?", ASKS, "do i have what it takes to work here"),
    ("Will the associate have their own assistant?", INTERVIEW, "will the associate have"),
    (
        "What is the average number of patients the associate would see per day?",
        INTERVIEW,
        "the associate would see",
    ),
    (
        "What does the interview process involve?",
        PRESUMES,
        "what does the interview process involve",
    ),
    (
        "Could you pass my portfolio along to your art director?",
        RESUME,
        "pass my portfolio",  # a portfolio is a designer's CV (judge.yaml's samples)
    ),
    (
        "What training would I get when I start?",
        PRESUMES,
        "training would i get when i start",
    ),
    (
        "What do I need to do to get an interview with your newsroom?",
        ASKS,
        "what do i need to do to get an interview with your newsroom",
    ),
    ("Would you mention my name to the principal?", ASKS, "mention my name to the principal"),
    ("Could you put me in touch with your recruiter?", ASKS, "put me in touch with your recruiter"),
    # presuming the asker holds the post
    ("Who would I report to?", PRESUMES, "who would i report to"),
    ("What is the interview process?", PRESUMES, "what is the interview process"),
    ("What is the interviewing process like?", PRESUMES, "what is the interviewing process"),
    ("What is your hiring procedure?", PRESUMES, "what is your hiring procedure"),
    ("What would my first project be?", PRESUMES, "what would my first project be"),
    ("Which team would I be placed on?", PRESUMES, "which team would i be"),
    ("When could I start?", PRESUMES, "when could i start"),
    # résumé and pay asks outside the fixed wording
    ("Can I leave my résumé with you?", RESUME, "leave my résumé"),
    ("Could you forward this résumé to the hiring manager?", RESUME, "forward this résumé"),
    ("Would you mind taking a look at my CV?", RESUME, "look at my cv"),
    ("What would you pay me to start?", PAY, "what would you pay me"),
    ("How much would I earn in my first year here?", PAY, "how much would i earn"),
    ("What benefits would I get?", PAY, "what benefits would i get"),
    # the probe set's kinds: questions from "ask the interviewer" lists, and the presumption
    ("Why is this position open?", INTERVIEW, "why is this position open"),
    ("Is this a new or replacement position?", INTERVIEW, "is this a new or replacement position"),
    (
        "How many candidates have you interviewed for the role?",
        INTERVIEW,
        "candidates have you interviewed",
    ),
    ("When will you make a final decision?", INTERVIEW, "when will you make a final decision"),
    ("Where are you in the hiring process?", INTERVIEW, "where are you in the hiring process"),
    ("When can I expect to hear back from you?", INTERVIEW, "when can i expect to hear back"),
    (
        "How does my background measure up to the requirements of the job?",
        INTERVIEW,
        "my background measure up to the requirements",
    ),
    ("Will there be a second interview?", INTERVIEW, "will there be a second interview"),
    ("Who do I report to?", PRESUMES, "who do i report to"),
    ("How many people will be reporting to me?", PRESUMES, "reporting to me"),
    ("What do you expect from me in the first year?", PRESUMES, "expect from me"),
    ("How would I be supported as a new teacher?", PRESUMES, "how would i be supported"),
    ("Will I have my own classroom?", PRESUMES, "will i have my own classroom"),
    ("Who was my predecessor?", PRESUMES, "my predecessor"),
    ("Will travel be required in this position?", PRESUMES, "will travel be required"),
    ("What are the people I'll be working with like?", PRESUMES, "people i'll be working with"),
    ("Are there committees I could join?", PRESUMES, "committees i could join"),
    (
        "What would a first-year analyst like me be paid?",
        PAY,
        "a first-year analyst like me be paid",
    ),
    (
        "Does the clinic contribute to health insurance premiums?",
        PAY,
        "does the clinic contribute to health insurance premiums",
    ),
    ("Is there any way you could get me onto your crew?", ASKS, "any way you could get me"),
    ("Are you looking for a new lab technician?", ASKS, "are you looking for a new lab technician"),
    # the post presumed, the hiring process and pay in other words (tests/data/wide.csv kinds)
    (
        "What does success look like in this position after a year?",
        INTERVIEW,
        "success look like in this position",
    ),
    (
        "How long is the orientation period for new nurses?",
        PRESUMES,
        "how long is the orientation period",
    ),
    ("Would I report to the head chef or the owner?", PRESUMES, "would i report to"),
    ("Would I have much autonomy over my caseload?", PRESUMES, "would i have much autonomy"),
    (
        "What can I expect from the police academy?",
        PRESUMES,
        "can i expect from the police academy",
    ),
    ("What benefits does the clinic offer?", PAY, "what benefits does the clinic offer"),
    ("Is the salary for this internship negotiable?", PAY, "salary for this internship"),
    ("Will the firm pay for my bar exam fees?", PAY, "pay for my bar exam fees"),
    ("How many apprentices are going to be hired this spring?", INTERVIEW, "are going to be hired"),
    ("What comes next after today's interview?", INTERVIEW, "comes next after today's interview"),
    ("Could you put me in touch with whoever is hiring for the lab?", ASKS, "whoever is hiring"),
    # tests/data/reach.csv kinds: benefits and cover, the post's own terms, references
    ("I want a job at your company.", ASKS, "i want a job at your company"),
    ("Can I use your name when I apply?", ASKS, "use your name when i apply"),
    ("Is there any chance of a job for me in your department?", ASKS, "chance of a job for me"),
    ("Would your clinic take me on?", ASKS, "would your clinic take me on"),
    ("Do you have any summer internships?", ASKS, "do you have any summer internships"),
    ("Can I list you as a reference?", ASKS, "list you as a reference"),
    ("Can you recommend me to your boss?", ASKS, "recommend me to your boss"),
    ("Who should I address my cover letter to?", RESUME, "address my cover letter"),
    ("Is anyone covered besides me?", PAY, "covered besides me"),
    (
        "Does the agency pay for my certifications?",
        PAY,
        "does the agency pay for my certifications",
    ),
    (
        "Would the company contribute toward an advanced degree for me?",
        PAY,
        "would the company contribute toward an advanced degree",
    ),
    ("How many weeks of PTO do new employees get?", PAY, "pto do new employees get"),
    ("Is there a signing bonus?", PAY, "is there a signing bonus"),
    ("Is overtime paid?", PAY, "is overtime paid"),
    ("Is relocation covered?", PAY, "is relocation covered"),
    ("Is there a retirement plan?", PAY, "is there a retirement plan"),
    ("Will I get health insurance?", PAY, "will i get health insurance"),
    ("What does the compensation package look like?", PAY, "compensation package"),
    ("Why did the previous pastor leave?", INTERVIEW, "why did the previous pastor leave"),
    ("What talents do you most need a new hire to bring?", INTERVIEW, "a new hire"),
    ("Has the position been filled?", INTERVIEW, "has the position been filled"),
    ("How soon do you need someone to start?", INTERVIEW, "need someone to start"),
    ("What are the position responsibilities?", INTERVIEW, "the position responsibilities"),
    ("Do I have a say over what hours and days I work?", PRESUMES, "do i have a say over"),
    ("What training would I receive?", PRESUMES, "training would i receive"),
    (
        "How can I expand my career with this company?",
        PRESUMES,
        "how can i expand my career with this company",
    ),
    ("What projects am I likely to get involved with?", PRESUMES, "projects am i likely to get"),
    ("Do you have a specific project for me?", PRESUMES, "have a specific project for me"),
    ("Would you support me in taking extra courses?", PRESUMES, "would you support me in taking"),
    ("Would I have to relocate?", PRESUMES, "would i have to relocate"),
    ("What are the hours for this position?", PRESUMES, "hours for this position"),
    ("What grade and step would I start at?", PRESUMES, "what grade and step would i start"),
    ("What GS level would I start at?", PRESUMES, "what GS level would i start"),
    (
        "How do you see my role evolving as the company grows?",
        PRESUMES,
        "see my role evolving",
    ),
    (
        "What is the company's selection process?",
        PRESUMES,
        "what is the company's selection process",
    ),
    ("What is the length of the contract?", PRESUMES, "length of the contract"),
    ("How many people will be on the panel?", PRESUMES, "how many people will be on the panel"),
    # ...and the same future at their organisation, which presumes the post
    (
        "Will I be able to work part-time if I join your clinic?",
        PRESUMES,
        "will i be able to work",
    ),
    (
        "Once I become an associate here, who would I report to?",
        PRESUMES,
        "who would i report to",
    ),
    ("Is there a stock option plan?", PAY, "is there a stock option plan"),
    ("Why haven't I been contacted yet?", PRESUMES, "haven't i been contacted"),
    ("Do I have to sign an agreement?", PRESUMES, "do i have to sign an agreement"),
    (
        "Should I complete an application for each position?",
        PRESUMES,
        "complete an application for each position",
    ),
    (
        "What is the entry criteria for the graduate scheme?",
        ASKS,
        "entry criteria for the graduate scheme",
    ),
    ("Do you offer a profit-sharing plan?", PAY, "do you offer a profit-sharing plan"),
    ("What type of benefits do you offer?", PAY, "what type of benefits do you offer"),
    ("What are the normal working hours?", PRESUMES, "what are the normal working hours"),
    ("May I see the commission schedule?", PRESUMES, "see the commission schedule"),
    ("Is the pay rate applicable to all miles?", PRESUMES, "is the pay rate applicable"),
    (
        "What might I need to work on if I were to get this job?",
        PRESUMES,
        "if i were to get this job",
    ),
    ("Do employees get health insurance?", PAY, "do employees get health insurance"),
    ("Is there a 401(k) match?", PAY, "is there a 401k"),
    ("Do you cover moving expenses?", PAY, "do you cover moving expenses"),
    ("Does the contract automatically renew?", PRESUMES, "does the contract automatically renew"),
    (
        "Is there a restrictive covenant in place?",
        PRESUMES,
        "is there a restrictive covenant in place",
    ),
    (
        "Which courses might I be responsible for teaching?",
        PRESUMES,
        "might i be responsible for",
    ),
    ("What will my first six months here look like?", PRESUMES, "my first six months here"),
    # the post in impersonal words, as job-interview lists ask it
    ("What is the salary?", PAY, "what is the salary"),
    ("What's the base salary?", PAY, "what is the base salary"),
    ("What are the benefits?", PAY, "what are the benefits"),
    ("Is there charge pay?", PAY, "is there charge pay"),
    ("How is call compensated?", PAY, "how is call compensated"),
    ("What is the vacation policy?", PAY, "the vacation policy"),
    ("Does the clinic provide health and dental insurance?", PAY,
     "does the clinic provide health and dental"),
    ("Is housing provided?", PAY, "is housing provided"),
    ("What are the next steps?", INTERVIEW, "what are the next steps"),
    ("When is the start date?", INTERVIEW, "when is the start date"),
    ("How many interviews are there?", INTERVIEW, "how many interviews are there"),
    ("Is there a skills test?", INTERVIEW, "is there a skills test"),
    ("What challenges will the successful candidate face?", INTERVIEW,
     "the successful candidate"),
    ("Who does this role report to?", INTERVIEW, "this role report to"),
    ("Why did you want to meet with me?", INTERVIEW, "why did you want to meet with me"),
    ("Is this a budgeted position?", INTERVIEW, "is this a budgeted position"),
    ("Who am I accountable to?", PRESUMES, "who am i accountable to"),
    ("How many hours a week are required?", PRESUMES, "how many hours a week are required"),
    ("What does the onboarding process look like?", PRESUMES,
     "what does the onboarding process look like"),
    ("Should I apply through the careers page?", ASKS,
     "should i apply through the careers page"),
    ("Is there an orientation program for incoming residents?", INTERVIEW,
     "orientation program for incoming residents"),
    ("Do new faculty members receive mentors?", INTERVIEW, "do new faculty members receive"),
    ("What are the hours?", PRESUMES, "what are the hours"),
    ("What is the call schedule?", PRESUMES, "what is the call schedule"),
    ("Do you have a mentorship program?", PRESUMES, "do you have a mentorship program"),
    ("How long is the training?", PRESUMES, "how long is the training"),
    ("What teams do we work with closely?", PRESUMES, "teams do we work with"),
    ("Does your firm offer internships?", ASKS, "does your firm offer internships"),
    ("The posting says to send a writing sample. Is a brief fine?", INTERVIEW,
     "the posting says"),
    # ways in asked in other words: "go about", "apply to work", "what would it take"
    ("How would I go about getting a job at your agency?", ASKS,
     "how would i go about getting a job at your agency"),
    ("How do I apply to work at the hospital?", ASKS, "apply to work at the hospital"),
    ("What would it take for me to get a job here?", ASKS,
     "what would it take for me to get a job here"),
    ("Do you need any volunteers or interns right now?", ASKS,
     "do you need any volunteers"),
    ("How do I get considered for your residency program?", ASKS, "get considered for your"),
    ("Could you set me up with an interview?", ASKS, "set me up with an interview"),
    ("May I leave a resume with you?", RESUME, "leave a resume with you"),
    ("Could you keep my resume on file?", RESUME, "keep my resume on file"),
    ("How much does the company pay its interns?", PAY, "how much does the company pay its"),
    ("What would my career path look like at your firm?", PRESUMES,
     "what would my career path look like"),
    ("How is my application to your residency program being reviewed?", ASKS,
     "my application to your residency program"),
    ("Is your department planning to hire anyone soon?", ASKS,
     "is your department planning to hire"),
    ("Are there any jobs for new grads at your hospital?", ASKS,
     "any jobs for new grads at your hospital"),
    ("Do you accept unsolicited applications?", ASKS, "do you accept unsolicited applications"),
    ("What positions are you currently trying to fill?", ASKS,
     "positions are you currently trying to fill"),
    ("Here is my resume; what do you think of it?", RESUME, "here is my resume"),
    ("How much does an entry-level analyst make at your firm?", PAY,
     "how much does an entry-level analyst make at your firm"),
    ("What would the interview involve?", INTERVIEW, "what would the interview involve"),
    # the kinds drafts-dev's misses showed, in other words than its own
    ("Does your firm take interns?", ASKS, "does your firm take interns"),
    ("How does the hospital handle recruitment?", ASKS, "how does the hospital handle recruitment"),
    ("Can I follow up with you about the position?", ASKS,
     "follow up with you about the position"),
    ("When would you be in touch with me?", INTERVIEW, "when would you be in touch with me"),
    ("What goals have you set for the person in this position?", INTERVIEW,
     "the person in this position"),
    ("Are you the right person to talk to about a job?", ASKS,
     "right person to talk to about a job"),
    ("Who handles hiring for your department?", ASKS, "who handles hiring for your department"),
    ("Which positions do you have open?", ASKS, "positions do you have open"),
    ("Is there a role for someone like me in your lab?", ASKS,
     "a role for someone like me in your lab"),
    ("How should I prepare for the interview with your team?", INTERVIEW,
     "should i prepare for the interview with your"),
    # what drafts ask that the guides' lists do not (the blind sample's dev half)
    ("Who do I need to talk to to get hired?", ASKS, "who do i need to talk to to get hired"),
    ("Who decides whether I get hired?", ASKS, "who decides whether i get hired"),
    ("So, you hiring 1Ls?", ASKS, "you hiring"),
    ("Who determines my performance?", PRESUMES, "who determines my performance"),
    ("What can I accomplish in the first 60 days?", PRESUMES,
     "can i accomplish in the first 60 days"),
    ("How will my work for you further the mission?", PRESUMES, "my work for you"),
    ("Do you have a mandatory drug test?", PRESUMES, "do you have a mandatory drug test"),
    ("Do you sponsor conference tickets?", PAY, "do you sponsor conference"),
    ("How much do you pay a week?", PAY, "how much do you pay a week"),
    ("Is this a firm offer?", INTERVIEW, "is this a firm offer"),
    ("Could you put the offer in writing?", INTERVIEW, "put the offer in writing"),
    ("What notice period do I have to give if I resign?", INTERVIEW,
     "notice period do i have to give"),
    ("How much vacation time do employees get here?", PAY, "vacation time do employees get here"),
    # ways in written without the usual words (written here, none from a corpus)
    ("Do you have any entry level spots open?", ASKS, "do you have any entry level spots open"),
    ("I'm looking for a job - do you know of anything at your agency?", ASKS,
     "know of anything at your agency"),
    ("Would it be possible to work with you this summer?", ASKS,
     "possible to work with you this summer"),
    ("Could you recommend me to someone in recruiting?", ASKS,
     "recommend me to someone in recruiting"),
    ("If I applied, would you put in a word for me?", ASKS, "put in a word for me"),
    ("Could I volunteer at your clinic as a way in?", ASKS, "as a way in"),
    ("Do you accept applications year-round?", ASKS, "do you accept applications year-round"),
    ("What should I put in my cover letter for your company?", ASKS,
     "my cover letter for your company"),
    ("What is the salary for a first-year associate at your firm?", PAY,
     "salary for a first-year associate at your firm"),
    ("How much do new teachers in your district make?", PAY,
     "how much do new teachers in your district make"),
    ("What does the company offer in terms of benefits?", PAY,
     "does the company offer in terms of benefits"),
]  # fmt: skip

LEARNING = [
    "Would it be possible to shadow you this summer?",
    "What is the salary for a first-year associate in this field?",
    "How did you write your cover letter for your first job?",
    "How much vacation do nurses usually get?",  # the field's habits, not a post's
    "What benefits do employees value most?",
    "What are the entry requirements for most residency programs?",
    "Why haven't you been contacted by recruiters?",
    # the asker's own future in the field, which the model alone read as a post's
    "How long will it take me to become a certified paralegal?",
    "How often will I need to renew my license?",
    "If I go into public health, will I be able to work remotely?",
    "Will I have to move to a big city to work in publishing?",
    "How many hours a week can I expect to work as a new nurse?",
    "What can I expect to earn in my first year in this field?",
    "Will I need to relocate to find work in this industry?",
    "What are the normal working hours for a paralegal?",
    "What type of benefits do most firms offer?",
    "If I were to get a job like yours, what would help?",
    "Do employees in this field get good benefits?",
    "Do employees get along?",
    "How long are contracts in this field usually?",
    "Is there a non-compete in most firms?",
    "What were you responsible for in your first job?",
    "How do you see the role of paralegals evolving?",  # the field, not my post
    "How did you see your role changing after the merger?",
    "Tell me about the hiring process in your field.",  # the field's process, not this post
    "How does the hiring process work in most firms?",
    "What salary can someone expect at entry level?",  # the field's pay, not a post's
    "How much do first-year teachers typically make?",
    "How did you get hired at your firm?",
    "How do people usually get hired in this field?",
    "What is the best way to find job openings in this field?",
    "Who do you report to?",
    "How did you tell your manager that you wanted a new role?",  # their own move, not a referral
    "Are there any parking spots at the hospital for visitors?",  # logistics, not a post
    "What kinds of jobs are available in this field?",  # the field's posts, not this one's
    "What training did you get when you started?",  # the interviewee's own start
    "What does the interview process at most firms involve?",  # the field's, not this post's
    "How do associates usually spend their first year?",  # associates in general
    "Do you know if hospitals in general are hiring new grads?",  # the field's hiring
    "How did you know whether you were hiring the right person?",
    "What does a company like yours look for in a new hire?",  # hiring in general
    "What did you need to do to get hired here?",  # the interviewee's own path
    "What was your interview process like when you were hired?",
    "What should a nursing résumé emphasise?",
    "Could you refer me to anyone else I should talk to?",
    "What jobs did you hold before your current position?",
    "When you hire a new graduate, what do you look for?",
    "Would I need a master's degree to advance in this field?",
    "Is there room for growth in this career?",
    "What do you like most about this position?",
    "What are the biggest challenges someone in this role faces?",
    "What support did you get when you started?",
    "What professional associations can I join?",
    "Is travel a big part of this field?",
    "How do my skills fit into this industry?",
    "How many rounds of interviews did you have?",
    "How was your performance measured in your first year?",
    "How did your company sponsor your visa?",
    "What does your manager expect from you?",
    "What skills does the ideal candidate possess?",
    "What would it be like for someone at my level?",
    "What was your first week like?",
    "If I moved into this field, what should I study?",
    "How did your mentor support your growth?",
    "What skills are employers in this field looking for?",
    "How many patients do you see a day?",
    "What did you expect from the academy?",
    # what reach.csv's new patterns must leave alone
    "What skills should I build before applying to firms like yours?",
    "Would I have to relocate to work in this field?",
    "What training would I need to enter this field?",
    "What training would I get if I became a paralegal?",
    "Would you support me in applying to grad school?",
    "Do you have any advice for me?",
    "Why did your previous manager leave?",
    "How did you spend your first six months here?",
    "What should I do in my first two years out of school?",
    "Do you mind if I use your name as a referral?",  # to reach people, not a post
    "What title would I have if I became a manager?",
    "Is there a pension in most government jobs?",
    "Is overtime common in this industry?",
    # what the impersonal patterns must leave alone: the field's pay, the person's own
    "What is the salary range for new nurses in this region?",
    "What is the entry-level compensation?",
    "What is your salary?",
    "What are the benefits of working at a small firm?",
    "What next steps would you suggest for me?",
    "What makes the successful candidate stand out in this field?",
    "Tell me about the position of a nurse manager.",
    "What are the job responsibilities of a paralegal?",
    "How is overtime paid in this industry?",
    "How many hours a week are expected in this field?",
    "What did your previous employer teach you?",
    "How does management train new employees?",
    "How do new teachers usually find a mentor?",
    "What are the working hours in this field?",
    "Did you do an internship?",
    "Are there professional associations that I could join?",
    "What is the best way to get into the field?",
    # an informational interview is this meeting, not a hiring step
    "Could you introduce me to someone else for an informational interview?",
    "Can you set me up with an informational interview with your colleague?",
    "Do you know anyone who would be willing to do an informational interview with me?",
    "Should I bring a resume to the career fair?",
    "How did you get considered for the promotion?",
    "What types of volunteer work would strengthen my application to nursing school?",
    "What would a typical career path look like for me coming from retail?",
    "Do you think firms accept unsolicited applications?",  # the field's habits
    "How much does an entry-level analyst make in this industry?",
    "What positions are you most proud of holding?",
    "How did you prepare for the interview with your firm?",
    "How should I prepare for an interview at a firm like yours?",
    "What does an informational interview usually involve?",
    "What skills matter most for success in this job or career field?",
    "When should I get in touch again?",  # keeping in touch, as the guide says
    "How does recruitment work in this industry?",
    "What do people in this role typically do?",  # anyone in the role, not the hire
    "What skills does a person in this position need?",
    "Who is responsible for hiring in most hospitals?",
    "Are you the right person to talk to about careers in this field?",
]


@pytest.mark.parametrize(("question", "kind", "trigger"), JOB)
def test_job_names_the_kind_and_the_words(question: str, kind: str, trigger: str) -> None:
    assert judge.job(question) == judge.Verdict(kind, trigger)


@pytest.mark.parametrize("question", LEARNING)
def test_job_leaves_learning_questions_alone(question: str) -> None:
    assert judge.job(question) is None


def test_the_need_for_a_post_is_a_noun_not_what_the_person_needed() -> None:
    """The grammar's 'need for this position' is the organisation's need, not the person's
    own path (the model may still weigh "this position"; this is the grammar's part)."""
    assert judge.by_grammar("job", "What training did you need for this position?") is None
    found = judge.by_grammar("job", "What created the need for this position?")
    assert found == judge.Verdict(INTERVIEW, "the need for this position")


# -- the organisation's own name and the workspace's own nouns ------------------------------------


def test_the_interviews_organisation_counts_as_the_organisation() -> None:
    question = "what does kessler health do now?"
    assert judge.online(question) is None
    found = judge.online(question, organisation="Kessler Health LLC")
    assert found == judge.Verdict(WHAT_IT_DOES, "what does kessler health do")


def test_workspace_nouns_teach_the_rule_a_fields_word() -> None:
    assert judge.online("What does your abbey do?") is None
    found = judge.online("What does your abbey do?", words=("abbey",))
    assert found == judge.Verdict(WHAT_IT_DOES, "what does your abbey do")
    assert judge.online("How many abbeys are in the diocese?", words=("abbey", "diocese"))


OTHER_FIELDS_NOUNS = "mosque synagogue temple diocese distillery observatory embassy consulate"
OTHER_FIELDS_NOUNS += " polytechnic daycare dispensary ranch"


@pytest.mark.parametrize("noun", OTHER_FIELDS_NOUNS.split())
def test_an_organisation_of_another_field_is_an_organisation(noun: str) -> None:
    assert judge.online(f"What does your {noun} do?") == judge.Verdict(
        WHAT_IT_DOES, f"what does your {noun} do"
    )
    assert judge.online(f"What do you like about working at your {noun}?") is None


@pytest.mark.parametrize(
    ("question", "tokens"),
    [
        ("What's the firm's mission?", "what is the @org 's mission |"),
        # a list's numbering is not read, and capitals that say nothing about names
        ("(a) Who are your clients?", "who are your clients |"),
        ("1) Who are your clients?", "who are your clients |"),
        ("Q3: Who are your clients?", "who are your clients |"),
        ("WHAT DOES YOUR FIRM DO?", "what does your @org do |"),
        ("What Does a Typical Day Look Like?", "what does a typical day look like |"),
        ("What does Marlow & Reyes LLP do?", "what does @the @org do |"),
        ("Whos the CEO?", "who is the ceo |"),  # a hurried draft's spellings
        ("Is it a 501(c)(3)?", "is it a 501c3 |"),  # a tax status is one word
        ("r u hiring", "are you hiring"),  # "r" is "are" before a person only
        ("Is plan R cheaper?", "is plan r cheaper |"),
        ("wat services do u offer", "what services do you offer"),
        ("how many ppl work there", "how many people work there"),
        ("A 501 (c) (6) or a 501(c)?", "a 501c6 or a 501c |"),
        ("Is it a 501 (c)(4)?", "is it a 501c4 |"),
        ("Is there a 401(k) match?", "is there a 401k match |"),  # a plan's name is one word
        ("What was last year's EBIT?", "what was last year 's ebit |"),  # a term, not a name
        ("A 403 (b)?", "a 403b |"),
        ("can u look at my resume", "can you look at my resume"),
        ("What does the U.S. office do?", "what does the u | s | office do |"),
        ("Who are the firms' clients?", "who are the @org clients |"),
        ("How many people work at Marlow & Reyes LLP?", "how many people work at @the @org |"),
        ("What does the Bank of America do?", "what does the @org do |"),
        ("I'd like to ask: how big is [Company]?", "i'd like to ask | how big is @the @org |"),
        ("What population(s) does it serve?", "what populations does it serve |"),
        ("How many people are in your lab group?", "how many people are in your lab group |"),
        ("What does the ICU do?", "what does the icu do |"),
        ("Is there Charge Pay?", "is there charge pay |"),  # a term in title case
        ("Is there a completion Bonus?", "is there a completion bonus |"),
        ("Do you have Continuous Integration?", "do you have continuous integration |"),
        ("Does Google Pay interns?", "does @the @org interns |"),  # a name before a word
        # a unit word after the kind of body it is names a whole organisation
        ("How big is the fire department?", "how big is the fire @org |"),
        ("Who runs the sheriff's office?", "who runs the sheriff 's @org |"),
        ("Is the medical group growing?", "is the medical @org growing |"),
        ("What does the county health department do?", "what does the @org health @org do |"),
        # ...a company's department or group stays a unit
        ("How big is the marketing department?", "how big is the marketing department |"),
        ("Who leads the engineering group?", "who leads the engineering group |"),
        ("How big is your department?", "how big is your department |"),
    ],
)
def test_the_text_the_grammar_reads(question: str, tokens: str) -> None:
    nouns = judge.compiled().nouns
    units = judge.compiled().units
    assert text.normalise(question, None, nouns, units).text == tokens


# -- the grammar file -----------------------------------------------------------------------------


def test_every_pattern_is_linear_time() -> None:
    """Only possessive or bounded repeats: nothing can backtrack over a long input."""
    for pattern in [*judge.compiled().online.patterns(), *judge.compiled().job.patterns()]:
        source = pattern.pattern
        index, in_class = 0, False
        while index < len(source):
            char = source[index]
            if char == "\\":
                index += 2
                continue
            if in_class:
                in_class = char != "]"
            elif char == "[":
                in_class = True
            elif char in "+*":
                assert source[index + 1 : index + 2] == "+", (
                    f"unbounded repeat at {source[index - 30 : index + 5]!r}"
                )
                index += 1
            elif char == "{":
                assert re.match(r"\{\d+,\d+\}|\{\d+\}", source[index:]), source[index : index + 10]
            index += 1


def test_patterns_survive_long_hostile_input() -> None:
    patterns = [*judge.compiled().online.patterns(), *judge.compiled().job.patterns()]
    for hostile in ("a" * 100_000, "what " * 20_000, "how many " * 11_000, "@org 's " * 12_500):
        for pattern in patterns:
            pattern.search(hostile)
    assert judge.online("what does your " + "very " * 50_000 + "firm do?") is None


def test_a_long_question_is_read_only_so_far() -> None:
    long = "What does your firm do? " + "Why not? " * 10_000
    assert len(text.normalise(long).text.split()) == text.MAX_TOKENS
    assert judge.online(long) == judge.Verdict(WHAT_IT_DOES, "what does your firm do")


@pytest.mark.parametrize(
    ("template", "error"),
    [
        ("what {nowhere} do", "unknown word list {nowhere}"),
        ("what (does) it do", "use (?:...) not (...)"),
        ("what & it do", "cannot read"),
        ("who runs it|{start}who owns it", "{start} must begin the pattern"),
    ],
)
def test_a_bad_template_is_refused(template: str, error: str) -> None:
    with pytest.raises(ValueError, match=re.escape(error)):
        grammar.expand(template, {"org": ("@org",)})


def test_a_pattern_yaml_read_as_a_mapping_is_refused() -> None:
    data = grammar.read_data()
    data["online"][0]["patterns"].append({"what (?": "x"})
    with pytest.raises(ValueError, match="is not a string"):
        grammar.build(data)


@pytest.mark.parametrize(
    ("template", "first"),
    [
        ("what (?:does|do) {det}", {"what"}),
        ("(?:what|which) ~3 {offering}", {"what", "which"}),
        ("(?:the |main )?work that", {"the", "main", "work"}),
        ("{start}(?:are|is) you", {"|", "and", "so", "also", "know", "wonder", "wondering"}),
        ("{org} 's structure", {"@org"}),
        ("non-?compete", {"non-compete", "noncompete"}),
        ("(?:[a-z-]++ )?openings", None),
    ],
)
def test_first_words_of_a_template(template: str, first: set[str] | None) -> None:
    assert grammar.first_words(template, judge.compiled()) == first


def test_the_compiled_grammar_is_the_same_in_every_process() -> None:
    """No set order leaks into the patterns: the judgement is deterministic."""
    script = (
        "import hashlib, infoview.judge as j; g = j.compiled(); "
        "print(hashlib.sha256('|'.join(sorted(p.pattern for r in (g.online, g.job) "
        "for p in r.patterns())).encode()).hexdigest())"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(digests) == 1


# -- compiling: cheap classes, buckets compiled on first use -------------------------------------


def test_a_class_writes_runs_of_three_or_more_as_ranges() -> None:
    assert grammar.klass("\x86\x84\x85\x90\x91") == "[\x84-\x86\x90\x91]"
    assert grammar.klass("\x84\x86", negate=True) == "[^\x84\x86]"
    assert grammar.klass("\x84\x84\x85\x86") == "[\x84-\x86]"
    assert grammar._members("\x84-\x86\x90") == {"\x84", "\x85", "\x86", "\x90"}
    assert grammar._members("a-") == {"a", "-"}


def test_the_small_words_make_one_range_each() -> None:
    """{mod} and {gap3} are each the clause mark and one run of neighbouring characters."""
    built = judge.compiled()
    for name, words in (("mod", grammar._SMALL_WORDS), ("gap3", grammar._GAP_WORDS)):
        expanded = grammar._Compiler(built.words, built.nouns, built.units).expand("{" + name + "}")
        chars = sorted(built.code[w] for w in words)
        assert expanded == f"[^\x80{chars[0]}-{chars[-1]}]{{0,{3 if name == 'gap3' else 2}}}"
        assert [ord(c) for c in chars] == list(range(ord(chars[0]), ord(chars[0]) + len(chars)))


def test_words_take_latin_1_characters_first_then_private_use_ones() -> None:
    compiler = grammar._Compiler({}, frozenset(), frozenset())
    assert [compiler.code[w] for w in (grammar.BAR, text.ORG, text.THE)] == ["\x80", "\x81", "\x82"]
    assert compiler.other == "\x83"
    first = compiler.code[grammar._SMALL_WORDS[0]]
    assert first == "\x84"
    points = sorted(ord(c) for c in compiler.code.values())
    assert points == [0x80, 0x81, 0x82, *range(0x84, 0x84 + len(points) - 3)]
    while len(compiler.code) < 0x7E:
        compiler.char(f"w{len(compiler.code)}")
    assert compiler.char("last-latin") == "\xff"
    assert compiler.char("first-private") == chr(0xE100 + 0x80)
    compiler.code.update({f"x{n}": "?" for n in range(0xF8FF - 0xE100 - 0x81)})
    assert compiler.char("last-private") == "\uf8ff"
    with pytest.raises(ValueError, match="more words than private-use characters"):
        compiler.char("one-too-many")


def test_buckets_compile_when_a_question_first_needs_them() -> None:
    built = grammar.build(grammar.read_data())
    buckets = {
        id(b): b for r in (built.online, built.job) for bs in r.by_first.values() for b in bs
    }
    unless = [g.unless for r in (built.online, built.job) for g in r.groups if g.unless]
    lazy = [*buckets.values(), *unless]
    assert all(b._compiled is None for b in lazy)
    question = judge.normalise("Who would I report to?", None, built.nouns, built.units)
    code = built.encode(question.words)
    assert judge._judge(built.job, judge._Read(question, code)) == judge.Verdict(
        "presumes you already hold the post", "who would i report to"
    )
    used = [b for b in lazy if b._compiled is not None]
    assert 0 < len(used) < len(lazy)
    kept = {id(b): b._compiled for b in used}
    built.compile_all()
    assert all(b._compiled is not None for b in lazy)
    assert all(b._compiled is kept[id(b)] for b in used)  # compiled once, then kept
    assert {p.pattern for p in built.job.patterns()} >= {b.source for b in used}


def _doc_examples(code: str, heading: str) -> list[str]:
    from infoview.lint import registry

    doc = registry.RULES[code].doc
    block = doc.split(heading + "::", 1)[1].split("::", 1)[0]
    lines = [line.strip() for line in block.splitlines() if line.strip().startswith("- ")]
    return [re.sub(r"\s{2,}\(.*\)$", "", line[2:]) for line in lines]


@pytest.mark.parametrize(("code", "rule"), [("IV303", "online"), ("IV304", "job")])
def test_the_rule_docs_examples_are_judged_as_they_say(code: str, rule: str) -> None:
    """`infoview rules IV303` and `IV304` show examples; each is judged as it is shown."""
    passing, failing = _doc_examples(code, "Passing"), _doc_examples(code, "Failing")
    assert len(passing) >= 4 and len(failing) >= 7
    judge_one = judge.online if rule == "online" else judge.job
    assert [q for q in passing if judge_one(q)] == []
    assert [q for q in failing if not judge_one(q)] == []


def test_a_staff_turnover_rate_is_not_the_organisations_turnover() -> None:
    """In British English turnover is revenue, but a turnover rate is staff leaving."""
    assert judge.by_grammar("online", "What is the company's turnover?") is not None
    assert judge.by_grammar("online", "What is the company's turnover rate?") is None
    assert judge.by_grammar("online", "What was last year's turnover rate at the firm?") is None


def test_the_field_as_a_whole_clears_the_model_but_not_a_post_at_the_organisation() -> None:
    """The model reads "will I" as a post's future; a question about the field is fine."""
    grammar = judge.compiled()
    field = "How long will it take me to become a certified paralegal?"
    post = "If I become a nurse at your hospital, will I work nights?"
    assert grammar.job.about_the_field(judge._read(field, None, ()).code)
    assert not grammar.job.about_the_field(judge._read(post, None, ()).code)
    assert judge.job(field) is None
    assert judge.job(post) is not None


def test_what_something_is_like_clears_the_model_but_not_the_grammar() -> None:
    """ "What are X like?" asks an opinion: the model's IV303 verdict on it does not stand."""
    from infoview.judge import model

    opinion = "What are the company's senior leaders like?"
    threshold = model.load().rules["online"].threshold
    assert judge.score("online", opinion) >= threshold  # the model alone would flag it
    assert judge.online(opinion) is None
    assert judge.online("What are the company's values?") is not None
    assert judge.online("What is the hospital like? How many beds does it have?") is not None


@pytest.mark.parametrize(
    ("question", "trigger"),
    [
        ("Is the unit hiring new grads?", "is the unit hiring"),
        ("Is the team taking on interns this summer?", "is the team taking on interns"),
        ("Is this department recruiting?", "is this department recruiting"),
    ],
)
def test_a_unit_that_is_hiring_is_a_way_into_a_post(question: str, trigger: str) -> None:
    assert judge.job(question) == judge.Verdict("asks for a job or a way into one", trigger)
    assert judge.job("Is the team growing?") is None


def test_pay_at_the_organisation_may_name_the_post_in_four_words() -> None:
    found = judge.job("What would I earn as a Part 1 at your practice?")
    assert found == judge.Verdict(
        "asks what you would be paid", "what would i earn as a Part 1 at your practice"
    )
    assert judge.by_grammar("job", "What would I make of the culture here?") is None


# The ninth round's kinds (tests/data/README.md), in words no corpus row uses.
NINTH_ONLINE = [
    (
        "Which cheeses does the creamery produce?",
        "products",
        "which cheeses does the creamery produce",
    ),
    ("Does the co-op stock organic feed?", "products", "does the co-op stock organic feed"),
    (
        "Do you offer business accounts or only personal ones?",
        "products",
        "do you offer business accounts or only",
    ),
    (
        "Does the conference centre have event and banquet facilities?",
        "products",
        "does the conference centre have event and banquet facilities",
    ),
    ("Where are the orchards?", "where", "where are the orchards"),
    ("Which field offices are based in Ohio?", "where", "which field offices are based in"),
    ("HQ where?", "where", "hq where"),
    ("Is the bakery family-owned?", "owns", "is the bakery family-owned"),
    ("Is the hotel part of a larger chain?", "owns", "is the hotel part of"),
    ("Fleet size?", "size", "fleet size"),
    ("Circulation?", "size", "circulation"),
    ("No. of stores?", "size", "number of stores"),
    ("How many trucks are in the fleet?", "size", "how many trucks are in the fleet"),
    ("How many years in business?", "old", "how many years in business"),
    (
        "What does the parish do for the community?",
        "does",
        "what does the parish do for the community",
    ),
    ("# of attorneys firm-wide", "size", "number of attorneys firm-wide"),
    ("What drugs are in the pipeline?", "publishes", "what drugs are in the pipeline"),
    ("I wanna know what the company sells", "does", "what the company sells"),
    ("CEO of Brightline?", "owns", "ceo of Brightline"),
    ("Is it one of the Big Four?", "owns", "is it one of the Big Four"),
    ("Founded?", "old", "founded"),
    ("How did the clinic get its start?", "old", "how did the clinic get its start"),
]


NINTH_JOB = [
    ("What hourly rate would you offer me?", "paid", "what hourly rate would you offer me"),
    ("How much would I take home each week?", "paid", "how much would i take home"),
    (
        "Will the company provide help with relocation costs?",
        "paid",
        "will the company provide help with relocation costs",
    ),
    ("Is the apprenticeship still open?", "way into", "is the apprenticeship still open"),
    ("Any way in for someone like me?", "way into", "any way in for someone like me"),
    ("Could I stay on as staff after my placement?", "way into", "stay on as staff"),
    ("Would you put me on the night crew?", "way into", "put me on the night crew"),
    ("Do you need an extra pair of hands?", "way into", "do you need an extra pair of hands"),
    ("Do I get my own laptop?", "presumes", "do i get my own laptop"),
    ("Will I get a company van?", "presumes", "will i get a company van"),
    (
        "Which station would I be working out of?",
        "presumes",
        "which station would i be working",
    ),
    ("Are salaries negotiable at your company?", "paid", "salaries negotiable at your company"),
    (
        "What does the firm pay paralegals starting out?",
        "paid",
        "what does the firm pay paralegals starting out",
    ),
    (
        "Do you do a technical test for new developers?",
        "presumes",
        "do you do a technical test for new developers",
    ),
    (
        "How long does it take to hear back after applying to the agency?",
        "presumes",
        "hear back after applying to the agency",
    ),
    (
        "Are there any part-time gigs going in the kitchen?",
        "way into",
        "any part-time gigs going",
    ),
    ("Do you take on apprentices from the college?", "way into", "do you take on apprentices"),
    ("Could I freelance for your magazine?", "way into", "could i freelance for your magazine"),
    ("When would I start if you took me on?", "way into", "if you took me on"),
    ("Would I get a commission on each sale?", "paid", "would i get a commission on"),
    (
        "When does the agency send out offers?",
        "way into",
        "when does the agency send out offers",
    ),
]


NINTH_FINE = [
    "What advice would you give me?",  # "would you give me" is no pay
    "Where are the best places to train?",
    "Do you have a favorite year of school?",  # a school is no facility
    "What do you grow in your own garden?",
    "Is the work stressful or just busy?",
    "How many beds are on your unit?",  # a unit's size
    "Did you stay on after your internship?",  # the person's own path
    "Do I need my own license to work in this field?",
    "Where are you in your career (emerging, established, mid-career)?",  # not "est."
    "I have no. Of course not.",  # not "No. of"
    "Would you put me in touch with someone in marketing?",
    "Are salaries negotiable in this field?",
    "What do firms usually pay paralegals?",  # the field's pay
    "How long did it take you to hear back after applying?",
    "What's in the pipeline for your career?",
    "What kinda work do you like best?",
    "When do firms usually make offers?",
    "Is the certification worth it?",  # an opinion, though the model reads "worth"
    "When did you get your start?",
]


# The tenth round's kinds (tests/data/tenth.csv, tenth-dev), each in words of its own
TENTH_ONLINE = [
    (
        "What's the branch count for the bank these days?",
        SIZE,
        "what is the branch count for the bank these days",
    ),
    ("# employees?", SIZE, "number of employees"),
    (
        "The total number of nurses employed by the trust hospital?",
        SIZE,
        "the total number of nurses employed by the trust hospital",
    ),
    ("Who is in charge of the police force?", OWNERS, "who is in charge of the police force"),
    (
        "How many firefighters does the brigade have?",
        SIZE,
        "how many firefighters does the brigade have",
    ),
    ("Does the firm chiefly act for insurers?", WHAT_IT_DOES, "does the firm chiefly act for"),
    (
        "What is the agency actually responsible for?",
        WHAT_IT_DOES,
        "what is the agency actually responsible for",
    ),
    (
        "Which plays are on at the theatre this season?",
        OFFERS,
        "which plays are on at the theatre this season",
    ),
]
TENTH_JOB = [
    (
        "Could I talk to your recruiter about the analyst job?",
        ASKS,
        "talk to your recruiter about the analyst job",
    ),
    ("How would I get onto the supply teacher list?", ASKS, "get onto the supply teacher list"),
    ("What would you pay someone with my experience?", PAY, "what would you pay someone with my"),
    (
        "How much would I make as a junior planner at your council?",
        PAY,
        "how much would i make as a junior planner at your council",
    ),
    ("Would I have a shot at your studio?", ASKS, "would i have a shot at your studio"),
    (
        "Should I apply for the posting on your careers page?",
        ASKS,
        "should i apply for the posting",
    ),
    ("Is the placement I'm going for mostly desk-based?", ASKS, "the placement i'm going for"),
    ("Could your lab use someone like me?", ASKS, "could your lab use someone like me"),
    ("Who'd be supervising me on the ward?", PRESUMES, "who'd be supervising me"),
    (
        "Who signs my timesheets once I start at the hospital?",
        PRESUMES,
        "once i start at the hospital",
    ),
    ("Can I email you my writing samples?", RESUME, "email you my writing samples"),
    (
        "Is there an opening for someone with my skills at the firm?",
        ASKS,
        "an opening for someone with my skills at the firm",
    ),
]


TENTH_FINE = [
    "How big is the oncology department at your hospital?",  # a department's size
    "How large is your team?",
    "How did you land your role at the bank?",  # the person's own way in
    "Did the firm hire you straight out of school?",
    "Should I focus on building my portfolio?",  # advice, nothing handed over
    "What should a designer's portfolio show?",
    "What is your Job Title?",  # a title-cased word is no name
    "What do new paralegals earn in this field?",
    "When you started at the firm, who trained you?",
    "Do many people get hired off the sub list?",
]


# The eleventh round's kinds (tests/data/eleventh.csv, eleventh-dev), each in words of its own
ELEVENTH_ONLINE = [
    (
        "Does the museum depend mainly on private donors?",
        STRUCTURE,
        "does the museum depend mainly on private donors",
    ),
    ("Is the label a subsidiary of a bigger group?", OWNERS, "is the label a subsidiary of"),
    ("Parent company?", PUBLISHED, "parent company"),
    ("Visiting hours at the hospital?", PUBLISHED, "visiting hours at the hospital"),
]
ELEVENTH_JOB = [
    # probed beside the round, when the calendar's capitals stopped reading as names
    ("Are there summer internships at the firm?", ASKS, "are there summer internships at the firm"),
    ("Could I start in September?", PRESUMES, "could i start in september"),
    ("What would you ask me if I applied here?", PRESUMES, "if i applied here"),
    ("If I got the offer, which team would I join?", PRESUMES, "if i got the offer"),
    ("Would I have to work shifts at the plant?", PRESUMES, "would i have to work shifts"),
    (
        "What's the starting salary for a junior designer at your studio?",
        PAY,
        "starting salary for a junior designer at your studio",
    ),
]


ELEVENTH_FINE = [
    "What's your take on the hospital's new wing?",  # an opinion
    "What is the firm's reputation among young lawyers?",
    "What doesn't the website tell you about the company?",
    "Are bootcamps a good way into tech?",  # the field's way in
    "What's the starting salary for a junior designer in this field?",
    "Does the company have any co-op students this term?",
]


# The twelfth round's kinds (tests/data/twelfth.csv, twelfth-dev), each in words of its own
TWELFTH_JOB = [
    ("How long has the staff nurse vacancy been open?", INTERVIEW, "the staff nurse vacancy"),
    ("Who does the data analyst post report to?", INTERVIEW, "the data analyst post report"),
    ("When will you decide?", INTERVIEW, "when will you decide"),
    ("Have you shortlisted anyone yet?", INTERVIEW, "shortlisted anyone yet"),
    ("What should whoever gets the role focus on first?", INTERVIEW, "whoever gets the"),
    ("What will the successful candidate find hardest?", INTERVIEW, "the successful candidate"),
    ("Where could the job lead after two years?", INTERVIEW, "where could the job lead"),
    ("How soon would I get to run my own cases?", PRESUMES, "how soon would i get to"),
    (
        "What clearance would it need, and would you sponsor mine?",
        PRESUMES,
        "would you sponsor mine",
    ),
    (
        "Which client accounts would I be assigned?",
        PRESUMES,
        "which client accounts would i be assigned",
    ),
]


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        # a preamble set apart by a semicolon or a dash: the question after it is judged
        # alone too, where the item read whole gives no verdict
        (
            "I loved your talk on rural clinics, it really stuck with me and my classmates;"
            " which airports does the charter company operate out of?",
            "which airports does the charter company operate out of?",
        ),
        (
            "Your newsroom tour was fun and I learned a lot about the night desk, thank you;"
            " when was the magazine first published?",
            "when was the magazine first published?",
        ),
    ],
)
def test_a_question_after_a_preamble_is_judged_alone(question: str, asked: str) -> None:
    assert judge.questions(question) == (asked,)
    assert judge.by_grammar("online", question) is None
    assert judge.by_model("online", question) is None
    assert judge.online(question) == judge.online(asked) is not None


TWELFTH_FINE = [
    "How did you find the opening that led to this job?",  # their own way in
    "How did you hear about the vacancy you applied for?",
    "When will you decide whether to retire?",
    "How do hospitals usually hire new graduate nurses?",  # the field's way of hiring
    "What types of jobs do nonprofits hire for?",
    "How did you land your training contract — was it through a vacation scheme?",
]


# The later rounds (tests/data/README.md): each kind in words of its own, and look-alikes
LATER_KINDS = [("online", *case) for case in (*NINTH_ONLINE, *TENTH_ONLINE, *ELEVENTH_ONLINE)]
LATER_KINDS += [("job", *case) for case in (*NINTH_JOB, *TENTH_JOB, *ELEVENTH_JOB, *TWELFTH_JOB)]


@pytest.mark.parametrize(("rule", "question", "kind", "trigger"), LATER_KINDS)
def test_the_later_rounds_kinds(rule: str, question: str, kind: str, trigger: str) -> None:
    found = judge.by_grammar(rule, question)
    assert found is not None and kind in found.kind and found.trigger == trigger


@pytest.mark.parametrize("question", [*NINTH_FINE, *TENTH_FINE, *ELEVENTH_FINE, *TWELFTH_FINE])
def test_the_later_rounds_look_alikes_stay_fine(question: str) -> None:
    assert judge.online(question) is None and judge.job(question) is None
