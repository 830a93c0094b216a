#!/usr/bin/env python3
"""Writes the LimeSurvey archive fixtures of LimeSurveyImportTests (written by us, not LimeSurvey's files).

kinds.lss               a survey with a list, a ranking, a date, a dual-scale array and an array of numbers
                        in Swedish, English and Arabic (sid 4711)
kinds_responses.lsr     two responses to it, field names in LimeSurvey's <sid>X<gid>X<qid><suffix> form
kinds_identified.lsa    the structure, the responses and a participant table (anonymized = N)
kinds_anonymous.lsa     the same survey marked anonymous, with a participant table that must not be read
traversal.lsa           an entry named ../../evil.lss
bomb.lsa                an entry of 50 MB of zeros (compression ratio about 1 000)
liar.lsa                an entry whose directory announces 100 bytes but which inflates to 1 MB

and the archive fixtures of CommandLineToolTests (../../CommandLineToolTests/Fixtures), built on its staff.lss:

units.lsa               the staff survey (anonymous) with 45 responses from units named to test Swedish order
                        (Aneby, Vänersborg, Wadköping, Zinkgruvan, Åsele, Ärla, Örebro, Östra), 3 from Kulturen
                        (with the only comments) and 2 from Skogen, pooled together into one row of 5,
                        a participant table that must not be read, and timings
units_responses.lsr     the same responses as a response file of their own, for --structure staff.lss
units_identified.lsa    the same survey, not anonymous, with a participant table of 60 invitations
bomb.lsa                an entry of 20 MB of zeros (compression ratio about 1 000)

Run from this directory: python3 make_archives.py (all fixtures) or python3 make_archives.py cli (only those
of CommandLineToolTests). The command-line archives carry a fixed date, so they are the same on every run.
"""
import random
import re
import struct
import sys
import zipfile
import zlib


def cdata(s):
    return "<![CDATA[%s]]>" % s


def table(name, rows):
    out = "<%s><rows>" % name
    for row in rows:
        out += "<row>" + "".join("<%s>%s</%s>" % (k, cdata(v), k) for k, v in row) + "</row>"
    return out + "</rows></%s>\n" % name


LANGS = ["sv", "en", "ar"]
TEXT = {
    "L1": {"sv": "Hur kom du hit?", "en": "How did you get here?", "ar": "كيف وصلت إلى هنا؟"},
    "R1": {"sv": "Rangordna åtgärderna", "en": "Rank the measures", "ar": "رتب التدابير"},
    "D1": {"sv": "Anställningsdatum", "en": "Date of employment", "ar": "تاريخ التوظيف"},
    "DS": {"sv": "Viktigt och nöjd", "en": "Important and satisfied", "ar": "مهم وراض"},
    "NM": {"sv": "Timmar per termin", "en": "Hours per term", "ar": "ساعات لكل فصل"},
}


