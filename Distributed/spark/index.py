"""Index an archive on Apache Spark: each partition of the archive becomes one shard file, made
by `phrasectl index` on the executor, and the shards answer as one index (`phrasectl count
--shards OUTPUT/shards`).

    spark-submit --master local[2] --files .build/release/phrasectl Distributed/spark/index.py \
        --input Examples/work-reports --output shards/ --partitions 4

Inputs: a folder of text/Markdown/JSONL/CSV files (each partition gets a set of files, laid out
under the folder's own name, so document ids are those a single `phrasectl index` gives), JSONL
files (records; a record without an id is named FILE:LINE as `phrasectl index` names it) or
Parquet files with `id`, `text` and optional `title`, `date`, `speaker`, `source`, `tags`
columns. Records that fail are reported per record in OUTPUT/errors.jsonl, like `phrasectl index
--errors`. OUTPUT must be a folder every executor can write (a shared file system).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

from pyspark import SparkFiles
from pyspark.sql import SparkSession


def phrasectl_path(given):
    if given:
        return os.path.abspath(given)
    shipped = SparkFiles.get("phrasectl")
    if os.path.exists(shipped):
        return shipped
    sys.exit("index.py: no phrasectl: ship it with --files PATH/phrasectl or give --phrasectl PATH")


def archive_files(folder):
    """(path, name in the archive) of every file `phrasectl index FOLDER` would read, by name."""
    root = os.path.abspath(folder).rstrip("/")
    base = os.path.basename(root)
    kept = (".txt", ".md", ".markdown", ".jsonl", ".csv")
    found = []
    for directory, _, files in os.walk(root, followlinks=True):
        for name in files:
            if name.lower().endswith(kept):
                path = os.path.join(directory, name)
                found.append((path, os.path.join(base, os.path.relpath(path, root))))
    return sorted(found, key=lambda item: item[1])


def jsonl_records(path):
    """(id or None, line, raw line) of a JSONL file; ids missing are named as phrasectl names them."""
    name = os.path.basename(path)
    with open(path, encoding="utf-8", errors="surrogateescape") as lines:
        for number, line in enumerate(lines, start=1):
            if line.strip():
                yield {"path": path, "file": name, "line": number, "raw": line}


def run_index(binary, shard, output, arguments):
    """Runs phrasectl index for one shard; its failures as JSON lines, and how many documents."""
    database = os.path.join(output, f"shard-{shard:05d}.tifa")
    errors = os.path.join(output, f"errors-{shard:05d}.jsonl")
    done = subprocess.run(
        [binary, "index", "--quiet", "--jobs", "1", "--db", database, "--errors", errors] + arguments,
        capture_output=True, text=True)
    if done.returncode not in (0, 2):
        if os.path.exists(database) and done.returncode == 1:
            os.remove(database)  # nothing indexable in this partition
        else:
            raise RuntimeError(f"phrasectl index for shard {shard} exited {done.returncode}: {done.stderr.strip()}")
    return [database] if os.path.exists(database) else []


def index_files(binary, output, folder_name):
    def partition(shard, items):
        items = list(items)
        if not items:
            return []
        with tempfile.TemporaryDirectory() as scratch:
            root = os.path.join(scratch, folder_name)
            for path, name in items:
                link = os.path.join(scratch, name)
                os.makedirs(os.path.dirname(link), exist_ok=True)
                os.symlink(path, link)
            return run_index(binary, shard, output, [root])
    return partition


def index_records(binary, output, id_field):
    """Each partition's records (origin, JSON line or None) go to phrasectl as one JSONL file; its
    failures are named by the record's own file and line."""
    def partition(shard, items):
        items = list(items)
        if not items:
            return []
        errors = os.path.join(output, f"errors-{shard:05d}-input.jsonl")
        with tempfile.TemporaryDirectory() as scratch, open(errors, "w", encoding="utf-8") as failed:
            path = os.path.join(scratch, f"part-{shard:05d}.jsonl")
            origins = []
            with open(path, "w", encoding="utf-8", errors="surrogateescape") as out:
                for origin, line in items:
                    if line is None:
                        failed.write(json.dumps({"path": origin[0], "line": origin[1], "reason": "bad JSON"}, ensure_ascii=False) + "\n")
                        continue
                    out.write(line + "\n")
                    origins.append(origin)
            if not origins:
                return []
            made = run_index(binary, shard, output, ["--format", "jsonl", "--id-field", id_field, path])
            # phrasectl names the partition's file and line: put the record's own back.
            reported = os.path.join(output, f"errors-{shard:05d}.jsonl")
            if os.path.exists(reported):
                with open(reported, encoding="utf-8") as lines:
                    for line in lines:
                        failure = json.loads(line)
                        if isinstance(failure.get("line"), int) and 0 < failure["line"] <= len(origins):
                            failure["path"], failure["line"] = origins[failure["line"] - 1]
                        failed.write(json.dumps(failure, ensure_ascii=False) + "\n")
                os.remove(reported)
            return made
    return partition


