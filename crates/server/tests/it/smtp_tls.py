"""A real SMTP server for the TLS tests (aiosmtpd): STARTTLS required, or TLS from the first
byte, and AUTH (PLAIN/LOGIN) with one user, only over TLS; messages go to a Maildir.
Usage: smtp_tls.py starttls|implicit PORT CERT KEY MAILDIR USER PASSWORD. Runs until killed."""
import ssl
import sys
import time

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox
from aiosmtpd.smtp import AuthResult, LoginPassword

mode, port, cert, key, maildir, user, password = sys.argv[1:]
context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
context.load_cert_chain(cert, key)


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = (
        isinstance(auth_data, LoginPassword)
        and auth_data.login == user.encode()
        and auth_data.password == password.encode()
    )
    # handled=False: aiosmtpd answers a refusal itself (535); the default leaves the client
    # waiting for an answer the handler was to send.
    return AuthResult(success=ok, handled=False)


options = dict(
    hostname="127.0.0.1",
    port=int(port),
    authenticator=authenticate,
    auth_required=True,
    auth_require_tls=True,
)
if mode == "starttls":
    controller = Controller(
        Mailbox(maildir), tls_context=context, require_starttls=True, **options
    )
else:
    # The whole connection is TLS; aiosmtpd only knows of STARTTLS's, so it is told not to wait
    # for one before offering AUTH.
    options["auth_require_tls"] = False
    controller = Controller(Mailbox(maildir), ssl_context=context, **options)
controller.start()
print("ready", flush=True)
while True:
    time.sleep(3600)
