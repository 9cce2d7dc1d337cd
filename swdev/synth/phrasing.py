"""Words and sentence templates for synthetic reports, all written by us.

Template slots: ``{perp}`` who struck ("a US drone"), ``{hit}`` the verb ("fired missiles at"), ``{obj}`` what
was hit, ``{where}`` the place phrase, ``{when}`` the date phrase, ``{toll}`` the number phrase ("at least four"),
``{victims}`` the noun ("suspected militants"), ``{attr}`` a trailing attribution ("officials said"),
``{attr_lead}`` a leading one ("According to residents"), ``{source}`` a subject ("Local officials").
A slot name ending in ``_cap`` is the same value with a capital first letter.
"""

from __future__ import annotations

from strikewatch.calendar_words import MONTH_NAMES, WEEKDAY_NAMES

NUMBER_WORDS: tuple[str, ...] = (
    "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
)
ORDINALS: tuple[str, ...] = ("zeroth", "first", "second", "third", "fourth", "fifth", "sixth")
WEEKDAYS: tuple[str, ...] = WEEKDAY_NAMES
MONTHS: tuple[str, ...] = MONTH_NAMES

# Who struck, by strike type. Chosen per report.
PERP_DRONE: tuple[str, ...] = (
    "a US drone", "an American drone", "a suspected US drone", "a CIA-operated drone", "an unmanned US aircraft",
    "a pilotless American aircraft", "a US unmanned aerial vehicle", "a suspected American drone",
    "drones believed to be operated by the CIA", "a remotely piloted US aircraft",
)
PERP_AIR: tuple[str, ...] = (
    "a US aircraft", "an American warplane", "a suspected US air strike", "US aircraft", "a coalition aircraft",
    "a US military aircraft", "an American drone",
)
STRIKE_NOUN_DRONE: tuple[str, ...] = (
    "drone strike", "US drone strike", "suspected US drone strike", "missile strike", "drone attack",
    "American drone strike", "suspected drone attack", "CIA drone strike",
)
STRIKE_NOUN_AIR: tuple[str, ...] = ("air strike", "US air strike", "suspected US air strike", "aerial attack",
                                    "missile strike")
HIT: tuple[str, ...] = (
    "struck", "hit", "targeted", "fired missiles at", "attacked", "fired two missiles at", "launched missiles at",
    "bombed",
)
OBJECTS: tuple[str, ...] = (
    "a house", "a compound", "a vehicle", "a hideout", "a mud-brick house", "a car", "a pickup truck",
    "a suspected militant hideout", "a building", "a training camp", "a seminary", "a home",
)
VICTIMS: dict[str, tuple[str, ...]] = {
    "PK": ("people", "people", "suspected militants", "militants", "alleged militants", "suspected insurgents",
           "people", "suspected Taliban fighters", "tribesmen"),
    "AF": ("people", "suspected insurgents", "Taliban fighters", "suspected militants", "people",
           "suspected Islamic State fighters"),
    "YE": ("people", "suspected al-Qaeda militants", "alleged militants", "people", "suspected AQAP fighters"),
    "SO": ("people", "suspected al-Shabaab fighters", "militants", "people", "al-Shabaab members"),
    "": ("people", "suspected militants", "people", "fighters"),
}
SINGULAR: dict[str, str] = {
    "people": "person", "suspected militants": "suspected militant", "militants": "militant",
    "alleged militants": "alleged militant", "suspected insurgents": "suspected insurgent",
    "suspected Taliban fighters": "suspected Taliban fighter", "tribesmen": "tribesman",
    "Taliban fighters": "Taliban fighter", "suspected Islamic State fighters": "suspected Islamic State fighter",
    "suspected al-Qaeda militants": "suspected al-Qaeda militant", "suspected AQAP fighters":
    "suspected AQAP fighter", "suspected al-Shabaab fighters": "suspected al-Shabaab fighter",
    "al-Shabaab members": "al-Shabaab member", "fighters": "fighter",
}
ATTR: tuple[str, ...] = (
    "officials said", "local officials said", "security officials said", "intelligence officials said",
    "residents said", "tribal elders said", "a local official said", "two security officials said",
    "according to local officials", "according to residents", "according to security sources",
    "a government official said on condition of anonymity", "local media reported", "witnesses said",
    "an official in the local administration said", "officials told reporters", "villagers said",
)
ATTR_LEAD: tuple[str, ...] = (
    "According to local officials", "According to residents", "According to two intelligence officials",
    "According to security sources", "According to tribal elders", "According to people in the area",
    "According to a local government official", "According to hospital sources",
)
SOURCES: tuple[str, ...] = (
    "Officials", "Local officials", "Security officials", "Residents", "Tribal elders", "A local official",
    "Two intelligence officials", "A government official", "Witnesses", "Villagers", "A police officer",
)

