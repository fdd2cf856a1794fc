#!/usr/bin/python3
"""A real SMTP server for metodmon's mail tests (Debian's python3-aiosmtpd).

Usage: /usr/bin/python3 smtp_sink.py FOLDER [--port N] [--fail-first K]
                                            [--reject-rcpt ADDR] [--auth USER:PASSWORD]
                                            [--starttls CERT KEY | --smtps CERT KEY]
                                            [--stall-greeting] [--stall-data-from N]
                                            [--drop-data-from N] [--delay-data-ms MS]

Listens on 127.0.0.1 (port 0 = any free port), prints the port number on
stdout (one line, flushed), and stores each accepted message as the folder
FOLDER/NNN/ (000, 001, ...), which appears atomically (built as NNN.partial,
then renamed) and holds:
  message.eml     the DATA bytes exactly as received
  envelope.txt    MAIL FROM on line 1, then one RCPT TO per line
  subject.txt     the decoded Subject
  from.txt, to.txt, cc.txt, reply_to.txt   decoded "Name <addr>" lines, one per address
  body.txt        the decoded text/plain body (UTF-8)
  attachments/I_NAME   each attachment's decoded bytes (I = 0, 1, ...;
                        NAME = the decoded RFC 2231 filename)
  defects.txt     parser defects found by Python's email package (empty: none)
  tls.txt         the TLS version the message came over ("TLSv1.3"); empty: clear text
Decoding uses Python's own email package, independent of metodmon's code.
FOLDER/server.log gets a line "connection" per connection accepted and a line
"command <repr of the line>" per command line received (from aiosmtpd's own
log), so a test can see exactly what reached the server.

--fail-first K   answer "451 try again later" to the first K DATA commands
--reject-rcpt A  answer "550 no such user" to RCPT TO:<A>
--auth U:P       require AUTH (PLAIN/LOGIN; allowed without TLS when neither
                 --starttls nor --smtps is given, otherwise only over TLS)
--starttls C K   offer STARTTLS with certificate C and key K (PEM) and REQUIRE it:
                 MAIL FROM (and AUTH) before STARTTLS are refused (530 / 538)
--smtps C K      implicit TLS: the listening socket speaks TLS from the first byte
--stall-greeting accept connections and never say anything (no 220 greeting)
--stall-data-from N  from the N-th DATA on (0-based), store the message, then
                 never answer it (a server that hangs after DATA)
--drop-data-from N   from the N-th DATA on, close the connection instead of
                 answering; the message is not stored
--delay-data-ms MS   wait MS milliseconds before answering each DATA
Exits cleanly on SIGTERM or SIGINT.
"""
import argparse
import asyncio
import email
import email.policy
import logging
import os
import signal
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult


def decode_into(raw: bytes, folder: str) -> None:
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    defects = [repr(d) for d in msg.defects]

    def write(name: str, text: str) -> None:
        with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
            f.write(text)

    write("subject.txt", str(msg.get("Subject", "")))
    for header, name in (("From", "from.txt"), ("To", "to.txt"), ("Cc", "cc.txt"),
                         ("Reply-To", "reply_to.txt")):
        value = msg.get(header)
        lines = []
        if value is not None:
            for a in value.addresses:
                lines.append(f"{a.display_name} <{a.addr_spec}>" if a.display_name else a.addr_spec)
        write(name, "\n".join(lines))
    body = msg.get_body(preferencelist=("plain",))
    write("body.txt", body.get_content() if body is not None else "")
    os.mkdir(os.path.join(folder, "attachments"))
    for i, part in enumerate(msg.iter_attachments()):
        defects += [repr(d) for d in part.defects]
        name = part.get_filename() or "noname"
        with open(os.path.join(folder, "attachments", f"{i}_{name}"), "wb") as f:
            f.write(part.get_payload(decode=True))
    write("defects.txt", "\n".join(defects))


class ServerLog(logging.Handler):
    """aiosmtpd's log lines about connections and commands, into FOLDER/server.log."""

    def __init__(self, path: str):
        super().__init__(logging.INFO)
        self.path = path

    def emit(self, record):
        if record.msg == "%r handling connection":
            self.write("connection")
        elif record.msg == "%r >> %r":
            self.write(f"command {record.args[1]!r}")

    def write(self, line: str) -> None:
        with open(self.path, "a", encoding="utf-8") as f:
            f.write(line + "\n")


