#!/usr/bin/python3
"""Letters for metodmon's mailbox tests: built with Python's email package and
put into a real IMAP server (tests/support/imap_server.cpp starts Dovecot),
then looked at again over IMAP, independently of metodmon's own code.

Usage: /usr/bin/python3 imap_mail.py build SPEC.json OUTDIR
       (writes each letter of the JSON list as OUTDIR/0.eml, 1.eml, ...)
   or: /usr/bin/python3 imap_mail.py PORT USER PASSWORD CAFILE COMMAND ARGS...
       (IMAPS on 127.0.0.1:PORT, the certificate checked against CAFILE)

  append FOLDER SPEC.json   append each letter of the JSON list to FOLDER
  list FOLDER               one line per letter: UID<TAB>FLAGS<TAB>Message-ID
                            (nothing when FOLDER does not exist)
  unflag FOLDER KEYWORD     remove KEYWORD from every letter of FOLDER
  folders                   the folder names, decoded from modified UTF-7

A letter in SPEC.json:
  {"from": "Школа 3 <school3@ensk.example.ru>", "to": "imc@ensk.example.ru",
   "subject": "Форма", "message_id": "<a1@x>" (null: no Message-ID),
   "date": "Thu, 05 Nov 2026 14:32:00 +0300", "body": "text",
   "headers": {"Auto-Submitted": "auto-replied"}, "flags": "\\\\Seen",
   "layout": "mixed" | "nested",   nested: mixed[alternative[plain, html],
                                    mixed[attachments...]]
   "attachments": [{"name": "Форма.xlsx", "hex": "0001ff" | "file": PATH,
                    "type": "application/vnd...sheet",
                    "encoding": "base64" | "quoted-printable",
                    "name_style": "rfc2231" | "rfc2047" | "rfc2047-cp1251"
                                  | "rfc2231-cp1251-continued" | "none"}],
   "forward": {another letter, attached as message/rfc822}}
"""
import base64
import binascii
import imaplib
import json
import ssl
import sys
from email import encoders
from email.message import Message
from email.mime.base import MIMEBase
from email.mime.message import MIMEMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.header import Header
from email.utils import formataddr, parseaddr
from urllib.parse import quote


