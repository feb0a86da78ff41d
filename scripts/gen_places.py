#!/usr/bin/env python3
"""Builds the province part of data/places.tsv from the team reference lists
(../shared/reference/provinces_63_pre2025.tsv and provinces_2025.tsv).

Run from the project root: python3 scripts/gen_places.py > /tmp/provinces.tsv
The output rows are pasted into data/places.tsv under the province header;
cities, countries and regions there are maintained by hand.
"""
import csv
import re
import sys

REF = "../shared/reference/"


def rows(name):
    with open(REF + name, encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


unchanged = {r["new_name"] for r in rows("provinces_2025.tsv") if r["status"] == "unchanged"}
out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
for r in rows("provinces_63_pre2025.tsv"):
    name = r["old_name"].replace("Hoà", "Hòa")
    category = "city" if r["old_type"] == "thành phố" else "province"
    successor = "" if name in unchanged else r["merged_into_name"]
    aliases = []
    for a in r["alt_spellings_seen_or_expected"].split(";"):
        a = a.strip()
        # Forms with `TP`/`Thủ đô` are handled by the place-prefix rule.
        a = a.replace("–", "-")
        same = a.replace("oà", "òa").replace("oá", "óa").replace("uỷ", "ủy") == name.replace("oà", "òa")
        if a and not a.startswith(("TP ", "TP. ", "Thủ đô", "Thành phố")) and not same and a.lower() not in [x.lower() for x in aliases]:
            aliases.append(a)
    # A city that was a province until lately (Huế: 'before that "tỉnh Thừa Thiên Huế"')
    # keeps the old province as its own row, so older texts name the province they mean.
    former = re.search(r'before that "tỉnh ([^"]+)"', r["note"])
    if former:
        old = former.group(1)
        old_aliases = [a for a in aliases if a.lower() != old.lower()]
        aliases = []
        out.writerow([old, "|".join(old_aliases), "province", name, "",
                      "provinces_63_pre2025.tsv (note: former province)"])
    prefix_only = "yes" if name == "Hồ Chí Minh" else ""
    if prefix_only:
        # Written after the place word: `TP.HCM`, `TP. HCM`, `UBND TP HCM`.
        aliases.append("HCM")
    out.writerow([name, "|".join(aliases), category, successor, prefix_only,
                  "provinces_63_pre2025.tsv; successor per 60-NQ/TW, Nghị quyết 202/2025/QH15"])
