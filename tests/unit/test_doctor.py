"""`make test` on a machine without Chromium installs it (as root) or stops at once with the command to run."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCTOR = ROOT / "scripts" / "doctor.py"


def machine(tmp_path, chromium=False, fonts=True, root=False, apt=False):
    """An environment describing a machine: where Chromium would be, its fonts, whether we are root, apt-get."""
    browser = tmp_path / "bin" / "chromium"
    browser.parent.mkdir(exist_ok=True)
    fonts_dir = tmp_path / "fonts"
    fonts_dir.mkdir(exist_ok=True)
    if chromium:
        browser.write_text("#!/bin/sh\n")
        browser.chmod(0o755)
    if fonts:
        (fonts_dir / "NotoNaskhArabic-Regular.ttf").write_bytes(b"")
    path = [str(tmp_path / "sbin")] if apt else []
    if apt:
        # apt-get as Debian's would leave the machine: the packages it was asked for, installed.
        (tmp_path / "sbin").mkdir(exist_ok=True)
        fake = tmp_path / "sbin" / "apt-get"
        fake.write_text(f"""#!/bin/sh
echo "$@" >> {tmp_path}/apt.log
case "$*" in *install*chromium*) printf '#!/bin/sh\\n' > {browser}; chmod +x {browser};; esac
case "$*" in *install*fonts-noto-core*) : > {fonts_dir}/NotoNaskhArabic-Regular.ttf;; esac
""")
        fake.chmod(0o755)
    return {**os.environ, "CHROMIUM_PATH": str(browser), "DOCTOR_FONT_DIRS": str(fonts_dir),
            "DOCTOR_AS_ROOT": "1" if root else "0",
            "PATH": os.pathsep.join(path + ["/usr/bin", "/bin"])}


def ensure(env):
    return subprocess.run([sys.executable, str(DOCTOR), "--ensure-browser"], env=env, capture_output=True,
                          text=True, timeout=60)


def test_a_machine_with_chromium_and_fonts_goes_on_silently(tmp_path):
    done = ensure(machine(tmp_path, chromium=True))
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_without_chromium_and_not_root_it_stops_with_the_command_to_run(tmp_path):
    done = ensure(machine(tmp_path, chromium=False, apt=True))
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "sudo apt-get install chromium" in lines[0] and "CHROMIUM_PATH" in lines[0]
    assert not (tmp_path / "apt.log").exists()  # nothing was attempted


def test_as_root_it_installs_chromium_and_the_fonts_then_goes_on(tmp_path):
    done = ensure(machine(tmp_path, chromium=False, fonts=False, root=True, apt=True))
    assert done.returncode == 0, done.stderr
    assert "install" in (tmp_path / "apt.log").read_text() and "fonts-noto-core" in (tmp_path / "apt.log").read_text()
    assert os.access(tmp_path / "bin" / "chromium", os.X_OK)


def test_make_test_stops_before_installing_anything(tmp_path):
    env = machine(tmp_path, chromium=False)
    env["PATH"] = os.environ["PATH"]  # make and python as the developer has them
    done = subprocess.run(["make", "-s", "test", "VENV=" + str(tmp_path / "no-venv")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode != 0
    assert "sudo apt-get install chromium" in done.stderr
    assert not (tmp_path / "no-venv").exists()  # the suite's virtualenv was never made


def test_the_report_names_what_is_missing_and_how_to_get_it(tmp_path):
    env = machine(tmp_path, chromium=False)
    done = subprocess.run([sys.executable, str(DOCTOR)], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "missing  Chromium for the browser tests: apt-get install chromium" in done.stdout
    assert "ok       Python 3.11 or newer" in done.stdout
