#!/usr/bin/env python3
"""Scores citelint's speakers against PolNeAR's hand-annotated attributions.

PolNeAR (github.com/networkdynamics/PolNeAR, LREC 2018) is 1,008 political
news articles with SOURCE, CUE and CONTENT spans annotated by hand. It has no
licence and is copyrighted news: never copy its text into this repository.
Point this script at a local checkout (or an export of its data/ folder).

  bench/polnear/score.py POLNEAR_DIR [--split train|dev] [--bin CITELINT] [--errors N]
                         [--context] [--pronouns TABLE]

Use the train and dev splits only: test is reserved for measurement outside
the project (the script refuses it).

What is scored: every gold *direct* quotation, that is each pair of quotation
marks inside an annotated CONTENT span whose attribution has a SOURCE. Each is
aligned with the quotation `citelint quotes --format json` reports at the same
place (the longest overlap). The gold speaker is the name heading the SOURCE
span: its head word after dropping a parenthetical, an appositive and a
prepositional phrase ("Sen. Ted Cruz (R-Texas)" → Cruz; "Kellyanne Conway,
Trump's campaign manager" → Conway; "Mr. Morgan of the Sierra Club" → Morgan;
"a spokesman for committee Democrats" → unnamed, head "spokesman"; not after a
title: "Secretary of State John Kerry" → Kerry).

A gold pronoun ("he said") stands for what it refers to. PolNeAR does not say,
so the script takes, in order: the referent a blind reading gave it, from
bench/polnear/pronouns-SPLIT.tsv (dev: all 148 pronoun sources of the 192
quotations with one; locations only: the pronoun's offset and the offset and
length of a mention of its referent, or "unnamed"); else the representative
mention of its CoreNLP coreference chain (data/<split>/corenlp, automatic,
shipped with PolNeAR) when CoreNLP tags that mention's head a PERSON or
ORGANIZATION (else the chain's longest such mention); else the nearest named
SOURCE before it. On dev the CoreNLP antecedent agrees with the reading for 73 %
of pronoun sources, so the script also prints the figures with every pronoun
resolved by CoreNLP. The readings were made by reading each pronoun with the
900 characters before it, without citelint's or CoreNLP's answer in view.

citelint is right when:
  - the gold speaker is named and citelint names a speaker whose last name is
    the gold head (or whose words include it), or
  - the gold speaker is unnamed and citelint reports an unnamed speaker with a
    head word in common ("a spokesman" / "spokesmen"; any, for a pronoun the
    reading found stands for no one named), or
  - the gold source is one word ("Police say") and citelint's speaker, of one
    or two words, holds it, whatever its kind: capitals at a sentence's start do
    not say whether a word is a name.

Prints precision (right / quotations citelint gives a speaker), recall (right
/ gold quotations), F1, the no-speaker rate (gold quotations citelint gives no
speaker, or does not find), the figures for named and pronoun sources apart,
precision by how the speaker was found, and an error breakdown with examples.
"""
import argparse
import collections
import glob
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PRONOUNS = {"he", "she", "they", "i", "we", "him", "her", "them", "you", "it", "which", "who", "that", "himself",
            "herself", "his", "their", "its", "my", "our"}
REFLEXIVES = {"himself", "herself", "themselves", "itself"}
DETERMINERS = {"a", "an", "the", "another", "one", "two", "three", "several", "some", "many", "other", "his", "her",
               "their", "its", "our", "this", "these", "those"}
OPEN, CLOSE = "\u201c\"", "\u201d\""


def parse_ann(path):
    spans, relations = {}, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if line.startswith("T") and len(parts) >= 2:
                kind, *offsets = parts[1].split(" ", 1)
                ranges = []
                for piece in offsets[0].split(";") if offsets else []:
                    a, b = piece.split()
                    ranges.append((int(a), int(b)))
                spans[parts[0]] = (kind, ranges)
            elif line.startswith("E") and len(parts) >= 2:
                roles = {}
                for item in parts[1].split():
                    role, _, target = item.partition(":")
                    roles.setdefault(role, []).append(target)
                relations.append(roles)
    return spans, relations


def words(text):
    return re.findall(r"[\w’'.-]+", text)


ROLES = {"sen", "senator", "rep", "representative", "gov", "governor", "president", "secretary", "speaker", "mayor",
         "gen", "general", "judge", "justice", "director", "chairman", "chair", "leader", "minister", "ambassador",
         "attorney", "dr", "mr", "mrs", "ms", "prof", "professor", "rev", "lt", "col", "adm", "sgt", "former", "vice"}


