"""Charts as server-rendered SVG, the same for the pages and the PDF."""
