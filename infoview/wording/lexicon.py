"""The words ``voice`` judges by: which "you" is an object, which first word is advice.

Data only, so a newcomer can see why a takeaway was read as it was and change the
judgement without touching the engine. Every entry is lower case. The corpus that
exercises these lists is ``tests/data/takeaways.toml``.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# "... to you", "... with you": after these, "you" is an object ("me").
OBJECT_PREPOSITIONS = words(
    """
    to for with at about from of on by into onto upon toward towards against without
    behind beside besides around near over under through between among amongst via per
    within beyond across along despite except inside outside past alongside unlike
    """
)

# "before you graduate" (subject) but "earlier than you" (object): decided by what follows.
CONJUNCTION_PREPOSITIONS = words("after before since until till than as like once")

# After these a clause starts, so "you" is its subject ("I").
CLAUSE_OPENERS = words(
    """
    that if when whenever what whatever which who where wherever while whilst because so
    and but or nor unless though although whether how why then yet lest even also only
    maybe perhaps cause once
    """
)

# "let you", "tell you", "gives you": a verb whose object "you" is ("me").
OBJECT_VERBS = words(
    """
    tell told tells telling give gave gives giving show showed shows let lets make makes
    made help helps helped ask asks asked teach taught teaches get gets got keep keeps kept
    push pushes pushed see saw sees seen want wants wanted need needs needed pay pays paid
    hire hires hired expect expects expected remind reminds reminded cost costs serve serves
    served save saves saved protect protects protected prepare prepares prepared train
    trains trained trust trusts trusted call calls called email emails emailed thank thanks
    introduce introduces introduced refer refers referred connect connects connected put
    puts take takes took bring brings brought follow follows followed hurt hurts burn burns
    drain drains drained surprise surprises surprised set sets send sends sent offer offers
    offered lead leads led guide guides guided mentor mentors mentored support supports
    supported judge judges judged know knows knew like likes love loves find finds found
    catch catches caught leave leaves left stop stops stopped allow allows allowed force
    forces forced encourage encourages encouraged invite invites invited notice notices
    noticed remember remembers hold holds held wear wears wore drive drives drove change
    changes changed value values valued reward rewards rewarded slow slows slowed
    """
)

# Words that start a verb phrase: after "you" they make it a subject ("you can" -> "I can").
VERB_SIGNALS = words(
    """
    can could will would should shall may might must do does did don't doesn't didn't
    can't cannot won't wouldn't shouldn't couldn't have had has haven't hadn't are were
    aren't weren't need needs want wanted get got go went know knew think thought feel felt
    like love hate start started learn learned see saw find found work worked choose chose
    pick picked take took make made become became already also really actually just still
    never always only probably first ever end ended graduate graduated apply applied
    decide decided move moved plan planned schedule study studied stay stayed try tried
    ask asked join joined spend spent keep kept build built get enjoy enjoyed prefer
    """
)

# Auxiliaries and copulas: "Email is ..." starts with a noun, not advice.
NOT_ADVICE_SECOND = words(
    """
    is are was were has have had can could will would should may might must does do did
    's isn't aren't wasn't weren't takes needs makes gets comes goes matters means helps
    pays depends counts works requires involves leads runs starts looks feels seems
    """
)

# A first word that is advice whatever follows (unless an auxiliary does: "Work is ...").
ADVICE_VERBS = words(
    """
    accept aim apply ask attend avoid be become begin bring buy choose come consider
    continue create decide develop do expect explore find focus follow get give go grab
    have identify join keep know learn let listen look make meet move negotiate observe
    pick prepare prioritize prioritise pursue put read reach remember say seek sit skip
    speak spend stay stick stop take tell think treat try understand use wait write pace
    protect push save bring build collect compare connect find get hold introduce
    leave limit offer practise pay prepare proofread shoot ask tailor thank update wear
    double-check cross-train sign set send submit dress arrive mention highlight quantify
    earn finish complete pass register enrol enroll subscribe cultivate rehearse revise
    edit memorize memorise master search target narrow broaden specialize specialise
    quit ignore resist forget remain imagine assume invest spend charge decline refuse
    explain describe rewrite reread verify confirm triple-check label organise organize
    bookmark delegate own teach mentor contribute publish share breathe rest sleep eat
    carry pack hire lean ship measure automate pair sketch attend interview
    """
)

# A first word that is a verb or a noun ("Practice makes perfect", "Practice your pitch"):
# advice only when the next word starts its object or adverb (below).
AMBIGUOUS_VERBS = words(
    """
    work plan study practice schedule network document contact shadow call visit
    volunteer watch track check start show talk review answer email train test rotate file
    draft record book list map note lead run research budget time present bid chart
    """
)
OBJECT_STARTS = words(
    """
    the a an my your every each all some any this that these those one two three as at to
    for with on in up out off over around early first yourself it them someone people
    everything anything more less ahead back down through closely hard carefully often
    regularly now before after when if about into both
    """
)

# "a thank-you note": after "thank you", these make it a noun, not advice or the student.
THANK_YOU_NOUNS = words("note notes card cards email emails letter letters gift gifts")

# Prefixes that keep a sentence advice: "Don't ...", "Never ...", "Always ...".
NEGATIONS = {"don't": "not", "dont": "not", "never": "never"}
ADVICE_PREFIXES = words("always just please definitely really")

# "You should ...", "You need to ...": the student's own advice to themselves.
MODAL_ADVICE = (
    ("should",),
    ("need", "to"),
    ("have", "to"),
    ("must",),
    ("ought", "to"),
    ("might", "want", "to"),
    ("may", "want", "to"),
    ("will", "want", "to"),
    ("want", "to"),
)

# Reporting the interviewer in the third person: "She said ...", "Dana recommended ...".
REPORTING_VERBS = words(
    """
    said says told tells mentioned mentions explained explains stressed stresses
    emphasized emphasizes emphasised emphasises noted notes thinks thought believes
    believed feels felt recommended recommends suggested suggests advised advises urged
    urges encouraged encourages warned warns insisted insists
    """
)
RECOMMENDING = words(
    """
    recommended recommends suggested suggests advised advises urged urges encouraged
    encourages warned warns insisted insists
    """
)
# A sentence that opens with one of these and a comma may put its advice second:
# "If you're nervous, volunteer to take minutes first."
CONDITIONS = words("if when whenever once before after until unless while")
THIRD_PERSON = {
    "she": "you",
    "he": "you",
    "his": "your",
    "him": "you",
    "herself": "yourself",
    "himself": "yourself",
    "hers": "yours",
}

# First words that may be lower-cased inside a sentence ("... that the first year is hard").
# Anything else (a name, "Epic", "NCLEX") keeps its capital, and the note frames it after a
# colon instead.
LOWERABLE = words(
    """
    the a an most many some every each all any it its this that these those there here
    my if when while once before after because even though although so what how why
    nobody everyone everybody no none nothing everything something anyone people do does
    did is are was were can could will would should have has had good great new first
    being getting having working doing your you you're you'll you've one two three half
    more less much only not never always often am was were isn't aren't wasn't weren't
    """
)
