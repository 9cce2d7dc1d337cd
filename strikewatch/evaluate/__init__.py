"""Evaluation on real text: the fixed test split, the real datasets' readers and the scores.

``splits`` decides once, for every real item, whether it is test (never tuned on) or development.
``urls`` normalises urls and refuses those reserved for the project's external evaluation.
"""
