"""The aliases keyed again by the identity code of today (identity.alias_fields), for the
migrations that follow a change of how names are read or folded: only the aliases whose fields
change are written; where an alias's new key is already another's (a person stored twice under
two spellings), it keeps its key and the two people stay apart (the editorial file merges them).
Django loads no migration from a module whose name starts with "_"."""


def rekey(apps, schema_editor):
    from meetings.core.identity import alias_fields

    ParticipantAlias = apps.get_model("meetings", "ParticipantAlias")
    taken = set(ParticipantAlias.objects.values_list("key", flat=True))
    changed = []
    for alias in ParticipantAlias.objects.only(
        "pk", "key", "folded", "surname", "initial", "written"
    ).iterator():
        fields = alias_fields(alias.written)
        if fields["key"] != alias.key:
            if fields["key"] in taken:
                fields["key"] = alias.key
            else:
                taken.add(fields["key"])
        if any(getattr(alias, name) != value for name, value in fields.items()):
            for name, value in fields.items():
                setattr(alias, name, value)
            changed.append(alias)
    ParticipantAlias.objects.bulk_update(changed, ["key", "folded", "surname", "initial"], batch_size=1000)
