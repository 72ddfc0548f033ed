#!/usr/bin/env python3
"""RTSP test server for Vigil's video tests and benchmarks (DESIGN.md §5 "Video").

Serves, on one port:
- live cameras at rtsp://127.0.0.1:<port>/cam/<name>, from clips encoded once
  beforehand (main/testing/rtsp.ts makeClip): H.264 or H.265 video, with or
  without AAC or G.711 A-law audio. Nothing is encoded here: each clip is
  demuxed once into memory, and a wall-clock timer pushes its access units,
  looping, into an appsrc per track, stamped with the pipeline's running
  time, so the stream is live, never ends, and a client joins wherever the
  "camera" is (mid-GOP, as with a real one). Each camera starts at its own
  offset into its clip. Media is shared: every client of a mount gets the same
  stream, and the position keeps running while nobody watches.
- recordings at rtsp://127.0.0.1:<port>/record/<name>, as an NVR plays back:
  the video of a clip file, not live, one media per client, so a client's
  PLAY with `Range: npt=30-` seeks it to 30 s.

Usage: server.py --port P [--camera name=PATH[,offset=SECONDS] ...]
                 [--record name=PATH ...] [--control SOCKET] [--auth METHOD:USER]
With --auth (basic or digest), every mount asks for that user and the password
read from the first line of stdin, as a camera with a sign-in does.
Prints "READY <port>" on stdout once serving; exits 2 if the port is taken.
With --control, a Unix socket at that path takes one command a line and
answers "OK" or "ERR <why>":
`drop <camera> [ms]` (the mount vanishes: its clients are disconnected and it
answers 404, for `ms` or until) `restore <camera>`.
"""

import argparse
import os
import signal
import socket
import sys
import threading
import time

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtsp", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtsp, GstRtspServer  # noqa: E402

TICK_MS = 10  # timer period; buffers are pushed when due, whatever the tick
MAX_LAG = 0.2  # seconds of stream a track catches up at most (after a stall)

# Per codec: the parser that puts its stream in the form the payloader (and a
# client joining mid-stream) wants, and the payloader. Parameter sets go
# in-band before every keyframe (config-interval=-1), as a camera sends them,
# so a client can start at any IDR; the payloaders then add none of their own:
# rtph264pay's config-interval=-1 made ffmpeg's RTSP demuxer split every
# keyframe into two packets with one timestamp.
CODECS = {
    "video/x-h264": (
        "h264parse config-interval=-1 ! video/x-h264,stream-format=avc,alignment=au",
        "rtph264pay config-interval=0 pt=96",
    ),
    "video/x-h265": (
        "h265parse config-interval=-1 ! video/x-h265,stream-format=hvc1,alignment=au",
        "rtph265pay config-interval=0 pt=96",
    ),
    "audio/mpeg": ("aacparse", "rtpmp4gpay pt=97"),
    # 20 ms packets, as cameras send G.711; qtdemux hands out 128 ms chunks.
    "audio/x-alaw": ("identity", "rtppcmapay pt=8 max-ptime=20000000"),
}


def codec_of(caps):
    name = caps.get_structure(0).get_name()
    if name not in CODECS:
        raise RuntimeError(f"no payloader for {name}")
    return name


