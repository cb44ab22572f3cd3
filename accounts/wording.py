"""The portal's Dutch for allauth's account words.

allauth's Dutch says "Aanmelden" for logging in, while the menu says
"Inloggen" and "aanmelden" is what a company does for a mission here. The
same action must carry the same name everywhere (WCAG 3.2.4), so these
msgids get the portal's words in locale/nl, which Django prefers over the
package's own translations. Marked here so makemessages keeps them.
"""

from django.utils.translation import gettext_noop

ALLAUTH_WORDS = (
    gettext_noop("Sign In"),
    gettext_noop("Sign Out"),
    gettext_noop("Sign Up"),
)
