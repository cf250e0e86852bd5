"""Write the GDELT-shaped fixtures of this folder: the same fictional records in each shape.

The records are ours (invented ids, actors and URLs on example.org), laid out exactly as
GDELT lays out its events: headerless tab-separated exports of 57 (1.0 back files),
58 (1.0 daily files) and 61 columns (2.0), a SQL dump (comma-separated, quoted, NULL),
and a headered CSV as BigQuery or pandas writes it, whose numeric EventCode lost its
leading zero. Run from the repository root: ``python tests/data/formats/make_gdelt_shapes.py``.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from dashboard.gdelt import COLUMNS

HERE = Path(__file__).parent

RECORDS = [
    # id, date, actor1, a1 country, actor2, a2 country, code, quad, goldstein, place, FIPS, lat, lon
    (
        "1001",
        "20220803",
        "RUSSIA",
        "RUS",
        "MYANMAR",
        "MMR",
        "042",
        "1",
        "1.9",
        "Naypyidaw, Mandalay, Burma",
        "BM",
        "19.745",
        "96.1297",
    ),
    (
        "1002",
        "20220804",
        "UNITED STATES",
        "USA",
        "MYANMAR",
        "MMR",
        "0211",
        "1",
        "3.4",
        "Yangon, Yangon, Burma",
        "BM",
        "16.8",
        "96.15",
    ),
    (
        "1003",
        "20220805",
        "MILITARY",
        "MMR",
        "CIVILIAN",
        "MMR",
        "080",
        "2",
        "5.0",
        "Mandalay, Mandalay, Burma",
        "BM",
        "21.9747",
        "96.0836",
    ),
    (
        "1004",
        "20220806",
        "REBEL",
        "MMR",
        "MILITARY",
        "MMR",
        "190",
        "4",
        "-10.0",
        "Kanbalu, Sagaing, Burma",
        "BM",
        "23.2",
        "95.5167",
    ),
    (
        "1005",
        "20220807",
        "PROTESTER",
        "MMR",
        "",
        "",
        "141",
        "3",
        "-6.5",
        "Bangkok, Krung Thep, Thailand",
        "TH",
        "13.75",
        "100.5167",
    ),
    (
        "1006",
        "20220808",
        "POLICE",
        "MMR",
        "ACTIVIST",
        "",
        "173",
        "4",
        "-5.0",
        "Yangon, Yangon, Burma",
        "BM",
        "16.8",
        "96.15",
    ),
    (
        "1007",
        "20220809",
        "CHINA",
        "CHN",
        "THAILAND",
        "THA",
        "057",
        "1",
        "8.0",
        "Beijing, Beijing, China",
        "CH",
        "39.9289",
        "116.388",
    ),
]


def row(record: tuple[str, ...], width: int) -> dict[str, str]:
    (gid, day, a1, c1, a2, c2, code, quad, goldstein, place, fips, lat, lon) = record
    values = dict.fromkeys(COLUMNS[width], "")
    values.update(
        GLOBALEVENTID=gid,
        SQLDATE=day,
        MonthYear=day[:6],
        Year=day[:4],
        FractionDate=f"{int(day[:4]) + (int(day[4:6]) - 1) / 12:.4f}",
        Actor1Code=c1,
        Actor1Name=a1,
        Actor1CountryCode=c1,
        Actor2Code=c2,
        Actor2Name=a2,
        Actor2CountryCode=c2,
        IsRootEvent="1",
        EventCode=code,
        EventBaseCode=code[:3],
        EventRootCode=code[:2],
        QuadClass=quad,
        GoldsteinScale=goldstein,
        NumMentions="4",
        NumSources="1",
        NumArticles="4",
        AvgTone="-2.5",
        ActionGeo_Type="4",
        ActionGeo_FullName=place,
        ActionGeo_CountryCode=fips,
        ActionGeo_ADM1Code=fips + "01",
        ActionGeo_Lat=lat,
        ActionGeo_Long=lon,
        ActionGeo_FeatureID="-1",
        DATEADDED=day if width < 61 else day + "231500",
    )
    if "SOURCEURL" in values:
        values["SOURCEURL"] = f"https://news.example.org/{gid}"
    return values


def main() -> None:
    for width, name in (
        (61, "gdelt2.export.CSV"),
        (58, "gdelt1.export.CSV"),
        (57, "gdelt1_backfile.CSV"),
    ):
        lines = ["\t".join(row(r, width).values()) for r in RECORDS]
        (HERE / name).write_text("\n".join(lines) + "\n", encoding="utf-8")

    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
    for record in RECORDS:
        writer.writerow([v if v != "" else "NULL" for v in row(record, 58).values()])
    (HERE / "gdelt_sql_dump.csv").write_text(out.getvalue().replace('"NULL"', "NULL"))

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS[61])
    for record in RECORDS:
        values = row(record, 61)
        values["EventCode"] = str(int(values["EventCode"]))  # a numeric column: 080 -> 80
        values["EventRootCode"] = str(int(values["EventRootCode"]))
        writer.writerow(values.values())
    (HERE / "gdelt_bigquery.csv").write_text(out.getvalue())


if __name__ == "__main__":
    main()
