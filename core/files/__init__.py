"""Files: the one atomic writer, the one bounded reader, the data lock, user folders."""
