#!/usr/bin/env python3
"""Times QR decoders side by side on one corpus, whole process per image.

Usage: bench_qr.py CORPUS_DIR VIGIL_SCAN_BINARY [RUNS]
CORPUS_DIR holds the images and expected.tsv (file, "4k" or "-", texts joined by U+001F).
Prints, per decoder: images fully decoded (every expected code, nothing else), false reports on
images without a QR code, and the median and total wall time per image (the median of RUNS runs
of each image), overall and for the 4K screenshots.
"""
import os
import shutil
import statistics
import subprocess
import sys
import time


def zxing_texts(stdout: str):
    texts = []
    for line in stdout.splitlines():
        # "<file> QRCode \"text\"" or "<file> None"
        start, end = line.find(' QRCode "'), line.rfind('"')
        if start >= 0 and end > start:
            texts.append(line[start + len(' QRCode "'):end])
    return texts


def main():
    corpus, vigil = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    samples = []
    with open(os.path.join(corpus, "expected.tsv"), encoding="utf-8") as index:
        for line in index:
            name, flag, texts = line.rstrip("\n").split("\t")
            samples.append((name, flag == "4k", [t for t in texts.split("\x1f") if t]))

    decoders = [("vigil (rxing)", lambda f: [vigil, f], lambda out: out.splitlines())]
    if shutil.which("zbarimg"):
        decoders.append(("zbarimg", lambda f: ["zbarimg", "-q", "--raw", "-Sdisable", "-Sqrcode.enable", f], lambda out: out.splitlines()))
        decoders.append(("zbarimg -Stest-inverted", lambda f: ["zbarimg", "-q", "--raw", "-Sdisable", "-Sqrcode.enable", "-Stest-inverted", f], lambda out: out.splitlines()))
    if shutil.which("ZXingReader"):
        decoders.append(("ZXingReader", lambda f: ["ZXingReader", "-format", "QRCode", "-1", f], zxing_texts))

    positives = sum(1 for s in samples if s[2])
    negatives = len(samples) - positives
    rows, misses = [], {}
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
            per_image = statistics.median(elapsed)
            times.append(per_image)
            if is_4k:
                times_4k.append(per_image)
            if expected:
                if sorted(set(texts)) == sorted(set(expected)):
                    decoded += 1
                else:
                    misses.setdefault(label, []).append(name)
            elif texts:
                false_reports += 1
        rows.append((label, decoded, false_reports, statistics.median(times), sum(times),
                     statistics.median(times_4k) if times_4k else float("nan")))

    print(f"corpus: {len(samples)} images ({positives} with QR codes, {negatives} without), whole process per image")
    print()
    print(f"| decoder | fully decoded | false reports | median / image | total | median / 4K screenshot |")
    print(f"|---|---|---|---|---|---|")
    for label, decoded, false_reports, median, total, median_4k in rows:
        print(f"| {label} | {decoded}/{positives} ({100 * decoded / positives:.0f}%) | {false_reports}/{negatives} "
              f"| {median * 1000:.0f} ms | {total * 1000:.0f} ms | {median_4k * 1000:.0f} ms |")
    print()
    for label, names in misses.items():
        print(f"{label} missed: {', '.join(names)}")


if __name__ == "__main__":
    main()
