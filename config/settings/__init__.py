"""Settings of the archive, read from the environment, split by concern."""
from .base import *  # noqa: F401,F403
from .data import *  # noqa: F401,F403
from .security import *  # noqa: F401,F403
from .search import *  # noqa: F401,F403
