"""The data model is declared once (strikewatch.model): a new casualty class reaches every table, model and export."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Run in a fresh interpreter: the throwaway class must be declared before anything derives from the tuple.
THROWAWAY = textwrap.dedent("""
    import csv, dataclasses, io, json
    import strikewatch.model as m

    m.CASUALTIES = (*m.CASUALTIES, m.Casualty("detained", "detained", "people"))
    m.COUNT_FIELDS, m.COUNT_COLUMNS = m.casualty_names(), m.count_columns()
    m.TRACKED_COUNT_FIELDS = m.casualty_names(tracked=True)

    from strikewatch import export
    from strikewatch.analyse.records import TrackerStrike
    from strikewatch.db.tables import DatasetStrike, EventRow, Strike
    from strikewatch.schema import Event
    from strikewatch.web.app import create_app

    buf = io.StringIO()
    export.write_csv([], buf)
    schemas = create_app("sqlite://").openapi()["components"]["schemas"]
    print(json.dumps({
        "strikes": [c.name for c in Strike.__table__.columns],
        "events": [c.name for c in EventRow.__table__.columns],
        "dataset_strikes": [c.name for c in DatasetStrike.__table__.columns],
        "event": [f.name for f in dataclasses.fields(Event)],
        "tracker": [f.name for f in dataclasses.fields(TrackerStrike)],
        "event_json": list(Event(detained_min=2).to_dict()),
        "csv": next(csv.reader(io.StringIO(buf.getvalue()))),
        "api_list_row": list(schemas["StrikeSummary"]["properties"]),
        "api_record": list(schemas["StrikeDetail"]["properties"]),
    }))
""")


def test_a_new_casualty_class_reaches_tables_api_schema_and_csv_header() -> None:
    out = subprocess.run([sys.executable, "-c", THROWAWAY], capture_output=True, text=True, cwd=ROOT, check=True)
    got = json.loads(out.stdout.strip().splitlines()[-1])
    for where, names in got.items():
        assert "detained_min" in names and "detained_max" in names, where
        # declared last: it follows munitions (or militants, where munitions is not carried) and keeps its pair
        i = names.index("detained_min")
        assert names[i + 1] == "detained_max" and names[i - 1] in ("munitions_max", "militants_max"), where
    assert got["event_json"].index("detained_max") < got["event_json"].index("target")


def test_the_type_checkers_view_is_current() -> None:
    """strikewatch/model_types.pyi is what swdev.model_types writes from the declarations."""
    from swdev.model_types import TARGET, render

    assert TARGET.read_text(encoding="utf-8") == render(), "run: python -m swdev.model_types"


def test_mypy_still_catches_a_misspelt_field(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(textwrap.dedent("""
        from strikewatch.db.tables import Strike
        from strikewatch.schema import Event

        e = Event(killed_min=3)
        ok: int | None = e.killed_max
        col = Strike.civilians_max.desc()
        bad = e.killed_mni
        bad_col = Strike.civilans_max
    """))
    r = subprocess.run([sys.executable, "-m", "mypy", "--no-error-summary", "--cache-dir", str(ROOT / ".mypy_cache"),
                        str(probe)], capture_output=True, text=True, cwd=ROOT, env={"MYPYPATH": str(ROOT),
                                                                                    "PATH": "/usr/bin:/bin"})
    errors = [line for line in r.stdout.splitlines() if "error:" in line]
    assert len(errors) == 2, r.stdout
    assert '"Event" has no attribute "killed_mni"' in errors[0]
    assert 'has no attribute "civilans_max"' in errors[1]
