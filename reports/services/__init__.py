"""Report jobs, in two halves with a one-way import between them.

`jobs` is the request side the web process uses: create a job, queue it by
task name once the transaction commits, reuse one still waiting, fail it in
plain words, expire one whose worker was lost. It never imports `rendering`.

`rendering` is the worker side: render a job's PDF. It imports `jobs` (to fail
a job) and the PDF code, and so WeasyPrint; only the Celery worker and the
export command load it.

Nothing is re-exported here, so importing this package loads neither half.
"""