def structure(anonymized):
    body = table("groups", [[("gid", "10"), ("sid", "4711"), ("group_order", "1")]])
    body += table("group_l10ns", [[("gid", "10"), ("group_name", {"sv": "Allmänt", "en": "General", "ar": "عام"}[l]), ("language", l)] for l in LANGS])
    questions = [("1", "L", "L1"), ("2", "R", "R1"), ("3", "D", "D1"), ("4", "1", "DS"), ("5", ":", "NM")]
    body += table("questions", [[("qid", q), ("parent_qid", "0"), ("sid", "4711"), ("gid", "10"), ("type", t), ("title", c),
                                 ("other", "N"), ("mandatory", "N"), ("question_order", q), ("scale_id", "0")] for q, t, c in questions])
    subs = [("41", "4", "SQ1", 0, {"sv": "Lön", "en": "Pay", "ar": "الراتب"}),
            ("42", "4", "SQ2", 0, {"sv": "Ledning", "en": "Management", "ar": "الإدارة"}),
            ("51", "5", "Y1", 0, {"sv": "Utbildning", "en": "Training", "ar": "تدريب"}),
            ("52", "5", "X1", 1, {"sv": "Vår", "en": "Spring", "ar": "الربيع"}),
            ("53", "5", "X2", 1, {"sv": "Höst", "en": "Autumn", "ar": "الخريف"})]
    body += table("subquestions", [[("qid", q), ("parent_qid", p), ("sid", "4711"), ("gid", "10"), ("type", "T"), ("title", c),
                                    ("question_order", q), ("scale_id", str(s))] for q, p, c, s, _ in subs])
    l10n = [[("qid", q), ("question", TEXT[c][l]), ("language", l)] for q, _, c in questions for l in LANGS]
    l10n += [[("qid", q), ("question", t[l]), ("language", l)] for q, _, _, _, t in subs for l in LANGS]
    body += table("question_l10ns", l10n)
    answers = [("1", "1", "A1", 0, {"sv": "Buss", "en": "Bus", "ar": "حافلة"}),
               ("2", "1", "A2", 0, {"sv": "Cykel", "en": "Bicycle", "ar": "دراجة"}),
               ("3", "2", "M1", 0, {"sv": "Mentorskap", "en": "Mentoring", "ar": "إرشاد"}),
               ("4", "2", "M2", 0, {"sv": "Utbildning", "en": "Training", "ar": "تدريب"}),
               ("5", "2", "M3", 0, {"sv": "Nätverk", "en": "Networks", "ar": "شبكات"}),
               ("6", "4", "1", 0, {"sv": "Oviktigt", "en": "Unimportant", "ar": "غير مهم"}),
               ("7", "4", "2", 0, {"sv": "Viktigt", "en": "Important", "ar": "مهم"}),
               ("8", "4", "1", 1, {"sv": "Missnöjd", "en": "Dissatisfied", "ar": "غير راض"}),
               ("9", "4", "2", 1, {"sv": "Nöjd", "en": "Satisfied", "ar": "راض"})]
    body += table("answers", [[("aid", a), ("qid", q), ("code", c), ("sortorder", a), ("scale_id", str(s))] for a, q, c, s, _ in answers])
    body += table("answer_l10ns", [[("aid", a), ("answer", t[l]), ("language", l)] for a, _, _, _, t in answers for l in LANGS])
    attrs = [("3", "date_min", "2000-01-01"), ("3", "date_max", "2030-12-31"), ("5", "multiflexible_min", "0"), ("5", "multiflexible_max", "40"),
             ("5", "input_boxes", "1")]
    rows = [[("qid", q), ("attribute", a), ("value", v)] for q, a, v in attrs]
    rows += [[("qid", "4"), ("attribute", a), ("value", t[l]), ("language", l)]
             for a, t in [("dualscale_headerA", {"sv": "Vikt", "en": "Importance", "ar": "الأهمية"}),
                          ("dualscale_headerB", {"sv": "Nöjdhet", "en": "Satisfaction", "ar": "الرضا"})] for l in LANGS]
    body += table("question_attributes", rows)
    body += table("surveys", [[("sid", "4711"), ("anonymized", anonymized), ("language", "sv"), ("additional_languages", "en ar")]])
    body += table("surveys_languagesettings", [[("surveyls_survey_id", "4711"), ("surveyls_language", l),
                                                 ("surveyls_title", {"sv": "Arter", "en": "Kinds", "ar": "أنواع"}[l])] for l in LANGS])
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<document><LimeSurveyDocType>Survey</LimeSurveyDocType><DBVersion>640</DBVersion>'
            "<languages>" + "".join("<language>%s</language>" % l for l in LANGS) + "</languages>\n" + body + "</document>\n")


FIELDS = ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp",
          "4711X10X1", "4711X10X21", "4711X10X22", "4711X10X23", "4711X10X3",
          "4711X10X4SQ1#0", "4711X10X4SQ1#1", "4711X10X4SQ2#0", "4711X10X4SQ2#1", "4711X10X5Y1_X1", "4711X10X5Y1_X2"]
