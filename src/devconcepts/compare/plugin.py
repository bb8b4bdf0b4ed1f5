"""Placeholder: the comparison-table plugin is being written."""
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin


class CompareConfig(Config):
    enabled = c.Type(bool, default=True)


class ComparePlugin(BasePlugin[CompareConfig]):
    pass
