"""strikewatch.web"""
