#!/usr/bin/env python3
"""Expand the rule patterns of Rules/ the way the engine does, for the Hyperscan probe.

Usage:
    expand.py RULES_DIR OUT_DIR             # writes OUT_DIR/rules.json and OUT_DIR/rules.txt
    expand.py --corpus IN.jsonl OUT.bin     # writes the "text" of every line, length-prefixed

The expansion follows Sources/TradeFacts/Rules/RuleSet.swift and Lexicon.swift:

* Files are read in path order. A file with a `lexicon:` key is a lexicon (phrases under
  `entries:`, a map of value -> phrase or list of phrases; lexicons of the same name merge; a
  phrase whose normalized key was already seen is not added again). Every other file may hold
  `definitions:` (named fragments; records.yaml and definitions.yaml hold only these) and
  `rules:` (the extraction rules). Rules are loaded after all definitions and lexicons.
* `{{name}}` becomes `(?:` + the definition, expanded recursively + `)`.
* `{{lexicon:name}}` becomes the lexicon's alternation for the rule's case mode: a trie of the
  phrases (lower-cased when the rule is caseless) where a space between words is `\\s+`; when
  two phrases branch at characters that differ only in case, the flat list sorted longest
  first is used instead (Lexicon.alternation(caseless:)).
* A rule is caseless unless `caseSensitive: true`.

rules.txt (read by probe.c) holds one record per rule:
    <id> <flags> <length of pattern> <length of relaxed pattern>\\n<pattern>\\n<relaxed>\\n
flags: `i` caseless, `l` latent, `-` neither. The relaxed pattern (see relax()) is only used
when Hyperscan rejects the pattern itself, even in prefilter mode.
"""
import json
import os
import re
import struct
import sys
import unicodedata

import yaml

# ---------------------------------------------------------------------------------------------
# Lexicons (Lexicon.swift)

META = set("\\^$.|?*+()[]{}-/#")


def escape(text):
    """PatternText.escape: backslash before PCRE2 metacharacters (and before a space)."""
    out = []
    for c in text:
        if c in META:
            out.append("\\")
        out.append("\\ " if c == " " else c)
    return "".join(out)


def key(phrase):
    """Lexicon.key: lower case, curly apostrophes straightened, white space collapsed."""
    s = phrase.lower().replace("\u2019", "'")
    return " ".join(w for w in re.split("[ \t\n\r\u00a0]", s) if w)


def characters(word):
    """The characters of a word as Swift sees them (grapheme clusters, approximated: a
    combining mark or a zero-width joiner stays with the character before it)."""
    out = []
    for c in word:
        if out and (unicodedata.category(c) in ("Mn", "Mc", "Me") or c == "\u200d" or out[-1].endswith("\u200d")):
            out[-1] += c
        else:
            out.append(c)
    return out


def swift_split(text):
    """String.split(separator: " "): pieces between spaces, empty pieces dropped."""
    return [w for w in text.split(" ") if w]


def trie(phrases):
    """PatternText.trie: a factored alternation, or None when two phrases branch at
    characters that differ only in case."""
    root = {"children": [], "terminal": False}
    for phrase in phrases:
        tokens = []
        for word in swift_split(phrase):
            if tokens:
                tokens.append(" ")
            tokens += characters(word)
        if not tokens:
            continue
        node = root
        for t in tokens:
            nxt = next((n for tok, n in node["children"] if tok == t), None)
            if nxt is not None:
                node = nxt
                continue
            if any(tok.lower() == t.lower() for tok, _ in node["children"]):
                return None
            nxt = {"children": [], "terminal": False}
            node["children"].append((t, nxt))
            node = nxt
        node["terminal"] = True

    def text(tok):
        return "\\s+" if tok == " " else escape(tok)

    def emit(node):
        branches = [text(tok) + emit(n) for tok, n in node["children"]]
        if not branches:
            return ""
        if len(branches) == 1:
            return "(?:" + branches[0] + ")?" if node["terminal"] else branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if node["terminal"] else "")

    return "(?:" + emit(root) + ")"


