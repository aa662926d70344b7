"""Text in a source line that holds digits but never a figure: addresses, hashes, file names.

Documents downloaded from a government site keep the page's address line: a URL, an e-mail
address, the hash of a file, the name of the attachment (`附件2.docx`). Their digits are not
figures, yet `26` is a whole number in `…/d26c…` as far as a search for `26%` knows. These spans
are blanked with spaces of the same length in the text that is searched (never in the text that
is printed), so no pattern, no line index and no coverage count can read them, and every column
stays where it was.
"""

from __future__ import annotations

import re

# ASCII only: a URL written inside Chinese prose ends where the prose starts again.
_URL = r"(?:[A-Za-z][A-Za-z0-9+.-]*://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]+"
_EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
# A run of six or more letters and digits mixing both (`9f3d26c1`, `_Toc525829442`, `sha256`).
_HASH = r"(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]*\d)(?=[A-Za-z0-9_]*[A-Za-z])[A-Za-z0-9_]{6,}"
_EXTENSIONS = "docx?|xlsx?|pptx?|pdf|txt|wps|et|ofd|html?|zip|rar|7z|jpe?g|png|gif|csv|xml"
# A file name: its Latin letters and digits before the extension (the `2` of `附件2.docx`); the
# Chinese words of a name are left, since they may end a sentence that prints a figure.
_FILE = rf"[A-Za-z0-9_\-.~%]*\.(?:{_EXTENSIONS})(?![A-Za-z0-9])"

_LATIN = re.compile("[A-Za-z]")
_ADDRESS = re.compile("|".join((_URL, _EMAIL, _FILE, _HASH)), re.IGNORECASE)


def blank_addresses(line: str) -> str:
    """`line` with every URL, e-mail address, hash and file name replaced by spaces."""
    if _LATIN.search(line) is None:
        return line  # every address holds a Latin letter: most lines of a plan hold none
    return _ADDRESS.sub(lambda match: " " * len(match.group()), line)