def demux(path, each):
    """Runs `qtdemux ! parser ! appsink` per stream of an MP4/MOV file; `each(pad_name, appsink)` per stream."""
    pipeline = Gst.Pipeline()
    src = Gst.ElementFactory.make("filesrc")
    src.set_property("location", path)
    qtdemux = Gst.ElementFactory.make("qtdemux")
    pipeline.add(src)
    pipeline.add(qtdemux)
    src.link(qtdemux)
    sinks = []
    failures = []

    def pad_added(_demux, pad):
        if pad.get_name() not in ("video_0", "audio_0"):
            return  # a camera has one picture and at most one sound
        try:
            parser, _ = CODECS[codec_of(pad.get_current_caps() or pad.query_caps(None))]
        except RuntimeError as error:
            failures.append(str(error))
            return
        # async=false: qtdemux feeds every stream from one thread, so a sink
        # waiting to preroll would block the others' first buffer for good.
        branch = Gst.parse_bin_from_description(
            f"{parser} ! appsink name=sink sync=false async=false max-buffers=0", True
        )
        pipeline.add(branch)
        branch.sync_state_with_parent()
        pad.link(branch.get_static_pad("sink"))
        sinks.append((pad.get_name(), branch.get_by_name("sink")))

    all_pads = threading.Event()
    qtdemux.connect("pad-added", pad_added)
    qtdemux.connect("no-more-pads", lambda _demux: all_pads.set())
    pipeline.set_state(Gst.State.PLAYING)
    try:
        if not all_pads.wait(10):
            raise RuntimeError(f"cannot read {path}: no streams found")
        for pad_name, sink in sorted(sinks, key=lambda item: item[0].startswith("audio")):
            each(pad_name, sink)
        error = pipeline.get_bus().pop_filtered(Gst.MessageType.ERROR)
        if error is not None:
            err, debug = error.parse_error()
            raise RuntimeError(f"cannot read {path}: {err.message} ({debug})")
    finally:
        pipeline.set_state(Gst.State.NULL)
    if failures:
        raise RuntimeError(f"{path}: {'; '.join(failures)}")
    if not sinks or not sinks[0][0].startswith("video"):
        raise RuntimeError(f"no video in {path}")


class Track:
    """One stream of a clip in memory: caps, buffers, and their times in the clip (seconds)."""

    def __init__(self, caps, buffers):
        self.caps = caps
        self.codec = codec_of(caps)
        self.buffers = buffers
        self.times = [buffer.pts / Gst.SECOND for buffer in buffers]


def load_clip(path):
    """Demuxes a clip into (tracks, period) without decoding: video first, then audio; period is the video's length."""
    tracks = []

    def pull(_pad_name, sink):
        caps = None
        buffers = []
        while True:
            sample = sink.emit("try-pull-sample", 10 * Gst.SECOND)
            if sample is None:
                break
            caps = caps or sample.get_caps()
            buffers.append(sample.get_buffer())
        if caps is not None:
            tracks.append(Track(caps, buffers))

    demux(path, pull)
    if not tracks or not tracks[0].codec.startswith("video/"):
        raise RuntimeError(f"no video frames in {path}")
    # A sound track with nothing in it would never come due.
    tracks = [track for track in tracks if track.buffers]
    video = tracks[0]
    # The clip's first frame must be a keyframe, or the loop would never
    # restart on a decodable picture.
    if video.buffers[0].has_flags(Gst.BufferFlags.DELTA_UNIT):
        raise RuntimeError(f"{path} does not start with a keyframe")
    fps = 25.0
    ok, num, den = video.caps.get_structure(0).get_fraction("framerate")
    if ok and num > 0 and den > 0:
        fps = num / den
    period = len(video.buffers) / fps
    for track in tracks[1:]:
        # Audio a little longer than the video would overlap the next loop.
        keep = sum(1 for t in track.times if t < period)
        track.buffers, track.times = track.buffers[:keep], track.times[:keep]
    return tracks, period


def launch_line(codecs, sources, prefix=""):
    """`( <prefix> <sources[i]> ! <payloader> name=pay<i> ... )`: RTSPMediaFactory's payloaders are pay0, pay1, …"""
    parts = [f"{source} ! {CODECS[codec][1]} name=pay{i}" for i, (codec, source) in enumerate(zip(codecs, sources))]
    return f"( {prefix} {' '.join(parts)} )"


class Feed:
    """Where a camera's track is in its loop: the next buffer `index` of loop `cycle`."""

    def __init__(self, track, period, start):
        self.track = track
        self.period = period
        self.start = start
        self.cycle = 0
        self.index = next((i for i, t in enumerate(track.times) if t >= start - 1e-6), len(track.times))
        self.sources = {}  # appsrc of each prepared (shared) media: its GstRTSPStream

    def due(self):
        """Seconds after the camera's t0 at which the next buffer is due."""
        if self.index >= len(self.track.times):
            self.cycle += 1
            self.index = 0
        return self.cycle * self.period + self.track.times[self.index] - self.start

    def advance(self):
        buffer = self.track.buffers[self.index]
        self.index += 1
        return buffer


