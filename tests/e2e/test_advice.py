"""The advisory track through the real pages (issue 18, item 3): a Limburg
entrepreneur applies, the Limburg desk accepts and pairs an adviser, the
entrepreneur sees the adviser and the steps and uploads the business plan."""

import re

from django.urls import reverse
from playwright.sync_api import expect

from advice.models import Track
from participants.models import Organisation
from tests.factories import OrganisationFactory, PublicProfileFactory, sme_user_of

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def test_a_limburg_entrepreneur_gets_an_adviser_and_uploads_the_plan(
    page, login_as, limburg, civil_servant_limburg
):
    company = OrganisationFactory(province=limburg, name="Geuldal Metaal BV")
    entrepreneur = sme_user_of(company, email="ondernemer@geuldal.example")
    adviser = OrganisationFactory(
        province=limburg, name="Maasvallei Advies", kind=Organisation.Kind.ADVISER
    )
    PublicProfileFactory(
        organisation=adviser,
        published=True,
        helps_with="Van ambitie naar ondernemingsplan.",
    )

    # The entrepreneur applies.
    login_as(entrepreneur)
    page.goto(reverse("advice:mine"))
    page.get_by_role("link", name="Adviestraject aanvragen").click()
    page.get_by_label("Groei").check()
    page.locator("#id_ambition").fill("Lasrobots voor kleine series")
    page.locator("#id_description").fill("Wij willen kleine series robotiseren.")
    page.get_by_role("button", name="Aanvragen").click()
    page.wait_for_url(re.compile(r"/mijn/adviestrajecten/\d+/$"))
    expect(page.locator("main")).to_contain_text("Aangevraagd")
    track = Track.objects.get(organisation=company)
    assert track.province == limburg

    # The Limburg desk accepts and pairs the adviser.
    login_as(civil_servant_limburg)
    page.goto(reverse("advice:list"))
    page.get_by_role("link", name="Lasrobots voor kleine series").click()
    page.locator("#id_accept-adviser").select_option(label="Maasvallei Advies")
    page.get_by_role("button", name="Goedkeuren en koppelen").click()
    expect(page.locator("main")).to_contain_text("Het adviestraject is bijgewerkt.")
    track.refresh_from_db()
    assert track.status == Track.Status.ACTIVE

    # The entrepreneur sees the adviser and the steps, and uploads the plan.
    login_as(entrepreneur)
    page.goto(reverse("advice:track", args=[track.pk]))
    main = page.locator("main")
    expect(main).to_contain_text("Maasvallei Advies")
    expect(main).to_contain_text("Van ambitie naar ondernemingsplan.")
    for step in ("Intake", "Analyse", "Businessplan", "Afronding"):
        expect(page.get_by_role("rowheader", name=step)).to_be_visible()
    page.locator("#id_document-title").fill("Businessplan Geuldal")
    page.locator("#id_document-file").set_input_files(
        {"name": "businessplan.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.locator("#id_document-is_business_plan").check()
    page.get_by_role("button", name="Uploaden").click()
    expect(main).to_contain_text("Het adviestraject is bijgewerkt.")
    link = page.get_by_role("link", name="Businessplan Geuldal")
    expect(link).to_be_visible()
    assert track.documents.get().is_business_plan
