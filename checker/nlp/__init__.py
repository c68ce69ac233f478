"""Text understanding for the semi-automatic rules (automation `S`): spaCy pipelines, the NLP lexicon's
matchers, language routing and the extractors (dates, money, quantities, people and roles).

Rule-based only: a blank English pipeline with spaCy's lookup lemmatizer (spacy-lookups-data) and a
blank Chinese one with the jieba segmenter; the words come from `rules/lexicons/nlp.yaml`. A user who
has installed a pretrained spaCy pipeline can name it in pmo-check.toml (`[nlp] en = "…"`); nothing is
ever downloaded. Loading spaCy costs about a second, so nothing here imports it until a rule reads a
text that needs it (`pipelines.pipeline`), and each helper first decides what plain patterns can.
"""
