"""python manage.py generate_corpus OUT --meetings N --seed S"""

from pathlib import Path

from django.core.management.base import BaseCommand

from meetings.core.generator import generate


class Command(BaseCommand):
    help = "Write N generated transcripts (deterministic for a seed) in the layouts the parser reads."

    def add_arguments(self, parser):
        parser.add_argument("out")
        parser.add_argument("--meetings", type=int, default=100)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, **options):
        paths = generate(Path(options["out"]), options["meetings"], options["seed"])
        size = sum(p.stat().st_size for p in paths)
        self.stdout.write(f"{len(paths)} transcripts, {size / 1e6:.1f} MB, in {options['out']}")