def attachment(spec):
    data = open(spec["file"], "rb").read() if "file" in spec else binascii.unhexlify(spec.get("hex", ""))
    maintype, subtype = spec.get("type", "application/octet-stream").split("/")
    part = MIMEBase(maintype, subtype)
    part.set_payload(data)
    if spec.get("encoding", "base64") == "quoted-printable":
        # Binary content in QP, as mail clients write it: every byte outside
        # printable ASCII (CR and LF included) as =XX, soft breaks within 76.
        text, line = [], ""
        for b in data:
            piece = chr(b) if 33 <= b <= 126 and b != 61 else f"={b:02X}"
            if len(line) + len(piece) > 75:
                text.append(line + "=")
                line = ""
            line += piece
        part.set_payload("\n".join(text + [line]))
        part["Content-Transfer-Encoding"] = "quoted-printable"
    else:
        encoders.encode_base64(part)
    name = spec.get("name", "")
    style = spec.get("name_style", "rfc2231")
    if style == "rfc2231":
        part.add_header("Content-Disposition", "attachment", filename=("utf-8", "", name))
    elif style == "rfc2047":
        encoded = Header(name, "utf-8").encode()
        part.add_header("Content-Disposition", f'attachment; filename="{encoded}"')
        part.set_param("name", encoded)
    elif style == "rfc2047-cp1251":
        encoded = "=?windows-1251?B?" + base64.b64encode(name.encode("cp1251")).decode() + "?="
        part.add_header("Content-Disposition", f'attachment; filename="{encoded}"')
    elif style == "rfc2231-cp1251-continued":
        raw = quote(name.encode("cp1251"), safe="")
        third = max(1, len(raw) // 3)
        while raw[third - 1] == "%" or raw[third - 2] == "%":
            third += 1
        pieces = [raw[:third], raw[third:]]
        value = "attachment;\r\n " + ";\r\n ".join(
            f"filename*{i}*={'windows-1251' + chr(39) * 2 if i == 0 else ''}{p}" for i, p in enumerate(pieces))
        part["Content-Disposition"] = value
    return part


def letter(spec):
    layout = spec.get("layout", "mixed")
    body = MIMEText(spec.get("body", "Добрый день!"), "plain", "utf-8")
    parts = [attachment(a) for a in spec.get("attachments", [])]
    if "forward" in spec:
        parts.append(MIMEMessage(letter(spec["forward"])))
    if not parts:
        msg = body
    elif layout == "nested":
        msg = MIMEMultipart("mixed")
        alternative = MIMEMultipart("alternative")
        alternative.attach(body)
        alternative.attach(MIMEText("<p>" + spec.get("body", "") + "</p>", "html", "utf-8"))
        inner = MIMEMultipart("mixed")
        for p in parts:
            inner.attach(p)
        msg.attach(alternative)
        msg.attach(inner)
    else:
        msg = MIMEMultipart("mixed")
        msg.attach(body)
        for p in parts:
            msg.attach(p)
    msg["From"] = formataddr(parseaddr(spec.get("from", "school3@ensk.example.ru")), "utf-8")
    if "reply_to" in spec:
        msg["Reply-To"] = spec["reply_to"]
    msg["To"] = spec.get("to", "imc@ensk.example.ru")
    msg["Subject"] = Header(spec.get("subject", "Форма мониторинга"), "utf-8").encode()
    msg["Date"] = spec.get("date", "Thu, 05 Nov 2026 14:32:00 +0300")
    if spec.get("message_id", "<generated@ensk.example.ru>") is not None:
        msg["Message-ID"] = spec.get("message_id", "<generated@ensk.example.ru>")
    for key, value in spec.get("headers", {}).items():
        msg[key] = value
    return msg


def decode_mutf7(name):
    out, i = "", 0
    while i < len(name):
        if name[i] == "&":
            end = name.index("-", i)
            chunk = name[i + 1:end]
            if chunk == "":
                out += "&"
            else:
                chunk = chunk.replace(",", "/")
                out += base64.b64decode(chunk + "=" * (-len(chunk) % 4)).decode("utf-16-be")
            i = end + 1
        else:
            out += name[i]
            i += 1
    return out


def as_bytes(spec):
    return letter(spec).as_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def main():
    if sys.argv[1] == "build":
        for i, spec in enumerate(json.load(open(sys.argv[2], encoding="utf-8"))):
            with open(f"{sys.argv[3]}/{i}.eml", "wb") as f:
                f.write(as_bytes(spec))
        return
    port, user, password, cafile, command = sys.argv[1:6]
    args = sys.argv[6:]
    context = ssl.create_default_context(cafile=cafile)
    imap = imaplib.IMAP4_SSL("127.0.0.1", int(port), ssl_context=context)
    # SASL PLAIN carries the UTF-8 password as is (LOGIN in imaplib is ASCII only).
    imap.authenticate("PLAIN", lambda _: b"\0" + user.encode() + b"\0" + password.encode())
    if command == "append":
        for spec in json.load(open(args[1], encoding="utf-8")):
            typ, data = imap.append(args[0], spec.get("flags", ""), None, as_bytes(spec))
            if typ != "OK":
                sys.exit(f"APPEND failed: {data}")
    elif command in ("list", "unflag"):
        typ, _ = imap.select('"' + args[0] + '"')
        if typ != "OK":
            return
        typ, data = imap.uid("FETCH", "1:*", "(UID FLAGS BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])")
        for item in data:
            if not isinstance(item, tuple):
                continue
            head = item[0].decode()
            uid = head.split("UID ")[1].split()[0].rstrip(")")
            flags = head.split("FLAGS (")[1].split(")")[0]
            if command == "unflag":
                imap.uid("STORE", uid, "-FLAGS", "(" + args[1] + ")")
            else:
                message_id = item[1].decode().strip().partition(":")[2].strip()
                print(f"{uid}\t{flags}\t{message_id}")
    elif command == "folders":
        typ, data = imap.list()
        for line in data:
            name = line.decode().rsplit(' "', 1)[-1].rstrip('"') if line.decode().endswith('"') \
                else line.decode().rsplit(" ", 1)[-1]
            print(decode_mutf7(name))
    imap.logout()


if __name__ == "__main__":
    main()
