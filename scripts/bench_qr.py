#!/usr/bin/env python3
"""Times QR decoders side by side on one corpus, whole process per image.

Usage: bench_qr.py CORPUS_DIR VIGIL_SCAN_BINARY [RUNS]
CORPUS_DIR holds the images and expected.tsv (file, "4k" or "-", texts joined by U+001F); each
file is one kind of picture. Prints, per kind, who decodes what (and which of Vigil's passes read
it); then, per decoder, the pictures fully decoded (every expected code, nothing else), false
reports on pictures without a QR code, and the median and total wall time per picture (the median
of RUNS runs of each), overall and for the 4K screenshots; then the issue's goals, checked.
"""
import os
import shutil
import statistics
import subprocess
import sys
import time

VIGIL = "vigil"


def zxing_texts(stdout: str):
    texts = []
    for line in stdout.splitlines():
        # "<file> QRCode \"text\"" or "<file> None"
        start, end = line.find(' QRCode "'), line.rfind('"')
        if start >= 0 and end > start:
            texts.append(line[start + len(' QRCode "'):end])
    return texts


def vigil_pass(stderr: str):
    marker = ": read by pass "
    for line in stderr.splitlines():
        if marker in line:
            return line.split(marker, 1)[1]
    if "could not be read" in stderr:
        return "seen, not read"
    return ""


def main():
    corpus, vigil = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    samples = []
    with open(os.path.join(corpus, "expected.tsv"), encoding="utf-8") as index:
        for line in index:
            name, flag, texts = line.rstrip("\n").split("\t")
            samples.append((name, flag == "4k", [t for t in texts.split("\x1f") if t]))

    decoders = [(VIGIL, lambda f: [vigil, f], lambda out: out.splitlines())]
    if shutil.which("zbarimg"):
        decoders.append(("zbarimg", lambda f: ["zbarimg", "-q", "--raw", "-Sdisable", "-Sqrcode.enable", f], lambda out: out.splitlines()))
        decoders.append(("zbarimg -Stest-inverted", lambda f: ["zbarimg", "-q", "--raw", "-Sdisable", "-Sqrcode.enable", "-Stest-inverted", f], lambda out: out.splitlines()))
    if shutil.which("ZXingReader"):
        decoders.append(("ZXingReader", lambda f: ["ZXingReader", "-format", "QRCode", "-1", f], zxing_texts))
    labels = [label for label, _, _ in decoders]

    positives = sum(1 for s in samples if s[2])
    negatives = len(samples) - positives
    rows, outcome, passes = [], {}, {}
    for label, command, parse in decoders:
        decoded, false_reports, times, times_4k = 0, 0, [], []
        for name, is_4k, expected in samples:
            path = os.path.join(corpus, name)
            elapsed, texts = [], []
            for _ in range(runs):
                started = time.perf_counter()
                result = subprocess.run(command(path), capture_output=True, text=True, errors="replace")
                elapsed.append(time.perf_counter() - started)
                texts = parse(result.stdout)
            if label == VIGIL:
                passes[name] = vigil_pass(result.stderr)
            per_image = statistics.median(elapsed)
            times.append(per_image)
            if is_4k:
                times_4k.append(per_image)
            if expected:
                ok = sorted(set(texts)) == sorted(set(expected))
                decoded += ok
                outcome[(label, name)] = "yes" if ok else ("partly" if set(texts) & set(expected) else "no")
            else:
                false_reports += bool(texts)
                outcome[(label, name)] = "FALSE READ" if texts else "nothing (right)"
        rows.append((label, decoded, false_reports, statistics.median(times), sum(times),
                     statistics.median(times_4k) if times_4k else float("nan")))

    print(f"corpus: {len(samples)} pictures ({positives} with QR codes, {negatives} without), "
          f"whole process per picture, median of {runs} runs")
    print()
    print("| kind (file) | codes | " + " | ".join(labels) + " | Vigil's pass |")
    print("|---|---|" + "---|" * len(labels) + "---|")
    for name, _, expected in samples:
        cells = [outcome[(label, name)] for label in labels]
        print(f"| {name} | {len(expected)} | " + " | ".join(cells) + f" | {passes.get(name, '')} |")
    print()
    print("| decoder | fully decoded | false reports | median / picture | total | median / 4K screenshot |")
    print("|---|---|---|---|---|---|")
    for label, decoded, false_reports, median, total, median_4k in rows:
        print(f"| {label} | {decoded}/{positives} ({100 * decoded / positives:.0f}%) | {false_reports}/{negatives} "
              f"| {median * 1000:.0f} ms | {total * 1000:.0f} ms | {median_4k * 1000:.0f} ms |")
    print()

    peers = [label for label in labels if label != VIGIL]
    if not peers:
        return
    with_codes = [name for name, _, expected in samples if expected]
    by_peer = [n for n in with_codes if any(outcome[(p, n)] == "yes" for p in peers)]
    by_none = [n for n in with_codes if n not in by_peer]
    vigil_peer = [n for n in by_peer if outcome[(VIGIL, n)] == "yes"]
    vigil_none = [n for n in by_none if outcome[(VIGIL, n)] == "yes"]
    vigil_row = rows[0]
    print("Goals:")
    missed = [n for n in by_peer if n not in vigil_peer]
    print(f"- every picture a peer decodes: {len(vigil_peer)}/{len(by_peer)}"
          + (f" (missed: {', '.join(missed)})" if missed else ""))
    print(f"- pictures no peer decodes, at least half: {len(vigil_none)}/{len(by_none)}"
          + (f" ({', '.join(by_none)})" if by_none else ""))
    print(f"- false reads: {vigil_row[2]}")
    zxing = next((row for row in rows if row[0] == "ZXingReader"), None)
    if zxing:
        print(f"- median per 4K screenshot: {vigil_row[5] * 1000:.0f} ms, "
              f"{vigil_row[5] / zxing[5]:.2f}x ZXingReader's {zxing[5] * 1000:.0f} ms (goal: at most 0.70x)")


if __name__ == "__main__":
    main()