# Lead sentences. Every one states the toll once, the place once and the date once.
LEADS: tuple[str, ...] = (
    "{perp_cap} {hit} {obj} {where} {when}, killing {toll} {victims}, {attr}.",
    "{toll_cap} {victims} were killed {when} when {perp} {hit} {obj} {where}, {attr}.",
    "{attr_lead}, {perp} {hit} {obj} {where} {when}, killing {toll} {victims}.",
    "{perp_cap} killed {toll} {victims} {where} {when}, {attr}.",
    "{when_cap}, {perp} {hit} {obj} {where}, killing {toll} {victims}, {attr}.",
    "A {strike_noun} {where} {when} killed {toll} {victims}, {attr}.",
    "{toll_cap} {victims} died {when} in a {strike_noun} {where}, {attr}.",
    "{source} said {perp} had {hit} {obj} {where} {when}, killing {toll} {victims}.",
    "{source} said {toll} {victims} were killed when {perp} {hit} {obj} {where} {when}.",
    "{perp_cap} {hit} {obj} {where} {when}. {source} said {toll} {victims} were killed.",
    "{toll_cap} {victims} were reported dead after {perp} {hit} {obj} {where} {when}, {attr}.",
    "{perp_cap} {hit} {obj} {where} {when}. {toll_cap} {victims} died, {attr}.",
    "A {strike_noun} hit {obj} {where} {when}, and {toll} {victims} were killed, {attr}.",
    "{when_cap}, {toll} {victims} were killed {where} when {perp} {hit} {obj}, {attr}.",
    "Missiles fired by {perp} {hit_plain} {obj} {where} {when}, killing {toll} {victims}, {attr}.",
    "A {strike_noun} on {obj} {where} {when} left {toll} {victims} dead, {attr}.",
)
LEADS_ROSE: tuple[str, ...] = (
    "The death toll from the {strike_noun} {where} {when} rose to {toll}, {attr}.",
    "The number of people killed in the {strike_noun} {where} {when} has risen to {toll}, {attr}.",
    "{source} said the toll from the {strike_noun} {where} {when} had climbed to {toll}.",
)
LEADS_NONE: tuple[str, ...] = (  # {toll} is "no one" or "nobody"
    "{perp_cap} {hit} {obj} {where} {when}, but {toll} was killed, {attr}.",
    "A {strike_noun} {where} {when} damaged {obj}, but {toll} was killed, {attr}.",
    "{perp_cap} {hit} {obj} {where} {when}; {source_lower} said {toll} was killed.",
)
LEADS_UNKNOWN: tuple[str, ...] = (
    "{perp_cap} {hit} {obj} {where} {when}, {attr}. There was no word on casualties.",
    "A {strike_noun} hit {obj} {where} {when}, {attr}, but it was not clear whether anyone had been killed.",
)

