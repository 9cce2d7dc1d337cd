"""The example corpus, as data: every article is written by us, in our own words.

The facts restated here (dates, places, tolls) are documented by The Bureau of Investigative Journalism (TBIJ);
see ``STRIKES`` for the figures we took from its datasets and ``articles/SOURCES.md`` for the per-file mapping.
Outlets, reporters, agency names and URLs are fictional (``.example`` domains).

``python examples/build_examples.py`` writes ``examples/articles/`` and ``examples/manifest.json`` from this file.
"""

from __future__ import annotations

from typing import Any

# TBIJ facts for the strikes the corpus restates: (min, max) pairs. Pakistan rows come from the TBIJ workbook
# (sheet "Drone strikes data"), the others from the TBIJ all-countries export. tests/test_examples_corpus.py
# checks these against ../shared/data/reference at test time.
STRIKES: dict[str, dict[str, Any]] = {
    "B1": dict(date="2004-06-17", country="PK", admin2="South Waziristan", place="Wana",
               killed=(6, 8), civilians=(2, 2), children=(2, 2), injured=(1, 1)),
    "B5": dict(date="2006-01-13", country="PK", admin2="Bajaur Agency", place="Damadola",
               killed=(13, 22), civilians=(10, 18), children=(5, 6), injured=(0, 0)),
    "B6": dict(date="2006-10-30", country="PK", admin2="Bajaur Agency", place="Chenegai",
               killed=(81, 83), civilians=(80, 82), children=(68, 70), injured=(3, 3)),
    "B15": dict(date="2008-05-14", country="PK", admin2="Bajaur Agency", place="Damadola",
                killed=(12, 20), civilians=(4, 6), children=(1, 4), injured=(9, 9)),
    "Ob42": dict(date="2009-10-24", country="PK", admin2="Bajaur Agency", place="Damadola",
                 killed=(20, 30), civilians=(0, 0), children=(0, 0), injured=(8, 8)),
    "Ob231": dict(date="2011-07-12", country="PK", admin2="North Waziristan", place="Datta Khel",
                  killed=(1, 9), civilians=(1, 1), children=(0, 0), injured=(3, 5)),
    "Ob309": dict(date="2013-01-08", country="PK", admin2="North Waziristan", place="Haiderkhel, near Mir Ali",
                  killed=(4, 9), civilians=(0, 2), children=(0, 1), injured=(1, 4)),
    "Ob310": dict(date="2013-01-08", country="PK", admin2="North Waziristan",
                  place="Malangan Hassokhel, Tehsil Mir Ali",
                  killed=(0, 9), civilians=(0, 0), children=(0, 0), injured=(1, 4)),
    "Ob332": dict(date="2013-12-25", country="PK", admin2="North Waziristan", place="Qutab Khel, Miranshah",
                  killed=(3, 4), civilians=(0, 0), children=(0, 0), injured=(1, 1)),
    "Ob333": dict(date="2014-06-11", country="PK", admin2="North Waziristan", place="Tabi Tolkhel or Darga Mandi",
                  killed=(4, 6), civilians=(0, 0), children=(0, 0), injured=(0, 0)),
    "Ob334": dict(date="2014-06-12", country="PK", admin2="North Waziristan",
                  place="Darga Mandi, Dande Darpakhel or Ghulam Khan",
                  killed=(6, 10), civilians=(0, 0), children=(0, 0), injured=(4, 4)),
    "Ob337": dict(date="2014-07-16", country="PK", admin2="North Waziristan", place="Saidgai, Datta Khel tehsil",
                  killed=(15, 24), civilians=(0, 0), children=(0, 0), injured=(4, 6)),
    "Ob341": dict(date="2014-09-28", country="PK", admin2="South Waziristan", place="Wana",
                  killed=(2, 4), civilians=(0, 0), children=(0, 0), injured=(1, 4)),
    "Ob342": dict(date="2014-10-05", country="PK", admin2="South Waziristan", place="Kundhgar, Shawal",
                  killed=(4, 5), civilians=(0, 0), children=(0, 0), injured=(2, 3)),
    "Ob343": dict(date="2014-10-06", country="PK", admin2="South Waziristan", place="Mangrotai, Shawal",
                  killed=(4, 8), civilians=(0, 0), children=(0, 0), injured=(4, 6)),
    "Ob344": dict(date="2014-10-07", country="PK", admin2="South Waziristan", place="Kundhgar, Shawal",
                  killed=(4, 7), civilians=(0, 0), children=(0, 0), injured=(5, 11)),
    "Ob345": dict(date="2014-10-07", country="PK", admin2="North Waziristan", place="Kundser, Datta Khel",
                  killed=(2, 4), civilians=(0, 0), children=(0, 0), injured=(5, 5)),
    "Ob356": dict(date="2014-12-26", country="PK", admin2="North Waziristan", place="Kund/Kundghar village, Shawal",
                  killed=(4, 5), civilians=(0, 0), children=(0, 0), injured=(0, 0)),
    "Ob357": dict(date="2014-12-26", country="PK", admin2="North Waziristan", place="Kund/Kundghar village, Shawal",
                  killed=(3, 4), civilians=(0, 0), children=(0, 0), injured=(0, 0)),
    "T002": dict(date="2017-04-26", country="PK", admin2="North Waziristan", place="Zuwai",
                 killed=(7, 11), civilians=(0, 3), children=(0, 0), injured=(0, 0)),
    "YEM102": dict(date="2012-09-02", country="YE", admin2="Bayda", place="Radaa",
                   killed=(12, 12), civilians=(12, 12), children=(3, 3), injured=(4, None)),
    "SOM019": dict(date="2014-01-26", country="SO", admin2="Lower Shabelle", place="Hawai",
                   killed=(2, 9), civilians=(0, 2), children=(0, 2), injured=(0, None)),
    "AFG073": dict(date="2015-07-16", country="AF", admin2="Wardak", place="Tor Khail",
                   killed=(8, 16), civilians=(0, 0), children=(0, 0), injured=(0, None)),
}