def head_of(source_text):
    """(named, head word lower-cased, all words lower-cased) for a SOURCE span: the
    head of its first noun phrase, before an appositive, a relative clause or a
    prepositional phrase ("Mr. Morgan of the Sierra Club" → Morgan, "a spokesman for
    committee Democrats" → spokesman; not after a title: "Secretary of State")."""
    text = re.sub(r"\([^)]*\)|-LRB-.*?-RRB-", " ", source_text).strip(" ,")
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not parts:
        return False, "", []
    text = parts[0]
    if len(parts) > 1 and not head_of_phrase(parts[0])[0] and head_of_phrase(parts[1])[0]:
        text = parts[1]  # "A top strategist, John Weaver"
    return head_of_phrase(text)


def head_of_phrase(text):
    text = re.split(r"\s+(?:who|which|that|whose)\s+", text)[0]
    ws = words(text)
    for i, w in enumerate(ws):
        if w.lower() in ("of", "from", "in", "at", "for", "with", "to", "by", "on") and i > 0 and \
                ws[i - 1].lower().strip(".") not in ROLES:
            ws = ws[:i]
            break
    ws = [w.strip(".’'") for w in ws]
    ws = [w[:-2] if w.lower().endswith(("'s", "’s")) else w for w in ws if w]
    if len(ws) > 1 and ws[-1].lower() in REFLEXIVES:
        ws = ws[:-1]  # "Cruz himself"
    if not ws:
        return False, "", []
    head = ws[-1]
    named = head[:1].isupper() and head.lower() not in DETERMINERS and head.lower().strip(".") not in ROLES and \
        head.lower() not in PRONOUNS
    return named, head.lower(), [w.lower() for w in ws]


def stem(w):
    w = w.lower().strip(".’'")
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def gold_quotes(text, spans, relations):
    """Gold direct quotations: (start, end, source text, source start) in code points."""
    out = []
    for rel in relations:
        contents = [spans[t] for t in rel.get("Content", []) if t in spans]
        sources = [spans[t] for t in rel.get("Source", []) if t in spans]
        if not contents or not sources:
            continue
        source_text = " ".join(text[a:b] for _, ranges in sources for a, b in ranges)
        if re.match(r"\s*(said|says|told|added)\b", source_text):
            continue  # an annotation slip: the cue marked as the source
        source_start = min(a for _, ranges in sources for a, _ in ranges)
        for _, ranges in contents:
            for a, b in ranges:
                segment = text[a:b]
                for m in re.finditer(r"[\u201c\"]([^\u201c\u201d\"]{2,}?)[\u201d\"]", segment):
                    if len(m.group(1).split()) < 1:
                        continue
                    out.append((a + m.start(1), a + m.end(1), source_text, source_start))
    return out


def coref_antecedents(xml_path):
    """Character offset of each coreferent mention → its chain's best name (CoreNLP dcoref)."""
    out = {}
    if not os.path.exists(xml_path):
        return out
    root = ET.parse(xml_path).getroot()
    offsets = {}
    ner = {}
    for si, sentence in enumerate(root.iter("sentence"), 1):
        tokens = sentence.find("tokens")
        if tokens is None:
            continue
        for token in tokens.iter("token"):
            offsets[(si, int(token.get("id")))] = (int(token.findtext("CharacterOffsetBegin")),
                                                   int(token.findtext("CharacterOffsetEnd")))
            ner[(si, int(token.get("id")))] = token.findtext("NER") or "O"
    chains = root.find("document/coreference")
    if chains is None:
        return out
    for chain in chains.findall("coreference"):
        mentions = []
        for m in chain.findall("mention"):
            key = (int(m.findtext("sentence")), int(m.findtext("start")))
            # A chain names a speaker through a mention CoreNLP tags as a person
            # or organization at its head ("Romare Bearden Park" is neither).
            entity = ner.get((int(m.findtext("sentence")), int(m.findtext("head")))) in ("PERSON", "ORGANIZATION")
            if key in offsets:
                mentions.append((offsets[key][0], m.findtext("text"), m.get("representative") == "true" and entity,
                                 entity))
        names = [t for _, t, _, e in mentions if e and head_of(t)[0]]
        rep = [t for _, t, r, _ in mentions if r and head_of(t)[0]]
        best = rep[0] if rep else (max(names, key=len) if names else None)
        if best:
            for begin, _, _, _ in mentions:
                out[begin] = best
    return out


