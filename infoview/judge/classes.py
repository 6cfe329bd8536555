"""Word classes the judge's linear model reads beside the grammar's lists (data only).

The phrase grammar's word lists (``infoview/data/judge.yaml``) name what its patterns
need: organisation nouns, leaders, posts. The model generalises from a few hundred
labelled questions, and a word it never saw in training carries no weight, so a question
that says "headquartered" where training said "located", or "PTO" where it said
"vacation", scored as if it said nothing. These classes group the words by what they
are about, so that the class carries what the training learnt and any of its words
brings it (:mod:`infoview.judge.features` reads them as ``c:k_money``... features, with the
pairs and markers built from classes).

The lists follow the labelling principle (``tests/data/README.md``): the facts an
organisation publishes about itself (money, structure, places, age, owners, leaders,
size, whom it serves, what it offers, its mission), what a holder of a post is told
(benefits, pay, the hiring process, a résumé, a first day, a contact's help), and the
field as a whole and advice, which stay fine. They were written from that principle and
from dictionaries of each kind, not from the questions the judge misses; words that fine
questions use as often as the kind's ("started", "software", "options", a bare "leave" or
"apply") are left out, since a class weighs all its words alike. A word may be in
more than one class; a phrase of two or three words (written with ``|`` between its
words) is matched before its words.

Changing a list means retraining (``make judge-train``): the weights name the classes.
"""

from __future__ import annotations

MONEY = """revenue revenues income profit profits profitable profitability budget budgets
assets asset funding funded funds fund finances financial financially financed sales
turnover earnings endowment capital valuation worth stock shares shareholder shareholders
dividend dividends margin margins debt donations donors grants grant fundraising money
circulation billings volume|of|business
financials billing billed funder funders
philanthropy appropriations tax-exempt price prices pricing fees
annual|report annual|reports operating|budget market|cap market|capitalization
bottom|line revenue|stream"""

STRUCTURE = """structure structured organized organised hierarchy divisions division
subsidiaries subsidiary affiliates affiliate chapters departments branches parent merger
merged acquisition acquired acquisitions segment segments governance governed
org|chart organizational|chart organisational|chart reporting|structure
branch wings consortium federation conglomerate holding
partnership franchise franchises franchised cooperative co-op corporation llc llp
sister|companies sister|company nonprofit|status business|units business|unit"""

PLACE = """located location locations headquartered headquarters hq based offices plant
plants site sites campus campuses facility facilities international internationally
abroad global globally overseas nationwide countries country regions region
home|office head|office
city cities states county counties stores outlets branch
footprint presence territory territories situated satellite
where|located operate|in operates|in"""

AGE = """founded founding founder founders established began existence existed origin
origins inception incorporated history historical in|business been|around how|old
how|long
anniversary opened launched formed formation oldest
newest heritage legacy tradition date|back dates|back years|old"""

OWNER = """own owns owned owner owners ownership public publicly private privately traded
listed parent family-owned for-profit shareholder shareholders investors investor backed
backers publicly|traded privately|held
belongs belong stake proprietor cooperative member-owned employee-owned
state-owned government-owned nonprofit non-profit not-for-profit ipo ticker
nasdaq nyse for|profit not|for|profit"""

LEAD = """ceo president chair chairman chairwoman director directors head heads leads
leader leaders leadership runs manages management executive executives board trustees
founder principal superintendent dean pastor rector commissioner mayor
cfo coo cto cmo cno vp chairperson chancellor provost
administrator administrators bishop governor trustee elected
vice|president executive|director managing|partner senior|partner chief|executive
chief|of|staff head|of|school medical|director board|of|directors in|charge
top|management senior|leadership leadership|team c-suite"""

SIZE = """size largest biggest headcount employees employ employs
workforce membership enrollment enrolment beds how|many how|big how|large number|of
personnel capacity scale fte ftes bed|count square|feet
number|of|employees"""

SERVE = """clients client customers customer serve serves served serving audience
audiences users patrons markets market population populations community communities
demographic demographics readers readership viewers listeners congregation
customer|base client|base
clientele constituents stakeholders beneficiaries buyers consumers subscribers
visitors guests citizens taxpayers parishioners tenants target|market
target|audience sell|to"""

OFFER = """products product services service offer offers offered offering offerings sell
sells sold manufacture manufactures produce produces provide provides programs program
programme programmes lines brands solutions goods specialize specialise specializes
specialises specialty specialties practice|areas areas|of|practice
catalog catalogue menu repertoire exhibits exhibitions
curriculum treat treats therapies publishes publications
practice|area clinical|trials
line|of|business lines|of|business research|areas"""

MISSION = """mission vision values purpose motto philosophy aims objectives mandate
charter
core|values mission|statement vision|statement credo creed beliefs doctrine
denomination affiliation affiliated ethos stands|for"""

