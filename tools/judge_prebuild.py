"""Write the ready-made grammar, ``infoview/data/judge_built.json`` (``make judge-prebuild``).

Builds the grammar from ``infoview/data/judge.yaml`` as a lint would, compiles each of its
patterns' programs with this Python's ``re``, and writes both (see
``infoview/judge/prebuilt.py``). Run it after editing the grammar: a stale file is never
used (a lint builds the grammar afresh instead, more slowly), and
``tests/test_judge_prebuilt.py`` fails until it is rewritten. The output is deterministic:
the same grammar and Python write the same bytes.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from infoview.judge import grammar, prebuilt

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "infoview" / "data" / prebuilt.DATA


def text() -> str:
    """The file's content for the grammar and Python running this."""
    built = grammar.build(grammar.read_data())
    return json.dumps(prebuilt.dump(built), ensure_ascii=False, sort_keys=True, indent=0) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help="the file to write")
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    args = parser.parse_args(argv)
    content = text()
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.is_file() else ""
        if current != content:
            print(f"{args.out} is stale: run make judge-prebuild", file=sys.stderr)
            return 1
        return 0
    fd, tmp = tempfile.mkstemp(dir=args.out.parent, prefix=".judge_built-")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(content)
    os.chmod(tmp, 0o644)
    os.replace(tmp, args.out)
    print(f"wrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
