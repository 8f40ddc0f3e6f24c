"""RTSP over TCP and UDP for the reference server's camera streams: GStreamer's RTSP server.

Runs under the *system* Python (``/usr/bin/python3``, with Debian's ``python3-gi`` and
``gir1.2-gst-rtsp-server-1.0``), started by ``streams.py``; never imported by the server.

    /usr/bin/python3 gst_rtsp.py CONFIG.json

CONFIG: ``{"host", "port", "mounts": {"/C001/main": "http://127.0.0.1:P/cam-a-main", …}}``.
Each mount relays the libVLC child's looping HTTP MPEG-TS stream of its clip as RTP H.264; a
pipeline runs only while a client watches the mount, shared by its clients. Prints ``ready``
once listening. Commands on stdin, one a line: ``fail /C001/main`` (the mount is removed and
its clients disconnected), ``ok /C001/main`` (served again); end of input stops it.
"""

from __future__ import annotations

import json
import os
import sys


def main(argv: list[str]) -> int:
    import gi

    gi.require_version("Gst", "1.0")
    gi.require_version("GstRtsp", "1.0")
    gi.require_version("GstRtspServer", "1.0")
    from gi.repository import GLib, Gst, GstRtsp, GstRtspServer

    Gst.init(None)
    config = json.loads(open(argv[1], encoding="utf-8").read())
    server = GstRtspServer.RTSPServer()
    server.set_address(config["host"])
    server.set_service(str(config["port"]))
    mounts = server.get_mount_points()
    sources: dict[str, str] = config["mounts"]
    factories: dict[str, GstRtspServer.RTSPMediaFactory] = {}
    client_paths: dict[GstRtspServer.RTSPClient, set[str]] = {}

    def factory(url: str) -> GstRtspServer.RTSPMediaFactory:
        f = GstRtspServer.RTSPMediaFactory()
        f.set_launch(f"( souphttpsrc location={url} is-live=true retries=-1 ! tsdemux ! "
                     "h264parse config-interval=-1 ! rtph264pay name=pay0 pt=96 "
                     "config-interval=-1 )")
        f.set_shared(True)
        f.set_protocols(GstRtsp.RTSPLowerTrans.TCP | GstRtsp.RTSPLowerTrans.UDP)
        return f

    def not_seekable(pad: object, info: object) -> object:
        # The source is a live relay: answer "not seekable", so PLAY with a Range header does
        # not try (and fail) to seek the demuxer.
        query = info.get_query()
        if query.type == Gst.QueryType.SEEKING:
            return Gst.PadProbeReturn.HANDLED  # handled unanswered: seekable stays false
        return Gst.PadProbeReturn.OK

    def configure(f: object, media: GstRtspServer.RTSPMedia) -> None:
        pay = media.get_element().get_by_name("pay0")
        pay.get_static_pad("sink").add_probe(Gst.PadProbeType.QUERY_UPSTREAM, not_seekable)

    for path, url in sources.items():
        factories[path] = factory(url)
        factories[path].connect("media-configure", configure)
        mounts.add_factory(path, factories[path])

    def remember(client: GstRtspServer.RTSPClient, ctx: GstRtspServer.RTSPContext) -> None:
        path = ctx.uri.abspath if ctx.uri is not None else ""
        client_paths.setdefault(client, set()).add(path.rstrip("/"))

    def connected(srv: GstRtspServer.RTSPServer, client: GstRtspServer.RTSPClient) -> None:
        for signal in ("describe-request", "setup-request", "play-request"):
            client.connect(signal, remember)
        client.connect("closed", lambda c: client_paths.pop(c, None))

    server.connect("client-connected", connected)

    def kick(path: str) -> None:
        def decide(srv: object, client: GstRtspServer.RTSPClient, *_: object) -> object:
            seen = client_paths.get(client, set())
            if any(p == path or p.startswith(path + "/") for p in seen):
                return GstRtspServer.RTSPFilterResult.REMOVE
            return GstRtspServer.RTSPFilterResult.KEEP
        server.client_filter(decide, None)

    loop = GLib.MainLoop()

    pending = bytearray()

    def command(source: object, condition: int) -> bool:
        # Read the fd itself: sys.stdin's buffer would hide lines from the watch.
        data = os.read(sys.stdin.fileno(), 65536)
        if not data:
            loop.quit()
            return False
        pending.extend(data)
        while b"\n" in pending:
            raw, _, rest = bytes(pending).partition(b"\n")
            pending[:] = rest
            verb, _, path = raw.decode().strip().partition(" ")
            if path in factories:
                if verb == "fail":
                    mounts.remove_factory(path)
                    kick(path)
                elif verb == "ok":
                    mounts.remove_factory(path)
                    mounts.add_factory(path, factories[path])
            print(f"done {verb} {path}", flush=True)
        return True

    if server.attach(None) == 0:
        print(f"cannot listen on {config['host']}:{config['port']}", file=sys.stderr)
        return 3
    GLib.io_add_watch(sys.stdin.fileno(), GLib.IO_IN | GLib.IO_HUP, command)
    print("ready", flush=True)
    loop.run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