# Aggregate figures quoted by the commentary pieces, computed from the TBIJ Pakistan workbook
# (checked by tests/test_examples_corpus.py).
PAKISTAN_TOTALS: dict[str, Any] = dict(
    strikes=430, first="2004-06-17", last="2018-01-24", killed=(2515, 4026), civilians=(424, 969),
    children=(172, 207), strikes_2010=128, strikes_2017=5, bush=51, obama=373, trump=6,
    gap_days_2013_2014=168,
)

# Each document: where it goes, its metadata, and our annotation of what it reports.
#   main:        strikes the article reports as its news, with the figures the text states (None = not stated)
#   background:  earlier strikes it mentions in passing
#   kind:        "report" or "commentary" (reports no new strike)
#   wire:        id of the agency story a document reposts (wire copies of one story count as ONE source)
DOCS: list[dict[str, Any]] = []


def doc(**kw: Any) -> None:
    kw.setdefault("kind", "report")
    kw.setdefault("wire", None)
    kw.setdefault("main", [])
    kw.setdefault("background", [])
    kw.setdefault("comments", [])
    kw.setdefault("skin", None)
    DOCS.append(kw)


def ev(strike: str, killed: tuple[int | None, int | None] | None = None, phrase: str | None = None,
       **counts: tuple[int | None, int | None]) -> dict[str, Any]:
    """One event as the text states it: killed (min, max) and the phrase that states it."""
    out: dict[str, Any] = {"strike": strike}
    if killed is not None:
        out["killed_min"], out["killed_max"] = killed
    if phrase is not None:
        out["killed_phrase"] = phrase
    for name, (lo, hi) in counts.items():
        out[f"{name}_min"], out[f"{name}_max"] = lo, hi
    return out


# ---------------------------------------------------------------------------------------------------------------
# Christmas Day 2013, Miranshah: the last strike before the six-month pause.
doc(file="reports.jsonl", id="nm-20131226-qutab-khel", outlet="The Northern Monitor",
    url="https://northern-monitor.example/pakistan/2013/12/26/drone-strike-qutab-khel",
    published="2013-12-26", title="Drone strike on Christmas Day kills three near Miranshah",
    main=[ev("Ob332", (3, 3), "killing three people", injured=(1, 1))],
    body="""\
A US drone fired missiles at a house in the Qutab Khel area of Miranshah on Wednesday evening, killing three \
people, security officials in North Waziristan said.

The officials, speaking on condition of anonymity because they were not allowed to brief journalists, \
described the dead as suspected militants but could not yet say who they were. One other man was wounded and \
was taken to the district hospital in the town.

People living nearby said the aircraft had been audible over the valley since the afternoon. Tribesmen spent \
the night clearing rubble from the building.

It was the first attack of its kind in the tribal belt for almost four weeks. Islamabad describes the strikes \
as an infringement of its sovereignty; Washington seldom comments on a programme it still treats as secret.""")

# ---------------------------------------------------------------------------------------------------------------
# 11 June 2014: the strike that ended the pause (Ob333), reported by one JSONL report, one HTML report and one
# agency story carried by three outlets.
doc(file="reports.jsonl", id="nm-20140612-drones-return", outlet="The Northern Monitor",
    url="https://northern-monitor.example/pakistan/2014/06/12/drones-return-north-waziristan",
    published="2014-06-12", title="US drones return to North Waziristan after six-month pause",
    main=[ev("Ob333", (4, None), "At least four people were killed")],
    background=[ev("Ob332")],
    body="""\
At least four people were killed late on Wednesday when a US drone struck a compound in Tabi Tolkhel, near \
Darga Mandi and close to Miranshah, the main town of North Waziristan, local officials said.

The attack ended a pause of almost six months. The previous strike in Pakistan's tribal areas was on Christmas \
Day, when a house in Qutab Khel on the edge of Miranshah was hit.

Residents reached by telephone said they had heard the drone for several hours before the explosions. The \
identities of the dead were not immediately clear, and officials gave no details about who had been targeted.

Pakistan's government had urged Washington to hold back while it pursued negotiations with the Pakistani \
Taliban. Those talks were already faltering before gunmen stormed the international airport in Karachi on \
Sunday night, an assault the movement said it had carried out.

Officials in Islamabad have long objected to the strikes in public, even as they have been accused of \
tolerating them in private.""")

