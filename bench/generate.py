#!/usr/bin/env python3
"""Generates a reproducible news-like JSON Lines corpus for benchmarks.

Articles are recombined from the sentences of our own Corpus/ articles (written by us), with the
figures, places, years and months re-drawn from a seeded random generator, so the text has the
density of numbers, dates and trade words that real trade news has. With --prose, articles are
instead strings of common words with no figures, dates or currencies at all (the case a prefilter
should skip). Usage:

    bench/generate.py --megabytes 50 --seed 1 > /tmp/bench.jsonl
    bench/generate.py --megabytes 5 --seed 1 --prose > /tmp/prose.jsonl
"""
import argparse, json, os, random, re, sys

here = os.path.dirname(os.path.abspath(__file__))
corpus = os.path.join(here, "..", "Corpus")

def sentences():
    out = []
    for name in sorted(os.listdir(corpus)):
        if not name.endswith(".txt"):
            continue
        lines = open(os.path.join(corpus, name), encoding="utf-8").read().split("\n")
        for line in lines[2:]:
            out += [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", line) if len(s) > 20]
    return out

PLACES = ["Guangdong", "Zhejiang", "Jiangsu", "Shandong", "Fujian", "Japan", "South Korea", "Taiwan", "Brazil", "Germany", "France", "Canada", "Australia", "India", "Vietnam"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

def redraw(s, rng):
    s = re.sub(r"\b(19[5-9][0-9]|20[0-2][0-9])\b", lambda m: str(rng.randint(1985, 2025)), s)
    s = re.sub(r"\b[0-9]+(\.[0-9]+)?\b", lambda m: (f"{rng.uniform(0.1, 999):.{len(m.group(1)) - 1}f}" if m.group(1) else str(rng.randint(1, 999))), s)
    s = re.sub(r"\b(" + "|".join(MONTHS) + r")\b", lambda m: rng.choice(MONTHS), s)
    s = re.sub(r"\b(" + "|".join(PLACES) + r")\b", lambda m: rng.choice(PLACES), s)
    return s

# Common words of general news with no figure, date, currency or unit among them.
PROSE = ("the a of and to in is was for on that with as by at from it his her their said officials minister "
         "talks government agreed plan policy leaders meeting city council members public report would could "
         "should people local new police group party union team club house law court vote state water road "
         "school church bank board home family friends music film book story art game night word voice hand "
         "head face life love heart world").split()

def prose_text(rng):
    sentences = []
    for _ in range(rng.randint(5, 12)):
        words = [rng.choice(PROSE) for _ in range(rng.randint(8, 20))]
        sentences.append(" ".join(words).capitalize() + ".")
    return " ".join(sentences)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--megabytes", type=float, default=50)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--prose", action="store_true", help="text without figures (see above)")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    pool = sentences()
    target = int(a.megabytes * 1024 * 1024)
    written, n = 0, 0
    out = sys.stdout
    while written < target and a.prose:
        line = json.dumps({"id": f"prose-{n}", "text": prose_text(rng)}) + "\n"
        out.write(line)
        written += len(line)
        n += 1
    while written < target:
        year = rng.randint(1986, 2025)
        date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        paragraphs = []
        for _ in range(rng.randint(3, 8)):
            paragraphs.append(" ".join(redraw(rng.choice(pool), rng) for _ in range(rng.randint(1, 4))))
        text = f"{rng.choice(PLACES)} trade figures\n" + "\n".join(paragraphs) + "\n"
        line = json.dumps({"id": f"bench-{n}", "date": date, "text": text}, ensure_ascii=False) + "\n"
        out.write(line)
        written += len(line.encode("utf-8"))
        n += 1

if __name__ == "__main__":
    main()
