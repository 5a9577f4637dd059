"""Report files on an S3-compatible object store (web and workers on different
machines): the worker side stores the PDF there, the download streams it back
behind the membership check, never cached. Against moto's S3 server, running
locally for the test session: real HTTP, real boto3, no mock of the client."""

import hashlib

import boto3
import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.test.utils import override_settings
from django.urls import reverse
from moto.server import ThreadedMotoServer

from reports.models import ReportJobStatus
from reports.services import rendering

from ...helpers import signed_in

pytestmark = pytest.mark.django_db

BUCKET = "roadmap-reports-test"
CREDENTIALS = {"S3_ACCESS_KEY_ID": "testing", "S3_SECRET_ACCESS_KEY": "testing"}


@pytest.fixture(scope="session")
def s3_endpoint():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def object_store(s3_endpoint):
    """Settings as S3_BUCKET and friends produce them, pointed at the local server."""
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    client.create_bucket(Bucket=BUCKET)
    storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": BUCKET,
            "endpoint_url": s3_endpoint,
            "region_name": "us-east-1",
            "access_key": "testing",
            "secret_key": "testing",
            "location": "media",
            "default_acl": None,
            "file_overwrite": True,
        },
    }
    with override_settings(STORAGES={**settings.STORAGES, "default": storage}):
        yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def keys(client) -> list[str]:
    return [item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])]


def test_settings_choose_the_object_store_from_the_environment():
    from tests.silent_dependency import run_django

    done = run_django(
        "from django.conf import settings as s; from django.core.files.storage import "
        "default_storage as d; o = s.STORAGES['default']['OPTIONS']; print(type(d.__dict__"
        "['_wrapped'] if d._setup() is None else d).__name__, o['bucket_name'], "
        "o['endpoint_url'], o['default_acl'], o['file_overwrite'])",
        S3_BUCKET="agency-reports",
        S3_ENDPOINT_URL="http://objects.example.internal:9000",
        **CREDENTIALS,
    )

    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [
        "S3Storage",
        "agency-reports",
        "http://objects.example.internal:9000",
        "None",
        "True",
    ]


def test_without_a_bucket_reports_are_files_under_media_root():
    assert settings.STORAGES["default"]["BACKEND"] == (
        "django.core.files.storage.FileSystemStorage"
    )


def test_the_worker_stores_the_pdf_in_the_object_store(object_store, job):
    rendering.report_job_render(job_id=job.pk)

    job.refresh_from_db()
    assert job.status == ReportJobStatus.READY
    assert keys(object_store) == [f"media/{job.file.name}"]
    stored = object_store.get_object(Bucket=BUCKET, Key=f"media/{job.file.name}")["Body"].read()
    assert hashlib.sha256(stored).hexdigest() == job.sha256
    assert default_storage.__class__.__name__ != "FileSystemStorage"


def test_a_second_attempt_replaces_the_object_instead_of_adding_one(object_store, job):
    rendering.report_job_render(job_id=job.pk)
    job.refresh_from_db()
    job.status = ReportJobStatus.RENDERING
    job.lease_token = None
    job.lease_expires_at = None
    job.save(update_fields=["status", "lease_token", "lease_expires_at"])

    rendering.report_job_render(job_id=job.pk)

    assert len(keys(object_store)) == 1


def test_the_download_streams_the_object_to_a_member_uncached(object_store, job, client, viewer):
    rendering.report_job_render(job_id=job.pk)
    job.refresh_from_db()
    url = reverse(
        "reports:job-download", kwargs={"agency": job.roadmap.organisation.slug, "pk": job.pk}
    )

    response = signed_in(client, viewer).get(url)

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Type"] == "application/pdf"
    body = b"".join(response.streaming_content)
    assert hashlib.sha256(body).hexdigest() == job.sha256
    assert "X-Amz" not in str(response.headers), "the object store is never exposed"


def test_another_agencys_member_cannot_download_from_the_object_store(
    object_store, job, client, outsider
):
    rendering.report_job_render(job_id=job.pk)
    url = reverse(
        "reports:job-download", kwargs={"agency": job.roadmap.organisation.slug, "pk": job.pk}
    )

    assert signed_in(client, outsider).get(url).status_code == 404