def flat_alternation(phrases):
    """Lexicon.flatAlternation: every phrase, longest first (ties in string order)."""
    ordered = sorted(phrases, key=lambda p: (-len(characters(p)), p))
    return "(?:" + "|".join("\\s+".join(escape(w) for w in swift_split(p)) for p in ordered) + ")"


class Lexicon:
    def __init__(self, name):
        self.name = name
        self.keys = set()
        self.phrases = []  # in file order, first spelling of each key

    def add(self, phrase):
        k = key(phrase)
        if k not in self.keys:
            self.keys.add(k)
            self.phrases.append(phrase)

    def alternation(self, caseless):
        t = trie([p.lower() for p in self.phrases] if caseless else self.phrases)
        return t if t is not None else flat_alternation(self.phrases)


# ---------------------------------------------------------------------------------------------
# Rule set (RuleSet.swift)

def load_yaml(path):
    # BaseLoader keeps every scalar a string, as the engine's own YAML reader does
    # (PyYAML's default loader would turn "yes", "no" or "on" into booleans).
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=yaml.BaseLoader)


def rule_files(rules_dir):
    paths = []
    for base, _, names in os.walk(rules_dir):
        for n in names:
            if n.endswith(".yaml") or n.endswith(".yml"):
                paths.append(os.path.join(base, n))
    return sorted(paths)


class RuleSet:
    MAX_EXPANDED = 1 << 20

    def __init__(self, rules_dir):
        self.lexicons = {}
        self.definitions = {}
        self.rules = []
        docs = []
        for path in rule_files(rules_dir):
            root = load_yaml(path)
            if root is None:
                continue
            docs.append((path, root))
        for path, root in docs:
            if "lexicon" in root:
                self.load_lexicon(root)
            else:
                for name, text in (root.get("definitions") or {}).items():
                    if name in self.definitions:
                        raise SystemExit(f"{path}: definition {name} defined twice")
                    self.definitions[name] = text
        for path, root in docs:
            if "lexicon" in root or not root.get("rules"):
                continue  # a lexicon, or a file of definitions only (definitions.yaml, records.yaml)
            for node in root["rules"]:
                caseless = node.get("caseSensitive", "false") != "true"
                rule = {
                    "id": node["id"],
                    "file": os.path.relpath(path, rules_dir),
                    "pattern": self.expand(node["pattern"], caseless),
                    "caseless": caseless,
                    "latent": node.get("latent", "false") == "true",
                }
                same = [i for i, r in enumerate(self.rules) if r["id"] == rule["id"]]
                if same:
                    self.rules[same[0]] = rule
                else:
                    self.rules.append(rule)

    def load_lexicon(self, root):
        name = root["lexicon"]
        lex = self.lexicons.setdefault(name, Lexicon(name))
        for _value, phrases in root["entries"].items():
            if isinstance(phrases, str):
                lex.add(phrases)
            else:
                for p in phrases:
                    lex.add(p)

    def expand(self, pattern, caseless, depth=0):
        if depth >= 16:
            raise SystemExit("definitions nest too deeply")
        out = []
        rest = pattern
        while True:
            i = rest.find("{{")
            if i < 0:
                break
            j = rest.find("}}", i + 2)
            if j < 0:
                raise SystemExit(f"unclosed '{{{{' in {pattern!r}")
            out.append(rest[:i])
            name = rest[i + 2:j].strip(" \t")
            if name.startswith("lexicon:"):
                out.append(self.lexicons[name[len("lexicon:"):]].alternation(caseless))
            else:
                out.append("(?:" + self.expand(self.definitions[name], caseless, depth + 1) + ")")
            rest = rest[j + 2:]
        out.append(rest)
        text = "".join(out)
        if len(text.encode()) > self.MAX_EXPANDED:
            raise SystemExit("pattern too long after expansion")
        return text


# ---------------------------------------------------------------------------------------------
# Relaxation for Hyperscan (only used for patterns Hyperscan rejects as written)

