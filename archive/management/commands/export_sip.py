from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from archive.eark import validate
from archive.eark.package import NothingToExport, build_package
from organisations.models import Organisation


class Command(BaseCommand):
    help = (
        "Write an archive package (E-ARK CSIP/SIP, ZIP) of an organisation's cases decided in a "
        "period: METS, descriptive and PREMIS metadata, a PDF/A rendition of each case and the "
        "original attachments. The package is checked before the command reports success, and "
        "the export is recorded in the audit log."
    )

    def add_arguments(self, parser):
        parser.add_argument("--organisation", required=True, help="id or SCB code")
        parser.add_argument(
            "--from", dest="date_from", required=True, help="first decision date, YYYY-MM-DD"
        )
        parser.add_argument(
            "--to", dest="date_to", required=True, help="last decision date, YYYY-MM-DD"
        )
        parser.add_argument(
            "--output", required=True, help="the ZIP file to write, or a folder to write it in"
        )
        parser.add_argument(
            "--submission-agreement",
            default="",
            help="the submission agreement (leveransöverenskommelse), e.g. its reference number",
        )
        parser.add_argument(
            "--preservation-agent",
            default="",
            help="the archive that will preserve the package, e.g. the municipality's e-archive",
        )

    def handle(
        self,
        *args,
        organisation,
        date_from,
        date_to,
        output,
        submission_agreement="",
        preservation_agent="",
        **options,
    ):
        try:
            start, end = date.fromisoformat(date_from), date.fromisoformat(date_to)
        except ValueError as error:
            raise CommandError(f"Dates are written YYYY-MM-DD: {error}") from error
        if end < start:
            raise CommandError("--to is before --from.")
        lookup = Q(scb_code=organisation)
        if organisation.isdigit():
            lookup |= Q(pk=int(organisation))
        found = list(Organisation.objects.filter(lookup))
        if len(found) != 1:
            raise CommandError(f"No single organisation with the id or SCB code {organisation}.")
        path = Path(output)
        target = path.with_suffix(".partial") if not path.is_dir() else path / "export.partial"
        try:
            built = build_package(
                found[0],
                start,
                end,
                target,
                submission_agreement=submission_agreement,
                preservation_agent=preservation_agent,
            )
        except NothingToExport as error:
            target.unlink(missing_ok=True)
            raise CommandError(
                "No case was decided in that period: no package was made."
            ) from error
        final = path / built.file_name if path.is_dir() else path
        target.replace(final)
        errors = validate.problems(final)
        if errors:
            raise CommandError("The package did not validate:\n" + "\n".join(errors))
        self.stdout.write(
            f"{final}: {built.cases} cases, {built.files} files, {built.size} bytes, "
            f"SHA-256 {built.sha256}"
        )
