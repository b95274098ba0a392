"""Checks an iCalendar file written by `aplan timeline --format ics` with an independent
parser (the icalendar package): it parses, every event has a UID, a DTSTAMP and an
all-day DTSTART with an exclusive DTEND on the next day, and UIDs are unique.

Usage: python3 tests/check_ics.py FILE [MIN_EVENTS]
"""

import datetime
import sys

import icalendar


def main(path, min_events):
    with open(path, "rb") as f:
        data = f.read()
    calendar = icalendar.Calendar.from_ical(data)
    events = list(calendar.walk("VEVENT"))
    failures = []
    uids = set()
    for event in events:
        uid = str(event.get("UID", ""))
        if not uid or uid in uids:
            failures.append(f"missing or repeated UID {uid!r}")
        uids.add(uid)
        if event.get("DTSTAMP") is None:
            failures.append(f"{uid}: no DTSTAMP")
        start = event.decoded("DTSTART")
        end = event.decoded("DTEND")
        if isinstance(start, datetime.datetime) or not isinstance(start, datetime.date):
            failures.append(f"{uid}: DTSTART is not a date")
        elif end != start + datetime.timedelta(days=1):
            failures.append(f"{uid}: DTEND {end} is not the day after DTSTART {start}")
        if not str(event.get("SUMMARY", "")):
            failures.append(f"{uid}: no SUMMARY")
    if len(events) < min_events:
        failures.append(f"{len(events)} events, expected at least {min_events}")
    for failure in failures:
        print(failure)
    print(f"checked {len(events)} events: {len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1))
