"""Flyer benchmark, run by hand: PDF rendering times and /q/<code> under load with wrk.

    .venv/bin/python -m benchmarks.flyers                 # SQLite in a temporary folder
    .venv/bin/python -m benchmarks.flyers --database-url postgresql+psycopg://postgres@127.0.0.1/bench
    .venv/bin/python -m benchmarks.flyers --skip-redirect # only the PDFs

Run it as a module from the repository root: as a script, this file's own name would hide
the `flyers` package.

Goals (issue 8): one flyer under 300 ms, an A4 sheet PDF for 100 points under 5 s, the
redirect at 1,000 requests/s or more at 32 connections with no count lost. wrk must be
installed (Debian: `apt-get install wrk`). Check `uptime` first: the machine must be quiet.
"""

# ruff: noqa: E402  (the guard below must run before `flyers` is imported)
import sys

if __name__ == "__main__" and not __package__:
    sys.exit("Run it from the repository root as a module: .venv/bin/python -m benchmarks.flyers")

import argparse
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import sqlalchemy as sa

from flyers.render import Flyer, render_pdf

REPO = Path(__file__).resolve().parents[1]
CONTENT = REPO / "content"
BIN = Path(sys.executable).parent


def timed(function, repeat: int) -> float:
    """Return the median wall time of function() in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_pdfs() -> dict:
    """Time one A6 flyer and one A4 sheet PDF with 100 different points."""
    one = [Flyer("Club De Kelder", "https://www.poes-info.nl/q/abcd2345", "nl")]
    hundred = [
        Flyer(f"Punt {n}", f"https://www.poes-info.nl/q/ab{n:06d}", "nl") for n in range(100)
    ]
    render_pdf(one, "a6", CONTENT)  # warm-up: imports and font metrics
    return {
        "one A6 flyer (front and back)": timed(lambda: render_pdf(one, "a6", CONTENT), 9),
        "one business card": timed(lambda: render_pdf(one, "card", CONTENT), 9),
        "A4 sheets, 100 points (50 pages)": timed(lambda: render_pdf(hundred, "sheet", CONTENT), 3),
        "A6 flyers, 100 points (200 pages)": timed(lambda: render_pdf(hundred, "a6", CONTENT), 3),
    }


def bench_in_process(requests: int = 2000) -> dict:
    """Time /q/<code> through Flask's test client on SQLite: the app's own cost, no network."""
    from website import create_app, db

    folder = Path(tempfile.mkdtemp(prefix="flyers-bench-"))
    app = create_app({"DATABASE_URL": f"sqlite:///{folder / 'b.sqlite3'}", "SECRET_KEY": "b"})
    with app.app_context():
        db.upgrade()
        import flyers

        code = flyers.create_point(name="Bench", kind="club", municipality="Benchstad").code
    client = app.test_client()
    client.get(f"/q/{code}")
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(requests):
        client.get(f"/q/{code}")
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    app.extensions["db_engine"].dispose()
    shutil.rmtree(folder, ignore_errors=True)
    return {"requests/s, one thread": requests / wall, "CPU ms per scan": cpu / requests * 1000}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_until_serving(url: str) -> None:
    """Wait until the workers answer (the master listens before they have booted)."""
    for _ in range(300):
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("gunicorn did not start")


def _flask(env: dict, *args: str) -> str:
    command = [str(BIN / "flask"), "--app", "website", *args]
    return subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout


def bench_redirect(database_url: str | None, seconds: int, connections: int, workers: int) -> dict:
    """Serve the app with gunicorn, load /q/<code> with wrk, and compare counts with requests."""
    folder = Path(tempfile.mkdtemp(prefix="flyers-bench-"))
    url = database_url or f"sqlite:///{folder / 'bench.sqlite3'}"
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "INSTANCE_PATH": str(folder),
        "SECRET_KEY": "bench",
        "GUNICORN_ACCESS_LOG": "/dev/null",
    }
    engine = sa.create_engine(url)
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:  # a clean schema for the run
            connection.execute(sa.text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    _flask(env, "db", "upgrade")
    code = _flask(
        env,
        "flyers",
        "points",
        "add",
        "--name",
        "Bench",
        "--kind",
        "club",
        "--municipality",
        "Benchstad",
    ).split()[0]
    port = _free_port()
    env.update(GUNICORN_BIND=f"127.0.0.1:{port}", GUNICORN_WORKERS=str(workers))
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "-c", str(REPO / "gunicorn.conf.py"), "website:create_app()"],
        env=env,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    target = f"http://127.0.0.1:{port}/q/{code}"
    try:
        _wait_until_serving(f"http://127.0.0.1:{port}/robots.txt")
        _wrk(target, 3, connections)  # warm-up: each worker imports and connects once
        counted_before = _counted(engine)
        output = _wrk(target, seconds, connections)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    counted = _counted(engine) - counted_before
    completed = int(re.search(r"(\d+) requests in", output).group(1))
    errors = re.search(r"Socket errors: (.*)", output)
    non_3xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    engine.dispose()
    shutil.rmtree(folder, ignore_errors=True)
    return {
        "database": engine.dialect.name,
        "requests/s": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "latency": re.search(r"Latency\s+(\S+)", output).group(1),
        "p99": re.search(r"99%\s+(\S+)", output).group(1),
        "completed": completed,
        "counted": counted,
        # A scan counted but not answered before wrk stopped is in flight, not lost:
        # lost means a completed redirect without its count.
        "lost": max(0, completed - counted),
        "socket errors": errors.group(1) if errors else "none",
        "non-3xx": int(non_3xx.group(1)) if non_3xx else 0,
    }


def _wrk(url: str, seconds: int, connections: int) -> str:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "--latency"]
    return subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout


def _counted(engine: sa.Engine) -> int:
    with engine.connect() as connection:
        query = sa.text("SELECT COALESCE(SUM(count), 0) FROM flyer_scan")
        return int(connection.execute(query).scalar())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="default: a temporary SQLite file")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    # As gunicorn.conf.py does in production: one worker per core, plus one.
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) + 1)
    parser.add_argument("--skip-redirect", action="store_true")
    args = parser.parse_args()
    print(
        f"{time.strftime('%Y-%m-%d %H:%M')}  {platform.node()}  nproc={os.cpu_count()}  "
        f"load={os.getloadavg()[0]:.2f}  python={platform.python_version()}"
    )
    for name, seconds in bench_pdfs().items():
        print(f"{name:<36} {seconds * 1000:8.0f} ms")
    for name, value in bench_in_process().items():
        print(f"/q/<code> in process: {name:<24} {value:8.2f}")
    if not args.skip_redirect:
        result = bench_redirect(args.database_url, args.seconds, args.connections, args.workers)
        print(
            f"/q/<code> with wrk: {args.connections} connections, {args.seconds} s, "
            f"{args.workers} gunicorn workers"
        )
        for key, value in result.items():
            print(f"  {key:<14} {value}")


if __name__ == "__main__":
    main()
