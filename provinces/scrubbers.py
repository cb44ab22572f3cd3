"""Personal data of the provinces app: none to erase.

Registered in ``ProvincesConfig.ready()`` (see config/personal_data.py).
"""

NOT_PERSONAL = {
    "provinces.Province.name": "the province's name",
    "provinces.Province.display_name": "the province's name",
    "provinces.Province.logo": "the province's logo",
    "provinces.Province.contact_email": (
        "the address of the province's team (a function mailbox), not a person's"
    ),
}
