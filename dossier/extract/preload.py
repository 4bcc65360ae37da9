"""Imported once by the extraction workers' forkserver (see dossier.pool): loading the language
model there, before any worker is forked, gives every worker the model in memory at start-up
instead of each spending seconds loading a copy of its own."""

from dossier import nlp

nlp.load()
