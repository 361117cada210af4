"""Resolution of surface expressions (dates, ...) to normalised values."""