WIRE_BODY = """\
MIRANSHAH, June 12 (FPA) - A US drone strike killed six suspected militants in the Tabi Tolkhel area of North \
Waziristan late on Wednesday, local officials told the Frontier Press Agency, ending a lull of nearly six \
months in the covert campaign.

Two officials said the drone fired missiles at a compound a few kilometres from Miranshah, the region's \
administrative centre. They said the dead included fighters of foreign origin but gave no names.

It was the first such attack since December 25 last year. Islamabad had asked Washington to suspend strikes \
while it tried to negotiate with the Pakistani Taliban, but the talks stalled and militants attacked Karachi \
airport on Sunday night.

There was no comment from the US embassy in Islamabad. The United States rarely discusses the programme, which \
is run by the Central Intelligence Agency.

Pakistan's government routinely condemns the strikes as a violation of its sovereignty, although leaked \
diplomatic papers have suggested that some officials quietly supported them."""

doc(file="2014-06-12_induscourier_drone-strike-ends-lull.html", outlet="Indus Courier", skin="courier",
    url="https://induscourier.example/news/2014/06/12/drone-strike-kills-six-north-waziristan",
    published="2014-06-12", title="Drone strike kills six in North Waziristan, ending lull",
    wire="fpa-2014-06-12-tabi-tolkhel",
    main=[ev("Ob333", (6, 6), "killed six suspected militants")], background=[ev("Ob332")],
    body=WIRE_BODY,
    comments=[("Farid K.", "Six months of quiet and now this. Nobody believes the talks were ever serious."),
              ("observer_88", "Why does the Courier just reprint the agency copy? Send a reporter.")])

doc(file="reports.jsonl", id="adt-2014-06-12-fpa-drone", outlet="Asia Desk Today",
    url="https://asiadesk.example/south-asia/pakistan-drone-strike-six-dead",
    published="2014-06-12", title="Pakistan: US drone strike kills six, first in six months",
    wire="fpa-2014-06-12-tabi-tolkhel", html_field=True,
    main=[ev("Ob333", (6, 6), "killed six suspected militants")], background=[ev("Ob332")],
    body=WIRE_BODY.replace("MIRANSHAH, June 12 (FPA) - ", "MIRANSHAH, Pakistan, June 12 (FPA) - ")
    .replace("There was no comment from the US embassy in Islamabad.", "The US embassy declined to comment.")
    .replace("Pakistan's government routinely condemns", "Islamabad routinely condemns"))

doc(file="2014-06-12_worldbrief_pakistan-drone.html", outlet="World Brief", skin="brief",
    url="https://worldbrief.example/2014/06/12/pakistan-us-drone-strike-six-killed",
    published="2014-06-12", title="US drone strike in Pakistan kills six - agency",
    wire="fpa-2014-06-12-tabi-tolkhel",
    main=[ev("Ob333", (6, 6), "killed six suspected militants")], background=[ev("Ob332")],
    body=WIRE_BODY.replace("(FPA) - A US drone strike", "(FPA) - An American drone strike")
    .replace("the region's administrative centre", "the administrative centre of the region")
    + "\n\n(Reporting by the Frontier Press Agency; editing by World Brief staff)")

doc(file="2014-06-12_frontierledger_miranshah-strike.html", outlet="The Frontier Ledger", skin="ledger",
    url="https://frontierledger.example/tribal-areas/2014/06/12/miranshah-drone-strike-lull-ends",
    published="2014-06-12", title="Drone attack near Miranshah breaks six-month silence",
    main=[ev("Ob333", (4, 6), "between four and six people")], background=[ev("Ob332")],
    youtube="https://www.youtube.com/watch?v=strikewatch00",
    body="""\
A drone attack close to Miranshah late on Wednesday killed between four and six people, according to tribal \
elders and two government officials, the first such strike in Pakistan since the end of December.

Elders in Tabi Tolkhel, a cluster of homes near Darga Mandi, said the missiles destroyed a mud-walled \
compound shortly before midnight. Figures differed: an official in the political administration put the toll \
at four, while a resident who helped recover bodies said six had died.

Nobody claimed responsibility, but only the United States is known to fly armed drones over the tribal areas.

The government had been under pressure to act after the attack on Karachi airport at the weekend. A senior \
minister told the Ledger on Thursday that the cabinet had not been consulted about any strike.""",
    comments=[("Gul Zaman", "My uncle lives near Darga Mandi. People are leaving for Bannu tonight."),
              ("R. Ahmed", "Four or six - whoever they were, no court ever saw evidence against them.")])

# ---------------------------------------------------------------------------------------------------------------
# 12 June 2014: the second strike in two days (Ob334).
doc(file="reports.jsonl", id="nm-20140612-second-strike", outlet="The Northern Monitor",
    url="https://northern-monitor.example/pakistan/2014/06/12/second-drone-strike-dande-darpakhel",
    published="2014-06-12", title="Second drone strike in a day hits Dande Darpakhel",
    main=[ev("Ob334", (6, None), "killing at least six suspected militants", injured=(4, 4))],
    background=[ev("Ob333", (4, None), "at least four")],
    body="""\
Drones struck North Waziristan again early on Thursday, firing missiles at a compound in Dande Darpakhel and \
killing at least six suspected militants, officials said. Four other people were injured.

The attack came only hours after the strike late on Wednesday near Darga Mandi in which at least four people \
died, and the two raids together mark the resumption of the American campaign after a six-month break.

A security official in Peshawar said foreign fighters were believed to be among the dead. That could not be \
confirmed independently because journalists are barred from the area.

Many families from villages around Miranshah have begun moving towards Bannu, fearing that a full army \
offensive in the agency is imminent.""")

