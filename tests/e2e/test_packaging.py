"""Every addon builds as an ``odoo-addon-*`` wheel (whool, from its pyproject.toml and
manifest), the wheels install into a fresh virtualenv, and the Odoo of that virtualenv
finds the addons there, with no addons path pointing at this repository."""

import ast
import email
import os
import subprocess
import zipfile

from odoo_cli import ODOO_PATH, PYTHON, ROOT

PURELIB = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
ADDONS = sorted(
    path.parent.name for path in (ROOT / "addons").glob("*/__manifest__.py")
)


def run(*args, **kwargs):
    return subprocess.run(
        [str(arg) for arg in args],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
        **kwargs,
    )


def test_addons_build_as_wheels_that_odoo_finds_once_installed(tmp_path):
    wheels = tmp_path / "wheels"
    for addon in ADDONS:
        assert (ROOT / "addons" / addon / "pyproject.toml").is_file(), addon
        run(
            PYTHON, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
            "-q", "-w", wheels, ROOT / "addons" / addon,
        )  # fmt: skip
    built = {}
    for wheel in wheels.glob("*.whl"):
        with zipfile.ZipFile(wheel) as archive:
            metadata_name = next(
                n for n in archive.namelist() if n.endswith(".dist-info/METADATA")
            )
            metadata = email.message_from_bytes(archive.read(metadata_name))
            names = archive.namelist()
        addon = metadata["Name"].removeprefix("odoo-addon-")
        built[addon] = (metadata, names)
    assert sorted(built) == ADDONS

    for addon, (metadata, names) in built.items():
        manifest = ast.literal_eval(
            (ROOT / "addons" / addon / "__manifest__.py").read_text()
        )
        assert metadata["Version"].startswith(manifest["version"]), addon
        assert metadata["License"] == manifest["license"]
        # the addon's data, translations and assets are in the wheel, not only Python
        prefix = f"odoo/addons/{addon}/"
        for data_file in manifest.get("data", []):
            assert prefix + data_file in names, (addon, data_file)
        assert prefix + "i18n/zh_CN.po" in names, addon
        # each of our addons it depends on is a requirement on its wheel
        requires = set(metadata.get_all("Requires-Dist") or [])
        assert "odoo==18.0.*" in requires, (addon, requires)
        for dependency in manifest["depends"]:
            if dependency in built:
                assert f"odoo-addon-{dependency}==18.0.*" in requires, (addon, requires)

    # installed into a fresh virtualenv that sees the packages Odoo runs on
    venv = tmp_path / "venv"
    run(PYTHON, "-m", "venv", venv)
    venv_python = venv / "bin" / "python"
    odoo_site = run(PYTHON, "-c", PURELIB).stdout.strip()
    site = run(venv_python, "-c", PURELIB).stdout.strip()
    with open(os.path.join(site, "odoo_requirements.pth"), "w") as pth:
        pth.write(odoo_site + "\n")
    run(
        venv_python, "-m", "pip", "install", "-q", "--no-deps", "--no-index",
        *sorted(wheels.glob("*.whl")),
    )  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ODOO_PATH)}
    env.pop("RETAIL_ADDONS_PATH", None)
    found = run(
        venv_python,
        "-c",
        "import sys, odoo; from odoo.modules import module; "
        "odoo.tools.config.parse_config(['--addons-path', sys.argv[1]]); "
        "module.initialize_sys_path(); "
        "print('\\n'.join(f'{a} {module.get_module_path(a)}' for a in sys.argv[2:]))",
        ODOO_PATH / "addons",
        *ADDONS,
        env=env,
        cwd=tmp_path,
    ).stdout.split("\n")
    paths = dict(line.split(" ", 1) for line in found if line)
    for addon in ADDONS:
        assert paths[addon] == os.path.join(site, "odoo", "addons", addon), (
            addon,
            paths[addon],
        )
