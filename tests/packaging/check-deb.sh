#!/usr/bin/env bash
# Checks the Causeway Debian package without root: builds it with CPack into a scratch folder,
# reads its control fields, unpacks it with dpkg-deb -x and runs the packaged causeway-cli.
#
#   check-deb.sh --cpack-config BUILD/CPackConfig.cmake --scratch DIR --version X.Y.Z
#                [--expect-gui] [--expect-png] [--deb FILE]
# --deb checks an existing package instead of building one. Exit 0 = pass, 1 = fail.
set -euo pipefail

config="" scratch="" version="" expect_gui=0 expect_png=0 deb=""
while [ $# -gt 0 ]; do
  case "$1" in
    --cpack-config) config="$2"; shift 2 ;;
    --scratch) scratch="$2"; shift 2 ;;
    --version) version="$2"; shift 2 ;;
    --expect-gui) expect_gui=1; shift ;;
    --expect-png) expect_png=1; shift ;;
    --deb) deb="$2"; shift 2 ;;
    *) echo "check-deb: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -n "$scratch" ] && [ -n "$version" ] || { echo "check-deb: --scratch and --version are required" >&2; exit 2; }

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok:   $*"; }

rm -rf "$scratch"
mkdir -p "$scratch/out" "$scratch/root"

if [ -z "$deb" ]; then
  [ -f "$config" ] || { echo "check-deb: no CPack config at $config" >&2; exit 2; }
  cpack_cmd="$(dirname "$(command -v cmake)")/cpack"
  [ -x "$cpack_cmd" ] || cpack_cmd=cpack
  if ! "$cpack_cmd" -G DEB --config "$config" -B "$scratch/out" >"$scratch/cpack.log" 2>&1; then
    cat "$scratch/cpack.log"
    echo "FAIL: cpack could not build the package"
    exit 1
  fi
  deb="$(find "$scratch/out" -maxdepth 1 -name 'causeway_*.deb' | head -n 1)"
fi
[ -f "$deb" ] || { echo "FAIL: no causeway_*.deb produced"; exit 1; }
pass "built $(basename "$deb")"

# Control fields.
field() { dpkg-deb --field "$deb" "$1"; }
[ "$(field Package)" = causeway ] && pass "Package: causeway" || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$version" ] && pass "Version: $version" || fail "Version is '$(field Version)', expected $version"
[ "$(field Section)" = science ] && pass "Section: science" || fail "Section is '$(field Section)'"
[ -n "$(field Maintainer)" ] && pass "Maintainer: $(field Maintainer)" || fail "no Maintainer"
depends="$(field Depends)"
case "$depends" in
  *libc6*) pass "Depends (from dpkg-shlibdeps): $depends" ;;
  *) fail "Depends lacks libc6 (did dpkg-shlibdeps run?): '$depends'" ;;
esac
if [ "$expect_gui" = 1 ]; then
  case "$depends" in *libqt6*) pass "Depends names Qt 6" ;; *) fail "Depends lacks the Qt 6 libraries" ;; esac
fi

# Contents.
dpkg-deb -x "$deb" "$scratch/root"
root="$scratch/root"
expect_file() { [ -f "$root/$1" ] && pass "has /$1" || fail "missing /$1"; }
expect_file usr/bin/causeway-cli
expect_file usr/share/man/man1/causeway-cli.1.gz
expect_file usr/share/doc/causeway/copyright
expect_file usr/share/doc/causeway/changelog.gz
expect_file usr/share/causeway/examples/confounding.dag
expect_file usr/share/causeway/examples/lalonde.csv
gzip -t "$root/usr/share/man/man1/causeway-cli.1.gz" && pass "man page is valid gzip" || fail "man page is not valid gzip"
if [ "$expect_gui" = 1 ]; then
  expect_file usr/bin/causeway
  expect_file usr/share/man/man1/causeway.1.gz
  expect_file usr/share/applications/causeway.desktop
  expect_file usr/share/mime/packages/causeway.xml
  expect_file usr/share/icons/hicolor/scalable/apps/causeway.svg
  if [ "$expect_png" = 1 ]; then
    for size in 16 32 48 64 128 256; do expect_file "usr/share/icons/hicolor/${size}x${size}/apps/causeway.png"; done
  fi
  if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$root/usr/share/applications/causeway.desktop" >"$scratch/desktop.log" 2>&1 \
      && pass "desktop-file-validate" || { cat "$scratch/desktop.log"; fail "desktop-file-validate"; }
  fi
fi

# The packaged CLI runs from the unpacked tree (its libraries come from the system).
cli="$root/usr/bin/causeway-cli"
if [ -x "$cli" ]; then
  out="$("$cli" --version 2>&1)" || true
  [ "$out" = "causeway-cli $version" ] && pass "causeway-cli --version: $out" || fail "causeway-cli --version printed '$out'"
  if "$cli" --help 2>/dev/null | grep -q '^  analyze '; then
    model="$root/usr/share/causeway/examples/confounding.dag"
    if out="$("$cli" analyze "$model" --json 2>&1)"; then
      # Z confounds X -> Y: {Z} is the one minimal sufficient set.
      if echo "$out" | tr -d ' \n' | grep -q '"adjustment_sets":\[\["Z"\]\]'; then
        pass "causeway-cli analyze confounding.dag --json finds {Z}"
      else
        echo "$out" | head -n 40
        fail "analyze --json did not report the adjustment set {Z}"
      fi
    else
      echo "$out" | head -n 20
      fail "causeway-cli analyze exited with an error"
    fi
  else
    echo "note: this causeway-cli has no analyze command yet; skipped the analyze check"
  fi
fi

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "package checks passed"
