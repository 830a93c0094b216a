#!/usr/bin/env bash
# Renders the sample report (invented figures) and screenshots its HTML with headless
# Chromium, for reviewers. Not part of CI.
#
#   Scripts/screenshot-report.sh [output-directory] [sv|en]
#
# Needs Debian's Chromium: apt-get install -y chromium fonts-dejavu-core
set -euo pipefail

cd "$(dirname "$0")/.."
out="${1:-.build/report-sample}"
language="${2:-sv}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
    echo "screenshot-report: Chromium not found; install it with: apt-get install -y chromium" >&2
    exit 1
fi

swift build --product ReportSample
"$(swift build --show-bin-path)/ReportSample" "$out" "$language" > /dev/null

png="$out/report-$language.png"
# A tall window so the whole sample fits; --no-sandbox because CI-like containers run as root.
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size=1000,4200 --screenshot="$png" "file://$out/report.html" 2> "$out/chromium.log"
echo "$png"
