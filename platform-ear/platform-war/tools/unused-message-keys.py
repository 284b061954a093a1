#!/usr/bin/env python3
"""Lists the keys of messages.properties that nothing in platform-war's sources uses any more.

A key is used when it appears whole (between characters that cannot be part of a key) in a page, a
template, a Java class or a JavaScript file of src/main, or when it starts with a prefix that the code
completes at run time: a quoted literal ending with a dot ('family.status.', "agent.menu."...), as in
#{msg['family.status.'.concat(f.status)]} or bundle.getString(prefix + code). Those keys are kept.

Usage, from platform-ear/platform-war:
    tools/unused-message-keys.py           lists the unused keys
    tools/unused-message-keys.py --remove  also removes their lines from the three messages*.properties
"""
import pathlib
import re
import sys

WAR = pathlib.Path(__file__).resolve().parent.parent
BUNDLE = WAR / "src/main/resources/fr/portailfamille/platform/web"
FILES = ["messages.properties", "messages_fr.properties", "messages_en.properties"]
KEY_CHARS = r"A-Za-z0-9_.\-"


def keys(path):
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith(("#", "!")):
            found.append(re.split(r"\s*[=:]", line, maxsplit=1)[0].strip())
    return found


def sources():
    for ext in ("*.xhtml", "*.java", "*.js", "*.xml"):
        for f in (WAR / "src/main").rglob(ext):
            yield f.read_text(encoding="utf-8", errors="replace")


def main():
    text = "\n".join(sources())
    prefixes = set(re.findall(r"[\"']((?:[a-z][A-Za-z0-9_-]*\.)+)[\"']", text))
    unused = []
    for key in keys(BUNDLE / FILES[0]):
        if any(key.startswith(p) for p in prefixes):
            continue
        if re.search(r"(?<![" + KEY_CHARS + "])" + re.escape(key) + r"(?![" + KEY_CHARS + "])", text):
            continue
        unused.append(key)
    for key in unused:
        print(key)
    if "--remove" in sys.argv and unused:
        gone = set(unused)
        for name in FILES:
            path = BUNDLE / name
            lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
            kept = [l for l in lines if l.lstrip().startswith(("#", "!")) or not l.strip()
                    or re.split(r"\s*[=:]", l, maxsplit=1)[0].strip() not in gone]
            path.write_text("".join(kept), encoding="utf-8")
        print(f"{len(unused)} key(s) removed from {', '.join(FILES)}", file=sys.stderr)


if __name__ == "__main__":
    main()
