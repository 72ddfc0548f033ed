#!/usr/bin/env python3
"""RTSP test server for Vigil's video tests and benchmarks (DESIGN.md §5 "Video").

Serves N cameras on one port, each at rtsp://127.0.0.1:<port>/cam/<name>, from
H.264 clips encoded once beforehand (main/testing/rtsp.ts makeClip). Nothing is
encoded here: each clip is demuxed once into memory, and a wall-clock timer
pushes its access units, looping, into an appsrc per camera, stamped with the
pipeline's running time, so the stream is live, never ends, and a client joins
wherever the "camera" is (mid-GOP, as with a real one). Each camera starts at its
own offset into its clip. Media is shared: every client of a mount gets the
same stream, and the position keeps running while nobody watches.

Usage: server.py --port P --camera name=PATH[,offset=SECONDS] [--camera ...]
Prints "READY <port>" on stdout once serving; exits 2 if the port is taken.
"""

import argparse
import signal
import sys
import time

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402

TICK_MS = 10  # timer period; frames are pushed when due, whatever the tick
MAX_BURST = 5  # frames pushed at most per camera and tick (after a stall)


def load_clip(path):
    """Demuxes an MP4/H.264 clip into (caps, [buffers], fps) without decoding."""
    # config-interval=-1: SPS and PPS in-band before every keyframe, as a
    # camera sends them, so a client joining mid-stream can start at any IDR.
    pipeline = Gst.parse_launch(
        "filesrc name=src ! qtdemux ! h264parse config-interval=-1 "
        "! video/x-h264,stream-format=avc,alignment=au "
        "! appsink name=sink sync=false max-buffers=0 emit-signals=false"
    )
    pipeline.get_by_name("src").set_property("location", path)
    sink = pipeline.get_by_name("sink")
    pipeline.set_state(Gst.State.PLAYING)
    caps = None
    buffers = []
    while True:
        sample = sink.emit("try-pull-sample", 10 * Gst.SECOND)
        if sample is None:
            break
        if caps is None:
            caps = sample.get_caps()
        buffers.append(sample.get_buffer())
    bus = pipeline.get_bus()
    error = bus.pop_filtered(Gst.MessageType.ERROR)
    pipeline.set_state(Gst.State.NULL)
    if error is not None:
        err, debug = error.parse_error()
        raise RuntimeError(f"cannot read {path}: {err.message} ({debug})")
    if not buffers or caps is None:
        raise RuntimeError(f"no H.264 frames in {path}")
    fps = 25.0
    ok, num, den = caps.get_structure(0).get_fraction("framerate")
    if ok and num > 0 and den > 0:
        fps = num / den
    # The clip's first frame must be a keyframe, or the loop would never
    # restart on a decodable picture.
    if buffers[0].has_flags(Gst.BufferFlags.DELTA_UNIT):
        raise RuntimeError(f"{path} does not start with a keyframe")
    return caps, buffers, fps


class Camera:
    def __init__(self, name, caps, buffers, fps, offset):
        self.name = name
        self.caps = caps
        self.buffers = buffers
        self.fps = fps
        self.duration = int(Gst.SECOND / fps)
        # Frame 0 of the wall clock is this camera's frame `start`.
        self.start = int(round(offset * fps)) % len(buffers)
        self.t0 = time.monotonic()
        self.pushed = 0  # frames due and sent (or skipped) since t0
        self.sources = []  # appsrc of each prepared (shared) media

    def attach(self, media):
        src = media.get_element().get_by_name("src")
        src.set_property("caps", self.caps)
        src.set_property("format", Gst.Format.TIME)
        src.set_property("is-live", True)
        src.set_property("do-timestamp", False)
        # Never queue more than a few frames: a stalled media drops its oldest.
        src.set_property("max-buffers", 5)
        src.set_property("leaky-type", 2)  # downstream: drop old buffers
        self.sources.append(src)
        media.connect("unprepared", lambda _m: self.detach(src))

    def detach(self, src):
        if src in self.sources:
            self.sources.remove(src)

    def tick(self, now):
        due = int((now - self.t0) * self.fps)
        if due - self.pushed > MAX_BURST:
            self.pushed = due - MAX_BURST  # skip what a stall left behind
        while self.pushed < due:
            buffer = self.buffers[(self.start + self.pushed) % len(self.buffers)]
            self.pushed += 1
            for src in list(self.sources):
                self.push(src, buffer)

    def push(self, src, buffer):
        # Only while PLAYING: a live pipeline's running time stands still
        # while PAUSED (as between preroll and the client's PLAY), so buffers
        # stamped then would run ahead of the stream and jump back later.
        _, state, _ = src.get_state(0)
        clock = src.get_clock()
        if state != Gst.State.PLAYING or clock is None:
            return
        running = clock.get_time() - src.get_base_time()
        out = buffer.copy()  # shares the memory; only the metadata is new
        out.pts = running
        out.dts = running
        out.duration = self.duration
        src.emit("push-buffer", out)


class Factory(GstRtspServer.RTSPMediaFactory):
    def __init__(self, camera):
        super().__init__()
        self.camera = camera
        self.set_shared(True)
        # SPS/PPS are already in-band before every keyframe (load_clip) and in
        # the SDP. The payloader's own config-interval=-1 made ffmpeg's RTSP
        # demuxer split every keyframe into two packets with one timestamp.
        self.set_launch("( appsrc name=src ! rtph264pay name=pay0 pt=96 config-interval=0 )")
        self.connect("media-configure", lambda _f, media: camera.attach(media))


def parse_camera(text):
    name, _, rest = text.partition("=")
    parts = rest.split(",")
    path = parts[0]
    offset = 0.0
    for part in parts[1:]:
        key, _, value = part.partition("=")
        if key == "offset":
            offset = float(value)
        else:
            raise ValueError(f"unknown camera option {key!r} in {text!r}")
    if not name or not path:
        raise ValueError(f"--camera wants name=PATH[,offset=SECONDS], got {text!r}")
    return name, path, offset


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--camera", action="append", default=[], type=parse_camera)
    args = parser.parse_args()
    if not args.camera:
        parser.error("at least one --camera")

    Gst.init(None)
    clips = {}
    cameras = []
    for name, path, offset in args.camera:
        if path not in clips:
            clips[path] = load_clip(path)
        caps, buffers, fps = clips[path]
        cameras.append(Camera(name, caps, buffers, fps, offset))

    server = GstRtspServer.RTSPServer()
    server.set_address(args.host)
    server.set_service(str(args.port))
    mounts = server.get_mount_points()
    for camera in cameras:
        mounts.add_factory(f"/cam/{camera.name}", Factory(camera))

    loop = GLib.MainLoop()
    try:
        source_id = server.attach(None)
    except GLib.Error as error:
        print(f"cannot listen on {args.host}:{args.port}: {error.message}", file=sys.stderr)
        sys.exit(2)
    if source_id == 0:
        print(f"cannot listen on {args.host}:{args.port}", file=sys.stderr)
        sys.exit(2)

    def tick():
        now = time.monotonic()
        for camera in cameras:
            camera.tick(now)
        return True

    GLib.timeout_add(TICK_MS, tick)
    # Drop sessions whose clients vanished without TEARDOWN (killed ffmpeg).
    GLib.timeout_add_seconds(2, lambda: server.get_session_pool().cleanup() >= 0)
    for signum in (signal.SIGTERM, signal.SIGINT):
        GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signum, loop.quit)

    print(f"READY {args.port}", flush=True)
    loop.run()


if __name__ == "__main__":
    main()