INJURED: tuple[str, ...] = (
    "{n_cap} other people were injured.", "{n_cap} others were wounded, {attr}.", "The strike also wounded {n}.",
    "{n_cap} more were hurt and taken to hospital.", "At least {n} people were injured.",
    "{source} said {n} people were wounded.",
)
INJURED_ONE: tuple[str, ...] = (
    "{n_cap} other person was injured.", "{n_cap} more person was wounded, {attr}.",
    "The strike also wounded {n} person.", "{source} said {n} person was hurt.",
)
CIVILIANS: tuple[str, ...] = (
    "Residents said {n} of the dead were civilians.", "{n_cap} civilians were among those killed, relatives said.",
    "Local people said the dead included {n} civilians.", "Villagers said {n} of those killed had no links to "
    "any armed group.",
)
CIVILIANS_ONE: tuple[str, ...] = (
    "Residents said {n} of the dead was a civilian.", "Relatives said {n} of those killed was a civilian.",
    "Villagers said {n} of the dead had no links to any armed group.",
)
CHILDREN_ONE: tuple[str, ...] = (
    "{n_cap} of the dead was a child, villagers said.", "Relatives said {n} child was among the victims.",
)
CHILDREN: tuple[str, ...] = (
    "{n_cap} of the dead were children, villagers said.", "The dead included {n} children, according to relatives.",
    "Relatives said {n} children were among the victims.",
)
DETAILS_NEUTRAL: tuple[str, ...] = (
    "It was not clear who had been targeted.", "Residents said drones had been flying over the area for hours "
    "before the attack.", "Witnesses described hearing the buzz of drones before the explosions.",
    "Independent verification was not possible.", "The building was badly damaged, residents said.",
    "Officials gave no further details.",
)
DETAILS: tuple[str, ...] = (
    "The identities of those killed were not immediately known.", "Officials did not identify the dead.",
    "It was not clear who had been targeted.", "Residents said drones had been flying over the area for hours "
    "before the attack.", "Witnesses described hearing the buzz of drones before the explosions.",
    "Rescuers pulled bodies from the rubble.", "Militants cordoned off the area after the strike.",
    "The bodies were handed over to relatives for burial.", "The area is closed to journalists, and the figures "
    "could not be independently confirmed.", "Independent verification was not possible.",
    "The building was completely destroyed, residents said.", "Officials said the dead were believed to include "
    "foreign fighters.",
)
TARGET: tuple[str, ...] = (
    "The target was believed to be {target}.", "Officials said the strike was aimed at {target}.",
    "Intelligence officials said {target} may have been among those present.",
)

# A second strike on the same day, for reports that cover both.
SECOND_NEARBY: tuple[str, ...] = (
    "Hours later, a second strike hit {obj} in {place2}, {near}, killing {toll} {victims}.",
    "In a separate attack later the same day, {perp} {hit} {obj} in {place2}, killing {toll} {victims}, {attr}.",
    "A second {strike_noun} in nearby {place2} killed {toll} {victims}, {attr}.",
)
SECOND_SAME: tuple[str, ...] = (
    "A second strike hit the same village hours later, killing {toll} {victims}.",
    "Later in the day drones returned to {place2} and struck again, killing {toll} {victims}, {attr}.",
)

# Background mentions of an earlier strike.
BACKGROUND_TOLL: tuple[str, ...] = (
    "The attack came {days} after a strike in {place} killed {toll} {victims}.",
    "On {weekday}, a drone strike in {place} killed {toll} {victims}.",
    "A previous strike, on {date}, hit {place}, killing {toll} {victims}.",
    "It followed a strike on {date} in {place} in which {toll} {victims} died.",
    "Earlier this month, {toll} {victims} were killed in a strike in {place}.",
)
BACKGROUND_COMMENT: tuple[str, ...] = (
    "On {date}, a strike in {place} killed {toll} {victims}.",
    "A strike on {place} on {date} killed {toll} {victims}.",
    "When drones hit {place} on {date}, {toll} {victims} died.",
)
BACKGROUND_COMMENT_PLAIN: tuple[str, ...] = (
    "{place} was hit on {date}.", "On {date} it was the turn of {place}.",
    "A strike on {place} on {date} drew protests from local elders.",
)
BACKGROUND_PLAIN: tuple[str, ...] = (
    "The strike followed an attack on {place} on {date}.",
    "It was the latest in a series of strikes in {country}, after one in {place} on {date}.",
    "{place} was also hit on {date}.",
)

COUNTRY_GOV: dict[str, str] = {"PK": "Islamabad", "AF": "Kabul", "YE": "Sanaa", "SO": "Mogadishu"}
DATELINES: dict[str, tuple[str, ...]] = {
    "PK": ("PESHAWAR", "ISLAMABAD", "DERA ISMAIL KHAN"), "AF": ("KABUL", "JALALABAD"), "YE": ("SANAA", "ADEN"),
    "SO": ("MOGADISHU", "NAIROBI"),
}

# Context paragraphs come from a small grammar rather than fixed sentences, so that two unrelated generated
# articles share little text (near-duplicate detection must only pair real reposts). A theme is three lists:
# sentence = one of each, joined by spaces. Every combination must read as a sentence.
Theme = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]

