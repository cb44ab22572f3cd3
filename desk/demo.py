"""Demo questions on the information desks: a dozen on Limburg's desk, which
Ondernemend Limburg runs (participants.demo), in every status, and five from
the MKB-aanpak's first year (2018), which the Limburg 2018 report and
dashboard count; two on Overijssel's, which its civil servants answer
themselves. Never loaded in production (see load_demo)."""

import datetime
from datetime import timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from accounts.models import User
from provinces.models import Province

from .models import FaqEntry, Question
from .services import faq_entry_publish, question_ask

Status = Question.Status
Topic = Question.Topic

PARTNER_STAFF = "medewerker@ondernemendlimburg.example"
LIMBURG_CIVIL_SERVANT = "ambtenaar@limburg.example"
OVERIJSSEL_CIVIL_SERVANT = "ambtenaar@overijssel.example"

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

# (days ago or the moment asked, topic, subject, question, asker, e-mail,
# status, who handles it, answer or referral note)
LIMBURG = [
    (
        1,
        Topic.EXPORT,
        "Eerste klant in Duitsland",
        "Wij maken kozijnen en willen in Aken en Keulen gaan verkopen. Waar begin ik?",
        "Ilse Hendriks",
        "ilse@kozijnenhendriks.example",
        Status.NEW,
        "",
        "",
    ),
    (
        2,
        Topic.FINANCING,
        "Lening voor een nieuwe machine",
        "Welke regelingen zijn er om een nieuwe freesmachine te financieren?",
        "Tom Janssen",
        "tom@janssenmetaal.example",
        Status.NEW,
        "",
        "",
    ),
    (
        8,
        Topic.PERSONNEL,
        "Technisch personeel uit België",
        "Mogen wij monteurs uit Belgisch Limburg in dienst nemen, en wat "
        "komt daarbij kijken?",
        "Marieke Claessens",
        "marieke@claessens-installatie.example",
        Status.NEW,
        "",
        "",
    ),
    (
        9,
        Topic.INNOVATION,
        "Subsidie voor een prototype",
        "Wij ontwikkelen een sensor voor de glastuinbouw. Is er steun voor "
        "het bouwen van een prototype?",
        "Ruud Peeters",
        "ruud@agrosens.example",
        Status.NEW,
        "",
        "",
    ),
    (
        3,
        Topic.EXPORT,
        "Beurs in Düsseldorf",
        "Kan ik als klein bedrijf mee op een Nederlands paviljoen van een "
        "Duitse beurs?",
        "Sanne Lemmens",
        "sanne@lemmensfood.example",
        Status.IN_PROGRESS,
        PARTNER_STAFF,
        "",
    ),
    (
        4,
        Topic.OTHER,
        "Bedrijfsovername",
        "Ik wil over twee jaar mijn bedrijf overdragen. Wie kan mij daarbij helpen?",
        "Harrie Smeets",
        "harrie@smeetsbouw.example",
        Status.IN_PROGRESS,
        PARTNER_STAFF,
        "",
    ),
    (
        7,
        Topic.FINANCING,
        "Garantie op een bankkrediet",
        "Onze bank vraagt extra zekerheid. Bestaat er een garantieregeling?",
        "Petra Wouters",
        "petra@woutersprint.example",
        Status.IN_PROGRESS,
        LIMBURG_CIVIL_SERVANT,
        "",
    ),
    (
        20,
        Topic.EXPORT,
        "Exportdocumenten voor het Verenigd Koninkrijk",
        "Welke papieren heb ik sinds de Brexit nodig om kaas naar Engeland te sturen?",
        "Jeroen Vossen",
        "jeroen@vossenkaas.example",
        Status.ANSWERED,
        PARTNER_STAFF,
        "U heeft een exportcertificaat en een douaneaangifte nodig. De "
        "Kamer van Koophandel en de NVWA helpen u verder; wij sturen u hun "
        "stappenplan.",
    ),
    (
        25,
        Topic.INNOVATION,
        "Hulp bij een businessplan",
        "Wij willen groeien met een nieuwe productlijn. Kan iemand meekijken "
        "naar ons plan?",
        "Lotte Kessels",
        "lotte@kesselsdesign.example",
        Status.ANSWERED,
        PARTNER_STAFF,
        "Ja: via de adviesfunctie van de MKB-aanpak koppelen wij u aan een "
        "adviseur die met u een businessplan opstelt.",
    ),
    (
        30,
        Topic.PERSONNEL,
        "Stageplaatsen mbo",
        "Hoe kom ik in contact met mbo-scholen voor stagiairs?",
        "Bram Willems",
        "bram@willemstechniek.example",
        Status.ANSWERED,
        LIMBURG_CIVIL_SERVANT,
        "Het Leeuwenborgh en Gilde Opleidingen hebben een stagebureau; wij "
        "hebben uw vraag aan hen doorgestuurd.",
    ),
    (
        40,
        Topic.FINANCING,
        "Subsidie voor verduurzaming",
        "Is er geld voor zonnepanelen op ons bedrijfspand?",
        "Anouk Dassen",
        "anouk@dassenlogistiek.example",
        Status.ANSWERED,
        PARTNER_STAFF,
        "Kijk naar de Energie-investeringsaftrek (EIA) van de Rijksdienst "
        "voor Ondernemend Nederland; de provincie heeft geen eigen regeling.",
    ),
    (
        14,
        Topic.EXPORT,
        "Handelsmissie naar Vlaanderen",
        "Organiseert de provincie een missie naar Vlaanderen?",
        "Koen Hermans",
        "koen@hermansmeubel.example",
        Status.REFERRED,
        PARTNER_STAFF,
        "Wij verwijzen u naar de Nederlands-Belgische handelsdag; de "
        "aanmelding staat op de missiekalender van het portaal.",
    ),
]


