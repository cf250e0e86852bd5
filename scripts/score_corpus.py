"""Extract and score the seed article and every text under tests/data/articles.

    python scripts/score_corpus.py OUTDIR [--only SUBSTRING] [--seed PATH]

For each text with a gold table: ``extract TEXT --published DATE -o OUTDIR/NAME.csv`` and
``score OUTDIR/NAME.csv GOLD --published DATE --article TEXT -v > OUTDIR/NAME.score``,
the command line's own ``main`` called in one process (the candidate files are the
command line's, byte for byte; the whole corpus takes well under a minute instead of a
process start per call). The publication date is the last YYYY-MM-DD in the file name.
OUTDIR/table.txt gets one line per text: its name and the score's precision line. Compare
two runs' candidate files with ``cmp`` to see which texts a change touched.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from dashboard.cli import main as cli_main  # noqa: E402  (needs the repo root on sys.path)

ARTICLES = REPO_ROOT / "tests" / "data" / "articles"
#: The seed article lives beside the clone, never in it (tests/test_event_data.py).
SEED = REPO_ROOT.parent / "shared" / "seed" / "000_eed5d73485abdd96.txt"


def score_one(name: str, text: Path, gold: Path, published: str, out: Path) -> str:
    """Extract and score one text; its line for table.txt."""
    candidates = out / f"{name}.csv"
    stdout, stderr = io.StringIO(), io.StringIO()
    argv = ["extract", str(text), "--published", published, "-o", str(candidates)]
    if cli_main(argv, stdout, stderr):
        return f"{name} EXTRACT FAILED: {stderr.getvalue().strip()}"
    stdout, stderr = io.StringIO(), io.StringIO()
    argv = ["score", str(candidates), str(gold), "--published", published]
    cli_main([*argv, "--article", str(text), "-v"], stdout, stderr)
    report = stdout.getvalue() + stderr.getvalue()
    (out / f"{name}.score").write_text(report, encoding="utf-8")
    line = next((x for x in report.splitlines() if "precision" in x.lower()), "")
    return f"{name} {' '.join(line.split())}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--only", default="", help="score only texts whose name holds this")
    parser.add_argument("--seed", type=Path, default=SEED, help="the seed article's text")
    args = parser.parse_args(argv)
    args.outdir.mkdir(parents=True, exist_ok=True)
    lines = []
    if args.seed.exists() and args.only in "seed":
        gold = REPO_ROOT / "data" / "events.csv"
        lines.append(score_one("seed", args.seed, gold, "2022-08-03", args.outdir))
    for text in sorted(ARTICLES.glob("*.txt")):
        gold = ARTICLES / f"{text.stem}.gold.csv"
        if args.only not in text.stem or not gold.exists():
            continue
        published = re.findall(r"\d{4}-\d{2}-\d{2}", text.stem)[-1]
        lines.append(score_one(text.stem, text, gold, published, args.outdir))
    (args.outdir / "table.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
