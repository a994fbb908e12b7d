"""Failed sign-in attempts, kept in the database so every gunicorn worker counts the same ones."""
from django.db import models


class FailedLogin(models.Model):
    """One failed sign-in: from where, for which user name, when. Rows older than the window are pruned."""

    ip = models.CharField(max_length=45, db_index=True)
    username = models.CharField(max_length=150, db_index=True)
    at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self):
        return f"{self.username} from {self.ip} at {self.at:%Y-%m-%d %H:%M:%S}"
