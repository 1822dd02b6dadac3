"""Documents from files, HTML and JSON(L): bytes to text, one error line per bad input."""
