"""The showcase's pages: /exporteurs/ (public.py), /mijn/etalage/ (mine.py)
and /beheer/etalage/ (moderation.py), mounted in config/urls.py."""