ROWS = [
    ["1", "2024-02-04 08:26:31.140133", "1", "sv", "123", "2024-02-04 08:20:00", "2024-02-04 08:26:31",
     "A2", "M3", "M1", "M2", "2019-08-15 00:00:00", "2", "1", "1", "2", "12", "8"],
    ["2", "", "1", "ar", "456", "1980-01-01 00:00:00", "1980-01-01 00:00:00",
     "A1", "M1", None, None, None, "1", None, None, None, "", "3"],
]


def element(name):
    # As LimeSurvey's buildXMLFromQuery: a name starting with a digit gets '_', '#' becomes '-',
    # a NULL value writes no element, an empty one an empty element.
    return ("_" + name if name[0].isdigit() else name).replace("#", "-")


def responses(token=False):
    fields = FIELDS + (["token"] if token else [])
    rows = [r + (["tok%s" % r[0]] if token else []) for r in ROWS]
    out = '<?xml version="1.0" encoding="UTF-8"?>\n<document><LimeSurveyDocType>Responses</LimeSurveyDocType><DBVersion>640</DBVersion>'
    out += "<languages><language>sv</language></languages><responses><fields>"
    out += "".join("<fieldname>%s</fieldname>" % f for f in fields) + "</fields><rows>"
    for r in rows:
        out += "<row>" + "".join("" if v is None else ("<%s>%s</%s>" % (element(f), cdata(v), element(f)) if v else "<%s/>" % element(f))
                                 for f, v in zip(fields, r)) + "</row>"
    return out + "</rows></responses></document>\n"


def tokens():
    out = '<?xml version="1.0" encoding="UTF-8"?>\n<document><LimeSurveyDocType>Tokens</LimeSurveyDocType><tokens><fields>'
    out += "".join("<fieldname>%s</fieldname>" % f for f in ["tid", "firstname", "lastname", "email", "token", "completed"]) + "</fields><rows>"
    for tid, first, done in [("1", "Anna", "2024-02-04 08:26"), ("2", "Bo", "N"), ("3", "Cecilia", "N")]:
        out += "<row>" + "".join("<%s>%s</%s>" % (k, cdata(v), k) for k, v in
                                 [("tid", tid), ("firstname", first), ("lastname", "Test"), ("email", first.lower() + "@example.org"),
                                  ("token", "tok" + tid), ("completed", done)]) + "</row>"
    return out + "</rows></tokens></document>\n"


def archive(path, members):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in members:
            z.writestr(name, content)


def fixed_archive(path, members):
    # A fixed date and order: the same bytes on every run.
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in members:
            info = zipfile.ZipInfo(name, date_time=(2026, 3, 2, 12, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, content)


CLI = "../../CommandLineToolTests/Fixtures/"
UNITS = [("Aneby", 6), ("Vänersborg", 5), ("Wadköping", 5), ("Zinkgruvan", 7), ("Åsele", 5), ("Ärla", 6), ("Örebro", 6),
         ("Östra", 5), ("Kulturen", 3), ("Skogen", 2)]
# The staff survey's columns in LimeSurvey's <sid>X<gid>X<qid><suffix> form.
STAFF_FIELDS = ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp",
                "456789X1X10SQ001", "456789X1X10SQ002", "456789X1X10SQ003", "456789X2X23", "456789X2X24", "456789X2X26",
                "456789X2X27SQ001", "456789X2X27SQ002"]