class Camera:
    def __init__(self, name, tracks, period, offset):
        self.name = name
        self.tracks = tracks
        fps = len(tracks[0].buffers) / period
        # Start on a frame: the camera's time 0 is video frame `round(offset * fps)`.
        start = (round(offset * fps) % len(tracks[0].buffers)) / fps
        self.feeds = [Feed(track, period, start) for track in tracks]
        self.t0 = time.monotonic()

    def launch(self):
        return launch_line([track.codec for track in self.tracks], [f"appsrc name=src{i}" for i in range(len(self.tracks))])

    def attach(self, media):
        element = media.get_element()
        for i, feed in enumerate(self.feeds):
            src = element.get_by_name(f"src{i}")
            src.set_property("caps", feed.track.caps)
            src.set_property("format", Gst.Format.TIME)
            src.set_property("is-live", True)
            # Stamped by appsrc with the running time as it hands a buffer on.
            # Stamping at push time instead, a camera brought back by
            # `restore` in a busy server sent nothing for a second or two,
            # then a burst.
            src.set_property("do-timestamp", True)
            # Never queue more than a few buffers: a stalled media drops its oldest.
            src.set_property("max-buffers", 5)
            src.set_property("leaky-type", 2)  # downstream: drop old buffers
            feed.sources[src] = media.get_stream(i)
            media.connect("unprepared", lambda _m, feed=feed, src=src: self.detach(feed, src))

    def detach(self, feed, src):
        feed.sources.pop(src, None)

    def tick(self, now):
        elapsed = now - self.t0
        for feed in self.feeds:
            # After a stall, skip what it left behind but the last few (which
            # go out at once, stamped alike: a hiccup, as on a real network).
            while feed.due() <= elapsed - MAX_LAG:
                feed.advance()
            while feed.due() <= elapsed:
                buffer = feed.advance()
                for src, stream in list(feed.sources.items()):
                    self.push(src, stream, buffer)

    @staticmethod
    def push(src, stream, buffer):
        # Only while PLAYING: a live pipeline's running time stands still
        # while PAUSED (as between preroll and the client's PLAY), so buffers
        # queued then would go out late and in a burst.
        _, state, _ = src.get_state(0)
        if state != Gst.State.PLAYING:
            return
        # Nor while the media is prepared and held for the client's PLAY (it
        # holds the one buffer that prepared it): what queued up meanwhile
        # would reach the client in one burst, which no camera sends, and
        # ffmpeg's RTSP demuxer then gives a frame a later frame's timestamp.
        if stream.is_blocking():
            return
        out = buffer.copy()  # shares the memory; only the metadata is new
        out.pts = Gst.CLOCK_TIME_NONE  # for do-timestamp
        out.dts = Gst.CLOCK_TIME_NONE
        src.emit("push-buffer", out)


class LiveFactory(GstRtspServer.RTSPMediaFactory):
    def __init__(self, camera):
        super().__init__()
        self.set_shared(True)
        self.set_launch(camera.launch())
        self.connect("media-configure", lambda _f, media: camera.attach(media))


class RecordFactory(GstRtspServer.RTSPMediaFactory):
    """The file as an NVR serves a recording: not live, so seekable, and paced by the sinks' clock in real time.

    Its video only. With sound as well, a seek snaps to a sound frame, the
    picture starts at the keyframe before that, and ffmpeg, syncing the two
    by RTCP across the PAUSE and PLAY of its seek, stamps the frames wrongly.
    """

    def __init__(self, path, video_codec):
        super().__init__()
        self.path = path
        # Not shared: every client seeks its own copy.
        self.set_shared(False)
        source = f"demux.video_0 ! queue ! {CODECS[video_codec][0]}"
        self.set_launch(launch_line([video_codec], [source], prefix="filesrc name=file ! qtdemux name=demux"))
        self.connect("media-configure", self.configure)

    def configure(self, _factory, media):
        # Set here, not in the launch line, so no path needs quoting.
        media.get_element().get_by_name("file").set_property("location", self.path)


