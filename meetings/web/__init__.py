"""The HTML pages: views, URLs, filters and template tags."""
