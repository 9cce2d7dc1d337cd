"""Evaluation on real text: the fixed test split, the real datasets' readers and the scores.

``splits`` decides once, for every real item, whether it is test (never tuned on) or development.
``urls`` normalises urls and refuses those reserved for the project's external evaluation.
``extraction`` is ``strikewatch evaluate --set dev|acled|news|seeds``: the sets (``dev_summaries``, ACLED in
``extraction`` itself, ``news_set`` with ``strike_match``, ``seeds``), scored for our extractor and the keyword
``baseline`` alike (``predictors``), as ``tables``. ``geo_*`` score places alone.
"""
