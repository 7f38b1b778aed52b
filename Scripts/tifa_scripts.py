"""What the scripts in Scripts/ share: the repository's paths, phrasectl, the matching form,
corpus reading and the measuring helpers of the benchmarks.

Scripts ask phrasectl for anything the product computes. The exceptions are the checks that grade
the product: a count checked against itself or a miner graded by its own rules proves nothing, so
`matching_form` and the reference patterns of the phrase evaluation are written here from their
specifications (FORMAT.md, the evaluation's description), not taken from phrasectl.

The bash scripts use it as a command:
    python3 Scripts/tifa_scripts.py phrasectl            # builds phrasectl, prints its path
    python3 Scripts/tifa_scripts.py remove-database DB   # removes DB, DB-wal and DB-shm
    python3 Scripts/tifa_scripts.py touch-embedded-dictionaries

PHRASECTL=/path/to/phrasectl makes every script use that binary instead of building one.
"""
import argparse
import functools
import glob
import importlib
import json
import os
import re
import sqlite3
import subprocess
import sys
import time
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATA = os.path.normpath(os.path.join(ROOT, "..", "shared", "data"))


def work_dir(name):
    """A folder of .build for one script's inputs and outputs, created when missing."""
    path = os.path.join(ROOT, ".build", name)
    os.makedirs(path, exist_ok=True)
    return path


@functools.cache
def build_phrasectl():
    """The path of phrasectl built in release mode from this checkout. The build runs once a process
    and its output goes to standard error; PHRASECTL names a binary to use instead."""
    given = os.environ.get("PHRASECTL")
    if given:
        if not (os.path.isfile(given) and os.access(given, os.X_OK)):
            raise SystemExit(f"PHRASECTL={given} is not an executable file")
        return given
    command = ["swift", "build", "-c", "release", "--product", "phrasectl", "--package-path", ROOT]
    try:
        status = subprocess.run(command, stdout=sys.stderr).returncode
    except FileNotFoundError:
        raise SystemExit("building phrasectl needs swift on the PATH (or PHRASECTL naming a built phrasectl)")
    if status != 0:
        raise SystemExit(f"building phrasectl failed: {' '.join(command)} exited with status {status} (output above)")
    path = os.path.join(ROOT, ".build", "release", "phrasectl")
    # Scripts this one starts (evaluate-phrases runs build-political-lexicon) use it without building again.
    os.environ["PHRASECTL"] = path
    return path


def remove_database(path):
    """Removes an SQLite database (a Tifa index or an FTS5 file) with its -wal and -shm companions: a
    journal left beside a new database of the same name can be replayed into it."""
    for suffix in ("", "-wal", "-shm"):
        try:
            os.remove(path + suffix)
        except FileNotFoundError:
            pass


def touch_embedded_dictionaries():
    """Makes the next build embed Dictionaries/ again: they are embedded with .incbin, which the build
    does not track."""
    os.utime(os.path.join(ROOT, "Sources", "TifaDictionaryData", "TifaDictionaryData.c"))


# The matching form (FORMAT.md, "Matching form"; TifaText's MatchingForm), for checks of the product

HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3134F), (0x3007, 0x3007))
HAN = "".join(f"{chr(first)}-{chr(last)}" for first, last in HAN_RANGES)  # a regular-expression class body
_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff]")
_WHITESPACE_BETWEEN_HAN = re.compile(f"(?<=[{HAN}])[ \t\n\r\u00a0\u3000]+(?=[{HAN}])")


def matching_form(text):
    """NFKC, zero-width characters removed, and every whitespace run between two Han characters that
    holds at most one line break removed, so a hard-wrapped word is whole. That is the form of an index
    built without --to-simplified; Python's Unicode version may differ from ICU's for the newest
    characters."""
    text = _ZERO_WIDTH.sub("", unicodedata.normalize("NFKC", text))
    return _WHITESPACE_BETWEEN_HAN.sub(lambda run: "" if run.group().count("\n") <= 1 else run.group(), text)


