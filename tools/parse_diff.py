"""Compare another revision's parser with this tree's, Interview for Interview.

    python tools/parse_diff.py [REV] [--count N]

REV (default ``main``) is exported with ``git archive`` into a temporary folder (the
repository is not touched) and both parsers read the same corpus (``parse_corpus``: the
examples, the tests' interview strings and N generated files) in their own processes.
Each Interview is compared by its ``repr``, which holds every field, span ends included.
Exit status 0 when every text gives the same Interview, 1 otherwise (the first few
differences are printed). ``--pure`` uses PyYAML's pure-Python composer in both. Run it
before replacing any part of ``parse``, ``blocks`` or ``yamlpos``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.parse_corpus import ROOT, texts

CHILD = """
import json, sys
from pathlib import Path
import infoview
from infoview.parse import parse_bytes
here = Path(infoview.__file__).resolve()
assert here.is_relative_to(Path(sys.argv[3]).resolve()), here
if sys.argv[4] == "pure":  # PyYAML's pure-Python composer instead of libyaml's
    import yaml
    from infoview import yamlpos
    yamlpos._Loader = yaml.SafeLoader  # older trees
    yamlpos._loader = lambda: yaml.SafeLoader
out = []
for name, text in json.loads(Path(sys.argv[1]).read_text()):
    try:
        iv = parse_bytes(text.encode("utf-8", "surrogatepass"), Path("interviews/x.md"))
        out.append(repr(iv))
    except Exception as exc:  # a parser that raises is a difference too
        out.append(f"raised {type(exc).__name__}: {exc}")
Path(sys.argv[2]).write_text(json.dumps(out))
"""


def parse_with(source: Path, corpus: Path, out: Path, loader: str) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(source)}
    command = [sys.executable, "-c", CHILD, str(corpus), str(out), str(source), loader]
    subprocess.run(command, env=env, cwd=out.parent, check=True)
    result: list[str] = json.loads(out.read_text())
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rev", nargs="?", default="main")
    parser.add_argument("--count", type=int, default=4000, help="generated files")
    parser.add_argument("--pure", action="store_true", help="PyYAML's pure-Python composer")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        archive = folder / "rev.tar"
        with archive.open("wb") as stream:
            subprocess.run(["git", "archive", args.rev, "infoview"], cwd=ROOT, stdout=stream)
        (folder / "rev").mkdir()
        with tarfile.open(archive) as tar:
            tar.extractall(folder / "rev", filter="data")
        corpus = list(texts(args.count))
        (folder / "corpus.json").write_text(json.dumps(corpus))
        loader = "pure" if args.pure else "libyaml"
        old = parse_with(folder / "rev", folder / "corpus.json", folder / "old.json", loader)
        new = parse_with(ROOT, folder / "corpus.json", folder / "new.json", loader)
    differ = [(name, a, b) for (name, _), a, b in zip(corpus, old, new, strict=True) if a != b]
    print(f"{len(corpus)} texts, {len(differ)} differ between {args.rev} and this tree")
    for name, a, b in differ[:5]:
        at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), 0)
        print(f"- {name}:\n  {args.rev}: ...{a[max(0, at - 80) : at + 120]}")
        print(f"  here: ...{b[max(0, at - 80) : at + 120]}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