def _in_2018(month: int, day: int) -> datetime.datetime:
    return datetime.datetime(2018, month, day, 10, tzinfo=AMSTERDAM)


# The first months of Limburg's desk under the MKB-aanpak (2018): each
# answered or referred after 2 days (see _question), the last one after 9,
# past the response time.
LIMBURG_2018 = [
    (
        _in_2018(9, 4),
        Topic.INNOVATION,
        "Van idee naar businessplan",
        "Wij willen een eigen sensor ontwikkelen. Wie helpt ons met een plan?",
        "Ruud Vromen",
        "ruud@vromensensoren.example",
        Status.REFERRED,
        PARTNER_STAFF,
        "Wij verwijzen u naar een adviestraject van de MKB-aanpak.",
    ),
    (
        _in_2018(9, 18),
        Topic.EXPORT,
        "Eerste export naar België",
        "Wat moet ik regelen voor leveringen aan klanten in Luik?",
        "Esther Dautzenberg",
        "esther@dautzenbergbakkerij.example",
        Status.ANSWERED,
        PARTNER_STAFF,
        "Binnen de EU geen douane; wel btw verlegd en Franstalige etiketten.",
    ),
    (
        _in_2018(10, 9),
        Topic.FINANCING,
        "Borgstelling voor groeifinanciering",
        "Kan de provincie borg staan voor een lening voor onze groei?",
        "Wim Ploumen",
        "wim@ploumenbouw.example",
        Status.ANSWERED,
        PARTNER_STAFF,
        "De provincie niet; kijk naar de BMKB-regeling van het Rijk.",
    ),
    (
        _in_2018(11, 6),
        Topic.PERSONNEL,
        "Stagiairs van Zuyd",
        "Hoe komen wij in contact met studenten techniek van Zuyd Hogeschool?",
        "Petra Lemmens",
        "petra@lemmenstechniek.example",
        Status.REFERRED,
        PARTNER_STAFF,
        "Wij verwijzen u naar het stagebureau van Zuyd Hogeschool.",
    ),
    (
        _in_2018(12, 3),
        Topic.EXPORT,
        "Collectieve stand op een vakbeurs",
        "Is er steun om met een stand op een beurs in Düsseldorf te staan?",
        "Jeroen Smeets",
        "jeroen@smeetsmeubel.example",
        Status.ANSWERED,
        PARTNER_STAFF,
        "Ja, via de collectieve stand van de MKB-aanpak; wij sturen u de voorwaarden.",
    ),
]

