#!/usr/bin/env bash
# Regenerates the screenshots of docs/user-guide.md: runs the browser scenarios
# (*BrowserTest, headless Chromium against a fresh in-memory application) and copies
# their key screens from target/screenshots/ to docs/images/.
# Needs Debian's chromium and fonts-noto-cjk (apt-get install -y chromium fonts-noto-cjk).
set -euo pipefail

cd "$(dirname "$0")/.."

if [[ ! -x /usr/bin/chromium ]]; then
	echo "screenshots: /usr/bin/chromium not found (apt-get install -y chromium fonts-noto-cjk)" >&2
	exit 1
fi

rm -rf target/screenshots
# CI=true: a missing browser is an error here, never a silent skip
CI=true ./mvnw -q -B test -Dtest='org.rectifyflow.browser.*BrowserTest' -Dsurefire.failIfNoSpecifiedTests=false

shots=(target/screenshots/[0-9]*.png)
if [[ ! -f "${shots[0]}" ]]; then
	echo "screenshots: the browser tests wrote no screenshots" >&2
	exit 1
fi
# the user guide refers to each image by its number: a number used twice is a mistake
duplicates=$(printf '%s\n' "${shots[@]##*/}" | cut -d- -f1 | sort | uniq -d | tr '\n' ' ')
if [[ -n "$duplicates" ]]; then
	echo "screenshots: numbers used by more than one screenshot: $duplicates" >&2
	exit 1
fi
mkdir -p docs/images
rm -f docs/images/[0-9]*.png
cp "${shots[@]}" docs/images/
echo "screenshots: ${#shots[@]} images copied to docs/images/"
