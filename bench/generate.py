#!/usr/bin/env python3
"""A plans repository of any size, for timing aplan: a consortium of libraries keeping
many years of plans for hundreds of departments.

    python3 bench/generate.py 10000 /tmp/corpus

The same arguments always write the same files, byte for byte. Every plan is valid
(`aplan validate` finds no errors); a few warnings are left in on purpose, as in a real
repository (untagged items for theme suggestions, a department with too many actions).
Plans are 3 to 6 KB: a context with figures, feedback and LibQual+ scores, 2 to 5 issues,
3 to 9 actions with updates, and the open actions of last year's plan carried over.
"""

import argparse
import json
import math
import os
import random
import sys
from datetime import date, timedelta

LAST_YEAR = 2017

FACULTIES = {
    "Arts and Humanities": [
        "history", "english", "philosophy", "music", "archaeology", "history-of-art",
        "languages", "theatre", "classics", "linguistics", "film", "medieval-studies",
    ],
    "Sciences": [
        "chemistry", "physics", "biology", "mathematics", "computer-science",
        "environment", "electronics", "psychology", "geography", "statistics",
        "materials", "astronomy",
    ],
    "Social Sciences": [
        "economics", "politics", "sociology", "law", "management", "education",
        "social-policy", "criminology", "social-work", "anthropology",
    ],
    "Health": [
        "medicine", "nursing", "health-sciences", "pharmacy", "dentistry",
        "midwifery", "public-health", "sport-science",
    ],
    "Engineering": [
        "civil-engineering", "mechanical-engineering", "chemical-engineering",
        "architecture", "design", "aerospace",
    ],
}

INSTITUTIONS = [
    "northmoor", "eastfield", "westbridge", "southgate", "harbour", "riverside",
    "highfell", "kingsmead", "ashby", "castlegate", "millbrook", "stonecross",
    "fenwick", "larkhill", "oakhurst", "redcliffe", "thornbury", "whitmore",
    "bramley", "calder",
]

FIRST_NAMES = [
    "Hannah", "Owen", "Rachel", "Tom", "Esther", "Lucy", "James", "Aisha", "David",
    "Claire", "Siân", "Zoë", "Łukasz", "Priya", "Mohammed", "Grace", "Ewan", "Ingrid",
    "Kofi", "Mei", "Niamh", "Rhys", "Sofia", "Yusuf", "Beatrix", "Callum", "Dana",
    "Fatima", "Gareth", "Helen",
]
SURNAMES = [
    "Patel", "Walsh", "Kerr", "Nguyen", "Adeyemi", "Morgan", "Ross", "Khan",
    "Fairbairn", "Drummond", "Jones", "Smith", "Osei", "Greaves", "Lowther", "Brennan",
    "Okafor", "Lindqvist", "Chen", "Murphy", "Davies", "Hughes", "Novak", "Haddad",
    "Ferreira", "Campbell", "Ibrahim", "Kowalski", "MacLeod", "Singh",
]
TITLES = ["Prof.", "Dr", "Dr", "Dr", "Ms", "Mr"]

THEMES = [
    ("reading-lists", "Reading lists and key texts", ["reading list", "key text", "core text", "short loan", "digitisation"]),
    ("research-data", "Research data management", ["research data", "data management plan", "data sharing"]),
    ("open-access", "Open access and the REF", ["open access", "accepted manuscript", "repository", "deposit"]),
    ("information-literacy", "Information literacy", ["literature search", "database searching", "systematic review", "induction"]),
    ("study-space", "Study space", ["study space", "group study", "quiet study", "seating"]),
    ("communication", "Communication with the department", ["newsletter", "staff meeting", "mailing list", "report back"]),
    ("special-collections", "Special collections and archives", ["special collections", "archive", "rare book"]),
    ("e-resources", "E-resources and subscriptions", ["e-book", "database", "journal", "subscription", "trial"]),
    ("academic-skills", "Academic skills", ["referencing", "academic writing", "dissertation", "essay"]),
    ("research-support", "Research support", ["grant application", "bibliometrics", "researcher profile", "orcid"]),
    ("teaching-support", "Teaching support", ["module design", "online learning", "lecture capture", "assessment"]),
    ("accessibility", "Accessible resources", ["accessible format", "alternative format", "screen reader"]),
    ("copyright", "Copyright and licensing", ["copyright", "cla licence", "fair dealing", "permissions"]),
    ("collections", "Collection development", ["book budget", "purchase request", "stock review", "weeding"]),
]