doc(file="2014-06-13_frontierledger_ten-killed.html", outlet="The Frontier Ledger", skin="ledger",
    url="https://frontierledger.example/tribal-areas/2014/06/13/up-to-ten-killed-second-drone-strike",
    published="2014-06-13", title="Up to 10 killed as drones strike North Waziristan for a second day",
    main=[ev("Ob334", (None, 10), "killed up to 10 people", injured=(4, 4))],
    background=[ev("Ob333")],
    body="""\
A second US drone strike in as many days killed up to 10 people on Thursday in Dande Darpakhel, between \
Darga Mandi and Ghulam Khan in North Waziristan, officials and residents said.

According to an official of the political administration, the drone targeted a house and an adjoining \
vehicle shed before dawn. Four people were pulled alive from the debris and taken to Miranshah.

The strike followed Wednesday night's attack near the same road, which ended the longest lull in drone \
operations in Pakistan for several years. The Foreign Office in Islamabad said it was studying the reports.

Analysts said the timing, days after the Karachi airport attack, suggested the two governments were again \
cooperating more closely than either would admit in public.""",
    comments=[("Saad", "Up to 10? Yesterday's bulletin on TV said 15. Which is it?"),
              ("Meena", "The Ledger's reporting from the agencies has been the most careful. Thank you.")])

doc(file="foreign-office-condemns-miranshah-strikes.txt", outlet=None, url=None, published=None,
    title="Foreign Office condemns two drone strikes near Miranshah",
    main=[], background=[ev("Ob333"), ev("Ob334")], kind="commentary",
    body="""\
Pakistan's Foreign Office on 12 June 2014 condemned the two US drone strikes carried out near Miranshah in \
North Waziristan on the nights of 11 and 12 June, calling them a breach of the country's sovereignty and \
territorial integrity.

In a short written statement, the ministry said the strikes undermined the government's attempts to bring \
peace to the tribal areas and the wider region. It did not say how many people had died.

The statement contrasted sharply with comments by several officials, speaking anonymously to foreign news \
agencies, who said the attacks had been approved in advance. Opposition politicians demanded that the \
government explain which account was true.

Human rights groups repeated their call for an independent investigation into who was killed, noting that \
the tribal areas remain closed to journalists and that casualty figures come largely from unnamed officials.""")

# ---------------------------------------------------------------------------------------------------------------
# Commentary on the 2013-2014 lull (reports no new strike).
doc(file="2014-06-16_capitalreview_what-the-pause-meant.html", outlet="Capital Review", skin="review",
    url="https://capitalreview.example/analysis/2014/06/16/what-the-drone-pause-meant",
    published="2014-06-16", title="Analysis: what the six-month pause in drone strikes meant", kind="commentary",
    background=[ev("Ob332"), ev("Ob333"), ev("Ob334")],
    body="""\
For 168 days, from Christmas Day 2013 until the night of 11 June, no American drone strike was recorded in \
Pakistan. By the count kept by the Bureau of Investigative Journalism, that was the longest gap since the \
campaign became routine in 2008.

The pause was not an accident. Islamabad asked for restraint while it talked to the Pakistani Taliban, and \
officials in Washington let it be known that they had agreed - while insisting they would still act against \
targets of opportunity.

The contrast with the peak years is stark. In 2010 the Bureau recorded 128 strikes in Pakistan, more than two \
a week. Since then the pace has fallen each year, and the strikes have become concentrated in a few valleys \
of North Waziristan.

What resumed last week was therefore not a return to the old tempo but a signal. Two strikes on consecutive \
nights, days after the Karachi airport attack, told the Taliban's leadership that the protection offered by \
the peace process had ended.

The harder question is what the pause achieved. The talks produced little, the militants used the time to \
regroup, and the army is now preparing the ground offensive it had put off for years. Those who argued that \
restraint would buy peace have little to show for it.""",
    comments=[("Tariq", "I heard twenty people died in the strike last week, not the numbers in the papers."),
              ("J. Holloway", "Good piece. The 2010 figure always shocks people.")])

# ---------------------------------------------------------------------------------------------------------------
# 12 July 2011, Datta Khel (Ob231): four independent reports that say 1, 3, 4 and 9 dead.
doc(file="reports.jsonl", id="tar-2011-07-12-datta-khel", outlet="Tribal Areas Report",
    url="https://tribalareas-report.example/2011/07/12/datta-khel-drone",
    published="2011-07-12", title="One killed in Datta Khel drone strike",
    main=[ev("Ob231", (1, 1), "killing one person")],
    body="""\
A suspected US drone fired missiles at a house in the Datta Khel area of North Waziristan today, killing \
one person, local officials said.

The identity of the dead man was not known. Officials said the house belonged to a local tribesman and that \
drones had been seen over the area since morning.

Datta Khel, west of Miranshah near the Afghan border, has been hit repeatedly this year.""")