OVERIJSSEL = [
    (
        2,
        Topic.EXPORT,
        "Missie naar Polen",
        "Gaat er dit jaar een missie naar Polen?",
        "Gerrit Nijhuis",
        "gerrit@nijhuisbouw.example",
        Status.NEW,
        "",
        "",
    ),
    (
        12,
        Topic.FINANCING,
        "Exportkrediet",
        "Waar vraag ik een exportkredietverzekering aan?",
        "Hanneke Kamphuis",
        "hanneke@kamphuisfood.example",
        Status.ANSWERED,
        OVERIJSSEL_CIVIL_SERVANT,
        "Bij Atradius Dutch State Business; Oost NL helpt u met de aanvraag.",
    ),
]


# Answered Limburg questions the partner published as FAQ, rewritten
# without the asker: (subject of the question, question, answer).
FAQ = [
    (
        "Exportdocumenten voor het Verenigd Koninkrijk",
        "Welke papieren heb ik nodig om voedingsmiddelen naar het Verenigd "
        "Koninkrijk te exporteren?",
        "Een exportcertificaat en een douaneaangifte. De Kamer van Koophandel "
        "en de NVWA hebben een stappenplan; de vraagbaak stuurt het u toe.",
    ),
    (
        "Subsidie voor verduurzaming",
        "Is er geld voor zonnepanelen op een bedrijfspand?",
        "Kijk naar de Energie-investeringsaftrek (EIA) van de Rijksdienst voor "
        "Ondernemend Nederland; de provincie heeft geen eigen regeling.",
    ),
]


def load() -> None:
    provinces = {p.code: p for p in Province.objects.filter(code__in=("LI", "OV"))}
    people = {u.email: u for u in User.objects.filter(email__contains=".example")}
    for code, questions in (
        ("LI", LIMBURG),
        ("LI", LIMBURG_2018),
        ("OV", OVERIJSSEL),
    ):
        if code in provinces:
            for row in questions:
                _question(provinces[code], people, *row)
    for subject, faq_question, faq_answer in FAQ:
        question = Question.objects.filter(
            province__code="LI", subject=subject, status=Status.ANSWERED
        ).first()
        if question and not FaqEntry.objects.filter(source=question).exists():
            faq_entry_publish(
                question=question,
                faq_question=faq_question,
                faq_answer=faq_answer,
                by=people.get(PARTNER_STAFF),
            )


def _question(
    province, people, days_ago, topic, subject, text, name, email, status, by, reply
) -> None:
    if Question.objects.filter(province=province, subject=subject).exists():
        return
    # Through the service, so that it is routed to the partner running the
    # province's desk like every new question.
    question = question_ask(
        province=province,
        topic=topic,
        subject=subject,
        text=text,
        language="nl",
        name=name,
        email=email,
    )
    if isinstance(days_ago, datetime.datetime):
        asked_at = days_ago
    else:
        asked_at = timezone.now() - timedelta(days=days_ago, hours=3)
    handler = people.get(by)
    question.created_at = asked_at
    question.status = status
    question.assigned_to = handler
    # Set directly rather than answered through the service: loading the
    # demo sends nobody an e-mail.
    if status == Status.ANSWERED:
        question.answer = reply
    elif status == Status.REFERRED:
        question.referral_note = reply
    if status in (Status.ANSWERED, Status.REFERRED):
        question.answered_by = handler
        late = subject == LIMBURG_2018[-1][2]
        question.answered_at = asked_at + timedelta(days=9 if late else 2)
    question._history_user = handler
    question.save()
