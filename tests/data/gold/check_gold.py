#!/usr/bin/env python3
"""Consistency checks for the gold corpus (see README.md). Run: python3 tests/data/gold/check_gold.py

Checks that every NNN_slug.json parses, follows the schema, uses ACLED event/sub-event names and the
corpus's canonical actor and admin1 names, that week/month dates are aligned, that out_of_region agrees
with admin1, that every quote occurs verbatim in its .txt, and that each .txt has 200-700 words.
"""
import json, sys, os, re, glob, datetime as dt, calendar
G = os.path.dirname(os.path.abspath(__file__))
ACLED = {
 "Battles": {"Armed clash","Government regains territory","Non-state actor overtakes territory"},
 "Explosions/Remote violence": {"Chemical weapon","Air/drone strike","Suicide bomb","Shelling/artillery/missile attack","Remote explosive/landmine/IED","Grenade"},
 "Violence against civilians": {"Sexual violence","Attack","Abduction/forced disappearance"},
 "Protests": {"Peaceful protest","Protest with intervention","Excessive force against protesters"},
 "Riots": {"Violent demonstration","Mob violence"},
 "Strategic developments": {"Agreement","Arrests","Change to group/activity","Disrupted weapons use","Headquarters or base established","Looting/property destruction","Non-violent transfer of territory","Other"},
}
REGION = {("Balochistan","PK"),("Sistan and Baluchestan","IR")}
ADMIN = {"Balochistan":"PK","Sindh":"PK","Khyber Pakhtunkhwa":"PK","Punjab":"PK","Islamabad Capital Territory":"PK",
         "Sistan and Baluchestan":"IR","Kerman":"IR","Hormozgan":"IR","South Khorasan":"IR","Tehran":"IR",
         "Erbil":"IQ","Baghdad":"IQ","Idlib":"SY"}
ACTORS = {"Pakistan","Iran","Pakistan Army","Frontier Corps","Levies","Counter Terrorism Department","Balochistan Police",
 "IRGC","Iranian Border Guards","Iranian Police","Baloch Liberation Army","Balochistan Liberation Front","Baloch Raaji Aajoi Sangar",
 "Jaish al-Adl","Tehrik-i-Taliban Pakistan","Islamic State Khorasan","Civilians","Protesters","Baloch Yakjehti Committee",
 "Sindh Police","Israel","United States","Islamic State"}
EXTRA_ACTORS = set()
ok = True
def err(f, m):
    global ok; ok = False; print(f"{f}: {m}")
tot_i = tot_q = 0
files = sorted(glob.glob(G+"/[0-9][0-9][0-9]_*.json"))
for jf in files:
    f = os.path.basename(jf); tf = jf[:-5]+".txt"
    if not os.path.exists(tf): err(f,"no txt"); continue
    raw = open(tf,"rb").read()
    try: txt = raw.decode("utf-8")
    except Exception as e: err(f,"not utf8"); continue
    if "\r" in txt: err(f,"CR in text")
    wc = len(txt.split())
    if not 200 <= wc <= 700: err(f, f"word count {wc}")
    try: g = json.load(open(jf, encoding="utf-8"))
    except Exception as e: err(f, f"json: {e}"); continue
    if set(g) != {"published","incidents","quotes"}: err(f, f"keys {set(g)}")
    if g["published"] is not None: dt.date.fromisoformat(g["published"])
    for n,i in enumerate(g["incidents"]):
        tot_i += 1
        req = {"date","date_precision","event_type","sub_event_type","place","admin1","country","geo_precision","actors","fatalities","out_of_region"}
        opt = {"date_end","fatalities_high"}
        if not req <= set(i) or set(i)-req-opt: err(f, f"inc {n} keys {set(i)^req}")
        d = dt.date.fromisoformat(i["date"])
        p = i["date_precision"]
        if p == "day":
            if "date_end" in i: err(f, f"inc {n} day with date_end")
        elif p == "week":
            e = dt.date.fromisoformat(i["date_end"])
            if d.weekday()!=0 or e != d+dt.timedelta(days=6): err(f, f"inc {n} bad week")
        elif p == "month":
            e = dt.date.fromisoformat(i["date_end"])
            if d.day!=1 or e != d.replace(day=calendar.monthrange(d.year,d.month)[1]): err(f, f"inc {n} bad month")
        else: err(f, f"inc {n} precision {p}")
        if g["published"] and d > dt.date.fromisoformat(g["published"]): err(f, f"inc {n} after publication")
        if i["sub_event_type"] not in ACLED.get(i["event_type"], ()): err(f, f"inc {n} acled {i['event_type']}/{i['sub_event_type']}")
        if ADMIN.get(i["admin1"]) != i["country"]: err(f, f"inc {n} admin1/country {i['admin1']} {i['country']}")
        if i["geo_precision"] not in (1,2,3): err(f, f"inc {n} geo")
        if i["geo_precision"]==3 and i["place"]!=i["admin1"]: err(f, f"inc {n} geo3 place should be admin1")
        oor = (i["admin1"], i["country"]) not in REGION
        if i["out_of_region"] != oor: err(f, f"inc {n} out_of_region")
        for a in i["actors"]:
            if set(a)!={"name","role"} or a["role"] not in ("perpetrator","target","claimant"): err(f, f"inc {n} actor {a}")
            if a["name"] not in ACTORS | EXTRA_ACTORS: err(f, f"inc {n} actor name {a['name']}")
        names=[a["name"] for a in i["actors"]]
        if len(names)!=len(set(names)): err(f, f"inc {n} dup actor")
        fa = i["fatalities"]
        if fa is not None and (not isinstance(fa,int) or fa<0): err(f, f"inc {n} fatalities")
        if "fatalities_high" in i and (fa is None or i["fatalities_high"]<=fa): err(f, f"inc {n} fat high")
        if not isinstance(i["out_of_region"], bool): err(f,"oor bool")
    for q in g["quotes"]:
        tot_q += 1
        if set(q)!={"speaker","text"} or not q["speaker"] or not q["text"]: err(f, f"quote keys {q}")
        if q["text"] not in txt: err(f, f"quote not verbatim: {q['text'][:60]}")
        if q["text"][0] in "\"“‘'" : err(f, f"quote starts with mark: {q['text'][:40]}")
    if "-v" in sys.argv:
        print(f"{f}: words={wc} incidents={len(g['incidents'])} quotes={len(g['quotes'])}")
print("files", len(files), "incidents", tot_i, "quotes", tot_q, "OK" if ok else "ERRORS")
sys.exit(0 if ok else 1)
