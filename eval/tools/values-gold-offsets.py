#!/usr/bin/env python3
"""Turns an annotator's value gold on Reuters or TimeBank stories (items placed by `text`, as in the value gold
of our own articles) into the committed form: items placed by UTF-8 byte offsets (`at: "START-END"`)
into the story as tradefacts reads it, and no story text.

  values-gold-offsets.py ANNOTATOR_DIR OUT_DIR

ANNOTATOR_DIR holds ID.gold.yaml and stories/ID.txt (eval/tools/reuters-stories.py or
timebank-stories.py --out). Each item's text is searched for from the end of the previous item of its list (the gold's
rule for repeated strings); an item not found stops the conversion with its file and text."""
import json, os, sys, yaml

LISTS = ["money", "percent", "periods", "counts"]

def q(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    return json.dumps(str(v), ensure_ascii=False)

def convert(gold_path, story_path):
    gold = yaml.safe_load(open(gold_path, encoding="utf-8"))
    raw = open(story_path, "rb").read()
    out = []
    for key in ["id", "file", "referenceDate", "place"]:
        if key in gold:
            out.append("%s: %s" % (key, q(gold[key])))
    out.append("bytes: %d  # the story's length as tradefacts reads it: offsets are checked against it" % len(raw))
    for name in LISTS:
        items = gold.get(name) or []
        if not items:
            out.append("%s: []" % name)
            continue
        out.append("%s:" % name)
        start = 0
        for item in items:
            needle = str(item["text"]).encode("utf-8")
            at = raw.find(needle, start)
            if at < 0:
                sys.exit("%s: %s item %r not found after byte %d" % (gold_path, name, item["text"], start))
            start = at + len(needle)
            fields = ['at: "%d-%d"' % (at, at + len(needle))]
            fields += ["%s: %s" % (k, q(v)) for k, v in item.items() if k != "text"]
            out.append("  - {" + ", ".join(fields) + "}")
    return "\n".join(out) + "\n"

def main():
    src, dst = sys.argv[1], sys.argv[2]
    os.makedirs(dst, exist_ok=True)
    n = 0
    for f in sorted(os.listdir(src)):
        if f.endswith(".gold.yaml"):
            story = os.path.join(src, "stories", f[:-len(".gold.yaml")] + ".txt")
            open(os.path.join(dst, f), "w", encoding="utf-8").write(convert(os.path.join(src, f), story))
            n += 1
    print("%d gold files written to %s" % (n, dst))

if __name__ == "__main__":
    main()
