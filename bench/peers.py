#!/usr/bin/env python3
"""Throughput of two public peer extractors on the bytes our benchmark uses (for docs/performance.md).

Peers: quantulum3 (quantities, money, percentages) and Microsoft Recognizers-Text for Python,
English culture, running the number, percentage, currency and date-time models (what tradefacts
extracts). Both are slow, so they are timed on a prefix of whole documents of a JSON Lines file
(one object a line with "text", optionally "id" and "date") up to --max-bytes bytes of text. Per
peer: documents, MB of text (UTF-8 bytes of the "text" fields, MB = 2^20 bytes as in bench/run),
seconds (import and model load excluded, reported as startup), MB/s, docs/s and the entities
returned. A document on which a peer raises counts as an error; the run goes on. With
--tradefacts BIN, our binary is timed on the same prefix (written to a temp file; extract --jobs 1;
median of 3 runs; its startup, timed on an empty document, is included) and compared. The peers
are not installed with the project: bench/peers-setup creates a venv with the tested versions and
prints its python:

    py=$(bench/peers-setup) && "$py" bench/peers.py --input /tmp/tradefacts-bench/reuters21578.jsonl \
        --tradefacts .build/release/tradefacts [--max-bytes 300000] [--peer quantulum3|recognizers|all|none]

The default of 300,000 bytes keeps a run to a few minutes: Recognizers-Text does about 0.003 MB/s.
"""
import argparse, datetime, importlib.metadata, json, os, subprocess, sys, tempfile, time, warnings

def line(label, secs, nbytes, docs, note):
    print(f"  {label:<32} {secs:7.3f} s {nbytes / 1048576 / secs:8.3f} MB/s {docs / secs:9.1f} docs/s  ({note})", flush=True)

def quantulum3():
    with warnings.catch_warnings():  # the optional classifier (scikit-learn) is not installed: a UserWarning
        warnings.simplefilter("ignore")
        from quantulum3 import parser
    parser.parse("Exports rose 4.5% to $3.2 billion.")  # units and entities load on the first call
    return "quantulum3", "quantities", lambda text, date: len(parser.parse(text))

def recognizers():
    from recognizers_text import Culture
    from recognizers_number import NumberRecognizer
    from recognizers_number_with_unit import NumberWithUnitRecognizer
    from recognizers_date_time import DateTimeRecognizer
    c = Culture.English  # the models the recognize_* functions use (they are cached there too)
    models = [NumberRecognizer(c).get_number_model(), NumberRecognizer(c).get_percentage_model(),
              NumberWithUnitRecognizer(c).get_currency_model()]
    dt = DateTimeRecognizer(c).get_datetime_model()
    def run(text, date):
        return sum(len(m.parse(text)) for m in models) + len(dt.parse(text, date))
    run("Exports rose 4.5% to $3.2 billion in March 1987.", None)  # warm up
    return "recognizers-text-suite", "numbers, percentages, currencies and date-times", run

PEERS = {"quantulum3": (quantulum3, "quantulum3"), "recognizers": (recognizers, "recognizers-text-suite")}

def main():
    ap = argparse.ArgumentParser(description="Throughput of peer extractors (see the top of this file).")
    ap.add_argument("--input", required=True, help="JSON Lines with a \"text\" field")
    ap.add_argument("--max-bytes", type=int, default=300_000, help="bytes of text to time (whole documents)")
    ap.add_argument("--peer", choices=["quantulum3", "recognizers", "all", "none"], default="all")
    ap.add_argument("--tradefacts", metavar="BIN", help="also time this tradefacts binary on the same prefix")
    a = ap.parse_args()
    lines, docs, nbytes = [], [], 0
    with open(a.input, encoding="utf-8") as f:
        for raw in f:
            if not raw.strip():
                continue
            o = json.loads(raw)
            n = len(o["text"].encode("utf-8"))
            if docs and nbytes + n > a.max_bytes:
                break
            try:
                date = datetime.datetime.strptime(o.get("date", ""), "%Y-%m-%d")
            except ValueError:
                date = None
            lines.append(raw if raw.endswith("\n") else raw + "\n")
            docs.append((o["text"], date))
            nbytes += n
    print(f"peers: {a.input}, first {len(docs)} documents, {nbytes / 1048576:.2f} MB of text (limit {a.max_bytes} bytes)")
    times = {}
    for name in {"all": ["quantulum3", "recognizers"], "none": []}.get(a.peer, [a.peer]):
        load, package = PEERS[name]
        t0 = time.perf_counter()
        try:
            label, what, run = load()
        except Exception as e:
            print(f"  {name}: skipped, cannot import ({type(e).__name__}: {e}); "
                  f"install with bench/peers-setup and run this script with the python it prints")
            continue
        startup = time.perf_counter() - t0
        label = f"{label} {importlib.metadata.version(package)}"
        found = errors = 0
        t0 = time.perf_counter()
        for text, date in docs:
            try:
                found += run(text, date)
            except Exception:
                errors += 1
        secs = time.perf_counter() - t0
        times[label] = secs
        line(label, secs, nbytes, len(docs), f"startup {startup:.1f} s; {found} {what}; {errors} errors")
    if a.tradefacts:
        files = []
        try:
            for content in (lines, ['{"id": "empty", "text": ""}\n']):  # the prefix; one empty document
                with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".jsonl", delete=False) as f:
                    f.writelines(content)
                files.append(f.name)
            cmd = [a.tradefacts, "extract", "--jobs", "1", "--format", "jsonl"]
            version = subprocess.run([a.tradefacts, "--version"], capture_output=True, text=True).stdout.strip()
            def timed(path):  # median of 3 runs: ours is cheap to repeat, and the machine may be shared
                runs = []
                for _ in range(3):
                    t0 = time.perf_counter()
                    done = subprocess.run(cmd + [path], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                    runs.append(time.perf_counter() - t0)
                    if done.returncode != 0:
                        sys.exit(f"  tradefacts {version}: failed with exit {done.returncode}: {done.stderr.strip()[:300]}")
                return sorted(runs)[1]
            secs = timed(files[0])
            startup = timed(files[1])  # process start and rule loading, on an empty document
            out = subprocess.run(cmd + files[:1], capture_output=True, text=True).stdout  # again, untimed, to count
            found = sum(len(json.loads(l)["mentions"]) for l in out.splitlines() if l.strip())
        finally:
            for name in files:
                os.unlink(name)
        line(f"tradefacts {version} (1 core)", secs, nbytes, len(docs),
             f"startup {startup:.1f} s included; {found} mentions")
        for label, peer in times.items():
            print(f"  tradefacts is {peer / secs:,.0f}x the speed of {label}")

if __name__ == "__main__":
    main()