UNNAMED = "\x00unnamed"  # a pronoun the reading found stands for no one named


def load_readings(path):
    """{(file, pronoun offset): (referent offset, length), or None for unnamed} from a readings table."""
    out = {}
    if not path or not os.path.exists(path):
        return out
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            out[(cols[0], int(cols[1]))] = None if cols[2] == "unnamed" else (int(cols[2]), int(cols[3]))
    return out


def resolve_pronouns(golds, antecedents, text="", readings=None):
    """A pronoun SOURCE stands for the referent a reading gave it (when `readings`, {offset:
    (offset, length) or None}, has it), else its coreference antecedent, else the nearest named
    SOURCE before it."""
    named = sorted((start, src) for _, _, src, start in golds if head_of(src)[0])
    resolved = []
    for q in golds:
        start, end, src, s_start = q
        if src.strip().lower() in PRONOUNS:
            if readings is not None and s_start in readings:
                at = readings[s_start]
                resolved.append((start, end, UNNAMED if at is None else text[at[0]:at[0] + at[1]], s_start, True))
                continue
            if s_start in antecedents:
                resolved.append((start, end, antecedents[s_start], s_start, True))
                continue
            before = [s for pos, s in named if pos < s_start]
            resolved.append((start, end, before[-1] if before else src, s_start, True))
        else:
            resolved.append((start, end, src, s_start, False))
    return resolved


