"""Checks for uploaded files, shared by every app that takes attachments.

The type is read from the content (never from the name or the browser's claim), the size is
limited, Office files (ZIP containers) are inspected for bombs before anything is unpacked, and
the stored name is generated: a file name is never used as a path.
"""

import os
import uuid
import zipfile

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

ALLOWED_TYPES = {
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "image/png": "png",
    "image/jpeg": "jpg",
}
ZIP_TYPES = {"docx", "xlsx", "pptx", "odt", "ods"}
# Limits for what a ZIP container may unpack to; real office documents stay far below them.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 100
MAX_ENTRIES = 2000


def check_upload(uploaded) -> tuple[str, str]:
    """Validate an uploaded file; return (content type, extension) or raise ValidationError."""
    limit = settings.BARNRATT_MAX_UPLOAD_BYTES
    if uploaded.size > limit:
        raise ValidationError(
            _("The file is too large (at most %(mb)d MB).") % {"mb": limit // (1024 * 1024)}
        )
    if uploaded.size == 0:
        raise ValidationError(_("The file is empty."))
    uploaded.seek(0)
    head = uploaded.read(8192)
    uploaded.seek(0)
    kind = filetype.guess(head)
    if kind is None and head.startswith(b"PK"):
        kind = _office_type(uploaded)
    extension = ALLOWED_TYPES.get(kind.mime) if kind else None
    if extension is None:
        raise ValidationError(
            _(
                "This kind of file cannot be attached. Use PDF, Word, Excel, "
                "OpenDocument, PNG or JPEG."
            )
        )
    if extension in ZIP_TYPES:
        _refuse_zip_bomb(uploaded)
    return kind.mime, extension


class _Kind:
    def __init__(self, mime):
        self.mime = mime


def _office_type(uploaded):
    """Office Open XML files whose first bytes do not tell: look at the ZIP's table of contents."""
    try:
        with zipfile.ZipFile(uploaded) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        return None
    finally:
        uploaded.seek(0)
    for prefix, extension in (("word/", "docx"), ("xl/", "xlsx"), ("ppt/", "pptx")):
        if any(name.startswith(prefix) for name in names):
            mime = next(m for m, e in ALLOWED_TYPES.items() if e == extension)
            return _Kind(mime)
    return None


def _refuse_zip_bomb(uploaded):
    """Read only the ZIP's directory: declared sizes, ratio and entry count, before unpacking."""
    try:
        with zipfile.ZipFile(uploaded) as archive:
            entries = archive.infolist()
    except zipfile.BadZipFile as error:
        raise ValidationError(_("The file is damaged and cannot be read.")) from error
    finally:
        uploaded.seek(0)
    unpacked = sum(entry.file_size for entry in entries)
    packed = max(1, sum(entry.compress_size for entry in entries))
    if len(entries) > MAX_ENTRIES or unpacked > MAX_UNPACKED_BYTES or unpacked / packed > MAX_RATIO:
        raise ValidationError(_("The file unpacks to far more than its size and was refused."))
    if any(os.path.isabs(e.filename) or ".." in e.filename.split("/") for e in entries):
        raise ValidationError(_("The file is damaged and cannot be read."))


def stored_name(extension: str) -> str:
    """A generated name: where the file lands never depends on what the user called it."""
    return f"{uuid.uuid4().hex}.{extension}"


def display_name(name: str) -> str:
    """The user's file name, reduced to something safe to show and to offer as a download name."""
    base = os.path.basename((name or "").replace("\\", "/"))
    return get_valid_filename(base)[:200] or "fil"
