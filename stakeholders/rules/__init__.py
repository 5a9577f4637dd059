"""Pure domain rules of the stakeholders app: no ORM, no request. Unit-tested without HTTP."""
