"""An upload kept between its preview and its confirmation (data/staging.py): taken back once,
only for what it was staged for, and its file removed whatever happens."""

from __future__ import annotations

import os
import time
from types import SimpleNamespace

from django.core.files.uploadedfile import SimpleUploadedFile

from planwatch.web.data.staging import ABANDONED_AFTER_SECONDS, Staging

STAGING = Staging("test-uploads", "pending_test_upload")


def request():
    return SimpleNamespace(session={})


def staged(name="ledger.csv"):
    return STAGING.stage(SimpleUploadedFile(name, b"key,name\nK1,x\n"))


def test_a_remembered_upload_is_taken_back_once_and_its_file_removed(planwatch_home):
    person, kept = request(), staged()
    STAGING.remember(person, kept, plan=7)
    with STAGING.taken(person, plan=7) as again:
        assert (again.name, again.path.read_bytes()) == ("ledger.csv", b"key,name\nK1,x\n")
    assert not kept.path.exists()
    with STAGING.taken(person, plan=7) as twice:
        assert twice is None


def test_an_upload_for_something_else_is_not_given_and_its_file_is_removed(planwatch_home):
    person, kept = request(), staged()
    STAGING.remember(person, kept, plan=7)
    with STAGING.taken(person, plan=8) as other:
        assert other is None
    assert not kept.path.exists() and STAGING.session_key not in person.session


def test_a_new_preview_drops_the_one_waiting_before(planwatch_home):
    person, first, second = request(), staged("a.csv"), staged("b.csv")
    STAGING.remember(person, first)
    STAGING.remember(person, second)
    assert not first.path.exists() and second.path.exists()
    with STAGING.taken(person) as taken:
        assert taken.name == "b.csv"


def test_a_file_gone_from_the_disk_is_no_pending_upload(planwatch_home):
    person, kept = request(), staged()
    STAGING.remember(person, kept)
    kept.discard()
    with STAGING.taken(person) as taken:
        assert taken is None


def test_an_upload_abandoned_long_ago_goes_when_the_page_stages_another(planwatch_home):
    abandoned, recent = staged("old.csv"), staged("recent.csv")
    long_ago = time.time() - ABANDONED_AFTER_SECONDS - 60
    os.utime(abandoned.path, (long_ago, long_ago))
    newest = staged("new.csv")
    assert not abandoned.path.exists()
    assert recent.path.exists() and newest.path.exists()
