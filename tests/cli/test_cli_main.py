"""The entry point: exit codes and one-line errors."""

from __future__ import annotations


def test_exit_code_of_a_failing_command_reaches_the_shell(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = f"sqlite:///{tmp_path / 'x.db'}"
    r = cli("article", "999999", db=db)
    assert r.returncode != 0
    assert "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_usage_error_is_one_message_and_status_2(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("--no-such-option")
    assert r.returncode == 2
    assert "No such option" in r.stderr
    assert "Traceback" not in r.stderr


def test_db_before_the_command(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "before.db"
    (tmp_path / "none").mkdir()
    r = cli("--db", f"sqlite:///{db}", "ingest", str(tmp_path / "none"))
    assert r.returncode == 0, r.stderr
    assert db.exists()
    r = cli("--db", f"sqlite:///{db}", "articles", "--format", "json")
    assert r.returncode == 0 and r.stdout.strip() == "[]", r.stderr


def test_typer_exit_code_is_not_swallowed(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A command ending in ``typer.Exit(3)`` must leave the process with status 3."""
    import typer

    from strikewatch import cli as cli_module

    @cli_module.app.command("_exit3", hidden=True)
    def _exit3() -> None:
        raise typer.Exit(3)

    monkeypatch.setattr("sys.argv", ["strikewatch", "_exit3"])
    try:
        cli_module.main()
    except SystemExit as exc:
        assert exc.code == 3
    else:
        raise AssertionError("main() returned instead of exiting with status 3")
    finally:
        cli_module.app.registered_commands[:] = [
            c for c in cli_module.app.registered_commands if c.name != "_exit3"
        ]