FILLER: dict[str, tuple[Theme, ...]] = {
    "": (
        (("The United States", "Washington", "The US government", "The administration"),
         ("rarely comments on", "seldom discusses", "almost never confirms", "does not usually acknowledge"),
         ("individual strikes.", "specific attacks.", "particular operations.", "the details of single strikes.",
          "who was targeted in a given attack.")),
        (("Human rights groups", "Rights campaigners", "Legal charities", "Advocacy groups", "Civil liberties groups"),
         ("have long called for", "keep pressing for", "continue to demand", "have repeatedly urged"),
         ("more openness about who is killed.", "an independent inquiry into civilian deaths.",
          "public records of every strike.", "a clear legal justification for the programme.",
          "compensation for the families of civilians.")),
        (("Relatives of the dead", "Families in the area", "Bereaved families", "Survivors of earlier attacks"),
         ("say they have no way of", "complain that there is no channel for", "have given up on",
          "describe the difficulty of"),
         ("finding out why their homes were hit.", "challenging the official account.",
          "getting their losses recognised.", "obtaining any explanation from officials.")),
        (("Critics", "Opponents of the programme", "Some former officials", "Several academic studies"),
         ("argue that", "suggest that", "have warned that", "contend that"),
         ("the strikes create more enemies than they remove.", "the campaign fuels recruitment by armed groups.",
          "remote killing lowers the threshold for the use of force.",
          "the strikes undermine local governments in the eyes of their citizens.")),
        (("Supporters of the programme", "Officials who defend the strikes", "Proponents", "Its defenders"),
         ("say it has", "insist it has", "argue that it has", "point out that it has"),
         ("removed dangerous commanders without risking soldiers.", "disrupted planning for attacks abroad.",
          "kept armed groups on the move and off balance.", "killed several senior figures over the years.")),
        (("Information from the area", "News from the region", "Reliable detail about the attack",
          "Independent confirmation"),
         ("is scarce because of", "is slow to emerge because of", "is hard to come by given"),
         ("poor telephone coverage.", "restrictions on travel.", "the security situation.",
          "the absence of independent reporters.", "curfews imposed by the authorities.")),
        (("Local hospitals", "Clinics in the district", "Health facilities nearby", "The nearest hospitals"),
         ("are poorly equipped,", "lack specialist staff,", "are short of medicines,", "are overstretched,"),
         ("and the badly injured often travel for hours for treatment.", "according to doctors in the region.",
          "aid workers say.", "and many patients are sent on to larger cities.")),
        (("Lawyers for the families", "Legal teams acting for victims", "Attorneys representing survivors"),
         ("have tried to bring cases in", "have filed petitions in", "are seeking hearings in"),
         ("foreign courts.", "domestic courts.", "several jurisdictions.", "the courts, so far without success.")),
        (("The legal basis for the strikes", "The lawfulness of the campaign", "The legal framework for the attacks"),
         ("remains disputed among", "is still debated by", "continues to divide"),
         ("international lawyers.", "legal scholars.", "United Nations experts.", "parliamentarians.")),
        (("Researchers who track the strikes", "Independent monitors", "Groups that count the dead"),
         ("combine", "rely on", "cross-check", "piece together"),
         ("local reporting and officials' statements.", "press reports, court papers and interviews.",
          "accounts from residents and officials.", "several sources before recording a strike.")),
        (("Death tolls", "Casualty figures", "Early counts of the dead", "Initial figures"),
         ("often change in the days after an attack", "are frequently revised", "tend to shift over time"),
         ("as bodies are recovered and identified.", "as more information reaches the towns.",
          "once relatives come forward.", "as officials and residents give competing accounts.")),
        (("Some families", "Many of the bereaved", "A number of victims' relatives"),
         ("have asked for", "say they want", "would settle for"),
         ("nothing more than an apology.", "a public acknowledgement of their loss.",
          "the names of the dead to be recorded.", "help rebuilding their homes.")),
        (("Similar attacks", "Earlier strikes", "Previous raids in the region"),
         ("have set off protests,", "have led to demonstrations,", "prompted sit-ins,"),
         ("with crowds blocking roads and burning tyres.", "some of them lasting days.",
          "with traders shutting their shops in solidarity.", "as residents demanded an end to the attacks.")),
        (("Aid workers", "Teachers in the area", "Community leaders", "Doctors working in the region"),
         ("say fear of the drones", "report that the constant presence of drones",
          "describe how the threat of attack"),
         ("keeps children out of school.", "keeps people away from markets.",
          "makes families reluctant to gather for weddings.", "has caused widespread anxiety.")),
        (("Many residents", "Hundreds of families", "Large numbers of villagers", "Some households"),
         ("have left for", "have moved to", "have sought shelter in"),
         ("safer towns.", "relatives' homes in the cities.", "camps for displaced people.",
          "districts further from the border.")),
        (("Successive administrations", "Several governments", "Policymakers in Washington"),
         ("have expanded or scaled back", "have reshaped", "have changed the rules of"),
         ("the campaign with little public debate.", "the programme largely out of view.",
          "the strikes without publishing their reasoning.")),
        (("Analysts", "Security experts", "Observers of the conflict", "Former intelligence officers"),
         ("say the pace of the strikes", "note that the tempo of attacks", "point out that the number of strikes"),
         ("tends to rise after major militant attacks.", "varies with the state of diplomatic relations.",
          "has fallen sharply since its peak.", "is hard to predict from one month to the next.")),
        (("The secrecy surrounding the programme", "The lack of official data", "The absence of public records"),
         ("makes it hard to judge", "leaves open the question of", "complicates any assessment of"),
         ("whether the strikes are working.", "how many civilians have died.", "who is being targeted.",
          "what the campaign has achieved.")),
        (("Shopkeepers", "Traders", "Market stallholders"),
         ("said the bazaar in the nearest town", "said shops nearby", "reported that business in the area"),
         ("stayed closed for the rest of the day.", "did not reopen until the following morning.",
          "came to a standstill after the attack.")),
        (("Officials in {gov}", "The government in {gov}", "Authorities in {gov}"),
         ("said they were seeking", "promised to gather", "were waiting for"),
         ("more information about the attack in {area}.", "a report from officials in {area}.",
          "details of the casualties in {area}.")),
        (("Residents of {area}", "People in {area}", "Villagers across {area}"),
         ("say they", "told visitors that they", "complain that they"),
         ("no longer sleep outside in summer.", "avoid travelling after dark.",
          "keep their children indoors when drones are overhead.", "can hear the aircraft most nights.")),
        (("Mobile phone networks in {area}", "Internet services in {area}", "Telephone lines in {area}"),
         ("are often shut down", "are frequently suspended", "are cut for long periods"),
         ("for security reasons.", "during military operations.", "so news of attacks travels slowly.")),
        (("Road links between {area} and the rest of {cname}", "Supply routes into {area}", "Roads out of {area}"),
         ("are frequently cut,", "are often closed,", "remain unreliable,"),
         ("slowing any relief effort.", "making it hard to move the wounded.", "according to local traders.")),
        (("Commentators in {cname}", "Newspaper editorials in {cname}", "Columnists in {cname}"),
         ("say the strikes have become", "argue that the attacks are now", "lament that the raids seem"),
         ("almost routine.", "barely newsworthy.", "a permanent feature of life in {area}.")),
        (("Elders from {area}", "Tribal leaders from {area}", "Community representatives from {area}"),
         ("have repeatedly asked", "have tried for months", "are again seeking"),
         ("to meet officials.", "to present their complaints to the government.",
          "to be heard by a parliamentary committee.")),
        (("Officials would not say", "It was not clear", "Nobody would confirm"),
         ("whether the government in {gov}", "if the authorities in {gov}", "whether anyone in {gov}"),
         ("had been told in advance.", "had approved the strike.", "had been consulted.")),
    ),
    "PK": (
        (("Pakistan's government", "The Foreign Office in Islamabad", "The interior ministry"),
         ("publicly condemns the strikes as", "has described such attacks as", "routinely calls the strikes"),
         ("a violation of sovereignty.", "counterproductive.", "a breach of international law.")),
        (("Officials in Islamabad", "Some Pakistani generals", "Senior Pakistani officers"),
         ("have been accused of", "are widely suspected of", "have faced allegations of"),
         ("tolerating the attacks in private.", "sharing intelligence for some strikes.",
          "saying one thing in public and another in private.")),
        (("The border districts", "The tribal districts", "The mountains along the Afghan frontier"),
         ("have long been a stronghold of", "have for years sheltered", "remain a refuge for"),
         ("the Pakistani Taliban.", "allied armed groups.", "fighters from Central Asia.",
          "commanders wanted on both sides of the border.")),
        (("The army", "Pakistan's military", "The paramilitary Frontier Corps"),
         ("has mounted several operations in the region,", "has fought repeated campaigns in the area,",
          "has launched offensives nearby,"),
         ("forcing many families from their homes.", "with mixed results.", "at a heavy cost to civilians.")),
        (("Parliament", "The National Assembly", "The Senate"),
         ("has passed resolutions", "has voted more than once", "has repeatedly called"),
         ("demanding an end to the attacks.", "against the strikes.", "for compensation for victims.")),
        (("Reporters", "Foreign journalists", "Even local correspondents"),
         ("need special permission", "require military clearance", "must obtain official passes"),
         ("to enter the tribal districts.", "to travel beyond the checkpoints.", "to visit the scene.")),
        (("Relations between Washington and Islamabad", "Ties between the two governments",
          "Dealings between the allies"),
         ("have swung between", "have long alternated between", "have moved back and forth between"),
         ("close cooperation and open hostility.", "partnership and suspicion.", "praise and recrimination.")),
        (("Tribal elders", "Jirgas of local leaders", "Village councils"),
         ("have demanded", "have petitioned for", "continue to call for"),
         ("compensation for civilian deaths.", "an end to the strikes.", "a say in security policy.")),
        (("Opposition politicians", "Religious parties", "Several senators"),
         ("called on the government to", "urged ministers to", "demanded that officials"),
         ("raise the matter with Washington.", "summon the US ambassador.", "explain what they knew.")),
        (("The tribal areas", "The districts along the border", "Communities in the region"),
         ("are among the poorest parts of the country,", "have some of the lowest literacy rates in Pakistan,",
          "have long been neglected by the state,"),
         ("with few schools or clinics.", "development officials say.", "according to government surveys.")),
    ),
    "AF": (
        (("The Afghan government", "The presidential palace", "The defence ministry"),
         ("says such strikes are", "insists the raids are", "maintains that air operations are"),
         ("coordinated with its forces.", "carried out at its request.", "aimed only at insurgents.")),
        (("The Taliban", "Insurgent groups", "Armed opposition groups"),
         ("have stepped up attacks on", "have pressed hard against", "have repeatedly targeted"),
         ("government positions in the province.", "district centres nearby.", "checkpoints on the main road.")),
        (("Afghan officials", "Provincial authorities", "Army spokesmen"),
         ("often describe those killed as insurgents,", "usually say the dead were fighters,"),
         ("a claim villagers sometimes dispute.", "which local people often contest.")),
        (("The United Nations", "The UN mission", "The UN human rights office"),
         ("has raised concerns about", "has recorded a rise in", "has repeatedly warned about"),
         ("civilian casualties from air operations.", "deaths caused by air strikes.")),
    ),
    "YE": (
        (("Yemen's government", "The government in Sanaa", "The interior ministry"),
         ("has allowed the United States to strike", "has cooperated in operations against",
          "has welcomed action against"),
         ("al-Qaeda in the Arabian Peninsula.", "AQAP fighters in the south.", "militants in the provinces.")),
        (("AQAP", "The group", "Al-Qaeda's Yemeni branch"),
         ("has exploited", "has taken advantage of", "has thrived on"),
         ("the country's political turmoil.", "the weakness of the state.", "tribal grievances.")),
        (("Tribal leaders", "Local sheikhs", "Community figures"),
         ("say the strikes have turned", "warn that the attacks are turning", "believe the raids have pushed"),
         ("opinion against the government.", "young men towards the militants.")),
    ),
    "SO": (
        (("Al-Shabaab", "The militant group", "The al-Qaeda-linked movement"),
         ("controls", "still holds", "operates freely across"),
         ("large rural areas in the south.", "much of the countryside.", "key supply roads.")),
        (("African Union troops", "Government forces", "Regional troops"),
         ("support", "fight alongside", "are backed by"),
         ("the Somali government.", "US advisers.", "local militias.")),
        (("The United States", "The Pentagon", "US Africa Command"),
         ("says its strikes", "maintains that its air operations", "insists its raids"),
         ("support Somali forces.", "target only militants.", "are carried out with Somali consent.")),
    ),
}

