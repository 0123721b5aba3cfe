"""Speed benchmark: the app alone, nginx serving static copies, and nginx's cache before the app.

Run by hand, on a quiet machine: `.venv/bin/python benchmarks/load.py` (see docs/performance.md).
Everything listens on 127.0.0.1 only, every wrk run is bounded in time, and every process this
script starts is stopped when it ends, also on an error or Ctrl+C. Needs Debian's nginx and wrk
(`apt-get install -y nginx wrk`).
"""

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
PAGES = {
    "home": "/nl/",
    "content": "/nl/3-mmc/wat-is-het",
    "checker": "/nl/combinaties?a=3-mmc&b=alcohol",
}
LATENCY_RE = re.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, timeout: float = 5) -> tuple[int, bytes]:
    """GET a URL and return its status and body, also for an error status."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def wait_until_up(url: str, seconds: float = 30) -> None:
    """Wait until a server answers, or fail after some seconds."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            fetch(url, timeout=1)
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


class Processes:
    """The servers this run started; stop() ends each of them and nothing else."""

    def __init__(self) -> None:
        self.running: list[subprocess.Popen] = []

    def start(self, args: list[str], log: Path, **kwargs) -> subprocess.Popen:
        """Start a process in its own session, its output going to a log file."""
        with log.open("wb") as out:
            process = subprocess.Popen(
                args, stdout=out, stderr=subprocess.STDOUT, start_new_session=True, **kwargs
            )
        self.running.append(process)
        return process

    def stop(self) -> None:
        """Ask each process group to stop, then kill what is left after 10 s."""
        for process in self.running:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.running:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def prepare_database(env: dict) -> None:
    """Create the SQLite database in the temporary instance folder and import content/."""
    flask = [sys.executable, "-m", "flask", "--app", "website"]
    for command in (["db", "upgrade"], ["content", "import"]):
        subprocess.run(flask + command, env=env, cwd=REPO_ROOT, check=True, timeout=120)


