"""The web workbench: server-rendered pages and a JSON API over the same views."""
