"""The one typeface of every export, so that the PDF and the DOCX of a document look alike:
DejaVu Serif covers Latin and Cyrillic, and is what WeasyPrint finds through fontconfig
(the Dockerfile installs fonts-dejavu-core). A DOCX opened where it is not installed shows
the viewer's substitute."""

FONT = "DejaVu Serif"
