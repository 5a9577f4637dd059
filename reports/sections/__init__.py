"""The report's chapters that other apps give: each module gathers one app's part
of the report in a fixed number of queries."""
