"""``ccw``: the workstation's command line."""

from __future__ import annotations

import argparse
import logging
import sys
from importlib.metadata import PackageNotFoundError, version

from desktop.shell.workstation import Options


def app_version() -> str:
    try:
        return version("command-center-workstation")
    except PackageNotFoundError:
        return "0+unknown"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="ccw", description="Command-center workstation.")
    ap.add_argument("--demo", action="store_true",
                    help="start the embedded reference server on a free loopback port, log "
                         "in as the demo duty officer, and stop the server on exit")
    ap.add_argument("--server", metavar="URL",
                    help="the hall's central services, e.g. http://10.1.2.3:8600")
    ap.add_argument("--profile", metavar="DIR",
                    help="profile directory: cache, outbox, audit log, settings, layouts")
    ap.add_argument("--layout", metavar="NAME", help="open this saved layout")
    ap.add_argument("--lang", choices=["zh_CN", "en"],
                    help="user-interface language (default: the system's)")
    ap.add_argument("--screens", type=int, metavar="N",
                    help="testing: simulate N monitors inside one X screen")
    ap.add_argument("--user", metavar="NAME",
                    help="user name to offer at log-in (the demo logs in as this demo user)")
    ap.add_argument("--site-config", metavar="PATH",
                    help="the hall's site configuration (default: $CCW_SITE_CONFIG, else "
                         "/etc/ccw/site.toml)")
    ap.add_argument("--debug", action="store_true",
                    help="debug logging, and log any UI-thread stall over 50 ms with its stack")
    ap.add_argument("--report-startup", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--version", action="version", version=f"ccw {app_version()}")
    args = ap.parse_args(argv)
    if args.screens is not None and not 1 <= args.screens <= 8:
        ap.error("--screens takes 1 to 8")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    from desktop.app import run  # Qt is imported only when a window is wanted

    return run(Options(server=args.server, demo=args.demo, profile=args.profile,
                       layout=args.layout, lang=args.lang, screens=args.screens,
                       user=args.user, debug=args.debug, report_startup=args.report_startup,
                       site_config=args.site_config))


if __name__ == "__main__":
    sys.exit(main())
