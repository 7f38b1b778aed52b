"""Compute the n-gram statistics of an archive's formulations on Apache Spark, for
`phrasectl phrases --stats` to rank with the miner's own selection and score.

    phrasectl export --db ARCHIVE.tifa --out export.jsonl
    spark-submit --master local[2] Distributed/spark/mine.py --input export.jsonl --output stats/
    phrasectl phrases --stats stats/ --top 2000

The input is what `phrasectl export --format jsonl` writes (a file, or a folder of such files, e.g.
its Hive partitions): each document's matching form in "text" and the miner's pattern proposals in
"patterns" and "numbered". The definitions are TifaMining's (Sources/TifaMining): the text is cut
into runs of Han characters, every other character a separator; a left quotation mark “ opens the
next run and a right one ” closes the run before; an n-gram is 2–16 characters inside one run, and
its count is the number of its start positions. Every statistic is an n-gram count:

- count, documents and quoted occurrences (the n-gram is a whole run between “ and ”) of each
  n-gram of length L, counted when its (L−1)-character prefix or suffix was kept at length L−1 (all
  bigrams at L = 2), or when it is a pattern proposal or a prefix or suffix of one;
- kept: those seen --min-count times (at least twice) and every proposal-related one;
- the left and right neighbours of a kept n-gram g are the counts of the (L+1)-grams c+g and g+c;
  the occurrences with a break beside them are the rest of g's count.

The output folder's layout is written down in Distributed/spark/README.md. OUTPUT must be a new
or empty folder on a file system the driver and the executors share.
"""

import argparse
import json
import os
import re
import sys

from pyspark import StorageLevel
from pyspark.sql import SparkSession
from pyspark.sql.functions import input_file_name

MAXIMUM_LENGTH = 16
BREAK, OPEN, CLOSE = 0, 1, 2


def is_han(c):
    """TifaText's isHan: CJK unified ideographs and their extensions, compatibility ideographs, 〇."""
    o = ord(c)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF
            or 0x20000 <= o <= 0x3134F or o == 0x3007)


def runs_of(text):
    """The Han runs of a matching form as (run, opened, closed), cut as MiningCorpus cuts them: a
    run of separators collapses into one code, a right quotation mark cancels a left one before it
    (“”), and the document starts and ends with a break of its own."""
    runs, afters = [], []
    code, start, before = BREAK, None, BREAK
    for i, c in enumerate(text):
        if is_han(c):
            if start is None:
                if runs:
                    afters.append(code)
                start, before = i, code
        else:
            mark = OPEN if c == "\u201c" else CLOSE if c == "\u201d" else BREAK
            if start is not None:
                runs.append((text[start:i], before))
                start, code = None, mark
            else:
                code = (code & ~OPEN) | CLOSE if mark == CLOSE else code | mark
    if start is not None:
        runs.append((text[start:], before))
        afters.append(BREAK)
    elif runs:
        afters.append(code)
    return [(run, b & OPEN != 0, a & CLOSE != 0) for (run, b), a in zip(runs, afters)]


def parts_of(gram):
    """A proposal's prefixes and suffixes of two characters or more, and itself."""
    return {gram[:k] for k in range(2, len(gram) + 1)} | {gram[k:] for k in range(len(gram) - 1)}


def count_level(documents, length, kept_before, needed):
    """(g, (count, documents, quoted)) for the n-grams of `length` the statistics need."""
    def document_counts(document):
        counts, quoted = {}, {}
        before, wanted, every = kept_before.value, needed.value, length == 2
        for run, opened, closed in document:
            n = len(run)
            for i in range(n - length + 1):
                g = run[i:i + length]
                if every or g[:-1] in before or g[1:] in before or g in wanted:
                    counts[g] = counts.get(g, 0) + 1
            if n == length and opened and closed and run in counts:
                quoted[run] = quoted.get(run, 0) + 1
        return [(g, (c, 1, quoted.get(g, 0))) for g, c in counts.items()]

    return documents.flatMap(document_counts).reduceByKey(lambda a, b: (a[0] + b[0], a[1] + b[1], a[2] + b[2]))


