"""The pages participants owns: the SME's organisation (profile, contact
details, members and requests to join), the download of one's own data and
the deletion of one's account under /mijn/, and the province's list of
requests to join in the back office. participants/urls.py lists them;
config/urls.py mounts them in the `mine` and `missions_backoffice`
namespaces beside the pages of missions."""
