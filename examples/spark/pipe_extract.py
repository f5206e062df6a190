#!/usr/bin/env python3
"""Runs a JSON Lines corpus through `tradefacts extract` inside PySpark (local mode) with RDD.pipe,
and checks that the result equals a single-process run, document for document.

    python3 examples/spark/pipe_extract.py TRADEFACTS_BINARY CORPUS.jsonl [PARTITIONS]

`tradefacts extract --format jsonl -` is a plain stdin → stdout filter: one JSON Lines article in,
one JSON object out, in order, so Spark (RDD.pipe), Hadoop Streaming or GNU parallel can run it
unchanged. The same works on a cluster: ship the binary (e.g. --files) and pipe to ./tradefacts.
"""
import json, subprocess, sys

def main():
    binary, corpus = sys.argv[1], sys.argv[2]
    partitions = int(sys.argv[3]) if len(sys.argv) > 3 else 4
    from pyspark import SparkConf, SparkContext
    conf = SparkConf().setMaster(f"local[{partitions}]").setAppName("tradefacts-pipe")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        lines = sc.textFile(corpus, minPartitions=partitions)
        piped = lines.pipe(f"{binary} extract --format jsonl --jobs 1 -").collect()
    finally:
        sc.stop()
    single = subprocess.run([binary, "extract", "--format", "jsonl", corpus], capture_output=True, text=True, check=False).stdout.splitlines()
    # Broken records are named by their line, which differs between a partition's stdin and the whole
    # file: compare them by count and message; the others by their id.
    errors = lambda rows: sorted(json.loads(r)["error"].split(": ", 1)[-1] for r in rows if "error" in json.loads(r))
    by_id = lambda rows: {json.loads(r)["document"]: r for r in rows if "error" not in json.loads(r)}
    a, b = by_id(piped), by_id(single)
    n_in = sum(1 for line in open(corpus, encoding="utf-8") if line.strip())
    print(f"input records: {n_in}; Spark output objects: {len(piped)}; single-process objects: {len(single)}; unreadable: {len(errors(piped))}")
    if len(piped) != n_in or len(single) != n_in or a.keys() != b.keys() or errors(piped) != errors(single):
        print("MISMATCH: documents differ", file=sys.stderr)
        sys.exit(1)
    # The Spark run reads each record from stdin, the single run from the file: only `source.path` may differ.
    def strip(r):
        o = json.loads(r)
        o.pop("source", None)
        return json.dumps(o, sort_keys=True)
    diff = [k for k in a if strip(a[k]) != strip(b[k])]
    if diff:
        print(f"MISMATCH in {len(diff)} documents, e.g. {diff[:3]}", file=sys.stderr)
        sys.exit(1)
    print(f"OK: {len(a)} documents identical through Spark ({partitions} partitions) and a single process")

if __name__ == "__main__":
    main()
