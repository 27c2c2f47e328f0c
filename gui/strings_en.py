"""English texts of the UI as a table (text in the code -> English), kept as an inbox only.

Not read at run time: the English texts live in resources/translations/hashiye_en.ts (see i18n.py).
Entries appended here are brought into the .ts with
`python tools/i18n.py extract --from-dict gui/strings_en.py && python tools/i18n.py compile`.
A value may be a pair (one, many) for a text with an `{n}` value.
"""

from __future__ import annotations

EN: dict[str, str | tuple[str, str]] = {
    # Append new texts here (text in the code: English), then run `make i18n`; once they are in the
    # .ts they may be removed from here.
}
