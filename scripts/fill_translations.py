"""Fill empty Dutch translations from a JSON file of {"English msgid": "Nederlandse tekst"}.

    python scripts/fill_translations.py new-strings.json && scripts/translations.sh

Plural messages are keyed by their two forms joined with "||", and so is their Dutch:
{"%(num)d risk||%(num)d risks": "%(num)d risico||%(num)d risico's"}.

Prints the message ids that still have no translation. Existing translations are kept.
"""

import json
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

CATALOGUE = (
    Path(__file__).resolve().parents[1]
    / "workplace_planner" / "translations" / "nl" / "LC_MESSAGES" / "messages.po"
)


def main(paths: list[str]) -> int:
    translations: dict[str, str] = {}
    for path in paths:
        translations.update(json.loads(Path(path).read_text(encoding="utf-8")))
    with CATALOGUE.open("rb") as handle:
        catalogue = read_po(handle)
    missing = []
    for message in catalogue:
        if isinstance(message.id, list | tuple):  # plural: {"one||more": "een||meer"}
            key = "||".join(message.id)
            if not all(message.string) and key in translations:
                message.string = tuple(translations[key].split("||"))
            if not all(message.string):
                missing.append(" / ".join(message.id))
            continue
        if message.id and not message.string:
            if message.id in translations:
                message.string = translations[message.id]
            else:
                missing.append(message.id)
    with CATALOGUE.open("wb") as handle:
        write_po(handle, catalogue, no_location=True, sort_output=True, width=100)
    for message_id in missing:
        print(f"untranslated: {message_id}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
