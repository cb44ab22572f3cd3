"""Pages of the missions app: the public calendar, /mijn/ and /beheer/missies/."""
