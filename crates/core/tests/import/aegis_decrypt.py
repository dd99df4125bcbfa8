#!/usr/bin/env python3
"""Decrypts an Aegis vault independently of Vigil (Debian's python3-cryptography), following
beemdevelopment/Aegis docs/vault.md, and prints the entries as JSON on stdout.

Usage: aegis_decrypt.py VAULT PASSWORD
"""
import base64
import json
import sys

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt


def main():
    vault_path, password = sys.argv[1], sys.argv[2].encode("utf-8")
    with open(vault_path, encoding="utf-8") as f:
        vault = json.load(f)
    header = vault["header"]
    master_key = None
    for slot in header["slots"]:
        if slot["type"] != 1:
            continue
        kdf = Scrypt(salt=bytes.fromhex(slot["salt"]), length=32, n=slot["n"], r=slot["r"], p=slot["p"])
        slot_key = kdf.derive(password)
        params = slot["key_params"]
        wrapped = bytes.fromhex(slot["key"]) + bytes.fromhex(params["tag"])
        master_key = AESGCM(slot_key).decrypt(bytes.fromhex(params["nonce"]), wrapped, None)
        break
    if master_key is None:
        sys.exit("no password slot")
    params = header["params"]
    sealed = base64.b64decode(vault["db"]) + bytes.fromhex(params["tag"])
    content = AESGCM(master_key).decrypt(bytes.fromhex(params["nonce"]), sealed, None)
    print(content.decode("utf-8"))


if __name__ == "__main__":
    main()