def line_starts(text):
    starts = [0]
    for i, c in enumerate(text):
        if c == "\n":
            starts.append(i + 1)
    return starts


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("polnear")
    parser.add_argument("--split", default="dev", choices=["train", "dev", "test"])
    parser.add_argument("--bin", default=os.path.join(ROOT, "build", "release", "checker", "cli", "citelint"))
    parser.add_argument("--errors", type=int, default=5, help="examples to print per error class")
    parser.add_argument("--context", action="store_true", help="print the text around each example")
    parser.add_argument("--pronouns", help="readings table for pronoun sources "
                        "(default: bench/polnear/pronouns-SPLIT.tsv when it exists)")
    args = parser.parse_args()
    if args.split == "test":
        sys.exit("bench/polnear/score.py: the test split is reserved for measurement outside the project")
    text_dir = os.path.join(args.polnear, "data", args.split, "text")
    ann_dir = os.path.join(args.polnear, "data", args.split, "attributions")
    if not os.path.isdir(text_dir):
        sys.exit(f"bench/polnear/score.py: no {text_dir}")
    files = sorted(glob.glob(os.path.join(text_dir, "*.txt")))
    run = subprocess.run([args.bin, "quotes", "--format", "json", "--input-format", "txt"] + files,
                         capture_output=True, text=True)
    if run.returncode not in (0, 2):
        sys.exit(f"citelint quotes failed ({run.returncode}): {run.stderr}")
    by_path = collections.defaultdict(list)
    for q in json.loads(run.stdout)["quotes"]:
        by_path[q["path"]].append(q)

    def score(readings):
        counts = collections.Counter()
        errors = collections.defaultdict(list)
        for path in files:
            stem_name = os.path.basename(path)[:-4]
            anns = sorted(glob.glob(os.path.join(ann_dir, glob.escape(stem_name) + "_*.ann")))
            if not anns:
                continue
            with open(path, encoding="utf-8") as f:
                text = f.read()
            spans, relations = parse_ann(anns[0])
            starts = line_starts(text)
            found = []
            for q in by_path.get(path, []):
                begin = starts[q["line"] - 1] + q["column"] - 1
                end = starts[q["end_line"] - 1] + q["end_column"] - 1
                found.append((begin, end, q))
            antecedents = coref_antecedents(os.path.join(args.polnear, "data", args.split, "corenlp",
                                                         os.path.basename(path) + ".xml"))
            mine = None
            if readings:
                mine = {p: at for (f, p), at in readings.items() if f == os.path.basename(path)}
            for start, end, source, s_start, was_pronoun in resolve_pronouns(gold_quotes(text, spans, relations),
                                                                             antecedents, text, mine):
                counts["gold"] += 1
                kind = "pronoun" if was_pronoun else "name"
                counts["gold " + kind] += 1
                best, overlap = None, 0
                for b, e, q in found:
                    o = min(e, end) - max(b, start)
                    if o > overlap:
                        best, overlap = q, o
                named, head, gold_words = (False, "", []) if source == UNNAMED else head_of(source)
                example = f"{os.path.basename(path)}@{start}: gold “{'(unnamed)' if source == UNNAMED else source.strip()}”"
                if best is None or overlap * 2 < (end - start):
                    counts["not found"] += 1
                    errors["quotation not found"].append(example)
                    continue
                sp = best["speaker"]
                if sp is None:
                    counts["no speaker"] += 1
                    context = re.sub(r"\s+", " ", text[max(0, start - 150):end + 60])
                    errors["no speaker" + (" (gold unnamed)" if not named else "")].append(example + f" | {context}")
                    continue
                counts["with speaker"] += 1
                counts["with speaker " + kind] += 1
                via = sp["via"] + ("" if best["cue"] else " (no cue)")
                counts["via " + via] += 1
                mine = [stem(w) for w in words(sp["name"])]
                mine_last = stem(words(sp["name"])[-1]) if words(sp["name"]) else ""
                if named:
                    right = sp["kind"] != "unnamed" and (mine_last == stem(head) or stem(head) in mine)
                else:
                    right = sp["kind"] == "unnamed" and (source == UNNAMED or
                                                         bool(set(mine) & {stem(w) for w in gold_words}))
                # A one-word source opening a sentence ("Police say", "Protesters
                # chanted") is capitalized whether or not it is a name: the same word
                # is right either way.
                if not right and len(gold_words) == 1 and stem(head) in mine and len(mine) <= 2:
                    right = True
                if right:
                    counts["right"] += 1
                    counts["right " + kind] += 1
                    counts["right via " + via] += 1
                    continue
                if named and sp["kind"] == "unnamed":
                    why = "unnamed for a named speaker"
                elif not named and sp["kind"] != "unnamed":
                    why = "named for an unnamed speaker"
                elif sp["via"] in ("pronoun", "context"):
                    why = f"wrong speaker via {sp['via']}"
                else:
                    why = "wrong speaker"
                if was_pronoun:
                    why += " (gold pronoun)"
                context = re.sub(r"\s+", " ", text[max(0, start - 150):end + 60]) if args.context else ""
                errors[why].append(example + f" | citelint: {sp['name']} ({sp['kind']}, {sp['via']}, cue {best['cue']})"
                                   + (f" | {context}" if context else ""))
        return counts, errors

    readings = load_readings(args.pronouns if args.pronouns else
                             os.path.join(ROOT, "bench", "polnear", f"pronouns-{args.split}.tsv"))
    counts, errors = score(readings)
    corenlp_counts = score({})[0] if readings else None

    gold = counts["gold"]
    with_speaker = counts["with speaker"]
    right = counts["right"]
    precision = right / with_speaker if with_speaker else 0
    recall = right / gold if gold else 0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0
    no_speaker = (gold - with_speaker) / gold if gold else 0
    print(f"PolNeAR {args.split}: {len(files)} articles, {gold} gold direct quotations "
          f"({counts['not found']} not found as quotations)")
    print(f"precision {100 * precision:.1f} %   recall {100 * recall:.1f} %   F1 {100 * f1:.1f} %   "
          f"no speaker {100 * no_speaker:.1f} %")
    print(f"  right {right}, with a speaker {with_speaker}, no speaker {counts['no speaker']}")
    resolved_by = "a reading, bench/polnear/pronouns-*.tsv" if readings else "CoreNLP coreference"
    for kind, label in (("name", "a name or unnamed phrase"), ("pronoun", f"a pronoun (resolved by {resolved_by})")):
        g, w, r = counts["gold " + kind], counts["with speaker " + kind], counts["right " + kind]
        if g:
            print(f"  gold source {label}: {g} quotations, {w} with a speaker, {r} right: "
                  f"precision {100 * r / w if w else 0:.1f} %, recall {100 * r / g:.1f} %")
    if corenlp_counts:
        c = corenlp_counts
        cp = c["right"] / c["with speaker"] if c["with speaker"] else 0
        print(f"  with every pronoun resolved by CoreNLP coreference instead: precision {100 * cp:.1f} %, "
              f"recall {100 * c['right'] / c['gold']:.1f} % (pronoun sources {c['right pronoun']} right "
              f"of {c['with speaker pronoun']})")
    vias = sorted(k[4:] for k in counts if k.startswith("via "))
    print("  by how the speaker was found: " + ", ".join(
        f"{v} {counts['right via ' + v]}/{counts['via ' + v]}" for v in vias))
    print("errors:")
    for why, items in sorted(errors.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(items):5}  {why}")
        for item in items[: args.errors]:
            print(f"         {item[:420] if args.context else item[:220]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