doc(file="2011-07-13_morningdispatch_datta-khel.html", outlet="The Morning Dispatch", skin="dispatch",
    url="https://morningdispatch.example/world/asia/2011/07/13/drone-strike-datta-khel-three-dead",
    published="2011-07-13", title="Three militants killed in drone strike in Datta Khel",
    main=[ev("Ob231", (3, 3), "killed three militants")],
    body="""\
An unmanned American aircraft killed three militants on Tuesday in Datta Khel, a district of North Waziristan \
close to the Afghan frontier, Pakistani security officials said.

The officials said the missiles hit a compound used by local and foreign fighters who cross the border to \
attack NATO troops in Afghanistan. The claim could not be verified.

Residents said the strike took place in the afternoon and that the bodies were badly burned.

The United States has intensified its drone campaign in the tribal belt since the killing of Osama bin \
Laden in May, despite protests from Islamabad.""")

doc(file="reports.jsonl", id="wb-2011-07-13-datta-khel", outlet="World Brief",
    url="https://worldbrief.example/2011/07/13/north-waziristan-drone-four",
    published="2011-07-13", title="Four reported dead in North Waziristan strike",
    main=[ev("Ob231", (4, 4), "Four people were killed")],
    body="""\
Four people were killed late Tuesday when missiles from a drone struck a house in Datta Khel in North \
Waziristan, according to two intelligence officials and a local journalist.

The officials said the dead were suspected insurgents, but people in the village said they included a \
shopkeeper who had been visiting the house.

Islamabad has protested against the strikes in public while quietly allowing them to continue, according to \
diplomatic cables released earlier this year.""")

doc(file="2011-07-14_eveningherald_datta-khel-toll.html", outlet="Evening Herald", skin="herald",
    url="https://eveningherald.example/pakistan/2011/07/14/datta-khel-drone-nine-dead",
    published="2011-07-14", title="Nine dead in Datta Khel drone strike, say villagers",
    main=[ev("Ob231", (9, 9), "Nine people died", injured=(5, 5), civilians=(1, 1))],
    body="""\
Nine people died when a drone attacked a house in Datta Khel on Tuesday, villagers told the Evening Herald, \
and five more were wounded. Residents said at least one of the dead was a civilian who lived next door.

The attack was carried out in the early afternoon. A relative of one of the injured said the family had \
taken them by road to Miranshah because the local clinic had no doctor.

Government officials in Peshawar declined to give a figure. Independent verification is impossible because \
the army does not allow reporters into North Waziristan without an escort.

The strike has renewed calls in parliament for the government to block the NATO supply route through \
Pakistan until the attacks stop.""",
    comments=[("Hamid", "The government will never admit how many die. Thank you for talking to the villagers.")])

# ---------------------------------------------------------------------------------------------------------------
# 8 January 2013: two strikes on one day in neighbouring villages near Mir Ali (Ob309, Ob310).
doc(file="reports.jsonl", id="nm-20130108-mir-ali-two-strikes", outlet="The Northern Monitor",
    url="https://northern-monitor.example/pakistan/2013/01/08/two-drone-strikes-mir-ali",
    published="2013-01-08", title="Two drone strikes hit villages near Mir Ali",
    main=[ev("Ob309", (4, 4), "killing four suspected militants"),
          ev("Ob310", (3, 3), "killing three more")],
    body="""\
Two US drone strikes hit villages outside Mir Ali in North Waziristan on Tuesday, officials said, in \
separate attacks a few hours and a few kilometres apart.

In the first, missiles struck a house in Haiderkhel village in the morning, killing four suspected \
militants. The second strike, in the early evening, destroyed a compound in Malangan Hassokhel, killing \
three more, according to two security officials.

The attacks were the latest in a run of strikes in North and South Waziristan since the start of the year. \
A local elder said people in the villages around Mir Ali were afraid to gather in groups.""")

doc(file="2013-01-09_frontierledger_haiderkhel.html", outlet="The Frontier Ledger", skin="ledger",
    url="https://frontierledger.example/tribal-areas/2013/01/09/haiderkhel-drone-strike",
    published="2013-01-09", title="Haiderkhel drone strike kills between four and nine",
    main=[ev("Ob309", (4, 9), "between four and nine people", injured=(2, 2))],
    background=[ev("Ob310")],
    body="""\
A drone strike on a house in Haiderkhel, near Mir Ali, killed between four and nine people on Tuesday, \
officials and residents said, and left two injured.

An official in the political administration said four bodies had been recovered. Villagers said nine people \
had been inside the house, and that none of them had been found alive.

A separate strike was reported later the same day in a neighbouring village, but details of that attack \
were sketchy.

Haiderkhel lies on the road between Mir Ali and Miranshah, an area that has seen repeated drone attacks.""",
    comments=[("Anwar", "Nine people in one house is a family, not a training camp.")])

# ---------------------------------------------------------------------------------------------------------------
# 26 December 2014: the same Shawal village hit twice in a day (Ob356, Ob357).
doc(file="reports.jsonl", id="adt-2014-12-26-shawal-twice", outlet="Asia Desk Today",
    url="https://asiadesk.example/south-asia/shawal-village-hit-twice",
    published="2014-12-26", title="Drones strike the same Shawal village twice in one day",
    main=[ev("Ob356", (4, 4), "killed four suspected militants"),
          ev("Ob357", (3, 3), "killing three more")],
    body="""\
US drones struck the village of Kundghar in the Shawal valley of North Waziristan twice on Friday, officials \
said, in attacks several hours apart.

The first strike, before dawn, killed four suspected militants in a house on the edge of the village. A \
second drone attack hit another building in the same village in the afternoon, killing three more.

The Shawal valley, a forested area straddling North and South Waziristan, has become a main refuge for \
fighters who fled the army's offensive in the lowlands around Miranshah and Mir Ali this summer.""")

