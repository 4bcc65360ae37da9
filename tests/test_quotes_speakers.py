"""Attribution rules one at a time: who a cue, a pronoun, a role noun or an epithet points to,
and when the answer is nobody."""

from __future__ import annotations

import pytest

from dossier import nlp
from dossier.curation import Curation
from dossier.extract.actors import extract_actors
from dossier.extract.quotes import extract_quotes
from dossier.link.actors import link_actors
from dossier.model import Extraction
from tests.quotes_support import article_from_text, extract

SAID = '"The talks will resume next week in Geneva,"'
FILLER = "The rain kept falling on the city all afternoon."

SPEAKERS = [
    # (paragraphs, speaker of the last quote, method)
    ([f"{SAID} Maria Lopez said."], "Maria Lopez", "explicit"),
    ([f"{SAID} said Maria Lopez, the foreign minister."], "Maria Lopez", "explicit"),
    ([f"{SAID} Maria Lopez, the foreign minister, said."], "Maria Lopez", "explicit"),
    ([f"{SAID} the foreign minister, Maria Lopez, said."], "Maria Lopez", "explicit"),
    ([f"Maria Lopez told reporters on Monday that {SAID[:-2]}.\""], "Maria Lopez", "explicit"),
    ([f"Foreign Minister Maria Lopez told reporters: {SAID[:-2]}.\""], "Maria Lopez", "explicit"),
    (["Maria Lopez met John Smith on Monday.", f"{SAID} she said."], "Maria Lopez", "pronoun"),
    (["Maria Lopez met John Smith on Monday.", f"{SAID} he said."], "John Smith", "pronoun"),
    (["Mr Alvaro Gomez met Kim Lee on Monday.", f"{SAID} she said."], "Kim Lee", "pronoun"),
    (["The spokeswoman, Dana Cole, spoke after Tom Reed.", f"{SAID} she said."], "Dana Cole", "pronoun"),
    (["Grushko spoke to reporters in Moscow.", f"{SAID} she said."], "Grushko", "pronoun"),  # gender unknown
    (["John Smith spoke first.", f"{SAID} she said."], None, "unattributed"),  # no woman named
    (["Ambassador Maria Lopez arrived late.", f"{SAID} the diplomat said."], "Maria Lopez", "role"),
    (["Maria Lopez arrived late.", f"{SAID} the diplomat said."], None, "unattributed"),  # not a diplomat
    (["Coach Tom Reed was upbeat.", f"{SAID} the 58-year-old said."], "Tom Reed", "role"),
    ([f"{SAID} the Rev. Martin Luther King Jr. said."], "Martin Luther King Jr.", "explicit"),
    ([f"{SAID} Pope Leo XIV said."], "Leo XIV", "explicit"),
    (["Martin Luther King Jr. arrived on Monday.", f"{SAID} King added."], "Martin Luther King Jr.", "explicit"),
    (["Ambassador Ruth Bishop arrived on Monday.", f"{SAID} Bishop said."], "Ruth Bishop", "explicit"),
    ([f"{SAID} Commerce Ministry spokesman Zhao Lijun said."], "Zhao Lijun", "explicit"),
    ([f"{SAID} Sen. Chuck Schumer, D-N.Y., said."], "Chuck Schumer", "explicit"),
    (["Donald Trump Jr. met Donald Trump on Monday.", f"{SAID} Trump Jr. said."], "Donald Trump Jr.", "explicit"),
    ([f"{SAID} officials said."], None, "unattributed"),
    # analysts' and economists' notes are their firm's; researchers speak for no one in particular
    ([f"Analysts at Peel Hunt wrote: {SAID[:-2]}.\""], "Peel Hunt", "explicit"),
    ([f"{SAID} economists at Capital Economics said."], "Capital Economics", "explicit"),
    ([f"{SAID} researchers at the University of Oxford said."], None, "unattributed"),
    # initials glued by a slash are one name, "PPP/C" (linking names it in full), whose "C" is no one
    (["The People's Progressive Party Civic (PPP/C) issued a statement.", f"{SAID} the PPP/C said."],
     "PPP/C", "explicit"),
    ([f"{SAID} a senior diplomat told Reuters."], None, "unattributed"),
    ([f"The French government said: {SAID[:-2]}.\""], "French government", "explicit"),
    (["The Welsh government has pledged to \"continuously review the impact\" of the new limit."], "Welsh government",
     "explicit"),  # a nation's own government within its country, by its adjective
    ([f"Reuters quoted Maria Lopez as saying: {SAID[:-2]}.\""], "Maria Lopez", "second-hand"),
    ([f"Maria Lopez was quoted by Reuters as saying {SAID[:-2]}.\""], "Maria Lopez", "second-hand"),
    ([f"{SAID} Maria Lopez was reported as saying by national news agency LETA."], "Maria Lopez", "second-hand"),
    ([f"{SAID} Maria Lopez said, Reuters reported."], "Maria Lopez", "explicit"),
    ([f"According to Reuters, {SAID[:-2]}.\""], None, "unattributed"),  # an outlet is no speaker
    ([f"According to Maria Lopez, {SAID[:-2]}.\""], "Maria Lopez", "explicit"),
    ([f"{SAID} Maria Lopez said.", '"We are optimistic about the outcome."'], "Maria Lopez", "carried"),
    ([f"{SAID} officials said.", '"We are optimistic about the outcome."'], None, "unattributed"),
    ([f"{SAID} Maria Lopez said.", "Then the meeting ended.", '"We are optimistic about the outcome."'],
     None, "unattributed"),  # carried only from the paragraph right before
    ([f'{SAID} Maria Lopez said. "We are optimistic about the outcome."'], "Maria Lopez", "carried"),
    ([f"{SAID} Maria Lopez said. The rain stopped. \"We are optimistic about the outcome.\""], None, "unattributed"),
    # a quotation right after a sentence about a named person, with no cue: theirs
    (['Maria Lopez was blunt. "We are optimistic about the outcome."'], "Maria Lopez", "carried"),
    (['The ministry was blunt. "We are optimistic about the outcome."'], None, "unattributed"),
    (['Maria Lopez was blunt.', '"We are optimistic about the outcome."'], "Maria Lopez", "carried"),  # all quotation
    # a spokesperson speaks for the body named with them, or the organisation last named
    ([f"{SAID} a spokesperson for the World Bank said."], "World Bank", "explicit"),
    (["The World Bank cut its forecast.", f"{SAID} a bank spokesman said."], "World Bank", "role"),
    (["The World Bank cut its forecast.", f"{SAID} a spokesperson for the bank said."], "World Bank", "role"),
    (["The World Bank cut its forecast.", f"{SAID} the spokesperson added."], "World Bank", "role"),
    (["The spokeswoman, Dana Cole, spoke for the World Bank.", f"{SAID} the spokeswoman said."], "Dana Cole", "role"),
    ([f"{SAID} a spokesperson said."], None, "unattributed"),
    # plural speakers are nobody in particular
    ([f"{SAID} a group of U.S. companies wrote."], None, "unattributed"),
    (["Dr. Maria Lopez, a researcher, led the team.", f"{SAID} the researchers wrote."], None, "unattributed"),
    # a name before a colon, with a description or a clause the parser hangs on it
    ([f"Maria Lopez, Social Democrats: {SAID[:-2]}.\""], "Maria Lopez", "explicit"),
    ([f"Investor Tom Vance, whose fund owns 6% of the company, posted on X: {SAID[:-2]}.\""], "Tom Vance", "explicit"),
    (["Councillor Janet Price spoke first.", f"{SAID} Price said."], "Janet Price", "explicit"),
    (["Maria Lopez won. Ann Draper lost.", f'Draper, 23, was in tears. {SAID} said the left-hander.'], "Ann Draper", "role"),
    # "the spokeswoman ... she said" is still the body she speaks for
    (["A World Bank spokeswoman said the talks went well.", f"{SAID} she said."], "World Bank", "pronoun"),
    # the role noun that picks the sentence's subject, not the nearest name
    (["The World Bank fined Acme Industries on Monday.", f"{SAID} the bank said."], "World Bank", "role"),
    # a transcript's speaker label and a name addressed are not the subject
    (["LEE: The minister, Maria Lopez, told Parliament that \"the talks will resume next week in Geneva.\""],
     "Maria Lopez", "explicit"),
    (["John Smith joins us.", "John, the minister said that \"the talks will resume next week in Geneva.\""],
     None, "unattributed"),
    # a party before a title; "X's office"; "the statement said"; "Dr." is "the doctor"
    ([f"{SAID} Republican Sen. Maria Lopez of Maine said."], "Maria Lopez", "explicit"),
    (["President Maria Lopez's office said it was \"ready to resume the talks next week.\""], "Maria Lopez", "explicit"),
    (["Acme Industries said in a statement that it regretted the delay.", f"{SAID} the statement said."],
     "Acme Industries", "role"),
    (["The claims were first made in a letter signed by twelve lawmakers.", f"{SAID} the letter said."],
     None, "unattributed"),
    (["Dr. Maria Lopez runs the clinic.", f"{SAID} the doctor said."], "Maria Lopez", "role"),
    (["Dr. Maria Lopez, the senior surgeon on duty, met Tom Reed.", f"{SAID} the surgeon said."], "Maria Lopez", "role"),
    # "the automaker" is never the paper that quoted it
    (["Acme Motors recalled 80,000 cars.", "Klaus Berger told Handelsblatt that the recall was voluntary.",
      f"{SAID} the automaker said."], "Acme Motors", "role"),
    (['Maria Lopez arrived at 7 a.m. Asked why she stays, she laughed. "We are optimistic about the outcome."'],
     "Maria Lopez", "carried"),    # a full name the tagger calls an organisation is a person once its surname is shown to be one
    (["Nadia Haddad's novel won the prize.", "Haddad's editor, Simon Blake, met her.", f"{SAID} she said."],
     "Nadia Haddad", "pronoun"),
    # a particle capitalised to open a sentence is still part of the surname
    (["Hendrik van der Berg chairs the committee.", f"Van der Berg said: {SAID[:-2]}.\""], "Hendrik van der Berg", "explicit"),
    (["Hendrik van der Berg chairs the committee.", f"{SAID} Van der Berg said."], "Hendrik van der Berg", "explicit"),
    # two people of one surname: the subject of the cue speaks, not the one named last;
    # the bare surname later is whoever was last a subject, not last mentioned
    ([f"{SAID} Ana Souza, who is not related to Bruno Souza, said."], "Ana Souza", "explicit"),
    ([f"Ana Souza, unlike Bruno Souza, said: {SAID[:-2]}.\""], "Ana Souza", "explicit"),
    ([f"Lena Fischer, a colleague of Tobias Fischer, told reporters: {SAID[:-2]}.\""], "Lena Fischer", "explicit"),
    (["Ana Souza, unlike Bruno Souza, backed the plan.", f"{SAID} Souza said."], "Ana Souza", "explicit"),
    (["Lena Fischer, the sister of Tobias Fischer, told reporters the plan was sound.", f"{SAID} Fischer added."],
     "Lena Fischer", "explicit"),
    (["Lena Fischer, whom Tobias Fischer replaced last year, backed the plan.", f"{SAID} Fischer said."],
     "Lena Fischer", "explicit"),
    (["Tobias Fischer said the plan was sound.", "Police later questioned Lena Fischer.", f"{SAID} Fischer said."],
     "Tobias Fischer", "explicit"),
    # a hyphenated given name stays whole, its second part in lower case; "-backed" is no name
    ([f"{SAID} Choi Yoon-seo said."], "Choi Yoon-seo", "explicit"),
    ([f"Han Ji-hoon said: {SAID[:-2]}.\""], "Han Ji-hoon", "explicit"),
    ([f"{SAID} Ji-woo Kim, a lawmaker, said."], "Ji-woo Kim", "explicit"),
    (["Kim Do-yeon met officials.", f"{SAID} Kim said."], "Kim Do-yeon", "explicit"),
    (["Kremlin-backed forces advanced.", f"{SAID} Lee Jae-sung told reporters."], "Lee Jae-sung", "explicit"),
    # a role noun reaches back however far its bearer was named (found by look-up, not by re-reading)
    (["Ambassador Maria Lopez arrived late.", *[FILLER] * 40, f"{SAID} the diplomat said."], "Maria Lopez", "role"),
    (["The World Bank cut its forecast.", *[FILLER] * 40, f"{SAID} the bank said."], "World Bank", "role"),
    (["Acme Motors recalled 80,000 cars.", *[FILLER] * 40, "Klaus Berger told Handelsblatt the recall was voluntary.",
      *[FILLER] * 40, f"{SAID} the automaker said."], "Acme Motors", "role"),
    ([f"{SAID} the bank said, and the World Bank agreed."], None, "unattributed"),  # named only after the cue
    # a name ending in an organisation's head word ("FC", "Corp.") is never the "he" of the next cue
    (["Coach Clifford Miranda thanked the players.", "After one more win, Odisha FC would reach the final.",
      f"{SAID} he said."], "Clifford Miranda", "pronoun"),
    # a capitalised participle opening a sentence is no name, and its speaker is the main clause's subject
    (["Chief Justice Qazi Isa heard the case.",
      "Urging Ahmed\u2019s lawyer to appoint a replacement, the judge expressed annoyance.", f"{SAID} he added."],
     "Qazi Isa", "pronoun"),
    # a speech word with a possessor or after a preposition is a noun, not a cue: "Smith's remarks", "in writing"
    (["John Smith spoke first.", f"{SAID} Tom Reed said on Friday when sought for comment on Smith\u2019s remarks.",
      f"{SAID} he added."], "Tom Reed", "pronoun"),
    (["Judge Tom Reed heard the case.", '"Why is everyone so scared?" he questioned and directed all the petitioners '
      "to submit in writing their reasons."], "Tom Reed", "pronoun"),
    (["Judge Tom Reed heard the case.", f"{SAID} he clarified."], "Tom Reed", "pronoun"),
    # a title before the name it introduces speaks through that name; "Cllr" is a form of address
    ([f"Leader of Redcar and Cleveland Council, Councillor Dave Walsh, said: {SAID[:-2]}.\""], "Dave Walsh", "explicit"),
    ([f"Chair of the association\u2019s resources board, Cllr Richard Watts, said: {SAID[:-2]}.\""],
     "Richard Watts", "explicit"),
    # a name inside a title hung on an organisation speaks, not the organisation; a chair named after
    # someone inside a person's title does not
    ([f"UNISON head of local government Heather Wakefield said: {SAID[:-2]}.\""], "Heather Wakefield", "explicit"),
    (["Professor Michael Crair spoke after the study was published.",
      f"{SAID} said Crair, the William Ziegler III Professor of Neuroscience."], "Michael Crair", "explicit"),
    ([f"{SAID} said Rachel Goh, an analyst at Peel Hunt."], "Rachel Goh", "explicit"),
    # the person named in apposition to a spokesperson speaks, not the body after "for"
    ([f"But finance spokesman for the County Councils' Network, Cllr Carl Les, said: {SAID[:-2]}.\""],
     "Carl Les", "explicit"),
    # a name before a definite role noun is whom its bearer serves: "the Whau councillor" is the councillor
    (["Whau councillor Kerrin Leoni is running to be mayor.", f"{SAID} the Whau councillor said in a statement."],
     "Kerrin Leoni", "role"),
    # a law's name is never the "it" of a cue
    (["AGC said such comments may constitute contempt of court under the Administration of Justice (Protection) "
      "Act 2016.", f"{SAID} it added."], "AGC", "pronoun"),
    # of two subjects the parser gives a cue, the name: "co" and "Bah"
    ([f"{SAID} said study co-author Ibrahim Bah, also a Johns Hopkins physicist."], "Ibrahim Bah", "explicit"),
    # "the former BP executive": the organisation is an affiliation, "former" no title; the role finds its bearer
    (["The plan came from its chief executive, Tufan Erginbilgic.", f"{SAID} the former BP executive said."],
     "Tufan Erginbilgic", "role"),
    ([f"{SAID} the BP chief executive said."], None, "unattributed"),
    # titles the data lists whole: "Minister of State" (not "State Jack Chambers"); "Senate President" is
    # never "the President"
    (["Speaking on the radio on Sunday, Minister of State Jack Chambers said the minister would come.",
      f"{SAID} he added."], "Jack Chambers", "pronoun"),
    (["President Rodrigo Duterte spoke on Thursday.", "Senate President Vicente Sotto III said he disagreed.",
      f"{SAID} the President said."], "Rodrigo Duterte", "role"),
    # "she" is a person the article has shown, in reach, before a lone name it never shows to be one
    (["In 2020, Stephanie Lechuga-Pe\u00f1a and her co-authors interviewed parents.",
      'Their paper earned the most citations, Clarivate found. "We are optimistic about the outcome," she said.'],
     "Stephanie Lechuga-Pe\u00f1a", "pronoun"),
    # a role noun its own words describe is only an organisation whose name has one of them: never the
    # company named before it ("the pilots union" is not the airline)
    (["Hundreds of Harlow Air pilots picketed the airport on Wednesday.",
      f"The pilots union said in a statement, {SAID[:-2]}.\""], None, "unattributed"),
    (["The Harlow Pilots Union called a strike on Wednesday.",
      f"The pilots union said in a statement, {SAID[:-2]}.\""], "Harlow Pilots Union", "role"),
    (["Harlow Air cut its forecast on Wednesday.", f"{SAID} the company said."], "Harlow Air", "role"),
    # the period the tagger splits from an abbreviated title is no end of the name ("Capt" was a speaker)
    ([f"{SAID} said HPU President Capt. Dana Reyes."], "Dana Reyes", "explicit"),
    ([f"{SAID} said Sgt. Dana Reyes."], "Dana Reyes", "explicit"),
    # "said" the tagger takes for an auxiliary (its lemma "said") after a long opening clause is still a cue
    (["Responding to today\u2019s pay announcement from the Health Secretary, Head of Unison Maria Lopez said:", SAID],
     "Maria Lopez", "carried"),
    # a document its subject issues speaks for it: "released the following statement:", the quotation after
    (["Senator Maria Lopez released the following statement after the vote on Monday:", SAID], "Maria Lopez",
     "carried"),
    (["Maria Lopez issued a statement after the vote.", SAID], "Maria Lopez", "carried"),
    (["Harlow Air released its results on Monday.", SAID], None, "unattributed"),  # results are no statement
    # a storm is never the "it" of a cue ("Hurricane Ian")
    (["The National Hurricane Center\u2019s advisory has Hurricane Ian maintaining its status.",
      'It warns of "catastrophic storm surge inundation of 12 to 18 feet" along the coast.'],
     "National Hurricane Center", "pronoun"),
    # a bare "the Government" is no one's name: the government named before it, else nobody
    (['"They have no sense of timing," the Government said.'], None, "unattributed"),
    (['Opposition \u2018are in a parallel universe\u2019 on Brexit, Govt says'], None, "unattributed"),
    (["The Gibraltar Government has lashed out at the opposition.",
      '"They have no sense of timing," the Government said.'], "Gibraltar Government", "role"),
    # the stop after an abbreviated form of address ends no sentence, nor is it part of the name
    ([f"{SAID} Hon. Maria Lopez stated."], "Maria Lopez", "explicit"),
    ([f"{SAID} Maria Lopez fumed."], "Maria Lopez", "explicit"),  # a manner of speaking is a speech verb
    # a document speaks for whoever it names as its issuer; one that names none, for no one
    ([f"{SAID} a statement from Maria Lopez said."], "Maria Lopez", "explicit"),
    ([f"{SAID} the press release from the Allied Pilots Association said."], "Allied Pilots Association", "explicit"),
    (["Maria Lopez met John Smith on Monday.", f"{SAID} a statement said."], None, "unattributed"),
    # a name that speaks is no place, whatever the tagger says of it: "he" may point back to it
    (["In his affidavit, Bushiri said he would plead not guilty.", f"{SAID} he said."], "Bushiri", "pronoun"),
    # the subject before an aside set off by dashes speaks, not the subject of the clause it reports
    (["Mayor Tania Cole opened the meeting.",
      "Ana Souza - first elected in 1977 - said the mayor had never chaired a committee.",
      '"The talks will resume next week in Geneva."'], "Ana Souza", "carried"),
    # "she" after a cue of one person the article does not name is that person, no one named before
    (["Maria Lopez met reporters on Monday.", "The prime minister said the talks would go on.", f"{SAID} she said."],
     None, "unattributed"),
    (["Maria Lopez met reporters on Monday.", "Officials said the talks would go on.", f"{SAID} she said."],
     "Maria Lopez", "pronoun"),
    # a paragraph that is all quotation, after a paragraph ending on a sentence about one person: theirs
    (["Retired teacher Mark Ellison, 63, has lived on the street for 30 years.",
      '"The talks will resume next week in Geneva."'], "Mark Ellison", "carried"),
    (["Maria Lopez met John Smith on Monday.", '"The talks will resume next week in Geneva."'], None, "unattributed"),
    # a document read out speaks for whoever issued it; "the Government" after two governments is nobody's
    ([f"{SAID} the World Bank\u2019s statement read."], "World Bank", "explicit"),
    ([f"{SAID} reads a letter from the World Bank to the council."], "World Bank", "explicit"),
    (["The union posted a message on Twitter.", f"The message read, {SAID[:-2]}.\""], None, "unattributed"),
    (["The Gibraltar Government has lashed out at the opposition.", "The GSLP/Liberal Government spent more.",
      f"{SAID} the Government\u2019s statement read."], None, "unattributed"),
    # whoever a passive speech verb's agent names: "described by judge Maria Lopez as ..."
    (['The book won, described by judge Maria Lopez as "moving, humorous and lovely all at once".'],
     "Maria Lopez", "explicit"),
    (['The plan was dropped, described by critics as "a disaster waiting to happen".'], None, "unattributed"),
    # an occupation the article gave no one: news of whom "she" would be, if she has no title
    ([f"{SAID} said Ms Maria Lopez, 32.", '"Operators can cut costs elsewhere," the sales consultant added.'],
     "Maria Lopez", "role"),
    ([f"{SAID} said lawyer Maria Lopez, 32.", '"Operators can cut costs elsewhere," the sales consultant added.'],
     None, "unattributed"),
    # a "she" is not whom a "he" was before: "he said, after a question from Rusnah Aluai" then "she asked"
    (["Kemal Aziz spoke to parliament.", f"{SAID} he said, after a question from Rusnah Aluai.",
      '"Why do patients wait for hours?" she asked.'], "Rusnah Aluai", "pronoun"),
    # a quotation opening the paragraph after the speaker's quotation carries it, whatever follows it
    ([f"{SAID[:-2]}\" police director Maria Lopez told AFP.",
      '"So far 52 factories have shut down." One worker was killed on Tuesday.'], "Maria Lopez", "carried"),
    (["Police director Maria Lopez spoke to AFP.",
      '"So far 52 factories have shut down." One worker was killed on Tuesday.'], None, "unattributed"),
    # a stray full stop before a lower-case verb ends no sentence; a sob is a manner of speaking
    ([f"{SAID} Director Maria Lopez. said in a statement released to the media."], "Maria Lopez", "explicit"),
    ([f"{SAID} sobbed Maria Lopez, 60."], "Maria Lopez", "explicit"),
    # a cue inside the clause another cue reports: the likelier speaker first, as a guess among the two
    (['Maria Lopez said the Harlow Council had announced new rules in its manifesto, "but when we asked for them, '
      'nothing was done".'], "Maria Lopez", "explicit"),
    (['Maria Lopez said John Smith told her, "we will not sign this deal at all".'], "John Smith", "explicit"),
    (['Maria Lopez said John Smith had told reporters on Monday that "we will not sign this deal at all".'],
     "John Smith", "explicit"),
    # a paragraph that is all quotation after someone's response: theirs
    (["Maria Lopez met John Smith on Monday.", "John Smith\u2019s response was swift.",
      '"What crisis? The country is running well."'], "John Smith", "carried"),
    (["Maria Lopez met John Smith on Monday.", "The response was swift.", '"What crisis? The country is running well."'],
     None, "unattributed"),
    # an apposition the parser closes with its own comma is no name addressed: its name speaks
    ([f"{SAID} Maria Lopez, leader of the largest opposition party, the Left-Greens, told Reuters."],
     "Maria Lopez", "explicit"),
    # a middle initial and the body's "the" are not where a holder's name starts
    ([f"{SAID} said Minister of Commerce Anna G. Berg."], "Anna G. Berg", "explicit"),
    ([f"{SAID} said Minister of the Environment Lena Holm."], "Lena Holm", "explicit"),
    # "he" after a quotation is the subject named before it in the same sentence, not someone named earlier
    (["Two ministers, Minister of Commerce Anna G. Berg and Minister of the Environment Lena Holm, want elections.",
      f"Prime Minister John Smith of the Liberal Party disagrees, {SAID} he said in an interview."],
     "John Smith", "pronoun"),
    (["John Smith met reporters on Monday.", f"The plan of Tom Reed was dropped, {SAID} he said."],
     "John Smith", "pronoun"),
    # a paragraph that is a name alone, a title at most after it, then a paragraph that is all quotation: theirs
    (["Francis Fonseca, Leader of the Opposition", '"The talks will resume next week in Geneva."'],
     "Francis Fonseca", "carried"),
    (["Maria Lopez", '"The talks will resume next week in Geneva."'], "Maria Lopez", "carried"),
    (["Maria Lopez and John Smith", '"The talks will resume next week in Geneva."'], None, "unattributed"),
    (["Maria Lopez, Leader of the Opposition", "The rain stopped.", '"The talks will resume next week in Geneva."'],
     None, "unattributed"),
    # "the statement" is the press release named before it; a letter is a document of its own
    (["In a release to the media, Maria Lopez said the vote was called early.", f"{SAID} the statement read."],
     "Maria Lopez", "role"),
    (["In a letter to the council, Maria Lopez said the vote was called early.", f"{SAID} the statement read."],
     None, "unattributed"),
    # a title before a body's own name is the person's in apposition, and the body holds no title: "the opposition
    # leader" is the person, not the party; a person's name after the title is that person's
    (["Jonas Petrauskas, leader of the opposition Freedom Union group in parliament, slammed the plan.",
      f"{SAID} the opposition leader said."], "Jonas Petrauskas", "role"),
    (["Anne Lee met the leader of the opposition Tom Reed on Monday.", f"{SAID} the opposition leader said."],
     "Tom Reed", "role"),
    # an apposition whose closing comma is lost: a name printed whole is the subject, one name alone is addressed
    (["And Paul Butler, the bishop of Durham said: \u201cMost of us feel hurt, angry and let down.\u201d"],
     "Paul Butler", "explicit"),
    (["Paul Butler, the bishop of Durham whose diocese covers the farm said: \u201cMost of us feel let down.\u201d"],
     "Paul Butler", "explicit"),
    # a title in a body's possessive makes no person of the body's initials: "it" may then stand for the body
    (["SINGAPORE: The Attorney-General\u2019s Chambers (AGC) on Monday warned the public against baseless claims.",
      "\u201cWe respect the public\u2019s right to comment on court decisions,\u201d the AGC said in a statement.",
      "AGC said such comments may constitute contempt of court under the Administration of Justice Act 2016.",
      "\u201cThe prosecution takes its mission to uphold the rule of law seriously,\u201d it added."], "AGC", "pronoun"),
    (["Joining me is economist Daniel Ortega. Daniel, the housing minister said last week, \u201crents have "
      "peaked and will fall this year.\u201d"], None, "unattributed"),
]


