"""Demo content of the stakeholders app, one module per concept, each with its loader."""
