"""Facts for bench/heldout4/long.jsonl: one row per scored strike, restated from the TBIJ reference files
(workbook sheet "Drone strikes data" for Pakistan, tbij_all_countries_with_coordinates.csv for the rest).
Fields: id, country, date, village (as written), district (as the text names it, or None), province (as written),
admin2 (expected, gazetteer spelling), admin1, place (expected), kmin, kmax, cmin, cmax, chmin, chmax, inj (lo, hi)
or None, target (or None), note.  cmin/chmin None means the text only gives "as many as N"."""

PK = "PK"
AF = "AF"
YE = "YE"
SO = "SO"

# id, country, date, village, district-as-written, province-as-written, admin2, admin1, place, kmin, kmax,
# civ (lo, hi) or None, children (lo, hi) or None, injured (lo, hi) or None, target
SINGLES = [
    ("Ob259", PK, "2012-01-23", "Char Khel", "North Waziristan", "Khyber Pakhtunkhwa", "North Waziristan", None, "Char Khel", 0, 2, None, None, None, None),
    ("Ob267", PK, "2012-03-13", "Shawa", "North Waziristan", None, "North Waziristan", None, "Shawa", 6, 7, None, None, (3, 3), None),
    ("Ob325", PK, "2013-09-22", "Shawal", "South Waziristan", None, "South Waziristan", None, "Shawal", 6, 7, None, None, (2, 4), None),
    ("B30", PK, "2008-10-03", "Datta Khel", "North Waziristan", None, "North Waziristan", None, "Datta Khel", 3, 3, (3, 3), (1, 1), (5, 5), None),
    ("Ob2", PK, "2009-01-23", "Ganki Khel", "South Waziristan", None, "South Waziristan", None, "Ganki Khel", 5, 10, (5, 10), (3, 4), (2, 2), None),
    ("Ob7", PK, "2009-03-15", "Jani Khel", "Frontier Region Bannu", None, "FR Bannu", None, "Jani Khel", 2, 6, None, None, (3, 3), "Taj Ali Khan"),
    ("Ob9", PK, "2009-03-26", "Sokhel", "North Waziristan", None, "North Waziristan", None, "Sokhel", 4, 5, (None, 5), None, (5, 5), None),
    ("Ob15", PK, "2009-05-09", "Tabbi Langhar Khel", "South Waziristan", None, "South Waziristan", None, "Tabbi Langhar Khel", 6, 25, (None, 4), None, (7, 10), "Baitullah Mehsud"),
    ("Ob24", PK, "2009-07-07", "Makeen", "South Waziristan", None, "South Waziristan", None, "Makeen", 14, 18, None, None, (10, 10), None),
    ("Ob29", PK, "2009-08-05", "Ladha", "South Waziristan", None, "South Waziristan", None, "Ladha", 1, 12, (1, 4), None, (5, 5), "Baitullah Mehsud"),
    ("Ob33", PK, "2009-09-07", "Machi Khel", "North Waziristan", None, "North Waziristan", None, "Machi Khel", 5, 8, (3, 3), None, (2, 7), "Ilyas Kashmiri"),
    ("Ob36", PK, "2009-09-24", "Mir Ali", "North Waziristan", None, "North Waziristan", None, "Mir Ali", 10, 12, None, None, (5, 5), None),
    ("Ob50", PK, "2009-12-18", "Babrak Ziarat", "North Waziristan", None, "North Waziristan", None, "Babrak Ziarat", 5, 8, (5, 5), None, (4, 5), None),
    ("Ob57", PK, "2010-01-08", "Tappi", "North Waziristan", None, "North Waziristan", None, "Tappi", 5, 6, (5, 5), (1, 1), (3, 3), "Hafiz Gul Bahadur"),
    ("Ob83", PK, "2010-03-31", "Tappi", "North Waziristan", None, "North Waziristan", None, "Tappi", 5, 6, (5, 6), (1, 1), (2, 2), None),
    ("Ob95", PK, "2010-05-28", "Mizai Nari", "South Waziristan", None, "South Waziristan", None, "Mizai Nari", 8, 12, (None, 11), None, (4, 4), None),
    ("Ob102", PK, "2010-07-15", "Sheerani", "North Waziristan", None, "North Waziristan", None, "Sheerani", 9, 14, (None, 7), None, (3, 3), None),
    ("Ob113", PK, "2010-08-27", "Taaloo Ganj", "Kurram", None, "Kurram", None, "Taaloo Ganj", 2, 3, None, None, None, None),
    ("Ob149", PK, "2010-10-18", "Datta Khel", "North Waziristan", None, "North Waziristan", None, "Datta Khel", 6, 7, (1, 1), (1, 1), (1, 6), None),
    ("Ob173", PK, "2010-12-17", "Nakai", "Khyber", None, "Khyber", None, "Nakai", 11, 15, None, None, (2, 2), None),
    # Afghanistan
    ("AFG011", AF, "2015-02-08", "Azankarez", "Kajak", "Helmand", "Kajak", "Helmand", "Azankarez", 6, 8, None, None, None, None),
    ("AFG036", AF, "2015-05-31", "Baraki Barak", "Baraki Barak", "Logar", "Baraki Barak", "Logar", "Baraki Barak", 2, 3, (None, 3), (None, 2), None, None),
    ("AFG041", AF, "2015-06-05", "Ali Shir", "Tere Zayi", "Khost", "Tere Zayi", "Khost", "Ali Shir", 14, 14, (14, 14), None, None, None),
    ("AFG057", AF, "2015-06-30", "Machi Megi", "Lal Pura", "Nangarhar", "Lal Pura", "Nangarhar", "Machi Megi", 4, 14, None, None, (12, 12), None),
    ("AFG094", AF, "2015-09-10", "Gomal", "Gomal", "Paktika", "Gomal", "Paktika", "Gomal", 5, 15, None, None, None, None),
    ("AFG107", AF, "2015-10-11", "Shorabak", None, "Kandahar", "Kandahar", "Kandahar", "Shorabak", 100, 200, None, None, (50, 50), None),
    ("AFG121", AF, "2015-11-14", "Landi Kambo", "Khogyani", "Nangarhar", "Khogyani", "Nangarhar", "Landi Kambo", 12, 13, None, None, None, None),
    ("AFG138", AF, "2016-01-08", "Maktab", "Achin", "Nangarhar", "Achin", "Nangarhar", "Maktab", 17, 20, None, None, (2, 2), None),
    ("AFG142", AF, "2016-01-09", "Shigal", "Shigal", "Kunar", "Shigal", "Kunar", "Shigal", 10, 10, (1, 1), (1, 1), None, None),
    ("AFG162", AF, "2016-02-04", "Daman", None, "Paktika", "Paktika", "Paktika", "Daman", 10, 15, None, None, None, None),
    # Yemen
    ("YEM196", YE, "2015-06-25", "Mukalla", None, "Hadramout", "Hadramawt", "Hadramawt", "Mukalla", 4, 5, None, None, (2, 2), None),
    ("YEM201", YE, "2015-07-29", "Wadi Dikha", None, "Abyan", "Abyan", "Abyan", "Wadi Dikha", 4, 5, None, None, None, None),
    ("YEM213", YE, "2016-02-03", "Rawda", "Rawda", "Shabwa", "Ar Rawdah", "Shabwah", "Rawda", 6, 6, None, None, None, None),
    ("YEM218", YE, "2016-03-22", "Hajr", "Hajr", "Hadramout", "Hajr", "Hadramawt", "Hajr", 50, 71, None, None, (28, 28), None),
    ("YEM221", YE, "2016-03-28", "Mukalla", None, "Hadramout", "Hadramawt", "Hadramawt", "Mukalla", 5, 5, (3, 3), None, None, None),
    ("YEM239", YE, "2016-08-04", "Azzan", None, "Shabwa", "Shabwah", "Shabwah", "Azzan", 2, 4, None, None, (2, 2), None),
    ("YEM249", YE, "2016-10-18", None, None, "Shabwa", "Shabwah", "Shabwah", None, 3, 8, None, None, (2, 2), None),
    ("YEM269", YE, "2017-04-23", "Said", "Said", "Shabwa", "As Said", "Shabwah", "Said", 3, 8, (3, 8), None, None, None),
    ("YEM273", YE, "2017-05-23", "Al Sirim", None, "Marib", "Marib", "Marib", "Al Sirim", 7, 12, (5, 5), (None, 1), (5, 5), None),
    ("YEM303", YE, "2018-03-09", "Al Abr", "Al Abr", "Hadramout", "Al Abr", "Hadramawt", "Al Abr", 6, 6, (None, 6), None, None, None),
    # Somalia
    ("SOM022", SO, "2015-01-31", "Dugule", None, "Lower Shabelle", "Lower Shabelle", "Lower Shabelle", "Dugule", 40, 60, None, None, None, None),
    ("SOM030", SO, "2015-12-21", "Kuntuwarey", None, "Lower Shabelle", "Lower Shabelle", "Lower Shabelle", "Kuntuwarey", 5, 5, None, None, None, None),
    ("SOM036", SO, "2016-04-06", "Jilib", None, "Middle Juba", "Middle Juba", "Middle Juba", "Jilib", 8, 8, None, None, None, None),
    ("SOM037", SO, "2016-04-11", None, None, "Lower Juba", "Lower Juba", "Lower Juba", None, 8, 12, (3, 3), None, None, None),
    ("SOM044", SO, "2016-09-28", "Galkayo", None, "Mudug", "Mudug", "Mudug", "Galkayo", 10, 22, (None, 2), None, (3, 3), None),
    ("SOM049", SO, "2017-07-04", "Luglaw", None, "Lower Juba", "Lower Juba", "Lower Juba", "Luglaw", 10, 13, None, None, (10, 10), None),
    ("SOM058", SO, "2017-08-16", "Jilib", None, "Middle Juba", "Middle Juba", "Middle Juba", "Jilib", 7, 7, (None, 7), None, None, None),
    ("SOM086", SO, "2018-02-21", "Jamaame", None, "Lower Juba", "Lower Juba", "Lower Juba", "Jamaame", 4, 5, (None, 2), None, None, None),
    ("SOM098", SO, "2018-06-02", "Bosaso", None, "Bari", "Bari", "Bari", "Bosaso", 27, 27, None, None, None, None),
    ("SOM109", SO, "2018-10-12", "Harardhere", None, "Mudug", "Mudug", "Mudug", "Harardhere", 60, 60, None, None, None, None),
]

