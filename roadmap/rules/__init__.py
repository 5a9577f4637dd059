"""Pure domain rules: no ORM, no request. Unit-tested without HTTP."""
