"""Karlskoga's social committee and joint public-health committee, and files to import."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile


def csv_file(text: str, name="budget.csv", encoding="utf-8") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")


def xlsx_file(rows, name="budget.xlsx") -> SimpleUploadedFile:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


GOOD_CSV = (
    "Nämnd;Konto;Text;Belopp\n"
    "Socialnämnden;4010;Barn och familj;1 234 567,50\n"
    "Socialnämnden;4020;Ekonomiskt bistånd;-1234\n"
    "Folkhälsonämnden;5110;Föräldrastöd;250 000\n"
)


@pytest.fixture
def bodies(karlskoga, social_committee, joint_committee):
    return {body.name.casefold(): body for body in (social_committee, joint_committee)}
