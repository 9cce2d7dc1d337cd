"""strikewatch.analyse"""