INITIATIVE_KINDS = [
    "Reading list review", "Research data training", "Open access advocacy",
    "Induction programme", "Dissertation support", "E-book first policy",
    "Archive skills workshops", "Study space survey", "Copyright clinic",
    "Bibliometrics service", "Accessible formats pilot", "Stock review",
]

VERBS = ["review", "run", "pilot", "agree", "publish", "survey", "promote", "extend", "map", "audit"]
TOPICS = [
    "lists", "workshop", "guide", "deposits", "induction", "seating", "trial", "newsletter",
    "training", "clinic", "budget", "archive", "profiles", "formats", "permissions", "skills",
]
SUBJECT_PHRASES = [
    "Year 1 modules", "Year 2 option modules", "final-year projects", "taught masters students",
    "postgraduate researchers", "new academic staff", "the placement year", "distance learners",
    "the summer term", "the dissertation cohort", "international students", "part-time students",
]
FINDINGS = [
    "lists have not been updated since the last review and include out-of-print titles",
    "students report that they cannot find a seat in the afternoon",
    "only about two thirds of accepted articles reached the repository within three months",
    "the trial was well used but the subscription price rose by a fifth",
    "staff were not aware of the support available for data management plans",
    "the induction session clashed with the department's own welcome week",
    "requests for alternative formats took more than ten working days",
    "the department asked for a single page on copyright for teaching materials",
    "researchers want help to build and check their profiles before the next exercise",
    "the special collections were used by fewer students than in previous years",
    "usage of the main database fell while usage of the newer platform grew",
    "feedback shows that referencing remains the most common worry in first-year essays",
]
MEASURES = [
    "All lists reviewed by the end of July",
    "Every seminar group attends at least one session",
    "Ninety per cent of eligible articles deposited on time",
    "Usage reported to the department in the autumn term",
    "Guide linked from every module page",
    "Feedback score above the faculty average",
    "Requests handled within five working days",
]
NOTES = [
    "Met the module leaders and agreed the approach.",
    "First sessions run; attendance was good and feedback positive.",
    "Half of the work is done; the rest is planned for the next term.",
    "Waiting for figures from the department before going further.",
    "Report circulated to the department's teaching committee.",
    "Agreed at the staff meeting; dates in the calendar.",
    "Finished and reported back to the Head of Department.",
]
SUMMARY_SENTENCES = [
    "Student numbers grew again this year, mostly on the taught masters programmes.",
    "A new Head of Department took over in the autumn and wants the library at the next away day.",
    "The move to e-books first paid off: section requests rose while print loans fell.",
    "Survey scores are steady, but **seating** remains the most common complaint.",
    "The department is preparing for the next research assessment and asked for help with deposits.",
    "Two new modules start next year and their reading lists are not yet with the library.",
    "Usage of the special collections reading room went up after the archives workshop.",
    "The department's library representative changed in January.",
    "Spend on journals rose with the renewal of the big-deal packages.",
    "Staff asked for a single point of contact for copyright questions.",
]
INVESTMENT_ITEMS = ["Books", "Journals and databases", "E-books", "Special collections", "Digitisation (CLA)", "Interlibrary loans"]
USAGE_MEASURES = [
    ("Loans to students and staff", "Loans"),
    ("E-book section requests", "COUNTER"),
    ("Full-text article requests", "COUNTER"),
    ("Reading room visits", "Reading room register"),
    ("Enquiries answered", "Enquiry log"),
]
FEEDBACK = [
    "The library resources and services are good enough for my needs",
    "Reading lists are full of books the library does not have.",
    "Hard to find a seat in the afternoon.",
    "The online guides were really useful for my dissertation.",
    "More copies of key texts please.",
    "The induction session was too long and too early in the term.",
]
LIBQUAL = ["Affect of Service", "Information Control", "Library as Place"]
# Most plans have a handful of actions; a few have many.
ACTION_COUNTS = [3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 7, 8, 9]


