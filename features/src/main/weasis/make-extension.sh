#!/usr/bin/env bash
# Writes the Weasis extension file, INSTALL.md and bin/relocate into the admin zip's staging directory.
#   make-extension.sh STAGING_DIR VERSION
set -euo pipefail
dir=$1
version=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
home=/opt/radassist          # where INSTALL.md unzips to; bin/relocate rewrites it for another place
level=500                    # a start level Weasis' base.json does not use

# Governance first: its configuration guard and framework-property bridge must be in place before
# the other bundles' components read their configuration (Felix starts a level in install order).
urls=()
for jar in "$dir"/bundles/org.radassist.governance-*.jar "$dir"/bundles/*.jar; do
  url="file://$home/bundles/$(basename "$jar")"
  [[ -f $jar && " ${urls[*]} " != *" $url "* ]] && urls+=("$url")
done
if ((${#urls[@]} == 0)); then
  echo "make-extension.sh: no bundles in $dir/bundles" >&2
  exit 1
fi

cat > "$dir/ext-radassist.json" <<JSON
{
  "weasisPreferences": [
    { "code": "felix.auto.start.$level", "value": "${urls[*]}" },
    { "code": "org.osgi.framework.startlevel.beginning", "value": "$level" },
    { "code": "radassist.version", "value": "$version" },
    { "code": "radassist.governance.rollout.defaultMode", "value": "assistive" },
    { "code": "radassist.governance.review.thresholds", "value": "impression=0.6|differential=0.5|structured_field=0.7|code=0.8" },
    { "code": "radassist.governance.critical.channel", "value": "none" },
    { "code": "radassist.viewer.panel.lowConfidenceThreshold", "value": "0.6" }
  ]
}
JSON

mkdir -p "$dir/bin"
cat > "$dir/bin/relocate" <<'SH'
#!/usr/bin/env bash
# Points ext-radassist.json at the directory RadAssist was unzipped to (default: the one holding bin/).
set -euo pipefail
home=$(cd "${1:-$(dirname "${BASH_SOURCE[0]}")/..}" && pwd)
json="$home/ext-radassist.json"
sed -i.bak -E "s#file://[^ \"]*/bundles/#file://$home/bundles/#g" "$json"
echo "ext-radassist.json now loads bundles from $home/bundles"
SH
chmod +x "$dir/bin/relocate"
sed "s/@VERSION@/$version/g; s#@HOME@#$home#g; s/@LEVEL@/$level/g" "$here/INSTALL.md" > "$dir/INSTALL.md"
