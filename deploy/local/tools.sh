#!/usr/bin/env bash
# The command-line tools the scripts and the tests call besides Java and Maven: curl, sha256sum, and Chromium with
# its ChromeDriver for the browser tests, Debian's Python packages for the generated Python clients (installed with
# apt-get where missing and we are root, as on a fresh Debian machine, otherwise named), and from the npm registry
# into .tools/ Spectral, the OpenAPI linter, the TypeScript compiler that checks the generated clients, and Prism, the
# validating proxy the end-to-end run sends every operation through, axe-core and Lighthouse, which check the
# dashboard (Node.js and npm installed with apt-get where missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
SPECTRAL_VERSION=6.16.3
TYPESCRIPT_VERSION=5.9.3
PRISM_VERSION=5.16.0
# axe-core: the accessibility rules the end-to-end run checks every kind of dashboard page against (WCAG 2.x A and AA).
AXE_VERSION=4.14.1
# Lighthouse: the end-to-end run scores the committee's page on a phone (accessibility and performance); 12.2.3 runs on Node 20.
LIGHTHOUSE_VERSION=12.2.3

apt_install() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    printf '[tools] installing %s with apt-get\n' "$*"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "$@" >/dev/null
  else
    printf '[tools] please install: %s\n' "$*" >&2
    exit 1
  fi
}

missing=()
for tool in curl sha256sum; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
[ ${#missing[@]} -eq 0 ] || apt_install curl coreutils
{ command -v chromium && command -v chromedriver; } >/dev/null 2>&1 || apt_install chromium chromium-driver
# Debian's Python and the packages the generated Python clients need (python-pydantic-v1: pydantic 1, urllib3, dateutil).
/usr/bin/python3 -c 'import pydantic, urllib3, dateutil; assert pydantic.VERSION.startswith("1.")' >/dev/null 2>&1 \
  || apt_install python3 python3-pydantic python3-urllib3 python3-dateutil
# A Japanese font, so that the dashboard's screenshot shows its text.
[ -d /usr/share/fonts/opentype/ipafont-gothic ] || ! command -v apt-get >/dev/null 2>&1 || apt_install fonts-ipafont-gothic
# The committee pack's font (IPAex Gothic, embedded in its PDF), and poppler-utils, with which the tests read the PDF.
{ [ -f /usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf ] && command -v pdftotext >/dev/null 2>&1; } \
  || ! command -v apt-get >/dev/null 2>&1 || apt_install fonts-ipaexfont-gothic poppler-utils

if [ ! -x .tools/node_modules/.bin/spectral ] || [ ! -x .tools/node_modules/.bin/tsc ] || [ ! -x .tools/node_modules/.bin/prism ] \
   || [ ! -f .tools/node_modules/axe-core/axe.min.js ] || [ ! -x .tools/node_modules/.bin/lighthouse ]; then
  command -v npm >/dev/null 2>&1 || apt_install nodejs npm
  printf '[tools] installing @stoplight/spectral-cli %s, typescript %s, @stoplight/prism-cli %s, axe-core %s and lighthouse %s into .tools/\n' \
    "$SPECTRAL_VERSION" "$TYPESCRIPT_VERSION" "$PRISM_VERSION" "$AXE_VERSION" "$LIGHTHOUSE_VERSION"
  mkdir -p .tools
  npm install --silent --no-audit --no-fund --prefix .tools "@stoplight/spectral-cli@$SPECTRAL_VERSION" \
    "typescript@$TYPESCRIPT_VERSION" "@stoplight/prism-cli@$PRISM_VERSION" "axe-core@$AXE_VERSION" "lighthouse@$LIGHTHOUSE_VERSION" >/dev/null
fi