def relax(p):
    """A pattern that matches at least wherever `p` matches, without the constructs Hyperscan
    may not parse: lookarounds are removed (an assertion removed can only allow more matches),
    named, atomic and branch-reset groups become plain non-capturing groups (same strings), and
    possessive quantifiers become greedy (an atomic or possessive part, as a regular set,
    matches a subset of its greedy form). Character classes and escapes are copied as they are."""
    out = []
    i, n = 0, len(p)

    def skip_class(k):
        # p[k] == '['; returns the index after the closing ']'
        k += 1
        if k < n and p[k] == "^":
            k += 1
        if k < n and p[k] == "]":
            k += 1
        while k < n and p[k] != "]":
            if p[k] == "\\":
                k += 2
            elif p.startswith("[:", k):
                k = p.index(":]", k + 2) + 2
            else:
                k += 1
        return k + 1

    def skip_group(k):
        # p[k] == '('; returns the index after its closing ')'
        depth = 0
        while k < n:
            c = p[k]
            if c == "\\":
                k += 2
                continue
            if c == "[":
                k = skip_class(k)
                continue
            if c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
                if depth == 0:
                    return k + 1
            k += 1
        raise ValueError("unbalanced parentheses")

    while i < n:
        c = p[i]
        if c == "\\":
            out.append(p[i:i + 2])
            i += 2
        elif c == "[":
            j = skip_class(i)
            out.append(p[i:j])
            i = j
        elif c == "(":
            if p.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):
                i = skip_group(i)  # drop the assertion
                if i < n and p[i] in "?*":
                    i += 1  # a quantified assertion: nothing left to quantify
            elif p.startswith(("(?>", "(?|"), i):
                out.append("(?:")
                i += 3
            elif p.startswith("(?<", i) or p.startswith("(?P<", i) or p.startswith("(?'", i):
                close = ">" if p[i + 2] in "<P" else "'"
                j = p.index(close, i + 3)
                out.append("(?:")
                i = j + 1
            else:
                out.append(c)
                i += 1
        elif c == "+" and out and (out[-1] in ("*", "+", "?") or out[-1].endswith("}")) \
                and not (out[-1].startswith("\\")):
            i += 1  # possessive quantifier: keep it greedy
        else:
            out.append(c)
            i += 1
    return "".join(out)


# ---------------------------------------------------------------------------------------------

def write_corpus(src, dst):
    """Writes each line's "text" as a little-endian u32 byte length followed by its UTF-8 bytes."""
    docs = total = 0
    with open(src, encoding="utf-8") as f, open(dst, "wb") as out:
        for line in f:
            if not line.strip():
                continue
            text = json.loads(line).get("text", "")
            b = text.encode("utf-8", "surrogatepass")
            out.write(struct.pack("<I", len(b)))
            out.write(b)
            docs += 1
            total += len(b)
    print(f"corpus: {docs} documents, {total} bytes of text -> {dst}")


def main(argv):
    if len(argv) == 4 and argv[1] == "--corpus":
        write_corpus(argv[2], argv[3])
        return
    if len(argv) != 3:
        raise SystemExit(__doc__)
    rules_dir, out_dir = argv[1], argv[2]
    rs = RuleSet(rules_dir)
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "rules.json"), "w", encoding="utf-8") as f:
        json.dump([{k: r[k] for k in ("id", "pattern", "caseless", "latent")} for r in rs.rules],
                  f, ensure_ascii=False, indent=1)
    with open(os.path.join(out_dir, "rules.txt"), "wb") as f:
        for r in rs.rules:
            pat = r["pattern"].encode()
            rel = relax(r["pattern"]).encode()
            flags = ("i" if r["caseless"] else "") + ("l" if r["latent"] else "") or "-"
            f.write(f"{r['id']} {flags} {len(pat)} {len(rel)}\n".encode())
            f.write(pat + b"\n" + rel + b"\n")
    longest = max(len(r["pattern"].encode()) for r in rs.rules)
    print(f"rules: {len(rs.rules)} ({sum(r['latent'] for r in rs.rules)} latent, "
          f"{sum(not r['caseless'] for r in rs.rules)} case-sensitive), longest expanded pattern "
          f"{longest} bytes -> {out_dir}/rules.json, rules.txt")


if __name__ == "__main__":
    main(sys.argv)
