"""--fix writes the file a user means, as the user could: through symlinks, keeping hard links, mode and owner,
never a read-only file, and without leaving temporary files behind."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time

import pytest

from conftest import Ran, run_in_process

LABEL = """\
product: Sunshine D Supplement
facts:
  - {name: Vitamin D3, amount: 400 IU}
  - {name: Vitamin B12, amount: 6 ug}
"""
FIXED = LABEL.replace("400 IU", "10 mcg (400 IU)").replace("6 ug", "6 mcg")
SELECT = "SUP206,SUP208"
POSIX = pytest.mark.skipif(os.name != "posix", reason="symlinks, hard links and owners as POSIX has them")


def fix(*paths) -> Ran:
    return run_in_process("check", "--select", SELECT, "--fix", "--output-format", "json", *map(str, paths))


def found(result) -> list[tuple[str, str, int]]:
    return sorted((os.path.basename(f["file"]), f["code"], f["line"]) for f in json.loads(result.stdout))


def temporaries(*folders) -> list[str]:
    return [name for folder in folders for name in os.listdir(folder) if name.startswith(".supplint-")]


@POSIX
def test_a_symlink_is_kept_and_its_target_is_fixed(tmp_path):
    (tmp_path / "store").mkdir()
    (tmp_path / "links").mkdir()
    target = tmp_path / "store" / "real.yaml"
    target.write_text(LABEL)
    link = tmp_path / "links" / "d3.yaml"
    link.symlink_to(os.path.join("..", "store", "real.yaml"))
    result = fix(link)
    assert (result.returncode, found(result)) == (0, [])
    assert link.is_symlink() and os.readlink(link) == os.path.join("..", "store", "real.yaml")
    assert target.read_text() == FIXED
    assert temporaries(tmp_path / "store", tmp_path / "links") == []


@POSIX
def test_hard_links_stay_one_file(tmp_path):
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text(LABEL)
    os.link(first, second)
    inode = os.stat(first).st_ino
    assert fix(first).returncode == 0
    assert os.stat(second).st_ino == os.stat(first).st_ino == inode
    assert os.stat(first).st_nlink == 2
    assert second.read_text() == FIXED
    assert temporaries(tmp_path) == []


def test_a_read_only_file_is_left_alone_and_the_others_are_fixed(tmp_path):
    locked, open_ = tmp_path / "locked.yaml", tmp_path / "open.yaml"
    locked.write_text(LABEL)
    open_.write_text(LABEL)
    os.chmod(locked, 0o444)
    try:
        result = fix(locked, open_)
        assert result.returncode == 1  # the read-only file's findings are still there
        assert found(result) == [("locked.yaml", "SUP206", 3), ("locked.yaml", "SUP208", 4)]
        assert locked.read_text() == LABEL and stat.S_IMODE(os.stat(locked).st_mode) == 0o444
        assert open_.read_text() == FIXED
        (note,) = [line for line in result.stderr.splitlines() if "locked.yaml" in line]
        assert "not fixed" in note and "read-only" in note
        assert "in 1 file" in result.stderr  # only the file that was written counts as fixed
    finally:
        os.chmod(locked, 0o644)


def test_mode_is_kept(tmp_path):
    path = tmp_path / "d3.yaml"
    path.write_text(LABEL)
    os.chmod(path, 0o640)
    assert fix(path).returncode == 0
    assert path.read_text() == FIXED
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file away")
def test_root_keeps_the_owner_and_group(tmp_path):
    path = tmp_path / "d3.yaml"
    path.write_text(LABEL)
    os.chown(path, 4321, 4322)
    os.chmod(path, 0o664)
    assert fix(path).returncode == 0
    info = os.stat(path)
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (4321, 4322, 0o664)
    assert path.read_text() == FIXED


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs a file of another owner")
def test_a_file_whose_owner_cannot_be_kept_by_a_rename_is_rewritten_in_place(tmp_path, monkeypatch):
    from supplint.edit import atomic

    path = tmp_path / "theirs.yaml"
    path.write_text(LABEL)
    os.chown(path, 4321, 4321)
    inode = os.stat(path).st_ino

    def not_permitted(*args):  # as for a user who may write someone else's file, but not give files away
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "fchown", not_permitted)
    atomic.write_atomically(str(path), FIXED)
    assert (os.stat(path).st_ino, os.stat(path).st_uid) == (inode, 4321)
    assert path.read_text() == FIXED
    assert temporaries(tmp_path) == []


@POSIX
def test_stale_temporary_files_are_swept_and_live_ones_kept(tmp_path):
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    hours_ago = time.time() - 2 * 3600
    names = {
        "stale": f".supplint-{gone.pid}-abc123.tmp",  # its run is gone and it is old
        "first-release": ".supplint-k3j_9x2q.tmp",  # named before the pid was in the name
        "live": f".supplint-{os.getpid()}-def456.tmp",  # this test process is alive
        "recent": f".supplint-{gone.pid}-ghi789.tmp",  # too new to be called stale
        "other": ".supplint-notes.txt",
    }
    for key, name in names.items():
        (tmp_path / name).write_text("partial")
        if key != "recent":
            os.utime(tmp_path / name, (hours_ago, hours_ago))
    path = tmp_path / "d3.yaml"
    path.write_text(LABEL)
    assert fix(path).returncode == 0
    left = set(os.listdir(tmp_path))
    assert names["stale"] not in left and names["first-release"] not in left
    assert {names["live"], names["recent"], names["other"], "d3.yaml"} <= left


def test_temporary_files_are_not_checked_by_a_walk(tmp_path):
    (tmp_path / ".supplint-1-abc.tmp").write_text("{not: [yaml")
    (tmp_path / "d3.yaml").write_text(FIXED)
    result = run_in_process("check", "--select", SELECT, "--output-format", "json", str(tmp_path))
    assert (result.returncode, json.loads(result.stdout)) == (0, [])
