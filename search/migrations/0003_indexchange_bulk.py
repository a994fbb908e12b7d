"""Index changes a bulk write (an import) recorded: the writer applies them after every other change."""
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('search', '0002_entityversion'),
    ]

    operations = [
        migrations.AddField(
            model_name='indexchange',
            name='bulk',
            field=models.BooleanField(default=False),
        ),
        migrations.AddIndex(
            model_name='indexchange',
            index=models.Index(fields=['bulk', 'id'], name='indexchange_bulk_id'),
        ),
    ]
