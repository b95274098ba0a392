"""Writes each CSV file under data/<year>/ as an Excel workbook beside it (usage.csv ->
usage.xlsx), so the examples of docs/import.md can be imported from either.

Run from the repository's root: python3 data/make_workbooks.py (needs openpyxl:
pip install openpyxl). Figures are written as numbers, as finance's exports have them.
"""

import csv
import glob
import os

import openpyxl


def number(text):
    try:
        value = float(text.replace(",", ""))
    except ValueError:
        return None
    return int(value) if value.is_integer() else value


for path in sorted(glob.glob("data/*/*.csv")):
    kind = os.path.splitext(os.path.basename(path))[0]
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = kind.capitalize()
    sheet.append(rows[0])
    for row in rows[1:]:
        sheet.append([None if c == "" else (number(c) if number(c) is not None else c) for c in row])
    book.save(path[: -len(".csv")] + ".xlsx")