# The reference terms of Scripts/evaluate-phrases. The miner proposes quoted terms and numbered
# formulas itself (the coarse segmenter's formula tokens) and scores them up, so a reference list taken
# from phrasectl would grade the miner by its own rules. These narrower patterns are the evaluation's
# own definition and must stay independent of the product's.
_QUOTED_TERM = re.compile(f"“([{HAN}]{{2,12}})”")
_NUMBERED_FORMULA = re.compile(f"(?<![{HAN}])([两三四五六七八九十][个项条大件][{HAN}]{{2}})(?=[，。、”；,;])")


def reference_terms(text):
    """Terms quoted in `text` (2–12 Han characters) and numbered formulas (数词+量词+two characters)
    followed by punctuation, in the order found; `text` is in the matching form."""
    return _QUOTED_TERM.findall(text) + _NUMBERED_FORMULA.findall(text)


# Corpora of ../shared/data

def news_folder(data):
    """The folder of the 新闻联播 transcripts, one Markdown file a day."""
    return os.path.join(data, "corpora", "xwlb", "news")


def news_files(data):
    """The 新闻联播 transcripts in date order."""
    return sorted(glob.glob(os.path.join(news_folder(data), "*.md")))


def read_texts(path):
    """The texts of a JSONL corpus (field `text`) or of the Markdown files of a folder, in order."""
    if path.endswith(".jsonl"):
        with open(path, encoding="utf-8") as f:
            return [json.loads(line)["text"] for line in f if line.strip()]
    return [read_text(file) for file in sorted(glob.glob(os.path.join(path, "*.md")))]


def read_text(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


# Measuring

def timed_run(argv, stdout=None):
    """Runs argv to its end: (seconds, peak resident memory in MB). Exits the script when it fails."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=stdout)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed with status {process.returncode}")
    return seconds, usage.ru_maxrss / 1024


def best_of(runs, measure):
    """The fastest of `runs` results of `measure`, which returns (seconds, …)."""
    return min((measure() for _ in range(runs)), key=lambda result: result[0])


def time_python_segmenter(cut, source, output):
    """Seconds `cut` (a line -> its tokens) takes to segment `source` line by line into `output`, tokens
    separated by one space, reading and writing included."""
    start = time.perf_counter()
    with open(source, encoding="utf-8") as lines, open(output, "w", encoding="utf-8") as out:
        for line in lines:
            out.write(" ".join(token for token in cut(line.rstrip("\n")) if token.strip()) + "\n")
    return time.perf_counter() - start


def import_or_install(module, package):
    """The module, installed from PyPI first when it is missing; None when that fails."""
    try:
        return importlib.import_module(module)
    except ImportError:
        pip = subprocess.run([sys.executable, "-m", "pip", "install", "-q", package], capture_output=True, text=True)
        try:
            return importlib.import_module(module)
        except ImportError:
            print(f"({package} unavailable: {pip.stderr.strip()[-200:]})", file=sys.stderr)
            return None


def fts5_trigram_index(path, texts, contentless=False):
    """A new SQLite FTS5 trigram index `docs(text)` of `texts` (rowids from 1) at `path`, committed;
    returns the open connection."""
    remove_database(path)
    connection = sqlite3.connect(path)
    content = ", content=''" if contentless else ""
    connection.execute(f"CREATE VIRTUAL TABLE docs USING fts5(text, tokenize='trigram'{content})")
    connection.executemany("INSERT INTO docs(rowid, text) VALUES(?, ?)", enumerate(texts, 1))
    connection.commit()
    return connection


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Helpers of the bash scripts in Scripts/.")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("phrasectl", help="build phrasectl (release) and print its path")
    commands.add_parser("remove-database", help="remove an SQLite database with its -wal and -shm files").add_argument("path")
    commands.add_parser("touch-embedded-dictionaries", help="make the next build embed Dictionaries/ again")
    arguments = parser.parse_args()
    if arguments.command == "phrasectl":
        print(build_phrasectl())
    elif arguments.command == "remove-database":
        remove_database(arguments.path)
    else:
        touch_embedded_dictionaries()
