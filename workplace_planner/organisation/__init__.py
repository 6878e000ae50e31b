"""The organisation's own settings: details, participating municipalities and members."""
