"""Editorial tools: reports over the archive for the people who correct it (nothing here writes)."""