HEADLINES: tuple[str, ...] = (
    "Drone strike kills {t} in {p}", "{T} killed in suspected US drone strike in {a}", "US drone strike hits {p}, "
    "{t} dead", "Missile strike on {p} kills {t}", "{a}: {t} dead in drone attack", "Suspected US strike kills {t} "
    "in {c}", "{T} dead after drone hits {p}", "Drone attack in {a} leaves {t} dead", "{T} killed as drones strike "
    "{a}", "US strike in {p} kills {t}, officials say",
)
HEADLINES_ROSE: tuple[str, ...] = ("Toll from {p} drone strike rises to {t}", "{p} strike: death toll climbs to {t}")
HEADLINES_NONE: tuple[str, ...] = ("Drone strike hits {p}, no casualties reported", "Missiles hit {p}; no deaths")
HEADLINES_TWO: tuple[str, ...] = ("Two drone strikes hit {a} in one day", "Drones strike twice in {a}",
                                  "Twin strikes in {a} as drone campaign intensifies")
HEADLINES_COMMENT: tuple[str, ...] = (
    "Analysis: what the latest strikes say about the campaign in {c}", "Opinion: the hidden cost of the drone "
    "war", "Comment: counting the dead in {a}", "Why the strikes in {a} matter", "Analysis: secrecy and the "
    "strikes in {c}",
)
COMMENT_OPENERS: tuple[str, ...] = (
    "The latest strikes in {a} have revived an old argument about what the campaign achieves.",
    "Another month, another run of strikes in {a}, and still almost no public accounting.",
    "It is easy to lose track of the strikes in {a}; they rarely make the front pages any more.",
    "Every strike in {a} raises the same questions, and they are seldom answered.",
)