def probe_video(path):
    """The codec of a file's video, from its first frame."""
    codecs = []

    def first(pad_name, sink):
        sample = sink.emit("try-pull-sample", 10 * Gst.SECOND) if pad_name == "video_0" else None
        if sample is not None:
            codecs.append(codec_of(sample.get_caps()))

    demux(path, first)
    if not codecs:
        raise RuntimeError(f"no video frames in {path}")
    return codecs[0]


class Control:
    """Line commands on a Unix socket: drop and restore cameras."""

    def __init__(self, path, server, cameras):
        self.server = server
        self.cameras = cameras
        self.mounts = server.get_mount_points()
        self.dropped = set()
        self.timers = {}  # camera name: GLib source that restores it
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        if os.path.exists(path):
            os.unlink(path)
        self.sock.bind(path)
        self.sock.listen(4)
        GLib.io_add_watch(self.sock.fileno(), GLib.IO_IN, self.accept)

    def accept(self, *_):
        conn, _ = self.sock.accept()
        buffered = b""

        def read(*_):
            nonlocal buffered
            data = conn.recv(4096)
            if not data:
                conn.close()
                return False
            buffered += data
            while b"\n" in buffered:
                line, buffered = buffered.split(b"\n", 1)
                conn.sendall((self.run(line.decode().split()) + "\n").encode())
            return True

        GLib.io_add_watch(conn.fileno(), GLib.IO_IN | GLib.IO_HUP, read)
        return True

    def run(self, words):
        if len(words) not in (2, 3) or words[0] not in ("drop", "restore") or words[1] not in self.cameras:
            return f"ERR want `drop <camera> [ms]` or `restore <camera>`, got {' '.join(words)!r}"
        command, name = words[0], words[1]
        if command == "restore":
            self.restore(name)
            return "OK"
        if len(words) == 3 and not words[2].isdigit():
            return f"ERR {words[2]!r} is not a number of milliseconds"
        self.drop(name)
        if len(words) == 3:
            self.timers[name] = GLib.timeout_add(int(words[2]), self.restore_when_due, name)
        return "OK"

    def restore_when_due(self, name):
        self.timers.pop(name, None)
        self.restore(name)
        return False  # once

    def drop(self, name):
        if name in self.timers:
            GLib.source_remove(self.timers.pop(name))
        if name in self.dropped:
            return
        self.dropped.add(name)
        path = f"/cam/{name}"
        self.mounts.remove_factory(path)
        # Closing the clients' connections is what a camera that drops off the
        # network looks like to them: their TCP stream ends. Their sessions go
        # too, at once, and the media with them: closing a client leaves its
        # sessions in the pool until they time out.
        pool = self.server.get_session_pool()
        sessions = [session for session in pool.filter(None) if self.watching(session, path)]
        self.server.client_filter(lambda _s, client, *_: self.close_if_watching(client, sessions))
        for session in sessions:
            pool.remove(session)

    @staticmethod
    def watching(session, path):
        # Matched to its end: /cam/a is a prefix of /cam/ab, too.
        media, matched = session.dup_media(path)
        return media is not None and matched == len(path)

    @staticmethod
    def close_if_watching(client, sessions):
        mine = []
        client.session_filter(lambda _c, session, *_: mine.append(session) or GstRtspServer.RTSPFilterResult.KEEP)
        if any(session in sessions for session in mine):
            return GstRtspServer.RTSPFilterResult.REMOVE
        return GstRtspServer.RTSPFilterResult.KEEP

    def restore(self, name):
        if name in self.timers:
            GLib.source_remove(self.timers.pop(name))
        if name in self.dropped:
            self.dropped.discard(name)
            # A new factory: the old one may still hold the media being torn down.
            self.mounts.add_factory(f"/cam/{name}", LiveFactory(self.cameras[name]))