def staff_rows():
    rng = random.Random(21)
    rows, n = [], 0
    for unit, count in UNITS:
        for _ in range(count):
            n += 1
            stamp = "2026-03-%02d %02d:%02d:00" % (2 + n // 20, 8 + n % 10, n % 60)
            rows.append([str(n), stamp, "2", "sv", str(1000 + n), stamp, stamp]
                        + ["AO0%d" % rng.randint(1, 5) for _ in range(3)]
                        + [unit, "Kommentar från %s" % unit if unit == "Kulturen" else "", str(rng.randint(1, 5))]
                        + [str(rng.randint(1, 5)) for _ in range(2)])
    return rows


def staff_responses(token=False):
    fields = STAFF_FIELDS + (["token"] if token else [])
    out = '<?xml version="1.0" encoding="UTF-8"?>\n<document><LimeSurveyDocType>Responses</LimeSurveyDocType><DBVersion>640</DBVersion>'
    out += "<languages><language>sv</language><language>en</language></languages><responses><fields>"
    out += "".join("<fieldname>%s</fieldname>" % f for f in fields) + "</fields><rows>\n"
    for r in staff_rows():
        values = r + (["tok%s" % r[0]] if token else [])
        out += "<row>" + "".join("<%s>%s</%s>" % (element(f), cdata(v), element(f)) if v else "<%s/>" % element(f)
                                 for f, v in zip(fields, values)) + "</row>\n"
    return out + "</rows></responses></document>\n"


def staff_tokens(count, completed):
    out = '<?xml version="1.0" encoding="UTF-8"?>\n<document><LimeSurveyDocType>Tokens</LimeSurveyDocType><tokens><fields>'
    out += "".join("<fieldname>%s</fieldname>" % f for f in ["tid", "firstname", "lastname", "email", "token", "completed"]) + "</fields><rows>"
    for tid in range(1, count + 1):
        out += "<row>" + "".join("<%s>%s</%s>" % (k, cdata(v), k) for k, v in
                                 [("tid", str(tid)), ("firstname", "Person%d" % tid), ("lastname", "Test"),
                                  ("email", "person%d@example.org" % tid), ("token", "tok%d" % tid),
                                  ("completed", "2026-03-02 12:00" if tid <= completed else "N")]) + "</row>"
    return out + "</rows></tokens></document>\n"


def cli_fixtures():
    staff = open(CLI + "staff.lss", encoding="utf-8").read()
    identified = re.sub(r"<anonymized><!\[CDATA\[Y\]\]></anonymized>", "<anonymized><![CDATA[N]]></anonymized>", staff)
    assert identified != staff
    answered = sum(count for _, count in UNITS)
    open(CLI + "units_responses.lsr", "w", encoding="utf-8").write(staff_responses())
    fixed_archive(CLI + "units.lsa", [("survey_456789.lss", staff), ("survey_456789_responses.lsr", staff_responses()),
                                      ("survey_456789_tokens.lst", staff_tokens(60, answered)),
                                      ("survey_456789_timings.lsi", "<document/>")])
    fixed_archive(CLI + "units_identified.lsa", [("survey_456789.lss", identified),
                                                 ("survey_456789_responses.lsr", staff_responses(token=True)),
                                                 ("survey_456789_tokens.lst", staff_tokens(60, answered))])
    fixed_archive(CLI + "bomb.lsa", [("survey_456789.lss", b"\0" * (20 << 20))])


cli_fixtures()
if sys.argv[1:] == ["cli"]:
    sys.exit(0)

open("kinds.lss", "w", encoding="utf-8").write(structure("N"))
open("kinds_responses.lsr", "w", encoding="utf-8").write(responses())
archive("kinds_identified.lsa", [("survey_4711.lss", structure("N")), ("survey_4711_responses.lsr", responses(token=True)),
                                 ("survey_4711_tokens.lst", tokens()), ("survey_4711_timings.lsi", "<document/>")])
archive("kinds_anonymous.lsa", [("survey_4711.lss", structure("Y")), ("survey_4711_responses.lsr", responses()),
                                ("survey_4711_tokens.lst", tokens())])
archive("traversal.lsa", [("../../evil.lss", structure("N"))])
archive("bomb.lsa", [("survey_1.lss", b"\0" * (50 << 20))])

# liar.lsa: a real deflate stream of 1 MB whose directory entries claim 100 bytes (and a matching CRC of nothing useful).
payload = zlib.compress(b"<" * (1 << 20), 9)[2:-4]
name = b"survey_1.lss"
crc = zlib.crc32(b"<" * 100)
local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(payload), 100, len(name), 0) + name + payload
central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(payload), 100, len(name), 0, 0, 0, 0, 0, 0) + name
end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(local), 0)
open("liar.lsa", "wb").write(local + central + end)
