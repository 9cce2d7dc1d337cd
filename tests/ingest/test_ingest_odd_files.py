"""Odd things in a folder, through the real ``strikewatch ingest``: named pipes, sockets and devices are skipped
with a line (never read: a pipe would block forever), and file names that hold a newline or a terminal escape are
printed escaped, so they cannot forge a summary line."""

from __future__ import annotations

import os
import socket
from pathlib import Path

STORY = (
    "A drone strike on a house near Miranshah killed three people on Tuesday, officials said. Residents said the "
    "house belonged to a shopkeeper and that two of the dead were his sons.\n"
)


def test_pipes_sockets_and_devices_in_a_folder_are_skipped(cli, sqlite_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text(STORY)
    os.mkfifo(folder / "pipe.txt")  # named like an article: reading it would wait for a writer forever
    os.mkfifo(folder / "feed.xml")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "sock.jsonl"))
    (folder / "null.txt").symlink_to("/dev/zero")  # a device behind a link: never ends
    try:
        proc = cli("ingest", str(folder), "--verbose", db=sqlite_url, timeout=60)  # --verbose lists skipped files
    finally:
        sock.close()
    assert proc.returncode == 0, proc.stderr
    err = proc.stderr
    assert "1 stored" in err and "4 skipped" in err
    assert f"skipped {folder / 'pipe.txt'}: not a regular file (a named pipe)" in err
    assert f"skipped {folder / 'sock.jsonl'}: not a regular file (a socket)" in err
    assert f"skipped {folder / 'null.txt'}: not a regular file (a character device)" in err
    named = cli("ingest", str(folder / "pipe.txt"), db=sqlite_url, timeout=60)
    assert named.returncode == 1 and "not a regular file (a named pipe)" in named.stderr


def test_file_names_are_printed_escaped(cli, sqlite_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    forged = "x.txt\n99 stored, 0 already present, 0 wire copies, 0 rejected\n"
    (folder / forged).write_bytes(b"")  # empty: rejected, so its name is printed
    (folder / "\x1b[2J\x1b[31mred.txt").write_bytes(b"")
    (folder / "\u202etxt.exe").write_bytes(b"")  # a right-to-left override
    proc = cli("ingest", str(folder), "--verbose", db=sqlite_url, timeout=60)  # --verbose: skipped files too
    lines = proc.stderr.splitlines()
    assert lines[0].startswith("0 stored"), lines
    assert not any(line.startswith("99 stored") for line in lines), lines
    assert "\x1b" not in proc.stderr and "\u202e" not in proc.stderr
    assert "x.txt\\n99 stored, 0 already present" in proc.stderr
    assert "\\x1b[2J\\x1b[31mred.txt" in proc.stderr and "\\u202etxt.exe" in proc.stderr
    assert len(lines) == 4  # the summary and one line per rejected (2) or skipped (1) file
