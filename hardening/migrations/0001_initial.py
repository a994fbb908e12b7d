"""The failed sign-in log that admin login throttling counts."""

from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
    ]

    operations = [
        migrations.CreateModel(
            name='FailedLogin',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('ip', models.CharField(db_index=True, max_length=45)),
                ('username', models.CharField(db_index=True, max_length=150)),
                ('at', models.DateTimeField(db_index=True)),
            ],
            options={
                'ordering': ['-at'],
            },
        ),
    ]
