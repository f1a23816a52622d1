# shellcheck shell=bash
# Running an installed Weasis 4.7.x under Xvfb with the Gogo shell, for scripts/weasis-e2e and
# scripts/bench-weasis-real. Sourced; the caller defines die(). Nothing of Weasis is in this
# repository: WEASIS_HOME is an installation made outside it.

# weasis_check WEASIS_HOME: sets WEASIS_HOME (absolute), JAVA, GOGO_SHELL.
weasis_check() {
  WEASIS_HOME=$(cd "$1" 2>/dev/null && pwd) || die "$1: no such directory"
  local f
  for f in weasis-launcher.jar felix.jar conf/base.json bundle; do
    [[ -e $WEASIS_HOME/$f ]] || die "$WEASIS_HOME: not a Weasis installation ($f is missing)"
  done
  GOGO_SHELL=$(cd "$WEASIS_HOME/bundle" && ls org.apache.felix.gogo.shell-*.jar* 2>/dev/null | head -n 1) ||
    true
  [[ -n $GOGO_SHELL ]] || die "$WEASIS_HOME/bundle: no org.apache.felix.gogo.shell jar (needed for the shell)"
  JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
  JAVA=$JAVA_HOME/bin/java
  "$JAVA" -version 2>&1 | grep -q 'version "2[5-9]' || die "$JAVA: Weasis 4.7 needs Java 25 (set JAVA_HOME)"
  command -v Xvfb >/dev/null || die "Xvfb is not installed"
}

# weasis_install_zip ROOT OUT: the admin zip unzipped into OUT/opt as INSTALL.md says (bin/relocate
# run there); sets EXT to its extension file.
weasis_install_zip() {
  local root=$1 out=$2 zip home
  zip=$(ls "$root"/features/target/radassist-weasis-*.zip 2>/dev/null | head -n 1) || true
  [[ -n $zip ]] || die "no features/target/radassist-weasis-*.zip: build it (mvn -pl features -am install -DskipTests)"
  unzip -q "$zip" -d "$out/opt"
  home=$(find "$out/opt" -mindepth 1 -maxdepth 1 -type d | head -n 1)
  [[ -x $home/bin/relocate ]] || die "$zip: no bin/relocate in it"
  "$home/bin/relocate" >"$out/relocate.log" 2>&1 || die "bin/relocate failed (see $out/relocate.log)"
  EXT=$home/ext-radassist.json
  [[ -f $EXT ]] || die "$zip: no ext-radassist.json"
}

# weasis_derive_conf OUT: OUT/conf/base.json = Weasis' own conf/base.json plus the Gogo shell bundle
# at start level 3 (as Weasis' base-shell.json does), without the first-launch dialogs.
weasis_derive_conf() {
  mkdir -p "$1/conf"
  python3 - "$WEASIS_HOME/conf/base.json" "$1/conf/base.json" "$GOGO_SHELL" <<'PY'
import json, sys
src, dst, shell = sys.argv[1:4]
conf = json.load(open(src))
prefs = conf["weasisPreferences"]
entry = next((p for p in prefs if p.get("code") == "felix.auto.start.3"), None)
url = "${weasis.codebase.url}/bundle/" + shell
if entry is None:
    prefs.append({"code": "felix.auto.start.3", "value": url, "type": "A", "category": "FELIX_INSTALL"})
elif shell not in entry["value"]:
    entry["value"] = (entry["value"] + " " + url).strip()
# an unattended run: no first-launch disclaimer or release notes waiting for a click
for code in ("weasis.show.disclaimer", "weasis.show.release"):
    for p in prefs:
        if p.get("code") == code:
            p["value"] = "false"
json.dump(conf, open(dst, "w"), indent=1)
PY
}

# weasis_start OUT HOME_DIR [EXT]: Xvfb on a free display (frame buffer in OUT/fb) and Weasis with
# user.home HOME_DIR, the Gogo shell on a free loopback port, RadAssist's extension file when EXT is
# given. Sets PORT, XVFB_PID, WEASIS_PID; weasis_stop ends both.
weasis_start() {
  local out=$1 home=$2 ext=${3:-} display
  mkdir -p "$out/fb" "$home"
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  display=$((90 + RANDOM % 400))
  Xvfb ":$display" -screen 0 1680x1050x24 -fbdir "$out/fb" -nolisten tcp >"$out/xvfb.log" 2>&1 &
  XVFB_PID=$!
  WEASIS_PID=
  sleep 2
  kill -0 "$XVFB_PID" 2>/dev/null || die "Xvfb did not start (see $out/xvfb.log)"
  local extra=()
  [[ -n $ext ]] && extra=(-Dfelix.extended.config.properties="file://$ext")
  (
    cd "$WEASIS_HOME"
    DISPLAY=":$display" exec "$JAVA" -Xmx2g \
      -Duser.home="$home" \
      -Dgosh.port="$PORT" \
      -Dfelix.config.properties="file://$out/conf/base.json" \
      "${extra[@]}" \
      --enable-native-access=ALL-UNNAMED \
      -Djavax.accessibility.assistive_technologies=org.weasis.launcher.EmptyAccessibilityProvider \
      -cp "weasis-launcher.jar:felix.jar" org.weasis.launcher.AppLauncher
  ) >>"$out/weasis.log" 2>&1 &
  WEASIS_PID=$!
}

weasis_stop() {
  [[ -n ${WEASIS_PID:-} ]] && kill "$WEASIS_PID" 2>/dev/null || true
  local i
  for i in 1 2 3 4 5 6 7 8 9 10; do
    [[ -n ${WEASIS_PID:-} ]] && kill -0 "$WEASIS_PID" 2>/dev/null || break
    sleep 1
  done
  [[ -n ${WEASIS_PID:-} ]] && kill -9 "$WEASIS_PID" 2>/dev/null || true
  [[ -n ${XVFB_PID:-} ]] && kill "$XVFB_PID" 2>/dev/null || true
  WEASIS_PID=
  XVFB_PID=
}
