"""Personal data of the showcase and how it is erased.

Registered in ``ShowcaseConfig.ready()`` (see config/personal_data.py). The
showcase keeps no person's data of its own: its records point to contact
persons and accounts, which are erased where they live (participants,
accounts), and the log of its e-mails is the outbox's SentMail. What
stays, and why, is in ``NOT_PERSONAL``: what an organisation wrote for
publication or to another organisation.
"""

SCRUBBERS = ()

_PUBLISHED = (
    "written by the organisation for publication in the showcase; it "
    "describes the company, not a person, and stays when a person is erased"
)
_MODERATION = "a moderator's reason for hiding content, about the content"

NOT_PERSONAL = {
    "showcase.Theme.name": "a managed list of themes",
    "showcase.Theme.name_en": "a managed list of themes",
    "showcase.PublicProfile.description": _PUBLISHED,
    "showcase.PublicProfile.experience": _PUBLISHED,
    "showcase.PublicProfile.helps_with": _PUBLISHED,
    "showcase.PublicProfile.hidden_reason": _MODERATION,
    "showcase.HistoricalPublicProfile.description": _PUBLISHED,
    "showcase.HistoricalPublicProfile.experience": _PUBLISHED,
    "showcase.HistoricalPublicProfile.helps_with": _PUBLISHED,
    "showcase.HistoricalPublicProfile.hidden_reason": _MODERATION,
    "showcase.ExportStory.body": _PUBLISHED,
    "showcase.ExportStory.photo": _PUBLISHED,
    "showcase.ExportStory.hidden_reason": _MODERATION,
    "showcase.HistoricalExportStory.body": _PUBLISHED,
    "showcase.HistoricalExportStory.photo": _PUBLISHED,
    "showcase.HistoricalExportStory.hidden_reason": _MODERATION,
    "showcase.ContactRequest.message": (
        "correspondence another organisation received; it stays theirs, "
        "while the sender's contact person and account are erased"
    ),
    "showcase.HistoricalContactRequest.message": ("see ContactRequest.message"),
}
