"""Sociale kaart benchmark: nearest-service search time, and the search page under wrk.

Run by hand when the machine is calm (`uptime`):

    .venv/bin/python benchmarks/kaart.py            # search times and wrk
    .venv/bin/python benchmarks/kaart.py --no-wrk   # search times only

Services are generated uniformly across the Netherlands' bounding box; each query asks for
the 50 nearest (what /nl/hulp lists) from a random point. The page benchmark serves the
shipped listings and gazetteer from a fresh SQLite database with gunicorn on loopback.
"""

import argparse
import os
import platform
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sociale_kaart.finding import NEAREST_LIMIT
from sociale_kaart.nearest import Located, NearestIndex

ROOT = Path(__file__).resolve().parents[1]
SIZES = (100, 1_000, 10_000, 100_000)
LATITUDES, LONGITUDES = (50.75, 53.55), (3.35, 7.2)


def search_times(size: int, queries: int, rng: random.Random) -> dict:
    """Return build time and median/p99 query time (ms) for an index of `size` services."""
    points = [Located(i, rng.uniform(*LATITUDES), rng.uniform(*LONGITUDES)) for i in range(size)]
    started = time.perf_counter()
    index = NearestIndex(points)
    build = (time.perf_counter() - started) * 1000
    times = []
    for _ in range(queries):
        here = (rng.uniform(*LATITUDES), rng.uniform(*LONGITUDES))
        started = time.perf_counter()
        index.nearest(*here, limit=NEAREST_LIMIT)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {
        "size": size,
        "build_ms": build,
        "median_ms": statistics.median(times),
        "p99_ms": times[int(len(times) * 0.99) - 1],
    }


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def page_rate(seconds: int, connections: int) -> str:
    """Serve the site with gunicorn on loopback and return wrk's summary for /nl/hulp?q=..."""
    if not shutil.which("wrk"):
        return "wrk is not installed (apt-get install -y wrk)"
    instance = Path(tempfile.mkdtemp(prefix="kaart-bench-"))
    env = dict(
        os.environ,
        INSTANCE_PATH=str(instance),
        DATABASE_URL=f"sqlite:///{instance / 'bench.sqlite3'}",
        GEOCODER_URL="",
        SECRET_KEY="benchmark",
    )
    flask = [str(ROOT / ".venv/bin/flask"), "--app", "website"]
    for command in (["db", "upgrade"], ["kaart", "import"], ["kaart", "gazetteer"]):
        subprocess.run(flask + command, env=env, check=True, capture_output=True)
    port = _free_port()
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "-w",
            "2",
            "-b",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "website:create_app()",
        ],
        env=env,
        cwd=instance,  # not the repository: its gunicorn.conf.py logs every request
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        lines = []
        for path in ("/nl/hulp?q=Groenlo", "/nl/hulp?q=Zwolle&categorie=verslavingszorg"):
            out = subprocess.run(
                [
                    "wrk",
                    "-t2",
                    f"-c{connections}",
                    f"-d{seconds}s",
                    f"http://127.0.0.1:{port}{path}",
                ],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            rate = next(line for line in out.splitlines() if line.startswith("Requests/sec"))
            latency = next(line for line in out.splitlines() if "Latency" in line)
            lines.append(f"{path}: {rate.split()[-1]} requests/s; latency {latency.split()[1]} avg")
        return "\n".join(lines)
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(instance, ignore_errors=True)


def main() -> None:
    """Print the numbers as Markdown, with the machine and date."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--no-wrk", action="store_true")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=10)
    args = parser.parse_args()
    rng = random.Random(2025)
    print(
        f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; {time.strftime('%Y-%m-%d %H:%M')}; "
        f"load {os.getloadavg()[0]:.2f}"
    )
    print("\n| services | build index | median per query | p99 per query |\n|---:|---:|---:|---:|")
    for size in SIZES:
        r = search_times(size, args.queries, rng)
        print(
            f"| {size:,} | {r['build_ms']:.1f} ms | {r['median_ms']:.3f} ms "
            f"| {r['p99_ms']:.3f} ms |"
        )
        sys.stdout.flush()
    if not args.no_wrk:
        print("\n" + page_rate(args.seconds, args.connections))


if __name__ == "__main__":
    main()
