"""Write the ACLED look-alike fixtures of this folder from tests/data/acled_sample.csv.

ACLED data may not be redistributed, so every ACLED-shaped fixture is our own fictional
sample saved the ways analysts' files come: by R and pandas, re-saved by Excel, legacy
headers, the API's JSON, an .xlsx with real date cells, Windows-1252. Run from the
repository root: ``python tests/data/formats/make_acled_shapes.py``.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pandas as pd

HERE = Path(__file__).parent
SAMPLE = HERE.parent / "acled_sample.csv"
MONTHS = "January February March April May June July August September October November December"


def day(text: str) -> dt.date:
    if "-" in text:
        return dt.date.fromisoformat(text)
    d, month, y = text.split()
    return dt.date(int(y), MONTHS.split().index(month) + 1, int(d))


def main() -> None:
    sample = pd.read_csv(SAMPLE, dtype=str, keep_default_na=False)
    dates = sample["event_date"].map(day)

    # R's write.csv: a "" row-name column 1..n, NA for missing, ISO timestamps, any order.
    r = sample.copy()
    r["event_date"] = [f"{d.isoformat()}T00:00:00Z" for d in dates]
    r = r.replace("", "NA")
    r = r[list(reversed(r.columns))]
    r.insert(0, "", range(1, len(r) + 1))
    r.to_csv(HERE / "acled_r_save.csv", index=False)

    # pandas' to_csv with its index: "" column 0..n-1, "2022-08-03 00:00:00" timestamps.
    p = sample.copy()
    p["event_date"] = [f"{d.isoformat()} 00:00:00" for d in dates]
    p.to_csv(HERE / "acled_pandas_save.csv")

    # Excel re-saves: 9-May-20 and DD/MM/YYYY.
    e = sample.copy()
    e["event_date"] = [f"{d.day}-{d.strftime('%b')}-{d.strftime('%y')}" for d in dates]
    e.to_csv(HERE / "acled_excel_dmy.csv", index=False)
    e["event_date"] = [d.strftime("%d/%m/%Y") for d in dates]
    e.to_csv(HERE / "acled_excel_slashes.csv", index=False)
    # ... and 31-12-19, as a real Kenya file of docs/formats.md has them.
    e["event_date"] = [d.strftime("%d-%m-%y") for d in dates]
    e.to_csv(HERE / "acled_excel_dashes.csv", index=False)

    # Legacy (before 2019): upper-case headers, ALLY_ACTOR_*, GWNO, 01-January-2015,
    # no sub-event type, the legacy event types.
    legacy_types = {
        "Battles": "Battle-No change of territory",
        "Protests": "Riots/Protests",
        "Riots": "Riots/Protests",
        "Explosions/Remote violence": "Remote violence",
        "Diplomatic developments": "Strategic development",
        "Strategic developments": "Strategic development",
    }
    g = sample.drop(columns=["sub_event_type", "disorder_type", "civilian_targeting", "tags"])
    g["event_type"] = g["event_type"].map(lambda t: legacy_types.get(t, t))
    g["event_date"] = [d.strftime("%d-%B-%Y") for d in dates]
    g = g.rename(columns={"assoc_actor_1": "ally_actor_1", "assoc_actor_2": "ally_actor_2"})
    g.insert(0, "gwno", "775")
    g.columns = [c.upper() for c in g.columns]
    g.to_csv(HERE / "acled_legacy.csv", index=False)

    # The API's JSON: every value a string, missing as "".
    records = sample.to_dict(orient="records")
    (HERE / "acled_api.json").write_text(
        json.dumps({"status": 200, "success": True, "count": len(records), "data": records}),
        encoding="utf-8",
    )

    # The API's CSV: ISO dates, the columns as the API orders them (as the sample).
    sample.to_csv(HERE / "acled_api.csv", index=False)

    # An .xlsx with real date cells (and numbers as numbers).
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(list(sample.columns))
    for (_, row), d in zip(sample.iterrows(), dates, strict=True):
        cells = list(row)
        cells[list(sample.columns).index("event_date")] = dt.datetime(d.year, d.month, d.day)
        cells[list(sample.columns).index("fatalities")] = int(row["fatalities"])
        sheet.append(cells)
    book.save(HERE / "acled.xlsx")

    # The monadic export (2024+): no actor2 columns; an event of two actors is written
    # twice, the second time with actor 2 in the actor1 columns (the dates as Excel's
    # 5-Aug-24, as in the real file of docs/formats.md).
    m = e.drop(columns=["actor2", "assoc_actor_2", "inter2"])
    m["event_date"] = [f"{d.day}-{d.strftime('%b')}-{d.strftime('%y')}" for d in dates]
    rows = []
    for (_, row), (_, dyadic) in zip(m.iterrows(), sample.iterrows(), strict=True):
        rows.append(row)
        if dyadic["actor2"]:
            second = row.copy()
            second["actor1"] = dyadic["actor2"]
            second["assoc_actor_1"] = dyadic["assoc_actor_2"]
            second["inter1"] = dyadic["inter2"]
            rows.append(second)
    pd.DataFrame(rows).to_csv(HERE / "acled_monadic.csv", index=False)

    # Windows-1252, with characters outside ASCII.
    w = sample.copy()
    w["location"] = w["location"] + " – Sagaing Région"
    (HERE / "acled_cp1252.csv").write_bytes(w.to_csv(index=False).encode("cp1252"))


if __name__ == "__main__":
    main()
