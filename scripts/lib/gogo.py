"""A client of Felix Gogo's telnet shell on loopback, and Xvfb screenshots, for the scripts that
drive an installed Weasis (scripts/weasis-e2e, scripts/bench-weasis-real)."""
import os, re, socket, struct, time, zlib


def alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except OSError:
        return False


class Shell:
    """Connects once the shell listens (or gives up after timeout s, or when the process ends)."""

    def __init__(self, port, timeout, pid, transcript=None, log_hint=""):
        self.timeout = timeout
        self.transcript = transcript
        deadline = time.time() + timeout
        while True:
            try:
                self.sock = socket.create_connection(("127.0.0.1", port), timeout=5)
                break
            except OSError:
                if time.time() > deadline or not alive(pid):
                    raise SystemExit("Weasis' Gogo shell never listened on 127.0.0.1:%d %s" % (port, log_hint))
                time.sleep(0.2)
        self.read_prompt(60)

    def read_prompt(self, limit):
        buf = b""
        deadline = time.time() + limit
        self.sock.settimeout(1)
        while not buf.rstrip().endswith(b"g!"):
            if time.time() > deadline:
                break
            try:
                part = self.sock.recv(65536)
                if not part:
                    break
                buf += part
            except socket.timeout:
                pass
        text = re.sub(rb"\xff[\xfb-\xfe].", b"", buf).decode("utf-8", "replace").replace("\r", "")
        return re.sub(r"\n?g! *$", "", text.rstrip()).strip()

    def run(self, command, limit=None):
        self.sock.sendall(command.encode() + b"\n")
        text = self.read_prompt(limit or self.timeout)
        if text.startswith(command):
            text = text[len(command):].lstrip("\n")
        if self.transcript:
            self.transcript.write("g! %s\n%s\n\n" % (command, text))
            self.transcript.flush()
        return text

    def until(self, command, done, limit, pause=2):
        deadline = time.time() + limit
        text = ""
        while time.time() < deadline:
            text = self.run(command)
            if done(text):
                return text
            time.sleep(pause)
        return text


def screenshot(out, name):
    """Xvfb keeps screen 0 as an XWD file in OUT/fb; write it as OUT/screenshots/NAME.png."""
    data = open(os.path.join(out, "fb", "Xvfb_screen0"), "rb").read()
    (header_size, _, _, depth, width, height, _, byte_order, _, _, _, bpp, bpl, _, _, _, _, _, _,
     ncolors, _, _, _, _, _) = struct.unpack(">25I", data[:100])
    start = header_size + ncolors * 12
    rows = []
    for y in range(height):
        line = data[start + y * bpl:start + y * bpl + width * 4]
        rgb = bytearray(width * 3)
        # little-endian BGRX pixels
        rgb[0::3] = line[2::4]
        rgb[1::3] = line[1::4]
        rgb[2::3] = line[0::4]
        rows.append(b"\x00" + bytes(rgb))

    def chunk(kind, payload):
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF)

    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(b"".join(rows), 6)) + chunk(b"IEND", b""))
    os.makedirs(os.path.join(out, "screenshots"), exist_ok=True)
    path = os.path.join(out, "screenshots", name + ".png")
    open(path, "wb").write(png)
    return path
