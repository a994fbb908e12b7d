#!/usr/bin/env python3
"""make api-check: schemathesis drives the archive, served by gunicorn on the seed archive, from its OpenAPI description.

    python scripts/api_check.py [--examples 25] [--seed 20161004] [--keep]

A throwaway data directory is migrated, seeded and indexed as `make setup` does; `manage.py
serve` runs gunicorn and the index writer on a free loopback port; schemathesis reads
/api/openapi.json from it and sends requests generated from the description (valid and
invalid parameters, both languages). A failure is a 5xx, or a status code, media type, header
or JSON body the description does not give. The exit status is schemathesis's: 0 when it
found nothing. About a minute and a half on two cores with the defaults.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from operations.local_server import free_port, wait_until_up  # noqa: E402 (needs ROOT on the path)
CHECKS = ("not_a_server_error", "status_code_conformance", "content_type_conformance",
          "response_headers_conformance", "response_schema_conformance")



def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)




def archive_env(data_dir):
    """The environment of an archive of its own: SQLite in `data_dir`, never a configured database."""
    env = {**os.environ, "ARCHIVE_DATA_DIR": str(data_dir), "DJANGO_DEBUG": ""}
    for name in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE"):
        env.pop(name, None)
    return env


def schemathesis_command(base, examples, seed):
    return [str(Path(sys.executable).with_name("schemathesis")), "run", f"{base}/api/openapi.json", "--url", base,
            "--checks", ",".join(CHECKS), "--max-examples", str(examples), "--seed", str(seed),
            "--workers", "2", "--request-timeout", "30", "--suppress-health-check", "too_slow"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=int(os.environ.get("API_CHECK_EXAMPLES", "25")),
                        help="test cases per operation and phase (default 25)")
    parser.add_argument("--seed", type=int, default=int(os.environ.get("API_CHECK_SEED", "20161004")),
                        help="schemathesis's random seed: the same seed sends the same requests")
    parser.add_argument("--keep", action="store_true", help="keep the data directory and the server's log")
    options = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="api-check-"))
    env = archive_env(work / "data")
    started = time.monotonic()
    print(f"api-check: seeding an archive in {work}", flush=True)
    manage(env, "migrate", "--noinput")
    manage(env, "seed_archive")
    manage(env, "repair_index")
    manage(env, "index_writer", "--once")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = (work / "serve.log").open("wb")
    server = subprocess.Popen([sys.executable, "manage.py", "serve", "--host", "127.0.0.1", "--port", str(port),
                               "--workers", "2"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_until_up(f"{base}/healthz", server)
        print(f"api-check: serving on {base}; schemathesis with {options.examples} examples, seed {options.seed}",
              flush=True)
        # Run from the work directory: schemathesis and hypothesis keep their caches in the current one.
        outcome = subprocess.run(schemathesis_command(base, options.examples, options.seed), cwd=work, env=env)
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
    if outcome.returncode:
        errors = [line for line in (work / "serve.log").read_text(errors="replace").splitlines()
                  if '" 5' in line or "Error" in line or "Traceback" in line]
        print("api-check: the server's log, errors only:", *errors[-40:], sep="\n")
    print(f"api-check: {'failed' if outcome.returncode else 'passed'} in {time.monotonic() - started:.0f} s")
    if options.keep or outcome.returncode:
        print(f"api-check: kept {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    return outcome.returncode


if __name__ == "__main__":
    sys.exit(main())