class SilentProtocol(asyncio.Protocol):
    """Accepts the connection, reads and discards, never answers."""

    def __init__(self, log: ServerLog):
        self.log = log

    def connection_made(self, transport):
        self.log.write("connection")


class Handler:
    def __init__(self, folder: str, args):
        self.folder = folder
        self.fail_first = args.fail_first
        self.reject_rcpt = args.reject_rcpt
        self.stall_from = args.stall_data_from
        self.drop_from = args.drop_data_from
        self.delay = args.delay_data_ms / 1000.0
        self.count = 0
        self.data_commands = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.reject_rcpt and address == self.reject_rcpt:
            return "550 5.1.1 no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.fail_first > 0:
            self.fail_first -= 1
            return "451 4.3.0 try again later"
        index = self.data_commands
        self.data_commands += 1
        if 0 <= self.drop_from <= index:
            server.transport.close()
            return "421 4.3.0 closing"  # never reaches the client: the connection is gone
        if self.delay > 0:
            await asyncio.sleep(self.delay)
        self.store(server, envelope)
        if 0 <= self.stall_from <= index:
            await asyncio.sleep(3600)
        return "250 OK"

    def store(self, server, envelope):
        number = f"{self.count:03d}"
        self.count += 1
        partial = os.path.join(self.folder, number + ".partial")
        os.mkdir(partial)
        with open(os.path.join(partial, "message.eml"), "wb") as f:
            f.write(envelope.original_content)
        with open(os.path.join(partial, "envelope.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join([envelope.mail_from] + list(envelope.rcpt_tos)))
        ssl_object = server.transport.get_extra_info("ssl_object")
        with open(os.path.join(partial, "tls.txt"), "w", encoding="utf-8") as f:
            f.write(ssl_object.version() if ssl_object is not None else "")
        try:
            decode_into(envelope.original_content, partial)
        except Exception as e:  # a broken message is still stored, with the reason
            with open(os.path.join(partial, "defects.txt"), "a", encoding="utf-8") as f:
                f.write(f"\ndecode failed: {e!r}")
        os.rename(partial, os.path.join(self.folder, number))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--fail-first", type=int, default=0)
    parser.add_argument("--reject-rcpt", default="")
    parser.add_argument("--auth", default="")
    parser.add_argument("--stall-greeting", action="store_true")
    parser.add_argument("--stall-data-from", type=int, default=-1)
    parser.add_argument("--drop-data-from", type=int, default=-1)
    parser.add_argument("--delay-data-ms", type=int, default=0)
    tls = parser.add_mutually_exclusive_group()
    tls.add_argument("--starttls", nargs=2, metavar=("CERT", "KEY"))
    tls.add_argument("--smtps", nargs=2, metavar=("CERT", "KEY"))
    args = parser.parse_args()
    os.makedirs(args.folder, exist_ok=True)
    handler = Handler(args.folder, args)
    server_log = ServerLog(os.path.join(args.folder, "server.log"))
    mail_log = logging.getLogger("mail.log")
    mail_log.setLevel(logging.INFO)
    mail_log.propagate = False
    mail_log.addHandler(server_log)

    smtp_kwargs = {"decode_data": False}
    tls_files = args.starttls or args.smtps
    tls_context = None
    if tls_files:
        tls_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls_context.load_cert_chain(tls_files[0], tls_files[1])
    if args.starttls:
        smtp_kwargs.update(tls_context=tls_context, require_starttls=True)
    if args.auth:
        user, _, password = args.auth.partition(":")

        def authenticator(server, session, envelope, mechanism, auth_data):
            over_tls = server.transport.get_extra_info("ssl_object") is not None
            ok = auth_data.login == user.encode() and auth_data.password == password.encode()
            return AuthResult(success=ok and (over_tls or not tls_files), handled=False)

        # aiosmtpd 1.4 sees TLS only after STARTTLS, not on an implicit-TLS
        # socket: there the authenticator above checks the transport itself.
        smtp_kwargs.update(authenticator=authenticator, auth_required=True,
                           auth_require_tls=bool(args.starttls))

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    if args.stall_greeting:
        factory = lambda: SilentProtocol(server_log)
    else:
        factory = lambda: SMTP(handler, **smtp_kwargs)
    server = loop.run_until_complete(
        loop.create_server(factory, host="127.0.0.1", port=args.port,
                           ssl=tls_context if args.smtps else None))
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, loop.stop)
    print(server.sockets[0].getsockname()[1], flush=True)
    try:
        loop.run_forever()
    finally:
        server.close()
        loop.run_until_complete(server.wait_closed())
        loop.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
