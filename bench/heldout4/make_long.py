"""Build bench/heldout4/long.jsonl from strikes.py (facts) + hand-written sentence variants.
Deterministic (seeded). Run: .venv/bin/python bench/heldout4/make_long.py"""
from __future__ import annotations

import csv
import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from negatives import NEGATIVES  # noqa: E402
from strikes import PAIRS, SINGLES  # noqa: E402

REF = Path("/work/shared/data/reference")
WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
COUNTRY = {"PK": "Pakistan", "AF": "Afghanistan", "YE": "Yemen", "SO": "Somalia"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def num(n, rnd, cap=False):
    s = WORDS[n] if n <= 12 and rnd.random() < 0.6 else str(n)
    return s[0].upper() + s[1:] if cap else s


def fmt_big(n):
    return f"{n:,}"


def dstr(d):
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


# ---------------------------------------------------------------- reference history (background, statistics)
def load_history():
    hist = {"PK": [], "AF": [], "YE": [], "SO": []}
    wb = openpyxl.load_workbook(REF / "tbij_pakistan_strikes.xlsx", read_only=True)
    for r in list(wb["Drone strikes data"].iter_rows(values_only=True))[1:]:
        if not r[0] or not r[1]:
            continue
        loc = str(r[2] or "").strip()
        area = str(r[3] or "").strip()
        hist["PK"].append((r[1].date(), loc, area, int(r[4] or 0), int(r[5] or 0), r[0]))
    seen = set()
    with open(REF / "tbij_all_countries_with_coordinates.csv", encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    for r in rows:
        if len(r) < 10 or r[0] in seen or r[0][:3] not in ("AFG", "YEM", "SOM"):
            continue
        seen.add(r[0])
        try:
            m, d, y = r[2].split("-")
            dt = date(int(y), int(m), int(d))
            lo, hi = int(r[8]), int(r[9])
        except ValueError:
            continue
        parts = [p.strip() for p in r[4].split(",")]
        cc = {"AFG": "AF", "YEM": "YE", "SOM": "SO"}[r[0][:3]]
        loc, area = parts[0], (parts[-2] if len(parts) >= 3 else "")
        hist[cc].append((dt, loc, area, lo, hi, r[0]))
    for v in hist.values():
        v.sort()
    return hist


HIST = load_history()
BAD = ("unknown", "unclear", "various", "vicinity", "yemen", "somalia", "southern", "central", "/", "area", "border", "south-central")


def background(cc, d, exclude, rnd):
    """Two earlier strikes of the same country: one recent (<= 40 days), one older; with their own places/tolls."""
    cands = [h for h in HIST[cc] if h[0] < d and h[3] > 0 and h[5] not in exclude
             and not any(b in (h[1] + " " + h[2]).lower() for b in BAD) and h[1]]
    recent = [h for h in cands if (d - h[0]).days <= 40 and h[0] != d]
    older = [h for h in cands if 60 <= (d - h[0]).days <= 900]
    out = []
    if recent:
        out.append(rnd.choice(recent))
    if older:
        out.append(rnd.choice(older))
    return out


def when(bd, d, pub):
    days = (d - bd).days
    if days <= 6 and bd.weekday() != d.weekday():
        return f"on {bd.strftime('%A')}" + (" last week" if bd.isocalendar()[1] != pub.isocalendar()[1] else " this week"), "w"
    if bd.year == d.year and bd.month == d.month:
        return f"on {dstr(bd)}", "d"
    last = (d.replace(day=1) - timedelta(days=1))
    if bd.year == last.year and bd.month == last.month:
        return rnd_choice(["last month", f"on {dstr(bd)}"]), "m"
    return rnd_choice([f"in {MONTHS[bd.month - 1]} {bd.year}", f"on {dstr(bd)}"]), "o"


_R = random.Random(7)


def rnd_choice(xs):
    return _R.choice(xs)


def bg_sentence(h, d, pub, rnd, cc):
    bd, loc, area, lo, hi, _ = h
    w, _k = when(bd, d, pub)
    where = loc if not area or area.lower() in loc.lower() else f"{loc} in {area}"
    toll = num(lo, rnd) if lo == hi else rnd.choice([f"between {num(lo, rnd)} and {num(hi, rnd)}", f"{num(lo, rnd)} to {num(hi, rnd)}", f"at least {num(lo, rnd)}"])
    forms = [
        f"{w[0].upper() + w[1:]}, a strike on {where} killed {toll} people.",
        f"The attack came after another {w} in {where}, where {toll} people were reported killed.",
        f"{w[0].upper() + w[1:]}, missiles fired at a compound in {where} left {toll} dead.",
        f"It followed a strike {w} on a vehicle near {where}, which killed {toll}.",
    ]
    return rnd.choice(forms)


def stats(cc, d, rnd):
    hs = [h for h in HIST[cc] if h[0] < d]
    n, lo, hi = len(hs), sum(h[3] for h in hs), sum(h[4] for h in hs)
    start = hs[0][0].year if hs else d.year
    name = COUNTRY[cc]
    forms = [
        f"The Bureau of Investigative Journalism, a London-based group that tracks the covert war, has counted {n} US strikes in {name} since {start}, killing between {fmt_big(lo)} and {fmt_big(hi)} people.",
        f"By the count of the Bureau of Investigative Journalism, {n} American strikes have hit {name} since {start}; it puts the total dead at {fmt_big(lo)} to {fmt_big(hi)}.",
        f"According to figures kept by the Bureau of Investigative Journalism, the United States has carried out more than {max(n - n % 10, 1)} strikes in {name} since {start}, with up to {fmt_big(hi)} people killed.",
    ]
    return rnd.choice(forms)


# ---------------------------------------------------------------- country colour
DATELINE = {"PK": ["PESHAWAR, Pakistan", "ISLAMABAD", "PESHAWAR", "DERA ISMAIL KHAN, Pakistan"],
            "AF": ["JALALABAD, Afghanistan", "KABUL", "KABUL, Afghanistan"],
            "YE": ["ADEN, Yemen", "SANAA", "ADEN"],
            "SO": ["MOGADISHU, Somalia", "NAIROBI, Kenya", "MOGADISHU"]}
ACTOR = {"PK": ["a US drone", "a suspected US drone", "an unmanned American aircraft", "a CIA-operated drone"],
         "AF": ["a US drone", "a US air strike", "an American drone", "a US aircraft"],
         "YE": ["a US drone", "a suspected American drone", "an unmanned US aircraft"],
         "SO": ["a US air strike", "a US drone", "an American aircraft"]}
ACTOR_HEAD = {"PK": ["US drone strike", "Drone strike", "Suspected US drone strike"], "AF": ["US air strike", "US drone strike", "Drone strike"],
              "YE": ["US drone strike", "Suspected US drone strike"], "SO": ["US air strike", "US strike", "Drone strike"]}
VICTIMS = {"PK": ["suspected militants", "people", "alleged militants"], "AF": ["suspected Islamic State fighters", "people", "suspected Taliban fighters", "militants"],
           "YE": ["suspected al-Qaeda militants", "people", "alleged members of al-Qaeda in the Arabian Peninsula"],
           "SO": ["suspected al-Shabaab fighters", "people", "militants"]}
OBJECT = ["a house", "a compound", "a vehicle", "a pickup truck", "a mud-walled house", "a car", "a hideout"]
NAMES = {"PK": ["Noor Wali", "Gul Zaman", "Sher Khan", "Habibullah", "Rahmat Khan", "Ihsanullah"],
         "AF": ["Abdul Wahid", "Mohammad Nabi", "Sayed Karim", "Haji Gul", "Zarif Khan"],
         "YE": ["Saleh Abdullah", "Ahmed Nasser", "Mohammed Ali", "Abdulrahman Saeed"],
         "SO": ["Abdi Hassan", "Mohamed Nur", "Ahmed Farah", "Hassan Ali", "Yusuf Aden"]}
OFFICIAL = {"PK": ["a local government official", "two intelligence officials", "a security official in Peshawar", "a political administration official"],
            "AF": ["the provincial governor's spokesman", "a district police chief", "a provincial council member", "an Afghan army officer"],
            "YE": ["a local security official", "a provincial official", "a tribal leader", "a government security source"],
            "SO": ["a regional administration official", "a Somali intelligence officer", "a local elder", "a district commissioner"]}
THIRD = {"PK": ["a local Taliban commander reached by telephone", "residents of nearby villages", "a doctor at the hospital in Miranshah", "tribesmen who attended the funerals"],
         "AF": ["a doctor at the provincial hospital", "villagers", "a Taliban spokesman", "a tribal elder"],
         "YE": ["a medic at a local clinic", "residents", "a tribal source", "local sources"],
         "SO": ["an al-Shabaab radio station", "a nurse at the local clinic", "residents", "clan elders"]}
REACTION = {
    "PK": ["Pakistan's Foreign Office condemned the attack, calling drone strikes a violation of the country's sovereignty that were counter-productive in the fight against militancy.",
           "In Islamabad, a foreign ministry spokesman said Pakistan had repeatedly told Washington that the strikes must stop, but officials privately acknowledged the attacks continued with some level of cooperation.",
           "The provincial government demanded an explanation, and opposition politicians called for the NATO supply routes to be blocked in protest."],
    "AF": ["A spokesman for US forces in Afghanistan confirmed a 'counter-terrorism strike' in the province but declined to give details of who was targeted.",
           "The Afghan interior ministry said the operation was carried out in coordination with its forces, and the provincial governor's office promised an investigation into any civilian harm.",
           "President Ashraf Ghani's office said it was aware of the strike and was waiting for the findings of a joint assessment team."],
    "YE": ["The Yemeni government, which has allowed US strikes on its territory, did not comment, and the Pentagon declined to discuss specific operations.",
           "A US defence official in Washington confirmed that a strike had taken place against al-Qaeda in the Arabian Peninsula but said an assessment was continuing.",
           "Yemen's exiled government has supported American action against AQAP, which has exploited the civil war to expand its territory."],
    "SO": ["US Africa Command said in a statement that it had carried out a strike in coordination with the Federal Government of Somalia and that it was assessing the results.",
           "Somalia's information ministry welcomed the strike, saying it had weakened al-Shabaab's ability to plan attacks in the capital.",
           "A spokesman for US Africa Command said the command takes allegations of civilian casualties seriously and would review any new information."],
}
QUOTE = {
    "PK": ["\"We heard the drone buzzing for hours, then two loud explosions,\" said {n}, a shopkeeper from the village. \"Everyone ran out, but there was nothing left of the house.\"",
           "\"These planes fly over us day and night. Our children are afraid to go to school,\" said {n}, who said he helped pull bodies from the rubble.",
           "{n}, a farmer who lives nearby, said: \"The dead were buried the same evening. Nobody from the government came.\""],
    "AF": ["\"It was just after the evening prayers when the explosion shook our house,\" said {n}, a resident of the village.",
           "\"We do not know who they were. They came from outside the valley,\" said {n}, a villager who saw the aftermath.",
           "{n}, a local elder, said: \"The fighting never stops here. One day it is the Taliban, the next day it is the planes.\""],
    "YE": ["\"The car was completely burned. We could only recognise them from their weapons,\" said {n}, a resident.",
           "\"People are afraid to travel on this road now,\" said {n}, who lives near the scene.",
           "{n}, a local tribal figure, said: \"We want the government to tell us who decides who lives and who dies.\""],
    "SO": ["\"We heard planes for most of the night and then a huge blast,\" said {n}, a farmer in the area.",
           "\"The fighters had been in the area for weeks. Now people are leaving because they fear more bombs,\" said {n}, a resident.",
           "{n}, a local elder, said: \"Those who were killed were strangers to us, but people here are frightened.\""],
}
UNRELATED = {
    "PK": ["Separately, gunmen attacked a police checkpoint in Bannu, killing two policemen, police said.",
           "In a separate incident, a roadside bomb struck a paramilitary convoy near Wana, wounding four soldiers.",
           "Elsewhere in the northwest, a suicide bomber blew himself up at a market in Kohat, killing six people, police said."],
    "AF": ["In a separate incident, a roadside bomb killed three Afghan policemen in neighbouring Laghman province.",
           "Meanwhile, Taliban fighters overran a checkpoint in Ghazni, killing four soldiers, officials said."],
    "YE": ["Separately, gunmen believed to belong to al-Qaeda shot dead two soldiers at a checkpoint in Lahij.",
           "In Aden, a car bomb exploded outside a police station, killing three officers, security sources said."],
    "SO": ["Separately, al-Shabaab fighters attacked an army base near Afgooye, and the government said five soldiers were killed.",
           "In Mogadishu, a roadside bomb killed two people near a checkpoint, police said."],
}
CONTEXT = {
    "PK": ["The tribal areas along the Afghan border have long served as a refuge for the Pakistani Taliban, al-Qaeda and the Haqqani network, and the army has only limited control over much of the territory. Outsiders, including journalists, need permission from the political administration to enter, and that is rarely granted.",
           "The area is a stronghold of militant groups that fight Pakistani troops and cross the border to attack NATO forces in Afghanistan. Tribal elders who once settled disputes have been sidelined, and many families have moved to towns further east to escape the fighting."],
    "AF": ["The province has seen heavy fighting as Afghan forces, backed by American air power, try to push back the Taliban and a local branch of the Islamic State that emerged last year. Tens of thousands of families have been displaced, and schools and clinics in many villages have closed.",
           "Since the end of NATO's combat mission, US aircraft have supported Afghan troops mainly from the air, and strikes have become the most visible form of American involvement in the war. Local officials often give figures that cannot be checked because the areas are controlled by insurgents."],
    "YE": ["Al-Qaeda in the Arabian Peninsula has taken advantage of the civil war between the Houthi movement and forces loyal to the internationally recognised government to expand its presence across the south and east of the country. The group has carried out attacks abroad as well as inside Yemen.",
           "The region is remote and tribal, with few roads and little government presence, and the United States regards the local al-Qaeda branch as one of the most dangerous affiliates of the network. Casualty reports usually come from tribal sources and cannot be verified."],
    "SO": ["Al-Shabaab, which is linked to al-Qaeda, was pushed out of Mogadishu in 2011 but still controls large parts of the countryside, where it collects taxes and runs its own courts. African Union troops and the Somali army have struggled to hold towns they capture.",
           "The group has been fighting for more than a decade to overthrow the internationally backed government and has carried out bombings in Mogadishu and in neighbouring Kenya. The United States has a small number of troops in the country who advise local forces."],
}
AFTER = ["Funerals were held the following day, and residents said mourners were nervous that drones were still circling overhead. Shops in the nearest market stayed closed.",
         "After the strike, armed men sealed off the site and would not let villagers approach, witnesses said. Some of the bodies were too badly burned to be identified.",
         "Roads into the area were closed for several hours after the attack, and mobile telephone services were cut, making it difficult to reach witnesses.",
         "Relatives later collected what remained of the bodies for burial. A local trader said that people in the area had stopped gathering in large groups for fear of being targeted."]
MORE = {
    "PK": ["Militants in the area usually cordon off the site of a strike within minutes, and they often bury their dead quickly, which makes it hard to establish who was killed. Local reporters who travel to the scene risk arrest by the army or threats from the Taliban.",
           "Residents say the strikes have changed daily life: men avoid travelling in groups, weddings are smaller, and families who can afford it have sent their children to relatives in Bannu or Peshawar. Others say they have nowhere to go."],
    "AF": ["Afghan and American officials routinely describe those killed in strikes as insurgents, while villagers often say the dead include farmers and labourers. The United Nations has called for both sides to be more careful in populated areas.",
           "Villagers said the area had changed hands several times in recent months, and that many families had fled to the provincial capital. Those who stayed said they were caught between the insurgents and the government."],
    "YE": ["Tribal leaders in the area have long complained that they are caught between al-Qaeda fighters, who move through their villages, and the strikes, which they say do not always distinguish between militants and ordinary men carrying weapons, as most Yemeni men do.",
           "The strikes are rarely acknowledged in detail by Washington, and local accounts of who was killed often differ. Relatives sometimes insist that the dead had no links to militant groups, while security officials describe them as senior operatives."],
    "SO": ["Independent verification of strikes in Somalia is difficult, because al-Shabaab controls access to most rural areas and journalists who travel there face serious danger. The group itself often denies losses or gives lower figures.",
           "Residents say the fighters move between villages and sometimes force local men to join them, which makes it hard to say who among the dead was a combatant. Clan elders have asked the government to share information about strikes in their areas."],
}
JUNK = ["Advertisement", "[video]", "Share this article", "Read more: Timeline of the drone war", "ADVERTISEMENT", "Story continues below"]
COOKIE = "We use cookies to give you the best experience on our website. By continuing to browse you agree to our use of cookies. Accept"
COMMENTERS = ["Imran_K", "peacefirst", "J. Roberts", "Farah M.", "anon2010", "Tariq from Lahore", "truthseeker", "Sam W"]


def comments(cc, d, rnd, exclude):
    pool = [h for h in HIST[cc] if h[0] < d - timedelta(days=90) and h[3] > 1 and h[5] not in exclude
            and not any(b in (h[1] + " " + h[2]).lower() for b in BAD) and h[1]]
    h = rnd.choice(pool) if pool else None
    lines = [f"Comments ({3 if h else 2})"]
    names = rnd.sample(COMMENTERS, 3)
    lines.append(f"{names[0]}: Another day, another strike. When will anyone be held to account?")
    if h:
        lines.append(f"{names[1]}: Don't forget {h[1]} in {h[0].year} - {h[4]} dead and not a word of apology.")
    lines.append(f"{names[2]}: Good riddance to the militants, but the numbers never add up.")
    return lines


# ---------------------------------------------------------------- toll sentences
def civ_phrase(civ, ch, rnd):
    """Return a clause about civilians/children or ''."""
    parts = []
    if civ:
        lo, hi = civ
        if lo is None:
            parts.append(rnd.choice([f"as many as {num(hi, rnd)} of the dead were civilians", f"up to {num(hi, rnd)} civilians were among the dead"]))
        elif lo == hi:
            parts.append(rnd.choice([f"{num(lo, rnd)} of the dead were civilians", f"{num(lo, rnd)} civilians were among those killed"]))
        else:
            parts.append(f"between {num(lo, rnd)} and {num(hi, rnd)} of the dead were civilians")
    if ch:
        lo, hi = ch
        if lo is None:
            parts.append(f"as many as {num(hi, rnd)} of them children" if hi > 1 else "possibly a child among them")
        elif lo == hi:
            parts.append(f"including {num(lo, rnd)} {'child' if lo == 1 else 'children'}")
        else:
            parts.append(f"{num(lo, rnd)} or {num(hi, rnd)} of them children")
    return ", ".join(parts)


def inj_phrase(inj, rnd):
    lo, hi = inj
    if lo == hi:
        return rnd.choice([f"{num(lo, rnd)} others were wounded", f"{num(lo, rnd)} more were injured", f"{num(lo, rnd)} people were hurt"])
    return rnd.choice([f"between {num(lo, rnd)} and {num(hi, rnd)} were wounded", f"{num(lo, rnd)} to {num(hi, rnd)} people were injured"])


def where_text(s):
    village, district, province = s["village"], s["district"], s["province"]
    cc = s["cc"]
    if cc == "PK":
        dist = district
        if dist in ("Kurram", "Khyber"):
            dist = f"the {dist} tribal agency"
        elif dist == "Frontier Region Bannu":
            dist = "the Frontier Region of Bannu"
        elif "Waziristan" in dist:
            dist = f"the {dist} tribal region"
        return f"{village} in {dist}" if village else dist, dist
    if district:
        dtxt = f"{district} district of {province} province" if cc == "AF" else f"{district} district of {province}"
        if village and village != district:
            return f"{village}, in the {dtxt}", dtxt
        return f"the {dtxt}", dtxt
    prov = f"{province} province" if cc in ("AF", "YE") else f"the {province} region"
    if cc == "YE" and province in ("Hadramout", "Shabwa", "Abyan", "Marib"):
        prov = f"{province} province"
    if village:
        return f"{village} in {prov}", prov
    return prov, prov


def headline(s, rnd):
    cc, kmin, kmax = s["cc"], s["kmin"], s["kmax"]
    region = s["district"] if s["cc"] == "PK" else (s["district"] or s["province"])
    if s["cc"] == "PK" and region == "Frontier Region Bannu":
        region = "Bannu"
    if cc == "SO" and s["village"]:
        region = s["village"]
    a = rnd.choice(ACTOR_HEAD[cc])
    if kmin == 0:
        return f"{a} hits house in {region}", None
    if kmin == kmax:
        return rnd.choice([f"{a} kills {kmin} in {region}", f"{a} kills {num(kmin, rnd)} in {region}"]), kmin
    if rnd.random() < 0.5:
        return f"{a} kills at least {kmin} in {region}", kmin
    return f"{a} kills up to {kmax} in {region}", kmax


def toll_plan(s, rnd, pubnote):
    """(lede_toll_text, [later toll sentences]) stating kmin and kmax via 2-3 sources."""
    cc, kmin, kmax = s["cc"], s["kmin"], s["kmax"]
    vic = rnd.choice(VICTIMS[cc]) if not s.get("civ") else "people"
    off, third = rnd.choice(OFFICIAL[cc]), rnd.choice(THIRD[cc])
    later = []
    if kmin == 0:
        lede = "destroying it"
        later.append(f"A security official said there were no casualties, but {third} said {num(kmax, rnd)} people had been killed and their bodies taken away before anyone could identify them.")
        return lede, later
    if kmin == kmax:
        lede = f"killing {num(kmin, rnd)} {vic}"
        later.append(rnd.choice([f"{off[0].upper() + off[1:]} confirmed the toll of {num(kmin, rnd)} dead.",
                                 f"The dead, {num(kmin, rnd)} in all, were buried the next morning, according to {third}.",
                                 f"{third[0].upper() + third[1:]} also put the number of dead at {num(kmin, rnd)}."]))
        return lede, later
    mode = rnd.choice(["atleast", "rose", "between", "sources"])
    if mode == "atleast":
        lede = f"killing at least {num(kmin, rnd)} {vic}"
        later.append(f"{third[0].upper() + third[1:]} said the number of dead was higher, putting it at {num(kmax, rnd)}.")
    elif mode == "rose":
        lede = f"killing {num(kmin, rnd)} {vic}, according to initial reports"
        later.append(f"The death toll later rose to {num(kmax, rnd)}, {off} said, after more bodies were recovered from the debris.")
    elif mode == "between":
        lede = f"killing between {num(kmin, rnd)} and {num(kmax, rnd)} {vic}"
        later.append(f"{off[0].upper() + off[1:]} said {num(kmin, rnd)} bodies had been identified, while {third} said as many as {num(kmax, rnd)} had died.")
    else:
        lede = f"killing {num(kmin, rnd)} to {num(kmax, rnd)} {vic}, officials and residents said"
        later.append(f"{off[0].upper() + off[1:]} said {num(kmin, rnd)} people had died. {third[0].upper() + third[1:]} gave a higher figure of {num(kmax, rnd)}.")
    return lede, later


def article(s, rnd, second=None):
    cc = s["cc"]
    d = date.fromisoformat(s["date"])
    pub = d + timedelta(days=rnd.choice([0, 0, 1]))
    wd = d.strftime("%A")
    when_l = (f"late on {wd}" if pub != d else rnd.choice([f"on {wd}", f"early on {wd}", f"on {wd} morning"]))
    loc, region = where_text(s)
    head, hfig = headline(s, rnd)
    if second:
        head = rnd.choice([f"Two drone strikes hit {s['district'] or s['province']} villages", f"Drones strike twice in {s['district'] or s['province']}",
                           f"US strikes hit two villages in {s['district'] or s['province']}"])
        hfig = None
    dl = rnd.choice(DATELINE[cc])
    if rnd.random() < 0.5:
        dl = f"{dl} ({MONTHS[pub.month - 1][:3]} {pub.day})"
    actor = rnd.choice(ACTOR[cc])
    lede_toll, later = toll_plan(s, rnd, None)
    obj = "a house" if s["kmin"] == 0 else rnd.choice(OBJECT)
    paras = []
    lede = f"{dl} - {actor[0].upper() + actor[1:]} fired missiles at {obj} in {loc} {when_l}, {lede_toll}."
    if second:
        lede = f"{dl} - {actor[0].upper() + actor[1:]} struck {obj} in {loc} {when_l}, {lede_toll}, in the first of two strikes in the area that day."
    paras.append(lede)
    inj = s.get("inj")
    cv = civ_phrase(s.get("civ"), s.get("ch"), rnd)
    p2 = []
    if s["target"]:
        if s["id"] == "Ob29":
            p2.append(f"Intelligence officials said the target was {s['target']}, the leader of the Pakistani Taliban, and that he was believed to be among the dead along with his wife.")
        else:
            p2.append(f"Intelligence officials said the target appeared to be {s['target']}, though it was not clear whether he was present when the missiles struck.")
    p2.append(rnd.choice(["The missiles struck as people were gathering inside, according to witnesses.",
                          "Witnesses said the strike flattened the building and set a vehicle parked outside on fire.",
                          f"Witnesses said at least two missiles hit {obj}, and villagers spent hours digging through the rubble."]))
    paras.append(" ".join(p2))
    tolls = list(later)
    if cv:
        tolls.append(rnd.choice([f"Residents said {cv}.", f"According to villagers, {cv}."]))
    if inj:
        tolls.append(f"{rnd.choice(['Hospital staff', 'A medical official', 'Local officials'])} said {inj_phrase(inj, rnd)}.")
    for t in tolls:
        paras.append(t)
    if second:
        sid, vill2, lo2, hi2, inj2 = second
        tt = num(lo2, rnd) if lo2 == hi2 else rnd.choice([f"between {num(lo2, rnd)} and {num(hi2, rnd)}", f"at least {num(lo2, rnd)}, and possibly as many as {num(hi2, rnd)},"])
        t2 = f"Hours later, a second strike hit {rnd.choice(OBJECT)} in {vill2}, a few miles away, killing {tt} more people, the same officials said."
        if inj2:
            t2 += f" In that attack {inj_phrase(inj2, rnd)}."
        paras.append(t2)
    paras.append(rnd.choice(CONTEXT[cc]))
    paras.append(rnd.choice(AFTER))
    paras.append(rnd.choice(MORE[cc]))
    qn = rnd.choice(NAMES[cc])
    paras.append(rnd.choice(QUOTE[cc]).format(n=qn))
    paras.append(rnd.choice(REACTION[cc]))
    bgs = background(cc, d, {s["id"]} | ({second[0]} if second else set()), rnd)
    if bgs:
        paras.append(" ".join(bg_sentence(h, d, pub, rnd, cc) for h in bgs))
    if rnd.random() < 0.4:
        paras.append(rnd.choice(UNRELATED[cc]))
    paras.append(stats(cc, d, rnd))
    paras.append(rnd.choice([
        "Critics say the covert programme operates with little oversight, and that the line between militants and civilians is often drawn after the fact.",
        "Human rights groups have called for greater transparency, saying families of those killed rarely learn why their relatives were targeted.",
        "Access to the area is restricted, making independent verification of casualty figures almost impossible.",
        "Journalists are barred from the area, and casualty figures could not be independently confirmed.",
    ]))
    if sum(len(p.split()) for p in paras) < 310:
        extra = [m for m in MORE[cc] if m not in paras]
        paras.insert(-2, extra[0])
    # assemble with junk
    lines = [head]
    if rnd.random() < 0.3:
        lines.append(COOKIE)
    for i, p in enumerate(paras):
        lines.append(p)
        if i in (2, 5) and rnd.random() < 0.35:
            lines.append(rnd.choice(JUNK))
    if rnd.random() < 0.35:
        lines.extend(comments(cc, d, rnd, {s["id"]}))
    elif rnd.random() < 0.3:
        lines.append("Share this article")
    return "\n\n".join(lines), pub, hfig


def as_dict(t):
    keys = ("id", "cc", "date", "village", "district", "province", "admin2", "admin1", "place", "kmin", "kmax", "civ", "ch", "inj", "target")
    return dict(zip(keys, t, strict=False))


def expect(s, note=None):
    civ, ch, inj = s["civ"], s["ch"], s["inj"]
    e = {"killed_min": s["kmin"], "killed_max": s["kmax"], "admin2": s["admin2"], "place": s["place"], "date": s["date"],
         "injured_min": inj[0] if inj else None, "injured_max": inj[1] if inj else None,
         "civilians_min": civ[0] if civ else None, "civilians_max": civ[1] if civ else None,
         "children_min": ch[0] if ch else None, "children_max": ch[1] if ch else None,
         "country": s["cc"]}
    if s["admin1"]:
        e["admin1"] = s["admin1"]
    if note:
        e["expect_note"] = note
    return e


NOTES = {
    "Ob259": "TBIJ 0-2: a security official says no casualties, residents say two",
    "Ob325": "TBIJ area 'North/South Waziristan'; Makin tehsil is in South Waziristan and the text says so",
    "Ob267": "TBIJ area 'North/South Waziristan'; text places Shawa in North Waziristan (gazetteer: Shewa, North Waziristan)",
    "Ob7": "gazetteer district 'FR Bannu'; text says 'Frontier Region of Bannu'",
    "AFG107": "text names Shorabak without calling it a district; gazetteer has Shurabak only as a place, so the province is expected",
    "AFG162": "Daman in the Bermal area; text names no district the gazetteer knows, so the province is expected",
    "YEM249": "no village named; province only",
    "SOM037": "no village named; region only",
    "SOM049": "Luglaw is not in the gazetteer; region Lower Juba named",
    "YEM269": "civilians 3-8 = all the dead",
    "AFG041": "all 14 dead civilians",
}


def main():
    rnd = random.Random(20240504)
    items = []
    for t in SINGLES:
        s = as_dict(t)
        text, pub, hfig = article(s, rnd)
        note = NOTES.get(s["id"]) or ("province/region only; gazetteer has no district for the place" if s["admin1"] and s["admin2"] == s["admin1"] else None)
        items.append({"id": f"{s['id']}-L4", "style": "news", "text": text, "published": pub.isoformat(), "expect": expect(s, note), "headline_figure": hfig})
    for a, b in PAIRS:
        s = as_dict(a)
        text, pub, _ = article(s, rnd, second=b)
        note = (f"two strikes on one day; the first ({s['place']}) is in the lede and is scored; the second ({b[1]}, {b[2]}-{b[3]} killed, "
                f"TBIJ {b[0]}) legitimately yields a second main event")
        items.append({"id": f"{s['id']}-L4", "style": "news", "variant": "news2", "text": text, "published": pub.isoformat(),
                      "expect": expect(s, note), "headline_figure": None, "second": {"id": b[0], "place": b[1], "killed_min": b[2], "killed_max": b[3]}})
    for nid, pub, text in NEGATIVES:
        items.append({"id": f"{nid}-L4", "style": "negative", "text": text.strip(), "published": pub, "expect": {"events": 0}})
    with open(HERE / "long.jsonl", "w", encoding="utf-8") as fh:
        for it in items:
            fh.write(json.dumps(it, ensure_ascii=False) + "\n")
    print(len(items), "items")


if __name__ == "__main__":
    main()