def q(text):
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(text, ensure_ascii=False)


# The roles [process] manager_roles names by default: a met or final plan has one at its
# meeting, or it gets no-manager-at-meeting.
MANAGER_ROLES = ("head-of-relationship-management", "liaison-manager")


def slugify(text):
    """Lowercase ASCII letters and digits in words joined by '-'."""
    kept = "".join(c if c.isascii() and c.isalnum() else " " for c in text.lower())
    return "-".join(kept.split())


class Corpus:
    def __init__(self, plans, seed):
        self.plans = plans
        self.seed = seed
        self.years = min(40, max(2, round(math.sqrt(plans / 25))))
        self.first_year = LAST_YEAR - self.years + 1
        per_year = math.ceil(plans / self.years)
        self.departments = self.make_departments(per_year)
        self.staff, self.librarians, self.others = self.make_staff()
        self.managers = [s["id"] for s in self.staff if s["role"] in MANAGER_ROLES]
        self.liaison = {
            d["id"]: self.librarians[i * 2 // 7 % len(self.librarians)]
            for i, d in enumerate(self.departments)
        }
        self.initiatives = self.make_initiatives()
        # Per department: the actions of its latest plan still open, for carrying over.
        self.open_actions = {}

    def rng(self, *parts):
        return random.Random(":".join(str(p) for p in (self.seed, *parts)))

    def make_departments(self, count):
        subjects = [(s, f) for f, ss in FACULTIES.items() for s in ss]
        departments = []
        for i in range(count):
            subject, faculty = subjects[i % len(subjects)]
            place = INSTITUTIONS[i // len(subjects) % len(INSTITUTIONS)]
            round_ = i // (len(subjects) * len(INSTITUTIONS))
            suffix = f"-{round_ + 1}" if round_ else ""
            name = subject.replace("-", " ").title().replace(" Of ", " of ")
            departments.append({
                "id": f"{subject}-{place}{suffix}",
                "name": f"Department of {name}, {place.title()}{suffix}",
                "faculty": faculty,
            })
        return departments

    def make_staff(self):
        rng = self.rng("staff")
        librarians = math.ceil(len(self.departments) / 3.5)
        managers = max(1, librarians // 8)
        others = max(3, librarians // 10)
        roles = (["head-of-relationship-management"] + ["liaison-manager"] * managers
                 + ["liaison-librarian"] * librarians + ["other"] * others)
        staff, seen = [], set()
        for i, role in enumerate(roles):
            first = FIRST_NAMES[rng.randrange(len(FIRST_NAMES))]
            last = SURNAMES[rng.randrange(len(SURNAMES))]
            base = slugify(first[0] + last) or f"staff{i}"
            sid, n = base, 1
            while sid in seen:
                n += 1
                sid = f"{base}{n}"
            seen.add(sid)
            staff.append({"id": sid, "name": f"{first} {last}", "role": role})
        librarians = [s["id"] for s in staff if s["role"] == "liaison-librarian"]
        others = [s["id"] for s in staff if s["role"] != "liaison-librarian"]
        return staff, librarians, others

    def make_initiatives(self):
        rng = self.rng("initiatives")
        count = max(3, len(self.departments) // 15)
        initiatives = []
        for i in range(count):
            kind = INITIATIVE_KINDS[i % len(INITIATIVE_KINDS)]
            faculty = list(FACULTIES)[i // len(INITIATIVE_KINDS) % len(FACULTIES)]
            round_ = i // (len(INITIATIVE_KINDS) * len(FACULTIES))
            title = f"{kind} across {faculty}" + (f" ({round_ + 1})" if round_ else "")
            lead = self.staff[rng.randrange(len(self.staff))]["id"]
            initiatives.append({"id": slugify(title), "title": title, "lead": lead})
        return initiatives

    def config(self):
        out = [
            "# A generated plans repository for timing aplan (bench/generate.py).",
            "",
            "[library]",
            'name = "Northern Libraries Consortium"',
            'currency = "GBP"',
            "",
        ]
        for s in self.staff:
            out += ["[[staff]]", f"id = {q(s['id'])}", f"name = {q(s['name'])}", f"role = {q(s['role'])}",
                    f"email = {q(s['id'] + '@example.ac.uk')}", ""]
        for d in self.departments:
            out += ["[[departments]]", f"id = {q(d['id'])}", f"name = {q(d['name'])}",
                    f"faculty = {q(d['faculty'])}", f"liaison = {q(self.liaison[d['id']])}", ""]
        for tid, title, keywords in THEMES:
            out += [f"[themes.{tid}]", f"title = {q(title)}",
                    "keywords = [" + ", ".join(q(k) for k in keywords) + "]", ""]
        for i in self.initiatives:
            out += [f"[initiatives.{i['id']}]", f"title = {q(i['title'])}", f"lead = {q(i['lead'])}", ""]
        return "\n".join(out)

    def plan_list(self):
        """(year, department) for every plan, year by year; the last year may be partial."""
        left = self.plans
        for year in range(self.first_year, LAST_YEAR + 1):
            for d in self.departments:
                if left == 0:
                    return
                left -= 1
                yield year, d

    def plan(self, year, department):
        rng = self.rng(year, department["id"])
        dept = department["id"]
        liaison = self.liaison[dept]
        latest = year == LAST_YEAR
        status = rng.choice(["draft", "sent", "met", "final", "final"]) if latest else "final"
        person = lambda: f"{rng.choice(TITLES)} {rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
        head, rep = person(), person()
        out = [f"department = {q(dept)}", f"year = {year}", f"status = {q(status)}", f"liaison = {q(liaison)}", ""]

        meeting = date(year, 2, 1) + timedelta(days=rng.randrange(75))
        if status != "draft":
            sent = meeting - timedelta(days=rng.randrange(7, 15))
            out += ["[meeting]", f"date = {meeting}", f"sent = {sent}"]
            if status == "final":
                out.append(f"finalised = {meeting + timedelta(days=rng.randrange(1, 8))}")
            out += [
                "attendees = [",
                f'  {{ name = {q(head)}, role = "head-of-department" }},',
                f'  {{ name = {q(rep)}, role = "library-rep" }},',
                f"  {{ staff = {q(liaison)} }},",
                f"  {{ staff = {q(rng.choice(self.managers))} }},",
                "]",
                "",
            ]

        summary = " ".join(rng.sample(SUMMARY_SENTENCES, rng.randrange(2, 4)))
        out += ["[context]", 'summary = """', summary, '"""', "investment = ["]
        for item in rng.sample(INVESTMENT_ITEMS, rng.randrange(2, 5)):
            out.append(f"  {{ item = {q(item)}, amount = {rng.randrange(1000, 150000)} }},")
        out += ["]", "usage = ["]
        for measure, source in rng.sample(USAGE_MEASURES, rng.randrange(2, 4)):
            value = rng.randrange(200, 40000)
            previous = max(0, value + rng.randrange(-value // 4, value // 4 + 1))
            out.append(f"  {{ measure = {q(measure)}, value = {value}, previous = {previous}, source = {q(source)} }},")
        out += ["]", "feedback = ["]
        for text in rng.sample(FEEDBACK, rng.randrange(2, 4)):
            score = f", score = {rng.randrange(60, 96)}" if text.startswith("The library") else ""
            out.append(f"  {{ source = {q(f'LibQual+ {year - 1}')}, text = {q(text)}{score} }},")
        out += ["]", "libqual = ["]
        for dimension in LIBQUAL:
            minimum = rng.randrange(55, 72) / 10
            desired = minimum + rng.randrange(8, 20) / 10
            perceived = minimum + rng.randrange(-6, 14) / 10
            out.append(f"  {{ survey = {q(f'LibQual+ {year - 1}')}, dimension = {q(dimension)}, minimum = {minimum:.1f}, desired = {desired:.1f}, perceived = {perceived:.1f} }},")
        out += ["]", ""]

        issues = []
        for n in range(rng.randrange(2, 6)):
            theme = rng.choice(THEMES)
            iid = f"{theme[0]}-{n + 1}"
            issues.append((iid, theme))
            out += ["[[issues]]", f"id = {q(iid)}",
                    f"title = {q(f'{theme[1]} for {rng.choice(SUBJECT_PHRASES)}')}",
                    f"detail = {q(f'In {year - 1}, {rng.choice(FINDINGS)}. The department raised it at the meeting.')}"]
            # A few items are left untagged, for `aplan themes` to suggest themes for.
            if rng.random() > 0.01:
                out.append(f"themes = [{q(theme[0])}]")
            out += [f"source = {q(rng.choice(['LibQual+', 'NSS', 'Meeting']) + f' {year - 1}')}", ""]

        ids = set()
        carried = self.open_actions.get(dept, [])
        carry = carried[: rng.randrange(0, 3)]
        fresh = rng.choice(ACTION_COUNTS) - len(carry)
        actions = [(aid, year - 1) for aid in carry]
        ids.update(carry)
        for n in range(max(fresh, 3 - len(carry))):
            aid = f"{rng.choice(VERBS)}-{rng.choice(TOPICS)}"
            while aid in ids:
                aid = f"{aid}-{n + 2}"
            ids.add(aid)
            actions.append((aid, None))

        still_open = []
        for aid, carried_from in actions:
            theme = rng.choice(THEMES)
            keyword = rng.choice(theme[2])
            owner = liaison if rng.random() < 0.7 else rng.choice(self.others)
            due = date(year, 1, 1) + timedelta(days=rng.randrange(90, 360))
            if latest:
                final = rng.choice(["proposed", "agreed", "in-progress", "in-progress", "done"])
            else:
                final = rng.choice(["done", "done", "done", "in-progress", "dropped", "agreed"])
            title = f"{aid.replace('-', ' ').capitalize()} for {rng.choice(SUBJECT_PHRASES)}"
            out += ["[[actions]]", f"id = {q(aid)}", f"title = {q(title)}",
                    f"detail = {q(f'Work on the {keyword} with the department: {rng.choice(FINDINGS)}.')}"]
            if rng.random() > 0.01:
                tags = [theme[0]] + ([rng.choice(THEMES)[0]] if rng.random() < 0.3 else [])
                out.append("themes = [" + ", ".join(q(t) for t in dict.fromkeys(tags)) + "]")
            addressed = [i for i, t in issues if t[0] == theme[0]] or [rng.choice(issues)[0]]
            out.append("addresses = [" + ", ".join(q(i) for i in addressed[:2]) + "]")
            out.append(f"owner = {q(owner)}")
            if rng.random() < 0.35:
                out.append(f"with = [{q(rng.choice(self.librarians + self.others))}]")
            if rng.random() < 0.5:
                out.append(f"contact = {q(rep)}")
            if rng.random() < 0.6:
                out.append(f"measure = {q(rng.choice(MEASURES))}")
            out += [f"priority = {q(rng.choice(['high', 'medium', 'low']))}",
                    f"quick_win = {'true' if rng.random() < 0.2 else 'false'}",
                    f"due = {due}",
                    f"status = {q('agreed' if final != 'proposed' else 'proposed')}"]
            if rng.random() < 0.25:
                out.append(f"initiative = {q(rng.choice(self.initiatives)['id'])}")
            if carried_from:
                out.append(f"carried_from = {q(f'{dept}/{carried_from}/{aid}')}")
            out.append("")
            updates = (rng.random() < 0.2) + (final in ("done", "in-progress", "dropped"))
            day = date(year, 3, 1)
            for u in range(updates):
                day += timedelta(days=rng.randrange(7, 60))
                out += ["[[actions.updates]]", f"date = {day}",
                        f"by = {q(owner)}"]
                if u == updates - 1 and final in ("done", "in-progress", "dropped"):
                    out.append(f"status = {q(final)}")
                out += [f"note = {q(rng.choice(NOTES))}", ""]
            if final not in ("done", "dropped"):
                still_open.append(aid)
        self.open_actions[dept] = still_open
        return "\n".join(out)


INTERACTIONS_PER_PLAN = 10
KINDS = ["meeting", "email", "call", "teaching", "enquiry", "event", "visit", "other"]
CONTACT_ROLES = ["head-of-department", "library-rep", "academic", "academic", "administrator"]


def contacts(corpus, department):
    """contacts/<department>.toml: the department's people, one of each role held alone."""
    rng = corpus.rng("contacts", department["id"])
    out = []
    for i, role in enumerate(CONTACT_ROLES):
        name = f"{rng.choice(TITLES)} {rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
        out += [
            "[[contacts]]",
            f"id = {q(f'c{i}')}",
            f"name = {q(name)}",
            f"role = {q(role)}",
            "",
        ]
    return "\n".join(out)


def interactions(corpus, year, department):
    """interactions/<year>/<department>.toml: a year of dated interactions, in date order."""
    rng = corpus.rng("interactions", year, department["id"])
    start = date(year - 1, 10, 1)
    days = sorted(rng.randrange(0, 364) for _ in range(INTERACTIONS_PER_PLAN))
    out = []
    for n, day in enumerate(days):
        day_date = start + timedelta(days=day)
        kind = rng.choice(KINDS)
        out += [
            "[[interactions]]",
            f"date = {day_date.isoformat()}",
            f"kind = {q(kind)}",
            f"by = [{q(corpus.liaison[department['id']])}]",
            f"with = [{q(f'c{rng.randrange(len(CONTACT_ROLES))}')}]",
            f"summary = {q(f'{kind.capitalize()} number {n + 1} with the department')}",
        ]
        if rng.random() < 0.2:
            out.append(f"follow_up = {(day_date + timedelta(days=14)).isoformat()}")
        if rng.random() < 0.1:
            out += ['detail = "Kept in the file only."', "private = true"]
        out.append("")
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("plans", type=int, help="how many plans to write")
    parser.add_argument("out", help="the folder to write the repository to (must not exist)")
    parser.add_argument("--seed", default="aplan", help="another seed gives another corpus")
    args = parser.parse_args()
    if args.plans < 1:
        parser.error("write at least one plan")
    if os.path.exists(args.out):
        parser.error(f"{args.out} already exists")
    corpus = Corpus(args.plans, args.seed)
    os.makedirs(args.out)
    with open(os.path.join(args.out, "aplan.toml"), "w", encoding="utf-8") as f:
        f.write(corpus.config())
    written = total = 0
    for year, department in corpus.plan_list():
        folder = os.path.join(args.out, "plans", str(year))
        if not written or year != last:
            os.makedirs(folder, exist_ok=True)
            last = year
        text = corpus.plan(year, department)
        with open(os.path.join(folder, department["id"] + ".toml"), "w", encoding="utf-8") as f:
            f.write(text)
        written += 1
        total += len(text.encode())
        folder = os.path.join(args.out, "interactions", str(year))
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, department["id"] + ".toml"), "w", encoding="utf-8") as f:
            f.write(interactions(corpus, year, department))
    os.makedirs(os.path.join(args.out, "contacts"))
    for department in corpus.departments:
        path = os.path.join(args.out, "contacts", department["id"] + ".toml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(contacts(corpus, department))
    print(
        f"wrote {written} plans ({total / 1e6:.1f} MB) and "
        f"{written * INTERACTIONS_PER_PLAN} interactions for {len(corpus.departments)} departments "
        f"over {corpus.years} years ({corpus.first_year}-{LAST_YEAR}) to {args.out}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
