"""PostgreSQL under-estimates how many name keys share a short prefix (4 rows estimated where
there are thousands), and then picks nested loops for common names. A larger statistics target
on the key column fixes the estimate. SQLite needs nothing."""

from django.db import migrations


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE people_namekey ALTER COLUMN key SET STATISTICS 1000")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE people_namekey ALTER COLUMN key SET STATISTICS -1")


class Migration(migrations.Migration):
    dependencies = [("people", "0002_household_plural")]
    operations = [migrations.RunPython(forwards, backwards)]
