#!/usr/bin/env bash
# Debian packages the test suite needs. Installs only what is missing, and only as root.
set -euo pipefail
needed=()
command -v chromium >/dev/null 2>&1 || needed+=(chromium)
command -v msgfmt >/dev/null 2>&1 || needed+=(gettext)
command -v pdftotext >/dev/null 2>&1 || needed+=(poppler-utils)
command -v soffice >/dev/null 2>&1 || needed+=(libreoffice-writer-nogui)
ldconfig -p | grep -q libpangoft2 || needed+=(libpango-1.0-0 libpangoft2-1.0-0)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || needed+=(fonts-dejavu-core)
if [ ${#needed[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing Debian packages: ${needed[*]}. Install them with: sudo apt-get install ${needed[*]}" >&2
  exit 1
fi
echo "Installing Debian packages: ${needed[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${needed[@]}" >/dev/null
