"""Write dashboard/country_codes.csv: ISO 3166-1 codes, FIPS 10-4 codes and short names.

ISO codes and names come from Debian's iso-codes (/usr/share/iso-codes/json); the FIPS
10-4 codes (GDELT's geography) are the table below, FIPS -> ISO alpha-2. Names are the
short names analysts write (``Russia``, not ``Russian Federation``), as in data/events.csv.
Run: ``python scripts/make_country_codes.py``.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

ISO = Path("/usr/share/iso-codes/json/iso_3166-1.json")
OUT = Path(__file__).resolve().parent.parent / "dashboard" / "country_codes.csv"

_FIPS_PAIRS = """
AF:AF AL:AL AG:DZ AQ:AS AN:AD AO:AO AV:AI AY:AQ AC:AG AR:AR AM:AM AA:AW AS:AU AU:AT AJ:AZ
BF:BS BA:BH BG:BD BB:BB BO:BY BE:BE BH:BZ BN:BJ BD:BM BT:BT BL:BO BK:BA BC:BW BR:BR VI:VG
BX:BN BU:BG UV:BF BM:MM BY:BI CB:KH CM:CM CA:CA CV:CV CJ:KY CT:CF CD:TD CI:CL CH:CN CO:CO
CN:KM CG:CD CF:CG CW:CK CS:CR IV:CI HR:HR CU:CU CY:CY EZ:CZ DA:DK DJ:DJ DO:DM DR:DO EC:EC
EG:EG ES:SV EK:GQ ER:ER EN:EE ET:ET FK:FK FO:FO FJ:FJ FI:FI FR:FR FG:GF FP:PF GB:GA GA:GM
GZ:PS GG:GE GM:DE GH:GH GI:GI GR:GR GL:GL GJ:GD GP:GP GQ:GU GT:GT GK:GG GV:GN PU:GW GY:GY
HA:HT HO:HN HK:HK HU:HU IC:IS IN:IN ID:ID IR:IR IZ:IQ EI:IE IM:IM IS:IL IT:IT JM:JM JA:JP
JE:JE JO:JO KZ:KZ KE:KE KR:KI KN:KP KS:KR KV:XK KU:KW KG:KG LA:LA LG:LV LE:LB LT:LS LI:LR
LY:LY LS:LI LH:LT LU:LU MC:MO MK:MK MA:MG MI:MW MY:MY MV:MV ML:ML MT:MT RM:MH MB:MQ MR:MR
MP:MU MF:YT MX:MX FM:FM MD:MD MN:MC MG:MN MJ:ME MH:MS MO:MA MZ:MZ WA:NA NR:NR NP:NP NL:NL
NC:NC NZ:NZ NU:NI NG:NE NI:NG NE:NU NO:NO MU:OM PK:PK PS:PW PM:PA PP:PG PA:PY PE:PE RP:PH
PL:PL PO:PT RQ:PR QA:QA RE:RE RO:RO RS:RU RW:RW SC:KN ST:LC VC:VC WS:WS SM:SM TP:ST SA:SA
SG:SN RI:RS SE:SC SL:SL SN:SG LO:SK SI:SI BP:SB SO:SO SF:ZA OD:SS SP:ES CE:LK SU:SD NS:SR
WZ:SZ SW:SE SZ:CH SY:SY TW:TW TI:TJ TZ:TZ TH:TH TT:TL TO:TG TN:TO TD:TT TS:TN TU:TR TX:TM
TK:TC TV:TV UG:UG UP:UA AE:AE UK:GB US:US UY:UY UZ:UZ NH:VU VT:VA VE:VE VM:VN VQ:VI WE:PS
WI:EH YM:YE ZA:ZM ZI:ZW CQ:MP NN:SX UC:CW SH:SH SB:PM WF:WF NF:NF PC:PN CK:CC KT:CX TL:TK
SV:SJ BV:BV HM:HM IO:IO FS:TF TB:BL RN:MF
"""
FIPS_TO_ISO2 = dict(pair.split(":") for pair in _FIPS_PAIRS.split())

SHORT_NAMES = {
    "BO": "Bolivia",
    "BN": "Brunei",
    "CD": "DR Congo",
    "CG": "Congo",
    "CI": "Côte d'Ivoire",
    "CZ": "Czechia",
    "FM": "Micronesia",
    "GB": "United Kingdom",
    "IR": "Iran",
    "KP": "North Korea",
    "KR": "South Korea",
    "LA": "Laos",
    "MD": "Moldova",
    "PS": "Palestine",
    "RU": "Russia",
    "SY": "Syria",
    "TR": "Turkey",  # as ACLED, UCDP, news and the extractor write it (ISO: Türkiye)
    "TW": "Taiwan",
    "TZ": "Tanzania",
    "US": "United States",
    "VA": "Vatican",
    "VE": "Venezuela",
    "VN": "Vietnam",
    "XK": "Kosovo",
}


def main() -> None:
    countries = json.loads(ISO.read_text(encoding="utf-8"))["3166-1"]
    rows = {
        c["alpha_2"]: {
            "iso2": c["alpha_2"],
            "iso3": c["alpha_3"],
            "name": SHORT_NAMES.get(c["alpha_2"], c.get("common_name", c["name"])),
        }
        for c in countries
    }
    rows["XK"] = {"iso2": "XK", "iso3": "XKX", "name": "Kosovo"}
    fips_of: dict[str, list[str]] = {}
    for fips, iso2 in FIPS_TO_ISO2.items():
        fips_of.setdefault(iso2, []).append(fips)
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["iso2", "iso3", "fips", "name"])
        for iso2 in sorted(rows):
            row = rows[iso2]
            fips = ";".join(sorted(fips_of.get(iso2, [])))
            writer.writerow([iso2, row["iso3"], fips, row["name"]])


if __name__ == "__main__":
    main()
