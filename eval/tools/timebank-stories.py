#!/usr/bin/env python3
"""Selects TimeBank (TempEval-3) stories by a rule fixed before any is read, and writes each one's
text exactly as tradefacts reads a .tml file (the TEXT element, tags removed, the five XML entities
decoded) for annotators of value gold. The text never enters the repository: gold files name the
story (`file: TimeBank/wsj_0136.tml`) and place values by byte offsets.

  timebank-stories.py TEMPEVAL3_DIR --first N [--min-bytes B] [--min-figures K] [--exclude-gold DIR] --out DIR

Stories are taken in file-name order from TBAQ-cleaned/TimeBank; a story qualifies with at least
B bytes of text and K money or percent figures ("$", "%", "percent", "cents", "yen", "marks")."""
import argparse, os, re, sys

ENT = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'"}

def text_of(xml):
    o = xml.find("<TEXT>"); c = xml.find("</TEXT>", o)
    if o < 0 or c < 0:
        return None, None
    body = xml[o + 6:c]
    out = []
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "<" and body.find(">", i) >= 0:
            i = body.find(">", i) + 1
        elif ch == "&" and ";" in body[i:i + 8]:
            semi = body.index(";", i)
            ent = body[i:semi + 1]
            out.append(ENT.get(ent, ent))
            i = semi + 1
        else:
            out.append(ch); i += 1
    m = re.search(r'<DCT>.*?value="([0-9-]{10})', xml, re.S)
    return "".join(out), (m.group(1) if m else None)

FIG = re.compile(r"\$\s?[0-9]|[0-9]\s?%|[0-9] percent|[0-9] cents|[0-9] (?:million|billion) (?:yen|marks|pounds)")

def gold_ids(d):
    ids = set()
    if not d:
        return ids
    for root, _, files in os.walk(d):
        for f in files:
            if f.endswith(".gold.yaml"):
                for line in open(os.path.join(root, f), encoding="utf-8"):
                    if line.startswith("id:"):
                        ids.add(line.split(":", 1)[1].strip().strip('"'))
                        break
    return ids

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tempeval3")
    ap.add_argument("--first", type=int, required=True)
    ap.add_argument("--min-bytes", type=int, default=1500)
    ap.add_argument("--min-figures", type=int, default=4)
    ap.add_argument("--exclude-gold")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    src = os.path.join(a.tempeval3, "TBAQ-cleaned", "TimeBank")
    taken = gold_ids(a.exclude_gold)
    os.makedirs(os.path.join(a.out, "stories"), exist_ok=True)
    n = 0
    with open(os.path.join(a.out, "SELECTION.txt"), "w") as sel:
        for f in sorted(os.listdir(src)):
            if not f.endswith(".tml") or n >= a.first:
                continue
            text, dct = text_of(open(os.path.join(src, f), encoding="utf-8").read())
            sid = "timebank-" + f[:-4]
            if text is None or sid in taken or len(text.encode("utf-8")) < a.min_bytes or len(FIG.findall(text)) < a.min_figures:
                continue
            open(os.path.join(a.out, "stories", sid + ".txt"), "w", encoding="utf-8").write(text)
            sel.write("%s %s TimeBank/%s\n" % (sid, dct, f))
            n += 1
    print("%d stories written to %s" % (n, a.out))

if __name__ == "__main__":
    main()