doc(file="2014-12-27_tribalareas_twin-strikes.html", outlet="Tribal Areas Report", skin="herald",
    url="https://tribalareas-report.example/2014/12/27/twin-drone-strikes-shawal",
    published="2014-12-27", title="Twin drone strikes kill nine in Shawal valley",
    main=[ev("Ob356", (5, None), "at least five people were killed"),
          ev("Ob357", (4, 4), "four in the second")],
    body="""\
Twin drone strikes killed nine people in Kundghar in the Shawal valley on Friday, according to local \
tribesmen.

At least five people were killed in the first strike, early in the morning, and four in the second, which \
hit the same village hours later as people gathered at the site, the tribesmen said.

There was no official confirmation of the toll. The military, which is conducting its own operation in \
North Waziristan, did not comment on the strikes.""")

# ---------------------------------------------------------------------------------------------------------------
# October 2014: a run of strikes in Shawal (Ob342, Ob343, Ob344) and one in Datta Khel on the same day (Ob345).
doc(file="reports.jsonl", id="nm-20141006-mangrotai", outlet="The Northern Monitor",
    url="https://northern-monitor.example/pakistan/2014/10/06/mangrotai-shawal-drone",
    published="2014-10-06", title="Up to eight killed in second Shawal strike in two days",
    main=[ev("Ob343", (None, 8), "up to eight people", injured=(4, 4))],
    background=[ev("Ob342", (4, 4), "killed four")],
    body="""\
A US drone strike killed up to eight people in Mangrotai in the Shawal area of South Waziristan on Monday, \
officials said. Four others were hurt.

On Sunday, a strike in the Kundhgar area of the same valley killed four. Officials said both attacks \
targeted militants who had moved into the mountains to escape the army's offensive further north.

The Eid al-Adha holiday began in Pakistan on Monday, and residents said many families had been unable to \
reach relatives in the valley.""")

doc(file="2014-10-07_induscourier_shawal-third-strike.html", outlet="Indus Courier", skin="courier",
    url="https://induscourier.example/news/2014/10/07/third-drone-strike-in-three-days-shawal",
    published="2014-10-07", title="Third drone strike in three days hits Shawal; Datta Khel also struck",
    main=[ev("Ob344", (5, None), "killed at least five people"),
          ev("Ob345", (2, 2), "killing two")],
    background=[ev("Ob342"), ev("Ob343")],
    body="""\
A drone strike in Kundhgar in the Shawal valley killed at least five people on Tuesday, the third strike in \
the valley in three days, according to security officials in Wana.

Hours later, in a separate attack, missiles hit a house in Kundser in the Datta Khel area of North \
Waziristan, killing two, the officials said.

The strikes follow attacks on Sunday and Monday in Shawal. The valley's dense forest and high ridges make it \
hard to reach on foot, and officials said the drones were targeting commanders who had left the towns.

No independent confirmation was possible.""",
    comments=[("Zubair", "Three days, three strikes, and no names. Who exactly is being killed?")])

# ---------------------------------------------------------------------------------------------------------------
# 16 July 2014, Saidgai in Datta Khel (Ob337).
doc(file="2014-07-16_morningdispatch_saidgai.html", outlet="The Morning Dispatch", skin="dispatch",
    url="https://morningdispatch.example/world/asia/2014/07/16/saidgai-drone-strike",
    published="2014-07-16", title="Drone strike kills at least 15 in North Waziristan",
    main=[ev("Ob337", (15, None), "killed at least 15 people")],
    body="""\
A US drone strike killed at least 15 people today in Saidgai, a village in the Datta Khel area of North \
Waziristan, Pakistani officials said, one of the deadliest attacks in the region this year.

Officials said several missiles struck a compound that was being used as a hideout by fighters, many of \
them from Central Asia. Local people said the drones kept circling after the strike, preventing rescuers \
from approaching for some time.

The attack comes a month into the army's ground offensive in North Waziristan, which has forced hundreds of \
thousands of people to leave their homes.""")

doc(file="reports.jsonl", id="wb-2014-07-17-saidgai-toll", outlet="World Brief",
    url="https://worldbrief.example/2014/07/17/saidgai-toll-rises",
    published="2014-07-17", title="Toll in Saidgai drone strike rises to 18",
    main=[ev("Ob337", (18, 24), "had risen to 18 by Thursday, officials said, while residents put it as high as 24",
             injured=(6, 6))],
    body="""\
The death toll from Wednesday's drone strike in Saidgai, North Waziristan, had risen to 18 by Thursday, \
officials said, while residents put it as high as 24. Six people were injured.

Officials said the compound struck was used by fighters who had fled the army's advance on Miranshah.

It is one of the largest tolls from a single drone strike in Pakistan since 2011.""")

