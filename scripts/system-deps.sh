#!/usr/bin/env bash
# Installs the Debian packages Integra needs when any is missing: PostgreSQL 15 for the
# throwaway test cluster, Chromium for browser tests, fonts for Arabic and Cyrillic PDFs and
# pages, Pango for WeasyPrint, gettext for translations, poppler-utils (pdftotext) for PDF tests,
# the sqlite3 shell (statistics read SQLite tables through it, in parallel, into DuckDB).
set -euo pipefail

packages=(postgresql chromium fonts-noto-core fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0 gettext poppler-utils sqlite3)
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing Debian packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
