#!/usr/bin/env bash
# Renders docs/images/<name>.png for every processes/<name>.bpmn, from the files' own diagram
# interchange (their bpmndi coordinates), with bpmn-js's viewer in headless Chromium.
#
# Run from anywhere after changing a process:   docs/images/render-diagrams.sh
# Needs node/npm and Chromium (CHROMIUM=/path/to/chromium, default /usr/bin/chromium).
# bpmn-js and puppeteer-core are installed with npm into a temporary directory (BPMN_RENDER_DIR,
# default /tmp/bpmnrender, reused on later runs), never into the repository.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="${BPMN_RENDER_DIR:-/tmp/bpmnrender}"

if [ ! -d "$work/node_modules/bpmn-js" ] || [ ! -d "$work/node_modules/puppeteer-core" ]; then
  mkdir -p "$work"
  (cd "$work" && { [ -f package.json ] || npm init -y >/dev/null; } \
    && PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-audit --no-fund bpmn-js@18 puppeteer-core@24 >/dev/null)
fi

# Pixels per diagram unit: the invitation process is wide, so it is drawn smaller to stay
# about 3100 px wide with its labels still legible; the small ones larger.
scale_for() {
  case "$1" in
    parliament-invitation) echo 0.8 ;;
    *) echo 1.5 ;;
  esac
}

for bpmn in "$repo"/processes/*.bpmn; do
  name="$(basename "$bpmn" .bpmn)"
  node "$here/render-diagrams.cjs" "$work/node_modules" "$bpmn" "$here/$name.png" "$(scale_for "$name")"
done
