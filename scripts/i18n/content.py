#!/usr/bin/env python3
"""Keeps shared/data/translations/<lang>.json in step with the questionnaire
and the code lists.

The questionnaire (shared/data/questionnaires/v1.json) and the code lists
(shared/data/codes/*.json) carry their source texts, English and bokmål,
inline. The twelve other languages live in one file each, as a flat map from
a stable key to the text, in two parts: "reviewed" (checked by a native
speaker, or taken from the Unicode CLDR, which native speakers vet) and
"draft" (drafted, not yet reviewed). A reviewer moves a key from "draft" to
"reviewed".

  scripts/i18n/content.py source        prints every key with its English text
  scripts/i18n/content.py cldr LANG..   fills country and language names from
                                        CLDR (pip install babel pycountry)

The Rust test `every_translation_file_covers_every_text` is the judge; this
script is only a helper for translators.
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "shared" / "data"
LISTS = ["languages", "countries", "education_levels", "occupations", "driving_licence_classes"]
# Our codes → CLDR locale ids (Dari is Afghan Persian; Kurmanji is CLDR's "ku").
CLDR = {"prs": "fa_AF", "kmr": "ku"}


def source_texts():
    """Every translatable text as key → English, in the key scheme the Rust
    loader uses (shared/src/questionnaire/translations.rs)."""
    out = {}
    q = json.loads((DATA / "questionnaires" / "v1.json").read_text())

    def question(qn, path):
        key = f"q.{path}"
        out[f"{key}.text"] = qn["text"]["en"]
        if qn.get("help"):
            out[f"{key}.help"] = qn["help"]["en"]
        a = qn["answer"]
        if a.get("unit"):
            out[f"{key}.unit"] = a["unit"]["en"]
        if a.get("add_label"):
            out[f"{key}.add_label"] = a["add_label"]["en"]
        if a.get("add_first_label"):
            out[f"{key}.add_first_label"] = a["add_first_label"]["en"]
        for o in a.get("options", []):
            out[f"{key}.option.{o['code']}"] = o["text"]["en"]
        for child in a.get("questions", []):
            question(child, f"{path}.{child['id']}")

    for s in q["sections"]:
        out[f"s.{s['id']}.title"] = s["title"]["en"]
        if s.get("intro"):
            out[f"s.{s['id']}.intro"] = s["intro"]["en"]
        for qn in s["questions"]:
            question(qn, qn["id"])
    for name in LISTS:
        for item in json.loads((DATA / "codes" / f"{name}.json").read_text())["items"]:
            out[f"list.{name}.{item['code']}"] = item["text"]["en"]
    return out


def load(lang):
    path = DATA / "translations" / f"{lang}.json"
    if path.exists():
        return json.loads(path.read_text())
    return {"lang": lang, "reviewed": {}, "draft": {}}


def save(lang, doc):
    path = DATA / "translations" / f"{lang}.json"
    doc["reviewed"] = dict(sorted(doc["reviewed"].items()))
    doc["draft"] = dict(sorted(doc["draft"].items()))
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")


def cldr(lang):
    from babel import Locale
    import pycountry

    locale = Locale.parse(CLDR.get(lang, lang))
    doc = load(lang)
    for item in json.loads((DATA / "codes" / "countries.json").read_text())["items"]:
        c = pycountry.countries.get(alpha_3=item["code"])
        alpha2 = c.alpha_2 if c else {"XKX": "XK"}.get(item["code"])
        name = locale.territories.get(alpha2) if alpha2 else None
        if name:
            doc["reviewed"][f"list.countries.{item['code']}"] = name
    for item in json.loads((DATA / "codes" / "languages.json").read_text())["items"]:
        lg = pycountry.languages.get(alpha_3=item["code"])
        names = [getattr(lg, "alpha_2", None), item["code"]] if lg else [item["code"]]
        name = next((locale.languages[n] for n in names if n and n in locale.languages), None)
        if name:
            doc["reviewed"][f"list.languages.{item['code']}"] = name
    for k in doc["reviewed"]:
        doc["draft"].pop(k, None)
    save(lang, doc)


if __name__ == "__main__":
    if sys.argv[1:2] == ["source"]:
        print(json.dumps(source_texts(), ensure_ascii=False, indent=1))
    elif sys.argv[1:2] == ["cldr"]:
        for lang in sys.argv[2:]:
            cldr(lang)
    else:
        sys.exit(__doc__)