def parse_source(text, options=("offset",)):
    name, _, rest = text.partition("=")
    parts = rest.split(",")
    path = parts[0]
    values = {}
    for part in parts[1:]:
        key, _, value = part.partition("=")
        if key not in options:
            raise ValueError(f"unknown option {key!r} in {text!r}")
        values[key] = float(value)
    if not name or not path:
        raise ValueError(f"want name=PATH[,option=value], got {text!r}")
    return name, path, values


def parse_auth(text):
    method, _, user = text.partition(":")
    if method not in ("basic", "digest") or not user:
        raise ValueError(f"want basic:USER or digest:USER, got {text!r}")
    return method, user


def guard(server, factories, method, user, password):
    """Every factory answers 401 until the client signs in as `user`, by Basic or Digest as a camera would ask."""
    auth = GstRtspServer.RTSPAuth()
    token = GstRtspServer.RTSPToken()
    token.set_string("media.factory.role", "viewer")
    if method == "basic":
        auth.add_basic(GstRtspServer.RTSPAuth.make_basic(user, password), token)
        auth.set_supported_methods(GstRtsp.RTSPAuthMethod.BASIC)
    else:
        auth.add_digest(user, password, token)
        auth.set_supported_methods(GstRtsp.RTSPAuthMethod.DIGEST)
    server.set_auth(auth)
    role = Gst.Structure.new_from_string("viewer, media.factory.access=(boolean)true, media.factory.construct=(boolean)true")
    for factory in factories:
        factory.add_role_from_structure(role)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--camera", action="append", default=[], type=parse_source)
    parser.add_argument("--record", action="append", default=[], type=lambda text: parse_source(text, ()))
    parser.add_argument("--control")
    parser.add_argument("--auth", type=parse_auth)
    args = parser.parse_args()
    if not args.camera and not args.record:
        parser.error("at least one --camera or --record")

    Gst.init(None)
    clips = {}
    cameras = {}
    for name, path, options in args.camera:
        if path not in clips:
            clips[path] = load_clip(path)
        tracks, period = clips[path]
        cameras[name] = Camera(name, tracks, period, options.get("offset", 0.0))

    server = GstRtspServer.RTSPServer()
    server.set_address(args.host)
    server.set_service(str(args.port))
    mounts = server.get_mount_points()
    factories = [(f"/cam/{name}", LiveFactory(camera)) for name, camera in cameras.items()]
    factories += [(f"/record/{name}", RecordFactory(path, probe_video(path))) for name, path, _ in args.record]
    if args.auth:
        guard(server, [factory for _, factory in factories], *args.auth, sys.stdin.readline().rstrip("\n"))
    for mount, factory in factories:
        mounts.add_factory(mount, factory)

    loop = GLib.MainLoop()
    try:
        source_id = server.attach(None)
    except GLib.Error as error:
        print(f"cannot listen on {args.host}:{args.port}: {error.message}", file=sys.stderr)
        sys.exit(2)
    if source_id == 0:
        print(f"cannot listen on {args.host}:{args.port}", file=sys.stderr)
        sys.exit(2)
    if args.control:
        Control(args.control, server, cameras)

    def tick():
        now = time.monotonic()
        for camera in cameras.values():
            camera.tick(now)
        return True

    GLib.timeout_add(TICK_MS, tick)
    # Drop sessions whose clients vanished without TEARDOWN (killed ffmpeg).
    GLib.timeout_add_seconds(2, lambda: server.get_session_pool().cleanup() >= 0)
    for signum in (signal.SIGTERM, signal.SIGINT):
        GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signum, loop.quit)

    print(f"READY {args.port}", flush=True)
    loop.run()
    if args.control and os.path.exists(args.control):
        os.unlink(args.control)


if __name__ == "__main__":
    main()
