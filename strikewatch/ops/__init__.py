"""Operations: the integrity check (``strikewatch check``) and portable backups (``backup`` / ``restore``)."""