@pytest.mark.parametrize("paragraphs, speaker, method", SPEAKERS)
def test_speaker_and_method(paragraphs, speaker, method):
    article = article_from_text("Title\n\n" + "\n\n".join(paragraphs))
    quote = extract(article).quotes[-1]
    assert (quote.speaker, quote.method) == (speaker, method)


@pytest.mark.parametrize("paragraph, confidence", [
    # a cue standing in the clause another cue reports, with another speaker: the quotation may be either's
    ('Maria Lopez said the Harlow Council had announced new rules in its manifesto, "but when we asked for them, '
     'nothing was done".', "unsure"),
    ('Maria Lopez said on Monday that the Harlow Council had failed. "We will not sign," she added.', "likely"),
    ('Maria Lopez told reporters: "We will not sign this agreement."', "sure"),
])
def test_a_cue_inside_a_reported_clause_is_a_guess(paragraph, confidence):
    article = article_from_text("Title\n\n" + paragraph)
    assert extract(article).quotes[-1].confidence == confidence


@pytest.mark.parametrize("paragraphs, printed", [
    # one pair of marks: the words between them
    (['Maria Lopez said: "We will not sign this agreement."'], [(1, "We will not sign this agreement.")]),
    # a sentence broken by its attribution is one quote in two parts
    (['"We will not sign," Maria Lopez said, "until the council listens to us."'],
     [(1, "We will not sign,"), (1, "until the council listens to us.")]),
    # a quotation over two paragraphs: the first runs to its paragraph's end, the second from its reopening mark
    (['Maria Lopez said: "We will not sign this agreement.', '"Not now, and not ever," she added.'],
     [(1, "We will not sign this agreement."), (2, "Not now, and not ever,")]),
])
def test_a_quote_carries_where_its_words_stand(paragraphs, printed):
    """Later steps (stances' first-person holders) read these offsets instead of pairing the marks again."""
    article = article_from_text("Title\n\n" + "\n\n".join(paragraphs))
    texts = {p.index: p.text for p in article.paragraphs}
    quote = extract(article).quotes[0]
    assert [(paragraph, texts[paragraph][start:end]) for paragraph, start, end in quote.parts] == printed


