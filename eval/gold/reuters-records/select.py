#!/usr/bin/env python3
"""Selects the stories of the blind record gold from Reuters-21578, by the fixed rule of README.md.

Prints story ids only (never text): `NEWID file rule sentences`. The collection is read at run
time from ../shared and is never copied into the project.

    eval/gold/reuters-records/select.py ../shared/data/reuters21578
"""
import html, os, re, sys

FILES = [f"reut2-{n:03d}.sgm" for n in range(14, 22)]
TRADE_TOPICS = {"trade", "bop"}
COMMODITY_TOPICS = {"coffee", "grain", "wheat", "corn", "sugar", "cocoa", "crude", "copper", "rice", "soybean",
                    "oilseed", "veg-oil", "cotton", "rubber", "tin", "gold", "iron-steel", "livestock", "carcass",
                    "palm-oil", "meal-feed", "barley", "sorghum", "nat-gas", "alum", "zinc", "lead", "tea", "silver",
                    "oat", "rapeseed", "soy-oil", "soy-meal", "sun-oil", "groundnut", "coconut", "lumber", "wool"}
PER_FILE = {"A": 3, "B": 2}
SCALE = r"(?:\s+(?:mln|million|billion|bln|trillion))?"
CURRENCY = r"(?:dlrs|dollars|yen|marks|francs|stg|pounds|lire|guilders|crowns|pesos|rupees|rand|yuan|won|ringgit|baht|rupiah|schillings|escudos|pesetas|cruzados|australs)"
MONEY = re.compile(r"(?:\d[\d,.]*" + SCALE + r"\s+(?:U\.S\.\s+|Hong Kong\s+|Canadian\s+|Australian\s+|N\.Z\.\s+|Singapore\s+|Taiwan\s+)?" + CURRENCY + r"\b|\$\s?\d)")
VOLUME = re.compile(r"\d[\d,.]*" + SCALE + r"\s+(?:tonnes|tons|bags|barrels|bpd|ounces|bales|lbs|pounds|bushels|cubic)\b")
TRADE_WORD = re.compile(r"\b(?:export|exports|exported|import|imports|imported|trade|surplus|deficit)\b", re.I)
FLOW_WORD = re.compile(r"\b(?:export|exports|exported|import|imports|imported)\b", re.I)

def stories(folder):
    for name in FILES:
        raw = open(os.path.join(folder, name), encoding="latin-1").read()
        for block in re.findall(r"<REUTERS(.*?)</REUTERS>", raw, re.S):
            new_id = re.search(r'NEWID="(\d+)"', block).group(1)
            topics = set(re.findall(r"<D>(.*?)</D>", (re.search(r"<TOPICS>(.*?)</TOPICS>", block, re.S) or re.search("()", "")).group(1)))
            body = re.search(r"<BODY>(.*?)</BODY>", block, re.S)
            yield name, new_id, topics, html.unescape(body.group(1)) if body else ""

def sentences(body):
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", body.replace("\n", " ")) if len(s) > 2]

def rule(topics, body):
    """A: trade or bop story with a sentence holding a money figure and a trade word; B: other
    commodity story with a sentence holding a figure (money or volume) and an export or import word."""
    if not body:
        return None
    if topics & TRADE_TOPICS:
        return "A" if any(TRADE_WORD.search(s) and MONEY.search(s) for s in sentences(body)) else None
    if topics & COMMODITY_TOPICS:
        if any(FLOW_WORD.search(s) and (MONEY.search(s) or VOLUME.search(s)) for s in sentences(body)):
            return "B"
    return None

def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "..", "..", "shared", "data", "reuters21578")
    taken = {}
    for name, new_id, topics, body in stories(folder):
        r = rule(topics, body)
        if r and taken.get((name, r), 0) < PER_FILE[r]:
            taken[(name, r)] = taken.get((name, r), 0) + 1
            print(new_id, name, r, len(sentences(body)))

if __name__ == "__main__":
    main()
