"""Two years of Karlskoga's child budget, for the demo. The figures are invented for the demo,
of a plausible size. Running it twice changes nothing (the import is idempotent)."""

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction

from organisations.models import Organisation

from . import imports, services
from .models import ChildBudget

# body -> [(account, text, amount in 2025, amount in 2026, directed to children)]
LINES = {
    "Barn- och utbildningsnämnden": [
        ("4010", "Förskoleverksamhet", 298_400_000, 312_450_000, True),
        ("4020", "Grundskola", 486_900_000, 498_200_000, True),
        ("4030", "Gymnasieskola", 201_300_000, 205_800_000, True),
        ("4100", "Vuxenutbildning", 42_600_000, 44_100_000, False),
        ("4900", "Nämnd och administration", 18_200_000, 18_700_000, False),
    ],
    "Kultur- och fritidsnämnden": [
        ("5110", "Fritidsgårdar", 8_400_000, 8_750_000, True),
        ("5120", "Föreningsbidrag barn och unga", 6_100_000, 6_400_000, True),
        ("5200", "Bibliotek", 20_900_000, 21_300_000, False),
        ("5300", "Kulturskola", 11_800_000, 12_200_000, True),
        ("5900", "Intäkter, uthyrning", -1_900_000, -2_050_000, False),
    ],
}
GOALS = {
    "Barn- och utbildningsnämnden": "Alla elever ska nå kunskapskraven i årskurs 9. "
    "Barns synpunkter ska inhämtas inför förändringar i skolorganisationen.",
    "Kultur- och fritidsnämnden": "Fler flickor 13–17 år ska delta i fritidsverksamhet. "
    "Ungdomsforumet ska få yttra sig om fördelningen av föreningsbidrag.",
}


@transaction.atomic
def load_demo():
    karlskoga = Organisation.objects.filter(scb_code="1883").first()
    coordinator = get_user_model().objects.filter(username="samordnare").first()
    if karlskoga is None or coordinator is None:
        return
    bodies = {body.name: body for body in services.bodies_for(karlskoga)}
    for index, year in enumerate((2025, 2026)):
        rows = [
            imports.Row(0, bodies[name], account, text, Decimal(amounts[index]))
            for name, lines in LINES.items()
            if name in bodies
            for account, text, *amounts, _marked in lines
        ]
        imports.import_lines(karlskoga, year, rows, by=coordinator, file_name="demo")
        for name, lines in LINES.items():
            budget = ChildBudget.objects.filter(
                organisation=karlskoga, body=bodies.get(name), year=year
            ).first()
            if budget is None:
                continue
            if not budget.children_goals:
                services.update_budget(
                    budget,
                    by=coordinator,
                    children_goals=GOALS[name],
                    comment="Raderna som riktar sig till barn är markerade utifrån verksamhetens "
                    "målgrupp.",
                )
            marked = [
                line.pk
                for line in budget.lines.all()
                if any(line.account == account and flag for account, *_rest, flag in lines)
            ]
            services.set_marks(budget, marked, by=coordinator)
        social = bodies.get("Socialnämnden")
        if (
            social
            and not ChildBudget.objects.filter(
                organisation=karlskoga, body=social, year=year
            ).exists()
        ):
            services.create_budget(
                karlskoga,
                by=coordinator,
                body=social,
                year=year,
                total_budget=Decimal(612_000_000 + index * 18_000_000),
                method=ChildBudget.Method.SHARE_OF_USERS,
                children_amount=Decimal(171_000_000 + index * 9_500_000),
                comment="Uppskattad andel av insatserna inom individ- och familjeomsorgen som "
                "avser barn och unga, efter antal ärenden.",
            )