# ---------------------------------------------------------------------------------------------------------------
# 13 January 2006, Damadola (B5), and Bajaur background.
doc(file="damadola-village-buries-its-dead.txt", outlet=None, url=None, published=None,
    title="Damadola buries its dead after missile strike",
    main=[ev("B5", (13, None), "killed at least 13 people", children=(5, 5), civilians=(10, None))],
    body="""\
Villagers in Damadola, in Pakistan's Bajaur tribal agency, buried their dead on 14 January 2006, a day after \
missiles fired from US aircraft destroyed several houses in the village.

The attack, before dawn on 13 January 2006, killed at least 13 people, among them five children, according \
to local officials. Residents said at least ten of the dead were villagers with no connection to any armed \
group.

The strike was reportedly aimed at a senior al-Qaeda figure who was believed to have been invited to a \
dinner in the village. Villagers insisted he had never been there.

Thousands of people protested in Bajaur and in several Pakistani cities in the days that followed, and the \
government lodged a formal protest with the United States.""")

doc(file="reports.jsonl", id="adt-2006-01-14-damadola", outlet="Asia Desk Today",
    url="https://asiadesk.example/south-asia/2006/01/14/bajaur-missile-strike",
    published="2006-01-14", title="18 killed in missile attack on Bajaur village",
    main=[ev("B5", (18, 18), "Eighteen people were killed")],
    body="""\
Eighteen people were killed on Friday when missiles struck houses in Damadola, a village in the Bajaur \
agency near the Afghan border, officials said. Women and children were among the dead.

Local officials said the attack was carried out by American aircraft. Pakistan's government said it was \
investigating and that it would protest if foreign forces were found to be responsible.

Angry villagers blocked the main road to Khar, the agency headquarters, on Friday afternoon.""")

# ---------------------------------------------------------------------------------------------------------------
# 17 June 2004, Wana (B1): the first known drone strike in Pakistan; attribution contested at the time.
doc(file="reports.jsonl", id="md-2004-06-18-wana-nek", outlet="The Morning Dispatch",
    url="https://morningdispatch.example/world/asia/2004/06/18/nek-mohammad-killed",
    published="2004-06-18", title="Tribal commander Nek Mohammad killed near Wana",
    main=[ev("B1", (7, 7), "killed seven people", children=(2, 2))],
    body="""\
The tribal militant commander Nek Mohammad was killed late on Thursday near Wana in South Waziristan, along \
with several of his companions, Pakistani officials said. The attack killed seven people, among them two \
children.

The army said its own forces had carried out the attack. But residents said they had heard an aircraft \
overhead for some time before the explosion, and some local journalists reported that the missile had been \
fired by an American drone.

Nek Mohammad had signed a peace deal with the army in April and then broken it, and had been accused of \
sheltering foreign fighters in the area.""")

# ---------------------------------------------------------------------------------------------------------------
# 28 September 2014, Wana (Ob341).
doc(file="2014-09-28_frontierledger_wana.html", outlet="The Frontier Ledger", skin="ledger",
    url="https://frontierledger.example/tribal-areas/2014/09/28/wana-drone-strike",
    published="2014-09-28", title="Drone strike near Wana kills at least two",
    main=[ev("Ob341", (2, None), "killing at least two people", injured=(3, 3))],
    body="""\
A drone fired missiles at a vehicle near Wana, the main town of South Waziristan, late this afternoon, \
killing at least two people and injuring three, officials said.

The officials said the vehicle was carrying militants towards the Afghan border. Local people said the \
burning wreck had blocked the road for several hours.

Drone strikes in South Waziristan have been less frequent than in the north in recent years. This was the \
first near Wana for some time.""")

# ---------------------------------------------------------------------------------------------------------------
# Other theatres, so nothing assumes Pakistan.
doc(file="2012-09-03_peninsulatribune_radaa.html", outlet="Peninsula Tribune", skin="brief",
    url="https://peninsulatribune.example/yemen/2012/09/03/radaa-air-strike-civilians",
    published="2012-09-03", title="Air strike near Radaa kills 12 civilians, including three children",
    main=[ev("YEM102", (12, 12), "killed 12 civilians", civilians=(12, 12), children=(3, 3), injured=(4, 4))],
    body="""\
An air strike near the town of Radaa in Yemen's Bayda province killed 12 civilians on Sunday, three of them \
children, local officials and tribal leaders said. Four others were wounded.

Tribal leaders said the victims were villagers returning to their homes and had no links to al-Qaeda in the \
Arabian Peninsula, which the strike was apparently meant to hit.

Local officials blamed a US aircraft. Yemen's defence ministry said at first that several militants had been \
killed, then withdrew the statement. Relatives laid the bodies outside the governor's office in protest.""")

doc(file="reports.jsonl", id="ho-2014-01-27-hawai", outlet="Horn Observer",
    url="https://hornobserver.example/somalia/2014/01/27/drone-strike-lower-shabelle",
    published="2014-01-27", title="Suspected US drone strike kills two in Lower Shabelle",
    main=[ev("SOM019", (2, None), "killed at least two al-Shabaab fighters")],
    body="""\
A suspected US drone strike killed at least two al-Shabaab fighters near Hawai in Somalia's Lower Shabelle \
region on Sunday, residents and a local official said.

Witnesses said a vehicle travelling on a rural road was hit by a missile and burst into flames. Al-Shabaab \
did not comment.

The United States has carried out occasional air strikes in Somalia against al-Shabaab, which is linked to \
al-Qaeda, and against foreign fighters sheltering with the group.""")