def test_a_holder_named_after_a_title_and_its_body_speaks():
    """ "Head of Bectu Philippa Childs said:": the speaker is the holder, not a bare title nor the body."""
    found = extract(article_from_text(
        "Fee rise\n\n"
        "Responding to the announcement, Head of Bectu Philippa Childs said: \u201cThe freeze has already had "
        "an incredibly damaging impact.\u201d\n"))
    assert [(q.speaker, q.method) for q in found.quotes] == [("Philippa Childs", "explicit")]


@pytest.mark.parametrize("paragraphs, called", [
    # a definite role noun that is the speaker: the words as printed, an alias of theirs
    (["The plan came from its chief executive, Tufan Erginbilgic.", f"{SAID} the former BP executive said."],
     "the former BP executive"),
    (["Harlow Air cut its forecast on Wednesday.", f"{SAID} the company said."], "the company"),
    ([f"{SAID} said Ms Maria Lopez, 32.", '"Operators can cut costs elsewhere," the sales consultant added.'],
     "the sales consultant"),
    # ...not someone speaking for them, nor a document, a pronoun, a name or a quotation carried on
    (["The World Bank cut its forecast.", f"{SAID} the spokesperson added."], None),
    (["Acme Industries said in a statement that it regretted the delay.", f"{SAID} the statement said."], None),
    (["Ambassador Maria Lopez arrived late.", f"{SAID} she said."], None),
    ([f"{SAID} Maria Lopez said."], None),
    (["Harlow Air cut its forecast on Wednesday.", f"{SAID} the company said.", '"We are optimistic about it."'], None),
])
def test_the_role_a_cue_calls_its_speaker_by(paragraphs, called):
    article = article_from_text("Title\n\n" + "\n\n".join(paragraphs))
    assert extract(article).quotes[-1].speaker_called == called


def test_the_role_a_speaker_was_called_by_is_among_the_actors_aliases():
    """ "the former BP executive said": the page of the person it was lists it, as it lists "Erginbilgic"."""
    article = article_from_text("Title\n\nThe plan came from its chief executive, Tufan Erginbilgic.\n\n"
                                f"{SAID} the former BP executive said.")
    docs = list(nlp.load().pipe(p.text for p in article.paragraphs))
    quotes, _ = extract_quotes(article, docs)
    extraction = Extraction(article, quotes=tuple(quotes), actors=tuple(extract_actors(article, docs)))
    actors, _ = link_actors([extraction], Curation())
    aliases = {a.name: a.aliases for a in actors}
    assert "the former BP executive" in aliases["Tufan Erginbilgic"]
