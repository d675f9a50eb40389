"""Third opinion for the mail corpus test: Python's own email package (stdlib, independent of
postal-mime, mailsplit and this component). Prints, for each message file given, the leaves it
decodes to bytes: content type, disposition and the sha256 of get_payload(decode=True).

message/* parts (rfc822, delivery-status) are not leaves here: Python parses them into
messages and would give back a re-serialised copy, not the bytes sent. They are listed without
a hash; mailsplit checks their bytes."""
import email
import email.policy
import hashlib
import json
import sys


def leaves(part, out):
    if part.get_content_maintype() == "message" and part is not ROOT[0]:
        out.append({"type": part.get_content_type(), "disposition": part.get_content_disposition(), "sha256": None})
        return
    if part.is_multipart():
        for child in part.get_payload():
            leaves(child, out)
        return
    payload = part.get_payload(decode=True)
    out.append({
        "type": part.get_content_type(),
        "disposition": part.get_content_disposition(),
        "sha256": hashlib.sha256(payload or b"").hexdigest(),
    })


ROOT = [None]
result = {}
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        raw = f.read()
    for variant, data in (("stored", raw), ("crlf", raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))):
        message = email.message_from_bytes(data, policy=email.policy.compat32)
        ROOT[0] = message
        out = []
        leaves(message, out)
        result[f"{path}|{variant}"] = out
json.dump(result, sys.stdout)
