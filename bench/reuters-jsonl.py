#!/usr/bin/env python3
"""Turns Reuters-21578 (read from ../shared at run time, never copied into the project) into JSON
Lines for the throughput benchmark: one object per story with its id, date and title + body.

    bench/reuters-jsonl.py ../shared/data/reuters21578 > /tmp/reuters.jsonl
"""
import html, json, os, re, sys

MONTHS = {m: i + 1 for i, m in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split())}

def stories(folder):
    for name in sorted(os.listdir(folder)):
        if not (name.startswith("reut2-") and name.endswith(".sgm")):
            continue
        raw = open(os.path.join(folder, name), encoding="latin-1").read()
        for block in re.findall(r"<REUTERS(.*?)</REUTERS>", raw, re.S):
            new_id = re.search(r'NEWID="(\d+)"', block)
            date = re.search(r"<DATE>\s*(\d+)-([A-Z]{3})-(\d{4})", block)
            title = re.search(r"<TITLE>(.*?)</TITLE>", block, re.S)
            body = re.search(r"<BODY>(.*?)</BODY>", block, re.S)
            text = html.unescape((title.group(1) if title else "") + "\n" + (body.group(1) if body else ""))
            text = text.replace("\x03", "").strip() + "\n"
            iso = f"{date.group(3)}-{MONTHS.get(date.group(2), 1):02d}-{int(date.group(1)):02d}" if date else None
            yield {"id": f"reuters-{new_id.group(1) if new_id else len(text)}", "date": iso, "text": text}

def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "reuters21578")
    out = sys.stdout
    for s in stories(folder):
        if s["date"] is None:
            del s["date"]
        out.write(json.dumps(s, ensure_ascii=False) + "\n")

if __name__ == "__main__":
    main()