# two strikes on one day: (first, second); the first is scored
PAIRS = [
    (("Ob78", PK, "2010-03-17", "Hamzoni", "North Waziristan", None, "North Waziristan", None, "Hamzoni", 3, 5, None, None, (4, 4), None),
     ("Ob79", "Mizar Madakhel", 5, 5, None)),
    (("Ob91", PK, "2010-05-11", "Datta Khel", "North Waziristan", None, "North Waziristan", None, "Datta Khel", 8, 14, (None, 4), None, (12, 12), None),
     ("Ob92", "Gurwak", 7, 15, (4, 4))),
    (("Ob123", PK, "2010-09-14", "Bushnarai", "North Waziristan", None, "North Waziristan", None, "Bushnarai", 11, 12, None, None, (4, 4), None),
     ("Ob124", "Qutab Khel", 1, 4, (4, 4))),
    (("Ob137", PK, "2010-10-02", "Asar", "North Waziristan", None, "North Waziristan", None, "Asar", 8, 10, None, None, (2, 4), None),
     ("Ob138", "Inzarkas", 7, 14, (2, 2))),
    (("Ob140", PK, "2010-10-06", "Miram Shah", "North Waziristan", None, "North Waziristan", None, "Miram Shah", 5, 11, None, None, (4, 4), None),
     ("Ob141", "Hurmuz", 3, 5, (3, 3))),
    (("Ob143", PK, "2010-10-08", "Mohammad Khel", "North Waziristan", None, "North Waziristan", None, "Mohammad Khel", 4, 6, None, None, None, None),
     ("Ob144", "Char Khel", 5, 8, None)),
    (("Ob157", PK, "2010-11-07", "Ghulam Khan", "North Waziristan", None, "North Waziristan", None, "Ghulam Khan", 8, 9, None, None, (2, 2), None),
     ("Ob158", "Datta Khel", 3, 6, (1, 4))),
    (("Ob60", PK, "2010-01-15", "Zanani", "North Waziristan", None, "North Waziristan", None, "Zanani", 5, 10, None, None, (3, 3), None),
     ("Ob61", "Shaktoi", 6, 10, None)),
    (("AFG110", AF, "2015-10-23", "Nazyan", "Nazyan", "Nangarhar", "Nazyan", "Nangarhar", "Nazyan", 6, 6, None, None, (3, 3), None),
     ("AFG111", "Achin", 8, 10, None)),
    (("YEM227", YE, "2016-04-25", "Zinjibar", None, "Abyan", "Abyan", "Abyan", "Zinjibar", 3, 6, None, None, None, None),
     ("YEM228", "Azzan", 2, 10, None)),
]
