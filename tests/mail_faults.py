"""A real SMTP server and a real (unreachable) broker, for fault tests.

No mocks: the portal's SMTP backend speaks to a small SMTP server on a local
port that can be stopped and started again, and Celery publishes to a local
port nobody listens on, as when the broker is stopped.
"""

from __future__ import annotations

import contextlib
import socket
import socketserver
import threading
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message

import pytest

from config.celery_app import app
from tests.redis_faults import closed_port


@dataclass
class Received:
    sender: str
    recipients: list[str]
    data: bytes

    @property
    def message(self) -> Message:
        return message_from_bytes(self.data)


@dataclass
class _State:
    received: list[Received] = field(default_factory=list)
    # Stop listening after this many messages (None: never), as when the
    # server goes away in the middle of a batch.
    stop_after: int | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)


class _SMTPHandler(socketserver.StreamRequestHandler):
    """Enough of RFC 5321 for smtplib: EHLO/HELO, MAIL, RCPT, DATA, RSET,
    NOOP, QUIT. Every message is accepted."""

    def reply(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self) -> None:
        server: SMTPServer = self.server.owner
        self.reply("220 localhost test SMTP")
        sender, recipients = "", []
        while True:
            line = self.rfile.readline()
            if not line:
                return
            command = line.decode(errors="replace").strip()
            verb = command[:4].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250 localhost")
            elif verb == "MAIL":
                sender, recipients = command.partition(":")[2].strip(" <>"), []
                self.reply("250 OK")
            elif verb == "RCPT":
                recipients.append(command.partition(":")[2].strip(" <>"))
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                data = b""
                while not data.endswith(b"\r\n.\r\n"):
                    chunk = self.rfile.readline()
                    if not chunk:
                        return
                    data += chunk
                server.record(Received(sender, recipients, data[: -len(b".\r\n")]))
                self.reply("250 OK queued")
            elif verb in ("RSET", "NOOP"):
                self.reply("250 OK")
            elif verb == "QUIT":
                self.reply("221 Bye")
                return
            else:
                self.reply("502 Command not implemented")


class _TCPServer(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


class SMTPServer:
    """A local SMTP server on a fixed port; stop() and start() again."""

    def __init__(self):
        self.port = closed_port()
        self.state = _State()
        self._server: _TCPServer | None = None

    @property
    def received(self) -> list[Received]:
        return list(self.state.received)

    def recipients(self) -> list[str]:
        return [r for message in self.received for r in message.recipients]

    def record(self, received: Received) -> None:
        with self.state.lock:
            self.state.received.append(received)
            stop = (
                self.state.stop_after is not None
                and len(self.state.received) >= self.state.stop_after
            )
        if stop:
            # Before the message is acknowledged, so that the very next
            # connection is refused, as when the server went away.
            self.stop()

    def start(self, *, stop_after: int | None = None) -> None:
        self.state.stop_after = stop_after
        server = _TCPServer(("127.0.0.1", self.port), _SMTPHandler)
        server.owner = self
        self._server = server
        threading.Thread(target=server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.shutdown()
            server.server_close()

    def wait_until_stopped(self, timeout: float = 5.0) -> None:
        """After stop_after: until connections are refused."""
        import time

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", self.port)) != 0:
                    return
            time.sleep(0.02)
        raise AssertionError("the SMTP server did not stop")


@pytest.fixture
def smtp_server(settings):
    """The portal's mail goes by SMTP to a local port; the server there is
    not started (SMTP is down) until the test calls start()."""
    server = SMTPServer()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    yield server
    server.stop()


def _forget_broker_pools() -> None:
    # Forget the cached pools without closing them: kombu keeps them per
    # broker address and hands the old ones back afterwards.
    app._pool = None
    app.amqp._producer_pool = None


@contextlib.contextmanager
def broker_at(url: str, *, eager: bool = False):
    """Celery publishes to `url` (not eagerly) while this lasts."""
    conf = app.conf
    old = (conf.broker_url, conf.task_always_eager)
    _forget_broker_pools()
    conf.broker_url, conf.task_always_eager = url, eager
    try:
        yield
    finally:
        _forget_broker_pools()
        conf.broker_url, conf.task_always_eager = old


@pytest.fixture
def broker_down():
    """Celery publishes to a closed local port: the broker is stopped."""
    with broker_at(f"redis://127.0.0.1:{closed_port()}/0"):
        yield