def named_record(record):
    """A JSONL record as (its file and line, the record with the id phrasectl would give it), or
    with None when it is no JSON object."""
    origin = (record["path"], record["line"])
    try:
        value = json.loads(record["raw"])
    except ValueError:
        return origin, None
    if not isinstance(value, dict):
        return origin, None
    if value.get("id") is None:
        value["id"] = f"{record['file']}:{record['line']}"
    return origin, json.dumps(value, ensure_ascii=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", action="append", required=True, help="a folder, JSONL file or Parquet file/folder (repeatable)")
    parser.add_argument("--output", required=True, help="the folder the shards are written to")
    parser.add_argument("--partitions", type=int, default=0, help="shards to make (default: Spark's parallelism)")
    parser.add_argument("--format", choices=["auto", "files", "jsonl", "parquet"], default="auto")
    parser.add_argument("--phrasectl", help="the phrasectl binary, when not shipped with --files")
    arguments = parser.parse_args()

    spark = SparkSession.builder.appName("tifa-index").getOrCreate()
    context = spark.sparkContext
    binary = phrasectl_path(arguments.phrasectl)
    output = os.path.abspath(arguments.output)
    os.makedirs(output, exist_ok=True)
    partitions = arguments.partitions or context.defaultParallelism

    shards = []
    for source in arguments.input:
        kind = arguments.format
        if kind == "auto":
            kind = "parquet" if source.endswith(".parquet") else "jsonl" if source.endswith(".jsonl") else "files"
        offset = len(shards) * 100_000
        if kind == "files":
            files = archive_files(source)
            name = os.path.basename(os.path.abspath(source).rstrip("/"))
            made = context.parallelize(files, partitions).mapPartitionsWithIndex(
                lambda shard, items, name=name, offset=offset: index_files(binary, output, name)(offset + shard, items)).collect()
        elif kind == "jsonl":
            records = list(jsonl_records(source))
            made = context.parallelize(records, partitions).map(named_record).mapPartitionsWithIndex(
                lambda shard, items, offset=offset: index_records(binary, output, "id")(offset + shard, items)).collect()
        else:
            frame = spark.read.parquet(source)
            columns = [c for c in ["id", "text", "title", "date", "speaker", "source", "tags"] if c in frame.columns]
            made = frame.select(*columns).repartition(partitions).toJSON().map(lambda line, source=source: ((source, None), line)).mapPartitionsWithIndex(
                lambda shard, items, offset=offset: index_records(binary, output, "id")(offset + shard, items)).collect()
        shards += made

    shards.sort()
    with open(os.path.join(output, "shards"), "w", encoding="utf-8") as listing:
        listing.write("# made by Distributed/spark/index.py; query with phrasectl count --shards THIS_FILE\n")
        for shard in shards:
            listing.write(os.path.basename(shard) + "\n")
    failures = 0
    with open(os.path.join(output, "errors.jsonl"), "w", encoding="utf-8") as merged:
        for name in sorted(os.listdir(output)):
            if name.startswith("errors-") and name.endswith(".jsonl"):
                with open(os.path.join(output, name), encoding="utf-8") as part:
                    for line in part:
                        merged.write(line)
                        failures += 1
                os.remove(os.path.join(output, name))
    print(f"{len(shards)} shards in {output} (listed in {output}/shards); {failures} failures in {output}/errors.jsonl")
    spark.stop()


if __name__ == "__main__":
    main()
