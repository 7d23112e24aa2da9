#!/usr/bin/env python3
"""Peak memory of the avatar upload path for the worst image Mentora accepts.

The worst allowed image is the largest canvas the pixel budget lets through at the widest
sample type: 4096×4096 RGBA at 16 bits a channel (what the decoder must allocate for it is
the budget's 128 MiB). It compresses to a few hundred kilobytes, far under the 5 MB upload
limit, which is exactly why the budget is checked from the header before decoding.

The script starts the release binary on an empty data folder with demo data, logs the demo
learner in through the login form in N browsers at once, has each upload the image
(`POST /account/avatar`) at the same moment, and reads the server's peak resident memory
(VmHWM in /proc) before and after. It prints the statuses, so an image the server refused
does not pass for a cheap success. Nothing here is an assertion on time.

Usage: bench/avatar_rss.py [--parallel N] [--binary PATH]
"""
import argparse
import http.cookiejar
import os
import re
import shutil
import struct
import subprocess
import tempfile
import threading
import time
import urllib.parse
import urllib.request
import uuid
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def worst_png(side=4096):
    """A side×side RGBA PNG at 16 bits per channel, one colour: it compresses to almost
    nothing, and the decoder needs the same memory for it as for a photograph."""
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", side, side, 16, 6, 0, 0, 0)
    row = b"\x00" + struct.pack(">HHHH", 51400, 23130, 5140, 65535) * side
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(side)) + compressor.flush()
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


def peak_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def browser(base):
    jar = http.cookiejar.CookieJar()

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    return opener


def csrf(opener, base, path):
    html = opener.open(base + path).read().decode()
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def status_of(opener, request):
    try:
        return opener.open(request).status
    except urllib.error.HTTPError as e:
        return e.code


def log_in(opener, base):
    token = csrf(opener, base, "/login")
    form = urllib.parse.urlencode({
        "csrf": token, "email": "learner@demo.mentora.test", "password": "mentora-demo-pass",
    }).encode()
    return status_of(opener, urllib.request.Request(base + "/login", data=form))


def upload(opener, base, png):
    token = csrf(opener, base, "/account/profile")
    boundary = uuid.uuid4().hex
    body = (
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{token}\r\n"
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"avatar\"; filename=\"worst.png\"\r\n"
        "Content-Type: image/png\r\n\r\n"
    ).encode() + png + f"\r\n--{boundary}--\r\n".encode()
    request = urllib.request.Request(
        base + "/account/avatar", data=body,
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    return status_of(opener, request)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--parallel", type=int, default=8)
    parser.add_argument("--binary", default=os.path.join(HERE, "..", "target", "release", "mentora"))
    parser.add_argument("--port", type=int, default=18090)
    args = parser.parse_args()
    png = worst_png()
    print(f"worst allowed image: 4096×4096 RGBA16, {len(png) / 1024:.0f} KiB on the wire")
    data = tempfile.mkdtemp()
    env = dict(os.environ, MENTORA_DATA_DIR=data, MENTORA_LOG_LEVEL="warn", MENTORA_RATE_LIMIT_SCALE="1000")
    server = subprocess.Popen(
        [args.binary, "serve", "--demo", "--addr", f"127.0.0.1:{args.port}"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://localhost:{args.port}"
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(base + "/readyz", timeout=1)
                break
            except Exception:
                time.sleep(0.05)
        browsers = [browser(base) for _ in range(args.parallel)]
        logins = [log_in(b, base) for b in browsers]
        idle = peak_kib(server.pid)
        statuses = [None] * args.parallel
        start = threading.Barrier(args.parallel)

        def run(i):
            start.wait()
            statuses[i] = upload(browsers[i], base, png)

        threads = [threading.Thread(target=run, args=(i,)) for i in range(args.parallel)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        peak = peak_kib(server.pid)
        print(f"logins: {logins}")
        print(f"uploads ({args.parallel} at once): {statuses} (303 = stored)")
        print(f"peak RSS before the uploads: {idle / 1024:.0f} MiB")
        print(f"peak RSS after {args.parallel} parallel uploads: {peak / 1024:.0f} MiB")
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