doc(file="2014-01-27_worldbrief_somalia.html", outlet="World Brief", skin="brief",
    url="https://worldbrief.example/2014/01/27/somalia-strike-up-to-nine",
    published="2014-01-27", title="Up to nine reported killed in Somalia strike",
    main=[ev("SOM019", (None, 9), "as many as nine people", civilians=(None, 2))],
    body="""\
A missile strike in southern Somalia on Sunday killed as many as nine people near the village of Hawai in \
Lower Shabelle, according to a local elder, who said two of the dead were farmers.

A regional official said the target was a senior al-Shabaab commander but could not say whether he had been \
killed. US officials confirmed there had been an operation against the group but gave no details.""")

doc(file="2015-07-17_hkherald_wardak.html", outlet="Hindu Kush Herald", skin="dispatch",
    url="https://hkherald.example/afghanistan/2015/07/17/wardak-drone-strike",
    published="2015-07-17", title="Drone strike in Wardak kills between eight and 16 insurgents",
    main=[ev("AFG073", (8, 16), "between eight and 16 suspected insurgents")],
    body="""\
A US drone strike killed between eight and 16 suspected insurgents in the Tor Khail area of Wardak province \
on Thursday, Afghan officials said.

A spokesman for the provincial governor said the fighters had gathered to plan attacks on the highway \
between Kabul and Kandahar. The Taliban said the dead were civilians, a claim that could not be checked.

Coalition forces have reduced their role to training and support since the end of their combat mission, but \
the United States continues to carry out air strikes against the Taliban and other groups.""")

# ---------------------------------------------------------------------------------------------------------------
# Commentary: background statistics, policy, compensation. They report no new strike.
doc(file="counting-the-dead-fourteen-years-of-strikes.txt", outlet=None, url=None, published=None,
    title="Counting the dead: fourteen years of drone strikes in Pakistan", kind="commentary",
    background=[ev("B1"), ev("B6"), ev("B15"), ev("Ob42")],
    body="""\
Between June 2004 and January 2018, the Bureau of Investigative Journalism recorded 430 US drone strikes in \
Pakistan. Its researchers estimate that those attacks killed between 2,515 and 4,026 people, of whom between \
424 and 969 were civilians and between 172 and 207 were children.

The distribution across presidencies is lopsided. The Bureau attributes 51 strikes to the Bush years, 373 to \
the Obama administration and six to the first year of the Trump administration. The busiest year by far was \
2010.

The very first strike, near Wana in June 2004, killed a tribal commander who had fallen out with the army. \
The deadliest came in October 2006, when a religious school at Chenegai in Bajaur was destroyed; most of the \
dead were reported to be boys and young men.

Bajaur's village of Damadola was hit three times: in January 2006, in May 2008 and again in October 2009. \
Each time, local accounts of who had died diverged sharply from official statements.

Such figures are always ranges, because the Bureau records the lowest and highest credible numbers reported \
for each attack. Researchers compare news reports, court papers and field investigations, and revise the \
numbers as new information appears.""")

doc(file="reports.jsonl", id="pw-2017-12-20-compensation", outlet="Policy Watch",
    url="https://policywatch.example/commentary/2017/12/20/drone-compensation-pakistan",
    published="2017-12-20", title="Opinion: compensation for drone victims is overdue", kind="commentary",
    background=[ev("T002")],
    body="""\
Pakistan's lawmakers have again asked the government to seek compensation from Washington for the families \
of people killed by drone strikes. The request has no legal force, but it keeps alive a question the United \
States would rather forget.

The drone war in Pakistan is a shadow of what it was. The Bureau of Investigative Journalism counted five US \
strikes in the country in 2017, against well over a hundred in 2010. The deadliest this year, in Zuwai in \
North Waziristan in April, killed at least seven people.

The United States has made condolence payments in Afghanistan and Iraq, sometimes in large sums, and the \
military argues they help repair relations with local communities. In Pakistan, where the programme was run \
in secret, no such scheme exists, and families have turned to the courts instead.

A serious compensation scheme would need an honest record of who was killed. That record exists mostly \
thanks to journalists and researchers, not to either government.""")

doc(file="2015-02-10_morningdispatch_why-counts-differ.html", outlet="The Morning Dispatch", skin="dispatch",
    url="https://morningdispatch.example/opinion/2015/02/10/why-drone-death-counts-differ",
    published="2015-02-10", title="Why nobody agrees how many died", kind="commentary",
    background=[ev("B5")],
    youtube="https://www.youtube.com/watch?v=strikewatch01",
    body="""\
Every drone strike produces not one death toll but several. The first figure usually comes from an unnamed \
local official within hours. Villagers give another, often higher; a militant group may give a third, or \
none. Within days the numbers can move in either direction.

Take the strike on Damadola in Bajaur in January 2006. Early reports varied by more than half, and the \
question of how many of the dead were civilians was argued over for years.

That is why serious trackers publish ranges rather than single numbers, and why they keep each source's \
own figure rather than averaging them. A careful record says who claimed what, and when.

Readers should treat any single headline figure with caution. The range is the story.""",
    comments=[("Nadia", "The range is the story - exactly right."),
              ("pk_reader", "In our area we heard about a strike that killed 30, never reported anywhere.")])
