"""Which slugs are taken, for the batch writer: many new slugs checked with few queries."""

from __future__ import annotations

from django.db.models import Model


class TakenSlugs:
    """Which slugs of `model` are taken, for `unique_slug` over many bases: the first few
    candidates of every base (base, base-2 …) in one query, any further one on its own, and the
    slugs the batch has given."""

    FIRST = 4

    def __init__(self, model: type[Model], bases: set[str]):
        self.model = model
        candidates = [b if n == 1 else f"{b}-{n}" for b in sorted(bases) for n in range(1, self.FIRST + 1)]
        self.checked = set(candidates)
        self.taken = (
            set(model.objects.filter(slug__in=candidates).values_list("slug", flat=True))
            if candidates
            else set()
        )

    def __call__(self, slug: str) -> bool:
        if slug not in self.checked:
            self.checked.add(slug)
            if self.model.objects.filter(slug=slug).exists():
                self.taken.add(slug)
        return slug in self.taken

    def add(self, slug: str) -> None:
        self.checked.add(slug)
        self.taken.add(slug)