def start_app(processes: Processes, env: dict, port: int, workdir: Path, extra: list[str]) -> str:
    """Start the site under gunicorn with gunicorn.conf.py, on a free loopback port."""
    env = env | {"GUNICORN_BIND": f"127.0.0.1:{port}"}
    env["GUNICORN_ACCESS_LOG"] = str(workdir / "gunicorn-access.log")
    args = [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", *extra]
    args.append("website:create_app()")
    processes.start(args, workdir / "gunicorn.log", env=env, cwd=REPO_ROOT)
    base = f"http://127.0.0.1:{port}"
    wait_until_up(base + "/robots.txt")
    return base


def write_static_copies(app_base: str, pages: dict[str, str], root: Path) -> None:
    """Fetch each page once from the app and write it as a plain file for nginx."""
    root.mkdir(parents=True)
    for name, path in pages.items():
        status, body = fetch(app_base + path)
        assert status == 200, f"{path} answered {status}"
        (root / f"{name}.html").write_bytes(body)


def docs_cache_directives() -> tuple[str, list[str]]:
    """Return docs/nginx.conf's proxy_cache_path line and the proxy directives of `location /`."""
    text = (REPO_ROOT / "docs" / "nginx.conf").read_text()
    cache_path = next(
        line.strip() for line in text.splitlines() if line.startswith("proxy_cache_path")
    )
    block = text.split("location / {", 1)[1].split("}", 1)[0]
    directives = [line.strip() for line in block.splitlines() if line.strip().startswith("proxy_")]
    return cache_path, directives


def nginx_config(workdir: Path, app_port: int, static_port: int, cache_port: int) -> str:
    """Write nginx's configuration: static copies on one port, the cached app on another."""
    cache_path, directives = docs_cache_directives()
    cache_path = cache_path.replace("/var/cache/nginx/poes", str(workdir / "nginx-cache"), 1)
    temp_paths = "\n".join(
        f"    {kind}_temp_path {workdir / ('nginx-' + kind)};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    # As root, nginx's workers would run as nobody and could not write the temporary cache.
    user = "user root;\n" if os.geteuid() == 0 else ""
    proxy = "\n".join(f"        {line}" for line in directives)
    return f"""{user}worker_processes auto;
pid {workdir / "nginx.pid"};
error_log {workdir / "nginx-error.log"} crit;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    sendfile on;
    tcp_nopush on;
{temp_paths}
    log_format no_address '- - - [$time_local] "$request" $status $body_bytes_sent $request_time';
    access_log {workdir / "nginx-access.log"} no_address;
    gzip on;
    gzip_types text/css application/javascript application/xml application/json image/svg+xml;
    {cache_path}
    upstream poes_app {{
        server 127.0.0.1:{app_port};
        keepalive 32;
    }}
    server {{
        listen 127.0.0.1:{static_port};
        root {workdir / "static"};
    }}
    server {{
        listen 127.0.0.1:{cache_port};
        location / {{
{proxy}
            add_header X-Cache-Status $upstream_cache_status;
        }}
    }}
}}
"""


def start_nginx(processes: Processes, workdir: Path, app_port: int) -> tuple[str, str]:
    """Start nginx for the static copies and the cache; return both base URLs."""
    static_port, cache_port = free_port(), free_port()
    config = workdir / "nginx.conf"
    config.write_text(nginx_config(workdir, app_port, static_port, cache_port))
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    processes.start(
        [nginx, "-p", str(workdir), "-c", str(config), "-g", "daemon off;"],
        workdir / "nginx.log",
    )
    static, cache = f"http://127.0.0.1:{static_port}", f"http://127.0.0.1:{cache_port}"
    wait_until_up(static + "/")
    wait_until_up(cache + "/robots.txt")
    return static, cache


def assert_cached(url: str) -> None:
    """Fill nginx's cache with a page and check that the next request is a cache hit."""
    fetch(url)
    with urllib.request.urlopen(url, timeout=5) as response:
        status = response.headers.get("X-Cache-Status")
    if status != "HIT":
        raise RuntimeError(f"nginx did not cache {url}: X-Cache-Status {status}")


def run_wrk(url: str, seconds: int, connections: int, threads: int) -> dict:
    """Run wrk against one URL for a bounded time; return requests/s and p50/p99 in ms."""
    args = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    out = subprocess.run(
        args, capture_output=True, text=True, check=True, timeout=seconds + 30
    ).stdout
    latency = {q: float(v) * UNIT_MS[unit] for q, v, unit in LATENCY_RE.findall(out)}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    return {
        "requests_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50_ms": latency["50"],
        "p99_ms": latency["99"],
        "bad_responses": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
    }


def report(results: dict[str, dict[str, dict]]) -> str:
    """Return the results as a Markdown table, with each target's ratio to static."""
    lines = [
        "| page | served by | requests/s | p50 ms | p99 ms | share of static |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for page, by_target in results.items():
        static = by_target["static"]["requests_per_s"]
        for target, r in by_target.items():
            flags = (
                f" (errors: {r['bad_responses']}, {r['socket_errors']})"
                if r["bad_responses"] or r["socket_errors"]
                else ""
            )
            lines.append(
                f"| {page} | {target} | {r['requests_per_s']:.0f}{flags} | {r['p50_ms']:.2f} "
                f"| {r['p99_ms']:.2f} | {r['requests_per_s'] / static:.0%} |"
            )
    return "\n".join(lines)


def measure(urls: dict[str, str], options: argparse.Namespace) -> dict[str, dict]:
    """Run wrk on one page from each target; targets take turns, each keeps its best round.

    Taking turns means a burst of other work on the machine hits all three alike.
    """
    assert_cached(urls["cache"])
    for url in urls.values():  # warm up: each gunicorn worker compiles its templates once
        run_wrk(url, options.warmup, options.connections, options.threads)
    best: dict[str, dict] = {}
    for round_ in range(1, options.rounds + 1):
        for target, url in urls.items():
            print(f"wrk {options.seconds}s: {url} ({target}), round {round_}", flush=True)
            run = run_wrk(url, options.seconds, options.connections, options.threads)
            if target not in best or run["requests_per_s"] > best[target]["requests_per_s"]:
                best[target] = run
    return best


def benchmark(workdir: Path, options: argparse.Namespace, processes: Processes) -> dict:
    """Start the app and nginx in workdir and measure every page that answers."""
    (workdir / "instance").mkdir()
    env = os.environ | {
        "INSTANCE_PATH": str(workdir / "instance"),
        "DATABASE_URL": f"sqlite:///{workdir / 'instance' / 'site.sqlite3'}",
        "SECRET_KEY": "benchmark",
    }
    env.pop("FLASK_DEBUG", None)
    prepare_database(env)
    app_port = free_port()
    app = start_app(processes, env, app_port, workdir, options.gunicorn.split())
    wanted = dict(p.split("=", 1) for p in options.page) if options.page else PAGES
    pages = {n: p for n, p in wanted.items() if fetch(app + p)[0] == 200}
    for name in wanted.keys() - pages.keys():
        print(f"skipping {name} ({wanted[name]}): it does not answer 200 yet")
    write_static_copies(app, pages, workdir / "static")
    static, cache = start_nginx(processes, workdir, app_port)
    return {
        name: measure(
            {"app": app + path, "static": f"{static}/{name}.html", "cache": cache + path},
            options,
        )
        for name, path in pages.items()
    }


def main() -> None:
    """Parse the options, run the benchmark, print the table; stop everything it started."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="length of each wrk run")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--warmup", type=int, default=2, help="seconds of wrk before measuring")
    parser.add_argument("--rounds", type=int, default=1, help="runs per target; best is kept")
    parser.add_argument("--gunicorn", default="", help='extra options, e.g. "-k gthread"')
    parser.add_argument("--page", action="append", metavar="NAME=PATH", help="instead of ours")
    parser.add_argument("--json", type=Path, help="also write the results here")
    options = parser.parse_args()
    for tool in ("nginx", "wrk"):
        if not (shutil.which(tool) or Path(f"/usr/sbin/{tool}").exists()):
            sys.exit(f"{tool} is missing: apt-get install -y nginx wrk")
    processes = Processes()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # so that `finally` still runs
    with tempfile.TemporaryDirectory(prefix="poes-bench-") as tmp:
        try:
            results = benchmark(Path(tmp), options, processes)
        finally:
            processes.stop()
    print("\n" + report(results))
    if options.json:
        options.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
