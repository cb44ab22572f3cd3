"""The exporters' showcase where it meets the missions: which missions an
organisation took part in, mission recommendations and alerts, and the
showcase pages themselves. Profiles, stories and contact requests belong to
the participants app; this package only reads them together with missions.
"""