OUTLETS: tuple[tuple[str, str], ...] = (
    ("The Daily Courier", "dailycourier"), ("Frontier Observer", "frontierobserver"), ("Northern Star", "nstar"),
    ("The Evening Ledger", "eveningledger"), ("Valley Times", "valleytimes"), ("Border Monitor", "bordermonitor"),
    ("The Morning Chronicle", "morningchronicle"), ("Capital Gazette", "capitalgazette"),
    ("The Weekly Standard-Bearer", "standardbearer"), ("Highland Herald", "highlandherald"),
    ("Metro Tribune", "metrotribune"), ("The National Post-Dispatch", "npdispatch"), ("River City News", "rcnews"),
    ("Southern Echo", "southernecho"), ("The Plains Record", "plainsrecord"), ("Coastal Mail", "coastalmail"),
    ("The Observer Review", "observerreview"), ("World Affairs Daily", "worldaffairsdaily"),
    ("Global Desk", "globaldesk"), ("The International Letter", "intlletter"), ("Current Events Weekly", "cew"),
    ("The Citizen Journal", "citizenjournal"), ("Lakeside Bulletin", "lakesidebulletin"),
    ("The Policy Review", "policyreview"), ("Asia Report", "asiareport"), ("The Regional Voice", "regionalvoice"),
    ("Mountain Post", "mountainpost"), ("The Open Record", "openrecord"), ("Harbour Times", "harbourtimes"),
    ("The Signal", "thesignal"), ("Crossroads Daily", "crossroadsdaily"), ("The Frontier Sentinel", "fsentinel"),
)
AGENCIES: tuple[tuple[str, str], ...] = (
    ("Frontier Press Agency", "FPA"), ("Continental News Service", "CNS"), ("Global Wire Service", "GWS"),
    ("Asia Newswire", "ANW"),
)
# Small edits outlets make when they repost an agency story: (from, to) pairs, applied to context sentences.
WIRE_EDITS: tuple[tuple[str, str], ...] = (
    ("declined to comment", "did not respond to a request for comment"), ("long called for", "repeatedly urged"),
    ("rarely", "seldom"), ("Washington", "the US government"), ("difficult", "hard"), ("often", "frequently"),
    ("the scene of an attack", "the site of a strike"),
)
