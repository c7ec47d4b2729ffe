#!/usr/bin/env python3
"""Runs after lupdate (target update_translations) over resources/translations/*.ts.

lupdate names a message's context after the class or namespace around the tr() call. Several
files of ours translate through a file-local wrapper instead, e.g.
    QString tr(const char* text) { return QCoreApplication::translate("pixverse::ApiError", text); }
so at run time their messages are looked up in the wrapper's context ("pixverse::ApiError",
"pixverse-studio-cli"), not in lupdate's ("pixverse", "pixverse::CliRunner"). This script:

1. moves every message of such a file whose lupdate context is not a real QObject class
   (Q_OBJECT / Q_DECLARE_TR_FUNCTIONS) into the wrapper's context;
2. adds the user-visible strings of the model table (resources/models.json: switch labels and
   rule reasons) to the context "pixverse::ModelCatalog", which translates them when shown;
3. keeps translations: a message that lupdate marked vanished/obsolete because it moved comes
   back with its translation; a new message is "unfinished" until someone translates it;
4. warns about tr() in classes without Q_OBJECT outside such files (their run-time context is
   the base class's, so they would never be translated).

Usage: fix-ts.py SOURCE_DIR TS_FILE...
"""
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

WRAPPER = re.compile(r'translate\(\s*"([^"]+)"\s*,\s*text\s*\)')
EXPLICIT = re.compile(r'translate\(\s*"([^"]+)"')
TR_CLASS = re.compile(r'Q_DECLARE_TR_FUNCTIONS\(\s*([\w:]+)\s*\)')
QOBJECT_CLASS = re.compile(r'\bclass\s+(?:\w+\s+)?(\w+)\b[^;{]*\{(?:(?!\bclass\b)[\s\S]){0,400}?\bQ_(?:OBJECT|GADGET)\b')
SOURCE_DIRS = ("core", "ui", "app")
CATALOG_CONTEXT = "pixverse::ModelCatalog"
INVALID = ("vanished", "obsolete")


def scan_sources(root):
    wrappers, real = {}, set()
    for sub in SOURCE_DIRS:
        for dirpath, _, files in os.walk(os.path.join(root, sub)):
            for f in files:
                if not f.endswith((".cpp", ".h")):
                    continue
                path = os.path.join(dirpath, f)
                text = open(path, encoding="utf-8").read()
                found = set(WRAPPER.findall(text))
                if len(found) == 1:
                    wrappers[os.path.realpath(path)] = found.pop()
                real.update(c.split("::")[-1] for c in TR_CLASS.findall(text))
                real.update(EXPLICIT.findall(text))  # translate("context", ...) says it itself
                real.update(QOBJECT_CLASS.findall(text))
    return wrappers, real


def catalog_strings(root):
    with open(os.path.join(root, "resources", "models.json"), encoding="utf-8") as f:
        catalog = json.load(f)
    out = []
    for switch in catalog.get("switches", {}).values():
        if switch.get("label"):
            out.append(switch["label"])
    for model in catalog.get("models", []):
        for rule in model.get("rules", []):
            if rule.get("reason"):
                out.append(rule["reason"])
    return list(dict.fromkeys(out))


def key(message):
    comment = message.find("comment")
    return (message.findtext("source"), comment.text if comment is not None else None)


def is_active(message):
    return message.find("translation").get("type") not in INVALID


def fix(ts_path, root, wrappers, real, data_strings):
    tree = ET.parse(ts_path)
    ts = tree.getroot()
    ts_dir = os.path.dirname(os.path.realpath(ts_path))
    contexts = {}
    for ctx in ts.findall("context"):
        contexts[ctx.findtext("name")] = ctx

    def context(name):
        if name not in contexts:
            ctx = ET.SubElement(ts, "context")
            ET.SubElement(ctx, "name").text = name
            contexts[name] = ctx
        return contexts[name]

    def wrapper_of(message):
        for loc in message.findall("location"):
            path = os.path.realpath(os.path.join(ts_dir, loc.get("filename")))
            if path in wrappers:
                return wrappers[path]
        return None

    def place(message, target):
        """Puts message into context target, merging with an entry for the same text there."""
        ctx = context(target)
        for other in ctx.findall("message"):
            if key(other) == key(message):
                theirs, ours = other.find("translation"), message.find("translation")
                if not is_active(other):
                    # The old entry holds the translation; the new one the locations.
                    if ours.get("type") == "unfinished" and (theirs.text or "").strip():
                        ours.text = theirs.text
                        ours.attrib.pop("type")
                    ctx.remove(other)
                    break
                for loc in message.findall("location"):
                    other.append(loc)
                return
        ctx.append(message)

    moved = 0
    warned = set()
    for name, ctx in list(contexts.items()):
        for message in list(ctx.findall("message")):
            if not is_active(message):
                continue
            target = wrapper_of(message)
            if target and target != name and name.split("::")[-1] not in real and name not in real:
                ctx.remove(message)
                place(message, target)
                moved += 1
            elif not target and name.split("::")[-1] not in real and name not in real and \
                    name != CATALOG_CONTEXT:
                warned.add(name)

    # The model table's strings: active while models.json has them.
    catalog = context(CATALOG_CONTEXT)
    wanted = set(data_strings)
    for message in catalog.findall("message"):
        src = message.findtext("source")
        if src in wanted and message.find("location") is not None and \
                message.find("location").get("filename", "").endswith("models.json"):
            translation = message.find("translation")
            if translation.get("type") in INVALID:
                translation.attrib.pop("type")
                if not (translation.text or "").strip():
                    translation.set("type", "unfinished")
    present = {message.findtext("source") for message in catalog.findall("message") if is_active(message)}
    models_json = os.path.relpath(os.path.join(root, "resources", "models.json"), ts_dir)
    for text in data_strings:
        if text in present:
            continue
        message = ET.Element("message")
        ET.SubElement(message, "location", filename=models_json)
        ET.SubElement(message, "source").text = text
        ET.SubElement(message, "translation", type="unfinished")
        place(message, CATALOG_CONTEXT)

    # Contexts sorted as lupdate sorts them; empty ones dropped.
    for ctx in list(ts.findall("context")):
        ts.remove(ctx)
    for name in sorted(contexts):
        if contexts[name].findall("message"):
            ts.append(contexts[name])
    ET.indent(tree, space="    ")
    with open(ts_path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        f.write(ET.tostring(ts, encoding="unicode"))
        f.write("\n")

    unfinished = sum(1 for m in ts.iter("message") if m.find("translation").get("type") == "unfinished")
    total = sum(1 for m in ts.iter("message") if is_active(m))
    print(f"{os.path.basename(ts_path)}: {total} messages, {unfinished} unfinished, "
          f"{moved} moved to their run-time context")
    for name in sorted(warned):
        print(f"warning: context {name}: tr() in a class without Q_OBJECT; at run time it is "
              f"looked up under another name and never translated", file=sys.stderr)


def main():
    root = sys.argv[1]
    wrappers, real = scan_sources(root)
    data = catalog_strings(root)
    for ts in sys.argv[2:]:
        fix(ts, root, wrappers, real, data)


if __name__ == "__main__":
    main()
