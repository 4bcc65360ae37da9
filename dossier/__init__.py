"""dossier: news articles in, a cross-linked explainer site out."""

__version__ = "0.1.0"
