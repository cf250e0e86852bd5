"""Write the hostile-input corpus: small files whose exact bytes the tests rely on.

Run from anywhere: ``python tests/data/hostile/make_corpus.py``. The output is
deterministic (no clocks, a seeded generator) and committed next to this script;
tests/test_hostile.py asserts each file's exact outcome. The two large files
(1 MB field, 50 MB table) are built at test time instead, by the functions below.
"""

from __future__ import annotations

import random
from pathlib import Path

HERE = Path(__file__).resolve().parent

HEADER = "event_id,start_date,end_date,date_precision,event_type,title"
ROW_A = "a,2022-08-03,2022-08-03,day,visit,Lavrov visits"
ROW_B = "b,2022-07-01,2022-07-31,month,multilateral meeting,Forum"
ROW_C = "c,2022-07-25,2022-07-25,day,repression/execution,Executions"


def lines(*rows: str, end: str = "\n") -> bytes:
    """The rows joined with ``end`` after each, as UTF-8."""
    return "".join(row + end for row in rows).encode("utf-8")


def big_field_bytes(size: int = 1 << 20) -> bytes:
    """A valid file whose description is ``size`` characters long (commas, quotes, newlines)."""
    unit = 'word, "quoted"\n'
    text = (unit * (size // len(unit) + 1))[:size]
    quoted = '"' + text.replace('"', '""') + '"'
    return lines(HEADER + ",description", ROW_A + "," + quoted)


def big_table_bytes(target: int = 50 << 20) -> tuple[bytes, int]:
    """A valid events file of at least ``target`` bytes, and its number of rows."""
    types = ("visit", "meeting", "agreement", "condemnation", "protest")
    rows = [HEADER + ",description,actors,countries"]
    size, n = len(rows[0]) + 1, 0
    while size < target:
        day = 1 + n % 28
        row = (
            f"e{n},2022-07-{day:02d},2022-07-{day:02d},day,{types[n % 5]},Event number {n},"
            f'"Filler text, with a comma, for row {n}",Actor {n % 97};Actor {n % 89},Myanmar'
        )
        rows.append(row)
        size += len(row) + 1
        n += 1
    return ("\n".join(rows) + "\n").encode("utf-8"), n


def corpus() -> dict[str, bytes]:
    """File name -> exact bytes."""
    rng = random.Random(20220803)
    files: dict[str, bytes] = {
        # Valid tables in awkward clothes.
        "valid_minimal.csv": lines(HEADER, ROW_A, ROW_B, ROW_C),
        "utf8_bom.csv": b"\xef\xbb\xbf" + lines(HEADER, ROW_A, ROW_B),
        "crlf_endings.csv": lines(HEADER, ROW_A, ROW_B, end="\r\n"),
        "no_final_newline.csv": lines(HEADER, ROW_A, ROW_B)[:-1],
        "header_only.csv": lines(HEADER),
        "header_only_no_newline.csv": HEADER.encode(),
        "blank_lines.csv": lines(HEADER, "", ROW_A, "", "", ROW_B, ""),
        "extra_columns.csv": lines(
            HEADER + ",fatalities,Analyst note", ROW_A + ",3,checked", ROW_B + ",,"
        ),
        "quoted_separators_newlines.csv": lines(
            HEADER + ",description,actors",
            'a,2022-08-03,2022-08-03,day,visit,"Talks, then dinner","Line one\nline two, '
            'with ""quotes""\r\nand CRLF",Sergei Lavrov;Min Aung Hlaing',
            ROW_B + ',"",""',
        ),
        "formula_cells.csv": lines(
            HEADER + ",description,actors,location",
            "a,2022-08-03,2022-08-03,day,visit,=1+1,+44 20 7946 0000,-Lavrov,@SUM(A1)",
            'b,2022-07-01,2022-07-31,month,visit,\'=already escaped,=HYPERLINK("x"),"\t1",\'\'+2',
        ),
        "html_script.csv": lines(
            HEADER + ",description",
            'a,2022-08-03,2022-08-03,day,visit,<script>alert("x")</script>,'
            '"<b>bold</b> <img src=x onerror=alert(1)> **md** [l](javascript:x)"',
        ),
        "na_values.csv": lines(
            HEADER + ",description,actors,location,notes",
            "NA,2022-08-03,2022-08-03,day,visit,N/A,null,None,NaN,nan",
            "b,2022-07-01,2022-07-31,month,visit,#N/A,NULL,,-,",
        ),
        "unicode_text.csv": lines(
            HEADER + ",description",
            "a,2022-08-03,2022-08-03,day,visit,ミャンマー 🇲🇲 visit,مرحبا — “quoted” ‘text’",
        ),
        "padded_values.csv": lines(
            HEADER + ",actors",
            'a,2022-08-03,2022-08-03,day,visit,  spaced title  ," Lavrov ; Min Aung Hlaing "',
        ),
        "many_columns.csv": lines(
            HEADER + "".join(f",x{i}" for i in range(3000)),
            ROW_A + "".join(f",{i}" for i in range(3000)),
        ),
        # Invalid tables.
        "empty.csv": b"",
        "whitespace_only.csv": b"  \n\t\r\n   ",
        "missing_column.csv": lines(
            "event_id,start_date,end_date,date_precision,event_type", ROW_A.rsplit(",", 1)[0]
        ),
        "renamed_column.csv": lines(HEADER.replace("event_id", "id"), ROW_A),
        "trailing_spaces_header.csv": lines(HEADER.replace("title", "title ") + " ", ROW_A + ","),
        "semicolon_delimiter.csv": lines(HEADER.replace(",", ";"), ROW_A.replace(",", ";")),
        "tab_delimiter.csv": lines(HEADER.replace(",", "\t"), ROW_A.replace(",", "\t")),
        "too_few_fields.csv": lines(HEADER, ROW_A, "b,2022-07-01,2022-07-31,month,visit", ROW_C),
        "too_many_fields.csv": lines(HEADER, ROW_A, ROW_B + ",extra", ROW_C + ",x,y"),
        "bad_dates.csv": lines(
            HEADER,
            "a,2022/08/03,2022-08-03,day,visit,T",
            "b,03-08-2022,3 August 2022,day,visit,T",
            "c,yesterday,2022-8-3,day,visit,T",
            "d,,2022-08-03 ,day,visit,T",
        ),
        "impossible_dates.csv": lines(
            HEADER,
            "a,2022-02-30,2022-02-30,day,visit,T",
            "b,2021-02-29,2022-13-01,day,visit,T",
            "c,2022-00-10,2022-04-31,day,visit,T",
            "d,2024-02-29,2024-02-29,day,visit,Leap day is fine",
        ),
        "end_before_start.csv": lines(HEADER, "a,2022-08-03,2022-08-02,day,visit,T", ROW_B),
        "mixed_date_formats.csv": lines(
            HEADER,
            ROW_A,
            "b,3 August 2022,08/03/2022,day,visit,T",
            "c,2022-08-03,20220803,day,visit,T",
        ),
        "duplicate_ids.csv": lines(
            HEADER, ROW_A, ROW_B, ROW_A, ROW_C, ROW_B.replace("Forum", "F2")
        ),
        "unknown_event_types.csv": lines(
            HEADER,
            ROW_A,
            "b,2022-08-03,2022-08-03,day,Visit,T",
            "c,2022-08-03,2022-08-03,day,summit,T",
        ),
        "bad_precision.csv": lines(
            HEADER,
            "a,2022-08-03,2022-08-03,days,visit,T",
            "b,2022-07-02,2022-07-31,month,visit,T",
            "c,2022-01-01,2022-12-30,year,visit,T",
            "d,2022-07-01,2022-07-15,week,visit,T",
        ),
        "empty_required_values.csv": lines(
            HEADER, ",2022-08-03,2022-08-03,day,visit,   ", "b,,,,,"
        ),
        "duplicate_header.csv": lines(HEADER + ",title", ROW_A + ",T2"),
        "empty_header_name.csv": lines(HEADER + ",,notes", ROW_A + ",x,y"),
        "latin1.csv": (
            HEADER + "\nnaypyidaw,2022-08-03,2022-08-03,day,visit,Caf\xe9 talks\n"
        ).encode("latin-1"),
        "utf16_bom.csv": lines(HEADER, ROW_A).decode().encode("utf-16"),
        "utf16_no_bom.csv": lines(HEADER, ROW_A).decode().encode("utf-16-le"),
        "binary_garbage.bin": bytes(rng.randrange(256) for _ in range(2048)),
        "gzip_bytes.csv.gz": bytes.fromhex("1f8b0800000000000003")
        + bytes(rng.randrange(1, 256) for _ in range(64)),
        "nul_byte.csv": lines(HEADER, ROW_A, "b,2022-08-03,2022-08-03,day,visit,T\x00x"),
        "cr_only_endings.csv": lines(HEADER, ROW_A, ROW_B, end="\r"),
        "unterminated_quote.csv": lines(HEADER, ROW_A, 'b,2022-08-03,2022-08-03,day,visit,"T'),
        "quoted_newline_then_errors.csv": lines(
            HEADER + ",description",
            ROW_A + ',"one\ntwo\nthree"',
            "b,2022-08-32,2022-08-03,day,visit,T,",
            'c,2022-08-03,2022-08-03,day,visit,"multi\nline title",',
            "a,2022-08-03,2022-08-03,day,visit,T,",
        ),
        "quoted_newline_too_few_fields.csv": lines(
            HEADER + ",description", ROW_A + ',"one\ntwo"', 'b,2022-08-03,day,visit,"x\ny",d'
        ),
        "blank_lines_then_error.csv": lines(
            HEADER, "", ROW_A, "", "", "a,2022-08-03,2022-08-03,day,visit,T"
        ),
    }
    return files


def main() -> None:
    for name, data in corpus().items():
        (HERE / name).write_bytes(data)
    print(f"wrote {len(corpus())} files to {HERE}")


if __name__ == "__main__":
    main()
