"""docs/nginx.conf is a configuration nginx accepts, not just a sketch."""

import shutil
import subprocess
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[1] / "docs"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


@pytest.mark.skipif(not Path(NGINX).exists(), reason="nginx is not installed")
def test_the_documented_nginx_configuration_passes_nginx_t(tmp_path):
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-subj", "/CN=poes.example", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    # Only the places that belong to a real host change: certificate, logs, cache folder.
    site = (
        (DOCS / "nginx.conf")
        .read_text()
        .replace(
            "# ssl_certificate / ssl_certificate_key: your certificate",
            f"ssl_certificate {cert}; ssl_certificate_key {key};",
        )
        .replace("/var/log/nginx/", f"{tmp_path}/")
        .replace("/var/cache/nginx/poes", str(tmp_path / "cache"))
    )
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n    include /etc/nginx/mime.types;\n    include {tmp_path}/site.conf;\n}}\n"
    )
    result = subprocess.run(
        [NGINX, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
