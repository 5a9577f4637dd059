"""Charts of the stakeholders app: server-rendered SVG, the same for pages and the PDF."""
