"""python manage.py audit_attributions [--json] [--kind K ...] [--limit N] [--careers]"""

import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from meetings.core.audit import KINDS
from meetings.core.corrections import CorrectionsError, load_corrections_file
from meetings.editorial.audit import build_report


class Command(BaseCommand):
    help = (
        "An editor's report of attributions that deserve a human look: names that may not be "
        "people, one person under two names, two people under one, long generic turns, roles "
        "that are not offices. Reads only."
    )

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help='print {"summary": …, "findings": […]}')
        parser.add_argument("--kind", action="append", choices=KINDS, help="only this kind (repeatable)")
        parser.add_argument("--limit", type=int, default=None, help="at most N findings of each kind")
        parser.add_argument(
            "--people",
            metavar="FILE",
            default=None,
            help="the editors' people file: what it decided is not listed again (default: PEOPLE_FILE)",
        )
        parser.add_argument(
            "--careers",
            action="store_true",
            help="may-be-two-people also lists unrelated roles held one after the other",
        )

    def handle(self, *args, **options):
        people_file = options["people"] or settings.PEOPLE_FILE
        try:
            corrections = load_corrections_file(people_file) if people_file else None
        except (CorrectionsError, OSError) as exc:
            raise CommandError(f"people file: {exc}") from None
        report = build_report(careers=options["careers"]).without_decided(corrections)
        kinds = set(options["kind"] or ())
        totals = {k: n for k, n in report.summary.items() if not kinds or k in kinds}
        shown = report.filtered(kinds, options["limit"])
        if options["json"]:
            self.stdout.write(json.dumps(shown.as_dict(totals), ensure_ascii=False, indent=2))
            return
        self.stdout.write("Attribution audit: " + ", ".join(f"{k} {n}" for k, n in totals.items()))
        for kind, total in totals.items():
            mine = [f for f in shown.findings if f.kind == kind]
            if not total:
                continue
            more = f" (first {len(mine)})" if len(mine) < total else ""
            self.stdout.write(f"\n== {kind}: {total}{more}")
            for f in mine:
                self.stdout.write(f"\n* {f.summary}")
                for line in f.evidence:
                    self.stdout.write(f"    - {line}")
                for link in f.links:
                    self.stdout.write(f"    {link}")
