"""Build the one-folder FieldKit bundle with PyInstaller and pack it.

    python installer/build.py                    # dist/fieldkit/ + dist/fieldkit-<ver>-<os>-<arch>.tar.gz
    python installer/build.py --no-archive       # the folder only
    python installer/build.py --nsis             # Windows: also run makensis on installer/fieldkit.nsi

`make installer` runs the first form. On Linux the tarball is the deliverable; on Windows
the folder is what installer/fieldkit.nsi packs into FieldKit-<ver>-setup.exe. PyInstaller
does not cross-compile: build the Windows bundle on Windows.
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import layout  # noqa: E402


def os_tag() -> str:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    machine = platform.machine().lower().replace("amd64", "x86_64")
    return f"{system}-{machine}"


def pyinstaller(dist: Path, work: Path) -> None:
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(dist), "--workpath", str(work), str(HERE / "fieldkit.spec")]
    subprocess.run(cmd, check=True, cwd=ROOT)


def make_tarball(bundle: Path, version: str) -> Path:
    out = bundle.parent / f"fieldkit-{version}-{os_tag()}.tar.gz"
    with tarfile.open(out, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=f"fieldkit-{version}")
    return out


def nsis(bundle: Path, version: str, out_dir: Path) -> Path:
    tool = shutil.which("makensis")
    if not tool:
        raise SystemExit("makensis not found (Debian: apt-get install nsis; Windows: install NSIS 3)")
    out = out_dir / f"FieldKit-{version}-setup.exe"
    numbers = [int(n) for n in re.findall(r"\d+", version)[:4]]
    version4 = ".".join(str(n) for n in (numbers + [0, 0, 0, 0])[:4])  # VIProductVersion wants 4 numbers
    subprocess.run([tool, "-V2", f"-DBUNDLE={bundle}", f"-DVERSION={version}", f"-DVERSION4={version4}",
                    f"-DOUTFILE={out}", str(HERE / "fieldkit.nsi")], check=True)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller", help="PyInstaller work folder")
    parser.add_argument("--no-archive", action="store_true", help="do not make the tarball")
    parser.add_argument("--nsis", action="store_true", help="also build the Windows installer with makensis")
    args = parser.parse_args(argv)

    t0 = time.monotonic()
    pyinstaller(args.dist, args.work)
    bundle = args.dist / layout.BUNDLE_DIR
    info = json.loads((bundle / layout.CONTENTS / layout.BUILD_INFO).read_text(encoding="utf-8"))
    lacking = layout.missing(bundle, sys.platform)
    if lacking:
        print("the bundle lacks: " + ", ".join(lacking), file=sys.stderr)
        return 1
    size = layout.size_bytes(bundle)
    print(f"bundle {bundle}: {size / 1e6:.1f} MB, FieldKit {info['version']} ({info['commit'][:12]}), "
          f"built in {time.monotonic() - t0:.0f} s")
    if not args.no_archive and sys.platform != "win32":
        tarball = make_tarball(bundle, info["version"])
        print(f"tarball {tarball}: {tarball.stat().st_size / 1e6:.1f} MB")
    if args.nsis:
        setup = nsis(bundle, info["version"], args.dist)
        print(f"installer {setup}: {setup.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
