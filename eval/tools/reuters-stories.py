#!/usr/bin/env python3
"""Renders Reuters-21578 stories as tradefacts reads them (TradeFactsEval/Reuters.swift:
"TITLE\\nDATELINE BODY\\n", entities decoded, the "Reuter" sign-off removed), and selects stories
for a gold set by a rule fixed before anyone reads them.

  reuters-stories.py REUTERS_DIR --files reut2-015.sgm --topics earn --first 20 \\
      [--min-body 0] [--exclude-gold eval/gold] [--out DIR]

prints the selected NEWIDs with their date and topics (and writes DIR/reuters-ID.txt, the text the
engine reads, for annotators; nothing of it belongs in the repository). Used by the values gold
sets on real Reuters text (eval/gold/reuters-values-*)."""
import argparse, glob, os, re, sys

MONTHS = {m: i + 1 for i, m in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split())}

def element(name, s):
    a = s.find("<%s>" % name)
    if a < 0:
        a = s.find("<%s " % name)
    if a < 0:
        return None
    b = s.find("</%s>" % name, a)
    if b < 0:
        return None
    start = s.index(">", a) + 1
    return s[start:b]

def decode(s):
    s = s.replace("&lt;", "<").replace("&gt;", ">")
    s = re.sub(r"&#[0-9]+;", "", s)
    return s.replace("&amp;", "&")

def stories(path):
    text = open(path, "rb").read().decode("utf-8", errors="replace")
    for m in re.finditer(r"<REUTERS.*?</REUTERS>", text, re.S):
        doc = m.group(0)
        nid = re.search(r'NEWID="([0-9]+)"', doc).group(1)
        d = (element("DATE", doc) or "").strip().split("-")
        date = None
        if len(d) >= 3 and d[1] in MONTHS:
            date = "%s-%02d-%02d" % (d[2][:4], MONTHS[d[1]], int(d[0]))
        topics = [t.split("</D>")[0] for t in (element("TOPICS", doc) or "").split("<D>") if t.split("</D>")[0]]
        title = decode(element("TITLE", doc) or "")
        dateline = decode(element("DATELINE", doc) or "").strip(" \t")
        body = decode(element("BODY", doc) or "")
        body = re.sub(r"\s*Reuter\s*$", "", body)
        rendered = title + "\n" + ("" if not dateline else dateline + " ") + body.strip() + "\n"
        yield nid, date, topics, body.strip(), rendered

def gold_ids(folder):
    ids = set()
    for f in glob.glob(os.path.join(folder, "*", "*.yaml")):
        for line in open(f, encoding="utf-8"):
            m = re.match(r"(?:id|story):\s*\"?reuters-([0-9]+)", line)
            if m:
                ids.add(m.group(1))
    return ids

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("reuters")
    ap.add_argument("--files", required=True, help="comma-separated reut2-NNN.sgm names, read in this order")
    ap.add_argument("--topics", required=True, help="comma-separated; a story qualifies when it has any ('none': a story Reuters gave no topic)")
    ap.add_argument("--first", type=int, required=True)
    ap.add_argument("--min-body", type=int, default=0, help="minimum body length in characters")
    ap.add_argument("--need", default=None, help="a regular expression the body must match")
    ap.add_argument("--exclude-gold", default=None, help="skip stories already in any gold set under this folder")
    ap.add_argument("--out", default=None)
    a = ap.parse_args()
    want = set(a.topics.split(","))
    skip = gold_ids(a.exclude_gold) if a.exclude_gold else set()
    n = 0
    for f in a.files.split(","):
        for nid, date, topics, body, rendered in stories(os.path.join(a.reuters, f)):
            if n >= a.first:
                return
            if nid in skip or not (want.intersection(topics) or "none" in want and not topics) or len(body) < a.min_body:
                continue
            if a.need and not re.search(a.need, body):
                continue
            n += 1
            print("reuters-%s %s %s %s" % (nid, date, f, ",".join(topics)))
            if a.out:
                os.makedirs(a.out, exist_ok=True)
                with open(os.path.join(a.out, "reuters-%s.txt" % nid), "w", encoding="utf-8") as o:
                    o.write(rendered)

if __name__ == "__main__":
    main()
