"""Files planctl writes appear whole, with ordinary permissions, and never half-written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from planctl.atomic import replacing, write_all_atomic, write_atomic


def test_new_files_get_the_umask_mode_and_existing_files_keep_theirs(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        new = tmp_path / "report.json"
        write_atomic(str(new), "{}\n")
        assert new.stat().st_mode & 0o777 == 0o644
        kept = tmp_path / "kept.txt"
        kept.write_text("old", encoding="utf-8")
        kept.chmod(0o600)
        write_atomic(str(kept), "new")
        assert kept.stat().st_mode & 0o777 == 0o600
        assert kept.read_text(encoding="utf-8") == "new"
    finally:
        os.umask(old)


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    target.write_text("old", encoding="utf-8")

    def fail_halfway() -> None:
        with replacing(str(target)) as temporary:
            Path(temporary).write_text("half", encoding="utf-8")
            raise RuntimeError("writer failed")

    with pytest.raises(RuntimeError):
        fail_halfway()
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]


def test_a_set_is_written_whole_or_not_at_all(tmp_path: Path) -> None:
    first = tmp_path / "a.csv"
    first.write_text("old a", encoding="utf-8")
    (tmp_path / "c.csv").mkdir()  # cannot be replaced: renamed last, so a.csv must come back
    with pytest.raises(IsADirectoryError):
        write_all_atomic(
            {str(first): "new a", str(tmp_path / "b.csv"): "new b", str(tmp_path / "c.csv"): "c"}
        )
    assert first.read_text(encoding="utf-8") == "old a"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "c.csv"]
    with pytest.raises(FileNotFoundError):  # no such directory: nothing written
        write_all_atomic({str(first): "new a", str(tmp_path / "none" / "b.csv"): "b"})
    assert first.read_text(encoding="utf-8") == "old a"
    write_all_atomic({str(first): "new a", str(tmp_path / "b.csv"): "new b"})
    assert first.read_text(encoding="utf-8") == "new a"
    assert (tmp_path / "b.csv").read_text(encoding="utf-8") == "new b"