BENEFIT = """benefits benefit vacation pto holidays sick insurance medical dental
coverage retirement pension 401k 401(k) housing relocation perks perk allowance stipend
reimbursement reimburse parking overtime bonus bonuses time|off paid|time|off sick|days
health|insurance
equity vesting vest rsu rsus espp tuition tuition|reimbursement
loan|repayment loan|forgiveness parental|leave maternity paternity childcare daycare gym
wellness commuter transit disability life|insurance 403b 403(b) matching
sign-on signing|bonus sign-on|bonus differential shift|differential per|diem expenses
expense mileage uniform uniforms meals discount discounts sabbatical flextime
days|off personal|days paid|leave sick|leave family|leave
medical|leave annual|leave leave|policy comp|time hazard|pay accrue accrual accrued
stock|options"""

PAY = """salary salaries pay paid paying wage wages compensation raise raises rate rates
stipend negotiable negotiate starting|salary
earn earning earnings hourly annually per|hour an|hour base|salary base|pay
salary|range pay|range pay|scale pay|grade merit commission commissions payment payments
paycheck paychecks payday pay|period remuneration package negotiation gratuity
cost|of|living"""

HIRE = """hire hiring hired recruit recruiting recruitment openings opening vacancy
vacancies applicant applicants candidate
candidates interview interviews interviewing posting postings considered referral refer
reference references employment
selection selected shortlist
shortlisted recruiter recruiters headhunter hiring|manager offer|letter
background|check start|date job|posting open|position open|positions next|round
foot|in consider|me"""

CV = """résumé résumés resume resumes resumé cv cvs portfolio transcript transcripts
cover|letter cover|letters
credentials letter|of|recommendation writing|sample writing|samples work|samples
linkedin|profile application|materials demo|reel reel headshot"""

START = """onboarding orientation probation probationary report reporting supervisor
manager boss expectations expected evaluated evaluation first|day first|week
first|month first|year"""

HELP = """introduce introduction connect forward pass send call contact behalf recommend
recommendation vouch
introductions pass|along pass|on submit
good|word connect|me"""

FIELD = """field fields industry industries career careers profession professions
occupation occupations sector sectors someone anyone graduate graduates entry-level
newcomer newcomers beginner beginners generally typically usually typical general most
line|of|work job|market job|search
discipline trade average median nationally statewide
junior early-career national|average market|rate going|rate in|general most|people
new|grads new|graduates entry|level early|career"""

ADVICE = """advice advise tips tip recommend recommendations suggest suggestions should
read prepare preparing ready skills courses classes certification certifications degree
degrees learn improve background experience strengths weaknesses
wish knew resources books websites associations conferences mentor mentors
networking volunteer volunteering best|way if|you|were"""

# An opinion or stance, which only the person can give ("where does the firm stand on").
OPINION = """think thinks feel feels view views opinion opinions stand stance approach
attitude attitudes believe perceive perceived culture morale atmosphere like enjoy
favorite favourite prefer"""


# What the principle keeps fine although it is about the organisation as a whole: its
# culture, its strategy and where it is heading, its competitors.
INSIDE = """culture cultures strategy strategies strategic competitor competitors competition
direction changing
challenges challenge problems issues obstacles priorities plans future trends
trend growing growth evolving evolve changes changed shifting goals"""


# What the person met does in their own work ("how many people do you *manage*", "how many
# clients do you *see*"): asked of "you" it is their own day; asked of the organisation
# ("how many patients does the hospital see") its size. The pairs tell the two apart.
OWN_WORK = """manage managing supervise supervising oversee overseeing mentor mentoring
coach coaching teach teaching treat treating handle handling juggle juggling carry
cover covering advise advising counsel counseling counselling see seeing train
work|with deal|with care|for look|after interact|with meet|with"""


# The class names the features use (``c:k_money``...), in a fixed order.
def _entries(text: str) -> tuple[str, ...]:
    """A class's words; ``|`` joins the words of a phrase ("time|off")."""
    return tuple(word.replace("|", " ") for word in text.split())


CLASSES: dict[str, tuple[str, ...]] = {
    "k_money": _entries(MONEY),
    "k_structure": _entries(STRUCTURE),
    "k_place": _entries(PLACE),
    "k_age": _entries(AGE),
    "k_owner": _entries(OWNER),
    "k_lead": _entries(LEAD),
    "k_size": _entries(SIZE),
    "k_serve": _entries(SERVE),
    "k_offer": _entries(OFFER),
    "k_mission": _entries(MISSION),
    "k_benefit": _entries(BENEFIT),
    "k_pay": _entries(PAY),
    "k_hire": _entries(HIRE),
    "k_cv": _entries(CV),
    "k_start": _entries(START),
    "k_help": _entries(HELP),
    "k_field": _entries(FIELD),
    "k_advice": _entries(ADVICE),
    "k_opinion": _entries(OPINION),
    "k_inside": _entries(INSIDE),
    "k_own_work": _entries(OWN_WORK),
}
