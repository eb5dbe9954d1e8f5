"""Uploaded files: what the bot sent, kept so tests can read it back byte for byte."""

from __future__ import annotations

import mimetypes
import struct
from dataclasses import dataclass
from typing import Any

MAX_PHOTO_BYTES = 10 * 1024 * 1024
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
_GENERIC_MIME = "application/octet-stream"


@dataclass(frozen=True)
class StoredFile:
    file_id: str
    file_unique_id: str
    kind: str  # "photo" or "document"
    filename: str
    mime_type: str
    data: bytes
    width: int = 0
    height: int = 0

    @property
    def path(self) -> str:
        return f"{self.kind}s/{self.file_unique_id}_{self.filename}"

    def photo_size(self) -> dict[str, Any]:
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "width": self.width,
            "height": self.height,
            "file_size": len(self.data),
        }

    def document(self) -> dict[str, Any]:
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_name": self.filename,
            "mime_type": self.mime_type,
            "file_size": len(self.data),
        }

    def file(self) -> dict[str, Any]:
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.data),
            "file_path": self.path,
        }


def mime_type_for(filename: str, declared: str) -> str:
    """The declared type, unless the client only said "some bytes" and the name says more."""
    if declared and declared != _GENERIC_MIME:
        return declared
    guessed, _ = mimetypes.guess_type(filename)
    return guessed or _GENERIC_MIME


def image_size(data: bytes) -> tuple[int, int] | None:
    """Width and height of a PNG, GIF or JPEG image; None when it is none of these."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24 and data[12:16] == b"IHDR":
        width, height = struct.unpack(">II", data[16:24])
        return int(width), int(height)
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        width, height = struct.unpack("<HH", data[6:10])
        return int(width), int(height)
    if data.startswith(b"\xff\xd8"):
        return _jpeg_size(data)
    return None


# Start-of-frame markers carry the image size; C4, C8 and CC share the range but are not frames.
_JPEG_FRAMES = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xFF:
            pos += 1
            continue
        (segment_length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        if marker in _JPEG_FRAMES:
            if pos + 9 > len(data):
                return None
            height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
            return int(width), int(height)
        pos += 2 + segment_length
    return None