def neighbours(items):
    return "".join(f"{c}{n}" for c, n in sorted(items))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", required=True, action="append", help="phrasectl export JSONL: a file or a folder (repeatable)")
    parser.add_argument("--output", required=True, help="the statistics folder to write (new or empty)")
    parser.add_argument("--min-count", type=int, default=5, help="occurrences an n-gram needs (as phrasectl phrases --min-count)")
    parser.add_argument("--partitions", type=int, default=0, help="partitions of the documents (default: twice Spark's default parallelism)")
    arguments = parser.parse_args()
    if arguments.min_count < 1:
        sys.exit("mine.py: --min-count must be at least 1")
    if arguments.partitions < 0:
        sys.exit("mine.py: --partitions must be at least 1 (or 0 for the default)")
    output = os.path.abspath(arguments.output)
    if os.path.exists(output):
        if not os.path.isdir(output) or os.listdir(output):
            sys.exit(f"mine.py: {output} exists and is not an empty folder; give a new one")
        os.rmdir(output)
    inputs = []
    for given in arguments.input:
        if os.path.isdir(given):
            inputs += sorted(os.path.join(d, f) for d, _, files in os.walk(given) for f in files
                             if not f.startswith((".", "_")))
        elif os.path.exists(given):
            inputs.append(given)
        else:
            sys.exit(f"mine.py: {given}: no such file or folder")
    seen = {}
    for path in inputs:
        real = os.path.realpath(path)
        if real in seen:
            sys.exit(f"mine.py: {path} is given twice ({seen[real]}): its documents would count twice")
        seen[real] = path
        if ":" in os.path.abspath(path):
            sys.exit(f"mine.py: {path}: Spark cannot read a path holding ':'; rename it")
    if not inputs:
        sys.exit("mine.py: the input holds no files")

    spark = SparkSession.builder.appName("tifa-mine").getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    partitions = arguments.partitions or 2 * sc.defaultParallelism
    # Hadoop reads paths as globs: escape their special characters so a name means only itself.
    escaped = ["file://" + re.sub(r"([\\{}\[\]*?])", r"\\\1", os.path.abspath(path)) for path in inputs]
    lines = spark.read.text(escaped).select(input_file_name().alias("file"), "value").rdd
    if lines.getNumPartitions() > partitions:
        lines = lines.coalesce(partitions)  # many small files (Hive partitions): fewer, larger tasks
    elif lines.getNumPartitions() < partitions:
        lines = lines.repartition(partitions)

    def parse(row):
        """("ok", runs, patterns, numbered) of an export line, or ("bad", file, reason, line)."""
        file, line = row
        if not line.strip():
            return []
        try:
            record = json.loads(line)
        except ValueError:
            return [("bad", file, "not JSON", line)]
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            return [("bad", file, "no \"text\" string", line)]
        lists = [record.get("patterns"), record.get("numbered")]
        if not all(isinstance(l, list) and all(isinstance(p, str) for p in l) for l in lists):
            return [("bad", file, "no \"patterns\" and \"numbered\" lists of strings (is it the output of phrasectl export?)", line)]
        return [("ok", runs_of(record["text"]), lists[0], lists[1])]

    parsed = lines.flatMap(parse).persist(StorageLevel.MEMORY_AND_DISK)
    bad = parsed.filter(lambda r: r[0] == "bad").take(1)
    if bad:
        _, file, reason, line = bad[0]
        excerpt = line if len(line) <= 60 else line[:60] + "…"
        print(f"mine.py: {file.removeprefix('file://')}: {reason}: {excerpt}", file=sys.stderr)
        spark.stop()
        sys.exit(65)
    records = parsed.map(lambda r: r[1:]).persist(StorageLevel.MEMORY_AND_DISK)
    documents = records.map(lambda r: r[0]).persist(StorageLevel.MEMORY_AND_DISK)
    document_count = records.count()

    proposals = (records.flatMap(lambda r: [(p, 0) for p in r[1]] + [(p, 1) for p in r[2]])
                 .filter(lambda item: 2 <= len(item[0]) <= MAXIMUM_LENGTH and all(map(is_han, item[0])))
                 .reduceByKey(max))
    proposal_list = proposals.collect()
    needed = sc.broadcast(set().union(*[parts_of(p) for p, _ in proposal_list]) if proposal_list else set())

    unigrams = documents.flatMap(lambda d: [c for run, _, _ in d for c in run]).map(lambda c: (c, 1)).reduceByKey(lambda a, b: a + b)
    unigrams.persist(StorageLevel.MEMORY_AND_DISK)
    characters = unigrams.map(lambda item: item[1]).sum() if not unigrams.isEmpty() else 0

    threshold = max(2, arguments.min_count)
    levels = {}
    kept = {}
    kept_before = sc.broadcast(set())
    for length in range(2, MAXIMUM_LENGTH + 2):
        level = count_level(documents, length, kept_before, needed).persist(StorageLevel.MEMORY_AND_DISK)
        levels[length] = level
        if length <= MAXIMUM_LENGTH:
            keys = level.filter(lambda item: item[1][0] >= threshold or item[0] in needed.value).keys().collect()
            kept[length] = sc.broadcast(set(keys))
            kept_before = kept[length]
        print(f"mine.py: length {length}: {level.count()} n-grams counted", file=sys.stderr)

    def assemble(length):
        this = kept[length]
        own = levels[length].filter(lambda item: item[0] in this.value).mapValues(lambda v: ("s", v))

        def sides(item):
            g, (c, _, _) = item
            found = []
            if g[1:] in this.value:
                found.append((g[1:], ("l", g[0], c)))
            if g[:-1] in this.value:
                found.append((g[:-1], ("r", g[-1], c)))
            return found

        def line(item):
            g, values = item
            own_values = None
            left, right = [], []
            for value in values:
                if value[0] == "s":
                    own_values = value[1]
                elif value[0] == "l":
                    left.append((value[1], value[2]))
                else:
                    right.append((value[1], value[2]))
            count, docs, quoted = own_values
            left_breaks = count - sum(n for _, n in left)
            right_breaks = count - sum(n for _, n in right)
            return f"{g}\t{count}\t{docs}\t{quoted}\t{left_breaks}\t{right_breaks}\t{neighbours(left)}\t{neighbours(right)}"

        return own.union(levels[length + 1].flatMap(sides)).groupByKey().filter(
            lambda item: any(v[0] == "s" for v in item[1])).map(line)

    grams = sc.union([assemble(length) for length in range(2, MAXIMUM_LENGTH + 1)])
    grams.saveAsTextFile(os.path.join(output, "grams"))
    unigrams.map(lambda item: f"{item[0]}\t{item[1]}").saveAsTextFile(os.path.join(output, "unigrams"))
    proposals.map(lambda item: f"{item[0]}\t{item[1]}").saveAsTextFile(os.path.join(output, "patterns"))
    with open(os.path.join(output, "summary.json"), "w") as summary:
        json.dump({"format": "tifa-mining-statistics", "version": 1, "documents": document_count,
                   "characters": characters, "minimumCount": arguments.min_count,
                   "maximumLength": MAXIMUM_LENGTH}, summary)
        summary.write("\n")
    print(f"mine.py: {document_count} documents, {characters} Han characters: statistics in {output}")
    spark.stop()


if __name__ == "__main__":
    main()
