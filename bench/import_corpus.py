#!/usr/bin/env python3
"""A plans repository for timing `aplan import`: 1,000 departments with a 2018 plan each
(a context with figures, an issue, five actions with an update), and beside it a usage
file of 3,000 rows, three per department, half naming the department by id and half by
name.

    python3 bench/import_corpus.py /tmp/import/repo    # writes /tmp/import/usage.csv too

The same arguments always write the same files. Every plan is valid.
"""

import os, random, sys, csv
random.seed(1)
root = sys.argv[1]
os.makedirs(f"{root}/plans/2018", exist_ok=True)
staff=["jsmith","bjones","cdavis","mblake"]
cfg=['[library]\nname = "Perf Library"\ncurrency = "GBP"\n\n[limits]\nmax_departments_per_librarian = 1000\nmax_initiatives_per_librarian = 10000\n']
for s,r in zip(staff,["liaison-librarian"]*3+["liaison-manager"]):
    cfg.append(f'[[staff]]\nid = "{s}"\nname = "{s.title()}"\nrole = "{r}"\n')
cfg.append('[themes.reading-lists]\ntitle = "Reading lists"\nkeywords = ["reading list"]\n')
rows=[]
for i in range(1000):
    d=f"dept-{i:04d}"
    cfg.append(f'[[departments]]\nid = "{d}"\nname = "Department of Subject {i}"\nliaison = "{staff[i%3]}"\n')
    acts=[]
    for a in range(5):
        acts.append(f'''
[[actions]]
id = "action-{a}"
title = "Work with the department on reading lists, part {a}"
detail = "Review the lists with module leaders and buy the key texts that are missing."
themes = ["reading-lists"]
owner = "{staff[i%3]}"
priority = "medium"
due = 2018-06-30
status = "agreed"

[[actions.updates]]
date = 2018-01-15
by = "{staff[i%3]}"
note = "Met the module leaders; twelve lists reviewed so far."
''')
    plan=f'''# Plan for {d}
department = "{d}"
year = 2018
status = "draft"

[context]
summary = """
The department this year: a new head, more students, and a move to online reading lists.
"""
investment = [
  {{ item = "Books", amount = {random.randint(1000,90000)} }},
  {{ item = "Journals and databases", amount = {random.randint(1000,90000)} }},
]
usage = [
  {{ measure = "Loans", value = {random.randint(100,9000)} }},
]
feedback = [
  {{ source = "NSS", text = "Library resources good enough for my needs", score = 84 }},
]
libqual = [
  {{ dimension = "Library as Place", minimum = 6.0, desired = 7.5, perceived = 6.8 }},
]

[[issues]]
id = "key-texts"
title = "Not enough copies of key texts"
themes = ["reading-lists"]
'''+"".join(acts)
    open(f"{root}/plans/2018/{d}.toml","w").write(plan)
    for m in ["Loans","E-book section requests","Journal article downloads"]:
        rows.append([f"Department of Subject {i}" if i%2 else d, m, random.randint(100,90000), random.randint(100,90000), "COUNTER"])
open(f"{root}/aplan.toml","w").write("\n".join(cfg))
with open(f"{root}/../usage.csv","w",newline="") as f:
    w=csv.writer(f); w.writerow(["department","measure","value","previous","source"]); w.writerows(rows)
